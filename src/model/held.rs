//! The holding place: text an import found no field for, kept in the
//! project (`unplaced` in the file) rather than dropped, until the writer
//! moves it into a field or deletes it. `ziping check` lists each piece as
//! a notice, so it cannot be forgotten.

use serde::{Deserialize, Serialize};

/// One piece of text waiting for a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Held {
    /// The text as the document had it (paragraphs separated by `\n`, a
    /// table's cells by tabs).
    pub text: String,
    pub reason: HeldReason,
    /// The heading it came under in the document, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub under: Option<String>,
}

/// Why a piece found no field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeldReason {
    /// Under a heading the template has no section for.
    UnknownHeading,
    /// Under a section with no field that takes paragraphs (a heading
    /// with sub-sections only), or after its fields were filled.
    NoField,
    /// A table whose header names match no table of the template.
    UnknownTable,
    /// A table row or cell the template's table has no place for.
    TableRest,
}
