//! Turning what a writer typed into a typed value, or a [`ValueError`] that
//! says what is wrong and what is expected.
//!
//! Money and rates are exact decimals, kept as typed (`89.974` stays
//! 89.974, `383,406元` in a 万元 field is 38.3406) and computed exactly;
//! only the display rounds, 四舍五入 (half away from zero) to the field's
//! decimals, the convention of Chinese finance tables, and
//! [`hidden_digits`] tells when it does so a notice can say it.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::schema::{Field, Kind};
use super::target::Target;
use super::text::{CHOICE_SEPARATOR, parse_decimal, split_choices, split_number, to_halfwidth};
use super::value_error::{Expectation, Measure, ValueError};

/// A validated figure or choice. Prose stays text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Integer(i64),
    /// Money in the field's unit, or a percentage (85.5 means 85.5%).
    Decimal(Decimal),
    Year(i32),
    Date(Date),
    Choice(String),
    /// The options chosen in a field that takes several, in the order typed.
    Choices(Vec<String>),
    /// A target (年度指标值) such as `≥50个` or a qualitative one.
    Target(Target),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    /// The form official documents use: full year, no leading zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// Years outside this range are almost certainly typing slips.
pub const YEAR_RANGE: std::ops::RangeInclusive<i64> = 1949..=2100;

/// Parses the text of a single-value field. `Ok(None)` means empty.
pub fn parse(field: &Field, raw: &str) -> Result<Option<Value>, ValueError> {
    let text = raw.trim_matches(|c: char| c.is_whitespace());
    if text.is_empty() {
        return Ok(None);
    }
    let value = match field.kind() {
        Kind::Text => {
            if text.contains('\n') {
                return Err(ValueError::Multiline);
            }
            Value::Text(text.to_string())
        }
        Kind::Narrative | Kind::List => Value::Text(raw.to_string()),
        Kind::Integer => Value::Integer(parse_integer(field, text)?),
        Kind::Money => Value::Decimal(parse_money(field, text)?),
        Kind::Percent => Value::Decimal(parse_percent(field, text)?),
        Kind::Year => Value::Year(parse_year(field, text)?),
        Kind::Date => Value::Date(parse_date(text)?),
        Kind::Choice if field.is_multiple() => Value::Choices(
            split_choices(text)
                .map(|choice| parse_choice(field, choice))
                .collect::<Result<_, _>>()?,
        ),
        Kind::Choice => Value::Choice(parse_choice(field, text)?),
        Kind::Decimal => Value::Decimal(parse_plain_decimal(field, text)?),
        Kind::Comparator => Value::Target(Target::parse(text)?),
        Kind::Table => return Err(ValueError::Cellwise),
    };
    Ok(Some(value))
}

/// One option of a choice: one of the field's, or anything when they are
/// only suggestions.
fn parse_choice(field: &Field, text: &str) -> Result<String, ValueError> {
    if !field.is_open() && !field.options().iter().any(|o| o == text) {
        return Err(ValueError::NotAnOption(field.options().to_vec()));
    }
    Ok(text.to_string())
}

/// The canonical text of a value, as exported: `33016人次`, `38.34万元`,
/// `56.7%`, `2023年4月6日`.
pub fn display(field: &Field, value: &Value) -> String {
    match value {
        Value::Text(s) | Value::Choice(s) => s.clone(),
        Value::Choices(chosen) => chosen.join(CHOICE_SEPARATOR),
        Value::Integer(n) => format!("{n}{}", field.unit()),
        Value::Decimal(d) if field.kind() == Kind::Percent => {
            format!("{}%", round(*d, field.decimals()).normalize())
        }
        Value::Decimal(d) => format!("{}{}", fixed(*d, field.decimals()), field.unit()),
        Value::Year(y) => y.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Target(t) => t.to_string(),
    }
}

/// A number in the field's fixed decimals and unit (`85.00%`, `8.50`): how
/// computed figures are shown, since a table column keeps one precision.
pub fn display_fixed(field: &Field, number: Decimal) -> String {
    match field.kind() {
        Kind::Percent => format!("{}%", fixed(number, field.decimals())),
        Kind::Integer => format!("{}{}", fixed(number, 0), field.unit()),
        _ => format!("{}{}", fixed(number, field.decimals()), field.unit()),
    }
}

/// When showing `value` in `field`'s decimals drops digits it has: the
/// exact value (in the field's unit) and the value as shown. `None` when
/// the display shows it exactly, or it is not a decimal.
pub fn hidden_digits(field: &Field, value: &Value) -> Option<(Decimal, Decimal)> {
    let Value::Decimal(exact) = value else {
        return None;
    };
    let shown = round(*exact, field.decimals());
    (shown != *exact).then_some((exact.normalize(), shown))
}

/// A figure in a message (a check's `{expression}`): in the field's fixed
/// decimals when that shows it exactly, else with the digits it has, so
/// that a difference of 0.004 between typed figures is not shown as 0.00.
/// A quotient's endless digits (more than [`MESSAGE_DIGITS`]) are rounded
/// as the column rounds.
pub fn display_figure(field: &Field, number: Decimal) -> String {
    let exact = number.normalize();
    if round(number, field.decimals()) == number || exact.scale() > MESSAGE_DIGITS {
        return display_fixed(field, number);
    }
    match field.kind() {
        Kind::Percent => format!("{exact}%"),
        _ => format!("{exact}{}", field.unit()),
    }
}

