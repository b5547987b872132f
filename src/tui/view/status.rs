//! The status line: file, saved state, character counts, problems, and
//! either the last message or the keys that matter now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::{Action, Context};
use super::super::app::{App, Level};
use super::super::theme::Role;
use super::{display_width, fit};

pub fn draw(app: &App, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let width = area.width as usize;
    let keymap = &app.ui.keymap;
    let mut left = String::new();
    let mut role = Role::Status;
    if let Some(session) = app.session() {
        let name = session
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let saved = if session.dirty {
            lang.pick("[已修改]", "[modified]")
        } else {
            lang.pick("[已保存]", "[saved]")
        };
        if session.dirty {
            role = Role::StatusDirty;
        }
        let counts = session.report.counts();
        let (total, errors, warnings) = (counts.chars, counts.errors, counts.warnings);
        let field_count = session.field().map_or(0, |f| session.report.chars(&f.id));
        left = format!(
            "{name} {saved} {}{field_count}{chars} {}{total}{chars} ✗{errors} !{warnings}",
            lang.pick("本项", "field "),
            lang.pick("全文", "total "),
            chars = lang.pick("字", ""),
        );
    }
    let right: Vec<Span> = match &app.status {
        Some(status) => {
            let role = if status.level == Level::Error {
                Role::Invalid
            } else {
                Role::Status
            };
            vec![Span::styled(fit(&status.text, width), theme.style(role))]
        }
        None => {
            let keys = if app.session().is_some() {
                vec![
                    (Action::Help, "帮助", "help"),
                    (Action::Save, "保存", "save"),
                    (Action::Quit, "退出", "quit"),
                ]
            } else {
                vec![
                    (Action::Help, "帮助", "help"),
                    (Action::Confirm, "确定", "open"),
                    (Action::Cancel, "退出", "quit"),
                ]
            };
            let context = if app.session().is_some() {
                Context::Global
            } else {
                Context::Picker
            };
            keys.into_iter()
                .flat_map(|(action, zh, en)| {
                    let ctx = if action == Action::Help {
                        Context::Global
                    } else {
                        context
                    };
                    [
                        Span::styled(keymap.keys_for(ctx, action), theme.style(Role::Key)),
                        Span::raw(format!(" {} ", lang.pick(zh, en))),
                    ]
                })
                .collect()
        }
    };
    let right_width: usize = right.iter().map(|s| display_width(&s.content)).sum();
    // The message or hints win; the counts are cut to what is left.
    let left = fit(&left, width.saturating_sub(right_width + 1));
    let pad = width.saturating_sub(display_width(&left) + right_width);
    let mut spans = vec![Span::raw(left), Span::raw(" ".repeat(pad))];
    spans.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.style(role)),
        area,
    );
}
