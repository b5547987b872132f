//! A field of a template — what the writer fills in, its kind and its rules —
//! and the layout of a table field: typed columns (each an ordinary
//! [`Field`], so a cell is validated exactly like a field), fixed rows or
//! rows the writer adds, groups with their weights, and summary lines
//! computed from the whole report (总分, 等级). One file because a field may
//! hold a table and a table's columns are fields.

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::formula::Formula;
use crate::model::numbering::Numbering;

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

/// How a field appears in the exported text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Show {
    /// Prose as body paragraphs, figures as `标签：值`.
    #[default]
    Auto,
    /// Body paragraphs without the label.
    Body,
    /// `标签：值` lines (the Hunan form style).
    Labelled,
    /// Not printed on its own; used through the title or closing lines.
    Hidden,
}

impl Show {
    fn is_auto(&self) -> bool {
        *self == Show::Auto
    }
}

/// One field as declared in a template file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Guidance shown to the writer beside the field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    #[serde(default, skip_serializing_if = "Show::is_auto")]
    pub show: Show,
    /// Text a new project starts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Unit of an integer (人, 个 …) or money (元, 万元, 亿元) field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Decimal places kept for money (default 2) and percentages (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Maximum number of characters (line breaks not counted); for a list,
    /// per item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_len: Option<usize>,
    /// The choices of a `choice` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Numbering of a `list` field's items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
    /// The rows and columns of a `table` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Box<TableSpec>>,
    /// A table column's value computed from its row (or a summary line's
    /// from the whole report); see `docs/templates.md`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Formula>,
    /// Whether the writer may type over a computed column (a 得分 chosen
    /// within a 定性 tier); a computed column is read-only otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub editable: bool,
    /// The fixed rows a column applies to (分值 only on 年度资金总额); all
    /// rows when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
}

/// Money, percentages and decimals keep two decimals unless the template
/// says otherwise.
pub const DEFAULT_DECIMALS: u32 = 2;

impl Field {
    pub fn decimals(&self) -> u32 {
        self.decimals.unwrap_or(DEFAULT_DECIMALS)
    }

    pub fn unit(&self) -> &str {
        self.unit.as_deref().unwrap_or("")
    }

    /// Numbering of list items: 1、 unless the template chose another style.
    pub fn item_numbering(&self) -> Numbering {
        self.numbering.unwrap_or(Numbering::ArabicDun)
    }

    /// Whether the export prints this field as `标签：值`.
    pub fn is_labelled(&self) -> bool {
        match self.show {
            Show::Labelled => true,
            Show::Auto => !self.kind.is_multiline(),
            Show::Body | Show::Hidden => false,
        }
    }

    /// Whether this column is computed and may not be typed over.
    pub fn is_read_only(&self) -> bool {
        self.formula.is_some() && !self.editable
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Fixed rows (the funding block). When empty, the writer adds rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowSpec>,
    /// Heading of the column of row labels in a table with fixed rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_header: Option<String>,
    /// In a table whose rows the writer adds, the column that names a row in
    /// messages (三级指标); rows are "第N行" otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_label: Option<String>,
    pub columns: Vec<Field>,
    /// Rows grouped by a column's value (一级指标), with subtotals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Groups>,
    /// Lines printed under the table, each with a formula over the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowSpec {
    pub id: String,
    pub label: String,
    /// Text a cell shows until the writer types something (分值 10).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub cells: IndexMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Groups {
    /// The choice column whose value puts a row in a group.
    pub column: String,
    /// The choice column whose value must be one of the group's subgroups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcolumn: Option<String>,
    pub items: Vec<Group>,
    /// Number columns summed per group in the export.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtotals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    /// The group's share of the 100 points (产出指标 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subgroups: Vec<String>,
}

/// Names that a row's formulas see besides the columns: the entered and the
/// computed value of each column.
pub const ROW_NAMES: [&str; 2] = ["entered", "computed"];

impl TableSpec {
    pub fn has_fixed_rows(&self) -> bool {
        !self.rows.is_empty()
    }

    pub fn column(&self, id: &str) -> Option<&Field> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&RowSpec> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// Indexes of the columns a reader sees (hidden ones hold intermediate
    /// values such as 是否达成).
    pub fn shown_columns(&self) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.show != Show::Hidden)
            .map(|(i, _)| i)
            .collect()
    }

    /// The heading over the row labels of a table with fixed rows.
    pub fn row_heading(&self) -> &str {
        self.row_header.as_deref().unwrap_or("项目")
    }

    /// Whether `column` has a cell in the fixed row `row` (None: added rows).
    pub fn applies(column: &Field, row: Option<&str>) -> bool {
        column.rows.is_empty() || row.is_some_and(|r| column.rows.iter().any(|c| c == r))
    }
}
