//! A field of a template — what the writer fills in, its kind with the
//! options only that kind has, and its rules —
//! and the layout of a table field: typed columns (each an ordinary
//! [`Field`], so a cell is validated exactly like a field), fixed rows or
//! rows the writer adds, groups with their weights, and summary lines
//! computed from the whole report (总分, 等级). One file because a field may
//! hold a table and a table's columns are fields.

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::formula::Formula;
use super::kind::{Bounds, Kind};
use super::reading::ReadingSpec;
use crate::model::numbering::Numbering;

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
    pub(super) fn is_auto(&self) -> bool {
        *self == Show::Auto
    }
}

/// A field's kind with its own options. `unit` and `decimals` are absent
/// where the template left them out, so a file saves back as it was
/// written; [`Field::unit`] and [`Field::decimals`] give the
/// values in force.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// `max_len`: maximum number of characters, line breaks not counted.
    Text {
        max_len: Option<usize>,
    },
    Narrative {
        max_len: Option<usize>,
    },
    /// `max_len` counts per item.
    List {
        max_len: Option<usize>,
        numbering: Option<Numbering>,
    },
    Integer {
        unit: Option<String>,
        bounds: Bounds,
    },
    /// `unit` is 元, 万元 or 亿元 (checked when the template loads).
    Money {
        unit: String,
        decimals: Option<u32>,
        bounds: Bounds,
    },
    Percent {
        decimals: Option<u32>,
        bounds: Bounds,
    },
    Year {
        bounds: Bounds,
    },
    Date,
    /// `open`: the options are suggestions (一级/二级指标 as real tables
    /// label them vary), so any text is accepted and one outside them is a
    /// notice; otherwise only an option is. `multiple`: several options
    /// may be chosen (a form's 评价方式), and the value is a list.
    /// `boxes`: printed as the form prints it, every option with a check
    /// box (`☑部门整体支出 □项目支出`).
    Choice {
        options: Vec<String>,
        open: bool,
        multiple: bool,
        boxes: bool,
    },
    Decimal {
        unit: Option<String>,
        decimals: Option<u32>,
        bounds: Bounds,
    },
    Comparator,
    Table(Box<TableSpec>),
}

impl FieldKind {
    pub fn kind(&self) -> Kind {
        match self {
            FieldKind::Text { .. } => Kind::Text,
            FieldKind::Narrative { .. } => Kind::Narrative,
            FieldKind::List { .. } => Kind::List,
            FieldKind::Integer { .. } => Kind::Integer,
            FieldKind::Money { .. } => Kind::Money,
            FieldKind::Percent { .. } => Kind::Percent,
            FieldKind::Year { .. } => Kind::Year,
            FieldKind::Date => Kind::Date,
            FieldKind::Choice { .. } => Kind::Choice,
            FieldKind::Decimal { .. } => Kind::Decimal,
            FieldKind::Comparator => Kind::Comparator,
            FieldKind::Table(_) => Kind::Table,
        }
    }
}

/// One field as declared in a template file. Its JSON is a flat object —
/// `"kind": "integer", "unit": "人"` side by side — read and written through
/// `field_json.rs` (its serde impls), which refuses a key the kind does not
/// have.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: String,
    pub label: String,
    /// The kind and the options that only it has (unit, decimals, bounds,
    /// max_len, options, numbering, table); [`Field::kind`] is the bare kind.
    pub kind: FieldKind,
    pub required: bool,
    /// Guidance shown to the writer beside the field.
    pub hint: String,
    pub show: Show,
    /// Text a new project starts with.
    pub default: Option<String>,
    /// A table column's value computed from its row (or a summary line's
    /// from the whole report); see `docs/templates.md`.
    pub formula: Option<Formula>,
    /// Whether the writer may type over a computed column (a 得分 chosen
    /// within a 定性 tier); a computed column is read-only otherwise.
    pub editable: bool,
    /// The fixed rows a column applies to (分值 only on 年度资金总额); all
    /// rows when empty.
    pub rows: Vec<String>,
    /// How a score typed over this editable column is judged against the
    /// rule's (see [`Deduction`]).
    pub deduction: Option<Deduction>,
}

/// A score typed below the rule's is what the unit publishes (a deduction):
/// kept, shown beside the rule's, and its reason asked for in `reason`. A
/// score above the rule's is an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deduction {
    /// The column where the reason for a deduction is written (偏差原因分析及改进措施).
    pub reason: String,
    /// The lowest score the rule itself allows, where it allows a range (a
    /// 定性 tier: 部分达成 scores 80–60%); blank or absent: the formula's
    /// score is the only one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Formula>,
}

