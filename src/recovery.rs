//! Recovery copies: while a project has unsaved changes, the whole project is
//! written to `<data dir>/recovery/` a moment after typing pauses, every few
//! hundred keystrokes, and on any abnormal exit (SSH drop, kill, panic). A
//! successful save or an explicit discard removes it.
//!
//! The copy lives in the user's data directory rather than beside the file:
//! it is always writable (the project's directory may not be), and on a
//! shared server other users do not see someone's unsaved draft.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fingerprint::fnv1a;
use crate::model::format_error::FormatError;
use crate::model::project::Project;
use crate::storage::{self, LoadError};

const FORMAT: &str = "ziping-recovery";

/// A recovery copy as stored: the project and where and when it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub format: String,
    /// The project file this is a copy of (absolute path).
    pub file: PathBuf,
    /// When it was written (RFC 3339, UTC).
    pub written: String,
    pub pid: u32,
    pub project: Project,
}

/// Where the recovery copy of `project_file` lives. The name keeps the file
/// stem (to be recognisable) plus a hash of the absolute path (to be unique).
pub fn location(data_dir: Option<&Path>, project_file: &Path) -> PathBuf {
    let absolute = absolute(project_file);
    let stem = absolute
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = format!(
        "{stem}-{:016x}.json",
        fnv1a(absolute.to_string_lossy().as_bytes())
    );
    match data_dir {
        Some(dir) => dir.join("recovery").join(name),
        None => absolute.with_file_name(format!(".{name}.ziping-recovery")),
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

/// A place beside `location`, unused, for the copies of a session that set
/// its earlier text aside at `location` (`Document::reload`): that text stays
/// as written, for the next open and `ziping recover`, while the session's
/// later edits (and its save, which removes its own copy) go here.
pub fn fresh_beside(location: &Path) -> PathBuf {
    let stem = location
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let ext = location
        .extension()
        .map(|e| e.to_string_lossy().to_string())
        .unwrap_or_default();
    let pid = std::process::id();
    (1..)
        .map(|n| location.with_file_name(format!("{stem}.{pid}-{n}.{ext}")))
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| location.to_path_buf())
}

/// Writes the copy atomically and durably.
pub fn write(
    location: &Path,
    project_file: &Path,
    project: &Project,
    now: &str,
) -> Result<(), LoadError> {
    if let Some(dir) = location.parent() {
        storage::create_private_dir(dir)
            .map_err(|e| LoadError::new(dir, storage::io_problem(&e)))?;
    }
    let copy = Snapshot {
        format: FORMAT.to_string(),
        file: absolute(project_file),
        written: now.to_string(),
        pid: std::process::id(),
        project: project.clone(),
    };
    let json = serde_json::to_string_pretty(&copy).unwrap_or_default();
    // The copy holds the report's text: for its owner's eyes only.
    storage::write_private(location, json.as_bytes())
}

/// The copy at `location`, if there is one.
pub fn read(location: &Path) -> Result<Option<Snapshot>, LoadError> {
    if !location.exists() {
        return Ok(None);
    }
    let text = storage::read_text(location)?;
    let copy: Snapshot =
        FormatError::deserialize(&text).map_err(|e| LoadError::new(location, e.to_string()))?;
    if copy.format != FORMAT {
        return Err(LoadError::new(location, "这不是 ziping 恢复文件"));
    }
    Ok(Some(copy))
}

/// Removes the copy; a missing one is fine.
pub fn remove(location: &Path) {
    // Nothing to do if it is already gone; any other failure only leaves a
    // stale copy that the next open offers again.
    let _ = fs::remove_file(location);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn round_trip_and_location_is_stable_per_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("报告.json");
        let a = location(Some(dir.path()), &file);
        assert_eq!(
            a,
            location(Some(dir.path()), &dir.path().join(".").join("报告.json"))
        );
        assert_ne!(
            a,
            location(Some(dir.path()), &dir.path().join("other.json"))
        );
        assert!(
            a.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("报告-"))
        );
        let mut project = catalog::new_project("hunan-form");
        project.set("contact", crate::model::project::Entry::Text("张三".into()));
        write(&a, &file, &project, "2026-01-01T00:00:00Z").expect("write");
        let copy = read(&a).expect("read").expect("exists");
        assert_eq!(copy.project, project);
        assert_eq!(copy.file, absolute(&file));
        remove(&a);
        assert!(read(&a).expect("read").is_none());
    }
}
