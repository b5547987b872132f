//! What ziping remembers between sessions, in the data directory and never
//! in a project file: the recently opened projects (`recent.json`, for the
//! start screen) and where each project was last exported to
//! (`exports.json`, for Ctrl-E). Failing to read or write them never gets
//! in the way.

use std::path::{Path, PathBuf};

use crate::storage;

const FILE: &str = "recent.json";
const KEEP: usize = 10;
const EXPORTS: &str = "exports.json";
/// Projects whose last export is remembered.
const KEEP_EXPORTS: usize = 100;

/// Recent projects that still exist, most recent first.
pub fn load(data_dir: Option<&Path>) -> Vec<PathBuf> {
    let Some(path) = data_dir.map(|d| d.join(FILE)) else {
        return Vec::new();
    };
    let list: Vec<PathBuf> = read(&path);
    list.into_iter().filter(|p| p.is_file()).collect()
}

/// Puts `project` first in the list.
pub fn remember(data_dir: Option<&Path>, project: &Path) {
    let Some(dir) = data_dir else {
        return;
    };
    let project = canonical(project);
    let mut list = load(Some(dir));
    list.retain(|p| *p != project);
    list.insert(0, project);
    list.truncate(KEEP);
    write(dir, FILE, &list);
}

/// Where `project` was last exported to from the editor (its name says
/// the format), if anywhere.
pub fn last_export(data_dir: Option<&Path>, project: &Path) -> Option<PathBuf> {
    let project = canonical(project);
    exports(data_dir?)
        .into_iter()
        .find(|(p, _)| *p == project)
        .map(|(_, target)| target)
}

/// Remembers `target` as `project`'s last export.
pub fn remember_export(data_dir: Option<&Path>, project: &Path, target: &Path) {
    let Some(dir) = data_dir else {
        return;
    };
    let project = canonical(project);
    let mut list = exports(dir);
    list.retain(|(p, _)| *p != project);
    list.insert(0, (project, target.to_path_buf()));
    list.truncate(KEEP_EXPORTS);
    write(dir, EXPORTS, &list);
}

fn exports(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    read(&dir.join(EXPORTS))
}

/// A list kept in the data directory; empty when missing or unreadable
/// (it is only a convenience).
fn read<T: serde::de::DeserializeOwned + Default>(path: &Path) -> T {
    storage::read_text(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn write(dir: &Path, name: &str, value: &impl serde::Serialize) {
    if storage::create_private_dir(dir).is_ok()
        && let Ok(json) = serde_json::to_string_pretty(value)
    {
        // Best effort, and not fsynced (start-up time matters more than a
        // list like this surviving a power cut); written through a temp
        // file so a reader never sees half a list, and private from its
        // creation: it names the files opened.
        let temp = dir.join(format!(".{name}.{}", std::process::id()));
        let _ = std::fs::remove_file(&temp);
        if storage::create_private_file(&temp)
            .and_then(|mut file| std::io::Write::write_all(&mut file, json.as_bytes()))
            .is_ok()
        {
            let _ = std::fs::rename(&temp, dir.join(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates_or_missing_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::fs::write(&a, "{}").expect("write");
        std::fs::write(&b, "{}").expect("write");
        remember(Some(dir.path()), &a);
        remember(Some(dir.path()), &b);
        remember(Some(dir.path()), &a);
        let list = load(Some(dir.path()));
        assert_eq!(
            list,
            vec![a.canonicalize().expect("a"), b.canonicalize().expect("b")]
        );
        std::fs::remove_file(&b).expect("remove");
        assert_eq!(load(Some(dir.path())).len(), 1);
    }

    #[test]
    fn each_projects_last_export_is_remembered_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = Some(dir.path());
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        for p in [&a, &b] {
            std::fs::write(p, "{}").expect("write");
        }
        assert_eq!(last_export(data, &a), None);
        remember_export(data, &a, &dir.path().join("a.docx"));
        remember_export(data, &b, &dir.path().join("b.md"));
        remember_export(data, &a, &dir.path().join("报告.docx"));
        assert_eq!(last_export(data, &a), Some(dir.path().join("报告.docx")));
        assert_eq!(last_export(data, &b), Some(dir.path().join("b.md")));
        assert_eq!(exports(dir.path()).len(), 2, "one entry a project");
        assert_eq!(last_export(None, &a), None);
    }
}
