//! Cross-checks a template declares: a condition over the report's figures
//! (a Rhai expression, see [`crate::model::formula`]), a severity and a message in
//! Chinese whose `{…}` placeholders are filled with figures, e.g.
//!
//! ```json
//! { "at": "indicators", "each": "row", "column": "score",
//!   "assert": "score >= 0 && score <= weight", "severity": "error",
//!   "message": "得分{score}应在0至分值{weight}之间" }
//! ```
//!
//! Judging them is [`crate::model::crosscheck`]'s business.

use serde::{Deserialize, Serialize};

use super::formula::Formula;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossCheck {
    /// A name for the check, so a template that inherits this one can
    /// replace, change or remove it (see `model::inherit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The field or table the check belongs to (where it is reported).
    pub at: String,
    /// What the condition is judged over.
    #[serde(default, skip_serializing_if = "Each::is_report")]
    pub each: Each,
    /// For `row` and `column` over fixed rows: the rows involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
    /// The column a `row` or `group` problem points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// For `column`: judged once per column listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    pub assert: Formula,
    pub severity: Severity,
    pub message: String,
    /// The message in English, for `--lang en`; the Chinese one otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_en: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Each {
    /// Once, over the report-wide names.
    #[default]
    Report,
    /// Per row of the table; the row's columns are names.
    Row,
    /// Per listed column of a fixed table; each row id names that row's cell.
    Column,
    /// Per group of the table; `group` is `#{name, weight, total}`.
    Group,
}

impl Each {
    fn is_report(&self) -> bool {
        *self == Each::Report
    }
}

/// How bad a finding is; a template's check declares its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: the report is not ready to hand in (`ziping check` exits 1).
    Error,
    /// 警告: worth a look; does not block.
    Warning,
    /// 提示: how something was read or what could be done; never marks a
    /// section or a field and is not counted on the status line.
    Notice,
}
