//! An open project: the report, where the writer is, and the editors. Every
//! edit goes straight into the project, so what is on screen is always what
//! a save or a recovery copy would write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui_textarea::TextArea;

use crate::export::text::{TextOptions, to_text};
use crate::lang::Lang;
use crate::lock::Lock;
use crate::model::project::{Entry, Project};
use crate::model::report::Report;
use crate::model::schema::{Field, Kind, Section, Template};
use crate::recovery;
use crate::storage::{self, LoadError};

use super::command::TextCmd;
use super::counts::Pause;
use super::editors::{Editors, apply, clean_input, text_of};
use super::grid::{Grid, GridInput, Outcome};
use super::theme::Theme;

/// A field's place: the section's index in the outline walk and the
/// field's index within that section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub node: usize,
    pub field: usize,
}

#[derive(Debug)]
pub struct Session {
    pub project: Project,
    pub path: PathBuf,
    pub editors: Editors,
    /// The grid of each table visited, by field id, kept like the editors.
    pub grids: HashMap<String, Grid>,
    /// Every field in reading order; Tab walks this list.
    positions: Vec<Position>,
    /// Index into `positions`.
    pub at: usize,
    pub dirty: bool,
    /// Whether the outline sidebar is shown (when the terminal is wide enough).
    pub sidebar: bool,
    /// Styles for the editors this session opens.
    theme: Theme,
    /// Opened read-only (another ziping has the file): no edits, no saves.
    pub read_only: bool,
    /// The one-writer lock, released when the session ends.
    pub lock: Option<Lock>,
    /// Where this project's recovery copy goes.
    pub recovery: PathBuf,
    /// Edits since the recovery copy was last written.
    unrecovered_edits: usize,
    last_edit: Option<Instant>,
    /// Everything derived from the project: findings, figures, counts.
    pub report: Report,
    /// When the report's outline states and counts next catch up.
    pause: Pause,
    lang: Lang,
}

/// The recovery copy is written after this many edits even while typing on.
pub const RECOVERY_EVERY_EDITS: usize = 200;

impl Session {
    pub fn new(
        project: Project,
        path: PathBuf,
        theme: &Theme,
        lang: Lang,
        data_dir: Option<&Path>,
    ) -> Session {
        let positions = positions(&project.template);
        let recovery = recovery::location(data_dir, &path);
        let mut session = Session {
            project,
            path,
            editors: Editors::new(lang),
            grids: HashMap::new(),
            positions,
            at: 0,
            dirty: false,
            sidebar: true,
            theme: theme.clone(),
            read_only: false,
            lock: None,
            recovery,
            unrecovered_edits: 0,
            last_edit: None,
            report: Report::default(),
            pause: Pause::default(),
            lang,
        };
        session.report = Report::new(&session.project);
        session.editor();
        session
    }

    pub fn position(&self) -> Option<Position> {
        self.positions.get(self.at).copied()
    }

    /// The section being shown.
    pub fn section(&self) -> Option<&Section> {
        let node = self.position()?.node;
        self.project.template.walk().get(node).map(|r| r.section)
    }

    /// The field being edited.
    pub fn field(&self) -> Option<&Field> {
        let p = self.position()?;
        self.section()?.fields.get(p.field)
    }

    pub fn is_last_field(&self) -> bool {
        self.at + 1 >= self.positions.len()
    }

    /// Moves by `delta` fields; returns false at either end.
    pub fn step_field(&mut self, delta: isize) -> bool {
        match self.at.checked_add_signed(delta) {
            Some(next) if next < self.positions.len() => {
                self.at = next;
                self.editor();
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
                self.editor();
                true
            }
            None => false,
        }
    }

    /// Jumps to a field, or to the first field at or after a section.
    pub fn go_to(&mut self, node: usize, field: Option<usize>) {
        let found = self.positions.iter().position(|p| match field {
            Some(f) => p.node == node && p.field == f,
            None => p.node >= node,
        });
        if let Some(i) = found {
            self.at = i;
            self.editor();
        }
    }

