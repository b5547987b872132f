//! The editor's heading and title keys: the current section's heading, or
//! the report's title pattern, in this report's words, asked in a prompt
//! and set through the document (the model's `wording` refuses what
//! `ziping set heading.ID` / `title` refuses).

use crate::strings;

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
                let project = session.doc.project();
                let own = project.headings.contains_key(section);
                let walk = project.template.walk();
                let shown = walk
                    .iter()
                    .find(|r| r.section.id == section)
                    .map(|r| project.heading_of(r.section).to_string())
                    .unwrap_or_default();
                self.info(strings::heading_reworded(&shown, own, lang));
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
                let project = session.doc.project();
                let own = !project.title.is_empty();
                let shown = project.title_lines().join(TITLE_LINES);
                self.info(strings::title_reworded(&shown, own, lang));
                true
            }
            Err(why) => {
                self.error(why);
                false
            }
        }
    }
}

/// How the title's lines are shown in the one-line prompt.
const TITLE_LINES: &str = " | ";
