//! The editor's heading and title keys: the current section's heading, or
//! the report's title pattern, in this report's words, asked in a prompt
//! and set through the document (the model's `wording` refuses what
//! `ziping set heading.ID` / `title` refuses); Ctrl-Z and Ctrl-Y right after
//! take the change back and put it again (see `tui::reworded`).

use crate::lang::Lang;
use crate::model::project::Project;
use crate::strings;

use super::super::command::Command;
use super::super::dialog::Dialog;
use super::super::dialog::prompt::{Prompt, PromptKind};
use super::App;

impl App {
    /// Opens the heading prompt with the heading now printed filled in.
    pub(super) fn ask_heading(&mut self) {
        let Some(session) = self.session() else {
            return;
        };
        let Some(section) = session.section() else {
            return;
        };
        let text = session.doc.project().heading_of(section).to_string();
        let kind = PromptKind::Heading(section.id.clone());
        let prompt = Prompt::new(kind, &text, &self.ui.theme);
        self.dialog = Some(Dialog::Prompt(prompt));
    }

    /// Sets the heading typed for `section`; false keeps the prompt open
    /// (a refusal is said on the status line).
    pub(super) fn answer_heading(&mut self, section: &str, answer: &str) -> bool {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return true;
        };
        match session.doc.set_heading(section, answer) {
            Ok(_) => {
                let said = heading_now(session.doc.project(), section, lang);
                self.info(said);
                true
            }
            Err(why) => {
                self.error(why);
                false
            }
        }
    }

    /// Opens the title prompt with the pattern in force, its lines
    /// separated by ` | ` (a prompt is one line).
    pub(super) fn ask_title(&mut self) {
        let Some(session) = self.session() else {
            return;
        };
        let text = session.doc.project().title_lines().join(TITLE_LINES);
        let prompt = Prompt::new(PromptKind::Title, &text, &self.ui.theme);
        self.dialog = Some(Dialog::Prompt(prompt));
    }

    /// Sets the title pattern typed; false keeps the prompt open.
    pub(super) fn answer_title(&mut self, answer: &str) -> bool {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return true;
        };
        let lines = answer.split(['|', '｜']).map(str::trim).collect::<Vec<_>>();
        match session.doc.set_title(&lines.join("\n")) {
            Ok(_) => {
                let said = title_now(session.doc.project(), lang);
                self.info(said);
                true
            }
            Err(why) => {
                self.error(why);
                false
            }
        }
    }

    /// Undo or redo right after a change of heading or title: the change
    /// is taken back (put again), and the status line says the wording
    /// now. False when `command` is something else, or the report changed
    /// since (the key then does what it does in the field).
    pub(super) fn undo_wording(&mut self, command: Command) -> bool {
        let Some(redo) = command.undo_or_redo() else {
            return false;
        };
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return false;
        };
        let Some(section) = session.doc.undo_wording(redo) else {
            return false;
        };
        let project = session.doc.project();
        let said = match section {
            Some(section) => heading_now(project, &section, lang),
            None => title_now(project, lang),
        };
        self.info(said);
        true
    }
}

/// What the status line says of section `section`'s heading now.
fn heading_now(project: &Project, section: &str, lang: Lang) -> String {
    let own = project.headings.contains_key(section);
    let walk = project.template.walk();
    let shown = walk
        .iter()
        .find(|r| r.section.id == section)
        .map(|r| project.heading_of(r.section).to_string())
        .unwrap_or_default();
    strings::heading_reworded(&shown, own, lang)
}

/// What the status line says of the title pattern now.
fn title_now(project: &Project, lang: Lang) -> String {
    let own = !project.title.is_empty();
    let shown = project.title_lines().join(TITLE_LINES);
    strings::title_reworded(&shown, own, lang)
}

/// How the title's lines are shown in the one-line prompt.
const TITLE_LINES: &str = " | ";