/// The most decimals a message shows of a figure: typed figures have
/// fewer; more means a quotient.
const MESSAGE_DIGITS: u32 = 6;

/// `number` rounded 四舍五入 and written with exactly `decimals` places.
pub fn fixed(number: Decimal, decimals: u32) -> String {
    let mut d = round(number, decimals);
    d.rescale(decimals);
    d.to_string()
}

/// 四舍五入 to `decimals` places (half away from zero).
pub fn round(number: Decimal, decimals: u32) -> Decimal {
    number.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Number of characters as a reader counts them: line breaks excluded.
pub fn char_count(text: &str) -> usize {
    text.chars().filter(|c| *c != '\n' && *c != '\r').count()
}

fn check_range(field: &Field, value: Decimal, what: Measure) -> Result<(), ValueError> {
    let bounds = field.bounds();
    if let Some(min) = bounds.min.filter(|min| value < *min) {
        return Err(ValueError::BelowMin { what, min });
    }
    if let Some(max) = bounds.max.filter(|max| value > *max) {
        return Err(ValueError::AboveMax { what, max });
    }
    Ok(())
}

fn parse_integer(field: &Field, text: &str) -> Result<i64, ValueError> {
    let wrong = || ValueError::Expected(Expectation::of(field));
    let text = to_halfwidth(text);
    let (number, rest) = split_number(&text);
    if !(rest.is_empty() || rest == field.unit()) || number.contains('.') {
        return Err(wrong());
    }
    let value = parse_decimal(number).ok_or_else(wrong)?;
    check_range(field, value, Measure::Number)?;
    i64::try_from(value).map_err(|_| ValueError::TooBig)
}

/// How many 元 one unit is worth.
fn money_factor(unit: &str) -> Option<Decimal> {
    match unit {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    }
}

fn parse_money(field: &Field, text: &str) -> Result<Decimal, ValueError> {
    let wrong = || ValueError::Expected(Expectation::of(field));
    let text = to_halfwidth(text);
    let (number, rest) = split_number(&text);
    let mut value = parse_decimal(number).ok_or_else(wrong)?;
    // An amount typed in another money unit (383,406元 into a 万元 field) is
    // converted, since tables mix 元 and 万元.
    if !rest.is_empty() && rest != field.unit() {
        let (Some(from), Some(to)) = (money_factor(rest), money_factor(field.unit())) else {
            return Err(wrong());
        };
        value = value
            .checked_mul(from)
            .and_then(|v| v.checked_div(to))
            .ok_or(ValueError::TooBig)?;
    }
    check_range(field, value, Measure::Amount)?;
    Ok(value)
}

fn parse_plain_decimal(field: &Field, text: &str) -> Result<Decimal, ValueError> {
    let wrong = || ValueError::Expected(Expectation::of(field));
    let text = to_halfwidth(text);
    let (number, rest) = split_number(&text);
    if !(rest.is_empty() || rest == field.unit()) {
        return Err(wrong());
    }
    let value = parse_decimal(number).ok_or_else(wrong)?;
    check_range(field, value, Measure::Number)?;
    Ok(value)
}

fn parse_percent(field: &Field, text: &str) -> Result<Decimal, ValueError> {
    let wrong = || ValueError::Expected(Expectation::of(field));
    let text = to_halfwidth(text);
    let (number, rest) = split_number(&text);
    if !(rest.is_empty() || rest == "%") {
        return Err(wrong());
    }
    let value = parse_decimal(number).ok_or_else(wrong)?;
    check_range(field, value, Measure::Rate)?;
    Ok(value)
}

fn parse_year(field: &Field, text: &str) -> Result<i32, ValueError> {
    let text = to_halfwidth(text);
    let digits = text.strip_suffix('年').unwrap_or(&text);
    let wrong = || ValueError::Expected(Expectation::of(field));
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(wrong());
    }
    let year: i64 = digits.parse().map_err(|_| wrong())?;
    if !YEAR_RANGE.contains(&year) {
        return Err(ValueError::YearOutOfRange(year));
    }
    check_range(field, Decimal::from(year), Measure::Year)?;
    i32::try_from(year).map_err(|_| wrong())
}

/// Accepts 2023年4月6日, 2023-04-06, 2023/4/6, 2023.4.6 and 20230406.
fn parse_date(text: &str) -> Result<Date, ValueError> {
    let wrong = || ValueError::NotADate;
    let text = to_halfwidth(text);
    let parts: Vec<&str> = if text.len() == 8 && text.chars().all(|c| c.is_ascii_digit()) {
        vec![&text[..4], &text[4..6], &text[6..]]
    } else {
        text.trim_end_matches('日')
            .split(['年', '月', '-', '/', '.'])
            .collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return Err(wrong());
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(y), number(m), number(d)) else {
        return Err(wrong());
    };
    if y.len() != 4 || !YEAR_RANGE.contains(&i64::from(year)) {
        return Err(wrong());
    }
    if !(1..=12).contains(&month) {
        return Err(ValueError::NoSuchMonth(month));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&day) {
        return Err(ValueError::NoSuchDay { year, month, day });
    }
    let year = i32::try_from(year).map_err(|_| wrong())?;
    Ok(Date { year, month, day })
}

#[cfg(test)]
#[path = "value_tests.rs"]
mod tests;
