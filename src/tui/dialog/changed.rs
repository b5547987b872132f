//! Asked when a save finds that another program changed the file (or
//! removed it) since this session read or wrote it: overwrite, reload the
//! file (the session's text set aside in the recovery copy), save as
//! another file, or cancel with nothing written.

use std::path::PathBuf;

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::fingerprint::Drift;
use crate::strings;

use super::super::command::{Command, Context, DiskAnswer};
use super::super::text::fit;
use super::super::widgets::{Ctx, ask, heading, hint_line};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Changed {
    /// The file, as the session names it.
    pub path: PathBuf,
    pub drift: Drift,
    /// The save was asked for on the way out (Ctrl-Q, then save): once
    /// the file is written, the app quits.
    pub then_quit: bool,
}

/// What to do about the other program's change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Overwrite,
    Reload,
    SaveAs,
}

impl Changed {
    /// Reloading a file that is gone has nothing to read.
    fn can_reload(&self) -> bool {
        self.drift == Drift::Changed
    }

    pub fn handle(&self, command: Command) -> Outcome<Choice> {
        match command {
            Command::Disk(answer) => match answer {
                DiskAnswer::Overwrite => Outcome::Act(Choice::Overwrite),
                DiskAnswer::Reload if self.can_reload() => Outcome::Act(Choice::Reload),
                DiskAnswer::Reload => Outcome::Stay,
                DiskAnswer::SaveAs => Outcome::Act(Choice::SaveAs),
                DiskAnswer::Cancel => Outcome::Close,
            },
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let keys = |a: DiskAnswer| ctx.keymap.keys_for(Context::Changed, a);
        let (title, overwrite) = match self.drift {
            Drift::Changed => (
                strings::FILE_CHANGED_ON_DISK,
                strings::KEY_OVERWRITE_CHANGED,
            ),
            Drift::Missing => (strings::FILE_GONE_FROM_DISK, strings::KEY_OVERWRITE_GONE),
        };
        let choice = |answer: DiskAnswer, text| hint_line(ctx.theme, &[(keys(answer), text)]);
        let mut lines = vec![
            heading(ctx.theme, lang.say(title), area.width),
            Line::raw(fit(&self.path.display().to_string(), area.width as usize)),
            choice(DiskAnswer::Overwrite, lang.say(overwrite)),
        ];
        if self.can_reload() {
            lines.push(choice(
                DiskAnswer::Reload,
                lang.say(strings::KEY_RELOAD_FROM_DISK),
            ));
        }
        lines.push(choice(
            DiskAnswer::SaveAs,
            lang.say(strings::KEY_SAVE_ELSEWHERE),
        ));
        lines.push(choice(
            DiskAnswer::Cancel,
            lang.say(strings::KEY_CANCEL_WRITE_NOTHING),
        ));
        ask(ctx.theme, lines, area, frame);
    }
}
