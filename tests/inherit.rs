//! Template inheritance through the binary: a user template of ten lines
//! that extends `project-selfeval` (renaming one column, changing one
//! formula) loads, computes and exports; a project made from it keeps the
//! resolved template and opens after the user file is gone; a base that is
//! missing or a cycle is reported by the file's name.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/locale.rs"]
mod locale;

use locale::{Run, run_in};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inherit")
        .join(name)
}

/// A home whose config dir holds `files` (name, text) under `templates/`.
fn home_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config").join("templates");
    fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        fs::write(dir.join(name), text).unwrap();
    }
    home
}

fn ok(run: Run) -> String {
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    run.stdout
}

/// The project the tests fill: 95 of 100 spent (the changed formula gives
/// the full 10 at 90% or more; the built-in one would give 9.5).
const FILL: [&str; 18] = [
    "project_name",
    "农村公路养护",
    "year",
    "2024",
    "funding.total.budget",
    "100",
    "funding.total.actual",
    "95",
    "indicators.1.level1",
    "产出指标",
    "indicators.1.level2",
    "数量指标",
    "indicators.1.name",
    "养护里程",
    "indicators.1.target",
    "≥50公里",
    "indicators.1.actual",
    "52公里",
];

fn made_and_filled() -> tempfile::TempDir {
    let text = fs::read_to_string(fixture("my-project.json")).unwrap();
    assert!(text.lines().count() <= 10, "the template is ten lines");
    let home = home_with(&[("my-project.json", &text)]);
    let h = home.path();
    let listed = ok(run_in(h, &["templates"]));
    assert!(listed.contains("my-project"), "{listed}");
    ok(run_in(h, &["new", "--template", "my-project", "p.json"]));
    let mut args = vec!["set", "p.json"];
    args.extend(FILL);
    args.extend(["indicators.1.weight", "50"]);
    ok(run_in(h, &args));
    home
}

fn score_line(fields: &str) -> &str {
    fields
        .lines()
        .find(|l| l.starts_with("funding.total.score\t"))
        .unwrap_or_default()
}

#[test]
fn a_ten_line_extension_loads_computes_and_exports() {
    let home = made_and_filled();
    let h = home.path();
    let fields = ok(run_in(h, &["fields", "p.json"]));
    assert!(score_line(&fields).ends_with("= 10.00"), "{fields}");
    let export = ok(run_in(h, &["export", "p.json"]));
    assert!(export.contains("| 指标值 "), "the renamed column: {export}");
    assert!(!export.contains("年度指标值"), "{export}");
    assert!(export.contains("| 10.00 |"), "{export}");
    assert!(export.contains("60.00"), "the total: {export}");
    assert!(
        export.contains("农村公路养护项目支出绩效自评表"),
        "the base's title: {export}"
    );
}

#[test]
fn a_project_keeps_its_resolved_template_when_the_extension_is_deleted() {
    let home = made_and_filled();
    let h = home.path();
    let saved = fs::read_to_string(h.join("p.json")).unwrap();
    assert!(!saved.contains("inherits"), "stored resolved: {saved}");
    assert!(saved.contains("\"指标值\""), "{saved}");
    fs::remove_file(h.join("config/templates/my-project.json")).unwrap();
    let fields = ok(run_in(h, &["fields", "p.json"]));
    assert!(score_line(&fields).ends_with("= 10.00"), "{fields}");
    let export = ok(run_in(h, &["export", "p.json"]));
    assert!(export.contains("| 指标值 "), "{export}");
    let check = run_in(h, &["check", "p.json"]);
    assert!(matches!(check.code, Some(0 | 1)), "{}", check.stderr);
}

#[test]
fn a_missing_base_or_a_cycle_is_reported_by_file_and_path() {
    let extension = |id: &str, base: &str| {
        format!(r#"{{"format": "ziping-template", "id": "{id}", "inherits": "{base}"}}"#)
    };
    let home = home_with(&[
        ("orphan.json", &extension("orphan", "no-such-base")),
        ("ring-a.json", &extension("ring-a", "ring-b")),
        ("ring-b.json", &extension("ring-b", "ring-a")),
        (
            "bad-path.json",
            &fs::read_to_string(fixture("bad-path.json")).unwrap(),
        ),
    ]);
    let run = run_in(home.path(), &["templates"]);
    let listed = &run.stdout;
    assert!(listed.contains("project-selfeval"), "{listed}");
    for (file, words) in [
        ("orphan.json", ["inherits", "\"no-such-base\" 不存在"]),
        ("ring-a.json", ["inherits", "循环"]),
        ("ring-b.json", ["inherits", "循环"]),
        ("bad-path.json", ["overrides[0]", "\"indicators.tagret\""]),
    ] {
        let line = run.stderr.lines().find(|l| l.contains(file));
        assert!(
            line.is_some_and(|l| words.iter().all(|w| l.contains(w))),
            "{file} {words:?}: {}",
            run.stderr
        );
        let id = file.trim_end_matches(".json");
        assert!(!listed.lines().any(|l| l.starts_with(id)), "{listed}");
    }
    let bad = run.stderr.lines().find(|l| l.contains("bad-path.json"));
    assert!(
        bad.is_some_and(|l| l.contains("\"project-selfeval\"") && l.contains("\"my-typo\"")),
        "both templates named: {}",
        run.stderr
    );
}

#[test]
fn templates_check_and_show_see_the_extension_resolved() {
    let text = fs::read_to_string(fixture("my-project.json")).unwrap();
    let home = home_with(&[]);
    let file = home.path().join("my-project.json");
    fs::write(&file, &text).unwrap();
    // --check on a file anywhere: its base (a built-in) is found.
    let checked = ok(run_in(
        home.path(),
        &["templates", "--check", file.to_str().unwrap()],
    ));
    assert!(checked.contains("my-project"), "{checked}");
    // --show prints it whole: the base's sections and no `inherits`.
    let installed = home_with(&[("my-project.json", &text)]);
    let shown = ok(run_in(
        installed.path(),
        &["templates", "--show", "my-project"],
    ));
    let json: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert!(json.get("inherits").is_none(), "{shown}");
    assert!(json["sections"].as_array().is_some_and(|s| !s.is_empty()));
}
