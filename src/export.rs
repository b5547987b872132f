//! Turning a project into the documents people hand in. Pure functions.

pub mod table;
pub mod text;
pub mod wrap;
