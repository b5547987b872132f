//! Where templates come from: the ones built into the binary and the user's
//! own JSON files in `<config dir>/templates/`. A user template with the id of
//! a built-in one replaces it, so a province's variant needs no rebuild.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::format_error::FormatError;
use crate::model::inherit::merge;
use crate::model::project::Project;
use crate::model::repeat::with_instances;
use crate::model::schema::Template;
use crate::model::validate::load_template;
use crate::storage::{self, LoadError};

/// The built-in templates' JSON, embedded at build time, each under its id
/// (a test holds them to it): a lookup by id reads the table, not the JSON,
/// so opening a file reads only the template it asks for, where it read
/// and copied all ten (125 KB) to learn their ids.
const BUILTIN: [(&str, &str); 10] = [
    (
        "hunan-narrative",
        include_str!("../templates/hunan-narrative.json"),
    ),
    ("hunan-form", include_str!("../templates/hunan-form.json")),
    (
        "project-selfeval",
        include_str!("../templates/project-selfeval.json"),
    ),
    (
        "dept-selfeval",
        include_str!("../templates/dept-selfeval.json"),
    ),
    (
        "project-selfeval-split",
        include_str!("../templates/project-selfeval-split.json"),
    ),
    (
        "dept-common-indicators",
        include_str!("../templates/dept-common-indicators.json"),
    ),
    (
        "dept-score-only",
        include_str!("../templates/dept-score-only.json"),
    ),
    (
        "project-report",
        include_str!("../templates/project-report.json"),
    ),
    ("dept-report", include_str!("../templates/dept-report.json")),
    (
        "unit-projects",
        include_str!("../templates/unit-projects.json"),
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
/// A template that inherits another is resolved here (see [`resolve`]) and
/// then checked as a whole, so what is available is always a whole template.
pub fn load(user_dir: Option<&Path>) -> (Vec<Available>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let mut users = Vec::new();
    for path in user_files(user_dir) {
        match storage::read_text(&path) {
            Ok(text) => users.push((path, text)),
            Err(e) => errors.push(e),
        }
    }
    let sources = Sources::new(users.iter().map(|(_, text)| text.clone()).collect());
    let mut entries: Vec<Available> = (0..BUILTIN.len())
        // A broken built-in is caught by a test; skipping it beats refusing
        // to start.
        .filter_map(|i| sources.resolve(sources.builtin(i)).ok())
        .map(|template| Available {
            template,
            origin: Origin::Builtin,
        })
        .collect();
    for (i, (path, _)) in users.into_iter().enumerate() {
        match sources.resolve(sources.user(i)) {
            Ok(template) => {
                entries.retain(|e| e.template.id != template.id);
                entries.push(Available {
                    template,
                    origin: Origin::User(path),
                });
            }
            Err(e) => errors.push(LoadError::new(&path, e.to_string())),
        }
    }
    (entries, errors)
}

/// The texts a base is looked up in, in the order a lookup by id takes
/// them: the user files last to first (the last of an id wins, as in
/// [`load`]), then the built-in ones, borrowed.
struct Sources {
    texts: Vec<Cow<'static, str>>,
    users: usize,
}

impl Sources {
    fn new(users: Vec<String>) -> Self {
        let count = users.len();
        let mut texts: Vec<Cow<'static, str>> = users.into_iter().rev().map(Cow::Owned).collect();
        texts.extend(BUILTIN.iter().map(|(_, json)| Cow::Borrowed(*json)));
        Sources {
            texts,
            users: count,
        }
    }

    /// The id of the text at `at`: a user file's as its JSON says, if it
    /// is JSON with one; a built-in one's from the table.
    fn id(&self, at: usize) -> Option<Cow<'_, str>> {
        match at.checked_sub(self.users) {
            Some(i) => Some(Cow::Borrowed(BUILTIN[i].0)),
            None => id_of(&self.texts[at]).map(Cow::Owned),
        }
    }

    /// The place of the `i`th user file (in file order).
    fn user(&self, i: usize) -> usize {
        self.users - 1 - i
    }

    fn builtin(&self, i: usize) -> usize {
        self.users + i
    }

    /// The template at `at`, with what it inherits resolved, checked.
    fn resolve(&self, at: usize) -> Result<Template, FormatError> {
        let text = &self.texts[at];
        let inherits = serde_json::from_str::<Value>(text)
            .ok()
            .filter(|v| v.get("inherits").is_some());
        let Some(value) = inherits else {
            // Not an extension: checked as written, so errors keep their lines.
            return load_template(text);
        };
        let resolved = self.resolved(at, value, &mut Vec::new())?;
        load_template(&resolved.to_string()).map_err(|e| {
            FormatError::at_path(
                e.place,
                format!("{}（在合并了所继承的模板之后）", e.message),
            )
        })
    }

    /// The JSON of the template at `at` (already parsed as `value`) with its
    /// base merged in, recursively; `chain` holds the places being resolved,
    /// so a cycle is found.
    fn resolved(
        &self,
        at: usize,
        value: Value,
        chain: &mut Vec<usize>,
    ) -> Result<Value, FormatError> {
        let Some(base_id) = value.get("inherits").map(|v| v.as_str().unwrap_or("")) else {
            return Ok(value);
        };
        let own_id = value.get("id").and_then(Value::as_str).unwrap_or("");
        // A template inheriting its own id extends the one it replaces (a
        // user `project-selfeval` changing the built-in one).
        let from = if base_id == own_id { at + 1 } else { 0 };
        let Some(base_at) =
            (from..self.texts.len()).find(|&i| i != at && self.id(i).as_deref() == Some(base_id))
        else {
            let mut ids: Vec<Cow<str>> = Vec::new();
            for id in (0..self.texts.len()).filter_map(|i| self.id(i)) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            return Err(FormatError::at_path(
                "inherits",
                format!(
                    "模板 \"{own_id}\" 继承的模板 \"{base_id}\" 不存在；可用的模板：{}",
                    ids.join("、")
                ),
            ));
        };
        chain.push(at);
        if chain.contains(&base_at) {
            let mut names: Vec<Cow<str>> = chain.iter().filter_map(|&i| self.id(i)).collect();
            names.push(Cow::Borrowed(base_id));
            return Err(FormatError::at_path(
                "inherits",
                format!("inherits 形成了循环：{}", names.join(" → ")),
            ));
        }
        let base = FormatError::deserialize::<Value>(&self.texts[base_at])
            .and_then(|base| self.resolved(base_at, base, chain))
            .map_err(|e| {
                FormatError::at_path(
                    "inherits",
                    format!("模板 \"{own_id}\" 继承的模板 \"{base_id}\" 不能使用：{e}"),
                )
            })?;
        chain.pop();
        merge(&base, &value)
    }
}

/// The id of a template's text; an extension may leave its version to its
/// base, so only the id is read.
fn id_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    serde_json::from_str::<Id>(text).ok().map(|head| head.id)
}

