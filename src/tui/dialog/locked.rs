//! Asked when the file is open in another live ziping: open read-only, take
//! over, or quit.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::lock::Holder;
use crate::strings;

use super::super::command::{Command, Context, LockAnswer};
use super::super::text::fit;
use super::super::widgets::{Ctx, ask, heading, hint_line};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Locked {
    /// Who has the file open.
    pub holder: Holder,
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
            Command::Lock(answer) => match answer {
                LockAnswer::ReadOnly => Outcome::Act(Choice::ReadOnly),
                LockAnswer::TakeOver => Outcome::Act(Choice::TakeOver),
                LockAnswer::Cancel => Outcome::Act(Choice::Quit),
            },
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let keys = |a: LockAnswer| ctx.keymap.keys_for(Context::Locked, a);
        let hints = [
            (keys(LockAnswer::ReadOnly), lang.say(strings::KEY_READ_ONLY)),
            (keys(LockAnswer::TakeOver), lang.say(strings::KEY_TAKE_OVER)),
            (keys(LockAnswer::Cancel), lang.say(strings::KEY_QUIT)),
        ];
        let lines = vec![
            heading(ctx.theme, lang.say(strings::OPEN_ELSEWHERE), area.width),
            Line::raw(fit(
                &strings::lock::lock_holder(&self.holder, lang),
                area.width as usize,
            )),
            hint_line(ctx.theme, &hints),
        ];
        ask(ctx.theme, lines, area, frame);
    }
}
