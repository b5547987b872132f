//! Lints on prose: things a finance bureau's reviewer would point out, shown
//! as warnings. They never change the text: the writer decides.

/// What a reviewer would point out in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lint {
    /// A document number written otherwise than `湘办发〔2019〕10号`:
    /// `found` is the slip as typed (from its bracket to 号), `fixed` the
    /// number as it should be written, `slips` what is wrong with it.
    DocumentNumber {
        found: String,
        fixed: String,
        slips: Vec<NumberSlip>,
    },
    /// Control characters (ESC …), which export as garbage.
    ControlCharacters,
}

/// The slips seen in published reports' document numbers (文号).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberSlip {
    /// The year in other brackets than 〔〕: 【2019】, （2015）, [2018], ［2018］.
    Brackets,
    /// No closing bracket after the year: 〔201910号.
    Unclosed,
    /// A space inside the number, usually before 号: 〔2019〕65 号.
    Space,
}

/// Warnings for one paragraph or item of prose.
pub fn prose(text: &str) -> Vec<Lint> {
    let mut warnings: Vec<Lint> = document_numbers(text)
        .into_iter()
        .map(|(found, fixed, slips)| Lint::DocumentNumber {
            found,
            fixed,
            slips,
        })
        .collect();
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        warnings.push(Lint::ControlCharacters);
    }
    warnings
}

/// Brackets a year is put in, the right one (〔) first; each closer is at
/// its opener's place. ﹝﹞ are the small look-alikes some fonts offer.
const OPENERS: [char; 7] = ['〔', '【', '（', '(', '[', '［', '﹝'];
const CLOSERS: [char; 7] = ['〕', '】', '）', ')', ']', '］', '﹞'];
/// The first bytes of the openers in UTF-8.
const OPENER_LEADS: [u8; 4] = [b'(', b'[', 0xE3, 0xEF];

/// A space as typed: ASCII, full-width, no-break.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// Document numbers written with a slip: `湘办发【2019】10号`,
/// `湘财绩（2015）15号`, `湘财预[2018]3号`, `〔2019〕65 号`, `〔201910号`.
/// A number is recognised by its shape — at least two Chinese characters
/// (the issuer), a bracket, a four-digit year, the number, 号 — so a `[1]`
/// footnote, `第65号文件` or `（2015）年` is not one. Returns (as typed,
/// as it should be, the slips). Scans the text in place (it runs on every
/// keystroke in a long field).
fn document_numbers(text: &str) -> Vec<(String, String, Vec<NumberSlip>)> {
    let mut found = Vec::new();
    // Only where an opener's first byte is (a lead byte, so a character
    // starts there) is a character decoded: this runs on every keystroke.
    let leads = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| OPENER_LEADS.contains(b));
    for (i, _) in leads {
        let Some(open) = text[i..].chars().next() else {
            continue;
        };
        let Some(kind) = OPENERS.iter().position(|&o| o == open) else {
            continue;
        };
        if text[..i]
            .chars()
            .rev()
            .take(2)
            .filter(|c| is_han(*c))
            .count()
            < 2
        {
            continue;
        }
        let start = i + open.len_utf8();
        let Some((year, number, end, closed, spaced)) = shape(&text[start..]) else {
            continue;
        };
        let mut slips = Vec::new();
        if kind != 0 || closed.is_some_and(|c| c != CLOSERS[0]) {
            slips.push(NumberSlip::Brackets);
        }
        if closed.is_none() {
            slips.push(NumberSlip::Unclosed);
        }
        if spaced {
            slips.push(NumberSlip::Space);
        }
        if slips.is_empty() {
            continue;
        }
        // Where the issuer's abbreviation starts cannot be told from the
        // text, so only the bracketed year and the number are quoted.
        let typed = text[i..start + end].to_string();
        found.push((typed, format!("〔{year}〕{number}号"), slips));
    }
    found
}

