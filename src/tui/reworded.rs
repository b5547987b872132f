//! The last change of a report's wording (a section's heading, the title),
//! which Ctrl-Z takes back and Ctrl-Y puts again while nothing else has
//! changed since (see [`Standing`]). Wording lives outside the fields,
//! where their editors' own undo cannot reach it.

use indexmap::IndexMap;

use crate::model::project::Project;

use super::standing::Standing;

/// A report's own wording: its headings and its title pattern.
#[derive(Debug, Clone, PartialEq)]
struct Wording {
    headings: IndexMap<String, String>,
    title: Vec<String>,
}

impl Wording {
    fn of(project: &Project) -> Wording {
        Wording {
            headings: project.headings.clone(),
            title: project.title.clone(),
        }
    }

    fn put(&self, project: &mut Project) {
        project.headings.clone_from(&self.headings);
        project.title.clone_from(&self.title);
    }
}

/// What a change of wording was: the wording before and after it, and
/// where it stands.
#[derive(Debug)]
pub struct Reworded {
    /// The section whose heading changed; `None` for the title.
    pub section: Option<String>,
    before: Wording,
    after: Wording,
    standing: Standing,
}

impl Reworded {
    /// Runs `change` on `project`; what it did, when it changed the wording.
    pub fn by(
        project: &mut Project,
        section: Option<&str>,
        change: impl FnOnce(&mut Project) -> Result<bool, String>,
    ) -> Result<Option<Reworded>, String> {
        let before = Wording::of(project);
        let changed = change(project)?;
        Ok(changed.then(|| Reworded {
            section: section.map(str::to_string),
            before,
            after: Wording::of(project),
            standing: Standing::new(project),
        }))
    }

    /// Takes the change back (`redo`: puts it again) if `project` is as the
    /// change, or its undoing, left it; false when it is not.
    pub fn step(&mut self, project: &mut Project, redo: bool) -> bool {
        let (now, then) = if redo {
            (&self.before, &self.after)
        } else {
            (&self.after, &self.before)
        };
        if !self.standing.allows(project, redo) || Wording::of(project) != *now {
            return false;
        }
        then.put(project);
        self.standing.stepped(project);
        true
    }
}
