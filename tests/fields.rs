//! `ziping fields` showing how each cell was read and the row an empty
//! table would get, and `ziping set` deleting and moving rows in the order
//! given, writing nothing when any step is refused. Each run gets its own
//! config and data directories, set on the child only.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

#[path = "common/locale.rs"]
mod locale;

use serde_json::Value;

use locale::run_in as run;

fn new_project(home: &Path) {
    let new = run(home, &["new", "--template", "project-selfeval", "p.json"]);
    assert_eq!(new.code, Some(0), "{}", new.stderr);
}

fn names(home: &Path) -> Vec<String> {
    let json: Value =
        serde_json::from_str(&fs::read_to_string(home.join("p.json")).unwrap()).unwrap();
    json["values"]["indicators"]["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn an_empty_table_lists_the_row_to_add_and_set_fills_it() {
    let home = tempfile::tempdir().unwrap();
    new_project(home.path());
    let text = run(home.path(), &["fields", "p.json"]);
    let row = "indicators.1.level1\tchoice\t第1行（新增一行） › 一级指标\t";
    assert!(text.stdout.lines().any(|l| l == row), "{}", text.stdout);
    // Computed columns are not among the paths to fill; 得分 may be typed.
    assert!(!text.stdout.contains("indicators.1.met"), "{}", text.stdout);
    assert!(
        text.stdout.contains("indicators.1.score\t"),
        "{}",
        text.stdout
    );
    let json = run(home.path(), &["fields", "--format", "json", "p.json"]);
    let rows: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    let target = rows
        .iter()
        .find(|r| r["path"] == "indicators.1.target")
        .unwrap();
    assert_eq!(target["new_row"], true);
    assert_eq!(target["row_label"], "第1行");

    let set = run(
        home.path(),
        &[
            "set",
            "p.json",
            "indicators.1.level1",
            "产出指标",
            "indicators.1.name",
            "培训党员人次",
        ],
    );
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    let text = run(home.path(), &["fields", "p.json"]);
    let row = "indicators.1.level1\tchoice\t第1行「培训党员人次」 › 一级指标\t产出指标\t\tchoice\ttext=产出指标";
    assert!(text.stdout.lines().any(|l| l == row), "{}", text.stdout);
    assert!(!text.stdout.contains("新增一行"), "{}", text.stdout);
}

#[test]
fn fields_shows_how_each_cell_was_read_in_columns_after_the_old_ones() {
    let home = tempfile::tempdir().unwrap();
    new_project(home.path());
    let set = run(
        home.path(),
        &[
            "set",
            "p.json",
            "funding.total.budget",
            "100",
            "funding.total.actual",
            "85",
            "indicators.1.target",
            "＞＝1,000人次",
            "indicators.2.target",
            "效果明显",
            "indicators.3.target",
            "≥",
        ],
    );
    // ≥ without a number is refused, so nothing of the call is written.
    assert_eq!(set.code, Some(1), "{}", set.stderr);
    let set = run(
        home.path(),
        &[
            "set",
            "p.json",
            "funding.total.budget",
            "100",
            "funding.total.actual",
            "85",
            "indicators.1.target",
            "＞＝1,000人次",
            "indicators.2.target",
            "效果明显",
        ],
    );
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    let text = run(home.path(), &["fields", "p.json"]).stdout;
    for want in [
        // The old columns unchanged, then: computed (none), read as, parts.
        "indicators.1.target\tcomparator\t第1行 › 年度指标值\t＞＝1,000人次\t\tquantity\tcomparator=≥ number=1000 unit=人次",
        "indicators.2.target\tcomparator\t第2行 › 年度指标值\t效果明显\t\tqualitative\tcomparator=定性 text=效果明显",
        "funding.total.budget\tmoney\t年度资金总额 › 全年预算数（A）\t100\t\tmoney\tnumber=100 unit=万元",
        // A computed cell with nothing typed: as before.
        "funding.total.rate\tpercent\t年度资金总额 › 执行率（B/A）\t\t= 85.00%",
        // A typed default with a computed neighbour keeps its place.
        "funding.total.weight\tdecimal\t年度资金总额 › 分值\t10\t\tdecimal\tnumber=10",
    ] {
        assert!(text.lines().any(|l| l == want), "{want}\n{text}");
    }
    let json = run(home.path(), &["fields", "--format", "json", "p.json"]);
    let rows: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    let target = rows
        .iter()
        .find(|r| r["path"] == "indicators.1.target")
        .unwrap();
    let keys: Vec<&str> = target
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "path",
            "label",
            "row_label",
            "kind",
            "value",
            "read_as",
            "reading"
        ]
    );
    assert_eq!(target["read_as"], "quantity");
    assert_eq!(
        target["reading"],
        serde_json::json!({"comparator": "≥", "number": "1000", "unit": "人次"})
    );
    let prose = rows
        .iter()
        .find(|r| r["path"] == "indicators.1.actual")
        .unwrap();
    assert!(prose.get("read_as").is_none(), "{prose}");
}

