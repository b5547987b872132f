//! Recovery copies: while a project has unsaved changes, the whole project is
//! written a moment after typing pauses, every few hundred keystrokes, and on
//! any abnormal exit (SSH drop, kill, panic). A successful save or an
//! explicit discard removes it.
//!
//! Where: the first of these places that takes it ([`Copies::write`]):
//! 1. `<data dir>/recovery/` — private (0700), out of any shared folder,
//!    and other users of a shared server do not see someone's draft;
//! 2. beside the project, hidden (`.NAME-….json.ziping-recovery`, 0600) —
//!    when the data directory cannot be written (a file where it should be,
//!    its disk full);
//! 3. `$TMPDIR/ziping-<uid>/recovery/` — the last resort, in a folder of the
//!    user's own (refused if anyone else made it).
//!
//! Each session has a copy of its own (`NAME-<path hash>-<session>.json`):
//! two sessions on one file — the old one cut off from its terminal without
//! a SIGHUP, the new one taken over — never overwrite or remove each other's
//! copy. Opening a file looks in every place ([`Copies::find`]).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::fingerprint::fnv1a;
use crate::model::format_error::FormatError;
use crate::model::project::Project;
use crate::storage::{self, LoadError};

const FORMAT: &str = "ziping-recovery";

/// A recovery copy as stored: the project and where and when it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot<P = Project> {
    pub format: String,
    /// The project file this is a copy of (absolute path).
    pub file: PathBuf,
    /// When it was written (RFC 3339, UTC).
    pub written: String,
    /// The process that wrote it: while it runs, the copy is its own.
    pub pid: u32,
    /// The session that wrote it ([`new_session`]); empty in copies made
    /// before sessions had copies of their own.
    #[serde(default)]
    pub session: String,
    /// Borrowed when written: a clone would be the project twice over.
    pub project: P,
}

/// A copy found on disk.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub copy: Snapshot,
}

/// Every copy of one project file, newest first, and the ones that could
/// not be read.
#[derive(Debug, Default)]
pub struct Listing {
    pub copies: Vec<Found>,
    pub problems: Vec<LoadError>,
}

/// Where a copy went.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    /// Why the places before it did not take it (empty: the usual place).
    pub passed_over: Failure,
    /// It is not where this session's last copy went.
    pub moved: bool,
}

/// What each place said, in order, when none took the copy.
#[derive(Debug, Default)]
pub struct Failure(pub Vec<LoadError>);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&said.join("；"))
    }
}

/// A new session's name among those that may have copies of one file,
/// unique on this machine: the pid (to be recognisable), the moment, to the
/// nanosecond (a pid the system hands out again is another session), and a
/// count (a file opened again in the same process, text set aside).
pub fn new_session() -> String {
    static MADE: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = MADE.fetch_add(1, Ordering::Relaxed);
    format!("{}-{nanos:x}-{n}", std::process::id())
}

/// The most of the project's stem in a copy's name: the key's hash, the
/// session, the marks and a temp's take up to about 95 bytes more.
const STEM_BUDGET: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Data,
    Beside,
    Temp,
}

/// One folder a copy may go in.
#[derive(Debug, Clone)]
struct Place {
    dir: PathBuf,
    kind: Kind,
}

impl Place {
    fn file_name(&self, key: &str, session: &str) -> String {
        match self.kind {
            // Hidden, and named for what it is among the project's files.
            Kind::Beside => format!(".{key}-{session}.json.ziping-recovery"),
            Kind::Data | Kind::Temp => format!("{key}-{session}.json"),
        }
    }

    /// Whether `name` is a copy of the file `key` stands for: any
    /// session's, or one from before sessions (`KEY.json`).
    fn holds(&self, key: &str, name: &str) -> bool {
        let name = match self.kind {
            Kind::Beside => name
                .strip_prefix('.')
                .and_then(|n| n.strip_suffix(".ziping-recovery")),
            Kind::Data | Kind::Temp => Some(name),
        };
        name.and_then(|n| n.strip_prefix(key))
            .is_some_and(|rest| rest == ".json" || rest.starts_with('-') && rest.ends_with(".json"))
    }

