//! The paragraph editor's soft wrap as the writer sees it: rows broken by
//! the export's rules (避头尾) at either width of ambiguous characters, the
//! cursor and the selection on the right characters at any width, and the
//! rows an edit re-wraps agreeing with wrapping the whole text afresh.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, TextArea};

use super::measured;
use crate::model::linebreak::tests::{both, one_piece, prose};
use crate::model::linebreak::{NO_END, NO_START};
use crate::tui::text::{FILLER, display_width, set_ambiguous};

/// Draws `editor` `width` columns wide (tall enough for every row).
fn draw(editor: &TextArea, width: u16) -> Buffer {
    let area = Rect::new(0, 0, width, 400);
    let mut buffer = Buffer::empty(area);
    editor.render(area, &mut buffer);
    buffer
}

fn rows(editor: &TextArea) -> Vec<(usize, std::ops::Range<usize>)> {
    editor.display_rows().collect()
}

/// Byte offset of char `col` in `line`.
fn byte_of(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// What an editor of one paragraph is asked to do.
#[derive(Debug, Clone)]
enum Op {
    Type(char),
    Paste(String),
    Backspace,
    Delete,
    Newline,
    Undo,
    Redo,
    Go(u16),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => "[一二三，。“”（）a1 ]".prop_map(|s| Op::Type(s.chars().next().unwrap_or('一'))),
        2 => prose().prop_map(Op::Paste),
        3 => Just(Op::Backspace),
        1 => Just(Op::Delete),
        1 => Just(Op::Newline),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        3 => any::<u16>().prop_map(Op::Go),
    ]
}

fn apply(editor: &mut TextArea, op: &Op) {
    match op {
        Op::Type(c) => editor.insert_char(*c),
        Op::Paste(text) => {
            editor.insert_str(text);
        }
        Op::Backspace => {
            editor.delete_char();
        }
        Op::Delete => {
            editor.delete_next_char();
        }
        Op::Newline => editor.insert_newline(),
        Op::Undo => {
            editor.undo();
        }
        Op::Redo => {
            editor.redo();
        }
        Op::Go(to) => {
            let row = editor.cursor().0;
            let len = editor.lines()[row].chars().count().max(1);
            editor.move_cursor(CursorMove::Jump(row as u16, (*to as usize % len) as u16));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn screen_rows_follow_the_line_breaking_rules(
        line in prose(), width in 2u16..60, ambiguous in both(),
    ) {
        set_ambiguous(ambiguous);
        let editor = measured(vec![line.clone()], true);
        draw(&editor, width);
        let shown: Vec<&str> = rows(&editor).into_iter().map(|(_, r)| &line[r]).collect();
        prop_assert_eq!(shown.concat(), line.clone());
        let w = width as usize;
        for (i, row) in shown.iter().enumerate() {
            prop_assert!(display_width(row) <= w || row.chars().count() == 1, "{:?}", shown);
            let opens = row.chars().last().is_some_and(|c| NO_END.contains(c));
            prop_assert!(!opens || i + 1 == shown.len() || one_piece(row, w, ambiguous), "{:?}", shown);
            let closes = row.chars().next().is_some_and(|c| NO_START.contains(c));
            let after_one_piece = i > 0 && one_piece(shown[i - 1], w, ambiguous);
            prop_assert!(!closes || i == 0 || after_one_piece, "{:?}", shown);
        }
    }

    /// The cursor stays on its character through a resize, and the
    /// terminal cursor (where the input method's window opens) is at that
    /// character's column of its row.
    #[test]
    fn the_cursor_keeps_its_character_through_a_resize(
        line in prose(), at in any::<u16>(), first in 2u16..60, second in 2u16..60,
        ambiguous in both(),
    ) {
        set_ambiguous(ambiguous);
        let len = line.chars().count();
        let col = at as usize % (len + 1);
        let mut editor = measured(vec![line.clone()], true);
        editor.move_cursor(CursorMove::Jump(0, col as u16));
        for width in [first, second, first] {
            draw(&editor, width);
            prop_assert_eq!(editor.cursor(), DataCursor(0, col));
            let cursor = editor.screen_cursor();
            prop_assert_eq!(cursor.char, line.chars().nth(col));
            prop_assert_eq!(editor.screen_to_data(cursor.row, cursor.col), DataCursor(0, col));
            let (_, range) = rows(&editor)[cursor.row].clone();
            prop_assert!(range.start <= byte_of(&line, col) && byte_of(&line, col) <= range.end);
            prop_assert_eq!(cursor.col, display_width(&line[range.start..byte_of(&line, col)]));
        }
    }

    /// Up and Down move one row on screen, and the selection drawn is the
    /// text selected.
    #[test]
    fn up_down_and_the_selection_follow_the_rows(
        line in prose(), from in any::<u16>(), to in any::<u16>(), width in 4u16..40,
        ambiguous in both(),
    ) {
        set_ambiguous(ambiguous);
        let len = line.chars().count();
        let (from, to) = (from as usize % (len + 1), to as usize % (len + 1));
        let mut editor = measured(vec![line.clone()], true);
        editor.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
        // As the editors have it: the terminal's own cursor, no painted one.
        editor.set_cursor_style(Style::default());
        draw(&editor, width);
        editor.move_cursor(CursorMove::Jump(0, from as u16));
        let row = editor.screen_cursor().row;
        editor.move_cursor(CursorMove::Down);
        let count = rows(&editor).len();
        prop_assert_eq!(editor.screen_cursor().row, (row + 1).min(count - 1));
        editor.move_cursor(CursorMove::Jump(0, from as u16));
        editor.move_cursor(CursorMove::Up);
        prop_assert_eq!(editor.screen_cursor().row, row.saturating_sub(1));

        editor.move_cursor(CursorMove::Jump(0, from as u16));
        editor.start_selection();
        editor.move_cursor(CursorMove::Jump(0, to as u16));
        let buffer = draw(&editor, width);
        let drawn: String = buffer
            .content()
            .iter()
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .map(|c| c.symbol())
            .filter(|s| !s.starts_with(FILLER))
            .collect();
        let (a, b) = (from.min(to), from.max(to));
        // The character under the cursor is drawn in the cursor's style (the
        // terminal's cursor marks it), so a selection made leftwards shows
        // from the character after it.
        let want: String = line
            .chars()
            .enumerate()
            .filter(|&(i, _)| a <= i && i < b && i != to)
            .map(|(_, c)| c)
            .collect();
        prop_assert_eq!(drawn, want);
    }

    #[test]
    fn rewrapping_after_edits_agrees_with_wrapping_afresh(
        start in prose(), ops in prop::collection::vec(op(), 1..40), width in 2u16..50,
        ambiguous in both(),
    ) {
        set_ambiguous(ambiguous);
        let mut editor = measured(vec![start], true);
        draw(&editor, width);
        for op in &ops {
            apply(&mut editor, op);
            let fresh = measured(editor.lines().to_vec(), true);
            draw(&fresh, width);
            prop_assert_eq!(rows(&editor), rows(&fresh), "after {:?}", op);
        }
    }
}
