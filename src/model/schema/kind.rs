//! What sort of value a field holds, as the bare name that code compares
//! ([`Kind`]), and the bounds a number may have. The kind together with its
//! options is [`super::FieldKind`], beside the table it may hold.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What sort of value a field holds; decides validation, editing and export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One line of text (a name, a code, a phone number).
    Text,
    /// Paragraphs of prose, one per line.
    Narrative,
    /// Numbered items (部门职责 1、2、…; 改进措施 （一）（二）…); an item may
    /// hold several paragraphs.
    List,
    /// A whole number with an optional unit (人, 个, 人次 …).
    Integer,
    /// An amount of money in 元, 万元 or 亿元 with fixed decimals.
    Money,
    /// A percentage; values above 100 are allowed unless `max` says otherwise.
    Percent,
    /// A year such as 2022.
    Year,
    /// A date, written 2023年4月6日.
    Date,
    /// One of a fixed set of options.
    Choice,
    /// A plain decimal number such as a weight or a score (分值, 得分).
    Decimal,
    /// A target (年度指标值): `≥50个`, `≤90万元`, `=100%`, or words for a
    /// qualitative (定性) target.
    Comparator,
    /// A table of typed columns; its layout is the field's `table`.
    Table,
}

impl Kind {
    /// Kinds whose text is prose rather than a figure.
    pub fn is_prose(self) -> bool {
        matches!(self, Kind::Text | Kind::Narrative | Kind::List)
    }

    /// Kinds whose text spans lines: prose, and a table's JSON text (the
    /// TUI shows a table as a grid; the JSON, which reads back losslessly,
    /// is what `$EDITOR` edits).
    pub fn is_multiline(self) -> bool {
        matches!(self, Kind::Narrative | Kind::List | Kind::Table)
    }

    /// Kinds holding a number that can be summed.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Kind::Integer | Kind::Money | Kind::Percent | Kind::Decimal
        )
    }

    /// The name used in templates and in `ziping fields`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Narrative => "narrative",
            Kind::List => "list",
            Kind::Integer => "integer",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Choice => "choice",
            Kind::Decimal => "decimal",
            Kind::Comparator => "comparator",
            Kind::Table => "table",
        }
    }
}

/// The smallest and largest value a number or year field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bounds {
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
}
