//! Heading and list numbering styles of Chinese official documents
//! (GB/T 9704-2012: 一、 → （一） → 1. → （1）, plus common local variants).

use serde::{Deserialize, Serialize};

use super::text::decimal_digit;

/// How the n-th heading or list item of a level is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// 一、二、三、
    Chinese,
    /// （一）（二）（三）
    ParenChinese,
    /// 1、2、3、 (what many local reports write)
    ArabicDun,
    /// 1. 2. 3. (the national standard's third level)
    ArabicDot,
    /// （1）（2）（3）
    ParenArabic,
    /// ①②③
    Circled,
    /// 一是、二是、三是 (runs inside a paragraph)
    Yishi,
    /// No number at all.
    None,
}

impl Numbering {
    /// The prefix for item `n` (1-based), e.g. `Chinese.prefix(12) == "十二、"`.
    pub fn prefix(self, n: usize) -> String {
        match self {
            Numbering::Chinese => format!("{}、", chinese_numeral(n)),
            Numbering::ParenChinese => format!("（{}）", chinese_numeral(n)),
            Numbering::ArabicDun => format!("{n}、"),
            Numbering::ArabicDot => format!("{n}."),
            Numbering::ParenArabic => format!("（{n}）"),
            Numbering::Circled => circled(n),
            Numbering::Yishi => format!("{}是", chinese_numeral(n)),
            Numbering::None => String::new(),
        }
    }
}

/// The text of a list item after the number its writer typed at its start
/// (`1、`, `1.`, `1）`, `（一）`, `(1)`, `一、`, `①`, `⑴`, `⒈`, and `一是` in
/// a `yishi` list), with the blanks around it; `None` when the item starts
/// with no number, or nothing follows it. Lists are often pasted with
/// their numbers, and the export numbers items itself: printed as typed
/// they would read `1、1、`. A figure is not a number (`1.5万元`, `2022年`).
pub fn without_typed_number(item: &str, style: Numbering) -> Option<&str> {
    let blank = |c: char| c.is_whitespace();
    let text = item.trim_start_matches(blank);
    let rest = typed_number(text, style)?.trim_start_matches(blank);
    (!rest.trim_end_matches(blank).is_empty()).then_some(rest)
}

/// The items with the numbers their writer typed removed (see
/// [`without_typed_number`]), and how many had one; the rest of each item
/// is left exactly as typed.
pub fn strip_typed_numbers(items: &[String], style: Numbering) -> (Vec<String>, usize) {
    let mut count = 0;
    let items = items
        .iter()
        .map(|item| match without_typed_number(item, style) {
            Some(rest) => {
                count += 1;
                rest.to_string()
            }
            None => item.clone(),
        })
        .collect();
    (items, count)
}

/// Characters of a Chinese numeral as typed (十二, 二十三, 〇 and 零 too).
pub fn is_chinese_digit(c: char) -> bool {
    "〇零一二三四五六七八九十".contains(c)
}

/// What follows a typed number at the start of `text`, if it starts with one.
fn typed_number(text: &str, style: Numbering) -> Option<&str> {
    let mut chars = text.chars();
    let first = chars.next()?;
    // ①…⑳, ⑴…⒇, ⒈…⒛ and ❶…❿: a number in one character.
    if matches!(first, '\u{2460}'..='\u{249B}' | '\u{2776}'..='\u{277F}') {
        let rest = chars.as_str();
        return Some(rest.strip_prefix(['、', '.', '．']).unwrap_or(rest));
    }
    if matches!(first, '（' | '(') {
        let inner = chars.as_str();
        let end = inner.find(['）', ')'])?;
        let number = &inner[..end];
        let arabic = (1..=2).contains(&number.chars().count())
            && number.chars().all(|c| decimal_digit(c).is_some());
        let chinese =
            (1..=3).contains(&number.chars().count()) && number.chars().all(is_chinese_digit);
        let close = inner[end..].chars().next()?;
        return (arabic || chinese).then(|| &inner[end + close.len_utf8()..]);
    }
    let digits: usize = text
        .chars()
        .take_while(|c| decimal_digit(*c).is_some())
        .map(char::len_utf8)
        .sum();
    if digits > 0 {
        if text[..digits].chars().count() > 2 {
            return None;
        }
        let rest = &text[digits..];
        let mark = rest.chars().next()?;
        let after = &rest[mark.len_utf8()..];
        return match mark {
            '、' | '）' | ')' => Some(after),
            // 1.5万元 is a figure, not item 1.
            '.' | '．' if !after.starts_with(|c: char| c.is_ascii_digit()) => Some(after),
            _ => None,
        };
    }
    let numeral: usize = text
        .chars()
        .take_while(|&c| is_chinese_digit(c))
        .take(3)
        .map(char::len_utf8)
        .sum();
    if numeral == 0 {
        return None;
    }
    let rest = &text[numeral..];
    if let Some(after) = rest.strip_prefix('、') {
        return Some(after);
    }
    // 一是 starts a sentence in other lists; it is a number only where the
    // list itself is numbered 一是、二是.
    (style == Numbering::Yishi)
        .then(|| rest.strip_prefix('是'))
        .flatten()
}

