//! Lints on prose: things a finance bureau's reviewer would point out, shown
//! as warnings. They never change the text: the writer decides.

/// What a reviewer would point out in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lint {
    /// A document number's year in the wrong brackets: `湘办发【2019】10号`
    /// should be written with 〔〕.
    DocumentNumber { found: String, fixed: String },
    /// Control characters (ESC …), which export as garbage.
    ControlCharacters,
}

/// Warnings for one paragraph or item of prose.
pub fn prose(text: &str) -> Vec<Lint> {
    let mut warnings: Vec<Lint> = document_numbers(text)
        .into_iter()
        .map(|found| Lint::DocumentNumber {
            fixed: fix_brackets(&found),
            found,
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

const OPENERS: [char; 4] = ['【', '（', '(', '['];
const CLOSERS: [char; 4] = ['】', '）', ')', ']'];

/// Document numbers written with the wrong brackets around the year:
/// 湘办发【2019】10号, 湘财绩（2015）15号. The correct form uses 〔〕.
/// Scans the text in place (it runs on every keystroke in a long field).
fn document_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, open) in text.char_indices() {
        let Some(kind) = OPENERS.iter().position(|&o| o == open) else {
            continue;
        };
        // The issuer's abbreviation: at least two Chinese characters before.
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
        let rest = &text[i + open.len_utf8()..];
        let mut chars = rest.chars();
        let year_ok = (0..4).all(|_| chars.next().is_some_and(|c| c.is_ascii_digit()));
        if !year_ok || chars.next() != Some(CLOSERS[kind]) {
            continue;
        }
        let digits = chars.clone().take_while(char::is_ascii_digit).count();
        if digits == 0 || chars.nth(digits) != Some('号') {
            continue;
        }
        // Where the issuer's abbreviation starts cannot be told from the
        // text, so only the bracketed year and the number are quoted.
        let len = open.len_utf8() + 4 + CLOSERS[kind].len_utf8() + digits + '号'.len_utf8();
        found.push(text[i..i + len].to_string());
    }
    found
}

fn fix_brackets(number: &str) -> String {
    number
        .chars()
        .map(|c| {
            if OPENERS.contains(&c) {
                '〔'
            } else if CLOSERS.contains(&c) {
                '〕'
            } else {
                c
            }
        })
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_number_brackets() {
        let cases: [(&str, &[&str]); 6] = [
            (
                "按照湘办发【2019】10号和湘财绩（2015）15号等文件",
                &["【2019】10号", "（2015）15号"],
            ),
            ("财预〔2020〕10号", &[]),
            ("（2015）年", &[]),
            ("共（2015）人", &[]),
            ("发文【2019】", &[]),
            ("财预(2020)10号", &["(2020)10号"]),
        ];
        for (text, want) in cases {
            assert_eq!(document_numbers(text), want, "{text}");
        }
        assert_eq!(fix_brackets("（2015）15号"), "〔2015〕15号");
    }

    #[test]
    fn control_characters_are_flagged() {
        assert_eq!(prose("正常\n文字").len(), 0);
        assert_eq!(prose("清屏\u{1b}[2J").len(), 1);
    }
}
