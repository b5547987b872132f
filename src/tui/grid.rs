//! A table field's grid: the focused cell, the cell being edited and the
//! undo of the table's committed changes. A cell is changed only through the
//! model's cell setter ([`TableValue::set_cell`]) and judged where every value
//! is judged ([`crate::model::rules`]), so an invalid cell is kept as typed
//! and marked, like an invalid field. What is typed goes into the project at
//! once, so computed cells follow every key.

use ratatui_textarea::TextArea;

use crate::lang::Lang;
use crate::model::cell_path::{refusal, stored_table};
use crate::model::project::{Entry, Project};
use crate::model::schema::{Field, TableSpec};
use crate::model::table_value::{RowKey, TableValue};
use crate::strings;

use super::command::{CellCmd, GridCmd, TextCmd};
use super::editors::{apply, clean_input, one_line, text_of};
use super::text::show_controls;
use super::theme::{Role, Theme};

mod paste;

/// Undo reaches back this many committed changes per table.
const HISTORY: usize = 1_000;

#[derive(Debug, Default)]
pub struct Grid {
    /// The focused row, from 0 in reading order.
    pub row: usize,
    /// The focused column: an index into the table's columns, a shown one.
    pub column: usize,
    /// The cell being edited, if one is.
    pub edit: Option<CellEdit>,
    /// The table as it was before each committed change, newest last.
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

#[derive(Debug)]
pub struct CellEdit {
    pub input: TextArea<'static>,
    /// The table before the edit: put back by Esc, kept for undo otherwise.
    before: Entry,
}

/// What the focused table is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridInput {
    /// Between cell edits.
    Grid(GridCmd),
    /// While a cell is being edited.
    Cell(CellCmd),
    /// Editing the text of the cell being edited.
    Text(TextCmd),
    /// A command of the page is about to run: any cell edit ends, keeping
    /// what was typed.
    EndEdit,
}

/// A move of the focus between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Up,
    Down,
    Left,
    Right,
    Next,
    Prev,
    RowStart,
    RowEnd,
}

/// What became of a command or of typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Done, with a note for the status line.
    Info(String),
    /// Not done, and why.
    Refused(String),
    /// Tab past the last cell (1) or Shift-Tab before the first (-1).
    Leave(isize),
}

/// A change made, or why not.
fn done(result: Result<bool, String>) -> Outcome {
    result.map_or_else(Outcome::Refused, |_| Outcome::Done)
}

/// The table field being worked on.
struct Table<'a> {
    field: &'a Field,
    spec: &'a TableSpec,
}

impl Table<'_> {
    fn key(&self, row: usize) -> RowKey {
        match self.spec.rows.get(row) {
            Some(r) => RowKey::Named(r.id.clone()),
            None => RowKey::Index(row),
        }
    }

    /// The stored table, or an empty one when the file's cannot be read
    /// (shown empty; changing it is refused by [`stored_table`]).
    fn value(&self, project: &Project) -> TableValue {
        stored_table(project, self.field, self.spec).unwrap_or_else(|_| TableValue::new(self.spec))
    }

    fn row_count(&self, project: &Project) -> usize {
        self.value(project).rows(self.field, self.spec).len()
    }

    /// The entry as stored, to be put back by undo or Esc.
    fn entry(&self, project: &Project) -> Entry {
        project
            .entry(&self.field.id)
            .cloned()
            .unwrap_or_else(|| Entry::Table(TableValue::new(self.spec)))
    }

    /// Changes the stored table with `change`; returns what `change` said.
    fn change(
        &self,
        project: &mut Project,
        change: impl FnOnce(&mut TableValue) -> bool,
    ) -> Result<bool, String> {
        let mut value = stored_table(project, self.field, self.spec)?;
        let changed = change(&mut value);
        project.set(&self.field.id, Entry::Table(value));
        Ok(changed)
    }
}

impl Grid {
    /// Carries out `input` in the grid of the table `field`.
    pub fn act(
        &mut self,
        input: GridInput,
        field: &Field,
        project: &mut Project,
        theme: &Theme,
        lang: Lang,
    ) -> Outcome {
        let Some(spec) = field.table() else {
            return Outcome::Done;
        };
        let table = Table { field, spec };
        match input {
            GridInput::Grid(command) => {
                // Keys give grid commands only between cell edits; one sent
                // during an edit keeps what was typed first.
                self.commit(&table, project);
                self.act_moving(command, &table, project, theme, lang)
            }
            GridInput::Cell(command) => self.act_editing(command, &table, project),
            // A cell holds one line: a new paragraph ends the edit instead.
            GridInput::Text(TextCmd::Newline) | GridInput::EndEdit => {
                self.commit(&table, project);
                Outcome::Done
            }
            GridInput::Text(command) => {
                if let Some(edit) = &mut self.edit {
                    apply(&mut edit.input, command);
                }
                self.sync(&table, project)
            }
        }
    }

