//! The editor's keys for the report's problems: F8 / Shift-F8 walk to the
//! next or previous one (the session knows the walk), F7 lists them all.

use crate::strings;

use super::super::dialog::Dialog;
use super::super::dialog::problems::Problems;
use super::App;

impl App {
    /// Goes to the next (or previous) problem and says which of how many.
    pub(super) fn walk_problem(&mut self, forward: bool) {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return;
        };
        match session.walk_problem(forward) {
            Some((at, of)) => self.info(strings::problem_of(at, of, lang)),
            None => self.info(lang.say(strings::NO_PROBLEMS)),
        }
    }

    /// Opens the problems list on the report as of now.
    pub(super) fn open_problems(&mut self) {
        let lang = self.lang();
        self.settle_report();
        let Some(session) = self.session() else {
            return;
        };
        let (project, report) = (session.doc.project(), session.doc.report());
        let list = Problems::new(project, report, &self.ui.keymap, &self.ui.theme, lang);
        self.dialog = Some(Dialog::Problems(list));
    }
}