/// Money, percentages and decimals keep two decimals unless the template
/// says otherwise.
pub const DEFAULT_DECIMALS: u32 = 2;

impl Field {
    pub fn kind(&self) -> Kind {
        self.kind.kind()
    }

    /// The unit written after an integer, money or decimal value; "" for
    /// other kinds.
    pub fn unit(&self) -> &str {
        match &self.kind {
            FieldKind::Money { unit, .. } => unit,
            FieldKind::Integer { unit, .. } | FieldKind::Decimal { unit, .. } => {
                unit.as_deref().unwrap_or("")
            }
            _ => "",
        }
    }

    /// Decimal places kept for money, percentages and decimals.
    pub fn decimals(&self) -> u32 {
        match self.kind {
            FieldKind::Money { decimals, .. }
            | FieldKind::Percent { decimals, .. }
            | FieldKind::Decimal { decimals, .. } => decimals,
            _ => None,
        }
        .unwrap_or(DEFAULT_DECIMALS)
    }

    /// The range a number or year must fall in; unbounded for other kinds.
    pub fn bounds(&self) -> Bounds {
        match self.kind {
            FieldKind::Integer { bounds, .. }
            | FieldKind::Money { bounds, .. }
            | FieldKind::Percent { bounds, .. }
            | FieldKind::Year { bounds }
            | FieldKind::Decimal { bounds, .. } => bounds,
            _ => Bounds::default(),
        }
    }

    /// Maximum number of characters of prose (for a list, per item).
    pub fn max_len(&self) -> Option<usize> {
        match self.kind {
            FieldKind::Text { max_len }
            | FieldKind::Narrative { max_len }
            | FieldKind::List { max_len, .. } => max_len,
            _ => None,
        }
    }

    /// The choices of a `choice` field; none for other kinds.
    pub fn options(&self) -> &[String] {
        match &self.kind {
            FieldKind::Choice { options, .. } => options,
            _ => &[],
        }
    }

    /// Whether a `choice` field's options are only suggestions.
    pub fn is_open(&self) -> bool {
        matches!(self.kind, FieldKind::Choice { open: true, .. })
    }

    /// Whether a `choice` field takes several options (its value a list).
    pub fn is_multiple(&self) -> bool {
        matches!(self.kind, FieldKind::Choice { multiple: true, .. })
    }

    /// Whether a `choice` field is printed as check boxes.
    pub fn has_boxes(&self) -> bool {
        matches!(self.kind, FieldKind::Choice { boxes: true, .. })
    }

    /// Numbering of list items: 1、 unless the template chose another style.
    pub fn item_numbering(&self) -> Numbering {
        match self.kind {
            FieldKind::List {
                numbering: Some(numbering),
                ..
            } => numbering,
            _ => Numbering::ArabicDun,
        }
    }

    /// The rows and columns of a `table` field.
    pub fn table(&self) -> Option<&TableSpec> {
        match &self.kind {
            FieldKind::Table(spec) => Some(spec),
            _ => None,
        }
    }

    /// Whether the export prints this field as `标签：值`.
    pub fn is_labelled(&self) -> bool {
        match self.show {
            Show::Labelled => true,
            Show::Auto => !self.kind().is_multiline(),
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
    /// How targets and actual values are read (indicator tables).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<ReadingSpec>,
    /// Lines printed under the table, each with a formula over the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<Field>,
    /// The form's own notes under the table (`注：1.…`), printed as
    /// written after it. Not on screen: the table needs the rows, and the
    /// field's hint is the place for guidance while typing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
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
    /// The choice column whose value puts a row in a group. A label may
    /// state the group's weight (`产出指标（70分）`); the group is the name
    /// before it.
    pub column: String,
    /// The choice column whose value must be one of the group's subgroups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcolumn: Option<String>,
    pub items: Vec<Group>,
    /// Number columns summed per group in the export.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtotals: Vec<String>,
    /// The number column of a row's weight (分值): a group whose weight the
    /// table does not state weighs the sum of its rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_column: Option<String>,
    /// A number column stating the group's weight (一级分值), printed on
    /// the group's rows (a merged cell in the form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_weight_column: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    /// The group's usual share of the 100 points (产出指标 50): a hint
    /// for the writer, never judged (the table's own weights are).
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