    /// Makes the folder ready to take a copy.
    fn prepare(&self) -> Result<(), LoadError> {
        let private =
            |dir: &Path| storage::create_private_dir(dir).map_err(|e| dir_problem(dir, &e));
        match self.kind {
            Kind::Data => private(&self.dir),
            // The project's folder is there, or the project could not be.
            Kind::Beside => Ok(()),
            Kind::Temp => {
                let root = self.dir.parent().unwrap_or(&self.dir);
                match make_dir_0700(root) {
                    Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                        return Err(dir_problem(root, &e));
                    }
                    _ => {}
                }
                own_private_dir(root).map_err(|e| LoadError::new(root, e.to_string()))?;
                private(&self.dir)
            }
        }
    }

    /// Whether copies here may be read: the temp folder only if it is ours.
    fn readable(&self) -> bool {
        match self.kind {
            Kind::Temp => self
                .dir
                .parent()
                .is_some_and(|r| own_private_dir(r).is_ok()),
            Kind::Data | Kind::Beside => true,
        }
    }
}

/// The copies of one project file: where they may be, and this session's.
#[derive(Debug, Clone)]
pub struct Copies {
    /// The project file (absolute).
    file: PathBuf,
    /// `STEM-HASH`: the file stem (to be recognisable) and a hash of the
    /// absolute path (to be unique).
    key: String,
    session: String,
    places: Vec<Place>,
    /// Where this session's last copy went.
    last: Option<PathBuf>,
    /// Other sessions' copies restored here: (path, writer's pid).
    adopted: Vec<(PathBuf, u32)>,
}

impl Copies {
    /// The copies of `project_file`; this session's is named `session`.
    pub fn new(data_dir: Option<&Path>, project_file: &Path, session: &str) -> Copies {
        Copies::with_temp(data_dir, project_file, session, &std::env::temp_dir())
    }

    /// Like [`Copies::new`], with the system's temp folder given.
    fn with_temp(
        data_dir: Option<&Path>,
        project_file: &Path,
        session: &str,
        temp_dir: &Path,
    ) -> Copies {
        let file = absolute(project_file);
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        // A long title is cut (the hash keeps the key unique), so a copy's
        // name with its session and marks, and its temp's, stay within the
        // 255 bytes a name may have.
        let stem = storage::fit_name(&stem, STEM_BUDGET);
        let key = format!("{stem}-{:016x}", fnv1a(file.to_string_lossy().as_bytes()));
        let beside = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let temp = temp_dir
            .join(format!("ziping-{}", user_id()))
            .join("recovery");
        let data = data_dir.map(|d| d.join("recovery"));
        let places = data
            .map(|dir| (dir, Kind::Data))
            .into_iter()
            .chain([(beside, Kind::Beside), (temp, Kind::Temp)])
            .map(|(dir, kind)| Place { dir, kind })
            .collect();
        Copies {
            file,
            key,
            session: session.to_string(),
            places,
            last: None,
            adopted: Vec::new(),
        }
    }

