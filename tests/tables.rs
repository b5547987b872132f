//! Tables from the command line: a 项目支出绩效自评表 filled in with
//! `ziping set`, exported with its computed figures, checked, and refused
//! values that leave the file alone. Each run gets its own config and data
//! directories, set on the child only.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/locale.rs"]
mod locale;

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use locale::run_in as run;

/// A new 项目支出 project `p.json` in `home` with `pairs` set in one call.
fn project(home: &Path, pairs: &[(&str, &str)]) -> PathBuf {
    let new = run(home, &["new", "--template", "project-selfeval", "p.json"]);
    assert_eq!(new.code, Some(0), "{}", new.stderr);
    let mut args = vec!["set", "p.json"];
    for (path, value) in pairs {
        args.extend([*path, *value]);
    }
    let set = run(home, &args);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    home.join("p.json")
}

const FILLED: [(&str, &str); 37] = [
    ("project_name", "党员教育培训"),
    ("year", "2022"),
    ("department", "中共常宁市委组织部"),
    ("unit", "中共常宁市委组织部"),
    ("funding.total.initial", "100"),
    ("funding.total.budget", "100.00"),
    ("funding.total.actual", "85.00"),
    ("funding.appropriation.initial", "100"),
    ("funding.appropriation.budget", "100"),
    ("funding.appropriation.actual", "85"),
    ("funding_note", "部分培训因疫情延期至次年举办。"),
    ("goal.goal.expected", "全年培训党员不少于50人次"),
    ("goal.goal.achieved", "培训党员40人次"),
    ("indicators.1.level1", "产出指标"),
    ("indicators.1.level2", "数量指标"),
    ("indicators.1.name", "培训党员人次"),
    ("indicators.1.target", "≥50个"),
    ("indicators.1.actual", "40个"),
    ("indicators.1.weight", "50"),
    ("indicators.1.reason", "部分培训延期，次年优先安排"),
    ("indicators.2.level1", "效益指标"),
    ("indicators.2.level2", "社会效益指标"),
    ("indicators.2.name", "培训成本"),
    ("indicators.2.target", "≤90万元"),
    ("indicators.2.actual", "100万元"),
    ("indicators.2.weight", "30"),
    ("indicators.2.reason", "教材涨价"),
    ("indicators.3.level1", "满意度指标"),
    ("indicators.3.level2", "服务对象满意度指标"),
    ("indicators.3.name", "参训党员满意度"),
    ("indicators.3.target", "满意"),
    ("indicators.3.actual", "部分达成"),
    ("indicators.3.weight", "10"),
    ("indicators.3.reason", "课程形式单一，将增加现场教学"),
    ("indicators.4.level1", "产出指标"),
    ("indicators.4.level2", "时效指标"),
    ("indicators.4.name", "按时完成率"),
];

#[test]
fn a_project_filled_with_set_exports_aligned_tables_with_computed_figures() {
    let home = tempfile::tempdir().unwrap();
    let file = project(home.path(), &FILLED);
    let export = run(home.path(), &["export", file.to_str().unwrap()]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    // 8.50 + 50 × 40/50 + 30 × 90/100 + 10 × 80%
    for figure in ["85.00%", "8.50", "40.00", "27.00", "8.00"] {
        assert!(
            export.stdout.contains(figure),
            "{figure}:\n{}",
            export.stdout
        );
    }
    // The summary lines are rows of the indicator grid.
    let row = |label: &str, value: &str| {
        export.stdout.lines().any(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            cells.get(1) == Some(&label) && cells.get(2) == Some(&value)
        })
    };
    assert!(row("总分", "83.50"), "{}", export.stdout);
    // Row 4 (按时完成率) has no score yet, so the grade waits for it.
    assert!(row("自评等级", ""), "{}", export.stdout);
    // No East Asian ambiguous character in a grid line (≥ is printed >=).
    for line in export.stdout.lines().filter(|l| l.starts_with(['+', '|'])) {
        assert_eq!(line.width(), line.width_cjk(), "ambiguous: {line}");
    }
    // Every line of a table is as wide as its rules.
    let mut width = None;
    for line in export.stdout.lines() {
        if line.starts_with('+') {
            width = Some(line.width());
        }
        if line.starts_with(['+', '|']) {
            assert_eq!(Some(line.width()), width, "misaligned: {line}");
        }
    }
    insta::assert_snapshot!(export.stdout);
}

