//! The quantity finder: every figure a reader would count as a claim in a
//! paragraph of prose — a number (Arabic, full-width, with thousands
//! separators, decimals, percent; Chinese numerals such as 两、十余、
//! 三千六百余) with its unit or measure word and its approximation words —
//! and the clause and sentence it sits in.
//!
//! A number is a quantity only with a unit it is known to count in, so the
//! false friends fall away by their shape: years (`2022年`), dates
//! (`4月6日`), document numbers (`〔2022〕10号`), `二十大`, `十九届六中全会`,
//! ordinals (`第一批`), ranges (`3～5个`) and whatever stands inside a title
//! in 《》 are not claims about this year's work.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::model::text::decimal_digit;

pub use super::words::Approx;
use super::words::{
    CLAUSE_OR_SENTENCE_ENDS, MAGNITUDES, MEASURES, NOT_PREFIXES, NOT_UNITS, PREFIXES, RANGE_MARKS,
    SENTENCE_ENDS, SUFFIXES, units,
};

/// One quantity in a text. Spans are byte ranges into the scanned text;
/// `chars` is the figure's span counted in characters, as the editor's
/// cursor and `ziping figures` count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The figure as written, in `unit` (`4万余份` is 4 in 万份).
    pub value: Decimal,
    /// One of the last digit written (2200 → 100, 56.7 → 0.1, 十 → 10):
    /// what 余 allows above the figure.
    pub step: Decimal,
    /// The unit or measure word with its 万 / 亿 (`人次`, `万元`, `%`).
    pub unit: String,
    pub approx: Option<Approx>,
    /// The figure with its approximation words and unit.
    pub span: Range<usize>,
    pub chars: Range<usize>,
    /// Up to the punctuation around it: ，；：and the sentence's own.
    pub clause: Range<usize>,
    /// Up to 。！？ or a line break.
    pub sentence: Range<usize>,
}

impl Quantity {
    /// The range an actual value must fall in to agree (both ends
    /// inclusive; `None` unbounded).
    pub fn bounds(&self) -> (Option<Decimal>, Option<Decimal>) {
        let v = self.value;
        let tenth = v / Decimal::TEN;
        match self.approx {
            None => (Some(v), Some(v)),
            Some(Approx::More) => {
                let below_next = v.checked_add(self.step - self.step / Decimal::from(1000));
                (Some(v), below_next)
            }
            Some(Approx::AtLeast) => (Some(v), None),
            Some(Approx::AtMost) => (None, Some(v)),
            Some(Approx::About) => (v.checked_sub(tenth), v.checked_add(tenth)),
            Some(Approx::Nearly) => (v.checked_sub(tenth), Some(v)),
        }
    }

    /// Whether `actual` (in this figure's unit) agrees with the figure.
    pub fn allows(&self, actual: Decimal) -> bool {
        let (low, high) = self.bounds();
        low.is_none_or(|l| actual >= l) && high.is_none_or(|h| actual <= h)
    }
}

/// Every quantity in `text`, in order.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let Some(chars) = by_char(text) else {
        return Vec::new();
    };
    let titles = titles(&chars);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if titles[i] {
            i += 1;
            continue;
        }
        let read = if is_digit(chars[i].1) {
            arabic(text, &chars, i)
        } else if is_numeral(chars[i].1) {
            chinese(text, &chars, i)
        } else {
            i += 1;
            continue;
        };
        match read {
            Read::Quantity(q, next) => {
                found.push(q);
                i = next;
            }
            Read::Skip(next) => i = next.max(i + 1),
        }
    }
    found
}

/// `text`'s characters with their byte offsets, for looking back and
/// ahead. The offsets as u32, and the table of its exact size: a scan runs
/// on every text after each pause in typing, and for a 10,000-character
/// section a table of `char_indices` (16 bytes a character, grown by
/// doubling) was the editor's largest allocation. `None` for a text of
/// 4 GiB, which no editor holds.
pub(super) fn by_char(text: &str) -> Option<Vec<(u32, char)>> {
    u32::try_from(text.len()).ok()?;
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.char_indices().map(|(b, c)| (b as u32, c)));
    Some(chars)
}

