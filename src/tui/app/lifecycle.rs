//! Opening, locking, recovering and saving as: what happens around a
//! session rather than inside it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::clock::now;
use crate::fingerprint::Fingerprint;
use crate::lock::Holder;
use crate::model::project::Project;
use crate::{catalog, lock, recent, recovery, storage, strings};

use super::super::dialog::Dialog;
use super::super::dialog::locked::Locked;
use super::super::dialog::recover::Recover;
use super::super::dialog::upgrade::Upgrade;
use super::super::document::Saved;
use super::super::session::Session;
use super::super::start::{SAMPLE_FILE_NAME, SAMPLE_JSON};
use super::{App, Screen};

impl App {
    /// Opens a project file; on failure stays where it is and says why.
    pub fn open(&mut self, path: &Path) {
        match storage::read_project_fingerprinted(path) {
            Ok((project, on_disk)) => self.start_session(project, path.to_path_buf(), on_disk),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Shows `project` for editing, as read from `path` whose bytes had
    /// fingerprint `on_disk`: takes the one-writer lock (or asks what to do
    /// if another ziping has it), then offers any recovery copy and a newer
    /// version of its template.
    pub fn start_session(&mut self, project: Project, path: PathBuf, on_disk: Fingerprint) {
        // What saves killed midway left beside it; temps being written by
        // a live ziping are locked and stay.
        storage::clean_stale_temps(&path);
        recent::remember(self.ui.data_dir.as_deref(), &path);
        let lang = self.lang();
        let mut session = Session::new(
            project,
            path,
            on_disk,
            &self.ui.theme,
            lang,
            self.ui.data_dir.as_deref(),
        );
        // And what a write of its recovery copy killed midway left.
        session.doc.recovery().clean_stale_temps();
        self.dialog = None;
        match lock::acquire(session.doc.path(), &now()) {
            lock::Outcome::Acquired(l) => session.doc.take_lock(l),
            lock::Outcome::TookOverStale(l, owner) => {
                session.doc.take_lock(l);
                self.info(strings::lock::took_over_stale_lock(&owner, lang));
            }
            lock::Outcome::Held(holder) => self.dialog = Some(Dialog::Locked(Locked { holder })),
            lock::Outcome::Unavailable(why) => {
                self.info(strings::lock::no_lock_file(&why, lang));
            }
        }
        let links = lock::link_count(session.doc.path());
        if links > 1 {
            self.info(strings::lock::other_links(links, lang));
        }
        self.screen = Screen::Edit(Box::new(session));
        if self.dialog.is_none() {
            self.offer_recovery();
        }
        self.offer_upgrade();
    }

    /// The user chose to take over a file another ziping has open.
    pub(crate) fn take_over(&mut self, holder: Holder) {
        let lang = self.lang();
        let Some(path) = self.session().map(|s| s.doc.path().to_path_buf()) else {
            return;
        };
        match lock::take_over(&path, &now()) {
            lock::Outcome::Acquired(l) | lock::Outcome::TookOverStale(l, _) => {
                if let Some(session) = self.session_mut() {
                    session.doc.take_lock(l);
                }
                self.info(lang.say(strings::TAKEN_OVER));
                self.offer_recovery();
                self.offer_upgrade();
            }
            lock::Outcome::Held(holder) => self.dialog = Some(Dialog::Locked(Locked { holder })),
            // Not taken: the other writer still has it, so the question
            // stands (read-only or quit), never an editable copy unlocked.
            lock::Outcome::Unavailable(why) => {
                self.error(why);
                self.dialog = Some(Dialog::Locked(Locked { holder }));
            }
        }
    }

    /// Asks about the newest recovery copy with text the file does not
    /// have, saying how many more there are (they stay). A copy with nothing
    /// new is removed quietly once its writer is gone (nothing can be lost;
    /// while it runs the copy is that session's). This session's own copy is
    /// not offered back to it.
    fn offer_recovery(&mut self) {
        let Some(doc) = self.session().map(|s| &s.doc) else {
            return;
        };
        let listing = doc.recovery().find();
        let mut offered = Vec::new();
        for found in listing.copies {
            if found.copy.session == doc.recovery().session() {
                continue;
            }
            if found.copy.project.values != doc.project().values {
                offered.push(found);
            } else if !lock::process_running(found.copy.pid) {
                recovery::remove(&found.path);
            }
        }
        let mut offered = offered.into_iter();
        let recover = offered
            .next()
            .map(|newest| Recover::new(newest, offered.len(), doc.project()));
        if let Some(problem) = listing.problems.first() {
            self.error(problem.to_string());
        }
        if let Some(recover) = recover {
            self.dialog = Some(Dialog::Recover(recover));
        }
    }

    /// Offers a newer version of the project's template, once no other
    /// question is open: the lock and unsaved text matter more, so the
    /// recovery question comes first and this one after it is answered. A
    /// read-only session could not take the upgrade, so it is not asked.
    pub(super) fn offer_upgrade(&mut self) {
        let lang = self.lang();
        let Some(session) = self.session().filter(|s| !s.doc.is_read_only()) else {
            return;
        };
        if self.dialog.is_some() {
            return;
        }
        let newer =
            catalog::newer_template(session.doc.project(), self.ui.templates_dir.as_deref());
        if let Some(newer) = newer {
            let offer = Upgrade::new(session.doc.project(), newer, lang);
            self.dialog = Some(Dialog::Upgrade(offer));
        }
    }

    /// Puts the recovered project in place of the one from the file; it
    /// stays unsaved (and the copy stays) until the user saves.
    pub(crate) fn restore(&mut self, found: recovery::Found) {
        let lang = self.lang();
        if let Some(session) = self.session_mut() {
            session.doc.adopt_recovery(&found);
            session.replace_project(found.copy.project);
        }
        self.info(lang.say(strings::RECOVERY_RESTORED));
    }

    /// "Save as": the session moves to the new file (and its lock).
    pub(crate) fn save_as(&mut self, path: &Path) -> bool {
        let lang = self.lang();
        let data_dir = self.ui.data_dir.clone();
        let Some(session) = self.session_mut() else {
            return true;
        };
        let moving = !storage::same_file(path, session.doc.path()) && path != session.doc.path();
        // The new file's lock is taken before anything is written to it, so
        // another ziping that has it open is never written over.
        let lock = if moving {
            match lock::acquire(path, &now()) {
                lock::Outcome::Acquired(l) | lock::Outcome::TookOverStale(l, _) => Some(l),
                lock::Outcome::Held(holder) => {
                    self.error(strings::lock::held_elsewhere(&holder, lang));
                    return false;
                }
                lock::Outcome::Unavailable(_) => None,
            }
        } else {
            None
        };
        match session.doc.save_as(path, &now(), data_dir.as_deref()) {
            // "Save as" the file itself is a save, asked about alike.
            Ok(Saved::ChangedOnDisk(drift)) => {
                self.ask_about_drift(drift, false);
                true
            }
            Ok(Saved::Written) => {
                if let Some(l) = lock {
                    session.doc.take_lock(l);
                }
                recent::remember(data_dir.as_deref(), path);
                self.info(strings::saved_as(path, lang));
                true
            }
            Err(e) => {
                self.save_refused(e);
                false
            }
        }
    }

    /// Periodic work: the status line's figures once typing pauses, and
    /// the recovery copy when it is due (a pause after typing, or many
    /// edits without one). Whether the screen now shows something else: the
    /// settled figures or a message; a copy written quietly changes none.
    pub fn tick(&mut self, now_instant: Instant) -> bool {
        let pause = self.ui.autosave;
        let Some(session) = self.session_mut() else {
            return false;
        };
        let settled = session.doc.settle(now_instant);
        if session.doc.is_read_only()
            || session.doc.recovery_due_in(now_instant, pause) != Some(Duration::ZERO)
        {
            return settled;
        }
        // Tried in every place; where it went matters once it moves.
        let written = session.doc.write_recovery(&now());
        // Told as soon as possible that saves will be refused: a copy is
        // written every few seconds of typing, and asking costs one read.
        let lost = if session.doc.is_taken_over() {
            None
        } else {
            session.doc.lost_lock()
        };
        let lang = self.lang();
        let mut shown = settled;
        match written {
            Ok(w) if w.moved && !w.passed_over.0.is_empty() => {
                self.info(strings::recovery_elsewhere(&w.path, &w.passed_over, lang));
                shown = true;
            }
            Ok(_) => {}
            Err(e) => {
                self.error(strings::recovery_write_failed(e, lang));
                shown = true;
            }
        }
        if let Some(by) = lost {
            self.error(strings::lock::taken_over_by(by.as_ref(), lang));
            shown = true;
        }
        shown
    }

    /// How long the event loop may wait before `tick` has work.
    pub fn next_deadline(&self, now_instant: Instant) -> Option<Duration> {
        let session = self.session()?;
        let settle = session.doc.settle_due_in(now_instant);
        let recovery = (!session.doc.is_read_only())
            .then(|| session.doc.recovery_due_in(now_instant, self.ui.autosave))
            .flatten();
        settle.into_iter().chain(recovery).min()
    }

    /// On a signal, a vanished terminal or a crash: puts everything typed
    /// into a recovery copy, in the first place that takes it. `None` when
    /// nothing was unsaved; a failure says what every place said.
    pub fn emergency_save(&mut self) -> Option<Result<recovery::Written, recovery::Failure>> {
        let session = self.session_mut()?;
        if !session.doc.is_dirty() || session.doc.is_read_only() {
            return None;
        }
        Some(session.doc.write_recovery(&now()))
    }

    /// Opens a copy of the bundled sample in the data directory, so the
    /// original stays pristine and edits are kept between runs.
    pub(super) fn open_sample(&mut self) {
        let dir = self
            .ui
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let path = dir.join("sample").join(SAMPLE_FILE_NAME);
        if !path.exists() {
            let created = std::fs::create_dir_all(path.parent().unwrap_or(&dir))
                .map_err(|e| storage::LoadError::new(&path, storage::io_problem(&e)))
                .and_then(|()| storage::create_new(&path, SAMPLE_JSON.as_bytes()));
            if let Err(e) = created {
                self.error(e.to_string());
                return;
            }
        }
        self.open(&path);
    }

    /// The start screen's 「从已有报告导入」: last year's report read into a
    /// new project beside it, named after it (never over a file),
    /// opened with the import's summary as the message.
    pub(super) fn import_from(&mut self, document: &Path) -> bool {
        let lang = self.lang();
        let imported = match crate::import::from_file(
            document,
            self.ui.templates_dir.as_deref(),
            None,
            &now(),
        ) {
            Ok(imported) => imported,
            Err(f) => {
                self.error(strings::import::failure(document, &f, lang));
                return false;
            }
        };
        let stem = document
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let folder = document.parent().unwrap_or(Path::new(""));
        let path = super::unused_name(folder, &stem, "json");
        let summary = strings::import::summary_line(&imported.summary, lang);
        self.create_and_open(imported.project, path, summary)
    }

    /// The start screen's 「用去年的项目开始」: the project rolled on a year
    /// (its year plus one) into a new file beside it, opened with what was
    /// done.
    pub(super) fn roll_from(&mut self, old: &Path) -> bool {
        let lang = self.lang();
        let project = match storage::read_project(old) {
            Ok(project) => project,
            Err(e) => {
                self.error(e.to_string());
                return false;
            }
        };
        let now = now();
        let year = crate::model::roll::next_year(&project, &now);
        let rolled = crate::model::roll::roll(&project, &year.to_string(), &now);
        let stem = old
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let folder = old.parent().unwrap_or(Path::new(""));
        let path = super::unused_name(folder, &format!("{stem}-{year}"), "json");
        let said = strings::import::rolled(&path, year, rolled.cleared, rolled.carried, lang);
        self.create_and_open(rolled.project, path, said)
    }

    /// Writes `project` as a new file at `path` and opens it, saying `said`.
    fn create_and_open(&mut self, project: Project, path: PathBuf, said: String) -> bool {
        let json = project.to_json();
        match storage::create_new(&path, json.as_bytes()) {
            Ok(()) => {
                self.start_session(project, path, Fingerprint::of(json.as_bytes()));
                self.info(said.trim_end().to_string());
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }
}
