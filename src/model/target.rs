//! A performance target (年度指标值) as written in the 自评表: a comparator,
//! a number and a unit (`≥50个`, `≤90万元`, `=100%`), or words for a
//! qualitative (定性) target (`效果明显`).

use std::fmt;

use rust_decimal::Decimal;

use super::text::leading_number;
use super::value_error::ValueError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    AtLeast,
    AtMost,
    Equal,
}

impl Op {
    /// The symbol printed in tables and seen by formulas as `target.op`.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtLeast => "≥",
            Op::AtMost => "≤",
            Op::Equal => "=",
        }
    }
}

/// What formulas see as `target.op` for a qualitative target.
pub const QUALITATIVE: &str = "定性";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Quantity {
        op: Op,
        value: Decimal,
        /// 个, 人次, 万元, % … as written; may be empty.
        unit: String,
    },
    /// A qualitative target: the expected effect in words.
    Quality(String),
}

/// Spellings of each comparator seen in real tables, longest first so `>=`
/// is not read as `>` followed by `=`.
const SPELLINGS: [(&str, Op); 10] = [
    ("＞＝", Op::AtLeast),
    ("＜＝", Op::AtMost),
    (">=", Op::AtLeast),
    ("<=", Op::AtMost),
    ("==", Op::Equal),
    ("≥", Op::AtLeast),
    ("≧", Op::AtLeast),
    ("≤", Op::AtMost),
    ("≦", Op::AtMost),
    ("＝", Op::Equal),
];

impl Target {
    /// Reads a target. A bare number is refused rather than guessed at: the
    /// comparator decides how the indicator is scored.
    pub fn parse(text: &str) -> Result<Target, ValueError> {
        let text = text.trim();
        let found = SPELLINGS
            .iter()
            .find_map(|(s, op)| text.strip_prefix(s).map(|rest| (*op, rest)))
            .or_else(|| text.strip_prefix('=').map(|rest| (Op::Equal, rest)));
        let Some((op, rest)) = found else {
            if leading_number(text).is_some() {
                return Err(ValueError::TargetWithoutComparator(text.to_string()));
            }
            let words = text.strip_prefix("定性").unwrap_or(text);
            let words = words.trim_start_matches(['：', ':']).trim();
            return Ok(Target::Quality(words.to_string()));
        };
        let symbol = op.symbol();
        let (value, unit) = leading_number(rest).ok_or(ValueError::TargetWithoutNumber(symbol))?;
        if value.is_sign_negative() {
            return Err(ValueError::NegativeTarget);
        }
        Ok(Target::Quantity { op, value, unit })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Quantity { op, value, unit } => {
                write!(f, "{}{}{unit}", op.symbol(), value.normalize())
            }
            Target::Quality(words) => f.write_str(words),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_read_in_their_usual_spellings() {
        let cases = [
            ("≥50个", "≥50个"),
            (">=50个", "≥50个"),
            ("＞＝５０个", "≥50个"),
            ("≤90万元", "≤90万元"),
            ("<= 90.00万元", "≤90万元"),
            ("=100%", "=100%"),
            ("＝100％", "=100%"),
            ("≥1,000人次", "≥1000人次"),
            ("效果明显", "效果明显"),
            ("定性：群众认可", "群众认可"),
        ];
        for (input, shown) in cases {
            let target = Target::parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(target.to_string(), shown, "{input}");
        }
    }

    #[test]
    fn targets_without_a_comparator_or_number_are_refused() {
        let cases = [
            ("50个", "请在数值前写明比较符号，如 ≥50个、≤50个 或 =50个"),
            ("≥", "请在“≥”后写数值和单位，如 ≥50个"),
            ("≤很多", "请在“≤”后写数值和单位，如 ≤50个"),
            ("≥-3", "指标值不能为负数"),
        ];
        for (input, message) in cases {
            let got = Target::parse(input)
                .map_err(|e| crate::strings::value_error(&e, crate::lang::Lang::Zh));
            assert_eq!(got, Err(message.to_string()), "{input}");
        }
    }
}
