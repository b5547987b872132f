//! One `ratatui-textarea` editor per field, created when the field is first
//! visited and kept, so undo history and cursor survive moving around.

use std::collections::HashMap;

use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::lang::Lang;
use crate::model::project::Entry;
use crate::model::schema::Field;
use crate::model::value_error::Expectation;
use crate::strings;

use super::command::TextCmd;
use super::text::{FILLER, char_width, restore_controls, row_break, show_controls};
use super::theme::{Role, Theme};

/// Undo reaches back this many edits per field (the widget's default is 50
/// single characters, far too few for a paragraph typed by hand).
const HISTORY: usize = 10_000;

#[derive(Debug, Default)]
pub struct Editors {
    map: HashMap<String, TextArea<'static>>,
    /// The language of the placeholder saying what a field expects.
    lang: Lang,
}

impl Editors {
    pub fn new(lang: Lang) -> Editors {
        Editors {
            map: HashMap::new(),
            lang,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn get(&self, id: &str) -> Option<&TextArea<'static>> {
        self.map.get(id)
    }

    /// The editor of `field`, made from the stored entry on first use.
    pub fn open(
        &mut self,
        field: &Field,
        entry: Option<&Entry>,
        theme: &Theme,
    ) -> &mut TextArea<'static> {
        self.map
            .entry(field.id.clone())
            .or_insert_with(|| new_editor(field, entry, theme, self.lang))
    }
}

/// The text an editor holds, lines joined by `\n`.
pub fn text_of(editor: &TextArea) -> String {
    restore_controls(editor.lines().join("\n"))
}

/// Text from outside (a paste, the external editor) made fit for a field:
/// CR and CRLF become LF; other control characters are dropped, since they
/// would reach the terminal raw; a one-line field gets its lines joined.
pub fn clean_input(text: &str, multiline: bool) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| multiline || *c != '\n')
        .collect()
}

fn new_editor(
    field: &Field,
    entry: Option<&Entry>,
    theme: &Theme,
    lang: Lang,
) -> TextArea<'static> {
    let text = show_controls(&entry.map(|e| e.field_text(field)).unwrap_or_default());
    let lines: Vec<String> = text.split('\n').map(String::from).collect();
    let mut editor = measured(lines, field.kind().is_multiline());
    editor.set_max_histories(HISTORY);
    // The real terminal cursor marks the insertion point (so input-method
    // windows open there); a painted block would be a second cursor.
    editor.set_cursor_style(Style::default());
    editor.set_cursor_line_style(Style::default());
    editor.set_style(theme.style(Role::Text));
    editor.set_selection_style(theme.style(Role::Selection));
    editor.set_placeholder_style(theme.style(Role::Hint));
    editor.set_placeholder_text(strings::expectation(&Expectation::of(field), lang));
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

/// A text area on `lines` that measures characters as this terminal draws
/// them; soft-wrapped, when `wrapped`, with rows broken as the export's
/// lines are (避头尾).
pub fn measured(lines: Vec<String>, wrapped: bool) -> TextArea<'static> {
    let mut editor = TextArea::new(lines);
    editor.set_char_width(char_width, FILLER);
    if wrapped {
        editor.set_wrap_mode(WrapMode::Glyph);
        editor.set_line_breaker(Some(row_break));
    }
    editor
}

/// A one-line input holding `text`, cursor at the end.
pub fn one_line(text: &str, theme: &Theme) -> TextArea<'static> {
    let mut input = measured(vec![text.to_string()], false);
    input.set_cursor_style(Style::default());
    input.set_cursor_line_style(Style::default());
    input.set_style(theme.style(Role::Text));
    input.move_cursor(CursorMove::End);
    input
}

/// Carries out a text command on a text area.
pub fn apply(editor: &mut TextArea<'static>, command: TextCmd) {
    use TextCmd::*;
    let select = |editor: &mut TextArea<'static>, m: CursorMove| {
        if !editor.is_selecting() {
            editor.start_selection();
        }
        editor.move_cursor(m);
    };
    let go = |editor: &mut TextArea<'static>, m: CursorMove| {
        editor.cancel_selection();
        editor.move_cursor(m);
    };
    match command {
        Left => go(editor, CursorMove::Back),
        Right => go(editor, CursorMove::Forward),
        Up => go(editor, CursorMove::Up),
        Down => go(editor, CursorMove::Down),
        WordLeft => go(editor, CursorMove::WordBack),
        WordRight => go(editor, CursorMove::WordForward),
        LineStart => go(editor, CursorMove::Head),
        LineEnd => go(editor, CursorMove::End),
        // `Top` keeps the column: the start of the field is also the start
        // of its first line.
        TextStart => {
            go(editor, CursorMove::Top);
            editor.move_cursor(CursorMove::Head);
        }
        TextEnd => {
            go(editor, CursorMove::Bottom);
            editor.move_cursor(CursorMove::End);
        }
        SelectLeft => select(editor, CursorMove::Back),
        SelectRight => select(editor, CursorMove::Forward),
        SelectUp => select(editor, CursorMove::Up),
        SelectDown => select(editor, CursorMove::Down),
        SelectAll => editor.select_all(),
        Backspace => {
            editor.delete_char();
        }
        Delete => {
            editor.delete_next_char();
        }
        DeleteWord => {
            editor.delete_word();
        }
        DeleteToLineEnd => {
            editor.delete_line_by_end();
        }
        Newline => editor.insert_newline(),
        Undo => {
            editor.undo();
        }
        Redo => {
            editor.redo();
        }
        Copy => editor.copy(),
        Cut => {
            editor.cut();
        }
        Paste => {
            editor.paste();
        }
        // They need the field: `Session::strip_list_numbers`,
        // `Session::next_option`.
        StripNumbers | NextOption => {}
    }
}

#[cfg(test)]
#[path = "editors_tests.rs"]
mod wrap_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_is_cleaned() {
        let cases = [
            ("一\r\n二\r三", true, "一\n二\n三"),
            ("一\r\n二", false, "一二"),
            ("清\u{1b}[2J屏\u{7}", true, "清[2J屏"),
            ("a\tb", true, "a b"),
        ];
        for (input, multiline, want) in cases {
            assert_eq!(clean_input(input, multiline), want, "{input:?}");
        }
    }
}
