//! Find and replace in the open project: where a search starts (the
//! focus, the selection in a field, the cell shown last), showing a match
//! (the field's editor selects it, a table focuses its cell) and
//! replacing through the field editors and the table grids, so each keeps
//! its own undo history; a replacement is undone at once by undoing it in
//! every field it changed.

use ratatui_textarea::{CursorMove, TextArea};

use crate::lang::Lang;
use crate::model::project::Entry;
use crate::model::search::{self, Hit, Spot};

use super::command::GridCmd;
use super::editors::text_of;
use super::grid::GridInput;
use super::session::Session;
use super::standing::Standing;
use super::text::show_controls;

/// The last search of the run: F3 and Shift-F3 go on with it.
#[derive(Debug, Default)]
pub struct Search {
    pub needle: String,
    pub with: String,
    pub this_field: bool,
    /// Where to go on from in a cell, which has no selection.
    resume: Option<Resume>,
    /// The last replacement, undone or redone at once while the report
    /// is as it left it.
    replaced: Option<Replaced>,
}

/// The match shown last, and where the next and the previous search
/// start from in its field or cell.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Resume {
    field: String,
    cell: Option<(usize, usize)>,
    next: usize,
    prev: usize,
}

#[derive(Debug)]
struct Replaced {
    changes: Vec<Change>,
    standing: Standing,
}

/// One field a replacement changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A field's text in its editor, before and after.
    Text {
        field: String,
        before: String,
        after: String,
    },
    /// A table: one step of its grid's undo.
    Table(String),
}

/// The char offset of the editor's (row, column).
fn offset(editor: &TextArea, (row, col): (usize, usize)) -> usize {
    let before: usize = editor
        .lines()
        .iter()
        .take(row)
        .map(|l| l.chars().count() + 1)
        .sum();
    before + col
}

/// The editor's (row, column) of a char offset.
fn place(editor: &TextArea, mut at: usize) -> (u16, u16) {
    for (row, line) in editor.lines().iter().enumerate() {
        let len = line.chars().count();
        if at <= len {
            return (clamp(row), clamp(at));
        }
        at -= len + 1;
    }
    (u16::MAX, u16::MAX)
}

