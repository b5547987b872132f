//! A performance target (年度指标值) as real 自评表 write it: a comparator in
//! any of its spellings with a number and a unit (`≥50个`, `不低于90%`,
//! `50个以上`), a bare figure (`100%`: its comparator is the template's
//! default for the row, see [`super::reading`]), a range (`90%-100%`,
//! `3～5个`), words for a qualitative (定性) target (`效果明显`), or `/` and
//! `—` for "not applicable".

use std::fmt;

use rust_decimal::Decimal;

use super::text::{leading_number, to_halfwidth};
use super::value_error::ValueError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    AtLeast,
    AtMost,
    Equal,
    /// Strict `>`: equality is a miss.
    Above,
    /// Strict `<`: equality is a miss.
    Below,
}

impl Op {
    /// The symbol printed in tables and seen by formulas as `target.op`.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtLeast => "≥",
            Op::AtMost => "≤",
            Op::Equal => "=",
            Op::Above => ">",
            Op::Below => "<",
        }
    }

    /// The comparator a template names by its symbol (`"≤"`).
    pub fn from_symbol(symbol: &str) -> Option<Op> {
        [Op::AtLeast, Op::AtMost, Op::Equal, Op::Above, Op::Below]
            .into_iter()
            .find(|op| op.symbol() == symbol)
    }

    /// The comparator of a 反向 (lower is better) indicator: `≥` becomes
    /// `≤`; `=` stays.
    pub fn reversed(self) -> Op {
        match self {
            Op::AtLeast => Op::AtMost,
            Op::AtMost => Op::AtLeast,
            Op::Above => Op::Below,
            Op::Below => Op::Above,
            Op::Equal => Op::Equal,
        }
    }
}

/// What formulas see as `target.op` for a qualitative target.
pub const QUALITATIVE: &str = "定性";
/// … for a range (`90%-100%`), with `target.low` and `target.high`.
pub const RANGE: &str = "范围";
/// … for a target marked not applicable (`/`, `—`).
pub const NOT_APPLICABLE: &str = "无";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Quantity {
        /// `None` for a bare figure (`100%`): no comparator was written.
        op: Option<Op>,
        value: Decimal,
        /// 个, 人次, 万元, % … as written; may be empty.
        unit: String,
    },
    /// Met inside the bounds (both included).
    Range {
        low: Decimal,
        high: Decimal,
        unit: String,
    },
    /// A qualitative target: the expected effect in words.
    Quality(String),
    /// `/` or `—` as typed: the row has no target to be scored against.
    NotApplicable(String),
}

/// Whether a spelling is a symbol (which must be followed by a number) or
/// words (which may be followed by words: `不低于上年水平` is a qualitative
/// target).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spelling {
    Symbol,
    Words,
}

