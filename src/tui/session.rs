//! An open project in the editor: the document and the editor state, and
//! the glue between them — an edit made in a text area or a grid goes into
//! the document at once, so what is on screen is always what a save or a
//! recovery copy would write.

use std::path::{Path, PathBuf};
use std::time::Instant;

use ratatui_textarea::{CursorMove, TextArea};

use crate::fingerprint::Fingerprint;
use crate::lang::Lang;
use crate::model::choice;
use crate::model::finding::Finding;
use crate::model::numbering::{Numbering, strip_typed_numbers};
use crate::model::project::{Entry, Project};
use crate::model::schema::{Field, Kind, Section};
use crate::storage::LoadError;

use super::command::{Nature, TextCmd};
use super::document::Document;
use super::editor::{EditorState, Position};
use super::editors::{apply, clean_input, text_of};
use super::grid::{Grid, GridInput, Outcome};
use super::text::show_controls;
use super::theme::Theme;
use super::typing::Typing;

#[derive(Debug)]
pub struct Session {
    pub doc: Document,
    pub editor: EditorState,
    /// The run of typing the next keys join as one undo step.
    typing: Typing,
}

impl Session {
    /// `project` as read from `path`, whose bytes had fingerprint `on_disk`.
    pub fn new(
        project: Project,
        path: PathBuf,
        on_disk: Fingerprint,
        theme: &Theme,
        lang: Lang,
        data_dir: Option<&Path>,
    ) -> Session {
        let editor = EditorState::new(&project.template, theme, lang);
        let mut session = Session {
            doc: Document::new(project, path, on_disk, data_dir),
            editor,
            typing: Typing::default(),
        };
        session.open_editor();
        session
    }

    pub fn position(&self) -> Option<Position> {
        self.editor.position()
    }

    /// The section being shown.
    pub fn section(&self) -> Option<&Section> {
        let node = self.position()?.node;
        let walk = self.doc.project().template.walk();
        walk.get(node).map(|r| r.section)
    }

    /// The field being edited.
    pub fn field(&self) -> Option<&Field> {
        let p = self.position()?;
        self.section()?.fields.get(p.field)
    }

    /// Moves by `delta` fields; returns false at either end.
    pub fn step_field(&mut self, delta: isize) -> bool {
        let moved = self.editor.step_field(delta);
        self.open_editor();
        moved
    }

    /// Moves to the first field of the next (or previous) section.
    pub fn step_section(&mut self, forward: bool) -> bool {
        let moved = self.editor.step_section(forward);
        self.open_editor();
        moved
    }

    /// Jumps to a field, or to the first field at or after a section.
    pub fn go_to(&mut self, node: usize, field: Option<usize>) {
        self.editor.go_to(node, field);
        self.open_editor();
    }

