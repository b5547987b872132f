//! The temp files of the atomic writes. Each is named after the file it
//! will replace (`.report.json.ziping-Ab3xY9.tmp`, the backup being staged
//! `.report.json.ziping-bak-Ab3xY9.tmp`) and held under an exclusive
//! `flock` while it is written, so a save killed midway leaves a file that
//! says whose it is, and the next open can tell it from one being written
//! right now — the killed process's lock went with it — and remove it.
//!
//! A leaf: the rest of `storage` uses it, it uses nothing of theirs.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// Between the project's name and the random part.
const MARK: &str = ".ziping-";
/// After the mark, for the backup being staged.
const BACKUP_MARK: &str = "bak-";
const SUFFIX: &str = ".tmp";
/// Letters and digits, tempfile's alphabet; fixed so the cleaner matches
/// only names ziping makes.
const RANDOM: usize = 6;
/// A fresh name is taken again when a cleaner got to the last one first
/// (see [`hold`]); more than a couple of rounds means something else is
/// wrong.
const ATTEMPTS: usize = 4;

/// What a temp file will become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// The new text of the file.
    Text,
    /// The current version, staged to become `NAME.bak`.
    Backup,
}

pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The most of a file's name that goes into the name of a file made
/// after it (its temps, its lock): 255 bytes is all a name may have, and
/// the marks around it take up to 24.
pub const NAME_BUDGET: usize = 200;

/// `name`, or, when longer than `budget` bytes, as much of it as fits (cut
/// at a character) with a hash of the whole name, so two long names that
/// begin alike still make different names.
pub fn fit_name(name: &str, budget: usize) -> String {
    if name.len() <= budget {
        return name.to_string();
    }
    let hash = format!("~{:08x}", crate::fingerprint::fnv1a(name.as_bytes()) as u32);
    let mut cut = budget.saturating_sub(hash.len());
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{hash}", &name[..cut])
}

fn prefix(target: &Path, purpose: Purpose) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    prefix.push(fit_name(&name, NAME_BUDGET));
    prefix.push(MARK);
    if purpose == Purpose::Backup {
        prefix.push(BACKUP_MARK);
    }
    prefix
}

/// A new file beside `target`, named after it, created exclusively (so a
/// link planted at the name is never followed) with `mode`, and locked.
pub(crate) fn create(
    target: &Path,
    purpose: Purpose,
    mode: u32,
) -> io::Result<tempfile::NamedTempFile> {
    create_with(target, purpose, |path| {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        options.open(path)
    })
}

/// Like [`create`], the file being whatever `make` puts at the name it is
/// given (a hard link, say); `make` must fail if the name is taken.
pub(crate) fn create_with(
    target: &Path,
    purpose: Purpose,
    mut make: impl FnMut(&Path) -> io::Result<File>,
) -> io::Result<tempfile::NamedTempFile> {
    let prefix = prefix(target, purpose);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(SUFFIX).rand_bytes(RANDOM);
    for _ in 0..ATTEMPTS {
        let temp = builder.make_in(parent_dir(target), &mut make)?;
        if hold(&temp) {
            return Ok(temp);
        }
        // A cleaner took it first and removes it; whatever is at the name
        // now is not ours to remove.
        let _ = temp.into_temp_path().keep();
    }
    Err(io::Error::other("临时文件一再被其他进程清理"))
}

/// Locks a fresh temp file. False when another process (a cleaner that
/// found it between its creation and this lock) has it, or already removed
/// it from under its name. A file system without `flock` leaves it
/// unlocked, and held: a cleaner cannot lock it either, so keeps it.
fn hold(temp: &tempfile::NamedTempFile) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        match flock(temp.as_file(), FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => still_named(temp.as_file(), temp.path()),
            Err(rustix::io::Errno::WOULDBLOCK) => false,
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = temp;
        true
    }
}

