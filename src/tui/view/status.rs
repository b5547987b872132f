//! The status line: file, saved state, character counts, problems, and
//! either the last message or the keys that matter now.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::strings;

use super::super::app::{App, Level};
use super::super::command::{Answer, Command, Context, GlobalCmd};
use super::super::text::{display_width, fit};
use super::super::theme::Role;

pub fn draw(app: &App, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let width = area.width as usize;
    let keymap = &app.ui.keymap;
    // What is said of the open project: the file's name (shortened
    // first), its saved state, the character counts (left out next) and
    // the problem counts (kept to the last).
    let mut parts: [String; 4] = Default::default();
    let mut role = Role::Status;
    if let Some(session) = app.session() {
        let name = session.doc.file_name();
        let saved = if session.doc.is_dirty() {
            lang.say(strings::MODIFIED)
        } else {
            lang.say(strings::SAVED)
        };
        if session.doc.is_dirty() {
            role = Role::StatusDirty;
        }
        let counts = session.doc.report().counts();
        let (total, errors, warnings) = (counts.chars, counts.errors, counts.warnings);
        let field_count = session
            .field()
            .map_or(0, |f| session.doc.report().chars(&f.id));
        let lengths = strings::field_and_total(field_count, total, lang);
        parts = [
            name,
            format!(" {saved}"),
            format!(" {lengths}"),
            format!(" ✗{errors} !{warnings}"),
        ];
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
                strings::KEY_HELP,
            );
            let keys = if app.session().is_some() {
                [
                    help,
                    (Context::Global, GlobalCmd::Save.into(), strings::KEY_SAVE),
                    (Context::Global, GlobalCmd::Quit.into(), strings::KEY_QUIT),
                ]
            } else {
                [
                    help,
                    (Context::Picker, Answer::Confirm.into(), strings::KEY_OPEN),
                    (Context::Picker, Answer::Cancel.into(), strings::KEY_QUIT),
                ]
            };
            keys.into_iter()
                .flat_map(|(context, command, word)| {
                    [
                        Span::styled(keymap.keys_for(context, command), theme.style(Role::Key)),
                        Span::raw(format!(" {} ", lang.say(word))),
                    ]
                })
                .collect()
        }
    };
    let right_width: usize = right.iter().map(|s| display_width(&s.content)).sum();
    // The message or hints win; what is left shortens the file's name
    // first, then leaves out the character counts, and keeps the problem
    // counts to the last.
    let left = shortened(&parts, width.saturating_sub(right_width + 1));
    let pad = width.saturating_sub(display_width(&left) + right_width);
    let mut spans = vec![Span::raw(left), Span::raw(" ".repeat(pad))];
    spans.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.style(role)),
        area,
    );
}

/// `parts` (name, saved state, lengths, problem counts) in `width`
/// columns: the name cut down to a few characters, then the lengths left
/// out, then the name and the saved state: the problem counts go last.
fn shortened(parts: &[String; 4], width: usize) -> String {
    const SHORTEST_NAME: usize = 8;
    let [name, saved, lengths, counts] = parts;
    for tail in [
        format!("{saved}{lengths}{counts}"),
        format!("{saved}{counts}"),
    ] {
        let room = width.saturating_sub(display_width(&tail));
        if display_width(name) <= room || room >= SHORTEST_NAME {
            return format!("{}{tail}", fit(name, room));
        }
    }
    // Too narrow for a name at all: the problem counts first.
    fit(counts.trim_start(), width)
}
