//! Telling a heading from a paragraph the way a reader does: the typed
//! number in front (any of 一、 （一） 1、 1. １． （1） ①, or none), the
//! words compared with the template's headings by similarity, whatever the
//! document did with spaces, full-width digits and end punctuation.

use crate::model::figures::scan::continues_a_fraction;
use crate::model::numbering::{Numbering, is_chinese_digit, without_typed_number};
use crate::model::text::{ascii_twin, decimal_digit};

/// The kind of number typed in front of a line, whatever its mark (1、 and
/// 1. and １． are one family).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Chinese,
    ParenChinese,
    Arabic,
    ParenArabic,
    Circled,
    /// 1.1, 2.3.1: the outline numbers of a document that numbers its
    /// levels as decimals (no template prints them).
    Decimal,
    /// 一是、二是: items of a list numbered so; [`split_number`] never
    /// gives it, since elsewhere 一是 starts a sentence.
    Yishi,
}

impl Family {
    /// The family of a numbering style; `None` for none.
    pub fn of(style: Numbering) -> Option<Family> {
        match style {
            Numbering::Chinese => Some(Family::Chinese),
            Numbering::ParenChinese => Some(Family::ParenChinese),
            Numbering::ArabicDun | Numbering::ArabicDot => Some(Family::Arabic),
            Numbering::ParenArabic => Some(Family::ParenArabic),
            Numbering::Circled => Some(Family::Circled),
            Numbering::Yishi => Some(Family::Yishi),
            Numbering::None => None,
        }
    }
}

/// The typed number's family and the text after it (trimmed); no family
/// when the line starts with no number.
pub fn split_number(text: &str) -> (Option<Family>, &str) {
    let text = text.trim();
    if let Some(rest) = decimal_number(text) {
        return (Some(Family::Decimal), rest.trim());
    }
    let Some(rest) = without_typed_number(text, Numbering::ArabicDun) else {
        return (None, text);
    };
    let prefix = text[..text.len() - rest.len()].trim();
    let mut chars = prefix.chars();
    let family = match chars.next() {
        Some('（' | '(') => match chars.next() {
            Some(c) if decimal_digit(c).is_some() => Family::ParenArabic,
            _ => Family::ParenChinese,
        },
        Some(c) if decimal_digit(c).is_some() => Family::Arabic,
        Some(c) if is_chinese_digit(c) => Family::Chinese,
        _ => Family::Circled,
    };
    (Some(family), rest.trim())
}

/// What follows an outline number like `1.1` or `２．３．１、` at the start
/// of `text`; `None` unless it has two parts at least and words follow.
fn decimal_number(text: &str) -> Option<&str> {
    let digit = |c: char| decimal_digit(c).is_some();
    let dot = |c: char| c == '.' || c == '．';
    let mut parts = 0;
    let mut rest = text;
    loop {
        let digits: usize = rest
            .chars()
            .take_while(|&c| digit(c))
            .map(char::len_utf8)
            .sum();
        if digits == 0 {
            break;
        }
        parts += 1;
        rest = &rest[digits..];
        match rest.chars().next() {
            Some(c) if dot(c) && rest[c.len_utf8()..].starts_with(digit) => {
                rest = &rest[c.len_utf8()..];
            }
            _ => break,
        }
    }
    if parts < 2 {
        return None;
    }
    if let Some(words) = rest.strip_prefix(['.', '．', '、']) {
        return (!words.trim().is_empty()).then_some(words);
    }
    // 1.5万元, 1.2亿元, 3.5个百分点 are figures: an outline number is
    // followed by a mark, a blank or words. Three parts (2.3.1) never are.
    let figure = parts == 2 && (rest.starts_with(digit) || continues_a_fraction(rest));
    (!rest.trim().is_empty() && !figure).then_some(rest)
}

/// Punctuation a heading may end with in a real document.
const TRAILING: &[char] = &[
    '。', '.', '．', '：', ':', '；', ';', '，', ',', '、', '！', '!', '？', '?',
];

/// A heading's words as compared: no blanks anywhere, full-width letters
/// and digits as half-width, no end punctuation.
pub fn key(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(ascii_twin)
        .collect();
    folded.trim_end_matches(TRAILING).to_string()
}

/// How alike two headings' keys are, 0 to 100: the longest common
/// subsequence against the two lengths (Dice), and 85 at least when one
/// holds the other whole and is four characters or more (基本情况 in
/// 部门基本情况).
pub fn similarity(a: &str, b: &str) -> u32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    if a == b {
        return 100;
    }
    let mut row = vec![0usize; b.len() + 1];
    for &x in &a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    let common = row[b.len()];
    let dice = (200 * common / (a.len() + b.len())) as u32;
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let holds = short.len() >= 4 && long.windows(short.len()).any(|w| w == short.as_slice());
    if holds { dice.max(85) } else { dice }
}

/// The longest heading, in characters, a line may be.
pub const LONGEST: usize = 30;