/// Chinese numerals as used in headings: 一 … 十, 十一 … 十九, 二十 … 九十九.
/// Beyond 99 (never seen in a report) the Arabic number is used rather than
/// inventing a spelling.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// ① … ⑳ exist as single characters; past 20 fall back to （21）.
fn circled(n: usize) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n as u32 - 1)
            .map(String::from)
            .unwrap_or_else(|| format!("（{n}）")),
        _ => format!("（{n}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_at_the_start_of_an_item_are_found() {
        use Numbering::{ArabicDun, Chinese, Circled, ParenChinese, Yishi};
        // (item, the list's style, the text after the typed number)
        let cases: [(&str, Numbering, Option<&str>); 30] = [
            ("1、加强学习", ArabicDun, Some("加强学习")),
            ("12、加强学习", ArabicDun, Some("加强学习")),
            ("１、加强学习", ArabicDun, Some("加强学习")),
            ("1.加强学习", ArabicDun, Some("加强学习")),
            ("1. 加强学习", ArabicDun, Some("加强学习")),
            ("1．加强学习", ArabicDun, Some("加强学习")),
            ("1）加强学习", ArabicDun, Some("加强学习")),
            ("（1）加强学习", ArabicDun, Some("加强学习")),
            ("(1)加强学习", ArabicDun, Some("加强学习")),
            ("（一）加强学习", ParenChinese, Some("加强学习")),
            ("（十二）加强学习", ParenChinese, Some("加强学习")),
            ("(二)加强学习", ParenChinese, Some("加强学习")),
            ("一、加强学习", ParenChinese, Some("加强学习")),
            ("二十三、加强学习", Chinese, Some("加强学习")),
            ("①加强学习", Circled, Some("加强学习")),
            ("⑴加强学习", Circled, Some("加强学习")),
            ("⒈加强学习", Circled, Some("加强学习")),
            ("\u{3000}\u{3000}2、加强学习", ArabicDun, Some("加强学习")),
            ("一是加强学习", Yishi, Some("加强学习")),
            // Not typed numbers.
            ("一是加强学习", ArabicDun, None),
            ("1.5万元用于培训", ArabicDun, None),
            ("2022年完成培训", ArabicDun, None),
            ("2022、2023年", ArabicDun, None),
            ("（2015）15号文件", ArabicDun, None),
            ("（注）见附表", ArabicDun, None),
            ("一般性支出压减", ArabicDun, None),
            ("十分重视", ArabicDun, None),
            ("加强学习1、2", ArabicDun, None),
            // A number with nothing after it is left alone.
            ("1、", ArabicDun, None),
            ("", ArabicDun, None),
        ];
        for (item, style, want) in cases {
            assert_eq!(without_typed_number(item, style), want, "{item:?}");
        }
    }

    #[test]
    fn prefixes_match_official_styles() {
        let cases = [
            (Numbering::Chinese, 1, "一、"),
            (Numbering::Chinese, 4, "四、"),
            (Numbering::Chinese, 10, "十、"),
            (Numbering::Chinese, 15, "十五、"),
            (Numbering::Chinese, 20, "二十、"),
            (Numbering::Chinese, 23, "二十三、"),
            (Numbering::ParenChinese, 2, "（二）"),
            (Numbering::ArabicDun, 15, "15、"),
            (Numbering::ArabicDot, 3, "3."),
            (Numbering::ParenArabic, 1, "（1）"),
            (Numbering::Circled, 1, "①"),
            (Numbering::Circled, 20, "⑳"),
            (Numbering::Circled, 21, "（21）"),
            (Numbering::Yishi, 2, "二是"),
            (Numbering::None, 7, ""),
        ];
        for (style, n, want) in cases {
            assert_eq!(style.prefix(n), want, "{style:?} {n}");
        }
    }
}