/// Every spelling of a comparator before the number seen in published
/// tables (DOMAIN.md, "How real tables and reports are written"). Matched
/// longest first, so `>=` is not read as `>` and `大于等于` not as `大于`.
const PREFIXES: &[(&str, Op, Spelling)] = &[
    ("≥", Op::AtLeast, Spelling::Symbol),
    ("≧", Op::AtLeast, Spelling::Symbol),
    (">=", Op::AtLeast, Spelling::Symbol),
    ("＞＝", Op::AtLeast, Spelling::Symbol),
    ("＞=", Op::AtLeast, Spelling::Symbol),
    (">＝", Op::AtLeast, Spelling::Symbol),
    ("大于等于", Op::AtLeast, Spelling::Words),
    ("大于或等于", Op::AtLeast, Spelling::Words),
    ("不低于", Op::AtLeast, Spelling::Words),
    ("不少于", Op::AtLeast, Spelling::Words),
    ("不小于", Op::AtLeast, Spelling::Words),
    ("至少", Op::AtLeast, Spelling::Words),
    ("≤", Op::AtMost, Spelling::Symbol),
    ("≦", Op::AtMost, Spelling::Symbol),
    ("<=", Op::AtMost, Spelling::Symbol),
    ("＜＝", Op::AtMost, Spelling::Symbol),
    ("＜=", Op::AtMost, Spelling::Symbol),
    ("<＝", Op::AtMost, Spelling::Symbol),
    ("小于等于", Op::AtMost, Spelling::Words),
    ("小于或等于", Op::AtMost, Spelling::Words),
    ("不高于", Op::AtMost, Spelling::Words),
    ("不超过", Op::AtMost, Spelling::Words),
    ("不多于", Op::AtMost, Spelling::Words),
    ("不大于", Op::AtMost, Spelling::Words),
    ("至多", Op::AtMost, Spelling::Words),
    ("==", Op::Equal, Spelling::Symbol),
    ("=", Op::Equal, Spelling::Symbol),
    ("＝", Op::Equal, Spelling::Symbol),
    // U+FE66 SMALL EQUALS SIGN, printed by one province's system.
    ("﹦", Op::Equal, Spelling::Symbol),
    ("等于", Op::Equal, Spelling::Words),
    (">", Op::Above, Spelling::Symbol),
    ("＞", Op::Above, Spelling::Symbol),
    ("大于", Op::Above, Spelling::Words),
    ("高于", Op::Above, Spelling::Words),
    ("超过", Op::Above, Spelling::Words),
    ("多于", Op::Above, Spelling::Words),
    ("<", Op::Below, Spelling::Symbol),
    ("＜", Op::Below, Spelling::Symbol),
    ("小于", Op::Below, Spelling::Words),
    ("低于", Op::Below, Spelling::Words),
    ("少于", Op::Below, Spelling::Words),
];

/// Comparators written after the figure: `50个以上`, `3天以内`. In Chinese
/// official usage 以上 and 以下 include the number itself.
const SUFFIXES: &[(&str, Op)] = &[
    ("及以上", Op::AtLeast),
    ("以上", Op::AtLeast),
    ("及以下", Op::AtMost),
    ("以下", Op::AtMost),
    ("以内", Op::AtMost),
    ("内", Op::AtMost),
];

/// The marks of a target that does not apply.
const NOT_APPLICABLE_MARKS: &[&str] = &["/", "／", "—", "——", "-", "－", "―", "无", "不适用"];

/// Between the bounds of a range: `90%-100%`, `3～5个`, `3至5个`.
const RANGE_SEPARATORS: &[char] = &['-', '~', '～', '〜', '至', '—', '–'];

/// A unit longer than this (or holding a digit) is words after a number
/// (`12月底前完成`), not a unit.
const MAX_UNIT_CHARS: usize = 4;

/// Whether `text` marks "not applicable".
pub fn is_not_applicable(text: &str) -> bool {
    NOT_APPLICABLE_MARKS.contains(&text.trim())
}

/// The comparator `text` starts with, how it is spelt, and what follows.
fn strip_prefix(text: &str) -> Option<(Op, Spelling, &str)> {
    PREFIXES
        .iter()
        .filter_map(|(s, op, how)| text.strip_prefix(s).map(|rest| (s.len(), *op, *how, rest)))
        .max_by_key(|(len, ..)| *len)
        .map(|(_, op, how, rest)| (op, how, rest))
}

/// The comparator `unit` ends with (`个以上`), and the unit without it.
fn strip_suffix(unit: &str) -> (Option<Op>, &str) {
    SUFFIXES
        .iter()
        .find_map(|(s, op)| unit.strip_suffix(s).map(|rest| (Some(*op), rest)))
        .unwrap_or((None, unit))
}

/// Characters no unit has but dates and deadlines do (`12月底前`).
const NOT_IN_UNITS: &[char] = &['前', '后', '底', '初', '末'];

/// A unit as written after a figure, or `None` when it is words.
fn unit_of(rest: &str) -> Option<String> {
    let plausible = rest.chars().count() <= MAX_UNIT_CHARS
        && !rest
            .chars()
            .any(|c| c.is_ascii_digit() || NOT_IN_UNITS.contains(&c));
    plausible.then(|| rest.to_string())
}

