//! The sentences about figures in prose: the findings of the figure
//! checks, and the words of `ziping figures` and the figures panel.

use crate::lang::Lang;
use crate::model::figures::cited::{Cited, Link, Strength};
use crate::model::figures::issue::FigureIssue;
use crate::model::figures::scan::Approx;

/// `主要成效第2条` / `主要成效 item 2`: a prose field and its item.
pub fn place(field: &str, item: Option<usize>, lang: Lang) -> String {
    match (item, lang) {
        (None, _) => field.to_string(),
        (Some(n), Lang::Zh) => format!("{field}第{n}条"),
        (Some(n), Lang::En) => format!("{field} item {n}"),
    }
}

/// `第412字` / `char 412`: a figure's place in its text, counted from 1.
pub fn position(start: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{}字", start + 1),
        Lang::En => format!("char {}", start + 1),
    }
}

/// `绩效指标“培训党员人次”实际完成值`: where a table's figure is.
fn cited_place(cited: &Cited, lang: Lang) -> String {
    let row = cited.row.as_deref().map(|r| match lang {
        Lang::Zh => format!("“{r}”"),
        Lang::En => format!(" \"{r}\""),
    });
    let column = cited.column.as_deref().map(|c| match lang {
        Lang::Zh => c.to_string(),
        Lang::En => format!(" {c}"),
    });
    format!(
        "{}{}{}",
        cited.table,
        row.unwrap_or_default(),
        column.unwrap_or_default()
    )
}

/// The sentence for a figure's finding (`item` a list's item, from 1).
pub(super) fn finding(item: Option<usize>, issue: &FigureIssue, lang: Lang) -> String {
    let item = &item;
    match (issue, lang) {
        (
            FigureIssue::Disagrees {
                field,
                quoted,
                cited,
            },
            Lang::Zh,
        ) => format!(
            "{}写“{quoted}”，{}为{}",
            place(field, *item, lang),
            cited_place(cited, lang),
            cited.shown()
        ),
        (
            FigureIssue::Disagrees {
                field,
                quoted,
                cited,
            },
            Lang::En,
        ) => format!(
            "{} says \"{quoted}\", but {} is {}",
            place(field, *item, lang),
            cited_place(cited, lang),
            cited.shown()
        ),
        (FigureIssue::CountDiffers { quoted, listed, .. }, Lang::Zh) => format!(
            "{}“{quoted}”之后列出的是{listed}项，数目不符",
            item_lead(*item, lang)
        ),
        (FigureIssue::CountDiffers { quoted, listed, .. }, Lang::En) => format!(
            "{}\"{quoted}\" is followed by a list of {listed}",
            item_lead(*item, lang)
        ),
        (FigureIssue::SumDiffers { quoted, parts, sum }, Lang::Zh) => format!(
            "{}“{}”合计{}，与“{quoted}”不符",
            item_lead(*item, lang),
            parts.join("”“"),
            sum.normalize()
        ),
        (FigureIssue::SumDiffers { quoted, parts, sum }, Lang::En) => format!(
            "{}\"{}\" add up to {}, not \"{quoted}\"",
            item_lead(*item, lang),
            parts.join("\", \""),
            sum.normalize()
        ),
        (FigureIssue::YearAhead { year, report }, Lang::Zh) => format!(
            "{}“{year}年”晚于报告年度{report}年的下一年，请核对是否写错",
            item_lead(*item, lang)
        ),
        (FigureIssue::YearAhead { year, report }, Lang::En) => format!(
            "{}The year {year} is later than the year after the report's ({report}): check it",
            item_lead(*item, lang)
        ),
        (FigureIssue::LastYear { year }, Lang::Zh) => format!(
            "{}沿用去年的文字里写着“{year}年”，是去年报告的年度，请核对是否应改为今年",
            item_lead(*item, lang)
        ),
        (FigureIssue::LastYear { year }, Lang::En) => format!(
            "{}Text kept from last year says {year}, last year's report year: check whether it should be this year's",
            item_lead(*item, lang)
        ),
    }
}

/// `第2条` / `Item 2: ` before a list item's finding.
fn item_lead(item: Option<usize>, lang: Lang) -> String {
    match (item, lang) {
        (None, _) => String::new(),
        (Some(n), Lang::Zh) => format!("第{n}条"),
        (Some(n), Lang::En) => format!("Item {n}: "),
    }
}

/// A hedge in words, for listings: `余`, `约` …
pub fn approx(approx: Approx, lang: Lang) -> &'static str {
    match approx {
        Approx::More => lang.pick("余（不少于，不到下一位）", "more (up to the next step)"),
        Approx::AtLeast => lang.pick("以上", "at least"),
        Approx::AtMost => lang.pick("以内", "at most"),
        Approx::About => lang.pick("约（上下一成）", "about (within a tenth)"),
        Approx::Nearly => lang.pick("近（不足，差一成以内）", "nearly (within a tenth below)"),
    }
}

/// What a figure is linked to, for listings and the panel:
/// `= 绩效指标“培训党员人次”实际完成值32000人次 ✗`.
pub fn link(link: &Link, lang: Lang) -> String {
    let mark = match (link.agrees, link.strength) {
        (true, _) => "✓",
        (false, Strength::Clause) => "✗",
        (false, Strength::Sentence) => "?",
    };
    let weak = match link.strength {
        Strength::Clause => "",
        Strength::Sentence => lang.pick("（同句，仅供参考）", " (same sentence only)"),
    };
    let gap = lang.pick("", " ");
    format!(
        "{mark} {}{gap}{}{weak}",
        cited_place(&link.cited, lang),
        link.cited.shown()
    )
}