fn clamp(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl Search {
    /// The text selected in the focused field, when it is on one line:
    /// what the find prompt offers to look for.
    pub fn selected(session: &Session) -> Option<String> {
        let field = session.field()?;
        let editor = session.editor.editors.get(&field.id)?;
        let ((row, start), (end_row, end)) = editor.selection_range()?;
        let line = editor.lines().get(row)?;
        let text: String = line
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        (row == end_row && !text.is_empty()).then_some(text)
    }

    /// Everything searchable, a field's text as its editor holds it.
    pub fn spots(session: &Session) -> Vec<Spot> {
        let mut spots = search::spots(session.doc.project());
        for spot in spots.iter_mut().filter(|s| s.cell.is_none()) {
            if let Some(editor) = session.editor.editors.get(&spot.field_id) {
                spot.text = text_of(editor);
            }
        }
        spots
    }

    /// The matches searched: the whole report's, or the focused field's.
    pub fn hits(&self, session: &Session, spots: &[Spot]) -> Vec<Hit> {
        let focused = session.field().map(|f| f.id.clone());
        search::hits(spots, &self.needle)
            .into_iter()
            .filter(|h| !self.this_field || Some(&spots[h.spot].field_id) == focused.as_ref())
            .collect()
    }

    /// Where a search starts, as (spot, char offset): the focus, and in
    /// it the selection (going on past a match shown), the cursor, or the
    /// match shown last in a cell.
    pub fn from(&self, session: &Session, spots: &[Spot], back: bool) -> (usize, usize) {
        let Some(p) = session.position() else {
            return (0, 0);
        };
        let field = session.field().map(|f| f.id.clone()).unwrap_or_default();
        let cell = session.grid_focus().map(|_| {
            session
                .editor
                .grids
                .get(&field)
                .map_or((0, 0), |g| (g.row, g.column))
        });
        let key = |node, field, cell: Option<(usize, usize)>| (node, field, cell.unwrap_or((0, 0)));
        let focus = key(p.node, p.field, cell);
        let Some(at) = spots
            .iter()
            .position(|s| key(s.node, s.field, s.cell) >= focus)
        else {
            return (spots.len(), 0);
        };
        if key(spots[at].node, spots[at].field, spots[at].cell) != focus {
            return (at, 0);
        }
        let step = usize::from(!back);
        let offset = match (cell, session.editor.editors.get(&field)) {
            (None, Some(editor)) => match editor.selection_range() {
                Some((start, end)) if start != end => offset(editor, start) + step,
                _ => {
                    let cursor = editor.cursor();
                    offset(editor, (cursor.0, cursor.1))
                }
            },
            _ => match &self.resume {
                Some(r) if r.field == field && r.cell == cell => {
                    if back {
                        r.prev
                    } else {
                        r.next
                    }
                }
                _ => 0,
            },
        };
        (at, offset)
    }

    /// Shows `hit`: its field focused, the match selected in the field's
    /// editor or its cell focused in the table.
    pub fn show(&mut self, session: &mut Session, spot: &Spot, hit: &Hit) {
        session.go_to(spot.node, Some(spot.field));
        self.resume = Some(Resume {
            field: spot.field_id.clone(),
            cell: spot.cell,
            next: hit.start + 1,
            prev: hit.start,
        });
        match spot.cell {
            None => select(session, hit.start, hit.end),
            Some((row, column)) => {
                let grid = session
                    .editor
                    .grids
                    .entry(spot.field_id.clone())
                    .or_default();
                grid.row = row;
                grid.column = column;
            }
        }
    }

    /// The match the focus is on (selected in a field, the cell's shown
    /// last), if it is one of `hits`.
    pub fn shown(&self, session: &Session, spots: &[Spot], hits: &[Hit]) -> Option<Hit> {
        let (spot, start) = self.from(session, spots, true);
        hits.iter()
            .find(|h| h.spot == spot && h.start == start)
            .copied()
    }

    /// Replaces `hit`, which [`Search::show`] has shown, with `self.with`;
    /// the search goes on after what was put in.
    pub fn replace_one(&mut self, session: &mut Session, spot: &Spot, hit: &Hit) -> Vec<Change> {
        let text = search::splice(&spot.text, hit.start, hit.end, &self.with);
        let after = hit.start + self.with.chars().count();
        let change = match spot.cell {
            None => {
                let change = set_text(session, &spot.field_id, &text);
                select(session, after, after);
                change
            }
            Some(cell) => search::with_cell(session.doc.project(), &spot.field_id, cell, text)
                .and_then(|entry| set_table(session, &spot.field_id, entry)),
        };
        self.resume = Some(Resume {
            field: spot.field_id.clone(),
            cell: spot.cell,
            next: after,
            prev: hit.start,
        });
        change.into_iter().collect()
    }

    /// Replaces every match (in the focused field only, `this_field`);
    /// returns how many and the fields changed.
    pub fn replace_all(&mut self, session: &mut Session) -> (usize, Vec<Change>) {
        let spots = Search::spots(session);
        let hits = self.hits(session, &spots);
        let mut fields: Vec<&Spot> = Vec::new();
        for hit in &hits {
            let spot = &spots[hit.spot];
            if !fields.iter().any(|s| s.field_id == spot.field_id) {
                fields.push(spot);
            }
        }
        let (mut count, mut changes) = (0, Vec::new());
        for spot in fields {
            let change = if spot.cell.is_some() {
                let table = search::replace_in_table(
                    session.doc.project(),
                    &spot.field_id,
                    &self.needle,
                    &self.with,
                );
                table.and_then(|(entry, n)| {
                    count += n;
                    set_table(session, &spot.field_id, entry)
                })
            } else {
                let (text, n) = search::replace_in(&spot.text, &self.needle, &self.with);
                count += n;
                set_text(session, &spot.field_id, &text)
            };
            changes.extend(change);
        }
        (count, changes)
    }

    /// Keeps `changes` to be undone at once, the report as they left it.
    pub fn remember(&mut self, session: &Session, changes: Vec<Change>) {
        self.replaced = (!changes.is_empty()).then(|| Replaced {
            changes,
            standing: Standing::new(session.doc.project()),
        });
    }

    /// Undoes (or, `redo`, redoes) the last replacement in every field it
    /// changed, if the report is still as it left it; false otherwise, and
    /// the key does what it does in the field.
    pub fn undo(&mut self, session: &mut Session, redo: bool, lang: Lang) -> bool {
        let Some(replaced) = &mut self.replaced else {
            return false;
        };
        if !replaced.standing.allows(session.doc.project(), redo) {
            return false;
        }
        for change in &replaced.changes {
            undo_change(session, change, redo, lang);
        }
        replaced.standing.stepped(session.doc.project());
        true
    }
}

/// Selects chars `start..end` in the focused field's editor (none when
/// they are equal: the cursor goes there).
pub fn select(session: &mut Session, start: usize, end: usize) {
    let Some(editor) = session.open_editor() else {
        return;
    };
    let (row, col) = place(editor, start);
    editor.cancel_selection();
    editor.move_cursor(CursorMove::Jump(row, col));
    if end > start {
        editor.start_selection();
        let (row, col) = place(editor, end);
        editor.move_cursor(CursorMove::Jump(row, col));
    }
}

/// Puts `text` in field `id` through its editor, as an edit it can undo.
fn set_text(session: &mut Session, id: &str, text: &str) -> Option<Change> {
    let field = session.doc.project().template.field(id)?.clone();
    let entry = session.doc.project().entry(id);
    let editor = session
        .editor
        .editors
        .open(&field, entry, &session.editor.theme);
    let before = text_of(editor);
    if before == text {
        return None;
    }
    editor.select_all();
    editor.insert_str(show_controls(text));
    let after = text_of(editor);
    session.doc.set(id, Entry::from_field_text(&field, &after));
    Some(Change::Text {
        field: id.to_string(),
        before,
        after,
    })
}

/// Puts `entry` in table `id` through its grid, as one step of its undo.
fn set_table(session: &mut Session, id: &str, entry: Entry) -> Option<Change> {
    let field = session.doc.project().template.field(id)?.clone();
    let grid = session.editor.grids.entry(id.to_string()).or_default();
    let (_, changed) = session
        .doc
        .edit_table(id, |project| grid.replace(&field, entry, project));
    changed.then(|| Change::Table(id.to_string()))
}

fn undo_change(session: &mut Session, change: &Change, redo: bool, lang: Lang) {
    match change {
        Change::Text {
            field,
            before,
            after,
        } => {
            let Some(spec) = session.doc.project().template.field(field).cloned() else {
                return;
            };
            let entry = session.doc.project().entry(field);
            let editor = session
                .editor
                .editors
                .open(&spec, entry, &session.editor.theme);
            let target = if redo { after } else { before };
            // A replacement is a deletion and an insertion in the editor's
            // history (`set_text`): at most two steps bring the text back.
            for _ in 0..2 {
                if text_of(editor) == *target {
                    break;
                }
                let moved = if redo { editor.redo() } else { editor.undo() };
                if !moved {
                    break;
                }
            }
            let text = text_of(editor);
            session.doc.set(field, Entry::from_field_text(&spec, &text));
        }
        Change::Table(id) => {
            let Some(field) = session.doc.project().template.field(id).cloned() else {
                return;
            };
            let grid = session.editor.grids.entry(id.clone()).or_default();
            let theme = &session.editor.theme;
            let command = if redo { GridCmd::Redo } else { GridCmd::Undo };
            session.doc.edit_table(id, |project| {
                grid.act(GridInput::Grid(command), &field, project, theme, lang)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_and_editor_places_agree() {
        let editor = TextArea::new(vec!["一是学习".into(), String::new(), "二是2022年".into()]);
        // (offset, row and column): a line break counts as one char.
        let cases = [
            (0, (0, 0)),
            (4, (0, 4)),
            (5, (1, 0)),
            (6, (2, 0)),
            (8, (2, 2)),
        ];
        for (at, (row, col)) in cases {
            assert_eq!(place(&editor, at), (row as u16, col as u16), "{at}");
            assert_eq!(offset(&editor, (row, col)), at, "{row},{col}");
        }
    }
}
