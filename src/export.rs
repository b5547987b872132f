//! Turning a project into the documents people hand in. Pure functions.

pub mod blocks;
pub mod docx;
pub mod form;
pub mod grid;
pub mod markdown;
pub mod table;
pub mod text;
pub mod wrap;

/// Two ideographic spaces (U+3000) start every body paragraph (GB/T 9704).
/// Here rather than in `text` because tables indent their lines too, and
/// `text` already uses `table`.
pub const INDENT: &str = "\u{3000}\u{3000}";