enum Read {
    Quantity(Quantity, usize),
    /// Not a quantity; go on from this character.
    Skip(usize),
}

/// Which characters stand inside 《》 (titles of documents and works).
fn titles(chars: &[(u32, char)]) -> Vec<bool> {
    let mut depth = 0usize;
    chars
        .iter()
        .map(|&(_, c)| match c {
            '《' => {
                depth += 1;
                true
            }
            '》' => {
                depth = depth.saturating_sub(1);
                true
            }
            _ => depth > 0,
        })
        .collect()
}

fn is_digit(c: char) -> bool {
    decimal_digit(c).is_some()
}

fn digit_value(c: char) -> u32 {
    decimal_digit(c).unwrap_or(0)
}

fn is_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_multiplier(c).is_some()
}

fn chinese_digit(c: char) -> Option<u32> {
    // A match, not a search of "零一二…": this is asked of every character
    // of every paragraph.
    match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

fn chinese_multiplier(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1_000),
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

/// The text from character `i` on.
fn rest<'a>(text: &'a str, chars: &[(u32, char)], i: usize) -> &'a str {
    chars.get(i).map_or("", |&(b, _)| &text[b as usize..])
}

/// The byte offset of character `i` (the text's end past the last).
fn byte_at(text: &str, chars: &[(u32, char)], i: usize) -> usize {
    chars.get(i).map_or(text.len(), |&(b, _)| b as usize)
}

/// Whether the number starting at character `start` is an ordinal, part
/// of a Latin word or code (`G20`), or the second half of a range.
fn preceded_badly(chars: &[(u32, char)], start: usize) -> bool {
    let before = |n: usize| start.checked_sub(n).map(|j| chars[j].1);
    match before(1) {
        Some('第') => true,
        Some(c) if c.is_ascii_alphabetic() || c == '.' || c == '．' => true,
        Some(c) if RANGE_MARKS.contains(&c) => {
            before(2).is_some_and(|p| is_digit(p) || is_numeral(p) || p == '%' || p == '％')
        }
        _ => false,
    }
}

/// After a number: whether a range mark and another figure follow.
fn starts_range(chars: &[(u32, char)], at: usize) -> bool {
    let (Some(&(_, mark)), Some(&(_, next))) = (chars.get(at), chars.get(at + 1)) else {
        return false;
    };
    RANGE_MARKS.contains(&mark) && (is_digit(next) || is_numeral(next))
}

fn arabic(text: &str, chars: &[(u32, char)], start: usize) -> Read {
    let mut digits = String::new();
    let mut i = start;
    let mut decimals: Option<u32> = None;
    while i < chars.len() {
        let c = chars[i].1;
        if is_digit(c) {
            digits.push(char::from_digit(digit_value(c), 10).unwrap_or('0'));
            if let Some(d) = decimals.as_mut() {
                *d += 1;
            }
            i += 1;
        } else if matches!(c, ',' | '，') && decimals.is_none() && groups_of_three(chars, i + 1) {
            i += 1;
        } else if matches!(c, '.' | '．')
            && decimals.is_none()
            && chars.get(i + 1).is_some_and(|&(_, n)| is_digit(n))
        {
            digits.push('.');
            decimals = Some(0);
            i += 1;
        } else {
            break;
        }
    }
    if preceded_badly(chars, start) || starts_range(chars, i) {
        return Read::Skip(i);
    }
    let Ok(value) = digits.parse::<Decimal>() else {
        return Read::Skip(i);
    };
    let step = match decimals {
        Some(d) => Decimal::new(1, d),
        None => {
            let zeros = digits.chars().rev().take_while(|&c| c == '0').count();
            if digits.chars().all(|c| c == '0') {
                Decimal::ONE
            } else {
                Decimal::from(10u64.pow(zeros.min(18) as u32))
            }
        }
    };
    let magnitude = chars
        .get(i)
        .map(|&(_, c)| c)
        .filter(|c| MAGNITUDES.contains(c));
    finish(text, chars, start, i, value, step, magnitude)
}

