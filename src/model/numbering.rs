//! Heading and list numbering styles of Chinese official documents
//! (GB/T 9704-2012: 一、 → （一） → 1. → （1）, plus common local variants).

use serde::{Deserialize, Serialize};

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
