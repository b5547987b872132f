//! The question asked when quitting with unsaved changes: save, discard or
//! go back. Nothing is decided silently.

use crate::tui::display::Frame;
use ratatui::layout::Rect;

use crate::strings;

use super::super::command::{Command, Context, QuitAnswer};
use super::super::widgets::{Ctx, ask, heading, hint_line};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Quit;

/// How the user wants to leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Save, then quit (stays asking if saving fails).
    Save,
    /// Quit without saving, dropping the recovery copy.
    Discard,
}

impl Quit {
    pub fn handle(&self, command: Command) -> Outcome<Leave> {
        match command {
            Command::Quit(answer) => match answer {
                QuitAnswer::Save => Outcome::Act(Leave::Save),
                QuitAnswer::Discard => Outcome::Act(Leave::Discard),
                QuitAnswer::Cancel => Outcome::Close,
            },
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let keys = |a: QuitAnswer| ctx.keymap.keys_for(Context::Unsaved, a);
        let lines = vec![
            heading(ctx.theme, lang.say(strings::UNSAVED_CHANGES), area.width),
            hint_line(
                ctx.theme,
                &[
                    (keys(QuitAnswer::Save), lang.say(strings::KEY_SAVE_AND_QUIT)),
                    (
                        keys(QuitAnswer::Discard),
                        lang.say(strings::KEY_QUIT_WITHOUT_SAVING),
                    ),
                    (keys(QuitAnswer::Cancel), lang.say(strings::KEY_CANCEL)),
                ],
            ),
        ];
        ask(ctx.theme, lines, area, frame);
    }
}
