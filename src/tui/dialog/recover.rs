//! Asked when a recovery copy holds text the file does not: restore it,
//! compare the two, discard it, or decide later. The newest such copy is
//! asked about; the dialog says how many older ones there are besides.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::export::text::field_text;
use crate::model::project::Project;
use crate::model::value::char_count;
use crate::recovery::Found;
use crate::strings;

use super::super::command::{Command, Context, RecoveryAnswer};
use super::super::text::fit;
use super::super::theme::Role;
use super::super::widgets::{Ctx, ask, heading, hint_line};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Recover {
    pub found: Box<Found>,
    /// How many other copies with text the file lacks stay where they are.
    others: usize,
    /// The fields whose text differs: (label, in the file, in the copy).
    /// Worked out when asking, since nothing can change while it is open.
    differences: Vec<(String, String, String)>,
    /// Whether the fields that differ are listed.
    pub compare: bool,
}

/// What becomes of the copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Restore,
    Discard,
    /// Decide later: the copy stays and is offered next time.
    Keep,
}

impl Recover {
    /// The question about `found`, next to the project read from the file;
    /// `others` more copies were found.
    pub fn new(found: Found, others: usize, file: &Project) -> Recover {
        let copy = &found.copy;
        let differences = file
            .template
            .fields()
            .filter(|field| file.entry(&field.id) != copy.project.entry(&field.id))
            .map(|field| {
                let ours = field_text(field, file.entry(&field.id));
                let theirs = field_text(field, copy.project.entry(&field.id));
                (field.label.clone(), ours, theirs)
            })
            .collect();
        Recover {
            found: Box::new(found),
            others,
            differences,
            compare: false,
        }
    }

    pub fn handle(&mut self, command: Command) -> Outcome<Choice> {
        match command {
            Command::Recovery(answer) => match answer {
                RecoveryAnswer::Restore => Outcome::Act(Choice::Restore),
                RecoveryAnswer::Compare => {
                    self.compare = !self.compare;
                    Outcome::Stay
                }
                RecoveryAnswer::Discard => Outcome::Act(Choice::Discard),
                RecoveryAnswer::Cancel => Outcome::Act(Choice::Keep),
            },
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let width = area.width as usize;
        let copy = &self.found.copy;
        let keys = |a: RecoveryAnswer| ctx.keymap.keys_for(Context::Recover, a);
        let title = strings::recovery_found(&copy.written, lang);
        let mut lines = vec![
            heading(ctx.theme, &title, area.width),
            Line::raw(fit(&copy.file.display().to_string(), width)),
            Line::raw(fit(
                &strings::recovery_copy_at(&self.found.path, lang),
                width,
            )),
        ];
        if self.others > 0 {
            let others = strings::other_recovery_copies(self.others, lang);
            lines.push(Line::raw(fit(&others, width)));
        }
        if self.compare {
            for (label, a, b) in &self.differences {
                lines.push(Line::styled(
                    fit(label, width),
                    ctx.theme.style(Role::Label),
                ));
                for (tag, text) in [
                    (lang.say(strings::FILE_TAG), a),
                    (lang.say(strings::COPY_TAG), b),
                ] {
                    let shown = format!("{tag}{}字 {}", char_count(text), text.replace('\n', " "));
                    lines.push(Line::raw(fit(&shown, width)));
                }
            }
        }
        lines.push(hint_line(
            ctx.theme,
            &[
                (
                    keys(RecoveryAnswer::Restore),
                    lang.say(strings::KEY_RESTORE),
                ),
                (
                    keys(RecoveryAnswer::Compare),
                    lang.say(strings::KEY_COMPARE),
                ),
                (
                    keys(RecoveryAnswer::Discard),
                    lang.say(strings::KEY_DISCARD),
                ),
                (keys(RecoveryAnswer::Cancel), lang.say(strings::KEY_LATER)),
            ],
        ));
        let room = area.height as usize;
        if lines.len() > room {
            // Keep the heading and the keys; cut the comparison.
            let keys_line = lines.pop();
            lines.truncate(room.saturating_sub(1));
            lines.extend(keys_line);
        }
        ask(ctx.theme, lines, area, frame);
    }
}