#[test]
fn rows_are_deleted_and_moved_in_the_order_given() {
    let home = tempfile::tempdir().unwrap();
    new_project(home.path());
    let mut args = vec!["set", "p.json"];
    let paths: Vec<String> = (1..=4).map(|n| format!("indicators.{n}.name")).collect();
    for (path, name) in paths.iter().zip(["甲", "乙", "丙", "丁"]) {
        args.extend([path.as_str(), name]);
    }
    assert_eq!(run(home.path(), &args).code, Some(0));
    // 丁 to the top, then row 3 (now 乙) deleted, then the new row 3's
    // name set: each step sees the table as the one before left it; the
    // pairs around a flag are kept in their places too.
    let out = run(
        home.path(),
        &[
            "set",
            "p.json",
            "--move-row",
            "indicators.4",
            "1",
            "indicators.1.reason",
            "首行",
            "--delete-row",
            "indicators.3",
            "indicators.3.name",
            "丙丙",
            "indicators.1.weight",
            "10",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(names(home.path()), ["丁", "甲", "丙丙"]);
    let json: Value =
        serde_json::from_str(&fs::read_to_string(home.path().join("p.json")).unwrap()).unwrap();
    assert_eq!(json["values"]["indicators"]["rows"][0]["reason"], "首行");
    assert_eq!(json["values"]["indicators"]["rows"][0]["weight"], "10");
}

#[test]
fn a_bad_row_step_says_so_in_chinese_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    new_project(home.path());
    assert_eq!(
        run(home.path(), &["set", "p.json", "indicators.1.name", "甲"]).code,
        Some(0)
    );
    let before = fs::read(home.path().join("p.json")).unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--delete-row", "indicators.2"],
            "表格“indicators”现有1行，没有第“2”行，行号应为1至1",
        ),
        (
            &["--delete-row", "funding.total"],
            "表格“funding”的行是固定的，不能删除或移动",
        ),
        (
            &["--move-row", "indicators.1", "3"],
            "无法移到第“3”行：表格“indicators”现有1行，目标行号应为1至1",
        ),
        (
            &["--delete-row", "indicators"],
            "“indicators”不是行的路径：行的路径为表格名和行号，如 indicators.3",
        ),
        // A good step before a bad one is not written either.
        (
            &["--delete-row", "indicators.1", "nope", "1"],
            "没有名为“nope”的字段",
        ),
    ];
    for (steps, message) in cases {
        let mut args = vec!["set", "p.json"];
        args.extend(steps);
        let out = run(home.path(), &args);
        assert_eq!(out.code, Some(1), "{steps:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{steps:?}: {}", out.stderr);
        assert!(out.stderr.contains("p.json 未改动"), "{}", out.stderr);
        assert_eq!(
            fs::read(home.path().join("p.json")).unwrap(),
            before,
            "{steps:?}"
        );
    }
    let en = run(
        home.path(),
        &[
            "--lang",
            "en",
            "set",
            "p.json",
            "--delete-row",
            "funding.total",
        ],
    );
    assert!(
        en.stderr
            .contains("The rows of table \"funding\" are fixed"),
        "{}",
        en.stderr
    );
}

#[test]
fn fields_shows_the_rows_reading_the_default_applied_and_the_tier() {
    let home = tempfile::tempdir().unwrap();
    new_project(home.path());
    let set = run(
        home.path(),
        &[
            "set",
            "p.json",
            "indicators.1.level1",
            "产出指标",
            "indicators.1.level2",
            "成本指标",
            "indicators.1.name",
            "培训经费",
            "indicators.1.target",
            "20万元",
            "indicators.1.actual",
            "183,000元",
            "indicators.2.level1",
            "效益指标",
            "indicators.2.level2",
            "社会效益指标",
            "indicators.2.name",
            "群众满意",
            "indicators.2.target",
            "高",
            "indicators.2.actual",
            "高",
        ],
    );
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    let text = run(home.path(), &["fields", "p.json"]).stdout;
    for want in [
        // A bare figure under 成本指标 is read as ≤, and says so.
        "indicators.1.target\tcomparator\t第1行「培训经费」 › 年度指标值\t20万元\t\tquantity\tcomparator=≤ number=20 unit=万元 default_by=成本指标",
        // 183,000元 against 万元: 18.3 in the target's unit.
        "indicators.1.actual\ttext\t第1行「培训经费」 › 实际完成值\t183,000元\t\tfigure\tnumber=183000 unit=元 in_target_unit=18.3",
        // The target's own words: met.
        "indicators.2.actual\ttext\t第2行「群众满意」 › 实际完成值\t高\t\ttier\ttier=达成 tier_from=equals_target",
    ] {
        assert!(text.lines().any(|l| l == want), "{want}\n{text}");
    }
}