/// A figure as written in a table cell, with what may surround it: a
/// comparator before (`≥266米`) or after (`50个以上`) and a unit. `None`
/// when the text is not a figure (words, or words after a number).
pub(super) fn figure(text: &str) -> Option<(Option<Op>, Decimal, String)> {
    let text = text.trim();
    let (op, rest) = match strip_prefix(text) {
        Some((op, _, rest)) => (Some(op), rest),
        None => (None, text),
    };
    let (value, rest) = leading_number(rest)?;
    let (after, unit) = strip_suffix(&rest);
    Some((op.or(after), value, unit_of(unit)?))
}

/// `90%-100%` or `3～5个`: the bounds, in order, and the unit.
fn range(text: &str) -> Option<(Decimal, Decimal, String)> {
    let text = to_halfwidth(text);
    let (low, rest) = leading_number(&text)?;
    let at = rest.find(RANGE_SEPARATORS)?;
    let first_unit = &rest[..at];
    let after = &rest[at..];
    let after = after.strip_prefix(RANGE_SEPARATORS).unwrap_or(after);
    let (high, unit) = leading_number(after)?;
    let unit = unit_of(&unit)?;
    let unit = match (first_unit, unit.as_str()) {
        (first, "") => first.to_string(),
        ("", _) => unit,
        (first, second) if first == second => unit,
        _ => return None,
    };
    Some((low.min(high), low.max(high), unit))
}

impl Target {
    /// Reads a target in any of the spellings real tables use. Refused: a
    /// comparator symbol with no figure after it (`≥`, `≤很多`) and a
    /// negative figure.
    pub fn parse(text: &str) -> Result<Target, ValueError> {
        let text = text.trim();
        if is_not_applicable(text) {
            return Ok(Target::NotApplicable(text.to_string()));
        }
        if let Some((op, how, rest)) = strip_prefix(text) {
            return match figure(text) {
                Some((_, value, _)) if value.is_sign_negative() => Err(ValueError::NegativeTarget),
                Some((_, value, unit)) => Ok(Target::Quantity {
                    op: Some(op),
                    value,
                    unit,
                }),
                // 不低于上年水平: words after words are a qualitative target.
                None if how == Spelling::Words && leading_number(rest).is_none() => {
                    Ok(Target::Quality(text.to_string()))
                }
                None => Err(ValueError::TargetWithoutNumber(op.symbol())),
            };
        }
        if let Some((low, high, unit)) = range(text) {
            return Ok(Target::Range { low, high, unit });
        }
        if let Some((op, value, unit)) = figure(text) {
            if value.is_sign_negative() {
                return Err(ValueError::NegativeTarget);
            }
            return Ok(Target::Quantity { op, value, unit });
        }
        let words = text.strip_prefix("定性").unwrap_or(text);
        let words = words.trim_start_matches(['：', ':']).trim();
        Ok(Target::Quality(words.to_string()))
    }

    /// The unit figures are compared in; empty for words and marks.
    pub fn unit(&self) -> &str {
        match self {
            Target::Quantity { unit, .. } | Target::Range { unit, .. } => unit,
            Target::Quality(_) | Target::NotApplicable(_) => "",
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Quantity { op, value, unit } => {
                let op = op.map_or("", Op::symbol);
                write!(f, "{op}{}{unit}", value.normalize())
            }
            // A percentage range keeps its sign on both bounds, as tables
            // print it (`90%-100%`); other units once at the end (`3-5个`).
            Target::Range { low, high, unit } if unit == "%" => {
                write!(f, "{}%-{}%", low.normalize(), high.normalize())
            }
            Target::Range { low, high, unit } => {
                write!(f, "{}-{}{unit}", low.normalize(), high.normalize())
            }
            Target::Quality(words) | Target::NotApplicable(words) => f.write_str(words),
        }
    }
}

#[cfg(test)]
#[path = "target_tests.rs"]
mod tests;