    fn act_moving(
        &mut self,
        command: GridCmd,
        table: &Table,
        project: &mut Project,
        theme: &Theme,
        lang: Lang,
    ) -> Outcome {
        use GridCmd::*;
        let spec = table.spec;
        let fixed = lang.say(strings::ROWS_FIXED);
        let row = self.row;
        match command {
            CellUp => self.step(Move::Up, table, project),
            CellDown => self.step(Move::Down, table, project),
            CellLeft => self.step(Move::Left, table, project),
            CellRight => self.step(Move::Right, table, project),
            NextCell => self.step(Move::Next, table, project),
            PrevCell => self.step(Move::Prev, table, project),
            RowStart => self.step(Move::RowStart, table, project),
            RowEnd => self.step(Move::RowEnd, table, project),
            EditCell => self.start(table, project, theme, true),
            ClearCell => self.clear(table, project),
            AddRow | DeleteRow | MoveRowUp | MoveRowDown if spec.has_fixed_rows() => {
                Outcome::Refused(fixed.to_string())
            }
            AddRow => {
                let at = if table.row_count(project) == 0 {
                    0
                } else {
                    self.row + 1
                };
                let added = self.committed(table, project, |v| v.insert_row(spec, at));
                if added == Ok(true) {
                    self.row = at;
                    self.column = spec.shown_columns().first().copied().unwrap_or(0);
                }
                done(added)
            }
            DeleteRow => match self.committed(table, project, |v| v.remove_row(spec, row)) {
                Ok(true) => {
                    let note = strings::row_deleted(row + 1, lang);
                    self.clamp(table, project);
                    Outcome::Info(note)
                }
                other => done(other),
            },
            MoveRowUp | MoveRowDown => {
                let down = command == MoveRowDown;
                let moved = self.committed(table, project, |v| v.move_row(spec, row, down));
                if moved == Ok(true) {
                    self.row = if down { row + 1 } else { row - 1 };
                }
                done(moved)
            }
            Undo => self.undo(false, table, project, lang),
            Redo => self.undo(true, table, project, lang),
        }
    }

    /// Typing (or a paste) edits the focused cell; typing on a cell not
    /// being edited replaces what it holds, as in a spreadsheet.
    pub fn type_text(
        &mut self,
        text: &str,
        field: &Field,
        project: &mut Project,
        theme: &Theme,
        lang: Lang,
    ) -> Outcome {
        let Some(spec) = field.table() else {
            return Outcome::Done;
        };
        let table = Table { field, spec };
        // Rows of tab-separated cells, as a spreadsheet copies them.
        if let Some(block) = paste::block(text) {
            return self.paste_block(&block, &table, project, lang);
        }
        if self.edit.is_none() {
            let started = self.start(&table, project, theme, false);
            if started != Outcome::Done {
                return started;
            }
        }
        if let Some(edit) = &mut self.edit {
            edit.input.insert_str(clean_input(text, false));
        }
        self.sync(&table, project)
    }

    /// Puts a whole entry in place (the table's JSON from `$EDITOR`) as one
    /// undoable change.
    pub fn replace(&mut self, field: &Field, entry: Entry, project: &mut Project) {
        let Some(spec) = field.table() else {
            return;
        };
        let before = Table { field, spec }.entry(project);
        if before != entry {
            self.record(before);
            project.set(&field.id, entry);
        }
    }

    fn act_editing(&mut self, command: CellCmd, table: &Table, project: &mut Project) -> Outcome {
        let to = match command {
            CellCmd::Confirm => {
                self.commit(table, project);
                return Outcome::Done;
            }
            CellCmd::Cancel => {
                if let Some(edit) = self.edit.take() {
                    project.set(&table.field.id, edit.before);
                }
                self.clamp(table, project);
                return Outcome::Done;
            }
            CellCmd::NextCell => Move::Next,
            CellCmd::PrevCell => Move::Prev,
            CellCmd::CellUp => Move::Up,
            CellCmd::CellDown => Move::Down,
        };
        self.commit(table, project);
        self.step(to, table, project)
    }

    /// Moves the focus; Tab and Shift-Tab leave the table at either end.
    fn step(&mut self, to: Move, table: &Table, project: &Project) -> Outcome {
        let shown = table.spec.shown_columns();
        let rows = table.row_count(project);
        let last = shown.len().saturating_sub(1);
        let mut at = shown.iter().position(|&c| c == self.column).unwrap_or(0);
        self.row = self.row.min(rows.saturating_sub(1));
        match to {
            Move::Up => self.row = self.row.saturating_sub(1),
            Move::Down => self.row = (self.row + 1).min(rows.saturating_sub(1)),
            Move::Left => at = at.saturating_sub(1),
            Move::Right => at = (at + 1).min(last),
            Move::RowStart => at = 0,
            Move::RowEnd => at = last,
            Move::Next if rows > 0 && at < last => at += 1,
            Move::Next if self.row + 1 < rows => (self.row, at) = (self.row + 1, 0),
            Move::Next => return Outcome::Leave(1),
            Move::Prev if rows > 0 && at > 0 => at -= 1,
            Move::Prev if rows > 0 && self.row > 0 => (self.row, at) = (self.row - 1, last),
            Move::Prev => return Outcome::Leave(-1),
        }
        self.column = shown.get(at).copied().unwrap_or(0);
        Outcome::Done
    }