    /// The focused editor, opened on first use; every move opens it so
    /// the view always has one to draw. A table has a grid instead.
    pub fn editor(&mut self) -> Option<&mut TextArea<'static>> {
        let field = self.field().filter(|f| f.kind() != Kind::Table)?.clone();
        // Borrowed, not cloned: this runs on every key, and the text may be
        // long; it is only read when the editor is first made.
        let entry = self.project.entry(&field.id);
        Some(self.editors.open(&field, entry, &self.theme))
    }

    /// Applies a text command to the focused field; returns whether the
    /// text changed.
    pub fn edit(&mut self, command: TextCmd) -> bool {
        let Some(editor) = self.editor() else {
            return false;
        };
        apply(editor, command);
        self.sync()
    }

    /// Typed text: one undo step per character, as the widget records it.
    pub fn type_text(&mut self, text: &str) -> bool {
        let Some(editor) = self.editor() else {
            return false;
        };
        for c in text.chars() {
            editor.insert_char(c);
        }
        self.sync()
    }

    /// Inserts pasted text (cleaned of control characters).
    pub fn paste(&mut self, text: &str) -> bool {
        let multiline = self.field().is_some_and(|f| f.kind().is_multiline());
        let text = clean_input(text, multiline);
        let Some(editor) = self.editor() else {
            return false;
        };
        editor.insert_str(&text);
        self.sync()
    }

    /// Replaces the focused field's text (from the external editor) as one
    /// undoable edit.
    pub fn replace_text(&mut self, text: &str) -> bool {
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
        let Some(editor) = self.editor() else {
            return false;
        };
        editor.select_all();
        editor.insert_str(&text);
        self.sync()
    }

    /// The focused field's text as stored.
    pub fn field_text(&self) -> String {
        self.field()
            .and_then(|f| self.project.entry(&f.id))
            .map(Entry::to_editor_text)
            .unwrap_or_default()
    }

    /// Copies the focused editor's text into the project.
    fn sync(&mut self) -> bool {
        let Some(field) = self.field().cloned() else {
            return false;
        };
        let Some(editor) = self.editors.get(&field.id) else {
            return false;
        };
        let entry = Entry::from_editor_text(field.kind(), &text_of(editor));
        if self.project.entry(&field.id) == Some(&entry) {
            return false;
        }
        self.project.set(&field.id, entry);
        self.touched(&field.id);
        true
    }

    /// Counts an edit of `field`: unsaved, towards the recovery copy; the
    /// report brings what the edit touched up to date at once and the rest
    /// once typing pauses.
    fn touched(&mut self, field: &str) {
        let now = Instant::now();
        self.dirty = true;
        self.unrecovered_edits += 1;
        self.last_edit = Some(now);
        self.report.touch(&self.project, field);
        self.pause.typed(now);
    }

    /// Brings the whole report up to date now.
    pub fn refresh_counts(&mut self) {
        self.report.settle(&self.project);
        self.pause.done();
    }

    /// Settles the report if typing has paused long enough.
    pub fn settle(&mut self, now: Instant) {
        if self.pause.due_in(now) == Some(Duration::ZERO) {
            self.refresh_counts();
        }
    }

    /// How long until the report is due to settle.
    pub fn settle_due_in(&self, now: Instant) -> Option<Duration> {
        self.pause.due_in(now)
    }

    /// When the focused field is a table: whether one of its cells is being
    /// edited. None for other fields.
    pub fn grid_focus(&self) -> Option<bool> {
        let field = self.field().filter(|f| f.kind() == Kind::Table)?;
        Some(self.grids.get(&field.id).is_some_and(|g| g.edit.is_some()))
    }

    /// Carries out `input` in the focused table; None for other fields.
    pub fn grid_act(&mut self, input: GridInput, lang: Lang) -> Option<Outcome> {
        self.in_grid(|grid, field, project, theme| grid.act(input, field, project, theme, lang))
            .map(|(outcome, _)| outcome)
    }

    /// Types (or pastes) `text` into the focused table's cell; None for
    /// other fields.
    pub fn grid_type(&mut self, text: &str) -> Option<Outcome> {
        self.in_grid(|grid, field, project, theme| grid.type_text(text, field, project, theme))
            .map(|(outcome, _)| outcome)
    }

    /// Runs `work` on the focused table's grid, counting a changed table
    /// as an edit; returns its outcome and whether the table changed.
    fn in_grid(
        &mut self,
        work: impl FnOnce(&mut Grid, &Field, &mut Project, &Theme) -> Outcome,
    ) -> Option<(Outcome, bool)> {
        let field = self.field().filter(|f| f.kind() == Kind::Table)?.clone();
        let before = self.project.entry(&field.id).cloned();
        let grid = self.grids.entry(field.id.clone()).or_default();
        let outcome = work(grid, &field, &mut self.project, &self.theme);
        let changed = self.project.entry(&field.id) != before.as_ref();
        if changed {
            self.touched(&field.id);
        }
        Some((outcome, changed))
    }

    /// How long until the recovery copy is due (zero: now), or `None` when
    /// it holds everything already.
    pub fn recovery_due_in(&self, now: Instant, pause: Duration) -> Option<Duration> {
        let last = self.last_edit.filter(|_| self.unrecovered_edits > 0)?;
        if self.unrecovered_edits >= RECOVERY_EVERY_EDITS {
            return Some(Duration::ZERO);
        }
        Some(pause.saturating_sub(now.saturating_duration_since(last)))
    }

    /// Writes the recovery copy now.
    pub fn write_recovery(&mut self, now: &str) -> Result<(), LoadError> {
        recovery::write(&self.recovery, &self.path, &self.project, now)?;
        self.unrecovered_edits = 0;
        Ok(())
    }

    /// The user chose to throw the changes away.
    pub fn discard_recovery(&mut self) {
        recovery::remove(&self.recovery);
        self.unrecovered_edits = 0;
    }

    /// Saves atomically; on failure the file on disk is untouched and the
    /// text stays here.
    pub fn save(&mut self, now: &str) -> Result<(), LoadError> {
        self.save_to(&self.path.clone(), now)
    }

    /// Saves to `path` (the current file, or a new one for "save as"),
    /// keeping the replaced version as `NAME.bak`.
    pub fn save_to(&mut self, path: &Path, now: &str) -> Result<(), LoadError> {
        storage::save_project(path, &mut self.project, now)?;
        self.dirty = false;
        self.discard_recovery();
        Ok(())
    }

    /// Saves to a new file, which becomes this session's file. An existing
    /// other file is not overwritten.
    pub fn save_as(
        &mut self,
        path: &Path,
        now: &str,
        data_dir: Option<&Path>,
    ) -> Result<(), LoadError> {
        if path != self.path && path.exists() {
            return Err(LoadError::new(path, "文件已存在，不会覆盖；请换一个文件名"));
        }
        self.save_to(path, now)?;
        self.path = path.to_path_buf();
        self.recovery = recovery::location(data_dir, path);
        self.read_only = false;
        self.lock = None;
        Ok(())
    }

    /// Puts a whole project in place (a restored recovery copy, an upgraded
    /// template): editors and the field walk are rebuilt from it, focus
    /// stays on the same place when it still exists, and it counts as
    /// unsaved.
    pub fn replace_project(&mut self, project: Project) {
        self.positions = positions(&project.template);
        self.at = self.at.min(self.positions.len().saturating_sub(1));
        self.project = project;
        self.editors = Editors::new(self.lang);
        self.grids = HashMap::new();
        self.dirty = true;
        self.report = Report::new(&self.project);
        self.editor();
    }

    /// The project file's name, for messages.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default()
    }

    /// Where Ctrl-E suggests exporting: beside the project, `.txt`.
    pub fn default_export_path(&self) -> PathBuf {
        self.path.with_extension("txt")
    }

    pub fn export(&self, target: &Path) -> Result<(), LoadError> {
        if target == self.path {
            return Err(LoadError::new(
                target,
                "不能导出到项目文件本身，请换一个文件名",
            ));
        }
        let text = to_text(&self.project, TextOptions::default());
        storage::write_atomic(target, text.as_bytes())
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
