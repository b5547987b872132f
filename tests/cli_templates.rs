//! `ziping templates` through the binary: the listing's exit when a user
//! template cannot be used and the place it names, `--check FILE` on good
//! and bad files, `--show ID` on built-in and user templates.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/locale.rs"]
mod locale;

use locale::{Run, run_in};
use serde_json::Value;
use ziping::model::validate::load_template;

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn builtin_json(id: &str) -> String {
    fs::read_to_string(repo(&format!("templates/{id}.json"))).unwrap()
}

/// The user's template folder inside `home`, with `files` in it.
fn user_templates(home: &Path, files: &[(&str, &str)]) -> PathBuf {
    let dir = home.join("config").join("templates");
    fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        fs::write(dir.join(name), text).unwrap();
    }
    dir
}

fn ids(run: &Run) -> Vec<&str> {
    run.stdout
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect()
}

/// A copy of a built-in template under another id (and version).
fn renamed(id: &str, new_id: &str, version: u32) -> String {
    let mut t: Value = serde_json::from_str(&builtin_json(id)).unwrap();
    t["id"] = new_id.into();
    t["version"] = version.into();
    t.to_string()
}

#[test]
fn a_user_template_that_cannot_be_used_makes_the_listing_exit_2_naming_file_and_place() {
    let home = tempfile::tempdir().unwrap();
    let good = renamed("hunan-form", "my-county", 1);
    let files = [
        ("good.json", good.as_str()),
        // Cut short after a line break: serde_json says column 0 here.
        ("cut.json", "{\n  \"format\": \"ziping-template\",\n"),
        // 县级模板 is twelve bytes and four characters: the column counts
        // characters, as an editor does (17, not 25).
        ("chinese.json", "{\"name\": \"县级模板\" \"id\": \"x\"}"),
        // A line break inside a string ends line 2.
        ("broken-line.json", "{\n  \"name\": \"县级\n模板\"}"),
    ];
    user_templates(home.path(), &files);
    let out = run_in(home.path(), &["templates"]);
    assert_eq!(out.code, Some(2), "{}\n{}", out.stdout, out.stderr);
    let listed = ids(&out);
    assert!(
        listed.contains(&"my-county") && listed.contains(&"hunan-form"),
        "the usable ones are listed all the same: {}",
        out.stdout
    );
    let places = [
        ("cut.json", "第2行末尾"),
        ("chinese.json", "第1行第17列"),
        ("broken-line.json", "第2行末尾"),
    ];
    assert_eq!(out.stderr.lines().count(), places.len(), "{}", out.stderr);
    for (name, place) in places {
        let line = out.stderr.lines().find(|l| l.contains(name));
        assert!(
            line.is_some_and(|l| l.contains(place)),
            "{name} at {place}: {}",
            out.stderr
        );
    }
    assert!(!out.stderr.contains("第0列"), "{}", out.stderr);
}

