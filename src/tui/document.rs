//! The open document: the project, its file (and what this session last
//! read from or wrote to it), whether it is saved, the one-writer lock, the
//! recovery copy's schedule and the report derived from it. Everything that changes the project goes through an intent method
//! here, so the report, the dirty flag and the recovery schedule cannot fall
//! out of step with the text. Nothing here knows of the terminal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::export::{Format, StyleChoice, render};
use crate::fingerprint::{Drift, Fingerprint};
use crate::lang::Lang;
use crate::lock::{self, Lock, Owner};
use crate::model::project::{Entry, Project};
use crate::model::report::Report;
use crate::model::wording;
use crate::recent;
use crate::recovery;
use crate::storage::{self, LoadError};
use crate::strings;

use super::pause::Pause;
use super::reworded::Reworded;

/// Why the document was not saved to its file.
#[derive(Debug)]
pub enum SaveError {
    /// Opened read-only: another ziping has the file.
    ReadOnly,
    /// Another ziping took the file over (named, if its lock says who);
    /// the text stays here, unsaved, for "save as".
    TakenOver(Option<Owner>),
    /// Writing failed; the file on disk is as it was.
    Failed(LoadError),
}

impl From<LoadError> for SaveError {
    fn from(e: LoadError) -> Self {
        SaveError::Failed(e)
    }
}

/// The recovery copy is written after this many edits even while typing on.
pub const RECOVERY_EVERY_EDITS: usize = 200;

/// The most typing a crash (kill -9, the out-of-memory killer) can lose:
/// while the writer types without pausing, the recovery copy is still
/// written at least this often.
pub const RECOVERY_AT_MOST_EVERY: Duration = Duration::from_secs(5);

/// What a save did.
#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// Nothing was written: another program changed the file (or removed
    /// it) since this session read or wrote it. The user decides.
    ChangedOnDisk(Drift),
}

#[derive(Debug)]
pub struct Document {
    project: Project,
    path: PathBuf,
    /// The file as this session last read or wrote it.
    on_disk: Fingerprint,
    dirty: bool,
    /// Opened read-only (another ziping has the file): no edits, no saves.
    read_only: bool,
    /// Another ziping took the file over: edits and recovery copies go on,
    /// saves to the file do not.
    taken_over: bool,
    /// The one-writer lock, released when the document is dropped.
    lock: Option<Lock>,
    /// Where this project's recovery copies are, and this session's.
    recovery: recovery::Copies,
    /// Edits since the recovery copy was last written.
    unrecovered_edits: usize,
    last_edit: Option<Instant>,
    /// When the oldest edit the recovery copy does not hold yet was made.
    unrecovered_since: Option<Instant>,
    /// A failed copy is tried again from then on, not in a busy loop.
    recovery_retry: Option<Instant>,
    /// Everything derived from the project: findings, figures, counts.
    report: Report,
    /// When the report's outline states and counts next catch up.
    pause: Pause,
    /// Where Ctrl-E last wrote this project (its name says the format),
    /// remembered in `data_dir` across sessions.
    last_export: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    /// The last change of wording, for Ctrl-Z.
    reworded: Option<Reworded>,
}

