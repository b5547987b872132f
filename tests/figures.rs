//! Figures in prose (issue 18) as a user meets them: `ziping figures` on
//! the sample, and `ziping check` warning where the prose and the tables
//! disagree — and staying quiet where they agree within 余 or where the
//! seed's own text has nothing wrong.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/locale.rs"]
mod locale;

use serde_json::Value;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/changning-2022.json")
}

/// A copy of the sample in `home` with `pairs` set through `ziping set`.
fn sample_with(home: &Path, pairs: &[(&str, &str)]) -> PathBuf {
    let file = home.join("报告.json");
    fs::copy(sample(), &file).expect("copy the sample");
    if !pairs.is_empty() {
        let mut args = vec!["set", "报告.json"];
        for (path, value) in pairs {
            args.extend([*path, *value]);
        }
        let set = locale::run_in(home, &args);
        assert_eq!(set.code, Some(0), "{}", set.stderr);
    }
    file
}

fn figures_json(home: &Path, file: &Path) -> Vec<Value> {
    let file = file.to_string_lossy();
    let out = locale::run_in(home, &["figures", &file, "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).expect("figures prints JSON");
    json.as_array().cloned().unwrap_or_default()
}

/// The check's problems of the figure kinds: (kind, severity, message).
fn figure_problems(home: &Path, file: &Path) -> Vec<(String, String, String)> {
    let (_, json) = locale::check_json(file, home);
    let kinds = [
        "figure_disagrees",
        "count_differs",
        "sum_differs",
        "year_ahead",
    ];
    let text = |p: &Value, key: &str| p[key].as_str().unwrap_or_default().to_string();
    json["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| kinds.contains(&p["kind"].as_str().unwrap_or_default()))
        .map(|p| (text(p, "kind"), text(p, "severity"), text(p, "message")))
        .collect()
}

/// One indicator row (its 1-based place in the table) as `set` pairs.
fn indicator(n: usize, name: &str, target: &str, actual: &str) -> Vec<(String, String)> {
    [
        ("level1", "产出指标"),
        ("level2", "数量指标"),
        ("name", name),
        ("target", target),
        ("actual", actual),
        ("weight", "10"),
    ]
    .iter()
    .map(|(column, value)| (format!("indicators.{n}.{column}"), value.to_string()))
    .collect()
}

fn pairs(rows: &[Vec<(String, String)>]) -> Vec<(&str, &str)> {
    rows.iter()
        .flatten()
        .map(|(p, v)| (p.as_str(), v.as_str()))
        .collect()
}

#[test]
fn figures_lists_the_samples_figures_with_their_units_sections_and_places() {
    let home = tempfile::tempdir().expect("home");
    let found = figures_json(home.path(), &sample());
    let has = |text: &str, value: &str, unit: &str, approx: Option<&str>| {
        found.iter().find(|f| {
            f["text"] == text
                && f["value"] == value
                && f["unit"] == unit
                && f["approx"].as_str() == approx
        })
    };
    let pinned = [
        ("33016人次", "33016", "人次", None),
        ("56.7%", "56.7", "%", None),
        ("383406元", "383406", "元", None),
        ("94支", "94", "支", None),
        ("275人", "275", "人", None),
        ("2200余次", "2200", "次", Some("more")),
        ("4万余份", "4", "万份", Some("more")),
        ("49%以上", "49", "%", Some("at_least")),
        ("10余部", "10", "部", Some("more")),
        ("两个", "2", "个", None),
        ("1651名", "1651", "名", None),
        ("40万元", "40", "万元", None),
        ("800多人次", "800", "人次", Some("more")),
        ("13批次", "13", "批次", None),
    ];
    for (text, value, unit, approx) in pinned {
        assert!(
            has(text, value, unit, approx).is_some(),
            "{text} not listed as {value} {unit} {approx:?}"
        );
    }
    let trained = has("33016人次", "33016", "人次", None)
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        trained["section"],
        "二、项目实施情况和主要成效 › （一）部门整体支出绩效情况"
    );
    assert_eq!(trained["field"], "achievements");
    assert_eq!(trained["item"], 1);
    assert_eq!(trained["clause"], "累计培训党员33016人次");
    // The position counts characters in the item's text.
    let project: Value =
        serde_json::from_str(&fs::read_to_string(sample()).expect("sample")).expect("JSON");
    let item: Vec<char> = project["values"]["achievements"][0]
        .as_str()
        .unwrap_or_default()
        .chars()
        .collect();
    let start = trained["start"].as_u64().unwrap_or_default() as usize;
    let end = trained["end"].as_u64().unwrap_or_default() as usize;
    assert_eq!(item[start..end].iter().collect::<String>(), "33016人次");
    // False friends of the seed's: its 文号, 二十大, 十九届六中全会, years.
    for f in &found {
        let text = f["text"].as_str().unwrap_or_default();
        assert!(
            !["10号", "15号", "2022年", "二十", "十九", "六"].contains(&text),
            "{f}"
        );
    }
    // The text listing says where each one is.
    let out = locale::run_in(home.path(), &["figures", &sample().to_string_lossy()]);
    assert!(
        out.stdout.contains(
            "二、项目实施情况和主要成效 › （一）部门整体支出绩效情况\t主要成效第1条\t第388字\t33016人次\t累计培训党员33016人次\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_figure_the_indicator_table_contradicts_is_a_warning_naming_both_places() {
    let home = tempfile::tempdir().expect("home");
    let rows = [indicator(1, "培训党员人次", "≥30000人次", "32000人次")];
    let file = sample_with(home.path(), &pairs(&rows));
    let problems = figure_problems(home.path(), &file);
    assert_eq!(
        problems,
        vec![(
            "figure_disagrees".to_string(),
            "warning".to_string(),
            "主要成效第1条写“培训党员33016人次”，绩效指标“培训党员人次”实际完成值为32000人次"
                .to_string()
        )]
    );
    let text = locale::run_in(home.path(), &["check", "报告.json"]);
    assert!(
        text.stdout.contains("警告  二、项目实施情况和主要成效 › （一）部门整体支出绩效情况  主要成效［achievements］：主要成效第1条写“培训党员33016人次”"),
        "{}",
        text.stdout
    );
    // `figures` shows the link and that it disagrees.
    let found = figures_json(home.path(), &file);
    let trained = found.iter().find(|f| f["text"] == "33016人次");
    let link = trained.map(|f| f["link"].clone()).unwrap_or_default();
    assert_eq!(link["path"], "indicators.1.actual");
    assert_eq!(link["agrees"], false);
    assert_eq!(link["strength"], "clause");
}

#[test]
fn figures_that_agree_within_their_hedge_or_exactly_raise_nothing() {
    let home = tempfile::tempdir().expect("home");
    let rows = [
        indicator(1, "培训党员人次", "≥30000人次", "33016人次"),
        // 4万余份 allows 40,000 to 49,999.
        indicator(2, "签订反电诈承诺书", "≥40000份", "41200份"),
        // 480余枚 allows 480 to 489.
        indicator(3, "纪念章", "≥400枚", "486枚"),
    ];
    let file = sample_with(home.path(), &pairs(&rows));
    assert_eq!(figure_problems(home.path(), &file), vec![]);
    let found = figures_json(home.path(), &file);
    for text in ["33016人次", "4万余份", "480余枚"] {
        let f = found.iter().find(|f| f["text"] == text).cloned();
        let link = f.map(|f| f["link"].clone()).unwrap_or_default();
        assert_eq!(link["agrees"], true, "{text}: {link}");
    }
    // Out of the hedge's range it is a warning.
    let home = tempfile::tempdir().expect("home");
    let rows = [indicator(1, "纪念章", "≥400枚", "495枚")];
    let file = sample_with(home.path(), &pairs(&rows));
    let problems = figure_problems(home.path(), &file);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .2
            .ends_with("写“纪念章480余枚”，绩效指标“纪念章”实际完成值为495枚"),
        "{problems:?}"
    );
}

#[test]
fn an_amount_is_compared_with_the_funding_cell_its_clause_names() {
    let home = tempfile::tempdir().expect("home");
    let summary =
        "全年执行数为383406元，执行率100%。其中人员经费支出120000元。为选调生发放补贴500000元。";
    let file = sample_with(
        home.path(),
        &[
            ("overall_summary", summary),
            ("funding.total.budget", "38.34"),
            ("funding.total.actual", "38.34"),
        ],
    );
    // 383406元 is 38.34万元 as the table keeps it; 人员经费 has no cell
    // (a part, only shown), the 补贴 is not labelled at all.
    assert_eq!(figure_problems(home.path(), &file), vec![]);
    let home = tempfile::tempdir().expect("home");
    let file = sample_with(
        home.path(),
        &[
            ("overall_summary", summary),
            ("funding.total.budget", "40"),
            ("funding.total.actual", "39.5"),
        ],
    );
    let problems = figure_problems(home.path(), &file);
    assert_eq!(
        problems.iter().map(|p| p.2.as_str()).collect::<Vec<_>>(),
        [
            "总体情况写“全年执行数为383406元”，年度资金（万元）“年度资金总额”全年执行数（B）为39.5万元"
        ]
    );
}

#[test]
fn counts_totals_and_years_in_the_seed_raise_nothing_and_slips_are_caught() {
    let home = tempfile::tempdir().expect("home");
    // The seed: 10个股级职能组室 and its ten names, 2020年和2021年新招录,
    // （2022—2026年）.
    assert_eq!(figure_problems(home.path(), &sample()), vec![]);

    let text = "全市辖10个乡镇，分别是宜阳、泉峰、培元、宜潭、盐湖、西岭、柏坊、罗桥、庙前。城区8个，乡镇8个，共15个。2025年已全部完成。";
    let file = sample_with(home.path(), &[("problems_text", text)]);
    let problems = figure_problems(home.path(), &file);
    let got: Vec<(&str, &str, &str)> = problems
        .iter()
        .map(|(k, s, m)| (k.as_str(), s.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "count_differs",
                "warning",
                "“10个”之后列出的是9项，数目不符"
            ),
            ("sum_differs", "warning", "“8个”“8个”合计16，与“15个”不符"),
            (
                "year_ahead",
                "notice",
                "“2025年”晚于报告年度2022年的下一年，请核对是否写错"
            ),
        ]
    );
}