/// A line read as a possible heading: its number, its words (the key), and
/// for a run-in heading (`（一）评价小组情况。2023年…`) the paragraph that
/// follows it on the same line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub family: Option<Family>,
    /// The heading as written, without its number.
    pub words: &'a str,
    pub key: String,
    pub rest: Option<&'a str>,
}

/// The readings of `line` as a heading: the whole line, and, for a
/// numbered line with a full stop or colon, the run-in heading before it.
pub fn candidates(line: &str) -> Vec<Candidate<'_>> {
    let (family, words) = split_number(line);
    let mut out = Vec::new();
    let whole = key(words);
    let length = whole.chars().count();
    if (2..=LONGEST).contains(&length) && !whole.contains(['。', '；']) {
        out.push(Candidate {
            family,
            words: words.trim_end_matches(TRAILING).trim(),
            key: whole,
            rest: None,
        });
    }
    if family.is_some()
        && let Some(at) = words.find(['。', '：', ':'])
    {
        let head = &words[..at];
        let mark = words[at..].chars().next().map_or(0, char::len_utf8);
        let rest = words[at + mark..].trim();
        let k = key(head);
        if (2..=LONGEST).contains(&k.chars().count()) && !rest.is_empty() {
            out.push(Candidate {
                family,
                words: head.trim(),
                key: k,
                rest: Some(rest),
            });
        }
    }
    out
}

/// The least similarity for a line to be taken as a template's heading:
/// lower when its number is the one the template gives that level.
pub fn threshold(numbered_as_expected: bool) -> u32 {
    if numbered_as_expected { 60 } else { 75 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_every_kind_are_told_apart_and_stripped() {
        let cases = [
            ("一、基本情况", Some(Family::Chinese), "基本情况"),
            ("（二）部门职责", Some(Family::ParenChinese), "部门职责"),
            ("(二) 部门职责", Some(Family::ParenChinese), "部门职责"),
            ("1、基本情况", Some(Family::Arabic), "基本情况"),
            ("1. 基本情况", Some(Family::Arabic), "基本情况"),
            ("１．基本情况", Some(Family::Arabic), "基本情况"),
            ("（3）基本情况", Some(Family::ParenArabic), "基本情况"),
            ("①基本情况", Some(Family::Circled), "基本情况"),
            ("1.1 基本情况", Some(Family::Decimal), "基本情况"),
            ("２．３．１、基本情况", Some(Family::Decimal), "基本情况"),
            ("1.5万元用于培训", None, "1.5万元用于培训"),
            ("1.2亿元资金全部到位", None, "1.2亿元资金全部到位"),
            ("3.5个百分点的提高来自", None, "3.5个百分点的提高来自"),
            ("12.5%的项目", None, "12.5%的项目"),
            ("1.1项目概况", Some(Family::Decimal), "项目概况"),
            ("2.1部门职责", Some(Family::Decimal), "部门职责"),
            ("2.1. 部门职责", Some(Family::Decimal), "部门职责"),
            (
                "2.1本年度绩效目标完成情况",
                Some(Family::Decimal),
                "本年度绩效目标完成情况",
            ),
            (
                "3.2部分指标未完成原因",
                Some(Family::Decimal),
                "部分指标未完成原因",
            ),
            ("2.3条件保障", Some(Family::Decimal), "条件保障"),
            (
                "2.3.1万元以下的项目",
                Some(Family::Decimal),
                "万元以下的项目",
            ),
            ("  基本情况  ", None, "基本情况"),
            ("2022年基本情况", None, "2022年基本情况"),
        ];
        for (line, family, words) in cases {
            assert_eq!(split_number(line), (family, words), "{line}");
        }
    }

    #[test]
    fn keys_ignore_blanks_width_and_end_punctuation() {
        assert_eq!(key("基本 情况。 "), "基本情况");
        assert_eq!(key("２０２２年度情况："), "2022年度情况");
        assert_eq!(key("部门职责"), "部门职责");
    }

    #[test]
    fn similar_wordings_score_high_and_others_low() {
        assert_eq!(similarity("基本情况", "基本情况"), 100);
        assert!(similarity("部门基本情况", "基本情况") >= 80);
        assert!(similarity("存在的主要问题", "存在问题") >= threshold(true));
        assert!(similarity("机构人员情况", "部门职责") < threshold(true));
        assert!(similarity("用心用情建机制聚人才", "基本情况") < threshold(true));
    }

    #[test]
    fn a_run_in_heading_is_read_with_its_paragraph() {
        let found = candidates("（一）评价小组情况。2023年，成立评价小组。");
        let run_in = found.iter().find(|c| c.rest.is_some());
        assert_eq!(run_in.map(|c| c.key.as_str()), Some("评价小组情况"));
        assert_eq!(run_in.and_then(|c| c.rest), Some("2023年，成立评价小组。"));
        // A long sentence is no heading.
        let sentence = "为贯彻落实文件精神，按照有关规定，切实提高财政资金使用效益和项目管理水平，现汇报如下：";
        assert!(candidates(sentence).is_empty());
    }
}
