//! Covers as real covers, through the binary: choice fields printed as the
//! form's check boxes (one or several ticked), a list kept in the file for
//! a field that takes several and an older file's single text still read,
//! the form's "××市财政局（制）" line, 报表编号, 项目负责人及电话 and the
//! 注 under a table in the export.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

#[path = "common/locale.rs"]
mod locale;

use locale::{check_json, run_in as run};

fn new(home: &Path, template: &str) {
    let made = run(home, &["new", "--template", template, "p.json"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
}

fn set(home: &Path, args: &[&str]) -> locale::Run {
    let mut all = vec!["set", "p.json"];
    all.extend_from_slice(args);
    run(home, &all)
}

fn export(home: &Path) -> String {
    let out = run(home, &["export", "p.json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout
}

fn saved(home: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(home.join("p.json")).unwrap()).unwrap()
}

/// Messages of `check --format json` about `field`.
fn messages(home: &Path, field: &str) -> Vec<String> {
    let (_, json) = check_json(&home.join("p.json"), home);
    json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["field"] == field)
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_cover_of_check_boxes_prints_ticked_and_empty_boxes() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    new(h, "dept-selfeval");
    let done = set(
        h,
        &[
            "unit",
            "某县民政局",
            "year",
            "2023",
            "evaluation_type",
            "部门整体支出",
            "evaluation_method",
            "单位自评、财政评价",
        ],
    );
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    // Several options are a list in the file, in the order typed.
    assert_eq!(
        saved(h)["values"]["evaluation_method"],
        serde_json::json!(["单位自评", "财政评价"])
    );

    let text = export(h);
    let lines: Vec<&str> = text.lines().collect();
    for want in [
        "　　评价类型：☑部门整体支出 □项目支出",
        "　　评价方式：☑单位自评 □部门评价 ☑财政评价",
    ] {
        assert!(lines.contains(&want), "{want}:\n{text}");
    }
    // An optional box field left empty is not printed.
    assert!(!text.contains("评价机构"), "{text}");
    assert!(messages(h, "evaluation_method").is_empty());

    // An open choice's own words are printed ticked after its options.
    set(h, &["evaluation_body", "某会计师事务所"]);
    assert!(
        export(h)
            .lines()
            .any(|l| l == "　　评价机构：□部门（单位）评价组 □第三方机构 ☑某会计师事务所"),
        "{}",
        export(h)
    );
}

#[test]
fn an_option_the_form_does_not_have_is_an_error_naming_the_options() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    new(h, "dept-selfeval");
    // `set` refuses it, saying what the form offers, and writes nothing.
    let before = fs::read(h.join("p.json")).unwrap();
    let done = set(h, &["evaluation_method", "单位自评，专家评审"]);
    assert_eq!(done.code, Some(1), "{}", done.stderr);
    assert!(
        done.stderr.contains("单位自评、部门评价、财政评价"),
        "{}",
        done.stderr
    );
    assert_eq!(fs::read(h.join("p.json")).unwrap(), before);

    // Typed elsewhere into the file, it is kept, flagged and printed.
    let mut json = saved(h);
    json["values"]["evaluation_method"] = serde_json::json!(["单位自评", "专家评审"]);
    fs::write(
        h.join("p.json"),
        serde_json::to_string_pretty(&json).unwrap(),
    )
    .unwrap();
    let found = messages(h, "evaluation_method");
    assert!(
        found
            .iter()
            .any(|m| m.contains("单位自评、部门评价、财政评价")),
        "{found:?}"
    );
    assert!(export(h).contains("☑单位自评 □部门评价 □财政评价 ☑专家评审"));
}

#[test]
fn a_file_written_when_the_choice_took_one_text_still_reads() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    new(h, "dept-selfeval");
    // As a schema-1 file from before `multiple` holds it: one text.
    let mut json = saved(h);
    json["values"]["evaluation_method"] = "单位自评，部门评价".into();
    fs::write(
        h.join("p.json"),
        serde_json::to_string_pretty(&json).unwrap(),
    )
    .unwrap();
    assert!(messages(h, "evaluation_method").is_empty());
    assert!(
        export(h).contains("评价方式：☑单位自评 ☑部门评价 □财政评价"),
        "{}",
        export(h)
    );
}

#[test]
fn a_project_form_prints_its_issuer_number_manager_and_notes() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    new(h, "project-selfeval");
    let text = export(h);
    // Empty, the issuer and number lines are left out of the heading.
    assert!(
        !text.contains("（制）") && !text.contains("报表编号"),
        "{text}"
    );
    let done = set(
        h,
        &[
            "project_name",
            "农村公路养护",
            "year",
            "2023",
            "department",
            "某县交通运输局",
            "unit",
            "某县公路事务中心",
            "manager",
            "李明 0736-1234567",
            "report_no",
            "XM-2023-017",
            "issuer",
            "常德市财政局",
            "indicators.1.name",
            "养护里程",
        ],
    );
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let text = export(h);
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines.iter().copied().take(4).collect();
    assert_eq!(
        head,
        [
            "农村公路养护项目支出绩效自评表",
            "（2023年度）",
            "报表编号：XM-2023-017",
            "常德市财政局（制）",
        ],
        "{text}"
    );
    assert!(
        lines.contains(&"　　项目负责人及电话：李明 0736-1234567"),
        "{text}"
    );
    // The form's notes come right after the indicator table.
    let note = lines
        .iter()
        .position(|l| l.starts_with("注：1."))
        .expect(&text);
    assert!(
        lines[note - 1].is_empty() && lines[note - 2].starts_with('+'),
        "{text}"
    );
    assert!(lines[note + 1].starts_with("2.定量指标"), "{text}");
}