    /// Opens the focused cell for editing, with its text (`keep`) or empty.
    /// In a table with no rows yet, a first row is added (Esc takes it away).
    fn start(
        &mut self,
        table: &Table,
        project: &mut Project,
        theme: &Theme,
        keep: bool,
    ) -> Outcome {
        let spec = table.spec;
        let Some(column) = spec.columns.get(self.column) else {
            return Outcome::Done;
        };
        if let Err(why) = stored_table(project, table.field, spec) {
            return Outcome::Refused(why);
        }
        if let Some(why) = refusal(column, &table.key(self.row)) {
            return Outcome::Refused(why);
        }
        let before = table.entry(project);
        let value = table.value(project);
        let rows = value.rows(table.field, spec);
        let text = match rows.get(self.row) {
            Some(row) if keep => row.text(spec, column).to_string(),
            _ => String::new(),
        };
        if rows.is_empty() {
            if let Err(why) = table.change(project, |v| v.insert_row(spec, 0)) {
                return Outcome::Refused(why);
            }
            self.row = 0;
        }
        let mut input = one_line(&show_controls(&text), theme);
        input.set_style(theme.style(Role::Selected));
        self.edit = Some(CellEdit { input, before });
        Outcome::Done
    }

    /// Copies the cell editor's text into the project.
    fn sync(&mut self, table: &Table, project: &mut Project) -> Outcome {
        let (Some(edit), Some(column)) = (&self.edit, table.spec.columns.get(self.column)) else {
            return Outcome::Done;
        };
        let (key, text) = (table.key(self.row), text_of(&edit.input));
        match table.change(project, |v| {
            v.set_cell(&key, &column.id, text);
            true
        }) {
            Ok(_) => Outcome::Done,
            Err(why) => Outcome::Refused(why),
        }
    }

    /// Ends the cell edit, keeping its text; a change becomes one undo step.
    fn commit(&mut self, table: &Table, project: &Project) {
        if let Some(edit) = self.edit.take()
            && table.entry(project) != edit.before
        {
            self.record(edit.before);
        }
    }

    fn clear(&mut self, table: &Table, project: &mut Project) -> Outcome {
        let key = table.key(self.row);
        let Some(column) = table.spec.columns.get(self.column) else {
            return Outcome::Done;
        };
        if let Some(why) = refusal(column, &key) {
            return Outcome::Refused(why);
        }
        if table.row_count(project) == 0 {
            return Outcome::Done;
        }
        done(self.committed(table, project, |v| {
            v.set_cell(&key, &column.id, String::new());
            true
        }))
    }

    /// Makes a change outside a cell edit as one undo step; returns what
    /// `change` said (false: nothing to do, such as moving the first row
    /// up), or why the table cannot be changed.
    fn committed(
        &mut self,
        table: &Table,
        project: &mut Project,
        change: impl FnOnce(&mut TableValue) -> bool,
    ) -> Result<bool, String> {
        let before = table.entry(project);
        let changed = table.change(project, change)?;
        if !changed {
            project.set(&table.field.id, before);
        } else if table.entry(project) != before {
            self.record(before);
        }
        Ok(changed)
    }

    fn record(&mut self, before: Entry) {
        self.undo.push(before);
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes (or, `redo`, redoes) the last committed change of the table.
    fn undo(&mut self, redo: bool, table: &Table, project: &mut Project, lang: Lang) -> Outcome {
        let (from, to) = if redo {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        let Some(entry) = from.pop() else {
            return Outcome::Info(
                lang.say(if redo {
                    strings::NOTHING_TO_REDO
                } else {
                    strings::NOTHING_TO_UNDO
                })
                .to_string(),
            );
        };
        to.push(table.entry(project));
        project.set(&table.field.id, entry);
        self.clamp(table, project);
        Outcome::Done
    }

    /// Keeps the focus on a row that exists.
    fn clamp(&mut self, table: &Table, project: &Project) {
        self.row = self.row.min(table.row_count(project).saturating_sub(1));
    }
}

/// The table `field` as a spreadsheet takes it: a header row of column
/// labels, then each row's cells as typed, tab-separated (a fixed row
/// starts with its label).
pub fn as_tab_separated(field: &Field, project: &Project) -> String {
    let Some(spec) = field.table() else {
        return String::new();
    };
    let value = stored_table(project, field, spec).unwrap_or_else(|_| TableValue::new(spec));
    let labelled = spec.has_fixed_rows();
    let mut lines = Vec::new();
    let mut header: Vec<&str> = Vec::new();
    if labelled {
        header.push(spec.row_header.as_deref().unwrap_or(""));
    }
    header.extend(spec.columns.iter().map(|c| c.label.as_str()));
    lines.push(header.join("\t"));
    for row in value.rows(field, spec) {
        let mut cells: Vec<&str> = Vec::new();
        if labelled {
            let label = row
                .key
                .id()
                .and_then(|id| spec.row(id))
                .map(|r| r.label.as_str());
            cells.push(label.unwrap_or(""));
        }
        cells.extend(spec.columns.iter().map(|c| row.text(spec, c)));
        lines.push(cells.join("\t"));
    }
    lines.join("\n")
}
