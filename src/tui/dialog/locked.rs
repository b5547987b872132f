//! Asked when the file is open in another live ziping: open read-only, take
//! over, or quit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::lock::Owner;
use crate::strings;

use super::super::command::{Answer, Command, Context};
use super::super::text::fit;
use super::super::widgets::{Ctx, ask, heading, hint_line};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Locked {
    /// Who has the file open.
    pub owner: Owner,
}

/// What to do about the other writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    ReadOnly,
    TakeOver,
    Quit,
}

impl Locked {
    pub fn handle(&self, command: Command) -> Outcome<Choice> {
        match command {
            Command::Answer(Answer::ReadOnly) => Outcome::Act(Choice::ReadOnly),
            Command::Answer(Answer::TakeOver) => Outcome::Act(Choice::TakeOver),
            Command::Answer(Answer::Cancel) => Outcome::Act(Choice::Quit),
            // Not answers to this question: it stays.
            Command::Answer(
                Answer::Confirm
                | Answer::Save
                | Answer::Discard
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
            | Command::List(_) => Outcome::Stay,
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let keys = |a: Answer| ctx.keymap.keys_for(Context::Locked, a);
        let lines = vec![
            heading(ctx.theme, lang.say(strings::OPEN_ELSEWHERE), area.width),
            Line::raw(fit(&self.owner.describe(), area.width as usize)),
            hint_line(
                ctx.theme,
                &[
                    (keys(Answer::ReadOnly), lang.say(strings::KEY_READ_ONLY)),
                    (keys(Answer::TakeOver), lang.say(strings::KEY_TAKE_OVER)),
                    (keys(Answer::Cancel), lang.say(strings::KEY_QUIT)),
                ],
            ),
        ];
        ask(ctx.theme, lines, area, frame);
    }
}
