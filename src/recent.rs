//! The recently opened projects, kept in `<data dir>/recent.json` for the
//! start screen. Failing to read or write it never gets in the way.

use std::path::{Path, PathBuf};

use crate::storage;

const FILE: &str = "recent.json";
const KEEP: usize = 10;

/// Recent projects that still exist, most recent first.
pub fn load(data_dir: Option<&Path>) -> Vec<PathBuf> {
    let Some(path) = data_dir.map(|d| d.join(FILE)) else {
        return Vec::new();
    };
    let list: Vec<PathBuf> = storage::read_text(&path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    list.into_iter().filter(|p| p.is_file()).collect()
}

/// Puts `project` first in the list.
pub fn remember(data_dir: Option<&Path>, project: &Path) {
    let Some(dir) = data_dir else {
        return;
    };
    let project = project
        .canonicalize()
        .unwrap_or_else(|_| project.to_path_buf());
    let mut list = load(Some(dir));
    list.retain(|p| *p != project);
    list.insert(0, project);
    list.truncate(KEEP);
    if storage::create_private_dir(dir).is_ok()
        && let Ok(json) = serde_json::to_string_pretty(&list)
    {
        // Best effort, and not fsynced (start-up time matters more than a
        // recent-files list surviving a power cut); written through a temp
        // file so a reader never sees half a list, and private from its
        // creation: it names the files opened.
        let temp = dir.join(format!(".{FILE}.{}", std::process::id()));
        let _ = std::fs::remove_file(&temp);
        if storage::create_private_file(&temp)
            .and_then(|mut file| std::io::Write::write_all(&mut file, json.as_bytes()))
            .is_ok()
        {
            let _ = std::fs::rename(&temp, dir.join(FILE));
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
}
