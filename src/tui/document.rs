//! The open document: the project, its file, whether it is saved, the
//! one-writer lock, the recovery copy's schedule and the report derived from
//! it. Everything that changes the project goes through an intent method
//! here, so the report, the dirty flag and the recovery schedule cannot fall
//! out of step with the text. Nothing here knows of the terminal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::export::text::{TextOptions, to_text};
use crate::lock::{self, Lock, Owner};
use crate::model::project::{Entry, Project};
use crate::model::report::Report;
use crate::recovery;
use crate::storage::{self, LoadError};

use super::pause::Pause;

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

#[derive(Debug)]
pub struct Document {
    project: Project,
    path: PathBuf,
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
}

impl Document {
    /// `project`, read from `path`; its recovery copy goes in `data_dir`
    /// (or a fallback place, see `recovery`).
    pub fn new(project: Project, path: PathBuf, data_dir: Option<&Path>) -> Document {
        let report = Report::new(&project);
        Document {
            recovery: recovery::Copies::new(data_dir, &path, recovery::this_session()),
            project,
            path,
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
        self.path.with_extension("txt")
    }

    /// Sets field `id` to `entry`; returns whether it changed.
    pub fn set(&mut self, id: &str, entry: Entry) -> bool {
        if self.project.entry(id) == Some(&entry) {
            return false;
        }
        self.project.set(id, entry);
        self.touched(id);
        true
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
    pub fn settle(&mut self, now: Instant) {
        if self.pause.due_in(now) == Some(Duration::ZERO) {
            self.settle_now();
        }
    }

    /// How long until the report is due to settle.
    pub fn settle_due_in(&self, now: Instant) -> Option<Duration> {
        self.pause.due_in(now)
    }

    /// Puts a whole project in place (a restored recovery copy, an upgraded
    /// template); it counts as unsaved.
    pub fn replace(&mut self, project: Project) {
        self.project = project;
        self.dirty = true;
        // Unsaved now: the recovery copy must come to hold it too.
        self.unrecovered(Instant::now());
        self.report = Report::new(&self.project);
        self.pause.done();
    }

    /// The one-writer lock is ours (acquired, or taken over).
    pub fn take_lock(&mut self, lock: Lock) {
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

    /// Saves atomically; on failure the file on disk is untouched and the
    /// text stays here. The lock is asked first whether this session may
    /// still write the file: after a take-over elsewhere it may not.
    pub fn save(&mut self, now: &str) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        if let Some(by) = self.lost_lock() {
            return Err(SaveError::TakenOver(by));
        }
        Ok(self.save_to(&self.path.clone(), now)?)
    }

    /// Asks the lock whether this session may still write its file; when
    /// another ziping has taken it over, marks the document so and returns
    /// who did (if the lock file says).
    pub fn lost_lock(&mut self) -> Option<Option<Owner>> {
        let lock = self.lock.as_ref().filter(|l| !l.still_ours())?;
        self.taken_over = true;
        Some(lock.taken_by())
    }

    /// Saves to `path` (the current file, or a new one for "save as"),
    /// keeping the replaced version as `NAME.bak`.
    fn save_to(&mut self, path: &Path, now: &str) -> Result<(), LoadError> {
        storage::save_project(path, &mut self.project, now)?;
        self.dirty = false;
        self.recovery.saved(lock::process_running);
        self.recovered();
        Ok(())
    }

    /// Saves to a new file, which becomes this document's file (without a
    /// lock until one is taken). An existing other file is not overwritten.
    pub fn save_as(
        &mut self,
        path: &Path,
        now: &str,
        data_dir: Option<&Path>,
    ) -> Result<(), SaveError> {
        if storage::same_file(path, &self.path) || path == self.path {
            return self.save(now);
        }
        if path.exists() {
            let exists = LoadError::new(path, "文件已存在，不会覆盖；请换一个文件名");
            return Err(exists.into());
        }
        self.save_to(path, now)?;
        self.path = path.to_path_buf();
        self.recovery = recovery::Copies::new(data_dir, path, recovery::this_session());
        self.read_only = false;
        self.taken_over = false;
        self.lock = None;
        Ok(())
    }

    /// Writes the plain-text report to `target` (never over the project),
    /// from the report brought fully up to date first.
    pub fn export(&mut self, target: &Path) -> Result<(), LoadError> {
        if target == self.path || storage::same_file(target, &self.path) {
            return Err(LoadError::new(
                target,
                "不能导出到项目文件本身，请换一个文件名",
            ));
        }
        self.settle_now();
        let text = to_text(&self.project, &self.report, TextOptions::default());
        storage::write_atomic(target, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::FindingKind;

    fn document(dir: &Path) -> Document {
        let project = crate::catalog::new_project("hunan-narrative");
        let path = dir.join("a.json");
        std::fs::write(&path, project.to_json()).expect("write");
        Document::new(project, path, Some(dir))
    }

    fn missing(doc: &Document, id: &str) -> bool {
        doc.report()
            .of_field(id)
            .any(|f| f.kind == FindingKind::Missing)
    }

    #[test]
    fn an_edit_is_unsaved_and_judged_at_once_and_counted_once_settled() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let errors = doc.report().counts().errors;
        assert!(missing(&doc, "unit"));
        assert!(doc.set("unit", Entry::Text("中共常宁市委组织部".into())));
        assert!(doc.is_dirty());
        assert!(!missing(&doc, "unit"), "the edited field is judged at once");
        assert_eq!(doc.report().counts().errors, errors, "counts wait");
        doc.settle_now();
        assert_eq!(doc.report().counts().errors, errors - 1);
        assert_eq!(doc.settle_due_in(Instant::now()), None);
    }

    #[test]
    fn saving_clears_the_unsaved_mark_and_an_unchanged_value_is_no_edit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        doc.set("unit", Entry::Text("某单位".into()));
        doc.save("2030-01-01T00:00:00Z").expect("saves");
        assert!(!doc.is_dirty());
        assert!(!doc.set("unit", Entry::Text("某单位".into())));
        let (_, changed) = doc.edit_table("unit", |_| ());
        assert!(!changed);
        assert!(!doc.is_dirty(), "nothing changed, nothing to save");
        let saved = crate::storage::read_project(doc.path()).expect("reads");
        assert_eq!(saved.meta.modified, "2030-01-01T00:00:00Z");
    }

    #[test]
    fn a_read_only_document_never_writes_its_file_however_it_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let before = std::fs::read(doc.path()).expect("read");
        doc.open_read_only();
        doc.set("unit", Entry::Text("某单位".into()));
        assert!(doc.save("now").is_err());
        let same = dir.path().join(".").join("a.json");
        assert!(doc.save_as(&same, "now", Some(dir.path())).is_err());
        assert_eq!(
            std::fs::read(dir.path().join("a.json")).expect("read"),
            before
        );
        assert!(doc.is_dirty(), "the text stays, unsaved");
    }

    #[test]
    fn after_a_take_over_elsewhere_saves_are_refused_and_copies_go_on() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let crate::lock::Outcome::Acquired(lock) = crate::lock::acquire(doc.path(), "t1") else {
            panic!("lock")
        };
        doc.take_lock(lock);
        doc.set("unit", Entry::Text("某单位".into()));
        doc.save("now").expect("ours: saves");
        let _winner = crate::lock::take_over(doc.path(), "t2");
        let before = std::fs::read(doc.path()).expect("read");
        doc.set("unit", Entry::Text("某单位二".into()));
        match doc.save("later") {
            Err(SaveError::TakenOver(Some(by))) => assert_eq!(by.since, "t2"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(std::fs::read(doc.path()).expect("read"), before);
        assert!(doc.is_dirty() && doc.is_taken_over() && !doc.is_read_only());
        let written = doc
            .write_recovery("later")
            .expect("the text still goes somewhere");
        let copy = recovery::read(&written.path).expect("reads");
        assert_eq!(
            copy.project.entry("unit"),
            Some(&Entry::Text("某单位二".into()))
        );
    }

    #[test]
    fn export_never_replaces_the_project_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let before = std::fs::read(doc.path()).expect("read");
        let spelled = dir.path().join("..").join(
            dir.path()
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .to_string(),
        );
        assert!(doc.export(&spelled.join("a.json")).is_err());
        assert_eq!(std::fs::read(doc.path()).expect("read"), before);
        doc.export(&dir.path().join("a.txt"))
            .expect("exports beside it");
    }

    #[test]
    fn steady_typing_still_reaches_the_recovery_copy_within_its_bound() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let start = Instant::now();
        assert_eq!(doc.recovery_due_in(start, Duration::from_secs(2)), None);
        doc.set("unit", Entry::Text("某".into()));
        // With a long pause setting, the time bound decides.
        let pause = Duration::from_secs(60);
        let due = doc.recovery_due_in(start, pause).expect("due");
        assert!(due <= RECOVERY_AT_MOST_EVERY, "{due:?}");
        // Typing on: the last edit is recent, the oldest is not.
        doc.set("unit", Entry::Text("某单".into()));
        let later = Instant::now() + RECOVERY_AT_MOST_EVERY;
        assert_eq!(doc.recovery_due_in(later, pause), Some(Duration::ZERO));
        doc.write_recovery("now").expect("writes");
        assert_eq!(
            doc.recovery_due_in(later, pause),
            None,
            "it holds everything"
        );
        doc.set("unit", Entry::Text("某单位".into()));
        let due = doc.recovery_due_in(Instant::now(), pause).expect("due");
        assert!(
            due > RECOVERY_AT_MOST_EVERY / 2,
            "the bound starts again: {due:?}"
        );
    }

