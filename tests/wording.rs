//! A report's own wording through the binary: `ziping set FILE heading.ID
//! TEXT` and `title`, used by the export and listed by `ziping fields`; an
//! unknown section refused in Chinese with nothing written; a file from
//! before the wording existed saved unchanged but for its stamp.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

#[path = "common/locale.rs"]
mod locale;

use locale::run_in as run;

const OLD: &str = include_str!("fixtures/changning-2022-schema1.json");

fn old_project(home: &Path) -> String {
    fs::write(home.join("p.json"), OLD).unwrap();
    fs::read_to_string(home.join("p.json")).unwrap()
}

fn set(home: &Path, args: &[&str]) -> locale::Run {
    let mut all = vec!["set", "p.json"];
    all.extend_from_slice(args);
    run(home, &all)
}

#[test]
fn a_renamed_heading_and_title_are_exported_and_listed() {
    let home = tempfile::tempdir().unwrap();
    old_project(home.path());
    let done = set(
        home.path(),
        &[
            "heading.basic",
            "部门基本情况",
            "title",
            "{unit}{year}年度部门整体支出绩效自评报告",
        ],
    );
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let saved = fs::read_to_string(home.path().join("p.json")).unwrap();
    assert!(
        saved.contains("\"headings\": {\n    \"basic\": \"部门基本情况\"\n  }"),
        "{saved}"
    );

    let out = home.path().join("p.txt");
    let export = run(home.path(), &["export", "p.json", "-o", "p.txt"]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    let text = fs::read_to_string(out).unwrap();
    assert!(text.lines().any(|l| l == "一、部门基本情况"), "{text}");
    assert!(!text.lines().any(|l| l == "一、基本情况"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.ends_with("年度部门整体支出绩效自评报告")),
        "{text}"
    );
    assert!(!text.contains("目标自评报告"), "{text}");

    let fields = run(home.path(), &["fields", "p.json"]);
    assert!(
        fields
            .stdout
            .lines()
            .any(|l| l.starts_with("heading.basic\twording\t") && l.ends_with("部门基本情况")),
        "{}",
        fields.stdout
    );
    assert!(
        fields.stdout.contains("heading.problems\t"),
        "{}",
        fields.stdout
    );

    // An empty text goes back to the template's words, and the key goes.
    let back = set(home.path(), &["heading.basic", "", "title", ""]);
    assert_eq!(back.code, Some(0), "{}", back.stderr);
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(home.path().join("p.json")).unwrap()).unwrap();
    assert!(saved.get("headings").is_none(), "{saved}");
    assert!(saved.get("title").is_none(), "{saved}");
}

#[test]
fn an_unknown_section_is_refused_in_chinese_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let before = old_project(home.path());
    let refused = set(home.path(), &["heading.nope", "部门基本情况"]);
    assert_eq!(refused.code, Some(1), "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("没有名为“nope”的章节；章节有：front、basic、organisation"),
        "{}",
        refused.stderr
    );
    let after = fs::read_to_string(home.path().join("p.json")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn an_old_file_saves_byte_identical_but_for_its_stamp() {
    let home = tempfile::tempdir().unwrap();
    old_project(home.path());
    // Setting a field to the value it holds: a save that changes nothing.
    // The fixture's keys are in the order a person wrote them, not the
    // order a save writes, so the first save normalises it; the second
    // must then change nothing but the stamp, and neither adds a key.
    let same = ["unit", "中共常宁市委组织部"];
    let first = set(home.path(), &same);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let before = fs::read_to_string(home.path().join("p.json")).unwrap();
    let keys: serde_json::Value = serde_json::from_str(&before).unwrap();
    let keys: Vec<&String> = keys.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["format", "schema", "meta", "values", "template"]);
    let done = set(home.path(), &same);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let after = fs::read_to_string(home.path().join("p.json")).unwrap();
    let unstamped = |text: &str| {
        text.lines()
            .filter(|l| !l.contains("\"modified\"") && !l.contains("\"generator\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(unstamped(&before), unstamped(&after));
}