    /// The focused field's text editor, opened on first use; every move
    /// opens it so the view always has one to draw. A table has a grid.
    pub fn open_editor(&mut self) -> Option<&mut TextArea<'static>> {
        let field = self.field().filter(|f| f.kind() != Kind::Table)?.clone();
        // Borrowed, not cloned: this runs on every key, and the text may be
        // long; it is only read when the editor is first made.
        let entry = self.doc.project().entry(&field.id);
        let theme = &self.editor.theme;
        Some(self.editor.editors.open(&field, entry, theme))
    }

    /// The text area keys type into: the table cell being edited, else the
    /// focused field's editor.
    pub fn text_input(&mut self) -> Option<&mut TextArea<'static>> {
        let field = self.field()?;
        if field.kind() == Kind::Table {
            let id = field.id.clone();
            return self
                .editor
                .grids
                .get_mut(&id)?
                .edit
                .as_mut()
                .map(|e| &mut e.input);
        }
        self.open_editor()
    }

    /// The focused field's text to copy: as stored, a table as rows of
    /// tab-separated cells.
    pub fn copy_text(&self) -> String {
        match self.field() {
            Some(field) if field.kind() == Kind::Table => {
                super::grid::as_tab_separated(field, self.doc.project())
            }
            _ => self.field_text(),
        }
    }

    /// Applies a text command to the focused field; returns whether the
    /// text changed. Only a command that edits is written back: a cursor
    /// move must not rewrite a value the editor shows differently from how
    /// it is stored (a number where text belongs, a missing entry).
    pub fn edit(&mut self, command: TextCmd) -> bool {
        self.typing.end();
        let Some(editor) = self.open_editor() else {
            return false;
        };
        apply(editor, command);
        command.nature() == Nature::Edits && self.sync()
    }

    /// Typed text, at `now`: one undo step with the run of typing it
    /// continues (see [`Typing`]).
    pub fn type_text(&mut self, text: &str, now: Instant) -> bool {
        let Some(id) = self.field().map(|f| f.id.clone()) else {
            return false;
        };
        let mut typing = std::mem::take(&mut self.typing);
        if let Some(editor) = self.open_editor() {
            typing.insert(&id, editor, text, now);
        }
        self.typing = typing;
        self.sync()
    }

    /// Inserts pasted text (cleaned of control characters).
    pub fn paste(&mut self, text: &str) -> bool {
        self.typing.end();
        let multiline = self.field().is_some_and(|f| f.kind().is_multiline());
        let text = clean_input(text, multiline);
        let Some(editor) = self.open_editor() else {
            return false;
        };
        editor.insert_str(&text);
        self.sync()
    }

    /// Replaces the focused field's text (from the external editor) as one
    /// undoable edit.
    pub fn replace_text(&mut self, text: &str) -> bool {
        self.typing.end();
        let multiline = self.field().is_some_and(|f| f.kind().is_multiline());
        let text = clean_input(text.strip_suffix('\n').unwrap_or(text), multiline);
        if self.grid_focus().is_some() {
            // A table's JSON that does not read back is kept as text, flagged.
            let entry = Entry::from_editor_text(Kind::Table, &text);
            let replaced = self.in_grid(|grid, field, project, _| {
                grid.replace(field, entry, project);
                Outcome::Done
            });
            return replaced.is_some_and(|(_, changed)| changed);
        }
        let Some(editor) = self.open_editor() else {
            return false;
        };
        editor.select_all();
        editor.insert_str(&text);
        self.sync()
    }

    /// Removes the numbers typed at the start of the focused list's items
    /// (`1、…` pasted with its numbers) as one undoable edit; returns how
    /// many items had one, or `None` when the field is not a numbered list.
    /// Nothing changes until this is asked for: the check only says so.
    pub fn strip_list_numbers(&mut self) -> Option<usize> {
        self.typing.end();
        let field = self.field().filter(|f| f.kind() == Kind::List)?.clone();
        let style = field.item_numbering();
        if style == Numbering::None {
            return None;
        }
        let editor = self.open_editor()?;
        let Entry::Items(items) = Entry::from_editor_text(Kind::List, &text_of(editor)) else {
            return None;
        };
        let (items, count) = strip_typed_numbers(&items, style);
        if count > 0 {
            editor.select_all();
            editor.insert_str(show_controls(&Entry::Items(items).to_editor_text()));
            self.sync();
        }
        Some(count)
    }

    /// The focused field's text as stored.
    pub fn field_text(&self) -> String {
        self.field()
            .and_then(|f| Some(self.doc.project().entry(&f.id)?.field_text(f)))
            .unwrap_or_default()
    }

    /// Moves the focused choice field to its next option as one undoable
    /// edit; false when it is not a choice field.
    pub fn next_option(&mut self) -> bool {
        self.typing.end();
        let Some(field) = self.field().filter(|f| f.kind() == Kind::Choice).cloned() else {
            return false;
        };
        let next = choice::next_option(&field, self.doc.project().entry(&field.id));
        let Some(editor) = self.open_editor() else {
            return false;
        };
        let now = text_of(editor);
        editor.cancel_selection();
        if let Some(added) = next.strip_prefix(now.as_str()) {
            // An option added (or the first chosen) is one undo step; a
            // replaced one is two, as the text area records them.
            editor.move_cursor(CursorMove::Bottom);
            editor.move_cursor(CursorMove::End);
            editor.insert_str(added);
        } else {
            editor.select_all();
            if next.is_empty() {
                editor.cut();
            } else {
                editor.insert_str(next);
            }
        }
        self.sync();
        true
    }

    /// Copies the focused editor's text into the document.
    fn sync(&mut self) -> bool {
        let Some(field) = self.field().cloned() else {
            return false;
        };
        let Some(editor) = self.editor.editors.get(&field.id) else {
            return false;
        };
        let entry = Entry::from_field_text(&field, &text_of(editor));
        self.doc.set(&field.id, entry)
    }

    /// When the focused field is a table: whether one of its cells is being
    /// edited. None for other fields.
    pub fn grid_focus(&self) -> Option<bool> {
        let field = self.field().filter(|f| f.kind() == Kind::Table)?;
        let grid = self.editor.grids.get(&field.id);
        Some(grid.is_some_and(|g| g.edit.is_some()))
    }

    /// Carries out `input` in the focused table; None for other fields.
    pub fn grid_act(&mut self, input: GridInput, lang: Lang) -> Option<Outcome> {
        self.in_grid(|grid, field, project, theme| grid.act(input, field, project, theme, lang))
            .map(|(outcome, _)| outcome)
    }

    /// Types (or pastes) `text` into the focused table's cell; None for
    /// other fields.
    pub fn grid_type(&mut self, text: &str, lang: Lang) -> Option<Outcome> {
        self.in_grid(|grid, field, project, theme| {
            grid.type_text(text, field, project, theme, lang)
        })
        .map(|(outcome, _)| outcome)
    }

    /// Runs `work` on the focused table's grid, through the document's
    /// table edit; returns its outcome and whether the table changed.
    fn in_grid(
        &mut self,
        work: impl FnOnce(&mut Grid, &Field, &mut Project, &Theme) -> Outcome,
    ) -> Option<(Outcome, bool)> {
        let field = self.field().filter(|f| f.kind() == Kind::Table)?.clone();
        let grid = self.editor.grids.entry(field.id.clone()).or_default();
        let theme = &self.editor.theme;
        Some(
            self.doc
                .edit_table(&field.id, |project| work(grid, &field, project, theme)),
        )
    }

    /// Goes to the next (or previous) problem of the report's walk, across
    /// sections, focusing its field or its exact cell; returns its place in
    /// the walk (from 1) and the walk's length, or None with no problem.
    pub fn walk_problem(&mut self, forward: bool) -> Option<(usize, usize)> {
        // Judged as of now, not as of the last pause in typing.
        self.doc.settle_now();
        let walk = self.doc.report().walk();
        let n = walk.len();
        if n == 0 {
            self.editor.walked = None;
            return None;
        }
        let next = match &self.editor.walked {
            Some((_, last)) if let Some(i) = walk.iter().position(|f| *f == last) => {
                if forward {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }
            }
            // Put right since: the one that took its place comes next.
            &Some((i, _)) if forward => i % n,
            &Some((i, _)) => (i.min(n) + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        let finding = walk[next].clone();
        self.focus_finding(&finding);
        self.editor.walked = Some((next, finding));
        Some((next + 1, n))
    }

    /// Goes to `finding` (chosen in the problems list): its field or cell,
    /// its message shown; F8 goes on from it.
    pub fn go_to_finding(&mut self, finding: &Finding) {
        self.doc.settle_now();
        let at = self.doc.report().walk().iter().position(|f| *f == finding);
        self.focus_finding(finding);
        // A notice is not in the walk: F8 starts it from the top.
        self.editor.walked = Some((at.unwrap_or(0), finding.clone()));
    }

    /// Focuses the field a finding is at and, in a table, its cell: the
    /// cell of its path, else the first cell of its row and column.
    fn focus_finding(&mut self, finding: &Finding) {
        let place = &finding.place;
        let Some(node) = place.node else {
            return;
        };
        let template = &self.doc.project().template;
        let walk = template.walk();
        let Some(section) = walk.get(node).map(|r| r.section) else {
            return;
        };
        let Some(index) = section.fields.iter().position(|f| f.id == place.field) else {
            return;
        };
        let cell = self.doc.report().table(template, &place.field).map(|t| {
            let by_path = t.rows.iter().enumerate().find_map(|(r, row)| {
                let i = t.spec.columns.iter().position(|c| {
                    place.path.as_deref() == Some(&format!("{}.{}", row.path, c.id))
                })?;
                Some((r, i))
            });
            by_path.unwrap_or_else(|| {
                let row = place.row.as_deref();
                let r = t.rows.iter().position(|x| Some(x.label.as_str()) == row);
                let column = place.column.as_deref();
                let i = t
                    .spec
                    .columns
                    .iter()
                    .position(|c| Some(c.label.as_str()) == column);
                (r.unwrap_or(0), i.unwrap_or(0))
            })
        });
        self.go_to(node, Some(index));
        if let Some((row, column)) = cell {
            let grid = self.editor.grids.entry(place.field.clone()).or_default();
            grid.row = row;
            grid.column = column;
        }
    }

    /// Puts a whole project in place (a restored recovery copy, an upgraded
    /// template): editors and the field walk are rebuilt from it, the focus
    /// stays on the same field when the new template still has it, and it
    /// counts as unsaved.
    pub fn replace_project(&mut self, project: Project) {
        self.typing.end();
        let focused = self.field().map(|f| f.id.clone());
        self.editor.reset(&project.template, focused.as_deref());
        self.doc.replace(project);
        self.open_editor();
    }

    /// Shows `project`, read again from the file, in place of this
    /// session's text, which goes to the recovery copy first if unsaved
    /// (see `Document::reload`); the editors are rebuilt as for
    /// [`Session::replace_project`]. Returns where the text went.
    pub fn reload(
        &mut self,
        project: Project,
        on_disk: Fingerprint,
        now: &str,
    ) -> Result<Option<PathBuf>, LoadError> {
        let focused = self.field().map(|f| f.id.clone());
        let template = project.template.clone();
        let kept = self.doc.reload(project, on_disk, now)?;
        self.editor.reset(&template, focused.as_deref());
        self.open_editor();
        Ok(kept)
    }
}
