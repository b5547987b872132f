//! Targets and actual values as real 自评表 write them (DOMAIN.md, "How real
//! tables and reports are written"), each read and scored through the real
//! report of the built-in 项目支出 table: one row, weight 10, a reason
//! given so only the reading speaks. Scores hand-checked in the comments.

// Test scaffolding: a broken fixture should fail the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use serde_json::json;
use ziping::lang::Lang;
use ziping::model::project::{Entry, Project};
use ziping::model::report::Report;
use ziping::model::sheet::Scalar;
use ziping::strings;

fn project(id: &str) -> Project {
    let (entries, errors) = ziping::catalog::load(None);
    assert!(errors.is_empty(), "{errors:?}");
    let template = ziping::catalog::find(&entries, id).expect("built in");
    Project::new(template, "2026-01-01T00:00:00Z")
}

/// One indicator row of `template` with these cells (and a reason, so a
/// miss asks for nothing more).
fn one_row(template: &str, cells: serde_json::Value) -> Project {
    let mut p = project(template);
    let mut row = json!({
        "level1": "产出指标", "level2": "数量指标", "name": "培训人次",
        "weight": "10", "reason": "说明"
    });
    for (k, v) in cells.as_object().expect("cells").iter() {
        row[k] = v.clone();
    }
    let entry: Entry = serde_json::from_value(json!({"rows": [row]})).expect("entry");
    p.set("indicators", entry);
    p
}

/// The computed `column` of the first row, as shown (`8.00`, `是`), or `—`.
fn computed(p: &Project, report: &Report, column: &str) -> String {
    let table = report.table(&p.template, "indicators").expect("table");
    let i = table.column_index(column).expect("column");
    let field = &table.spec.columns[i];
    match &table.rows[0].cells[i].computed {
        Some(s @ Scalar::Number(_)) => s.display(field),
        Some(Scalar::Flag(b)) => if *b { "met" } else { "miss" }.to_string(),
        Some(other) => other.display(field),
        None => "—".to_string(),
    }
}

/// The codes of the findings at the first row's cells, with severity.
fn findings(report: &Report) -> Vec<String> {
    report
        .findings()
        .filter(|f| {
            f.place
                .path
                .as_deref()
                .is_some_and(|p| p.starts_with("indicators.1."))
        })
        .map(|f| {
            format!(
                "{}:{}",
                strings::severity(f.severity, Lang::En),
                f.kind.code()
            )
        })
        .collect()
}

