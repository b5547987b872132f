//! Where the writer is and what they edit with: the focus (a field in the
//! outline walk), one text editor per visited field and one grid per
//! visited table, kept so undo history and cursors survive moving around.
//! The document itself lives in [`super::document`].

use std::collections::HashMap;

use crate::lang::Lang;
use crate::model::finding::Finding;
use crate::model::schema::Template;

use super::editors::Editors;
use super::grid::Grid;
use super::theme::Theme;

/// A field's place: the section's index in the outline walk and the
/// field's index within that section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub node: usize,
    pub field: usize,
}

#[derive(Debug)]
pub struct EditorState {
    /// Every field in reading order; Tab walks this list.
    positions: Vec<Position>,
    /// Index into `positions`.
    at: usize,
    pub editors: Editors,
    /// The grid of each table visited, by field id.
    pub grids: HashMap<String, Grid>,
    /// Styles for the editors and grids this state opens.
    pub theme: Theme,
    /// The problem F8 last went to, and its place in the walk then: its
    /// message is the one shown, and the walk goes on from it (or, once
    /// it is put right, from the one that took its place).
    pub walked: Option<(usize, Finding)>,
}

impl EditorState {
    pub fn new(template: &Template, theme: &Theme, lang: Lang) -> EditorState {
        EditorState {
            positions: positions(template),
            at: 0,
            editors: Editors::new(lang),
            grids: HashMap::new(),
            theme: theme.clone(),
            walked: None,
        }
    }

    /// Starts afresh on a replaced project (its template may differ),
    /// keeping the focus on field `focused` when the template still has it.
    pub fn reset(&mut self, template: &Template, focused: Option<&str>) {
        self.positions = positions(template);
        let walk = template.walk();
        let found = self.positions.iter().position(|p| {
            let field = walk.get(p.node).and_then(|r| r.section.fields.get(p.field));
            field.is_some_and(|f| Some(f.id.as_str()) == focused)
        });
        let last = self.positions.len().saturating_sub(1);
        self.at = found.unwrap_or(self.at.min(last));
        self.editors = Editors::new(self.editors.lang());
        self.grids = HashMap::new();
    }

    pub fn position(&self) -> Option<Position> {
        self.positions.get(self.at).copied()
    }

    /// Moves by `delta` fields; returns false at either end.
    pub fn step_field(&mut self, delta: isize) -> bool {
        match self.at.checked_add_signed(delta) {
            Some(next) if next < self.positions.len() => {
                self.at = next;
                true
            }
            _ => false,
        }
    }

    /// Moves to the first field of the next (or previous) section.
    pub fn step_section(&mut self, forward: bool) -> bool {
        let Some(current) = self.position() else {
            return false;
        };
        let target = if forward {
            self.positions.iter().position(|p| p.node > current.node)
        } else {
            let previous = self.positions[..self.at]
                .iter()
                .rev()
                .find(|p| p.node < current.node);
            previous.and_then(|prev| self.positions.iter().position(|p| p.node == prev.node))
        };
        match target {
            Some(t) => {
                self.at = t;
                true
            }
            None => false,
        }
    }

    /// Goes to a field, or to the first field at or after a section;
    /// returns false when there is none.
    pub fn go_to(&mut self, node: usize, field: Option<usize>) -> bool {
        let found = self.positions.iter().position(|p| match field {
            Some(f) => p.node == node && p.field == f,
            None => p.node >= node,
        });
        if let Some(i) = found {
            self.at = i;
        }
        found.is_some()
    }
}

/// Every field in reading order, as (section in the outline walk, field).
fn positions(template: &Template) -> Vec<Position> {
    template
        .walk()
        .iter()
        .enumerate()
        .flat_map(|(node, r)| {
            (0..r.section.fields.len()).map(move |field| Position { node, field })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_walks_every_field_and_sections_step_to_their_first_field() {
        let project = crate::catalog::new_project("hunan-narrative");
        let template = &project.template;
        let theme = Theme::load(super::super::theme::DEFAULT_THEME, None).0;
        let mut state = EditorState::new(template, &theme, Lang::Zh);
        let total: usize = template.walk().iter().map(|r| r.section.fields.len()).sum();
        let mut seen = 1;
        while state.step_field(1) {
            seen += 1;
        }
        assert_eq!(seen, total);
        assert!(!state.step_field(1), "past the last field");
        assert!(state.go_to(0, None));
        assert_eq!(state.position(), Some(Position { node: 0, field: 0 }));
        assert!(state.step_section(true));
        let second = state.position().expect("a position");
        assert!(second.node > 0 && second.field == 0, "{second:?}");
        assert!(state.step_section(false));
        assert_eq!(state.position(), Some(Position { node: 0, field: 0 }));
        assert!(!state.step_section(false), "before the first section");
    }
}
