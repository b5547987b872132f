//! What the checks find: typed values — where, how bad, and what with its
//! figures. The sentences are made from them by [`crate::strings`], in the
//! reader's language; tests match on the kind.

use rust_decimal::Decimal;

use super::figures::issue::FigureIssue;
use super::formula::FormulaError;
use super::held::HeldReason;
use super::lint::Lint;
use super::schema::{Severity, Template};
use super::target::Target;
use super::value_error::{Expectation, ValueError};

/// Where a finding is: the field (and the outline node of its section), and
/// for a table the row and column where they are known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The field's id.
    pub field: String,
    /// The field's section in the outline walk; `None` for a value the
    /// template no longer has.
    pub node: Option<usize>,
    /// The row's label (`年度资金总额`, `第3行「培训党员人次」`).
    pub row: Option<String>,
    /// The column's label.
    pub column: Option<String>,
    /// The cell's `ziping set` path, where the finding is about one cell.
    pub path: Option<String>,
}

impl Place {
    pub fn field(id: &str, node: Option<usize>) -> Place {
        Place {
            field: id.to_string(),
            node,
            ..Place::default()
        }
    }
}

/// A template as a message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateName {
    pub id: String,
    pub name: String,
}

impl TemplateName {
    pub fn of(template: &Template) -> TemplateName {
        TemplateName {
            id: template.id.clone(),
            name: template.name.clone(),
        }
    }
}

/// What was found, with the figures its sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// A required field not filled in yet: an error for `check`, but "not
    /// done yet" in the outline rather than ✗.
    Missing,
    /// Text that is not a value of its kind; `item` for a list's items
    /// (from 1).
    Invalid {
        item: Option<usize>,
        error: ValueError,
    },
    TooLong {
        item: Option<usize>,
        count: usize,
        max: usize,
    },
    /// A figure with more decimals than its field shows: kept and computed
    /// exactly, shown rounded. `typed` as written, `exact` in the field's
    /// unit, `shown` as the export prints it.
    Rounded {
        typed: String,
        exact: String,
        shown: String,
        decimals: u32,
    },
    /// List items that start with a number their writer typed (pasted
    /// lists): `items` from 1, `example` the first such number as typed.
    /// The export prints its own number in its place; a command of the
    /// editor removes the typed ones.
    TypedNumbers { items: Vec<usize>, example: String },
    /// A reviewer's remark on prose.
    Lint { item: Option<usize>, lint: Lint },
    /// A figure in prose that its table, its list or the report's year
    /// contradicts; `item` for a list's items (from 1).
    Figure {
        item: Option<usize>,
        issue: FigureIssue,
    },
    /// A value in the file of the wrong JSON type (a number where text
    /// belongs), kept as it is.
    WrongType {
        found: String,
        expected: Expectation,
    },
    /// A table's value that is not a table at all.
    TableUnreadable,
    /// A table stored in the other shape (listed rows where fixed rows
    /// belong, or the reverse).
    TableShape { fixed_rows: bool },
    /// Text in a column this row does not have.
    UnusedCell { column: String },
    /// Text typed over a computed column.
    ComputedTyped { column: String },
    /// A 二级指标 that is not one of its 一级指标's; `open` where the
    /// column takes any label (a notice: used as written).
    WrongSubgroup {
        sub: String,
        group: String,
        allowed: Vec<String>,
        open: bool,
    },
    /// A label outside the suggestions of an open choice column (一级 or
    /// 二级指标 as a province prints it): used as written.
    UnusualLabel {
        label: String,
        column: String,
        usual: Vec<String>,
    },
    /// A group's rows stating different weights (`产出指标（70分）` on
    /// one, `（60分）` on another): `weight` counts, `others` do not.
    GroupWeightsDiffer {
        group: String,
        weight: Decimal,
        others: Vec<Decimal>,
    },
    /// A typed score below the rule's (a deduction the unit made): kept as
    /// published; `floor` where the rule allows a range (a 定性 tier).
    ScoreBelowRule {
        typed: Decimal,
        rule: Decimal,
        floor: Option<Decimal>,
    },
    /// A deduction with no reason written in `reason` (the column's label).
    DeductionUnexplained {
        typed: Decimal,
        rule: Decimal,
        reason: String,
    },
    /// A typed score above what the rule gives.
    ScoreAboveRule { typed: Decimal, rule: Decimal },
    /// A mistake in the template's formula: the template, so the writer
    /// knows which file to fix (a project carries its own copy), and what.
    Formula {
        template: TemplateName,
        error: FormulaError,
    },
    /// A template's cross-check that failed: its own message with the
    /// figures filled in (and its English one, if it gives one).
    Check { zh: String, en: Option<String> },
    /// A value the template has no field for: kept, not exported.
    Orphan,
    /// A target written without a comparator (`100%`), read with the
    /// template's default for the row (`≥100%`): `by` is the row's 二级指标
    /// as typed, `reversed` whether its 指标方向 反向 flipped the default.
    TargetDefault {
        written: String,
        read: Target,
        by: String,
        reversed: bool,
    },
    /// A target marked not applicable (`/`, `—`): the row is not scored
    /// against a target.
    TargetNotApplicable { mark: String },
    /// A row with a target and no actual value yet: "not done yet", like
    /// [`FindingKind::Missing`].
    ActualMissing,
    /// An actual value whose tier cannot be told (a word the vocabulary
    /// does not know, or a figure against a qualitative target): asked to
    /// confirm, never refused.
    ActualUnknown { word: String },
    /// An actual value in a unit that cannot be compared with the
    /// target's (个 against %): not scored.
    UnitsDiffer { actual: String, target: String },
    /// A table's row (column `None`) or cell the template has no place
    /// for: kept, not shown or exported. `row` is the row's id, or its
    /// position from 1 in a table whose rows the writer adds.
    Unplaced { row: String, column: Option<String> },
    /// A paragraph or list kept from last year by `ziping roll`, not yet
    /// edited or confirmed unchanged (沿用去年).
    Carried,
    /// Text an import found no field for, waiting in the holding place:
    /// `index` its number there from 1, the document's heading it came
    /// under, the start of the text.
    Held {
        index: usize,
        reason: HeldReason,
        under: Option<String>,
        preview: String,
    },
}

