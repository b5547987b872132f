//! The export's tables laid out as the form prints them, from the command
//! line: a 项目支出 project filled with `ziping set`, exported at its own
//! width and fitted to `--wrap N`; its title. Each run gets its own config
//! and data directories, set on the child only.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::path::Path;

#[path = "common/locale.rs"]
mod locale;

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn run(home: &Path, args: &[&str]) -> String {
    let mut cmd = Command::from_std(locale::ziping_in(home));
    let out = cmd.current_dir(home).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Two 数量指标 rows in one group (二级 spanning them) and one in another.
const FILLED: [(&str, &str); 25] = [
    ("project_name", "委托业务项目"),
    ("year", "2022"),
    ("funding.total.budget", "100"),
    ("funding.total.actual", "85"),
    ("funding.appropriation.budget", "100"),
    ("funding.appropriation.actual", "85"),
    ("indicators.1.level1", "产出指标"),
    ("indicators.1.level2", "数量指标"),
    ("indicators.1.name", "培训党员人次"),
    ("indicators.1.target", "≥50个"),
    ("indicators.1.actual", "40个"),
    ("indicators.1.weight", "30"),
    ("indicators.1.reason", "部分培训延期，次年优先安排"),
    ("indicators.2.level1", "产出指标"),
    ("indicators.2.level2", "数量指标"),
    ("indicators.2.name", "培训场次"),
    ("indicators.2.target", "≥10次"),
    ("indicators.2.actual", "10次"),
    ("indicators.2.weight", "20"),
    ("indicators.3.level1", "满意度指标"),
    ("indicators.3.level2", "服务对象满意度指标"),
    ("indicators.3.name", "参训党员满意度"),
    ("indicators.3.target", "≥90%"),
    ("indicators.3.actual", "95%"),
    ("indicators.3.weight", "10"),
];

fn project(home: &Path) {
    run(home, &["new", "--template", "project-selfeval", "p.json"]);
    let mut args = vec!["set", "p.json"];
    args.extend(FILLED.iter().flat_map(|(path, value)| [*path, *value]));
    run(home, &args);
}

fn grid_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with(['+', '|'])).collect()
}

#[test]
fn the_title_does_not_double_the_word_a_project_name_ends_with() {
    let home = tempfile::tempdir().unwrap();
    project(home.path());
    let text = run(home.path(), &["export", "p.json"]);
    // 委托业务项目 + 项目支出绩效自评表
    assert!(
        text.starts_with("委托业务项目支出绩效自评表\n（2022年度）\n"),
        "{text}"
    );
}

#[test]
fn wrapped_at_80_columns_the_tables_keep_their_spans_and_fit() {
    let home = tempfile::tempdir().unwrap();
    project(home.path());
    let text = run(home.path(), &["export", "--wrap", "80", "p.json"]);
    let grid = grid_lines(&text);
    assert!(!grid.is_empty(), "{text}");
    for line in &grid {
        assert!(line.width() <= 80, "wider than 80: {line}");
        assert_eq!(line.width(), line.width_cjk(), "ambiguous: {line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn too_narrow_a_wrap_lists_the_rows_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    project(home.path());
    let text = run(home.path(), &["export", "--wrap", "30", "p.json"]);
    assert!(grid_lines(&text).is_empty(), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("（此表在30列内排不下")),
        "{text}"
    );
    for want in [
        "第1行「培训党员人次」",
        "　　年度指标值：≥50个",
        "总分：62.50",
    ] {
        assert!(text.lines().any(|l| l == want), "{want}:\n{text}");
    }
    // A 小计 is one line of its own, wrapped.
    let joined = text.replace('\n', "");
    assert!(
        joined.contains("产出指标小计：分值 50.00；得分 44.00"),
        "{text}"
    );
    for line in text.lines() {
        assert!(line.width() <= 30, "wider than 30: {line}");
    }
}