#[test]
fn check_names_the_rows_and_the_difference_of_an_unbalanced_funding_block() {
    let home = tempfile::tempdir().unwrap();
    let file = project(
        home.path(),
        &[
            ("funding.total.budget", "100"),
            ("funding.appropriation.budget", "80"),
            ("funding.carryover.budget", "5"),
            ("funding.other.budget", "10"),
        ],
    );
    let text = run(home.path(), &["check", file.to_str().unwrap()]);
    assert_eq!(text.code, Some(1), "{}", text.stderr);
    let want = "错误  一、项目资金  项目资金（万元）［funding］ 年度资金总额 › 全年预算数（A）：\
                本年财政拨款、上年结转资金、其他资金合计95.00万元，与年度资金总额100.00万元不符，相差5.00万元";
    assert!(text.stdout.lines().any(|l| l == want), "{}", text.stdout);

    let json = run(
        home.path(),
        &["check", "--format", "json", file.to_str().unwrap()],
    );
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    let problem = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["message"]
                .as_str()
                .is_some_and(|m| m.contains("相差5.00万元"))
        })
        .unwrap();
    assert_eq!(problem["section"], "一、项目资金");
    assert_eq!(problem["table"], "项目资金（万元）");
    assert_eq!(problem["row"], "年度资金总额");
    assert_eq!(problem["column"], "全年预算数（A）");
    assert_eq!(problem["path"], "funding.total.budget");
    assert_eq!(problem["severity"], "error");
}

#[test]
fn a_refused_value_changes_nothing_and_says_why() {
    let home = tempfile::tempdir().unwrap();
    let file = project(home.path(), &[("funding.total.budget", "100")]);
    let before = fs::read(&file).unwrap();
    let cases = [
        (
            vec!["funding.total.actual", "85", "funding.total.budget", "一百"],
            "请输入金额",
        ),
        (
            vec!["indicators.1.target", "≥很多"],
            "请在“≥”后写数值和单位",
        ),
        (vec!["funding.total.rate", "85"], "由公式计算，不能填写"),
        (vec!["indicators.5.name", "甲"], "行号应为1至1"),
        (vec!["nope", "1"], "没有名为“nope”的字段"),
    ];
    for (pairs, message) in cases {
        let mut args = vec!["set", "p.json"];
        args.extend(&pairs);
        let out = run(home.path(), &args);
        assert_eq!(out.code, Some(1), "{pairs:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{pairs:?}: {}", out.stderr);
        assert!(out.stderr.contains("p.json 未改动"), "{}", out.stderr);
        assert_eq!(fs::read(&file).unwrap(), before, "{pairs:?}: file changed");
    }
    let odd = run(home.path(), &["set", "p.json", "funding.total.actual"]);
    assert_ne!(odd.code, Some(0));
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn fields_lists_cells_with_their_labels_and_computed_values() {
    let home = tempfile::tempdir().unwrap();
    let file = project(
        home.path(),
        &[
            ("funding.total.budget", "100"),
            ("funding.total.actual", "85"),
        ],
    );
    let text = run(home.path(), &["fields", file.to_str().unwrap()]);
    let rate = "funding.total.rate\tpercent\t年度资金总额 › 执行率（B/A）\t\t= 85.00%";
    assert!(text.stdout.lines().any(|l| l == rate), "{}", text.stdout);

    let json = run(
        home.path(),
        &["fields", "--format", "json", file.to_str().unwrap()],
    );
    let rows: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    let score = rows
        .iter()
        .find(|r| r["path"] == "funding.total.score")
        .unwrap();
    assert_eq!(score["label"], "得分");
    assert_eq!(score["row_label"], "年度资金总额");
    assert_eq!(score["kind"], "decimal");
    assert_eq!(score["computed"], "8.50");
    let budget = rows
        .iter()
        .find(|r| r["path"] == "funding.total.budget")
        .unwrap();
    assert_eq!(budget["value"], "100");
    assert!(budget.get("computed").is_none(), "{budget}");
}