/// One finding: where, how bad, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    pub severity: Severity,
    pub kind: FindingKind,
}

impl FindingKind {
    /// A stable name of the kind, for scripts (`ziping check --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::Invalid { .. } => "invalid",
            FindingKind::TooLong { .. } => "too_long",
            FindingKind::Rounded { .. } => "rounded",
            FindingKind::TypedNumbers { .. } => "typed_numbers",
            FindingKind::Lint {
                lint: Lint::DocumentNumber { .. },
                ..
            } => "document_number",
            FindingKind::Lint {
                lint: Lint::ControlCharacters,
                ..
            } => "control_characters",
            FindingKind::Figure { issue, .. } => issue.code(),
            FindingKind::WrongType { .. } => "wrong_type",
            FindingKind::TableUnreadable => "table_unreadable",
            FindingKind::TableShape { .. } => "table_shape",
            FindingKind::UnusedCell { .. } => "unused_cell",
            FindingKind::ComputedTyped { .. } => "computed_typed",
            FindingKind::WrongSubgroup { .. } => "wrong_subgroup",
            FindingKind::UnusualLabel { .. } => "unusual_label",
            FindingKind::GroupWeightsDiffer { .. } => "group_weights_differ",
            FindingKind::ScoreBelowRule { .. } => "score_below_rule",
            FindingKind::DeductionUnexplained { .. } => "deduction_unexplained",
            FindingKind::ScoreAboveRule { .. } => "score_above_rule",
            FindingKind::Formula { .. } => "formula",
            FindingKind::Check { .. } => "check",
            FindingKind::Orphan => "orphan",
            FindingKind::Unplaced { .. } => "unplaced",
            FindingKind::Held { .. } => "held",
            FindingKind::Carried => "carried",
            FindingKind::TargetDefault { .. } => "target_default",
            FindingKind::TargetNotApplicable { .. } => "target_not_applicable",
            FindingKind::ActualMissing => "actual_missing",
            FindingKind::ActualUnknown { .. } => "actual_unknown",
            FindingKind::UnitsDiffer { .. } => "units_differ",
        }
    }
}

impl Finding {
    /// Whether it makes its field and section ✗: an error, and not merely
    /// something still to be filled in.
    pub fn marks_invalid(&self) -> bool {
        self.severity == Severity::Error && !self.is_to_fill()
    }

    /// Whether it is something still to be filled in rather than a wrong
    /// value.
    pub fn is_to_fill(&self) -> bool {
        matches!(self.kind, FindingKind::Missing | FindingKind::ActualMissing)
    }
}
