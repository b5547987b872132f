//! The question asked when quitting with unsaved changes: save, discard or
//! go back. Nothing is decided silently.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::strings;

use super::super::command::{Answer, Command, Context};
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
            Command::Answer(Answer::Save) => return Outcome::Act(Leave::Save),
            Command::Answer(Answer::Discard) => return Outcome::Act(Leave::Discard),
            Command::Answer(Answer::Cancel) => return Outcome::Close,
            // Not answers to this question: it stays.
            Command::Answer(
                Answer::Confirm
                | Answer::ReadOnly
                | Answer::TakeOver
                | Answer::RestoreRecovery
                | Answer::CompareRecovery
                | Answer::DiscardRecovery
                | Answer::UpgradeTemplate
                | Answer::KeepTemplate,
            )
            | Command::Global(_)
            | Command::Text(_)
            | Command::Grid(_)
            | Command::Cell(_)
            | Command::List(_) => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let keys = |a: Answer| ctx.keymap.keys_for(Context::Unsaved, a);
        let lines = vec![
            heading(ctx.theme, lang.say(strings::UNSAVED_CHANGES), area.width),
            hint_line(
                ctx.theme,
                &[
                    (keys(Answer::Save), lang.say(strings::KEY_SAVE_AND_QUIT)),
                    (
                        keys(Answer::Discard),
                        lang.say(strings::KEY_QUIT_WITHOUT_SAVING),
                    ),
                    (keys(Answer::Cancel), lang.say(strings::KEY_CANCEL)),
                ],
            ),
        ];
        ask(ctx.theme, lines, area, frame);
    }
}
