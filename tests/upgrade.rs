//! Files keep opening, and a project on an older version of its template is
//! told so and can be moved onto the new one without losing a word.

#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "common/locale.rs"]
mod locale;
#[path = "common/older.rs"]
mod older;

use std::path::Path;

use assert_cmd::Command;
use older::{FIXTURE, older_project};
use serde_json::Value;
use ziping::lang::Lang;
use ziping::model::project::Project;
use ziping::model::schema::Template;
use ziping::model::upgrade::{self, Change};
use ziping::{storage, strings};

fn fixture() -> (Project, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let bytes = include_bytes!("fixtures/changning-2022-schema1.json");
    let project = storage::read_project(&path).expect("the fixture opens");
    (
        project,
        serde_json::from_slice(bytes).expect("the fixture is JSON"),
    )
}

#[test]
fn a_schema_1_file_opens_unchanged() {
    let (project, file) = fixture();
    assert_eq!(
        serde_json::to_value(&project.values).unwrap(),
        file["values"]
    );
    let template: Template = serde_json::from_value(file["template"].clone()).unwrap();
    assert_eq!(project.template, template);
    let saved: Value = serde_json::from_str(&project.to_json()).unwrap();
    assert_eq!(
        saved["values"], file["values"],
        "re-serialising keeps every value"
    );
    assert_eq!(saved["template"], file["template"]);
}

/// The older project (`common/older.rs`) with 改进措施 not there yet either;
/// the fixture's own template is the "newer" one.
fn old_project() -> (Project, Template) {
    let (fixture, _) = fixture();
    let mut project = older_project();
    for section in &mut project.template.sections {
        section.fields.retain(|f| f.id != "measures_list");
    }
    (project, fixture.template)
}

#[test]
fn upgrading_lists_the_changes_and_keeps_every_value() {
    let (old, newer) = old_project();
    let changes = upgrade::changes(&old, &newer);
    assert_eq!(
        changes,
        [
            Change::Relabelled {
                from: "存在的问题".into(),
                to: "存在的主要问题".into()
            },
            Change::FieldAdded {
                label: "改进措施".into()
            },
            Change::FieldRemoved {
                label: "旧备注".into(),
                has_value: true
            },
        ]
    );
    let removed = strings::upgrade::change(&changes[2], Lang::Zh);
    assert!(
        removed.contains("旧备注") && removed.contains("保留"),
        "{removed}"
    );
    assert!(strings::upgrade::change(&changes[2], Lang::En).contains("kept"));

    let upgraded = upgrade::apply(old.clone(), newer.clone());
    assert_eq!(upgraded.template, newer);
    for (id, entry) in &old.values {
        assert_eq!(upgraded.entry(id), Some(entry), "{id} kept");
    }
    let orphans: Vec<&String> = upgraded.orphans().map(|(id, _)| id).collect();
    assert_eq!(orphans, ["old_notes"], "the removed field's text survives");
    let reopened = Project::from_json(&upgraded.to_json()).unwrap();
    assert_eq!(reopened.text("old_notes"), "旧的说明文字");
    assert!(upgrade::changes(&upgraded, &newer).is_empty());
}

#[test]
fn check_mentions_an_out_of_date_template_without_failing() {
    let home = tempfile::tempdir().unwrap();
    let (old, _) = old_project();
    let file = home.path().join("old.json");
    std::fs::write(&file, old.to_json()).unwrap();
    let check = |args: &[&str]| {
        let out = Command::from_std(locale::ziping_in(home.path()))
            .arg("check")
            .arg(&file)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let why = format!("{args:?}: a notice is not an error: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{why}");
        String::from_utf8(out.stdout).unwrap()
    };
    let (entries, _) = ziping::catalog::load(None);
    let latest = ziping::catalog::find(&entries, &old.template.id)
        .unwrap()
        .version;
    let zh = check(&[]);
    let notice = format!(
        "提示  项目使用的模板“{}”是第0版，已有第{latest}版；",
        old.template.name
    );
    assert!(zh.starts_with(&notice), "{zh}");
    let en = check(&["--lang", "en"]);
    let available = format!("is version 0; version {latest} is available");
    assert!(en.contains(&available), "{en}");
    let json: Value = serde_json::from_str(&check(&["--format", "json"])).unwrap();
    let update = &json["template_update"];
    assert_eq!(
        (update["version"].as_u64(), update["newer"].as_u64()),
        (Some(0), Some(u64::from(latest)))
    );
    // Measured against the built-in template, which has grown since the
    // sample was written: the removed field is among the changes.
    let changes = update["changes"].to_string();
    assert!(changes.contains("删除字段“旧备注”"), "{update}");
}
