//! The report model: templates, projects, validation, checks. Pure Rust that
//! knows nothing of terminals or files, so the CLI, the TUI and the tests all
//! drive the same functions.

pub mod cell_path;
pub mod crosscheck;
pub mod field;
pub mod finding;
pub mod format_error;
pub mod formula;
pub mod lint;
pub mod numbering;
pub mod outline;
pub mod project;
pub mod report;
pub mod rules;
pub mod sheet;
pub mod table;
pub mod table_value;
pub mod target;
pub mod template;
pub mod text;
pub mod upgrade;
pub mod value;