/// The start of a template file: what a lookup by id needs.
#[derive(serde::Deserialize)]
struct Head {
    version: u32,
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
pub fn load_file(path: &Path, user_dir: Option<&Path>) -> Result<Template, LoadError> {
    let text = storage::read_text(path)?;
    // Its base may be a user template or a built-in; the file itself comes
    // last, so it is the one its id names.
    let mut users: Vec<String> = user_files(user_dir)
        .into_iter()
        .filter(|p| !storage::same_file(p, path))
        .filter_map(|p| storage::read_text(&p).ok())
        .collect();
    users.push(text);
    let sources = Sources::new(users);
    let own = sources.user(sources.users - 1);
    sources
        .resolve(own)
        .map_err(|e| LoadError::new(path, e.to_string()))
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
    let current = &project.template;
    // As in `load`: the last user file of this id wins, then the built-in
    // one; a file that cannot be read, or a newer one that does not load,
    // is passed over. Only a newer one is loaded (and checked) in full,
    // with what it inherits; an extension that leaves its version to its
    // base is resolved to learn it.
    let users = user_files(templates_dir)
        .into_iter()
        .filter_map(|path| storage::read_text(&path).ok())
        .collect();
    let sources = Sources::new(users);
    let newer = (0..sources.texts.len())
        .filter(|&i| sources.id(i).as_deref() == Some(current.id.as_str()))
        .find_map(|i| {
            let stated = serde_json::from_str::<Head>(&sources.texts[i]).ok();
            if stated.is_some_and(|head| head.version <= current.version) {
                return Some(None);
            }
            let template = sources.resolve(i).ok()?;
            Some(Some(template).filter(|t| t.version > current.version))
        })
        .flatten()?;
    // A project made after the template last changed carries the same
    // template under the old number: nothing to offer.
    let renumbered = Template {
        version: current.version,
        ..newer.clone()
    };
    // Its added sections (projects) are the report's, not a difference.
    (with_instances(current, &renumbered) != *current).then_some(newer)
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
    fn every_builtin_template_loads_under_its_id() {
        let sources = Sources::new(Vec::new());
        for (i, (id, json)) in BUILTIN.iter().enumerate() {
            let template = sources
                .resolve(sources.builtin(i))
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            // A lookup by id goes by the table (see `Sources::id`).
            assert_eq!(template.id, *id);
            assert_eq!(id_of(json).as_deref(), Some(*id));
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
        let current = new_project("hunan-form").template.version;
        assert_eq!(newer, Some(("hunan-form".to_string(), current)));
        // A newer user file that does not load does not hide the built-in.
        let dir = tempfile::tempdir().expect("tempdir");
        let broken = r#"{"format":"ziping-template","id":"hunan-form","version":9,
            "name":"坏","title":[],"sections":[]}"#;
        std::fs::write(dir.path().join("mine.json"), broken).expect("write");
        let newer = newer_template(&project, Some(dir.path())).map(|t| t.version);
        assert_eq!(newer, Some(current));
        project.template.id = "my-county".into();
        assert!(newer_template(&project, None).is_none(), "no such id");
    }

    fn extension(id: &str, base: &str, rest: &str) -> String {
        format!(r#"{{"format": "ziping-template", "id": "{id}", "inherits": "{base}"{rest}}}"#)
    }

    #[test]
    fn an_extension_resolves_against_user_and_built_in_bases() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, text: String| {
            std::fs::write(dir.path().join(name), text).expect("write");
        };
        // A user base that itself extends a built-in one, and an extension
        // of it: the chain resolves whole.
        write(
            "a.json",
            extension("county", "project-selfeval", r#", "name": "县级""#),
        );
        write(
            "b.json",
            extension(
                "town",
                "county",
                r#", "overrides": [{"field": "unit", "label": "乡镇"}]"#,
            ),
        );
        // A user template with a built-in's id extending it changes it in place.
        write(
            "c.json",
            extension(
                "hunan-form",
                "hunan-form",
                r#", "name": "湖南表单式（本地）""#,
            ),
        );
        let (entries, errors) = load(Some(dir.path()));
        assert!(errors.is_empty(), "{errors:?}");
        let town = find(&entries, "town").expect("town");
        assert_eq!(town.name, "县级", "inherited through county");
        let unit = town
            .sections
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.id == "unit");
        assert_eq!(unit.map(|f| f.label.as_str()), Some("乡镇"));
        let form = entries.iter().find(|e| e.template.id == "hunan-form");
        assert!(form.is_some_and(|e| e.template.name == "湖南表单式（本地）"
            && matches!(e.origin, Origin::User(_))
            && !e.template.checks.is_empty()));
        assert_eq!(
            entries
                .iter()
                .filter(|e| e.template.id == "hunan-form")
                .count(),
            1
        );
    }

    #[test]
    fn a_cycle_an_unknown_base_and_a_broken_base_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, text: String| {
            std::fs::write(dir.path().join(name), text).expect("write");
        };
        write("1.json", extension("one", "two", ""));
        write("2.json", extension("two", "three", ""));
        write("3.json", extension("three", "one", ""));
        write("4.json", extension("lonely", "nowhere", ""));
        write("5.json", extension("broken", "one", ""));
        write("6.json", extension("self", "self", ""));
        let (entries, errors) = load(Some(dir.path()));
        assert!(entries.iter().all(|e| e.origin == Origin::Builtin));
        let said = |file: &str| {
            errors
                .iter()
                .find(|e| e.path.ends_with(file))
                .map(|e| e.problem.clone())
                .unwrap_or_default()
        };
        assert!(
            said("1.json").contains("循环：one → two → three → one"),
            "{errors:?}"
        );
        assert!(said("4.json").contains("\"nowhere\" 不存在"), "{errors:?}");
        // The ids offered instead: the user files' and the built-in ones',
        // each once.
        let offered = said("4.json");
        let offered = offered.split("可用的模板：").nth(1).unwrap_or_default();
        let ids: Vec<&str> = offered.split('、').collect();
        for id in ["one", "lonely", "self", "hunan-form", "unit-projects"] {
            assert_eq!(
                ids.iter().filter(|&&i| i == id).count(),
                1,
                "{id}: {offered}"
            );
        }
        assert!(said("5.json").contains("\"one\" 不能使用"), "{errors:?}");
        assert!(said("6.json").contains("\"self\" 不存在"), "{errors:?}");
        assert!(said("2.json").starts_with("inherits"), "{errors:?}");
    }

    #[test]
    fn a_project_of_the_old_split_copy_is_offered_the_extension() {
        let mut project = new_project("project-selfeval-split");
        assert!(newer_template(&project, None).is_none());
        project.template.version = 1;
        project.template.name.push('旧');
        let newer = newer_template(&project, None).map(|t| t.version);
        assert_eq!(newer, Some(2));
        // An extension that leaves its version to its base is resolved to
        // learn it.
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("x.json"),
            extension("mine", "hunan-form", ""),
        )
        .expect("write");
        let mut mine = new_project("hunan-form");
        mine.template.id = "mine".into();
        mine.template.version = 1;
        mine.template.checks.clear();
        let newer = newer_template(&mine, Some(dir.path())).map(|t| (t.id, t.version));
        let base = new_project("hunan-form").template.version;
        assert_eq!(newer, Some(("mine".to_string(), base)));
    }
}
