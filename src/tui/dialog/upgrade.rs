//! Offered when a project is opened whose embedded template is an older
//! version of one ziping has: what the new version changes, and whether to
//! move onto it. Upgrading keeps every value (a removed field's text stays
//! as an orphan) and only changes the file when the user saves.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::lang::Lang;
use crate::model::project::Project;
use crate::model::schema::Template;
use crate::model::upgrade;
use crate::strings;

use super::super::command::{Command, Context, ListCmd, UpgradeAnswer};
use super::super::text::{fit, wrap};
use super::super::widgets::{Ctx, ask, heading, hint_line};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Upgrade {
    /// The newer version, put in place if the user upgrades.
    pub newer: Box<Template>,
    /// The sentence saying which versions these are.
    notice: String,
    /// One sentence per change, in the language of the run.
    changes: Vec<String>,
    /// Changes scrolled past; drawing clamps it to the changes there are.
    scroll: usize,
}

/// Whether the project moves onto the newer template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Upgrade,
    /// Stay on the old one; asked again next time the file is opened.
    Keep,
}

impl Upgrade {
    pub fn new(project: &Project, newer: Template, lang: Lang) -> Upgrade {
        Upgrade {
            notice: strings::upgrade::template_notice(&project.template, &newer, lang),
            changes: upgrade::changes(project, &newer)
                .iter()
                .map(|c| strings::upgrade::change(c, lang))
                .collect(),
            newer: Box::new(newer),
            scroll: 0,
        }
    }

    pub fn handle(&mut self, command: Command) -> Outcome<Choice> {
        match command {
            Command::Upgrade(answer) => match answer {
                UpgradeAnswer::Upgrade => Outcome::Act(Choice::Upgrade),
                UpgradeAnswer::Keep => Outcome::Act(Choice::Keep),
            },
            Command::List(list) => {
                let last = self.changes.len().saturating_sub(1);
                self.scroll = self.scroll.saturating_add_signed(list.step()).min(last);
                Outcome::Stay
            }
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let lang = ctx.lang;
        let width = area.width as usize;
        let keys = |a: UpgradeAnswer| ctx.keymap.keys_for(Context::Upgrade, a);
        let mut lines = vec![heading(
            ctx.theme,
            lang.say(strings::NEWER_TEMPLATE),
            area.width,
        )];
        // The notice is the sentence that matters: wrapped, not cut.
        let notice = wrap(&self.notice, width);
        lines.extend(notice.lines().map(|l| Line::raw(fit(l, width))));
        // The heading, the notice and the keys always show; the changes get
        // the rows left, scrolled with the arrow keys when there are more.
        let room = (area.height as usize).saturating_sub(lines.len() + 1);
        // The scroll is the first change shown, as `handle` moves it, so
        // every key moves the list at once (the last ones may stand alone).
        let shown = self.changes.iter().skip(self.scroll).take(room);
        lines.extend(shown.map(|c| Line::raw(fit(&format!("  - {c}"), width))));
        // Scrolling is only offered when the changes do not all fit.
        let scroll_keys = if room < self.changes.len() {
            let step = |l: ListCmd| ctx.keymap.keys_for(Context::Upgrade, l);
            format!("{}/{}", step(ListCmd::Up), step(ListCmd::Down))
        } else {
            String::new()
        };
        lines.push(hint_line(
            ctx.theme,
            &[
                (keys(UpgradeAnswer::Upgrade), lang.say(strings::KEY_UPGRADE)),
                (keys(UpgradeAnswer::Keep), lang.say(strings::KEY_KEEP_OLD)),
                (scroll_keys, lang.say(strings::KEY_SCROLL)),
            ],
        ));
        ask(ctx.theme, lines, area, frame);
    }
}
