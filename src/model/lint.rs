//! Lints on prose: things a finance bureau's reviewer would point out, shown
//! as warnings. They never change the text: the writer decides.

/// Warnings for one paragraph or item of prose.
pub fn prose(text: &str) -> Vec<String> {
    let mut warnings: Vec<String> = document_numbers(text)
        .into_iter()
        .map(|number| {
            let fixed = fix_brackets(&number);
            format!("文号年份“{number}”应使用六角括号，写作“{fixed}”")
        })
        .collect();
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        warnings.push("含有控制字符（如 ESC），导出后可能显示为乱码，请删除".to_string());
    }
    warnings
}

const OPENERS: [char; 4] = ['【', '（', '(', '['];
const CLOSERS: [char; 4] = ['】', '）', ')', ']'];

/// Document numbers written with the wrong brackets around the year:
/// 湘办发【2019】10号, 湘财绩（2015）15号. The correct form uses 〔〕.
fn document_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &open) in chars.iter().enumerate() {
        let Some(kind) = OPENERS.iter().position(|&o| o == open) else {
            continue;
        };
        // The issuer's abbreviation: at least two Chinese characters before.
        let issuer_len = chars[..i].iter().rev().take_while(|c| is_han(**c)).count();
        let year_ok = chars
            .get(i + 1..i + 5)
            .is_some_and(|y| y.iter().all(char::is_ascii_digit));
        if issuer_len < 2 || !year_ok || chars.get(i + 5) != Some(&CLOSERS[kind]) {
            continue;
        }
        let digits = chars[i + 6..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 || chars.get(i + 6 + digits) != Some(&'号') {
            continue;
        }
        // Where the issuer's abbreviation starts cannot be told from the
        // text, so only the bracketed year and the number are quoted.
        found.push(chars[i..i + 7 + digits].iter().collect());
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
