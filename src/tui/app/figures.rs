//! The editor's figures panel (F6): opened on the focused section's
//! figures as the report now stands; choosing one selects it in its field.

use super::super::dialog::Dialog;
use super::super::dialog::figures::{FigureAt, FiguresPanel};
use super::super::search;
use super::App;

impl App {
    /// Opens the panel on the focused section.
    pub(super) fn open_figures(&mut self) {
        let lang = self.lang();
        self.settle_report();
        let Some(session) = self.session() else {
            return;
        };
        let Some(node) = session.position().map(|p| p.node) else {
            return;
        };
        let (project, report) = (session.doc.project(), session.doc.report());
        let panel = FiguresPanel::new(project, report, node, &self.ui.theme, lang);
        self.dialog = Some(Dialog::Figures(panel));
    }

    /// Focuses the figure's field and selects the figure in it.
    pub(super) fn go_to_figure(&mut self, at: &FigureAt) {
        if let Some(session) = self.session_mut() {
            session.go_to(at.node, Some(at.field));
            search::select(session, at.start, at.end);
        }
    }
}
