//! Drawing. Views read the app (`&App`) and never change it; they ask the
//! theme for meanings, never for colours. No box-drawing characters are used:
//! they are "ambiguous width" and misalign in many Chinese terminals.

mod grid;
mod page;
mod sidebar;
mod start;
mod status;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthChar;

use crate::lang::Lang;
use crate::model::finding::Finding;
use crate::model::schema::Severity;
use crate::strings;

use super::app::{App, Screen};
/// Text from a file or a paste with its control characters made visible,
/// so nothing can send escape sequences to the terminal.
pub use super::editors::show_controls as visible;
use super::theme::Role;

/// Below this the UI says the window is too small instead of drawing garbage.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// The outline is shown from this width up (when not hidden with F2).
const SIDEBAR_FROM_WIDTH: u16 = 64;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = app.lang().pick("窗口太小", "Window too small");
        let message = fit(text, area.width as usize);
        frame.render_widget(
            Paragraph::new(message).style(app.ui.theme.style(Role::Invalid)),
            area,
        );
        return;
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let status_area = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    match &app.screen {
        Screen::Start(start) => start::draw(app, start, body, frame),
        Screen::Edit(session) => {
            let sidebar_width = (area.width / 4).clamp(18, 30);
            let page_area = if session.sidebar && area.width >= SIDEBAR_FROM_WIDTH {
                let side = Rect {
                    width: sidebar_width,
                    ..body
                };
                sidebar::draw(app, session, side, frame);
                let gap = Rect {
                    x: body.x + sidebar_width,
                    width: 1,
                    ..body
                };
                let bar = vec![Line::from("|"); gap.height as usize];
                frame.render_widget(
                    Paragraph::new(bar).style(app.ui.theme.style(Role::Border)),
                    gap,
                );
                Rect {
                    x: gap.x + 2,
                    width: body.width.saturating_sub(sidebar_width + 2),
                    ..body
                }
            } else {
                body
            };
            page::draw(app, session, page_area, frame);
        }
    }
    status::draw(app, status_area, frame);
    if let Some(dialog) = &app.dialog {
        dialog.draw(app, body, frame);
    }
}

/// Cuts `text` to `width` display columns, ending with `...` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let text = visible(text);
    if display_width(&text) <= width {
        return text;
    }
    let budget = width.saturating_sub(3);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= 3 {
        out.push_str("...");
    }
    out
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

/// The marker of a problem and its role: a character, so a problem does
/// not rest on colour alone.
pub fn mark(severity: Severity) -> (&'static str, Role) {
    match severity {
        Severity::Error => ("✗", Role::Invalid),
        Severity::Warning => ("!", Role::Warning),
        Severity::Notice => ("i", Role::Hint),
    }
}

/// A finding's sentence, with its row and column when it is about part of
/// a table: `年度资金总额 › 全年预算数（A）：…`.
pub fn words(finding: &Finding, lang: Lang) -> String {
    let place: Vec<&str> = [&finding.place.row, &finding.place.column]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let sentence = strings::finding(&finding.kind, lang);
    if place.is_empty() {
        sentence
    } else {
        format!("{}：{sentence}", place.join(" › "))
    }
}

pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A line of `key description` pairs for hints: keys in the key style.
pub fn hint_line<'a>(app: &App, pairs: &[(String, &'a str)]) -> Line<'a> {
    let theme = &app.ui.theme;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("部门职责", 8), "部门职责");
        assert_eq!(fit("部门职责情况", 8), "部门...");
        assert_eq!(fit("abc", 2), "");
        assert_eq!(fit("清屏\u{1b}[2J", 20), "清屏␛[2J");
    }
}
