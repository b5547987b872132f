//! The help screen (F1): every binding of the key table, by context — the
//! same table dispatch uses, so help cannot disagree with the keys.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use std::convert::Infallible;

use crate::lang::Lang;
use crate::strings;

use super::super::command::{Answer, CLIPBOARD, CLIPBOARD_HEADING, Command, Context};
use super::super::keymap::Keymap;
use super::super::text::{display_width, fit};
use super::super::theme::Role;
use super::super::widgets::{Ctx, panel};
use super::outcome::Outcome;

#[derive(Debug, Default)]
pub struct Help {
    /// Rows scrolled past; drawing clamps it to the rows there are.
    pub scroll: usize,
}

impl Help {
    /// Help asks nothing of the app: it scrolls or closes.
    pub fn handle(&mut self, command: Command) -> Outcome<Infallible> {
        match command {
            Command::List(list) => self.scroll = self.scroll.saturating_add_signed(list.step()),
            Command::Answer(answer) => match answer {
                Answer::Cancel => return Outcome::Close,
                // Not bound in help: it stays as it is.
                Answer::Confirm | Answer::Complete => {}
            },
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let rect = panel(theme, area, 0, area.height, frame);
        let rows = help_rows(ctx.keymap, lang);
        let key_width = rows
            .iter()
            .filter(|r| r.2.is_none())
            .map(|r| display_width(&r.0))
            .max()
            .unwrap_or(0)
            .min(28);
        let width = rect.width as usize;
        let title = lang.say(strings::HELP_TITLE);
        let mut lines = vec![Line::styled(fit(title, width), theme.style(Role::Heading))];
        let body = rect.height.saturating_sub(1) as usize;
        let scroll = self.scroll.min(rows.len().saturating_sub(body));
        for (keys, text, heading) in rows.into_iter().skip(scroll).take(body) {
            if heading.is_some() {
                lines.push(Line::styled(fit(&keys, width), theme.style(Role::Label)));
            } else {
                let pad = key_width.saturating_sub(display_width(&keys));
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {keys}{}", " ".repeat(pad)),
                        theme.style(Role::Key),
                    ),
                    Span::raw(fit(
                        &format!("  {text}"),
                        width.saturating_sub(key_width + 2),
                    )),
                ]));
            }
        }
        frame.render_widget(
            Paragraph::new(lines).style(theme.style(Role::Overlay)),
            rect,
        );
    }
}

/// A heading of the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Context(Context),
    /// Copy and paste, from whichever context they are bound in.
    Clipboard,
}

/// Every binding of the key table, by context, the clipboard's commands in
/// a group of their own after the global ones: (keys, what it does, the
/// group for a heading row).
pub fn help_rows(keymap: &Keymap, lang: Lang) -> Vec<(String, String, Option<Group>)> {
    let mut rows = Vec::new();
    let row = |binding: &super::super::keymap::Binding| {
        let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
        let (zh, en) = binding.command.describe();
        let text = lang.pick(zh, en).to_string();
        (keys.join(" / "), text, None)
    };
    for context in Context::ALL {
        let (zh, en) = context.describe();
        let heading = Some(Group::Context(context));
        rows.push((lang.pick(zh, en).to_string(), String::new(), heading));
        rows.extend(
            keymap
                .bindings()
                .iter()
                .filter(|b| b.context == context && !CLIPBOARD.contains(&b.command))
                .map(row),
        );
        if context == Context::Global {
            let (zh, en) = CLIPBOARD_HEADING;
            rows.push((
                lang.pick(zh, en).to_string(),
                String::new(),
                Some(Group::Clipboard),
            ));
            for command in CLIPBOARD {
                rows.extend(
                    keymap
                        .bindings()
                        .iter()
                        .filter(|b| b.command == command)
                        .map(row),
                );
            }
        }
    }
    rows
}
