use proptest::prelude::*;

use super::*;

/// A line's rows, as the editor and the export find them: one after another.
fn rows(line: &str, width: usize, ambiguous: Ambiguous) -> Vec<&str> {
    let mut rows = Vec::new();
    let mut start = 0;
    loop {
        let end = next_break(line, start, width, ambiguous).end;
        assert!(end > start || line.is_empty(), "no progress at {start}");
        rows.push(&line[start..end]);
        if end >= line.len() {
            return rows;
        }
        start = end;
    }
}

/// Whether `row` is one piece that cannot be cut (one character, or a
/// figure or word no wider than the row).
pub(crate) fn one_piece(row: &str, width: usize, ambiguous: Ambiguous) -> bool {
    row.chars().count() == 1
        || (row.chars().all(joins) && str_width(row, ambiguous) <= width.max(1))
}

/// Prose as writers type it: Chinese, figures, Latin words, spaces and
/// every kind of punctuation, in runs.
pub(crate) fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[一二三四五六七八九十部门预算绩效评价项目资金管理]{1,6}",
        2 => "[0-9]{1,6}(\\.[0-9]{1,2})?%?",
        1 => "[A-Za-z]{1,9}",
        1 => Just(" ".to_string()),
        2 => "[，。、；：？！）】」』》〉〕”’…—·%％]{1,2}",
        2 => "[（【「『《〈〔“‘]",
        1 => "[①②③]",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

pub(crate) fn both() -> impl Strategy<Value = Ambiguous> {
    prop_oneof![Just(Ambiguous::Narrow), Just(Ambiguous::Wide)]
}

proptest! {
    #[test]
    fn rows_keep_the_text_and_the_rules(line in prose(), width in 1usize..40, ambiguous in both()) {
        let rows = rows(&line, width, ambiguous);
        prop_assert_eq!(rows.concat(), line.clone());
        for (i, row) in rows.iter().enumerate() {
            prop_assert!(
                str_width(row, ambiguous) <= width || row.chars().count() == 1,
                "{:?} wider than {} in {:?}", row, width, rows
            );
            let last = row.chars().last();
            prop_assert!(
                !last.is_some_and(|c| NO_END.contains(c)) || one_piece(row, width, ambiguous)
                    || i + 1 == rows.len(),
                "{:?} ends with an opening character in {:?}", row, rows
            );
            let first = row.chars().next();
            let after_one_piece = i > 0 && one_piece(rows[i - 1], width, ambiguous);
            prop_assert!(
                !first.is_some_and(|c| NO_START.contains(c)) || i == 0 || after_one_piece,
                "{:?} starts with a closing character in {:?}", row, rows
            );
        }
    }

    /// What the editor's incremental wrap relies on: text from a row's
    /// `read_to` on does not move where the row ends.
    #[test]
    fn a_row_does_not_depend_on_text_past_read_to(
        line in prose(), tail in prose(), width in 1usize..40, ambiguous in both(),
    ) {
        let mut start = 0;
        while start < line.len() {
            let found = next_break(&line, start, width, ambiguous);
            if found.read_to <= line.len() {
                let changed = format!("{}{tail}", &line[..found.read_to]);
                prop_assert_eq!(next_break(&changed, start, width, ambiguous).end, found.end);
            }
            start = found.end;
        }
    }
}

#[test]
fn figures_and_words_stay_whole() {
    let line = "培训党员33016人次，增长56.7%，见Excel表";
    assert_eq!(
        rows(line, 12, Ambiguous::Narrow),
        ["培训党员", "33016人次，", "增长56.7%，", "见Excel表"]
    );
}

#[test]
fn ambiguous_characters_count_as_the_terminal_draws_them() {
    assert_eq!(str_width("“一”…", Ambiguous::Narrow), 5);
    assert_eq!(str_width("“一”…", Ambiguous::Wide), 8);
    assert_eq!(str_width("a\u{1b}", Ambiguous::Wide), 1);
    // At two columns a quotation mark no longer fits the row it did.
    assert_eq!(rows("一二“三”", 8, Ambiguous::Narrow), ["一二“三”"]);
    assert_eq!(rows("一二“三”", 8, Ambiguous::Wide), ["一二", "“三”"]);
}

#[test]
fn common_widths_agree_with_unicode_width() {
    use unicode_width::UnicodeWidthChar;
    // The ranges char_width answers without the tables: the same answer,
    // at either ambiguous width.
    let ranges = [
        (' ', '~'),
        ('\u{4E00}', '\u{9FFF}'),
        ('\u{FF01}', '\u{FF60}'),
    ];
    for (from, to) in ranges {
        for c in from..=to {
            assert_eq!(Some(char_width(c, Ambiguous::Narrow)), c.width(), "{c:?}");
            assert_eq!(Some(char_width(c, Ambiguous::Wide)), c.width_cjk(), "{c:?}");
        }
    }
}
