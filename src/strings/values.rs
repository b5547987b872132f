//! What a field expects and why a text is not a value of it: the
//! sentences of the model's `Expectation` and `ValueError`.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::model::schema::Kind;
use crate::model::value::YEAR_RANGE;
use crate::model::value_error::{Expectation, Measure, ValueError};

/// What a field expects: `整数，单位：人` / `a whole number in 人`.
pub fn expectation(e: &Expectation, lang: Lang) -> String {
    let unit = &e.unit;
    let d = e.decimals;
    match (e.kind, lang) {
        (Kind::Text, Lang::Zh) => "单行文字".into(),
        (Kind::Text, Lang::En) => "one line of text".into(),
        (Kind::Narrative, Lang::Zh) => "段落文字，每行一段".into(),
        (Kind::Narrative, Lang::En) => "paragraphs, one per line".into(),
        (Kind::List, Lang::Zh) => "编号条目，条目之间空一行".into(),
        (Kind::List, Lang::En) => "numbered items, a blank line between items".into(),
        (Kind::Integer, Lang::Zh) if unit.is_empty() => "整数".into(),
        (Kind::Integer, Lang::En) if unit.is_empty() => "a whole number".into(),
        (Kind::Integer, Lang::Zh) => format!("整数，单位：{unit}"),
        (Kind::Integer, Lang::En) => format!("a whole number in {unit}"),
        (Kind::Money, Lang::Zh) => format!("金额，单位：{unit}，保留{d}位小数"),
        (Kind::Money, Lang::En) => format!("an amount in {unit} with {d} decimals"),
        (Kind::Percent, Lang::Zh) => format!("百分比，最多{d}位小数"),
        (Kind::Percent, Lang::En) => format!("a percentage with at most {d} decimals"),
        (Kind::Year, Lang::Zh) => "四位年份，如2022".into(),
        (Kind::Year, Lang::En) => "a four-digit year such as 2022".into(),
        (Kind::Date, Lang::Zh) => "日期，如2023年4月6日".into(),
        (Kind::Date, Lang::En) => "a date such as 2023年4月6日 or 2023-04-06".into(),
        (Kind::Choice, Lang::Zh) => format!("以下之一：{}", e.options.join("、")),
        (Kind::Choice, Lang::En) => format!("one of: {}", e.options.join(", ")),
        (Kind::Decimal, Lang::Zh) => format!("数值，保留{d}位小数"),
        (Kind::Decimal, Lang::En) => format!("a number with {d} decimals"),
        (Kind::Comparator, Lang::Zh) => {
            "指标值，如 ≥50个、≤90万元、=100%；定性指标写预期效果".into()
        }
        (Kind::Comparator, Lang::En) => {
            "a target such as ≥50个, ≤90万元, =100%, or words for a qualitative one".into()
        }
        (Kind::Table, Lang::Zh) => "表格".into(),
        (Kind::Table, Lang::En) => "a table".into(),
    }
}

fn measure(what: Measure, lang: Lang) -> &'static str {
    match what {
        Measure::Number => lang.pick("数值", "The number"),
        Measure::Amount => lang.pick("金额", "The amount"),
        Measure::Rate => lang.pick("比例", "The rate"),
        Measure::Year => lang.pick("年份", "The year"),
    }
}

pub(super) fn number(n: &Decimal) -> String {
    n.normalize().to_string()
}

/// Why a text is not a value of its field.
pub fn value_error(e: &ValueError, lang: Lang) -> String {
    let (first, last) = (YEAR_RANGE.start(), YEAR_RANGE.end());
    match (e, lang) {
        (ValueError::Multiline, Lang::Zh) => "单行文字不能换行".into(),
        (ValueError::Multiline, Lang::En) => "A one-line field cannot hold line breaks".into(),
        (ValueError::Expected(x), Lang::Zh) => format!("请输入{}", expectation(x, lang)),
        (ValueError::Expected(x), Lang::En) => format!("Please type {}", expectation(x, lang)),
        (ValueError::NotAnOption(o), Lang::Zh) => format!("请选择：{}", o.join("、")),
        (ValueError::NotAnOption(o), Lang::En) => format!("Please choose: {}", o.join(", ")),
        (ValueError::Cellwise, Lang::Zh) => "表格要逐格填写".into(),
        (ValueError::Cellwise, Lang::En) => "A table is filled in cell by cell".into(),
        (ValueError::BelowMin { what, min }, Lang::Zh) => {
            format!("{}小于下限{}", measure(*what, lang), number(min))
        }
        (ValueError::BelowMin { what, min }, Lang::En) => {
            format!(
                "{} is below the minimum {}",
                measure(*what, lang),
                number(min)
            )
        }
        (ValueError::AboveMax { what, max }, Lang::Zh) => {
            format!("{}超过上限{}", measure(*what, lang), number(max))
        }
        (ValueError::AboveMax { what, max }, Lang::En) => {
            format!(
                "{} is above the maximum {}",
                measure(*what, lang),
                number(max)
            )
        }
        (ValueError::TooBig, Lang::Zh) => "数值太大".into(),
        (ValueError::TooBig, Lang::En) => "The number is too large".into(),
        (ValueError::YearOutOfRange(y), Lang::Zh) => format!("年份{y}不在{first}至{last}之间"),
        (ValueError::YearOutOfRange(y), Lang::En) => {
            format!("The year {y} is not between {first} and {last}")
        }
        (ValueError::NotADate, Lang::Zh) => "请输入日期，如2023年4月6日或2023-04-06".into(),
        (ValueError::NotADate, Lang::En) => {
            "Please type a date such as 2023年4月6日 or 2023-04-06".into()
        }
        (ValueError::NoSuchMonth(m), Lang::Zh) => format!("月份{m}不存在"),
        (ValueError::NoSuchMonth(m), Lang::En) => format!("There is no month {m}"),
        (ValueError::NoSuchDay { year, month, day }, Lang::Zh) => {
            format!("{year}年{month}月没有{day}日")
        }
        (ValueError::NoSuchDay { year, month, day }, Lang::En) => {
            format!("{year}-{month} has no day {day}")
        }
        (ValueError::TargetWithoutNumber(s), Lang::Zh) => {
            format!("请在“{s}”后写数值和单位，如 {s}50个")
        }
        (ValueError::TargetWithoutNumber(s), Lang::En) => {
            format!("Write a number and unit after \"{s}\", such as {s}50个")
        }
        (ValueError::NegativeTarget, Lang::Zh) => "指标值不能为负数".into(),
        (ValueError::NegativeTarget, Lang::En) => "A target cannot be negative".into(),
    }
}
