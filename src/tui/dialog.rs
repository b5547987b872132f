//! Dialogs over the page: help, the jump list, prompts and the questions
//! asked before going on. Each has its own file holding its state, its key
//! handling and its drawing; this one dispatches to them and has what they
//! draw with.

pub mod help;
pub mod jump;
pub mod locked;
pub mod prompt;
pub mod quit;
pub mod recover;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::app::{App, Effect};
use super::command::{Command, Context};
use super::editors::clean_input;
use super::theme::Role;
use super::view::fit;

#[derive(Debug)]
pub enum Dialog {
    Help(help::Help),
    Jump(jump::Jump),
    Quit(quit::Quit),
    Prompt(prompt::Prompt),
    Locked(locked::Locked),
    Recover(recover::Recover),
}

impl Dialog {
    /// The contexts a key is looked up in while this dialog is open.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Dialog::Help(_) => &[Context::HelpScreen],
            Dialog::Jump(_) => &[Context::Jump, Context::Editor],
            Dialog::Quit(_) => &[Context::Unsaved],
            Dialog::Prompt(_) => &[Context::Prompt, Context::Editor],
            Dialog::Locked(_) => &[Context::Locked],
            Dialog::Recover(_) => &[Context::Recover],
        }
    }

    /// Text typed or pasted while the dialog is open.
    pub fn insert(&mut self, text: &str) {
        let text = clean_input(text, false);
        match self {
            Dialog::Jump(jump) => jump.insert(&text),
            Dialog::Prompt(prompt) => {
                prompt.input.insert_str(text);
            }
            // Questions are answered with keys, not text.
            Dialog::Help(_) | Dialog::Quit(_) | Dialog::Locked(_) | Dialog::Recover(_) => {}
        }
    }

    pub fn draw(&self, app: &App, area: Rect, frame: &mut Frame) {
        match self {
            Dialog::Help(help) => help.draw(app, area, frame),
            Dialog::Jump(jump) => jump.draw(app, area, frame),
            Dialog::Quit(quit) => quit.draw(app, area, frame),
            Dialog::Prompt(prompt) => prompt.draw(app, area, frame),
            Dialog::Locked(locked) => locked.draw(app, area, frame),
            Dialog::Recover(recover) => recover.draw(app, area, frame),
        }
    }
}

impl App {
    /// Carries out `command` in the open `dialog`, which was taken out of
    /// the app: it is put back unless the command closed it (a command may
    /// also open another dialog).
    pub(super) fn update_dialog(&mut self, dialog: Dialog, command: Command) -> Effect {
        let kept = match dialog {
            Dialog::Help(help) => help.handle(command),
            Dialog::Jump(jump) => jump.handle(self, command),
            Dialog::Quit(quit) => quit.handle(self, command),
            Dialog::Prompt(prompt) => prompt.handle(self, command),
            Dialog::Locked(locked) => locked.handle(self, command),
            Dialog::Recover(recover) => recover.handle(self, command),
        };
        if kept.is_some() {
            self.dialog = kept;
        }
        Effect::None
    }
}

/// A box of `height` rows across the page, `top` rows down, cleared.
fn panel(app: &App, area: Rect, top: u16, height: u16, frame: &mut Frame) -> Rect {
    let rect = Rect {
        x: area.x,
        y: area.y + top.min(area.height.saturating_sub(1)),
        width: area.width,
        height: height.min(area.height.saturating_sub(top)).max(1),
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new("").style(app.ui.theme.style(Role::Overlay)),
        rect,
    );
    rect
}

/// Draws `lines` in a panel centred vertically in `area`.
fn ask(app: &App, lines: Vec<Line>, area: Rect, frame: &mut Frame) {
    let height = lines.len() as u16;
    let rect = panel(
        app,
        area,
        area.height.saturating_sub(height) / 2,
        height,
        frame,
    );
    frame.render_widget(
        Paragraph::new(lines).style(app.ui.theme.style(Role::Overlay)),
        rect,
    );
}

/// A question's first line.
fn heading<'a>(app: &App, text: String, width: u16) -> Line<'a> {
    Line::styled(
        fit(&text, width as usize),
        app.ui.theme.style(Role::Heading),
    )
}

/// Draws a one-line input with the terminal cursor at its insertion point.
fn draw_input(input: &TextArea, area: Rect, frame: &mut Frame) {
    frame.render_widget(input, area);
    let col = (input.screen_cursor().col as u16).saturating_sub(input.scroll_offset().1);
    if area.width > 0 && area.height > 0 {
        frame.set_cursor_position(Position {
            x: area.x + col.min(area.width - 1),
            y: area.y,
        });
    }
}
