//! The find prompt (Ctrl-F; Ctrl-R opens it to replace): what to look for,
//! what to put instead, and where to look. It stays open while the page
//! behind shows each match, so Enter can be pressed again and again.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::strings::search;

use super::super::command::{Answer, Command, Context, FindCmd, TextCmd};
use super::super::editors::{apply, one_line, text_of};
use super::super::text::{display_width, fit};
use super::super::theme::{Role, Theme};
use super::super::widgets::{Ctx, draw_input, panel};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Find {
    pub needle: TextArea<'static>,
    pub with: TextArea<'static>,
    /// The "replace with" row is shown (opened by Ctrl-R, or asked to).
    replacing: bool,
    /// Typing goes to "replace with" rather than "find".
    on_with: bool,
    /// Only the field focused is searched.
    pub this_field: bool,
}

/// What the prompt asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Next,
    Prev,
    ReplaceOne,
    ReplaceAll,
}

impl Find {
    /// A prompt holding the last search's words.
    pub fn new(needle: &str, with: &str, this_field: bool, replacing: bool, theme: &Theme) -> Find {
        Find {
            needle: one_line(needle, theme),
            with: one_line(with, theme),
            replacing,
            on_with: replacing && !needle.is_empty(),
            this_field,
        }
    }

    pub fn needle_text(&self) -> String {
        text_of(&self.needle)
    }

    pub fn with_text(&self) -> String {
        text_of(&self.with)
    }

    fn input(&mut self) -> &mut TextArea<'static> {
        if self.on_with {
            &mut self.with
        } else {
            &mut self.needle
        }
    }

    /// Typed or pasted text, into the input being typed in.
    pub fn insert(&mut self, text: &str) {
        self.input().insert_str(text);
    }

    pub fn handle(&mut self, command: Command) -> Outcome<Want> {
        match command {
            Command::Answer(Answer::Cancel) => return Outcome::Close,
            Command::Search(FindCmd::Next) => return Outcome::Act(Want::Next),
            Command::Search(FindCmd::Prev) => return Outcome::Act(Want::Prev),
            Command::Search(FindCmd::ReplaceOne) => {
                self.replacing = true;
                return Outcome::Act(Want::ReplaceOne);
            }
            Command::Search(FindCmd::ReplaceAll) => {
                self.replacing = true;
                return Outcome::Act(Want::ReplaceAll);
            }
            Command::Search(FindCmd::Scope) => self.this_field = !self.this_field,
            Command::Search(FindCmd::Switch) => {
                self.replacing = true;
                self.on_with = !self.on_with;
            }
            // A one-line input has no newlines to make.
            Command::Text(TextCmd::Newline) => {}
            Command::Text(text) => apply(self.input(), text),
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => {}
        }
        Outcome::Stay
    }

    /// The rows the prompt takes at the bottom of the page.
    pub fn height(&self) -> u16 {
        if self.replacing { 3 } else { 2 }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let height = self.height();
        let rect = panel(
            theme,
            area,
            area.height.saturating_sub(height),
            height,
            frame,
        );
        let scope = lang.say(if self.this_field {
            search::IN_FIELD
        } else {
            search::IN_REPORT
        });
        let scope_width = display_width(scope) as u16;
        let row = |y: u16| Rect {
            y: rect.y + y,
            height: 1,
            ..rect
        };
        let mut labelled = |y: u16, label, input: &TextArea<'static>, active: bool, right: u16| {
            let label_width = display_width(label) as u16;
            let role = if active {
                Role::LabelFocused
            } else {
                Role::Label
            };
            frame.render_widget(
                Paragraph::new(Span::styled(label, theme.style(role))),
                row(y),
            );
            let input_area = Rect {
                x: rect.x + label_width,
                width: rect.width.saturating_sub(label_width + right),
                ..row(y)
            };
            draw_input(input, input_area, frame);
        };
        labelled(
            0,
            lang.say(search::FIND_LABEL),
            &self.needle,
            !self.on_with,
            scope_width + 1,
        );
        if self.replacing {
            labelled(
                1,
                lang.say(search::REPLACE_LABEL),
                &self.with,
                self.on_with,
                0,
            );
        }
        let scope_area = Rect {
            x: rect.x + rect.width.saturating_sub(scope_width),
            width: scope_width.min(rect.width),
            ..row(0)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(scope, theme.style(Role::Hint))),
            scope_area,
        );
        let keys = |command: FindCmd| ctx.keymap.keys_for(Context::Find, command);
        let close = ctx.keymap.keys_for(Context::Prompt, Answer::Cancel);
        let hint = search::find_keys(
            [
                &keys(FindCmd::Next),
                &keys(FindCmd::Prev),
                &keys(FindCmd::Scope),
                &keys(FindCmd::ReplaceOne),
                &keys(FindCmd::ReplaceAll),
                &close,
            ],
            lang,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit(&hint, rect.width as usize),
                theme.style(Role::Muted),
            )),
            row(height - 1),
        );
    }
}
