//! Where a change stands that the fields' own undo does not hold as one
//! step — a replacement across fields, a rewording — for Ctrl-Z and
//! Ctrl-Y: done or undone, and the fields' values it left. It is stepped
//! only while the report is as it left it, so an edit made since is
//! undone first, and of two such changes the later goes first.

use indexmap::IndexMap;

use crate::model::project::{Entry, Project};

#[derive(Debug)]
pub struct Standing {
    /// The project's values just after the change (or after its undo).
    values: IndexMap<String, Entry>,
    undone: bool,
}

impl Standing {
    /// A change just made to `project`.
    pub fn new(project: &Project) -> Standing {
        Standing {
            values: project.values.clone(),
            undone: false,
        }
    }

    /// Whether the change can be undone (`redo`: done again) now.
    pub fn allows(&self, project: &Project, redo: bool) -> bool {
        self.undone == redo && project.values == self.values
    }

    /// After undoing or redoing it: where it stands, and the values left.
    pub fn stepped(&mut self, project: &Project) {
        self.undone = !self.undone;
        self.values.clone_from(&project.values);
    }
}