/// Whether `path` (not followed if a link) is the file open as `file`.
#[cfg(unix)]
fn still_named(file: impl std::os::fd::AsFd, path: &Path) -> bool {
    use rustix::fs::{AtFlags, CWD, fstat, statat};
    match (fstat(file), statat(CWD, path, AtFlags::SYMLINK_NOFOLLOW)) {
        (Ok(open), Ok(named)) => open.st_dev == named.st_dev && open.st_ino == named.st_ino,
        _ => false,
    }
}

/// The name of the file `file` is a temp file of, if it is one:
/// `.NAME.ziping-XXXXXX.tmp` or `.NAME.ziping-bak-XXXXXX.tmp` → `NAME`.
fn temp_target(file: &OsStr) -> Option<&[u8]> {
    let file = file.as_encoded_bytes().strip_prefix(b".")?;
    let rest = file.strip_suffix(SUFFIX.as_bytes())?;
    let random_at = rest.len().checked_sub(RANDOM)?;
    let (head, random) = rest.split_at(random_at);
    if !random.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let head = head.strip_suffix(BACKUP_MARK.as_bytes()).unwrap_or(head);
    head.strip_suffix(MARK.as_bytes())
}

/// Removes the temp files a killed save of `project` left beside it: those
/// named after it that nobody holds locked. Only regular files of this
/// user's are touched, never through a link, and never another file's
/// temps. Best effort: what cannot be looked at is left. Returns the paths
/// removed.
pub fn clean_stale_temps(project: &Path) -> Vec<PathBuf> {
    // Temps are made beside the file a link points at.
    let target = fs::canonicalize(project).unwrap_or_else(|_| project.to_path_buf());
    let Some(name) = target.file_name() else {
        return Vec::new();
    };
    let name = fit_name(&name.to_string_lossy(), NAME_BUDGET);
    clean_stale_temps_in(parent_dir(&target), |of| of == name.as_bytes())
}

/// Like [`clean_stale_temps`], for the temps in `dir` of every file whose
/// name `wanted` takes (the recovery copies of one project, any session's).
pub fn clean_stale_temps_in(dir: &Path, wanted: impl Fn(&[u8]) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| temp_target(&entry.file_name()).is_some_and(&wanted))
        .map(|entry| entry.path())
        .filter(|path| remove_if_stale(path))
        .collect()
}

#[cfg(unix)]
fn remove_if_stale(path: &Path) -> bool {
    use rustix::fs::{FileType, FlockOperation, Mode, OFlags, flock, fstat, open};
    // Not following a link, not waiting on a FIFO, never becoming a
    // controlling terminal: only the file itself is looked at.
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
    let Ok(fd) = open(path, flags | OFlags::CLOEXEC, Mode::empty()) else {
        return false;
    };
    let Ok(stat) = fstat(&fd) else {
        return false;
    };
    let mine = stat.st_uid == rustix::process::getuid().as_raw();
    if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile || !mine {
        return false;
    }
    // Held: a save is writing it now. Any other failure: cannot tell.
    if flock(&fd, FlockOperation::NonBlockingLockExclusive).is_err() {
        return false;
    }
    still_named(&fd, path) && fs::remove_file(path).is_ok()
}

/// Without `flock` a temp being written cannot be told from a stale one,
/// so none is removed.
#[cfg(not(unix))]
fn remove_if_stale(_: &Path) -> bool {
    false
}

// flock, links and modes are what is tested: Unix only.
#[cfg(test)]
mod tests {
    #[cfg(unix)]
    use super::*;

    /// The file names, sorted: the paths cleaned are the canonical ones.
    #[cfg(unix)]
    fn names(paths: Vec<PathBuf>) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = paths
            .iter()
            .filter_map(|p| p.file_name().map(OsStr::to_owned))
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    fn locked_elsewhere(path: &Path) -> bool {
        use rustix::fs::{FlockOperation, flock};
        let file = File::open(path).expect("open");
        flock(&file, FlockOperation::NonBlockingLockExclusive) == Err(rustix::io::Errno::WOULDBLOCK)
    }

