//! Weights and totals from the command line, through the binary: a table
//! weighted as a province printed it (70/20/10 plus the budget row), a
//! common-indicator table and a score-only sheet filled in with `ziping
//! set` and judged by `ziping check`. Each run gets its own config and data
//! directories, set on the child only.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::path::Path;

#[path = "common/locale.rs"]
mod locale;

use serde_json::Value;

use locale::run_in as run;

/// A new project `p.json` from `template` with `pairs` set in one call.
fn project(home: &Path, template: &str, pairs: &[(&str, &str)]) {
    let new = run(home, &["new", "--template", template, "p.json"]);
    assert_eq!(new.code, Some(0), "{}", new.stderr);
    let mut args = vec!["set", "p.json"];
    for (path, value) in pairs {
        args.extend([*path, *value]);
    }
    let set = run(home, &args);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
}

/// `ziping check --format json`: each problem's severity and message.
fn problems(home: &Path) -> Vec<(String, String)> {
    let json = run(home, &["check", "--format", "json", "p.json"]);
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let field = |k: &str| p[k].as_str().unwrap_or("").to_string();
            (field("severity"), field("message"))
        })
        .collect()
}

/// The computed value of `path` in `ziping fields --format json`.
fn computed(home: &Path, path: &str) -> Value {
    let out = run(home, &["fields", "--format", "json", "p.json"]);
    let fields: Value = serde_json::from_str(&out.stdout).unwrap();
    fields
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .map_or(Value::Null, |f| f["computed"].clone())
}

const COVER: [(&str, &str); 4] = [
    ("unit", "某某局"),
    ("year", "2022"),
    ("funding.total.budget", "100"),
    ("funding.total.actual", "95"),
];

#[test]
fn a_table_weighted_70_20_10_with_the_budget_row_is_told_its_total_is_wrong() {
    let home = tempfile::tempdir().unwrap();
    let mut pairs = COVER.to_vec();
    // All met: 70 + 20 + 10 and the budget row's 10 × 95% = 9.5.
    let rows = [
        [
            "产出指标（70分）",
            "数量指标",
            "培训人次",
            "≥50人次",
            "60人次",
            "70",
        ],
        [
            "效益指标（20分）",
            "社会效益指标",
            "覆盖率",
            "≥90%",
            "95%",
            "20",
        ],
        [
            "满意度指标（10分）",
            "满意度指标",
            "满意度",
            "≥90%",
            "96%",
            "10",
        ],
    ];
    let paths: Vec<Vec<String>> = (1..=3)
        .map(|n| {
            ["level1", "level2", "name", "target", "actual", "weight"]
                .iter()
                .map(|c| format!("indicators.{n}.{c}"))
                .collect()
        })
        .collect();
    for (row, cells) in paths.iter().zip(&rows) {
        pairs.extend(row.iter().map(String::as_str).zip(cells.iter().copied()));
    }
    project(home.path(), "dept-selfeval", &pairs);
    let found = problems(home.path());
    let has =
        |severity: &str, message: &str| found.iter().any(|(s, m)| s == severity && m == message);
    assert!(
        has(
            "error",
            "一级指标分值合计100加预算执行率分值10为110，应为100；分值合计不是100时不评定自评等级"
        ),
        "{found:?}"
    );
    assert!(
        has("error", "总分109.5超过100分，请核对各项分值和得分"),
        "{found:?}"
    );
    // No false group-weight error against the template's 50/30, and the
    // 二级 满意度指标 is a notice at most.
    assert!(
        !found
            .iter()
            .any(|(_, m)| m.contains("下各三级指标分值合计")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .filter(|(_, m)| m.contains("满意度指标"))
            .all(|(s, _)| s == "notice"),
        "{found:?}"
    );
    assert_eq!(computed(home.path(), "indicators.total_score"), "109.50");
    assert_eq!(computed(home.path(), "indicators.grade"), Value::Null);
    let check = run(home.path(), &["check", "p.json"]);
    assert_eq!(check.code, Some(1), "{}", check.stdout);
}

#[test]
fn a_common_indicator_table_is_set_and_checked() {
    let home = tempfile::tempdir().unwrap();
    let rows: [[&str; 6]; 4] = [
        ["决策", "资金落实", "资金到位率", "=100%", "100%", "20"],
        ["管理", "财务管理", "预算执行率", "≥95%", "98%", "15"],
        ["管理", "业务管理", "政府采购执行率", "=100%", "100%", "15"],
        ["绩效", "项目效益", "履职目标实现", "显著", "达成", "50"],
    ];
    let mut pairs: Vec<(String, &str)> = vec![("unit".into(), "某某局"), ("year".into(), "2022")];
    for (n, cells) in rows.iter().enumerate() {
        let columns = ["level1", "level2", "name", "target", "actual", "weight"];
        for (c, v) in columns.iter().zip(cells) {
            pairs.push((format!("indicators.{}.{c}", n + 1), v));
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(p, v)| (p.as_str(), *v)).collect();
    project(home.path(), "dept-common-indicators", &borrowed);
    assert_eq!(computed(home.path(), "indicators.total_score"), "100.00");
    assert_eq!(computed(home.path(), "indicators.grade"), "优");
    let found = problems(home.path());
    assert!(!found.iter().any(|(s, _)| s == "error"), "{found:?}");
    let check = run(home.path(), &["check", "p.json"]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
}

#[test]
fn a_score_only_sheet_gets_its_total_from_its_rows() {
    let home = tempfile::tempdir().unwrap();
    let rows: [[&str; 4]; 3] = [
        ["产出指标", "完成培训", "60", "57"],
        ["效益指标", "社会效益", "30", "28.5"],
        ["满意度指标", "满意度", "10", "9.8"],
    ];
    let mut pairs: Vec<(String, &str)> = vec![("unit".into(), "某某局"), ("year".into(), "2022")];
    for (n, cells) in rows.iter().enumerate() {
        for (c, v) in ["level1", "name", "weight", "score"].iter().zip(cells) {
            pairs.push((format!("indicators.{}.{c}", n + 1), v));
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(p, v)| (p.as_str(), *v)).collect();
    project(home.path(), "dept-score-only", &borrowed);
    // 57 + 28.5 + 9.8
    assert_eq!(computed(home.path(), "indicators.total_score"), "95.30");
    assert_eq!(computed(home.path(), "indicators.grade"), "优");
    let check = run(home.path(), &["check", "p.json"]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
}
