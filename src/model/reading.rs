//! How one row of an indicator table was read, before any formula runs:
//! its target with the comparator in force (written, or the template's
//! default for the row's 二级指标, flipped by 指标方向 反向), and its actual
//! value as a figure in the target's unit, a qualitative tier, or a word
//! to confirm. Formulas see the result (`target`, `read`), the rules turn
//! it into findings, and the views can say it in words
//! ([`crate::strings::reading`]).

use rhai::{Dynamic, Map};
use rust_decimal::Decimal;

use super::formula::target_map;
use super::schema::{READ_NAME, ReadingSpec, SPLIT_TARGET_NAME};
use super::target::{Op, Target, figure, is_not_applicable};
use super::value_error::ValueError;

pub mod units;
pub mod vocabulary;

/// A qualitative tier (达成程度). The names are what formulas see as
/// `read.tier` and what a template's vocabulary is keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Met,
    MostlyMet,
    PartlyMet,
    NotMet,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Met, Tier::MostlyMet, Tier::PartlyMet, Tier::NotMet];

    pub fn name(self) -> &'static str {
        match self {
            Tier::Met => "达成",
            Tier::MostlyMet => "基本达成",
            Tier::PartlyMet => "部分达成",
            Tier::NotMet => "未达成",
        }
    }

    pub fn from_name(name: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Where the comparator of a quantitative target came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpFrom {
    /// Written in the cell.
    Written,
    /// A bare figure: the template's default for the row's `by` value
    /// (二级指标, as typed; empty when the row has none), flipped when the
    /// row's 指标方向 is 反向.
    Default { by: String, reversed: bool },
}

/// A target as read, with the comparator in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetReading {
    /// A bare figure carries the comparator it was read with.
    pub target: Target,
    pub op_from: OpFrom,
}

/// How a qualitative tier was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierFrom {
    /// A word of the vocabulary (built in, or added by the template).
    Vocabulary,
    /// The actual value is the target's own words (`高` against `高`).
    EqualsTarget,
}

/// An actual value (实际完成值) as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualReading {
    Blank,
    /// `/` or `—`.
    NotApplicable,
    /// A figure, perhaps with its comparator (`≥266米`) and unit.
    Figure {
        op: Option<Op>,
        value: Decimal,
        unit: String,
        /// The figure in the target's unit; `None` when the units cannot
        /// be compared (个 against %) or the target is not a figure.
        compared: Option<Decimal>,
    },
    Tier {
        tier: Tier,
        from: TierFrom,
    },
    /// Words the vocabulary does not know.
    Unknown(String),
}

/// One row as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// `None` while the target is blank or not readable.
    pub target: Option<TargetReading>,
    /// Why the split layout's 指标值 could not be read (the one-cell
    /// layout's comparator column reports its own).
    pub target_error: Option<ValueError>,
    pub actual: ActualReading,
}

impl Reading {
    /// Whether the actual value's units cannot be compared with the
    /// target's: the figure and the target unit, for the warning.
    pub fn units_differ(&self) -> Option<(&str, &str)> {
        let target = &self.target.as_ref()?.target;
        match (&self.actual, target) {
            (
                ActualReading::Figure {
                    unit,
                    compared: None,
                    ..
                },
                Target::Quantity { .. } | Target::Range { .. },
            ) => Some((unit, target.unit())),
            _ => None,
        }
    }
}

/// Reads a row; `text` gives a cell's text by column id ("" when blank).
pub fn read_row(spec: &ReadingSpec, text: &dyn Fn(&str) -> String) -> Reading {
    let (written, target_error) = written_target(spec, text);
    let target = written.map(|t| resolve(spec, t, text));
    let actual = read_actual(
        spec,
        &text(&spec.actual),
        target.as_ref().map(|t| &t.target),
    );
    Reading {
        target,
        target_error,
        actual,
    }
}

/// The target as written in its cell or its three split cells.
fn written_target(
    spec: &ReadingSpec,
    text: &dyn Fn(&str) -> String,
) -> (Option<Target>, Option<ValueError>) {
    if let Some(split) = &spec.split {
        let value = text(&split.value);
        let value = value.trim();
        if value.is_empty() {
            return (None, None);
        }
        if text(&split.nature).trim() == "定性" && !is_not_applicable(value) {
            return (Some(Target::Quality(value.to_string())), None);
        }
        return match Target::parse(value) {
            Ok(target) => (Some(with_unit(target, text(&split.unit).trim())), None),
            Err(e) => (None, Some(e)),
        };
    }
    let typed = spec.target.as_deref().map(text).unwrap_or_default();
    if typed.trim().is_empty() {
        return (None, None);
    }
    // The comparator column's own rules report a target it cannot read.
    (Target::parse(&typed).ok(), None)
}

