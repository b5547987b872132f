//! Hard wrapping by display width, for people who paste into fixed-width
//! forms. A Chinese character counts two columns; the rows break where the
//! editor's soft wrap breaks them ([`crate::model::linebreak`]): figures such
//! as `33016` and `56.7%` are never split, and a line never starts with
//! closing punctuation nor ends with opening punctuation (避头尾).

use crate::model::linebreak::{Ambiguous, next_break};

/// Splits `line` into lines no wider than `width` columns (except where a
/// single character is wider than `width`). Ambiguous characters (`“ …`)
/// count one column, as they always have here: the export does not follow
/// the terminal's setting.
pub fn hard_wrap(line: &str, width: usize) -> String {
    hard_wrap_at(line, width, Ambiguous::Narrow)
}

/// [`hard_wrap`] counting ambiguous characters as `ambiguous` says (the
/// screen's hints and messages follow the terminal).
pub fn hard_wrap_at(line: &str, width: usize, ambiguous: Ambiguous) -> String {
    let width = width.max(2);
    let mut rows = Vec::new();
    let mut start = 0;
    loop {
        let end = next_break(line, start, width, ambiguous)
            .end
            .max(start + line[start..].chars().next().map_or(0, char::len_utf8));
        rows.push(line[start..end].trim_end());
        if end >= line.len() {
            break;
        }
        start = end;
    }
    rows.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

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
