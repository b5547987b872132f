//! Turning a project into the documents people hand in. Pure functions.

pub mod text;
pub mod wrap;
