//! Drawing pieces shared by the views and the dialogs, and the read-only
//! context dialogs draw with. A leaf: it knows nothing of the app, so a
//! dialog can be drawn without importing what carries it out.

use crate::tui::display::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use crate::lang::Lang;
use crate::model::schema::Severity;

use super::keymap::Keymap;
use super::text::fit;
use super::theme::{Role, Theme};

/// What a dialog reads while drawing: the settings fixed for the run.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub lang: Lang,
    pub keymap: &'a Keymap,
}

/// A line of `key description` pairs for hints: keys in the key style.
pub fn hint_line<'a>(theme: &Theme, pairs: &[(String, &'a str)]) -> Line<'a> {
    let mut spans = Vec::new();
    for (key, text) in pairs {
        if key.is_empty() {
            continue;
        }
        spans.push(Span::styled(key.clone(), theme.style(Role::Key)));
        spans.push(Span::raw(format!(" {text}  ")));
    }
    Line::from(spans)
}

/// Draws `editor` in `area` with the real terminal cursor at its insertion
/// point (so input-method windows open there; a painted block would be a
/// second cursor).
pub fn draw_editor(editor: &TextArea, area: Rect, frame: &mut Frame) {
    frame.render_widget(editor, area);
    let cursor = editor.screen_cursor();
    let (top_row, top_col) = editor.scroll_offset();
    let row = (cursor.row as u16).saturating_sub(top_row);
    let col = (cursor.col as u16).saturating_sub(top_col);
    if row < area.height && area.width > 0 {
        frame.set_cursor_position(Position {
            x: area.x + col.min(area.width - 1),
            y: area.y + row,
        });
    }
}

/// Draws a one-line input with the terminal cursor at its insertion point.
pub fn draw_input(input: &TextArea, area: Rect, frame: &mut Frame) {
    frame.render_widget(input, area);
    let col = (input.screen_cursor().col as u16).saturating_sub(input.scroll_offset().1);
    if area.width > 0 && area.height > 0 {
        frame.set_cursor_position(Position {
            x: area.x + col.min(area.width - 1),
            y: area.y,
        });
    }
}

/// A box of `height` rows across the page, `top` rows down, cleared.
pub fn panel(theme: &Theme, area: Rect, top: u16, height: u16, frame: &mut Frame) -> Rect {
    let rect = Rect {
        x: area.x,
        y: area.y + top.min(area.height.saturating_sub(1)),
        width: area.width,
        height: height.min(area.height.saturating_sub(top)).max(1),
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new("").style(theme.style(Role::Overlay)), rect);
    rect
}

/// Draws `lines` in a panel centred vertically in `area`.
pub fn ask(theme: &Theme, lines: Vec<Line>, area: Rect, frame: &mut Frame) {
    let height = lines.len() as u16;
    let top = area.height.saturating_sub(height) / 2;
    let rect = panel(theme, area, top, height, frame);
    frame.render_widget(
        Paragraph::new(lines).style(theme.style(Role::Overlay)),
        rect,
    );
}

/// A question's first line.
pub fn heading<'a>(theme: &Theme, text: &str, width: u16) -> Line<'a> {
    Line::styled(fit(text, width as usize), theme.style(Role::Heading))
}

/// The marker of a problem and its role: a character, so a problem does
/// not rest on colour alone.
pub fn mark(severity: Severity) -> (&'static str, Role) {
    match severity {
        Severity::Error => ("✗", Role::Invalid),
        Severity::Warning => ("!", Role::Warning),
        Severity::Notice => ("i", Role::Hint),
    }
}