#[test]
fn the_listing_exits_0_when_every_user_template_can_be_used() {
    let home = tempfile::tempdir().unwrap();
    let good = renamed("project-selfeval", "my-project", 1);
    user_templates(home.path(), &[("mine.json", &good)]);
    let out = run_in(home.path(), &["templates"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(ids(&out).contains(&"my-project"), "{}", out.stdout);
    assert_eq!(out.stderr, "");
}

#[test]
fn check_says_a_good_file_can_be_used_in_one_line_and_lists_a_bad_ones_problem() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let mut empty: Value = serde_json::from_str(&builtin_json("hunan-form")).unwrap();
    empty["sections"] = Value::Array(Vec::new());
    let mut styled: Value = serde_json::from_str(&builtin_json("hunan-form")).unwrap();
    styled["style"] = serde_json::json!({"inherits": "guangdong"});
    let cases: [(&str, String, Option<i32>, &str); 5] = [
        ("good.json", builtin_json("project-selfeval"), Some(0), ""),
        (
            "cut.json",
            "{\n  \"format\": \"ziping-template\",\n\n".into(),
            Some(2),
            "第2行末尾：文件不完整",
        ),
        (
            "empty.json",
            empty.to_string(),
            Some(2),
            "sections：模板至少要有一个章节",
        ),
        ("missing.json", String::new(), Some(2), "missing.json"),
        (
            "styled.json",
            styled.to_string(),
            Some(2),
            "没有名为 \"guangdong\" 的排版样式",
        ),
    ];
    for (name, text, code, problem) in cases {
        if name != "missing.json" {
            fs::write(h.join(name), text).unwrap();
        }
        let out = run_in(h, &["templates", "--check", name]);
        assert_eq!(out.code, code, "{name}: {}{}", out.stdout, out.stderr);
        if code == Some(0) {
            assert_eq!(out.stdout.lines().count(), 1, "{name}: {}", out.stdout);
            assert!(
                out.stdout.contains(name) && out.stdout.contains("可以使用"),
                "{name}: {}",
                out.stdout
            );
            assert!(out.stdout.contains("project-selfeval v4"), "{}", out.stdout);
            assert_eq!(out.stderr, "", "{name}");
        } else {
            assert_eq!(out.stdout, "", "{name}");
            assert!(
                out.stderr.contains(name) && out.stderr.contains(problem),
                "{name}: {}",
                out.stderr
            );
        }
    }
    let en = run_in(h, &["--lang", "en", "templates", "--check", "good.json"]);
    assert_eq!(en.code, Some(0), "{}", en.stderr);
    assert!(en.stdout.contains("can be used"), "{}", en.stdout);
}

#[test]
fn check_does_not_need_the_file_in_the_template_folder_and_leaves_the_folder_alone() {
    let home = tempfile::tempdir().unwrap();
    // A broken file in the folder is not the one asked about.
    user_templates(home.path(), &[("broken.json", "{")]);
    fs::write(home.path().join("mine.json"), builtin_json("hunan-form")).unwrap();
    let out = run_in(home.path(), &["templates", "--check", "mine.json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "");
}

#[test]
fn show_prints_a_builtin_template_as_loaded_and_it_loads_back() {
    let home = tempfile::tempdir().unwrap();
    for id in [
        "hunan-form",
        "project-selfeval-split",
        "project-report",
        "dept-report",
    ] {
        let out = run_in(home.path(), &["templates", "--show", id]);
        assert_eq!(out.code, Some(0), "{id}: {}", out.stderr);
        let shown = load_template(&out.stdout).unwrap_or_else(|e| panic!("{id}: {e}"));
        // As the catalog loads it: an extension (the split table, the reports)
        // resolved.
        let (entries, _) = ziping::catalog::load(None);
        let builtin = ziping::catalog::find(&entries, id).unwrap();
        assert_eq!(shown, builtin, "{id}: shown as loaded");
        // And so `--check` takes what `--show` printed.
        let file = home.path().join(format!("{id}.json"));
        fs::write(&file, &out.stdout).unwrap();
        let checked = run_in(
            home.path(),
            &["templates", "--check", &format!("{id}.json")],
        );
        assert_eq!(checked.code, Some(0), "{id}: {}", checked.stderr);
    }
}

#[test]
fn show_prints_the_user_template_that_replaces_a_builtin_and_names_the_ids_for_an_unknown_one() {
    let home = tempfile::tempdir().unwrap();
    let mine = renamed("hunan-form", "hunan-form", 9);
    user_templates(home.path(), &[("mine.json", &mine)]);
    let out = run_in(home.path(), &["templates", "--show", "hunan-form"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let shown: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        shown["version"], 9,
        "the user's, which replaces the built-in"
    );

    let out = run_in(home.path(), &["templates", "--show", "nope"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("nope") && out.stderr.contains("project-selfeval"),
        "{}",
        out.stderr
    );
    let both = run_in(home.path(), &["templates", "--show", "x", "--check", "y"]);
    assert_eq!(both.code, Some(2), "clap refuses both: {}", both.stderr);
}