impl Document {
    /// `project`, read from `path` whose bytes had fingerprint `on_disk`;
    /// its recovery copy goes in `data_dir`
    /// (or a fallback place, see `recovery`).
    pub fn new(
        project: Project,
        path: PathBuf,
        on_disk: Fingerprint,
        data_dir: Option<&Path>,
    ) -> Document {
        let report = Report::new(&project);
        let last_export = recent::last_export(data_dir, &path);
        Document {
            recovery: recovery::Copies::new(data_dir, &path, &recovery::new_session()),
            project,
            path,
            on_disk,
            dirty: false,
            read_only: false,
            taken_over: false,
            lock: None,
            unrecovered_edits: 0,
            last_edit: None,
            unrecovered_since: None,
            recovery_retry: None,
            report,
            pause: Pause::default(),
            last_export,
            data_dir: data_dir.map(Path::to_path_buf),
            reworded: None,
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn recovery(&self) -> &recovery::Copies {
        &self.recovery
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
        // The name this project was last exported to, in this session or
        // an earlier one, so Ctrl-E writes the same kind of file again.
        self.last_export
            .clone()
            .unwrap_or_else(|| self.path.with_extension("txt"))
    }

    /// Sets field `id` to `entry`; returns whether it changed.
    pub fn set(&mut self, id: &str, entry: Entry) -> bool {
        if self.project.entry(id) == Some(&entry) {
            return false;
        }
        self.project.set(id, entry);
        // Edited, so no longer last year's text as it was (沿用去年).
        self.project.carried.retain(|c| c != id);
        self.touched(id);
        true
    }

    /// Confirms that field `id`, kept from last year, stays as it is:
    /// its 沿用去年 mark goes. Returns whether it had one.
    pub fn confirm_carried(&mut self, id: &str) -> bool {
        let before = self.project.carried.len();
        self.project.carried.retain(|c| c != id);
        let had = self.project.carried.len() != before;
        if had {
            self.touched(id);
        }
        had
    }

    /// Rewords the heading of section `id` (empty: the template's words);
    /// returns whether it changed, or why it was refused. Headings are in
    /// the outline, so the whole report is brought up to date at once.
    pub fn set_heading(&mut self, id: &str, text: &str) -> Result<bool, String> {
        self.reword(Some(id), |project| wording::set_heading(project, id, text))
    }

    /// Sets the report's title pattern (one line per `\n`).
    pub fn set_title(&mut self, text: &str) -> Result<bool, String> {
        self.reword(None, |project| wording::set_title(project, text))
    }

    /// A change of wording: counted as an edit when it changed anything,
    /// and kept for [`Document::undo_wording`].
    fn reword(
        &mut self,
        section: Option<&str>,
        change: impl FnOnce(&mut Project) -> Result<bool, String>,
    ) -> Result<bool, String> {
        let Some(reworded) = Reworded::by(&mut self.project, section, change)? else {
            return Ok(false);
        };
        self.reworded = Some(reworded);
        self.rebuilt();
        Ok(true)
    }

    /// Takes the last change of wording back (`redo`: puts it again) while
    /// nothing else changed since; the section it was (`None`: the title),
    /// or `None` when there is no such change to take.
    pub fn undo_wording(&mut self, redo: bool) -> Option<Option<String>> {
        let reworded = self.reworded.as_mut()?;
        if !reworded.step(&mut self.project, redo) {
            return None;
        }
        let section = reworded.section.clone();
        self.rebuilt();
        Some(section)
    }

    /// A change the whole report follows (headings are in the outline):
    /// unsaved, so the recovery copy must come to hold it too, and the
    /// report brought up to date at once.
    fn rebuilt(&mut self) {
        self.dirty = true;
        self.unrecovered(Instant::now());
        self.report = Report::new(&self.project);
        self.pause.done();
    }

    /// Lets `work` change table `id` through the model's table setters
    /// (`TableValue::set_cell`, `insert_row` …), then counts the change if
    /// the table's value changed. Returns what `work` returned and whether
    /// it changed.
    pub fn edit_table<R>(&mut self, id: &str, work: impl FnOnce(&mut Project) -> R) -> (R, bool) {
        let before = self.project.entry(id).cloned();
        let result = work(&mut self.project);
        let changed = self.project.entry(id) != before.as_ref();
        if changed {
            self.touched(id);
        }
        (result, changed)
    }

    /// Counts an edit of `field`: unsaved, towards the recovery copy; the
    /// report brings what the edit touched up to date at once and the rest
    /// once typing pauses.
    fn touched(&mut self, field: &str) {
        let now = Instant::now();
        self.dirty = true;
        self.unrecovered(now);
        self.report.touch(&self.project, field);
        self.pause.typed(now);
    }

    /// Brings the whole report up to date now.
    pub fn settle_now(&mut self) {
        self.report.settle(&self.project);
        self.pause.done();
    }

    /// Settles the report if typing has paused long enough.
    /// Whether it did (the screen then shows other figures).
    pub fn settle(&mut self, now: Instant) -> bool {
        let due = self.pause.due_in(now) == Some(Duration::ZERO);
        if due {
            self.settle_now();
        }
        due
    }

    /// How long until the report is due to settle.
    pub fn settle_due_in(&self, now: Instant) -> Option<Duration> {
        self.pause.due_in(now)
    }

    /// Puts a whole project in place (a restored recovery copy, an upgraded
    /// template); it counts as unsaved.
    pub fn replace(&mut self, project: Project) {
        self.project = project;
        self.reworded = None;
        self.rebuilt();
    }

    /// The one-writer lock is ours (acquired, or taken over).
    pub fn take_lock(&mut self, mut lock: Lock) {
        // A lock taken before its file existed (save as) has no inode yet.
        lock.follow_save(&self.path);
        self.lock = Some(lock);
        self.read_only = false;
        self.taken_over = false;
    }

    /// Another ziping has the file: no edits and no saves here.
    pub fn open_read_only(&mut self) {
        self.read_only = true;
    }

    /// Counts an edit the recovery copy does not hold yet.
    fn unrecovered(&mut self, now: Instant) {
        self.unrecovered_edits += 1;
        self.last_edit = Some(now);
        self.unrecovered_since.get_or_insert(now);
    }

    /// The recovery copy holds everything.
    fn recovered(&mut self) {
        self.unrecovered_edits = 0;
        self.unrecovered_since = None;
        self.recovery_retry = None;
    }

    /// How long until the recovery copy is due (zero: now), or `None` when
    /// it holds everything already: `pause` after the last edit, or
    /// [`RECOVERY_AT_MOST_EVERY`] after the oldest one it lacks (so steady
    /// typing with no pause still reaches it), or at once after
    /// [`RECOVERY_EVERY_EDITS`] edits; after a failed copy, not before
    /// [`RECOVERY_AT_MOST_EVERY`] has passed.
    pub fn recovery_due_in(&self, now: Instant, pause: Duration) -> Option<Duration> {
        let last = self.last_edit.filter(|_| self.unrecovered_edits > 0)?;
        let due = if self.unrecovered_edits >= RECOVERY_EVERY_EDITS {
            Duration::ZERO
        } else {
            let after_pause = pause.saturating_sub(now.saturating_duration_since(last));
            let oldest = self.unrecovered_since.unwrap_or(last);
            let since = now.saturating_duration_since(oldest);
            after_pause.min(RECOVERY_AT_MOST_EVERY.saturating_sub(since))
        };
        let retry = self
            .recovery_retry
            .map_or(Duration::ZERO, |at| at.saturating_duration_since(now));
        Some(due.max(retry))
    }

    /// Writes the recovery copy now, in the first place that takes it.
    pub fn write_recovery(&mut self, now: &str) -> Result<recovery::Written, recovery::Failure> {
        let written = self.recovery.write(&self.project, now);
        match written {
            Ok(_) => self.recovered(),
            Err(_) => self.recovery_retry = Some(Instant::now() + RECOVERY_AT_MOST_EVERY),
        }
        written
    }

    /// Another session's copy was restored here: the file takes its text
    /// at the next save, and then it may go.
    pub fn adopt_recovery(&mut self, found: &recovery::Found) {
        self.recovery.adopt(found);
    }

    /// The user chose to throw the changes away: this session's copy goes
    /// (other sessions' copies are theirs).
    pub fn discard_recovery(&mut self) {
        self.recovery.remove_own();
        self.recovered();
    }

    /// Whether another ziping has taken the file over (found at a save).
    pub fn is_taken_over(&self) -> bool {
        self.taken_over
    }

    /// Saves atomically, unless this session may no longer write the file
    /// (another ziping took it over) or another program changed the file
    /// since this session read or wrote it: then nothing is written and the
    /// caller asks the user ([`Document::overwrite`], [`Document::reload`]
    /// or "save as"). On failure the file on disk is untouched and the
    /// text stays here.
    pub fn save(&mut self, now: &str) -> Result<Saved, SaveError> {
        // The lock first: after a take-over, the winner's saves would
        // otherwise look like another program's change.
        self.may_write()?;
        // Another program could still write between this look and the
        // rename below; the window is a few milliseconds, where before it
        // was the whole session.
        if let Some(drift) = self.on_disk.drift(&self.path) {
            return Ok(Saved::ChangedOnDisk(drift));
        }
        self.save_to(&self.path.clone(), now)?;
        Ok(Saved::Written)
    }

    /// Saves over whatever the file holds now (the user chose to, knowing
    /// another program changed it); the replaced version is kept as
    /// `NAME.bak`, and a file that is gone is written anew.
    pub fn overwrite(&mut self, now: &str) -> Result<Option<PathBuf>, SaveError> {
        self.may_write()?;
        // Their version under a name of its own: `NAME.bak` is the previous
        // version of every save, and the next Ctrl-S would replace it.
        let kept = match self.path.exists() {
            true => Some(storage::keep_aside(&self.path)?),
            false => None,
        };
        self.save_to(&self.path.clone(), now)?;
        Ok(kept)
    }

    /// Whether this session may write its file: not opened read-only, and
    /// not taken over — once taken over, always: the winner quitting does
    /// not hand the file back (its saves may be on disk).
    fn may_write(&mut self) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        match self.lost_lock() {
            Some(by) => Err(SaveError::TakenOver(by)),
            None if self.taken_over => Err(SaveError::TakenOver(None)),
            None => Ok(()),
        }
    }

    /// Asks the lock whether this session may still write its file; when
    /// another ziping has taken it over, marks the document so and returns
    /// who did (if the lock file says).
    pub fn lost_lock(&mut self) -> Option<Option<Owner>> {
        let lock = self.lock.as_mut().filter(|l| !l.still_ours())?;
        self.taken_over = true;
        lock.release_inode();
        Some(lock.taken_by())
    }

    /// Saves to `path` (the current file, or a new one for "save as"),
    /// keeping the replaced version as `NAME.bak`.
    fn save_to(&mut self, path: &Path, now: &str) -> Result<(), LoadError> {
        let on_disk = storage::save_project(path, &mut self.project, now)?;
        self.written(path, on_disk);
        Ok(())
    }

    /// The whole project is in `path` now, as `on_disk`.
    fn written(&mut self, path: &Path, on_disk: Fingerprint) {
        self.on_disk = on_disk;
        if let Some(lock) = self.lock.as_mut() {
            lock.follow_save(path);
        }
        self.dirty = false;
        self.recovery.saved(lock::process_running);
        self.recovered();
    }

    /// Puts `project`, read again from the file (whose bytes had
    /// fingerprint `on_disk`), in place of this session's text, which is
    /// first written to the recovery copy if it was unsaved. Returns where
    /// it went; if that write fails nothing changes here.
    pub fn reload(
        &mut self,
        project: Project,
        on_disk: Fingerprint,
        now: &str,
    ) -> Result<Option<PathBuf>, LoadError> {
        let kept = if self.dirty {
            let written = self
                .write_recovery(now)
                .map_err(|failed| LoadError::new(&self.path, failed.to_string()))?;
            self.recovery.set_aside();
            Some(written.path)
        } else {
            None
        };
        self.project = project;
        self.on_disk = on_disk;
        self.dirty = false;
        self.recovered();
        self.report = Report::new(&self.project);
        self.pause.done();
        Ok(kept)
    }

    /// Saves to a new file, which becomes this document's file (without a
    /// lock until one is taken). An existing other file is not overwritten.
    pub fn save_as(
        &mut self,
        path: &Path,
        now: &str,
        data_dir: Option<&Path>,
    ) -> Result<Saved, SaveError> {
        if storage::same_file(path, &self.path) || path == self.path {
            return self.save(now);
        }
        // Never over another file, even one that appears while writing.
        let on_disk = storage::save_new_project(path, &mut self.project, now)?;
        self.written(path, on_disk);
        self.path = path.to_path_buf();
        self.recovery = recovery::Copies::new(data_dir, path, &recovery::new_session());
        self.read_only = false;
        self.taken_over = false;
        self.lock = None;
        Ok(Saved::Written)
    }

    /// Writes the report to `target` (never over the project) in the format
    /// its name says, from the report brought fully up to date first; a
    /// Word document in the template's print style, with the user's style
    /// files from `styles`.
    pub fn export(&mut self, target: &Path, styles: Option<&Path>) -> Result<(), LoadError> {
        if target == self.path || storage::same_file(target, &self.path) {
            return Err(LoadError::new(
                target,
                "不能导出到项目文件本身，请换一个文件名",
            ));
        }
        self.settle_now();
        let style = StyleChoice {
            name: None,
            user_dir: styles,
        };
        let bytes = render(&self.project, &self.report, Format::of_path(target), style)
            .map_err(|problem| LoadError::new(target, strings::docx_failed(&problem, Lang::Zh)))?;
        storage::write_atomic(target, &bytes)?;
        self.last_export = Some(target.to_path_buf());
        recent::remember_export(self.data_dir.as_deref(), &self.path, target);
        Ok(())
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