    #[test]
    fn a_failed_recovery_copy_is_tried_again_later_not_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let now = Instant::now();
        for text in ["某", "某单", "某单位"]
            .iter()
            .cycle()
            .take(RECOVERY_EVERY_EDITS + 1)
        {
            doc.set("unit", Entry::Text((*text).into()));
        }
        assert_eq!(
            doc.recovery_due_in(now, Duration::ZERO),
            Some(Duration::ZERO)
        );
        // As a failed write leaves it: due again only after the bound.
        doc.recovery_retry = Some(now + RECOVERY_AT_MOST_EVERY);
        let due = doc.recovery_due_in(now, Duration::ZERO).expect("due");
        assert_eq!(due, RECOVERY_AT_MOST_EVERY);
        doc.write_recovery("now").expect("writes");
        assert_eq!(doc.recovery_due_in(now, Duration::ZERO), None);
        doc.discard_recovery();
    }

    #[test]
    fn save_as_never_overwrites_another_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut doc = document(dir.path());
        let other = dir.path().join("other.json");
        std::fs::write(&other, "keep").expect("write");
        doc.set("unit", Entry::Text("某单位".into()));
        assert!(doc.save_as(&other, "now", Some(dir.path())).is_err());
        assert_eq!(std::fs::read_to_string(&other).expect("read"), "keep");
        assert!(doc.is_dirty());
        assert_eq!(doc.path(), dir.path().join("a.json"));
        let copy = dir.path().join("copy.json");
        doc.save_as(&copy, "now", Some(dir.path()))
            .expect("saves as");
        assert_eq!(doc.path(), copy);
        assert!(!doc.is_dirty());
    }
}
