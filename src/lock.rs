//! One writer per project. A lock file beside the project (visible to every
//! user of a shared server) says who has it open: user, host, process, since
//! when, and a token. Two things decide, and neither is a guess:
//!
//! - **Whether the holder lives** is the OS lock (`flock`) its process keeps
//!   on the lock file while it runs. The kernel drops it when the process
//!   ends however it ends (kill -9, a crash), so a lock file nobody holds is
//!   stale, and one somebody holds is live — no pid or host to trust. The
//!   OS lock is on the *lock file*, never on the project, whose inode
//!   changes at every save.
//! - **Who may save** is the token in the file at the lock path. Taking over
//!   puts a new lock file there (with a new token); the old holder checks its
//!   token before every write and finds it gone.
//!
//! A lock file only ever appears complete: it is written under a temporary
//! name and linked or renamed into place, so a reader never sees it empty
//! (which once made a live lock look stale).
//!
//! A project with several hard links has one lock file per name; so the
//! project's own inode, as opened, is locked too, and a second ziping
//! reaching it through another name is told so.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::recovery::absolute;

mod user;
use user::user_name;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub pid: u32,
    pub user: String,
    pub host: String,
    /// RFC 3339, UTC.
    pub since: String,
    /// Who may save: a new one at every take-over. Lock files of older
    /// versions have none.
    #[serde(default)]
    pub token: String,
}

impl Owner {
    fn me(now: &str, token: String) -> Owner {
        Owner {
            pid: std::process::id(),
            user: user_name(),
            host: hostname(),
            since: now.to_string(),
            token,
        }
    }
}

/// Whether process `pid` runs on this machine. A zombie (exited, not yet
/// reaped by its parent) does not count. Without `/proc` the answer is a
/// cautious yes.
pub fn process_running(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .map(|(_, rest)| !rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

fn hostname() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| fs::read_to_string(p).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

/// Who keeps a project from being locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// The lock file names them.
    Named(Owner),
    /// A ziping has the same file open, perhaps under another name (a hard
    /// link, the name it had before a rename) — or it is one whose lock was
    /// taken over and that has not noticed yet. Who is not known from here.
    OtherName,
}

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    token: String,
    /// The lock file, OS-locked for as long as this lives.
    _file: File,
    /// The project file as it was when opened, OS-locked too (hard links).
    _inode: Option<File>,
}

impl Lock {
    /// Whether this lock still says who may save: false once another
    /// ziping has taken the file over (or the lock file was replaced).
    /// A lock file removed by hand leaves the lock ours.
    pub fn still_ours(&self) -> bool {
        match read_owner_at(&self.path) {
            Ok(Some(owner)) => owner.token == self.token,
            Ok(None) => true,
            Err(_) => false,
        }
    }

    /// Who took the file over, once [`Lock::still_ours`] is false.
    pub fn taken_by(&self) -> Option<Owner> {
        read_owner_at(&self.path).ok().flatten()
    }

    /// Lets go of the project's inode (after a take-over elsewhere), so
    /// the file does not look open under another name to the next ziping.
    pub fn release_inode(&mut self) {
        self._inode = None;
    }