/// Whether exactly three digits follow at `at`, then no further digit: a
/// thousands separator (`383,406`), not a list's comma (`23，456`) — the
/// full-width comma is a clause's own far more often than a separator.
fn groups_of_three(chars: &[(u32, char)], at: usize) -> bool {
    (0..3).all(|k| chars.get(at + k).is_some_and(|&(_, c)| is_digit(c)))
        && !chars.get(at + 3).is_some_and(|&(_, c)| is_digit(c))
}

fn chinese(text: &str, chars: &[(u32, char)], start: usize) -> Read {
    // 百分之五十: a share written out.
    if rest(text, chars, start).starts_with("百分之")
        && let Some((value, step, end)) = chinese_number(chars, start + 3)
    {
        if preceded_badly(chars, start) {
            return Read::Skip(end);
        }
        let (approx, end) = suffix_approx(text, chars, end);
        return Read::Quantity(
            quantity(text, chars, start, end, value, step, "%".into(), approx),
            end,
        );
    }
    let Some((value, step, end)) = chinese_number(chars, start) else {
        return Read::Skip(start + 1);
    };
    let run: String = chars[start..end].iter().map(|&(_, c)| c).collect();
    // 一 alone is a word more often than a count (统一、一批、一次性), and
    // so are 百、千、万 alone (千家万户).
    if matches!(run.as_str(), "一" | "百" | "千" | "万" | "亿")
        || preceded_badly(chars, start)
        || starts_range(chars, end)
        || preceded_by_word(chars, start)
    {
        return Read::Skip(end);
    }
    // 三个100%: the count of what follows, not a figure of its own.
    if rest(text, chars, end).starts_with('个')
        && chars
            .get(end + 1)
            .is_some_and(|&(_, c)| is_digit(c) || is_numeral(c))
    {
        return Read::Skip(end);
    }
    finish(text, chars, start, end, value, step, None)
}

/// Chinese numerals glued to a word before them (星期一、周一、初一、
/// 统一): not counts.
fn preceded_by_word(chars: &[(u32, char)], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_some_and(|j| matches!(chars[j].1, '周' | '期' | '初' | '统' | '唯' | '逐'))
}

/// A run of Chinese numerals from `start`: its value, the step of its
/// last digit, and where it ends. `None` for a run that is no number
/// (`一一`, a multiplier twice).
fn chinese_number(chars: &[(u32, char)], start: usize) -> Option<(Decimal, Decimal, usize)> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut step: u64 = 1;
    let mut last_multiplier = u64::MAX;
    let mut i = start;
    while let Some(&(_, c)) = chars.get(i) {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() {
                return None;
            }
            digit = Some(u64::from(d));
            step = 1;
        } else if let Some(m) = chinese_multiplier(c) {
            if m >= 10_000 {
                let value = section.checked_add(digit.unwrap_or(0))?;
                let value = if value == 0 { 1 } else { value };
                total = total.checked_add(value.checked_mul(m)?)?;
                step = step.checked_mul(m)?;
                section = 0;
            } else {
                if m >= last_multiplier {
                    return None;
                }
                last_multiplier = m;
                section = section.checked_add(digit.unwrap_or(1).checked_mul(m)?)?;
                step = m;
            }
            digit = None;
        } else {
            break;
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    let value = total
        .checked_add(section)?
        .checked_add(digit.unwrap_or(0))?;
    Some((Decimal::from(value), Decimal::from(step), i))
}