/// After the opening bracket: the year, the number, the byte length up to
/// and with 号, the closing bracket if any, and whether spaces were typed.
fn shape(rest: &str) -> Option<(&str, &str, usize, Option<char>, bool)> {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let spaces = |s: &str| {
        s.chars()
            .take_while(|&c| is_space(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    if digits(rest) < 4 {
        return None;
    }
    let year = &rest[..4];
    let mut at = 4;
    let mut spaced = false;
    let mut skip = |at: &mut usize| {
        let n = spaces(&rest[*at..]);
        spaced |= n > 0;
        *at += n;
    };
    skip(&mut at);
    let closed = rest[at..].chars().next().filter(|c| CLOSERS.contains(c));
    if let Some(c) = closed {
        at += c.len_utf8();
        skip(&mut at);
    }
    let n = digits(&rest[at..]);
    if n == 0 {
        return None;
    }
    let number = &rest[at..at + n];
    at += n;
    skip(&mut at);
    rest[at..]
        .starts_with('号')
        .then(|| (year, number, at + '号'.len_utf8(), closed, spaced))
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::NumberSlip::{Brackets, Space, Unclosed};
    use super::*;

    #[test]
    fn every_opener_starts_with_a_listed_byte() {
        for open in OPENERS {
            let mut utf8 = [0; 4];
            let first = open.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(OPENER_LEADS.contains(&first), "{open}");
        }
    }

    #[test]
    fn document_number_slips_and_look_alikes() {
        // (text, [(as typed, as it should be, slips)])
        type Want = &'static [(&'static str, &'static str, &'static [NumberSlip])];
        let cases: [(&str, Want); 22] = [
            (
                "按照湘办发【2019】10号和湘财绩（2015）15号等文件",
                &[
                    ("【2019】10号", "〔2019〕10号", &[Brackets]),
                    ("（2015）15号", "〔2015〕15号", &[Brackets]),
                ],
            ),
            (
                "财预(2020)10号",
                &[("(2020)10号", "〔2020〕10号", &[Brackets])],
            ),
            (
                "湘财预[2018]3号",
                &[("[2018]3号", "〔2018〕3号", &[Brackets])],
            ),
            (
                "湘财预［2018］3号",
                &[("［2018］3号", "〔2018〕3号", &[Brackets])],
            ),
            (
                "湘财预﹝2018﹞3号",
                &[("﹝2018﹞3号", "〔2018〕3号", &[Brackets])],
            ),
            // A mismatched pair is a bracket slip too.
            (
                "湘财预〔2018】3号",
                &[("〔2018】3号", "〔2018〕3号", &[Brackets])],
            ),
            (
                "湘政发〔2019〕65 号",
                &[("〔2019〕65 号", "〔2019〕65号", &[Space])],
            ),
            (
                "湘政发〔2019〕65\u{3000}号",
                &[("〔2019〕65\u{3000}号", "〔2019〕65号", &[Space])],
            ),
            (
                "湘政发〔2019〕 65号",
                &[("〔2019〕 65号", "〔2019〕65号", &[Space])],
            ),
            (
                "湘办发〔201910号",
                &[("〔201910号", "〔2019〕10号", &[Unclosed])],
            ),
            (
                "湘办发【201910 号",
                &[("【201910 号", "〔2019〕10号", &[Brackets, Unclosed, Space])],
            ),
            // Written right: nothing to say.
            ("财预〔2020〕10号", &[]),
            ("按湘办发〔2019〕10号文件执行", &[]),
            // Not document numbers at all.
            ("（2015）年", &[]),
            ("共（2015）人", &[]),
            ("发文【2019】", &[]),
            ("见文献[1]第3页", &[]),
            ("根据第65号文件", &[]),
            ("根据第65 号文件", &[]),
            ("资金[2018]万元", &[]),
            ("培训(2019)人次3号楼", &[]),
            ("湘办发〔19〕10号", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String, Vec<NumberSlip>)> = want
                .iter()
                .map(|(f, x, s)| (f.to_string(), x.to_string(), s.to_vec()))
                .collect();
            assert_eq!(document_numbers(text), want, "{text}");
        }
    }

    #[test]
    fn control_characters_are_flagged() {
        assert_eq!(prose("正常\n文字").len(), 0);
        assert_eq!(prose("清屏\u{1b}[2J").len(), 1);
    }
}
