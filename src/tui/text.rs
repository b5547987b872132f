//! Fitting text into terminal columns. A leaf: views and dialogs both use
//! it, and it uses neither. Every width on screen is measured here, so the
//! terminal's treatment of ambiguous characters (`“ ” … — · ①`, one column
//! or two) is followed by the wrap, the cursor, the tables and the backend
//! alike.

use std::cell::Cell;

use crate::export::wrap::hard_wrap_at;
use ratatui_textarea::RowBreak;

use crate::model::linebreak::{self, Ambiguous};

thread_local! {
    /// How the terminal draws ambiguous characters, from config.json. The
    /// terminal is the process's, but the UI runs on one thread; per thread,
    /// tests on other threads keep their own setting.
    static AMBIGUOUS: Cell<Ambiguous> = const { Cell::new(Ambiguous::Narrow) };
}

/// Follows the terminal's width of ambiguous characters from now on.
pub fn set_ambiguous(ambiguous: Ambiguous) {
    AMBIGUOUS.with(|a| a.set(ambiguous));
}

pub fn ambiguous() -> Ambiguous {
    AMBIGUOUS.with(Cell::get)
}

/// Drawn in the cell after an ambiguous character that ratatui counts as one
/// cell and the terminal as two: a private-use character, so no text has it
/// by accident. The backend never sends it (the character before already
/// covers its column).
pub const FILLER: char = '\u{F8FF}';

/// Columns `c` takes on this terminal; a [`FILLER`] none of its own (it is
/// the second column of the character before it).
pub fn char_width(c: char) -> usize {
    if c == FILLER {
        0
    } else {
        linebreak::char_width(c, ambiguous())
    }
}

/// Where a soft-wrapped row of the editor ends (避头尾, as the export).
pub fn row_break(line: &str, start: usize, width: usize) -> RowBreak {
    let found = linebreak::next_break(line, start, width, ambiguous());
    RowBreak {
        end: found.end,
        read_to: found.read_to,
    }
}

/// `line` hard-wrapped to rows of `width` columns on this terminal, ready
/// to draw ([`padded`]).
pub fn wrap(line: &str, width: usize) -> String {
    padded(&hard_wrap_at(line, width, ambiguous()))
}

/// `text` as drawn: a [`FILLER`] after each character the terminal draws
/// wider than ratatui counts it, so the cells after it stay in their columns.
pub fn padded(text: &str) -> String {
    if ambiguous() == Ambiguous::Narrow {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(c);
        let extra =
            linebreak::char_width(c, Ambiguous::Wide) - linebreak::char_width(c, Ambiguous::Narrow);
        out.extend(std::iter::repeat_n(FILLER, extra));
    }
    out
}

/// Control characters (ESC, BEL …) from a file would be invisible, or worse
/// reach the terminal; they are shown as their Unicode control pictures
/// (␛, ␇ …) so the writer sees them and can delete them. Line breaks and
/// tabs are left alone.
pub fn show_controls(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or(c),
            '\u{7f}' => '\u{2421}',
            _ => c,
        })
        .collect()
}

/// The inverse of [`show_controls`], applied when editor text is stored.
pub fn restore_controls(text: String) -> String {
    // Stored on every keystroke, and control pictures are rare: a text
    // without the bytes they start with (U+2400..U+243F are E2 90 xx in
    // UTF-8) is copied as it is.
    if !text.as_bytes().windows(2).any(|pair| pair == [0xE2, 0x90]) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\u{2400}'..='\u{241f}' if c != '\u{240a}' && c != '\u{2409}' => {
                char::from_u32(c as u32 - 0x2400).unwrap_or(c)
            }
            '\u{2421}' => '\u{7f}',
            _ => c,
        })
        .collect()
}

/// Cuts `text` to `width` display columns, ending with `...` when cut;
/// ready to draw ([`padded`]).
pub fn fit(text: &str, width: usize) -> String {
    let text = show_controls(text);
    if display_width(&text) <= width {
        return padded(&text);
    }
    let budget = width.saturating_sub(3);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= 3 {
        out.push_str("...");
    }
    padded(&out)
}

pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_and_kept() {
        let text = "清屏\u{1b}[2J\u{7}\u{7f}\n下\t行";
        let shown = show_controls(text);
        assert_eq!(shown, "清屏␛[2J␇␡\n下\t行");
        assert_eq!(restore_controls(shown), text);
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("部门职责", 8), "部门职责");
        assert_eq!(fit("部门职责情况", 8), "部门...");
        assert_eq!(fit("abc", 2), "");
        assert_eq!(fit("清屏\u{1b}[2J", 20), "清屏␛[2J");
    }
}
