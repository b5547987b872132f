//! Where templates come from: the ones built into the binary and the user's
//! own JSON files in `<config dir>/templates/`. A user template with the id of
//! a built-in one replaces it, so a province's variant needs no rebuild.

use std::path::{Path, PathBuf};

use crate::model::project::Project;
use crate::model::schema::Template;
use crate::model::validate::load_template;
use crate::storage::{self, LoadError};

/// The built-in templates' JSON, embedded at build time.
const BUILTIN: [(&str, &str); 7] = [
    (
        "hunan-narrative.json",
        include_str!("../templates/hunan-narrative.json"),
    ),
    (
        "hunan-form.json",
        include_str!("../templates/hunan-form.json"),
    ),
    (
        "project-selfeval.json",
        include_str!("../templates/project-selfeval.json"),
    ),
    (
        "dept-selfeval.json",
        include_str!("../templates/dept-selfeval.json"),
    ),
    (
        "project-selfeval-split.json",
        include_str!("../templates/project-selfeval-split.json"),
    ),
    (
        "dept-common-indicators.json",
        include_str!("../templates/dept-common-indicators.json"),
    ),
    (
        "dept-score-only.json",
        include_str!("../templates/dept-score-only.json"),
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    User(PathBuf),
}

/// A template that can be used, and where it came from.
#[derive(Debug, Clone)]
pub struct Available {
    pub template: Template,
    pub origin: Origin,
}

/// All templates available, and the user files that could not be loaded
/// (reported, never fatal: one broken file must not hide the others).
pub fn load(user_dir: Option<&Path>) -> (Vec<Available>, Vec<LoadError>) {
    let mut entries: Vec<Available> = BUILTIN
        .iter()
        // A broken built-in is caught by a test; skipping it beats refusing
        // to start.
        .filter_map(|(_, json)| load_template(json).ok())
        .map(|template| Available {
            template,
            origin: Origin::Builtin,
        })
        .collect();
    let mut errors = Vec::new();
    for path in user_files(user_dir) {
        match storage::read_template(&path) {
            Ok(template) => {
                entries.retain(|e| e.template.id != template.id);
                entries.push(Available {
                    template,
                    origin: Origin::User(path),
                });
            }
            Err(e) => errors.push(e),
        }
    }
    (entries, errors)
}

fn user_files(dir: Option<&Path>) -> Vec<PathBuf> {
    let Some(Ok(read)) = dir.map(std::fs::read_dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// One template file loaded as `load` loads each user file, for
/// `ziping templates --check`: the one place it loads a file, so that
/// whatever `load` comes to do with a file (resolving a base) is done here
/// too.
pub fn load_file(path: &Path) -> Result<Template, LoadError> {
    storage::read_template(path)
}

/// The template with `id`, or a message listing the ones there are.
pub fn find(entries: &[Available], id: &str) -> Result<Template, String> {
    entries
        .iter()
        .find(|e| e.template.id == id)
        .map(|e| e.template.clone())
        .ok_or_else(|| {
            let ids: Vec<&str> = entries.iter().map(|e| e.template.id.as_str()).collect();
            format!("没有 id 为 \"{id}\" 的模板；可用的模板：{}", ids.join("、"))
        })
}

/// A template (built-in or in `templates_dir`) with the project's template
/// id and a higher version, if there is one. A user template replaces the
/// built-in one of its id (see [`load`]), so its version is the one compared.
///
/// This runs every time a file is opened, so only the `id` and `version` of
/// each template are read; the one that is newer is then loaded in full
/// (and checked). Files that cannot be read are passed over, as in [`load`].
pub fn newer_template(project: &Project, templates_dir: Option<&Path>) -> Option<Template> {
    #[derive(serde::Deserialize)]
    struct Head {
        id: String,
        version: u32,
    }
    let current = &project.template;
    let same_id = |text: &str| {
        serde_json::from_str::<Head>(text)
            .ok()
            .filter(|head| head.id == current.id)
    };
    // As in `load`: the last user file of this id wins, then the built-in
    // one; a file that cannot be read, or a newer one that does not load,
    // is passed over. Only a newer one is loaded (and checked) in full.
    let users = user_files(templates_dir)
        .into_iter()
        .rev()
        .filter_map(|path| storage::read_text(&path).ok());
    let builtins = BUILTIN.iter().map(|(_, json)| json.to_string());
    let newer = users
        .chain(builtins)
        .filter_map(|text| Some((same_id(&text)?, text)))
        .find_map(|(head, text)| {
            if head.version <= current.version {
                return Some(None);
            }
            load_template(&text).ok().map(Some)
        })
        .flatten()?;
    // A project made after the template last changed carries the same
    // template under the old number: nothing to offer.
    let renumbered = Template {
        version: current.version,
        ..newer.clone()
    };
    (renumbered != *current).then_some(newer)
}

/// A built-in template by id, for tests.
#[cfg(test)]
pub(crate) fn builtin(id: &str) -> Template {
    let (entries, _) = load(None);
    find(&entries, id).unwrap_or_else(|e| panic!("{e}"))
}

/// A new project from a built-in template, for tests.
#[cfg(test)]
pub(crate) fn new_project(id: &str) -> Project {
    Project::new(builtin(id), "2026-01-01T00:00:00Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_loads() {
        for (name, json) in BUILTIN {
            load_template(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let (entries, errors) = load(None);
        assert_eq!(entries.len(), BUILTIN.len());
        assert!(errors.is_empty());
    }

    #[test]
    fn user_templates_add_and_override_and_broken_ones_are_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let own = BUILTIN[0].1.replace("\"hunan-narrative\"", "\"my-county\"");
        std::fs::write(dir.path().join("mine.json"), own).expect("write");
        std::fs::write(dir.path().join("broken.json"), "{").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "ignored").expect("write");
        let (entries, errors) = load(Some(dir.path()));
        assert!(entries.iter().any(|e| e.template.id == "my-county"));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("broken.json"));
        assert!(find(&entries, "nope").is_err_and(|m| m.contains("hunan-form")));
    }

    #[test]
    fn a_newer_template_is_found_by_id_and_version() {
        let mut project = new_project("hunan-form");
        assert!(newer_template(&project, None).is_none(), "same version");
        project.template.version = 1;
        assert!(
            newer_template(&project, None).is_none(),
            "the same template under an older number is nothing to offer"
        );
        project.template.checks.clear();
        let newer = newer_template(&project, None).map(|t| (t.id, t.version));
        assert_eq!(newer, Some(("hunan-form".to_string(), 2)));
        // A newer user file that does not load does not hide the built-in.
        let dir = tempfile::tempdir().expect("tempdir");
        let broken = r#"{"format":"ziping-template","id":"hunan-form","version":9,
            "name":"坏","title":[],"sections":[]}"#;
        std::fs::write(dir.path().join("mine.json"), broken).expect("write");
        let newer = newer_template(&project, Some(dir.path())).map(|t| t.version);
        assert_eq!(newer, Some(2));
        project.template.id = "my-county".into();
        assert!(newer_template(&project, None).is_none(), "no such id");
    }
}
