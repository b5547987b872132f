//! How a cell was read, in words: the editor's message line for a focused
//! target cell (`ziping fields` prints the same reading for scripts).

use crate::lang::Lang;
use crate::model::cell_reading::{Part, ReadAs, Reading};

fn read_as(kind: ReadAs, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ReadAs::Quantity, Lang::Zh) => "定量指标",
        (ReadAs::Quantity, Lang::En) => "a quantitative target",
        (ReadAs::Range, Lang::Zh) => "区间指标",
        (ReadAs::Range, Lang::En) => "a target range",
        (ReadAs::NotApplicable, Lang::Zh) => "不适用（不计分）",
        (ReadAs::NotApplicable, Lang::En) => "not applicable (not scored)",
        (ReadAs::Qualitative, Lang::Zh) => "定性指标",
        (ReadAs::Qualitative, Lang::En) => "a qualitative target",
        (ReadAs::Money, Lang::Zh) => "金额",
        (ReadAs::Money, Lang::En) => "an amount",
        (ReadAs::Percent, Lang::Zh) => "百分比",
        (ReadAs::Percent, Lang::En) => "a percentage",
        (ReadAs::Integer, Lang::Zh) => "整数",
        (ReadAs::Integer, Lang::En) => "a whole number",
        (ReadAs::Decimal, Lang::Zh) => "数值",
        (ReadAs::Decimal, Lang::En) => "a number",
        (ReadAs::Year, Lang::Zh) => "年份",
        (ReadAs::Year, Lang::En) => "a year",
        (ReadAs::Date, Lang::Zh) => "日期",
        (ReadAs::Date, Lang::En) => "a date",
        (ReadAs::Choice, Lang::Zh) => "选项",
        (ReadAs::Choice, Lang::En) => "a choice",
        (ReadAs::Invalid, Lang::Zh) => "无法识别的内容",
        (ReadAs::Invalid, Lang::En) => "nothing it understands",
    }
}

fn part(part: Part, lang: Lang) -> &'static str {
    match (part, lang) {
        (Part::Comparator, Lang::Zh) => "比较符号",
        (Part::Comparator, Lang::En) => "comparator",
        (Part::Number, Lang::Zh) => "数值",
        (Part::Number, Lang::En) => "number",
        (Part::Low, Lang::Zh) => "下限",
        (Part::Low, Lang::En) => "from",
        (Part::High, Lang::Zh) => "上限",
        (Part::High, Lang::En) => "to",
        (Part::Unit, Lang::Zh) => "单位",
        (Part::Unit, Lang::En) => "unit",
        (Part::Text, Lang::Zh) => "内容",
        (Part::Text, Lang::En) => "text",
    }
}

/// `读作定量指标：比较符号 ≥，数值 50，单位 个`.
pub fn reading(reading: &Reading, lang: Lang) -> String {
    let kind = read_as(reading.read_as, lang);
    let parts: Vec<String> = reading
        .parts
        .iter()
        .map(|(p, text)| format!("{} {text}", part(*p, lang)))
        .collect();
    match (lang, parts.is_empty()) {
        (Lang::Zh, true) => format!("读作{kind}"),
        (Lang::Zh, false) => format!("读作{kind}：{}", parts.join("，")),
        (Lang::En, true) => format!("read as {kind}"),
        (Lang::En, false) => format!("read as {kind}: {}", parts.join(", ")),
    }
}