    /// The folders looked in, in the order they are tried.
    pub fn dirs(&self) -> Vec<&Path> {
        self.places.iter().map(|p| p.dir.as_path()).collect()
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    /// Writes this session's copy of `project` atomically and durably, in
    /// the first place that takes it; the session's copy elsewhere, older,
    /// is removed so it cannot pass for another session's.
    pub fn write(&mut self, project: &Project, now: &str) -> Result<Written, Failure> {
        let copy = Snapshot {
            format: FORMAT.to_string(),
            file: self.file.clone(),
            written: now.to_string(),
            pid: std::process::id(),
            session: self.session.clone(),
            project,
        };
        let json = crate::model::json::pretty(&copy, 0);
        let mut failed = Vec::new();
        for place in &self.places {
            let path = place.dir.join(place.file_name(&self.key, &self.session));
            // The copy holds the report's text: for its owner's eyes only,
            // and never written through a link someone planted.
            let written = place
                .prepare()
                .and_then(|()| storage::write_private_no_follow(&path, json.as_bytes()));
            match written {
                Ok(()) => {
                    let moved = self.last.as_ref() != Some(&path);
                    if moved {
                        self.remove_own_except(Some(&path));
                    }
                    self.last = Some(path.clone());
                    let passed_over = Failure(failed);
                    return Ok(Written {
                        path,
                        passed_over,
                        moved,
                    });
                }
                Err(e) => failed.push(e),
            }
        }
        Err(Failure(failed))
    }

    /// Leaves the copy written last as it is — text set aside (the file was
    /// reloaded from disk) for the next open and `ziping recover` to offer —
    /// and names this session's later copies anew, so neither they nor a
    /// save (which removes the session's own copy) touch it.
    pub fn set_aside(&mut self) {
        self.session = new_session();
        self.last = None;
    }

    /// Removes what killed writes of this file's copies (any session's)
    /// left in the places copies go; a write going on now holds its temp.
    pub fn clean_stale_temps(&self) {
        for place in &self.places {
            storage::clean_stale_temps_in(&place.dir, |name| {
                std::str::from_utf8(name).is_ok_and(|name| place.holds(&self.key, name))
            });
        }
    }

    /// Removes this session's copy, wherever it went.
    pub fn remove_own(&mut self) {
        self.remove_own_except(None);
        self.last = None;
    }

    fn remove_own_except(&self, keep: Option<&Path>) {
        for place in &self.places {
            let path = place.dir.join(place.file_name(&self.key, &self.session));
            if keep != Some(path.as_path()) {
                remove(&path);
            }
        }
    }

    /// Another session's copy was restored into this one: once saved, the
    /// file holds its text and it may go (see [`Copies::saved`]).
    pub fn adopt(&mut self, found: &Found) {
        self.adopted.push((found.path.clone(), found.copy.pid));
    }

    /// The file holds everything now: this session's copy goes, and so do
    /// the copies restored into it — unless their writer still runs, whose
    /// copy it is to keep or remove.
    pub fn saved(&mut self, running: impl Fn(u32) -> bool) {
        self.remove_own();
        for (path, pid) in std::mem::take(&mut self.adopted) {
            if !running(pid) {
                remove(&path);
            }
        }
    }

    /// Every copy of this file in every place, newest first.
    pub fn find(&self) -> Listing {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for place in self.places.iter().filter(|p| p.readable()) {
            let Ok(entries) = fs::read_dir(&place.dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name();
                let Ok(meta) = fs::symlink_metadata(&path) else {
                    continue;
                };
                // Another user's file, or a link, beside the project is
                // not a copy this user made.
                if !place.holds(&self.key, &name.to_string_lossy()) || !own_file(&meta) {
                    continue;
                }
                match read(&path) {
                    Ok(copy) if copy.file == self.file => {
                        found.push((meta.modified().ok(), Found { path, copy }));
                    }
                    Ok(_) => {}
                    Err(e) => problems.push(e),
                }
            }
        }
        // `written` has whole seconds; the file's time orders within one.
        found.sort_by(|(a_time, a), (b_time, b)| {
            (&b.copy.written, b_time).cmp(&(&a.copy.written, a_time))
        });
        Listing {
            copies: found.into_iter().map(|(_, f)| f).collect(),
            problems,
        }
    }
}

/// The absolute form of a path that may not exist yet (its directory does).
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// The copy at `path`.
pub fn read(path: &Path) -> Result<Snapshot, LoadError> {
    let text = storage::read_text(path)?;
    let copy: Snapshot =
        FormatError::deserialize(&text).map_err(|e| LoadError::new(path, e.to_string()))?;
    if copy.format != FORMAT {
        return Err(LoadError::new(path, "这不是 ziping 恢复文件"));
    }
    Ok(copy)
}

/// Removes a copy; a missing one is fine.
pub fn remove(path: &Path) {
    // Nothing to do if it is already gone; any other failure only leaves a
    // stale copy that the next open offers again.
    let _ = fs::remove_file(path);
}

/// Why a folder could not be made ready: a file where it should be is not
/// "the file exists" (as `mkdir` puts it), which would read as a success.
fn dir_problem(dir: &Path, err: &io::Error) -> LoadError {
    let blocked = matches!(
        err.kind(),
        io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory
    );
    if blocked {
        LoadError::new(dir, "无法建立目录：这里（或上一级）是一个文件，不是目录")
    } else {
        LoadError::new(dir, storage::io_problem(err))
    }
}

#[cfg(unix)]
fn user_id() -> u32 {
    rustix::process::getuid().as_raw()
}

#[cfg(not(unix))]
fn user_id() -> &'static str {
    "user"
}

fn make_dir_0700(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Whether `dir` is a real folder (not a link) of this user's, closed to
/// everyone else: in a shared temp folder anyone could have made it first.
fn own_private_dir(dir: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(dir)?;
    #[cfg(unix)]
    let closed = std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o077 == 0;
    #[cfg(not(unix))]
    let closed = true;
    if meta.is_dir() && own_file(&meta) && closed {
        Ok(())
    } else {
        Err(io::Error::other(
            "已存在，但不是本用户的私有目录（可能是别人建的），不使用",
        ))
    }
}

/// Whether `meta` (not following links) is this user's own.
fn own_file(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        !meta.file_type().is_symlink() && meta.uid() == user_id()
    }
    #[cfg(not(unix))]
    !meta.file_type().is_symlink()
}

#[cfg(test)]
#[path = "recovery_tests.rs"]
mod tests;