    /// Locks the project file as it is now: a save put a new inode under
    /// its name, and a name given to it later must find it locked (the old
    /// inode, now the backup, is let go).
    pub fn follow_save(&mut self, project: &Path) {
        let Ok(file) = File::open(project) else {
            return;
        };
        let same = self
            ._inode
            .as_ref()
            .is_some_and(|held| same_file(held, &file));
        if !same {
            self._inode = file.try_lock().is_ok().then_some(file);
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove our own lock file: someone may have taken it over.
        // A take-over landing between this check and the removal would lose
        // its file (not its OS lock or its saves); there is no "remove if
        // still this inode" call to close that gap of microseconds.
        if read_owner_at(&self.path).is_ok_and(|o| o.is_some_and(|o| o.token == self.token)) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug)]
pub enum Outcome {
    /// The lock is ours.
    Acquired(Lock),
    /// Ours, after replacing a lock whose process had ended.
    TookOverStale(Lock, Owner),
    /// Another live ziping has the file.
    Held(Holder),
    /// No lock could be made (read-only directory …): edit without one.
    Unavailable(String),
}

/// `.NAME.ziping-lock` beside the project.
pub fn path_for(project: &Path) -> PathBuf {
    let absolute = absolute(project);
    let name = absolute
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = crate::storage::fit_name(&name, crate::storage::NAME_BUDGET);
    absolute.with_file_name(format!(".{name}.ziping-lock"))
}

/// The owner written in the lock file at `path`; `None` when there is none.
fn read_owner_at(path: &Path) -> io::Result<Option<Owner>> {
    match open_no_follow(path) {
        Ok(mut file) => Ok(read_owner(&mut file)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn read_owner(file: &mut File) -> Option<Owner> {
    let mut text = String::new();
    file.take(64 * 1024).read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

/// Opens an existing lock file for reading and locking, never through a
/// symlink: in a shared folder another user could plant one.
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("锁文件不是普通文件"));
    }
    Ok(file)
}

/// Tries to take the lock of `project`.
pub fn acquire(project: &Path, now: &str) -> Outcome {
    let path = path_for(project);
    crate::storage::clean_stale_temps(&path);
    // A few rounds: the lock file can change between looking and locking
    // (another ziping ends, or replaces a stale one, at that moment).
    for _ in 0..8 {
        let existing = match open_no_follow(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => match install(&path, now, false) {
                Ok(Some(lock)) => return with_inode(lock, project),
                Ok(None) => continue,
                Err(e) => return unavailable(&e),
            },
            Err(e) => return unavailable(&e),
        };
        let mut existing = existing;
        match existing.try_lock() {
            Err(TryLockError::WouldBlock) => {
                return match read_owner(&mut existing) {
                    Some(owner) => Outcome::Held(Holder::Named(owner)),
                    // Written before it was put in place, so this is a
                    // lock file of another program; it is held all the same.
                    None => Outcome::Held(Holder::Named(unknown_owner())),
                };
            }
            Err(TryLockError::Error(e)) => return unavailable(&e),
            Ok(()) => {
                // Nobody holds it: its process has ended. Replace it — while
                // holding its OS lock, so no other ziping decides the same.
                if !same_inode(&existing, &path) {
                    continue;
                }
                let stale = read_owner(&mut existing).unwrap_or_else(unknown_owner);
                return match install(&path, now, true) {
                    Ok(Some(lock)) => match with_inode(lock, project) {
                        Outcome::Acquired(lock) => Outcome::TookOverStale(lock, stale),
                        other => other,
                    },
                    Ok(None) => continue,
                    Err(e) => unavailable(&e),
                };
            }
        }
    }
    Outcome::Unavailable("锁文件一直在变化，请稍后再试".into())
}

/// Takes the lock even though another process holds it (the user chose
/// to): a new lock file with a new token replaces the old one, and the old
/// holder's next save finds that it may no longer write.
pub fn take_over(project: &Path, now: &str) -> Outcome {
    match install(&path_for(project), now, true) {
        // The old holder keeps the project's inode locked until it ends;
        // that lock only guards against other names, so it is not needed.
        Ok(Some(lock)) => Outcome::Acquired(lock),
        Ok(None) => acquire(project, now),
        Err(e) => unavailable(&e),
    }
}

fn unavailable(e: &io::Error) -> Outcome {
    Outcome::Unavailable(crate::storage::io_problem(e))
}

fn unknown_owner() -> Owner {
    Owner {
        pid: 0,
        user: "?".into(),
        host: "?".into(),
        since: "?".into(),
        token: String::new(),
    }
}

/// Writes a complete, OS-locked lock file under a temporary name and puts
/// it at `path`: replacing what is there (`replace`), or only if nothing is
/// (`Ok(None)` when something appeared meanwhile).
fn install(path: &Path, now: &str, replace: bool) -> io::Result<Option<Lock>> {
    // Named after the lock file and OS-locked from its creation, like every
    // temp file ziping makes: one a kill left behind is removed the next
    // time (see `acquire`). Others on the server may read who has the file.
    let mut temp = crate::storage::locked_temp_beside(path, 0o644)?;
    let token = token(temp.path());
    let json = serde_json::to_string(&Owner::me(now, token.clone())).unwrap_or_default();
    // No fsync: a lock that does not survive a power cut is harmless (the
    // process it names is gone too), and the sync would slow every start.
    temp.write_all(json.as_bytes())?;
    let placed = if replace {
        temp.persist(path).map_err(|e| e.error)?
    } else {
        match temp.persist_noclobber(path) {
            Ok(file) => file,
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => return Ok(None),
            Err(e) => return Err(e.error),
        }
    };
    Ok(Some(Lock {
        path: path.to_path_buf(),
        token,
        _file: placed,
        _inode: None,
    }))
}

/// A token no other lock has: this process, the time, and the random part
/// of the temporary file's name.
fn token(temp: &Path) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let random = temp
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    format!("{}-{nanos:x}-{random}", std::process::id())
}

/// Whether two open files are one file.
fn same_file(a: &File, b: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (a.metadata(), b.metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Whether `file` is still what `path` names (not replaced meanwhile).
fn same_inode(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Locks the project file itself as it is now; if another ziping has it
/// under another name, gives the new lock up again.
fn with_inode(mut lock: Lock, project: &Path) -> Outcome {
    let Ok(file) = File::open(project) else {
        // A project not written yet (save as) has no inode to lock.
        return Outcome::Acquired(lock);
    };
    match file.try_lock() {
        Ok(()) => {
            lock._inode = Some(file);
            Outcome::Acquired(lock)
        }
        Err(TryLockError::WouldBlock) => Outcome::Held(Holder::OtherName),
        // A file system without OS locks: the lock file still works.
        Err(TryLockError::Error(_)) => Outcome::Acquired(lock),
    }
}

/// How many names (hard links) the project file has; saving replaces the
/// file under this one only, so the others keep the old text.
pub fn link_count(project: &Path) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(project).map(|m| m.nlink()).unwrap_or(1)
    }
    #[cfg(not(unix))]
    {
        let _ = project;
        1
    }
}

#[cfg(test)]
#[path = "lock_tests.rs"]
mod tests;
