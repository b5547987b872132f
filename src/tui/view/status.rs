//! The status line: file, saved state, character counts, problems, and
//! either the last message or the keys that matter now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, Level};
use super::super::command::{Answer, Command, Context, GlobalCmd};
use super::super::text::{display_width, fit};
use super::super::theme::Role;

pub fn draw(app: &App, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let width = area.width as usize;
    let keymap = &app.ui.keymap;
    let mut left = String::new();
    let mut role = Role::Status;
    if let Some(session) = app.session() {
        let name = session.doc.file_name();
        let saved = if session.doc.is_dirty() {
            lang.pick("[已修改]", "[modified]")
        } else {
            lang.pick("[已保存]", "[saved]")
        };
        if session.doc.is_dirty() {
            role = Role::StatusDirty;
        }
        let counts = session.doc.report().counts();
        let (total, errors, warnings) = (counts.chars, counts.errors, counts.warnings);
        let field_count = session
            .field()
            .map_or(0, |f| session.doc.report().chars(&f.id));
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
            let help = (
                Context::Global,
                Command::from(GlobalCmd::Help),
                "帮助",
                "help",
            );
            let keys = if app.session().is_some() {
                [
                    help,
                    (Context::Global, GlobalCmd::Save.into(), "保存", "save"),
                    (Context::Global, GlobalCmd::Quit.into(), "退出", "quit"),
                ]
            } else {
                [
                    help,
                    (Context::Picker, Answer::Confirm.into(), "确定", "open"),
                    (Context::Picker, Answer::Cancel.into(), "退出", "quit"),
                ]
            };
            keys.into_iter()
                .flat_map(|(context, command, zh, en)| {
                    [
                        Span::styled(keymap.keys_for(context, command), theme.style(Role::Key)),
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
