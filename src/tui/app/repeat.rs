//! The editor's keys for a repeated section (a project of a unit's
//! report): one more after the focused one, which the editor then shows,
//! or the focused added one taken away while it is empty. The model's
//! `repeat` does both, as for `ziping add` and `ziping remove`.

use crate::lang::Lang;
use crate::model::outline::Outline;
use crate::model::project::Project;
use crate::model::repeat::{self, RepeatRefusal};
use crate::strings::repeat::{
    EMPTY_IT_FIRST, SEPARATOR, instance_added_here, instance_removed_here, repeat_refusal,
};

use super::super::command::{Context, GlobalCmd};
use super::App;

impl App {
    /// Adds an instance after the repeated section the focus is in, and
    /// moves to it.
    pub(super) fn add_instance(&mut self) {
        let lang = self.lang();
        let remove = self
            .ui
            .keymap
            .keys_for(Context::Global, GlobalCmd::RemoveInstance);
        let Some(session) = self.session_mut() else {
            return;
        };
        let Some(node) = session.position().map(|p| p.node) else {
            return;
        };
        let mut project = session.doc.project().clone();
        let id = repeated_around(&project, node);
        match repeat::add_after(&mut project, &id) {
            Ok(new) => {
                let at = node_of(&project, &new);
                let heading = Outline::new(&project).heading(at);
                session.replace_project(project);
                session.go_to(at, None);
                self.info(instance_added_here(&heading, &remove, lang));
            }
            Err(refusal) => {
                let said = refused(&project, node, refusal, lang);
                self.error(said);
            }
        }
    }

    /// Removes the focused added instance if nothing in it is filled.
    pub(super) fn remove_instance(&mut self) {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return;
        };
        let Some(node) = session.position().map(|p| p.node) else {
            return;
        };
        let mut project = session.doc.project().clone();
        let id = repeated_around(&project, node);
        let heading = Outline::new(&project).heading(node_of(&project, &id));
        match repeat::remove(&mut project, &id, false) {
            Ok(()) => {
                // The focus goes to the section before, which took its place.
                let at = node_of(&project, &id).min(node.saturating_sub(1));
                session.replace_project(project);
                session.go_to(at, None);
                self.info(instance_removed_here(&heading, lang));
            }
            Err(refusal) => {
                let said = refused(&project, node, refusal, lang);
                self.error(said);
            }
        }
    }
}

/// The id of the repeated section that holds outline node `node` (the
/// section itself or one it contains), else the section's own id, which
/// the model then refuses as not repeated.
fn repeated_around(project: &Project, node: usize) -> String {
    let walk = project.template.walk();
    let mut at = Some(node);
    while let Some(i) = at {
        let Some(r) = walk.get(i) else { break };
        if r.section.repeat.is_some() {
            return r.section.id.clone();
        }
        at = r.parent;
    }
    walk.get(node)
        .map(|r| r.section.id.clone())
        .unwrap_or_default()
}

/// The outline node of section `id` (past the end when it is gone).
fn node_of(project: &Project, id: &str) -> usize {
    let walk = project.template.walk();
    walk.iter()
        .position(|r| r.section.id == id)
        .unwrap_or(walk.len())
}

/// A refusal worded for the editor: the section by its heading, and what
/// to do with one that holds text.
fn refused(project: &Project, node: usize, refusal: RepeatRefusal, lang: Lang) -> String {
    // The editor names the section as it is headed, not by its id.
    let heading = Outline::new(project).heading(node);
    let refusal = match refusal {
        RepeatRefusal::NotRepeated(_) => RepeatRefusal::NotRepeated(heading),
        RepeatRefusal::First { label, .. } => RepeatRefusal::First { id: heading, label },
        RepeatRefusal::HoldsText { fields, .. } => RepeatRefusal::HoldsText {
            id: heading,
            fields,
        },
        other => other,
    };
    let said = repeat_refusal(&refusal, lang);
    match refusal {
        RepeatRefusal::HoldsText { .. } => {
            format!("{said}{}{}", lang.say(SEPARATOR), lang.say(EMPTY_IT_FIRST))
        }
        _ => said,
    }
}
