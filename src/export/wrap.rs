//! Hard wrapping by display width, for people who paste into fixed-width
//! forms. A Chinese character counts two columns; figures such as `33016`
//! and `56.7%` are never split; a line never starts with closing punctuation
//! nor ends with opening punctuation (the usual 禁则 of Chinese typesetting).

use unicode_width::UnicodeWidthStr;

/// Characters that must not begin a line.
const NO_START: &str = "，。、；：？！）】」』》〉〕”’…—·%％,.;:?!)]}";
/// Characters that must not end a line.
const NO_END: &str = "（【「『《〈〔“‘([{";

/// Splits `line` into lines no wider than `width` columns (except where a
/// single character is wider than `width`).
pub fn hard_wrap(line: &str, width: usize) -> String {
    let width = width.max(2);
    let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
    let mut used = 0;
    for token in tokens(line, width) {
        let w = token.width();
        let current = lines.last_mut().map_or(0, |l| l.len());
        if used + w > width && current > 0 {
            let carried = lines
                .last_mut()
                .map(|l| carry_over(l, token))
                .unwrap_or_default();
            used = carried.iter().map(|t| t.width()).sum();
            lines.push(carried);
        }
        used += w;
        if let Some(last) = lines.last_mut() {
            last.push(token);
        }
    }
    lines
        .iter()
        .map(|l| l.concat().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Tokens to move from the end of a full line to the next one, so that the
/// next line does not start with closing punctuation (`next` or a carried
/// token) and this one does not end with an opening bracket. At least one
/// token always stays, so a run of punctuation cannot empty a line.
fn carry_over<'a>(line: &mut Vec<&'a str>, next: &'a str) -> Vec<&'a str> {
    let starts_bad = |t: &str| t.chars().next().is_some_and(|c| NO_START.contains(c));
    let ends_bad = |t: &str| t.chars().last().is_some_and(|c| NO_END.contains(c));
    let mut carried: Vec<&str> = Vec::new();
    while line.len() > 1 {
        let head = carried.first().copied().unwrap_or(next);
        let last = line.last().copied().unwrap_or_default();
        if !(starts_bad(head) || ends_bad(last)) {
            break;
        }
        carried.insert(0, last);
        line.pop();
    }
    carried
}

/// Runs of ASCII letters, digits and number punctuation stay together
/// unless wider than a line on their own, which are cut into single
/// characters; every other character stands alone.
fn tokens(line: &str, width: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        let joins = c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | ',' | '-');
        match (joins, start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, s) => {
                if let Some(s) = s {
                    push_run(&mut out, &line[s..i], width);
                    start = None;
                }
                out.push(&line[i..i + c.len_utf8()]);
            }
        }
    }
    if let Some(s) = start {
        push_run(&mut out, &line[s..], width);
    }
    out
}

fn push_run<'a>(out: &mut Vec<&'a str>, run: &'a str, width: usize) {
    if run.width() > width {
        out.extend(run.char_indices().map(|(i, c)| &run[i..i + c.len_utf8()]));
    } else {
        out.push(run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width() {
        let cases = [
            ("一二三四五六", 6, "一二三\n四五六"),
            ("一二三四五六", 7, "一二三\n四五六"),
            ("abc一二", 7, "abc一二"),
            ("一二三，四五", 6, "一二\n三，四\n五"),
            ("培训党员33016人次", 10, "培训党员\n33016人次"),
            ("见见《条例》", 6, "见见\n《条\n例》"),
            ("一二三四）、五", 8, "一二三\n四）、五"),
            ("2022-2023年", 8, "2022-202\n3年"),
            ("", 10, ""),
        ];
        for (input, width, want) in cases {
            assert_eq!(hard_wrap(input, width), want, "{input} @ {width}");
        }
    }

    #[test]
    fn no_line_exceeds_the_width() {
        let text = "中共常宁市委组织部单位内设机构包括：10个股级职能组室，分别是办公室（政策研究室）、组织组。".repeat(5);
        for width in [8, 20, 56, 80] {
            for line in hard_wrap(&text, width).lines() {
                assert!(line.width() <= width, "{line} wider than {width}");
            }
        }
    }
}