/// From the end of the digits: the magnitude, 余 / 多, the unit and a
/// hedge after it; a quantity only when a unit is found.
fn finish(
    text: &str,
    chars: &[(u32, char)],
    start: usize,
    mut i: usize,
    value: Decimal,
    step: Decimal,
    magnitude: Option<char>,
) -> Read {
    let digits_end = i;
    let mut unit = String::new();
    if let Some(m) = magnitude {
        unit.push(m);
        i += 1;
    }
    let mut approx = None;
    if let Some(&(_, c)) = chars.get(i)
        && matches!(c, '余' | '多')
    {
        approx = Some(Approx::More);
        i += 1;
    }
    let Some(word) = unit_at(rest(text, chars, i)) else {
        return Read::Skip(digits_end);
    };
    unit.push_str(word);
    i += word.chars().count();
    let (after, end) = suffix_approx(text, chars, i);
    let approx = approx.or(after);
    Read::Quantity(
        quantity(text, chars, start, end, value, step, unit, approx),
        end,
    )
}

/// The unit at the start of `rest`, longest first; none where the text
/// goes on as a word of its own (`支出`).
fn unit_at(rest: &str) -> Option<&'static str> {
    if NOT_UNITS.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    units()
        .filter(|u| rest.starts_with(u))
        .max_by_key(|u| u.len())
}

/// Whether `rest`, the text right after a number with a decimal point,
/// goes on as a fraction does: a magnitude (1.2亿) or a unit of
/// measure (3.5个百分点, 12.5%), not a counted thing (see [`MEASURES`]).
pub fn continues_a_fraction(rest: &str) -> bool {
    rest.starts_with(MAGNITUDES)
        || (MEASURES.iter().any(|u| rest.starts_with(u))
            && !NOT_UNITS.iter().any(|w| rest.starts_with(w)))
}

/// The unit a name ends in (培训党员人次 → 人次), longest first.
pub fn trailing_unit(name: &str) -> Option<&'static str> {
    units()
        .filter(|u| name.ends_with(u))
        .max_by_key(|u| u.len())
}

fn suffix_approx(text: &str, chars: &[(u32, char)], i: usize) -> (Option<Approx>, usize) {
    let after = rest(text, chars, i);
    match SUFFIXES.iter().find(|(w, _)| after.starts_with(w)) {
        Some((w, a)) => (Some(*a), i + w.chars().count()),
        None => (None, i),
    }
}

#[allow(clippy::too_many_arguments)]
fn quantity(
    text: &str,
    chars: &[(u32, char)],
    start: usize,
    end: usize,
    value: Decimal,
    step: Decimal,
    unit: String,
    approx: Option<Approx>,
) -> Quantity {
    let before = &text[..byte_at(text, chars, start)];
    let hedge = PREFIXES.iter().find(|(w, _)| before.ends_with(w));
    let idle = NOT_PREFIXES.iter().any(|w| before.ends_with(w));
    let (approx, start) = match hedge {
        Some((w, a)) if approx.is_none() && !idle => (Some(*a), start - w.chars().count()),
        _ => (approx, start),
    };
    let span = byte_at(text, chars, start)..byte_at(text, chars, end);
    Quantity {
        value,
        step,
        unit: normal_unit(&unit),
        approx,
        clause: around(text, &span, CLAUSE_OR_SENTENCE_ENDS),
        sentence: around(text, &span, SENTENCE_ENDS),
        chars: start..end,
        span,
    }
}

/// The full-width percent sign read as the half-width one.
fn normal_unit(unit: &str) -> String {
    unit.replace('％', "%")
}

/// The stretch of `text` around `span` between two of `ends` (the
/// punctuation itself left out).
pub(super) fn around(text: &str, span: &Range<usize>, ends: &[char]) -> Range<usize> {
    let start = text[..span.start]
        .rfind(|c| ends.contains(&c))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[span.end..]
        .find(|c| ends.contains(&c))
        .map_or(text.len(), |i| span.end + i);
    start..end
}

#[cfg(test)]
#[path = "scan_tests.rs"]
mod tests;