    #[cfg(unix)]
    #[test]
    fn a_temp_is_named_after_its_file_and_locked_while_it_lives() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("报告.json");
        let temp = create(&target, Purpose::Text, 0o600).expect("creates");
        let name = temp.path().file_name().expect("name").to_owned();
        assert_eq!(temp_target(&name), Some("报告.json".as_bytes()), "{name:?}");
        assert!(locked_elsewhere(temp.path()));
        assert!(clean_stale_temps(&target).is_empty(), "a held temp stays");
        assert!(temp.path().exists());
        let staged = create(&target, Purpose::Backup, 0o600).expect("creates");
        let name = staged.path().file_name().expect("name").to_owned();
        assert!(name.to_string_lossy().starts_with(".报告.json.ziping-bak-"));
        assert_eq!(temp_target(&name), Some("报告.json".as_bytes()), "{name:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_temp_a_cleaner_removed_before_it_was_locked_is_made_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("a.json");
        let mut made = 0;
        let temp = create_with(&target, Purpose::Text, |path| {
            made += 1;
            let file = File::create_new(path)?;
            if made == 1 {
                // What a cleaner does between the creation and the lock.
                fs::remove_file(path)?;
            }
            Ok(file)
        })
        .expect("creates");
        assert_eq!(made, 2);
        assert!(temp.path().exists() && locked_elsewhere(temp.path()));
    }

    #[cfg(unix)]
    #[test]
    fn only_this_projects_unlocked_temps_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        let project = d.join("report.json");
        fs::write(&project, "{}").expect("write");
        let write = |name: &str| {
            let path = d.join(name);
            fs::write(&path, "a killed save's text").expect("write");
            path
        };
        let stale = write(".report.json.ziping-Ab3xY9.tmp");
        let staged = write(".report.json.ziping-bak-Zz09aQ.tmp");
        let busy = write(".report.json.ziping-Busy42.tmp");
        let held = File::open(&busy).expect("open");
        rustix::fs::flock(&held, rustix::fs::FlockOperation::LockExclusive).expect("lock");
        let kept = [
            write(".other.json.ziping-Ab3xY9.tmp"),
            write(".report.json.bak.ziping-Ab3xY9.tmp"),
            write(".report.json.ziping-toolong1.tmp"),
            write(".report.json.ziping-Ab3x-9.tmp"),
            write("report.json.ziping-Ab3xY9.tmp"),
            busy.clone(),
        ];
        let victim = write("victim.txt");
        let link = d.join(".report.json.ziping-Link00.tmp");
        std::os::unix::fs::symlink(&victim, &link).expect("link");
        let folder = d.join(".report.json.ziping-Dir000.tmp");
        fs::create_dir(&folder).expect("mkdir");

        assert_eq!(
            names(clean_stale_temps(&project)),
            names(vec![stale.clone(), staged.clone()])
        );
        assert!(!stale.exists() && !staged.exists());
        for path in kept.iter().chain([&victim, &project, &folder]) {
            assert!(path.exists(), "{} kept", path.display());
        }
        assert!(fs::symlink_metadata(&link).is_ok(), "a link is not touched");
        assert_eq!(
            fs::read_to_string(&victim).expect("read"),
            "a killed save's text"
        );
        // Once its writer is gone, the busy one is stale too.
        drop(held);
        assert_eq!(names(clean_stale_temps(&project)), names(vec![busy]));
    }

    #[cfg(unix)]
    #[test]
    fn a_project_opened_through_a_link_is_cleaned_beside_its_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real");
        fs::create_dir(&real).expect("mkdir");
        fs::write(real.join("a.json"), "{}").expect("write");
        let stale = real.join(".a.json.ziping-000000.tmp");
        fs::write(&stale, "x").expect("write");
        let link = dir.path().join("b.json");
        std::os::unix::fs::symlink(real.join("a.json"), &link).expect("link");
        assert_eq!(names(clean_stale_temps(&link)), names(vec![stale.clone()]));
        assert!(!stale.exists());
    }
}