/// 二级指标, 年度指标值, 实际完成值, 是否达成, 得分, findings at the row.
type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a [&'a str]);

#[test]
fn every_spelling_is_read_and_scored() {
    let cases: &[Case] = &[
        // ≥: met → 10; missed → 10 × actual ÷ target
        ("数量指标", "≥50个", "50个", "met", "10.00", &[]),
        ("数量指标", "≥50个", "40个", "miss", "8.00", &[]), // 10×40/50
        ("数量指标", "≧50个", "60个", "met", "10.00", &[]),
        ("数量指标", ">=50个", "25", "miss", "5.00", &[]), // unit left out: 10×25/50
        ("数量指标", "＞＝５０个", "45个", "miss", "9.00", &[]), // 10×45/50
        ("数量指标", "大于等于50个", "50个", "met", "10.00", &[]),
        ("质量指标", "不低于90%", "85%", "miss", "9.44", &[]), // 10×85/90 = 9.444
        ("数量指标", "不少于3次", "3次", "met", "10.00", &[]),
        ("数量指标", "至少2期", "1期", "miss", "5.00", &[]), // 10×1/2
        ("数量指标", "50个以上", "50个", "met", "10.00", &[]),
        // ≤ (a convention): missed → 10 × target ÷ actual
        ("成本指标", "≤90万元", "100万元", "miss", "9.00", &[]), // 10×90/100
        ("成本指标", "≦90万元", "80万元", "met", "10.00", &[]),
        ("成本指标", "<=90万元", "120万元", "miss", "7.50", &[]), // 10×90/120
        ("成本指标", "＜＝90万元", "90万元", "met", "10.00", &[]),
        ("成本指标", "小于等于90万元", "45万元", "met", "10.00", &[]),
        ("成本指标", "不超过20万元", "25万元", "miss", "8.00", &[]), // 10×20/25
        ("质量指标", "不高于5%", "4%", "met", "10.00", &[]),
        ("时效指标", "3天以内", "6天", "miss", "5.00", &[]), // 10×3/6
        // = (a convention): missed → 10 × smaller ÷ larger
        ("质量指标", "=100%", "100%", "met", "10.00", &[]),
        ("质量指标", "＝100％", "80%", "miss", "8.00", &[]), // 10×80/100
        ("成本指标", "﹦72890元", "72890元", "met", "10.00", &[]),
        ("数量指标", "等于4个", "5个", "miss", "8.00", &[]), // 10×4/5
        // strict (a convention): equality is a miss, scored as ≥ / ≤
        ("质量指标", ">95%", "95%", "miss", "10.00", &[]), // 10×95/95
        ("质量指标", ">95%", "96%", "met", "10.00", &[]),
        ("质量指标", "大于95%", "76%", "miss", "8.00", &[]), // 10×76/95
        ("质量指标", "<5%", "5%", "miss", "10.00", &[]),     // 10×5/5
        ("质量指标", "低于5%", "4%", "met", "10.00", &[]),
        ("质量指标", "小于5%", "10%", "miss", "5.00", &[]), // 10×5/10
        // ranges (a convention): met inside; outside by the nearer bound
        ("质量指标", "90%-100%", "95%", "met", "10.00", &[]),
        ("质量指标", "90%-100%", "72%", "miss", "8.00", &[]), // 10×72/90
        ("数量指标", "3～5个", "10个", "miss", "5.00", &[]),  // 10×5/10
        ("数量指标", "3至5个", "3个", "met", "10.00", &[]),
        // bare figures: the default of the 二级 (成本 ≤, others ≥), a notice
        (
            "数量指标",
            "100%",
            "95%",
            "miss",
            "9.50",
            &["notice:target_default"],
        ), // ≥: 10×95/100
        (
            "成本指标",
            "20万元",
            "25万元",
            "miss",
            "8.00",
            &["notice:target_default"],
        ), // ≤: 10×20/25
        (
            "成本指标",
            "20万元",
            "15万元",
            "met",
            "10.00",
            &["notice:target_default"],
        ),
        // actual values as real tables write them
        ("成本指标", "≥7万元", "72890元", "met", "10.00", &[]), // 7.289万元
        ("成本指标", "≤7万元", "80000元", "miss", "8.75", &[]), // 10×7/8
        ("数量指标", "≥266米", "≥266米", "met", "10.00", &[]),
        ("数量指标", "≥50个", "已完成", "met", "10.00", &[]),
        (
            "数量指标",
            "≥50个",
            "40%",
            "—",
            "—",
            &["warning:units_differ"],
        ),
        ("数量指标", "≥50个", "", "—", "—", &["error:actual_missing"]),
        (
            "数量指标",
            "≥50个",
            "进展顺利",
            "—",
            "—",
            &["notice:actual_unknown"],
        ),
        // qualitative: the tier's top (达成 100%, 基本/部分达成 80%, 未达成 60%)
        ("质量指标", "高", "高", "met", "10.00", &[]),
        ("质量指标", "效果明显", "达成预期指标", "met", "10.00", &[]),
        ("质量指标", "效果明显", "达到预期", "met", "10.00", &[]),
        ("质量指标", "效果明显", "显著提升", "met", "10.00", &[]),
        ("质量指标", "效果明显", "效果明显", "met", "10.00", &[]),
        ("质量指标", "效果明显", "完成", "met", "10.00", &[]),
        ("质量指标", "效果明显", "好", "met", "10.00", &[]),
        ("质量指标", "效果明显", "较好", "miss", "8.00", &[]), // 基本达成: 10×0.8
        ("质量指标", "效果明显", "基本达成", "miss", "8.00", &[]),
        ("质量指标", "效果明显", "部分达成", "miss", "8.00", &[]),
        ("质量指标", "效果明显", "未达成", "miss", "6.00", &[]), // 10×0.6
        (
            "质量指标",
            "效果明显",
            "有待观察",
            "—",
            "—",
            &["notice:actual_unknown"],
        ),
        (
            "质量指标",
            "效果明显",
            "95%",
            "—",
            "—",
            &["notice:actual_unknown"],
        ),
        // not applicable: not scored against a target
        (
            "质量指标",
            "/",
            "/",
            "—",
            "—",
            &["notice:target_not_applicable"],
        ),
        (
            "质量指标",
            "—",
            "完成",
            "—",
            "—",
            &["notice:target_not_applicable"],
        ),
    ];
    for (level2, target, actual, met, score, found) in cases {
        let level1 = "产出指标";
        let p = one_row(
            "project-selfeval",
            json!({"level1": level1, "level2": level2, "target": target, "actual": actual}),
        );
        let report = Report::new(&p);
        let what = format!("{level2} {target} / {actual}");
        assert_eq!(computed(&p, &report, "met"), *met, "{what}: met");
        assert_eq!(computed(&p, &report, "score"), *score, "{what}: score");
        assert_eq!(findings(&report), *found, "{what}: findings");
    }
}

#[test]
fn a_reversed_direction_flips_a_bare_target_in_the_split_table() {
    // (指标性质, 指标值, 度量单位, 指标方向, 实际完成值, 得分)
    let cases = [
        ("定量", "95", "%", "正向", "90", "9.47"), // ≥95: 10×90/95 = 9.47
        ("定量", "5", "%", "反向", "10", "5.00"),  // ≤5: 10×5/10
        ("定量", "≥5", "%", "反向", "10", "10.00"), // written: never flipped
        ("定量", "3-5", "个", "", "4", "10.00"),
        ("定性", "效果明显", "", "", "效果明显", "10.00"),
        ("定量", "72890", "元", "", "7.289万元", "10.00"),
    ];
    for (nature, value, unit, direction, actual, score) in cases {
        let p = one_row(
            "project-selfeval-split",
            json!({"nature": nature, "value": value, "unit": unit,
                   "direction": direction, "actual": actual}),
        );
        let report = Report::new(&p);
        let what = format!("{nature} {value}{unit} {direction} / {actual}");
        assert_eq!(computed(&p, &report, "score"), score, "{what}");
    }
}

/// The case: a published table whose 支出合计 is typed before its
/// parts. Nothing is judged, and no message shows `{…}` or （空）.
#[test]
fn a_check_waits_until_the_figures_of_its_message_are_filled() {
    let mut p = project("hunan-form");
    for (path, value) in [("spend_total", "100"), ("spend_basic", "50")] {
        ziping::model::cell_path::assign(&mut p, path, value).expect(path);
    }
    let report = Report::new(&p);
    for f in report.findings() {
        let zh = strings::finding(&f.kind, Lang::Zh);
        assert!(!zh.contains('{') && !zh.contains("（空）"), "{zh}");
    }
    ziping::model::cell_path::assign(&mut p, "spend_project", "40").expect("set");
    let report = Report::new(&p);
    let sentences: Vec<String> = report
        .of_field("spend_total")
        .map(|f| strings::finding(&f.kind, Lang::Zh))
        .collect();
    assert_eq!(
        sentences,
        ["支出合计100.00万元应等于基本支出50.00万元与项目支出40.00万元之和，相差10.00万元"]
    );
}

/// A user's own broken template: one line in Chinese naming the template,
/// the formula and what is wrong, at the formula's column — never the
/// engine's English words or a dump of the formula's lines.
#[test]
fn a_broken_user_template_is_one_chinese_line() {
    let mut p = one_row(
        "project-selfeval",
        json!({"target": "≥50个", "actual": "40个"}),
    );
    let mut template = serde_json::to_value(&p.template).expect("template");
    let columns = template["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .flat_map(|s| s["fields"].as_array_mut().into_iter().flatten())
        .find(|f| f["id"] == "indicators")
        .map(|f| f["table"]["columns"].as_array_mut().expect("columns"))
        .expect("indicators");
    for column in columns.iter_mut() {
        if column["id"] == "met" {
            column["formula"] = json!(["// 一条注释", "if weight { 1 } else { 2 }"]);
        }
        if column["id"] == "share_max" {
            column["formula"] = json!("weight.nope()");
        }
    }
    template["id"] = json!("mine");
    template["name"] = json!("我的模板");
    p.template = serde_json::from_value(template).expect("still a template");
    let report = Report::new(&p);
    let failed: Vec<(Option<String>, String)> = report
        .findings()
        .filter(|f| f.kind.code() == "formula")
        .map(|f| (f.place.column.clone(), strings::finding(&f.kind, Lang::Zh)))
        .collect();
    assert_eq!(
        failed,
        [
            (
                Some("是否达成".to_string()),
                "模板“我的模板”（mine）的公式出错，请修改模板：公式“// 一条注释 if weight { 1 } else { 2 }”无法计算：值的类型不对，应为真假值，实际是数值（第2行第4个字符处）".to_string()
            ),
            (
                Some("定性档次上限".to_string()),
                "模板“我的模板”（mine）的公式出错，请修改模板：公式“weight.nope()”无法计算：没有函数 nope（数值），或它不接受这些类型的值（第1行第8个字符处）".to_string()
            ),
        ]
    );
}
