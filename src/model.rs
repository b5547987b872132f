//! The report model: templates, projects, validation, checks. Pure Rust that
//! knows nothing of terminals or files, so the CLI, the TUI and the tests all
//! drive the same functions.
//!
//! [`schema`] holds a template's declarations (fields, tables, formulas as
//! text, cross-checks) and imports nothing that evaluates them; [`text`] and
//! [`numbering`] are leaves beside it. Everything else reads the
//! declarations: [`validate`] loads a template, [`value`], [`target`] and
//! [`formula`] read and compute figures (or say why not, [`value_error`]), [`project`], [`sheet`] and
//! [`table_value`] hold a report's values, and [`rules`], [`crosscheck`],
//! [`lint`] and [`report`] find what is wrong with them.

pub mod linebreak;
pub mod numbering;
pub mod schema;
pub mod text;

pub mod validate;

pub mod cell_path;
pub mod cell_reading;
pub mod choice;
pub mod crosscheck;
pub mod figures;
pub mod finding;
pub mod format_error;
pub mod formula;
pub mod groups;
pub mod held;
pub mod inherit;
pub mod json;
pub mod lint;
pub mod named;
pub mod outline;
pub mod project;
pub mod reading;
pub mod repeat;
pub mod report;
pub mod roll;
pub mod row_path;
pub mod rules;
pub mod scores;
pub mod search;
pub mod sheet;
pub mod table_value;
pub mod target;
pub mod upgrade;
pub mod value;
pub mod value_error;
pub mod wording;
