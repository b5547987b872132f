//! The report model: templates, projects, validation, checks. Pure Rust that
//! knows nothing of terminals or files, so the CLI, the TUI and the tests all
//! drive the same functions.

pub mod check;
pub mod field;
pub mod format_error;
pub mod lint;
pub mod numbering;
pub mod outline;
pub mod project;
pub mod template;
pub mod value;