/// A split target's figure with the 度量单位 column's unit, unless the
/// 指标值 cell wrote its own.
fn with_unit(target: Target, unit: &str) -> Target {
    match target {
        Target::Quantity { op, value, unit: u } if u.is_empty() => Target::Quantity {
            op,
            value,
            unit: unit.to_string(),
        },
        Target::Range { low, high, unit: u } if u.is_empty() => Target::Range {
            low,
            high,
            unit: unit.to_string(),
        },
        other => other,
    }
}

/// A bare figure gets the template's comparator for its row.
fn resolve(spec: &ReadingSpec, target: Target, text: &dyn Fn(&str) -> String) -> TargetReading {
    let Target::Quantity {
        op: None,
        value,
        unit,
    } = target
    else {
        return TargetReading {
            target,
            op_from: OpFrom::Written,
        };
    };
    let by = spec.by.as_deref().map(text).unwrap_or_default();
    let by = by.trim().to_string();
    let named = spec.defaults.get(&by).unwrap_or(&spec.default);
    // Checked when the template loads; `≥` stands in for a template made
    // in code.
    let op = Op::from_symbol(named).unwrap_or(Op::AtLeast);
    let reversed = spec
        .direction
        .as_deref()
        .is_some_and(|d| text(d).trim() == "反向");
    let op = if reversed { op.reversed() } else { op };
    TargetReading {
        target: Target::Quantity {
            op: Some(op),
            value,
            unit,
        },
        op_from: OpFrom::Default { by, reversed },
    }
}

/// The template's added words, by tier.
fn extra(spec: &ReadingSpec) -> impl Iterator<Item = (Tier, &[String])> {
    spec.tiers
        .iter()
        .filter_map(|(name, words)| Some((Tier::from_name(name)?, words.as_slice())))
}

fn read_actual(spec: &ReadingSpec, text: &str, target: Option<&Target>) -> ActualReading {
    let text = text.trim();
    if text.is_empty() {
        return ActualReading::Blank;
    }
    if is_not_applicable(text) {
        return ActualReading::NotApplicable;
    }
    if let Some(Target::Quality(words)) = target
        && vocabulary::normalized(words) == vocabulary::normalized(text)
    {
        return ActualReading::Tier {
            tier: Tier::Met,
            from: TierFrom::EqualsTarget,
        };
    }
    if let Some(tier) = vocabulary::tier_of(text, extra(spec)) {
        return ActualReading::Tier {
            tier,
            from: TierFrom::Vocabulary,
        };
    }
    let Some((op, value, unit)) = figure(text) else {
        return ActualReading::Unknown(text.to_string());
    };
    let compared = match target {
        Some(t @ (Target::Quantity { .. } | Target::Range { .. })) => {
            units::convert(value, &unit, t.unit())
        }
        _ => None,
    };
    ActualReading::Figure {
        op,
        value,
        unit,
        compared,
    }
}

/// The names a row's formulas and checks see from its reading: the target
/// with its comparator in force (under the target column's id, or
/// `target` in the split layout) and `read`, the actual value as read:
/// `#{actual, tier, stated}` (`actual` in the target's unit, `tier` the
/// tier's name, `stated` whether the comparator was written).
pub fn names(spec: &ReadingSpec, reading: &Reading) -> Vec<(String, Dynamic)> {
    let name = spec.target.as_deref().unwrap_or(SPLIT_TARGET_NAME);
    let target = reading
        .target
        .as_ref()
        .map_or(Dynamic::UNIT, |t| Dynamic::from(target_map(&t.target)));
    let mut read = Map::new();
    let actual = match &reading.actual {
        ActualReading::Figure {
            compared: Some(n), ..
        } => Dynamic::from(*n),
        _ => Dynamic::UNIT,
    };
    read.insert("actual".into(), actual);
    let tier = match &reading.actual {
        ActualReading::Tier { tier, .. } => Dynamic::from(tier.name()),
        _ => Dynamic::UNIT,
    };
    read.insert("tier".into(), tier);
    let stated = reading.target.as_ref().map_or(Dynamic::UNIT, |t| {
        Dynamic::from(t.op_from == OpFrom::Written)
    });
    read.insert("stated".into(), stated);
    vec![
        (name.to_string(), target),
        (READ_NAME.to_string(), Dynamic::from(read)),
    ]
}

#[cfg(test)]
#[path = "reading_tests.rs"]
mod tests;
