//! Dialogs over the page: help, the jump list, prompts (find among them) and the questions
//! asked before going on (another writer, a recovery copy, a newer
//! template, a file changed by another program). Each has its own file
//! holding its state, its key handling and its drawing; this one dispatches
//! to them. What their answers mean for the app is carried out by the app
//! (`app/dialogs.rs`).

pub mod changed;
pub mod complete;
pub mod figures;
pub mod find;
pub mod help;
pub mod jump;
pub mod list;
pub mod locked;
pub mod outcome;
pub mod problems;
pub mod prompt;
pub mod quit;
pub mod recover;
pub mod upgrade;

use crate::tui::display::Frame;
use ratatui::layout::Rect;

use super::command::Context;
use super::editors::clean_input;
use super::widgets::Ctx;

#[derive(Debug)]
pub enum Dialog {
    Help(help::Help),
    Jump(jump::Jump),
    Problems(problems::Problems),
    Figures(figures::FiguresPanel),
    Quit(quit::Quit),
    Prompt(prompt::Prompt),
    Locked(locked::Locked),
    Recover(recover::Recover),
    Upgrade(upgrade::Upgrade),
    Changed(changed::Changed),
    // Boxed: two inputs make it the largest dialog by far.
    Find(Box<find::Find>),
}

impl Dialog {
    /// The contexts a key is looked up in while this dialog is open.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Dialog::Help(_) => &[Context::HelpScreen],
            Dialog::Jump(_) => &[Context::Jump, Context::Editor],
            Dialog::Problems(_) => &[Context::Problems, Context::Editor],
            Dialog::Figures(_) => &[Context::Figures, Context::Editor],
            Dialog::Quit(_) => &[Context::Unsaved],
            Dialog::Prompt(_) => &[Context::Prompt, Context::Editor],
            Dialog::Locked(_) => &[Context::Locked],
            Dialog::Recover(_) => &[Context::Recover],
            Dialog::Upgrade(_) => &[Context::Upgrade],
            Dialog::Changed(_) => &[Context::Changed],
            Dialog::Find(_) => &[Context::Find, Context::Prompt, Context::Editor],
        }
    }

    /// Text typed or pasted while the dialog is open.
    pub fn insert(&mut self, text: &str) {
        let text = clean_input(text, false);
        match self {
            Dialog::Jump(jump) => jump.insert(&text),
            Dialog::Problems(problems) => problems.insert(&text),
            Dialog::Figures(figures) => figures.insert(&text),
            Dialog::Prompt(prompt) => {
                prompt.input.insert_str(text);
            }
            Dialog::Find(find) => find.insert(&text),
            // Questions are answered with keys, not text.
            Dialog::Help(_)
            | Dialog::Quit(_)
            | Dialog::Locked(_)
            | Dialog::Recover(_)
            | Dialog::Upgrade(_)
            | Dialog::Changed(_) => {}
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        match self {
            Dialog::Help(help) => help.draw(ctx, area, frame),
            Dialog::Jump(jump) => jump.draw(ctx, area, frame),
            Dialog::Problems(problems) => problems.draw(ctx, area, frame),
            Dialog::Figures(figures) => figures.draw(ctx, area, frame),
            Dialog::Quit(quit) => quit.draw(ctx, area, frame),
            Dialog::Prompt(prompt) => prompt.draw(ctx, area, frame),
            Dialog::Locked(locked) => locked.draw(ctx, area, frame),
            Dialog::Recover(recover) => recover.draw(ctx, area, frame),
            Dialog::Upgrade(upgrade) => upgrade.draw(ctx, area, frame),
            Dialog::Changed(changed) => changed.draw(ctx, area, frame),
            Dialog::Find(find) => find.draw(ctx, area, frame),
        }
    }
}
