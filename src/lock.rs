//! One writer per project. A lock file beside the project (visible to every
//! user of a shared server) says who has it open: pid, user, host, since
//! when. A lock whose process is gone (same host, no such pid) is stale and
//! taken over; a live one is reported so the user can open read-only or take
//! over.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::recovery::absolute;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub pid: u32,
    pub user: String,
    pub host: String,
    /// RFC 3339, UTC.
    pub since: String,
}

impl Owner {
    pub fn me(now: &str) -> Owner {
        Owner {
            pid: std::process::id(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("LOGNAME"))
                .unwrap_or_else(|_| "?".into()),
            host: hostname(),
            since: now.to_string(),
        }
    }

    /// Whether the owning process still runs. Only answerable on this host;
    /// a lock from another machine is assumed live.
    pub fn is_alive(&self) -> bool {
        if self.host != hostname() {
            return true;
        }
        if self.pid == std::process::id() {
            return true;
        }
        process_running(self.pid)
    }

    /// `张三@server（进程 1234，自 2026-… 起）`.
    pub fn describe(&self) -> String {
        format!(
            "{}@{}（进程 {}，自 {} 起）",
            self.user, self.host, self.pid, self.since
        )
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

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove our own lock: someone may have taken it over.
        if read_owner(&self.path)
            .is_some_and(|o| o.pid == std::process::id() && o.host == hostname())
        {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug)]
pub enum Outcome {
    /// The lock is ours.
    Acquired(Lock),
    /// Ours, after removing a lock whose process had died.
    TookOverStale(Lock, Owner),
    /// Another live ziping has the file.
    Held(Owner),
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
    absolute.with_file_name(format!(".{name}.ziping-lock"))
}

fn read_owner(path: &Path) -> Option<Owner> {
    serde_json::from_str(&fs::read_to_string(path).ok()?).ok()
}

/// Tries to take the lock of `project`.
pub fn acquire(project: &Path, now: &str) -> Outcome {
    let path = path_for(project);
    match create(&path, now) {
        Ok(lock) => Outcome::Acquired(lock),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => match read_owner(&path) {
            Some(owner) if owner.is_alive() => Outcome::Held(owner),
            stale => {
                let _ = fs::remove_file(&path);
                let owner = stale.unwrap_or_else(|| Owner {
                    pid: 0,
                    user: "?".into(),
                    host: "?".into(),
                    since: "?".into(),
                });
                match create(&path, now) {
                    Ok(lock) => Outcome::TookOverStale(lock, owner),
                    Err(e) => Outcome::Unavailable(e.to_string()),
                }
            }
        },
        Err(e) => Outcome::Unavailable(crate::storage::io_problem(&e)),
    }
}

/// Takes the lock even though another process holds it (the user chose to).
pub fn take_over(project: &Path, now: &str) -> Outcome {
    let _ = fs::remove_file(path_for(project));
    acquire(project, now)
}

fn create(path: &Path, now: &str) -> std::io::Result<Lock> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let json = serde_json::to_string(&Owner::me(now)).unwrap_or_default();
    // No fsync: a lock that does not survive a power cut is harmless (the
    // process it names is gone too), and the sync would slow every start.
    file.write_all(json.as_bytes())?;
    Ok(Lock {
        path: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_acquire_sees_the_holder_and_stale_locks_are_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("p.json");
        let Outcome::Acquired(lock) = acquire(&project, "t1") else {
            panic!("first acquire")
        };
        match acquire(&project, "t2") {
            Outcome::Held(owner) => assert_eq!(owner.pid, std::process::id()),
            other => panic!("expected Held, got {other:?}"),
        }
        drop(lock);
        assert!(!path_for(&project).exists(), "released on drop");
        // A lock left by a process that no longer exists.
        let dead = Owner {
            pid: u32::MAX - 1,
            user: "x".into(),
            host: hostname(),
            since: "t0".into(),
        };
        fs::write(
            path_for(&project),
            serde_json::to_string(&dead).expect("json"),
        )
        .expect("write");
        match acquire(&project, "t3") {
            Outcome::TookOverStale(_, owner) => assert_eq!(owner, dead),
            other => panic!("expected take-over, got {other:?}"),
        }
    }
}
