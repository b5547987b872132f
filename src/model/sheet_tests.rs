//! The scoring rules of the shipped 项目支出绩效自评表 template, with figures
//! checked by hand, and property tests over any figures.

use proptest::prelude::*;

use super::*;
use crate::catalog;
use crate::lang::Lang;
use crate::model::cell_path::assign;
use crate::model::finding::Finding;
use crate::model::report::Report;
use crate::model::schema::Severity;
use crate::strings;

/// A new project from the 项目支出 template with `pairs` set.
fn project(pairs: &[(&str, &str)]) -> Project {
    let mut project = catalog::new_project("project-selfeval");
    for (path, text) in pairs {
        assign(&mut project, path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    project
}

/// The computed value of a cell or summary line, as `ziping fields` shows it.
fn computed(project: &Project, path: &str) -> Option<String> {
    crate::model::cell_path::listing(project)
        .into_iter()
        .find(|l| l.path == path)
        .and_then(|l| l.computed)
}

/// Every finding of the report with its Chinese sentence.
fn messages(project: &Project) -> Vec<(String, Finding)> {
    Report::new(project)
        .findings()
        .map(|f| (strings::finding(&f.kind, Lang::Zh), f.clone()))
        .collect()
}

fn has(project: &Project, message: &str) -> bool {
    messages(project).iter().any(|(m, _)| m == message)
}

const LOW_RATE: &str = "执行率低于90%，请说明原因";

#[test]
fn funding_rate_and_budget_score() {
    // (A, B, 执行率, 得分, low-rate warning)
    let cases = [
        ("100.00", "85.00", Some("85.00%"), Some("8.50"), true),
        ("100", "90", Some("90.00%"), Some("9.00"), false),
        ("100", "120", Some("120.00%"), Some("10.00"), false),
        ("300", "100", Some("33.33%"), Some("3.33"), true),
        ("3", "2", Some("66.67%"), Some("6.67"), true),
        ("0", "5", None, None, false),
        ("100", "", None, None, false),
    ];
    for (a, b, rate, score, warned) in cases {
        let p = project(&[("funding.total.budget", a), ("funding.total.actual", b)]);
        let case = format!("A={a} B={b}");
        assert_eq!(
            computed(&p, "funding.total.rate").as_deref(),
            rate,
            "{case}"
        );
        assert_eq!(
            computed(&p, "funding.total.score").as_deref(),
            score,
            "{case}"
        );
        assert_eq!(has(&p, LOW_RATE), warned, "{case}");
    }
}

#[test]
fn a_written_reason_answers_the_low_rate_warning() {
    let figures = [
        ("funding.total.budget", "100"),
        ("funding.total.actual", "85"),
    ];
    assert!(has(&project(&figures), LOW_RATE));
    let mut explained = figures.to_vec();
    explained.push(("funding_note", "部分培训因故延期至次年。"));
    assert!(!has(&project(&explained), LOW_RATE));
}

#[test]
fn only_the_paragraphs_a_formula_names_are_in_the_formulas_scope() {
    let p = project(&[
        ("funding_note", "部分培训因故延期至次年。"),
        ("conclusion_text", "项目完成了年度目标。"),
    ]);
    let scope = Sheet::new(&p).scope();
    // The cross-check on a low rate reads the note …
    assert_eq!(
        scope
            .get_value::<rhai::ImmutableString>("funding_note")
            .as_deref(),
        Some("部分培训因故延期至次年。")
    );
    // … and no formula reads the conclusion: its text is not copied there.
    assert!(!scope.contains("conclusion_text"));
}

#[test]
fn spending_over_budget_is_a_warning() {
    let p = project(&[
        ("funding.total.budget", "100"),
        ("funding.total.actual", "120"),
    ]);
    let (message, problem) = messages(&p)
        .into_iter()
        .find(|(m, _)| m.contains("超过全年预算数"))
        .expect("B > A warned");
    assert_eq!(problem.severity, Severity::Warning);
    assert_eq!(
        message,
        "全年执行数120.00万元超过全年预算数100.00万元，请核实"
    );
}

/// An indicator in row 1: target, actual, weight → computed score, and
/// whether 偏差原因 is then required.
#[test]
fn indicator_scores_by_comparator() {
    let cases = [
        ("≥50个", "40个", "10", "8.00", true),
        ("≥50个", "50", "10", "10.00", false),
        ("≥50个", "0个", "10", "0.00", true),
        ("≤90万元", "100万元", "10", "9.00", true),
        ("≤90万元", "80万元", "10", "10.00", false),
        ("=100%", "80%", "10", "8.00", true),
        ("=100%", "125%", "10", "8.00", true),
        ("=100%", "100%", "10", "10.00", false),
        ("≥95%", "94.5%", "5", "4.97", true),
        ("效果明显", "达成", "10", "10.00", false),
        ("效果明显", "部分达成", "10", "8.00", true),
        ("效果明显", "未达成", "10", "6.00", true),
    ];
    let reason = "偏差原因分析及改进措施";
    for (target, actual, weight, score, needs_reason) in cases {
        let p = project(&[
            ("indicators.1.level1", "产出指标"),
            ("indicators.1.level2", "数量指标"),
            ("indicators.1.name", "培训党员人次"),
            ("indicators.1.target", target),
            ("indicators.1.actual", actual),
            ("indicators.1.weight", weight),
        ]);
        let case = format!("{target} {actual} {weight}");
        assert_eq!(
            computed(&p, "indicators.1.score").as_deref(),
            Some(score),
            "{case}"
        );
        let asked = messages(&p).iter().any(|(m, p)| {
            m.contains(reason) && p.place.path.as_deref() == Some("indicators.1.reason")
        });
        assert_eq!(asked, needs_reason, "{case}");
        let mut answered = p.clone();
        assign(&mut answered, "indicators.1.reason", "培训场地受限").expect("reason");
        assert!(
            !messages(&answered).iter().any(|(m, _)| m.contains(reason)),
            "{case}"
        );
    }
}

#[test]
fn total_and_grade() {
    let p = project(&[
        ("funding.total.budget", "100"),
        ("funding.total.actual", "85"),
        ("indicators.1.level1", "产出指标"),
        ("indicators.1.level2", "数量指标"),
        ("indicators.1.target", "≥100个"),
        ("indicators.1.actual", "80个"),
        ("indicators.1.weight", "50"),
        ("indicators.2.level1", "效益指标"),
        ("indicators.2.level2", "社会效益指标"),
        ("indicators.2.target", "≥90%"),
        ("indicators.2.actual", "95%"),
        ("indicators.2.weight", "30"),
        ("indicators.3.level1", "满意度指标"),
        ("indicators.3.level2", "服务对象满意度指标"),
        ("indicators.3.target", "满意"),
        ("indicators.3.actual", "部分达成"),
        ("indicators.3.weight", "10"),
    ]);
    // 8.50 + 40.00 + 30.00 + 8.00
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("86.50")
    );
    assert_eq!(computed(&p, "indicators.grade").as_deref(), Some("良"));
}

#[test]
fn grade_boundaries() {
    let template = catalog::builtin("project-selfeval");
    let spec = template.field("indicators").and_then(|f| f.table());
    let grade = spec
        .and_then(|s| s.summary.iter().find(|l| l.id == "grade"))
        .and_then(|l| l.formula.clone())
        .expect("grade formula");
    // (总分, rows without a score, first-level weights) → 等级; blank while
    // a row is unscored or the weights (with the budget row's 10) do not
    // make 100, or the total is above 100.
    let cases = [
        ("100", 0, "90", Some("优")),
        ("90", 0, "90", Some("优")),
        ("89.99", 0, "90", Some("良")),
        ("86.5", 0, "90", Some("良")),
        ("80", 0, "90", Some("良")),
        ("79.99", 0, "90", Some("中")),
        ("60", 0, "90", Some("中")),
        ("59.99", 0, "90", Some("差")),
        ("0", 0, "90", Some("差")),
        ("86.5", 1, "90", None),
        ("86.5", 0, "100", None),
        ("101", 0, "90", None),
    ];
    for (total, blank, weights, want) in cases {
        let mut scope = Scope::new();
        let total: Decimal = total.parse().expect("number");
        let weights: Decimal = weights.parse().expect("number");
        scope.push("total_score", total);
        let mut group = Map::new();
        group.insert("weight".into(), Dynamic::from(weights));
        let mut blanks = Map::new();
        blanks.insert("score".into(), Dynamic::from(blank as i64));
        let mut indicators = Map::new();
        indicators.insert("groups".into(), Dynamic::from(vec![Dynamic::from(group)]));
        indicators.insert("blank".into(), Dynamic::from(blanks));
        scope.push("indicators", indicators);
        let mut total_row = Map::new();
        total_row.insert("weight".into(), Dynamic::from(Decimal::from(10)));
        let mut funding = Map::new();
        funding.insert("total".into(), Dynamic::from(total_row));
        scope.push("funding", funding);
        match (formula::eval(&grade, &mut scope), want) {
            (Outcome::Value(v), Some(want)) => assert_eq!(v.to_string(), want, "{total}"),
            (Outcome::Value(v), None) => assert!(v.is_unit(), "{total}: {v}"),
            (Outcome::Blank, None) => {}
            (other, _) => panic!("{total}: {other:?}"),
        }
    }
}

#[test]
fn unbalanced_funding_names_rows_and_difference() {
    let p = project(&[
        ("funding.total.budget", "100"),
        ("funding.appropriation.budget", "80"),
        ("funding.other.budget", "15"),
        ("funding.total.actual", "90"),
        ("funding.appropriation.actual", "90"),
    ]);
    let found: Vec<(String, Finding)> = messages(&p)
        .into_iter()
        .filter(|(m, _)| m.contains("与年度资金总额"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let (message, problem) = &found[0];
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem.place.field, "funding");
    assert_eq!(problem.place.row.as_deref(), Some("年度资金总额"));
    assert_eq!(problem.place.column.as_deref(), Some("全年预算数（A）"));
    assert_eq!(
        message,
        "本年财政拨款、上年结转资金、其他资金合计95.00万元，与年度资金总额100.00万元不符，相差5.00万元"
    );
}

#[test]
fn spending_parts_add_up_in_the_form_template() {
    let mut p = catalog::new_project("hunan-form");
    for (path, text) in [
        ("spend_total", "100"),
        ("spend_basic", "60"),
        ("spend_project", "30"),
        ("spend_personnel", "40"),
        ("spend_public", "20"),
    ] {
        assign(&mut p, path, text).expect(path);
    }
    let found: Vec<String> = messages(&p)
        .into_iter()
        .filter(|(_, f)| f.place.field.starts_with("spend_"))
        .map(|(m, _)| m)
        .collect();
    assert_eq!(
        found,
        ["支出合计100.00万元应等于基本支出60.00万元与项目支出30.00万元之和，相差10.00万元"]
    );
}

/// A figure with 0–2 decimals, from 0 to 10 000.
fn amount() -> impl Strategy<Value = String> {
    (0u32..=1_000_000).prop_map(|cents| Decimal::new(i64::from(cents), 2).to_string())
}

fn indicator() -> impl Strategy<Value = (String, String, String)> {
    let op = prop_oneof![Just("≥"), Just("≤"), Just("="), Just("定性")];
    let tier = prop_oneof![Just("达成"), Just("部分达成"), Just("未达成")];
    (op, amount(), amount(), tier, 0u32..=5_000).prop_map(|(op, target, actual, tier, w)| {
        let weight = Decimal::new(i64::from(w), 2).to_string();
        match op {
            "定性" => ("效果明显".to_string(), tier.to_string(), weight),
            op => (format!("{op}{target}个"), format!("{actual}个"), weight),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scores_stay_within_their_weights_and_add_up(
        budget in amount(),
        actual in amount(),
        rows in proptest::collection::vec(indicator(), 0..6),
    ) {
        let mut pairs = vec![
            ("funding.total.budget".to_string(), budget),
            ("funding.total.actual".to_string(), actual),
        ];
        for (i, (target, actual, weight)) in rows.iter().enumerate() {
            let n = i + 1;
            pairs.push((format!("indicators.{n}.target"), target.clone()));
            pairs.push((format!("indicators.{n}.actual"), actual.clone()));
            pairs.push((format!("indicators.{n}.weight"), weight.clone()));
        }
        let borrowed: Vec<(&str, &str)> =
            pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let p = project(&borrowed);
        let sheet = Sheet::new(&p);
        let mut sum = Decimal::ZERO;
        let mut complete = true;
        for table in ["funding", "indicators"] {
            let table = sheet.table(&p.template, table).expect("table");
            let (w, s) = (table.column_index("weight").expect("weight"), table.column_index("score").expect("score"));
            for row in &table.rows {
                let weight = to_decimal(&row.cells[w].effective(&table.spec.columns[w]));
                match (&row.cells[s].computed, weight) {
                    (Some(Scalar::Number(score)), Some(weight)) => {
                        prop_assert!(*score >= Decimal::ZERO && *score <= weight, "{score} of {weight}");
                        sum += *score;
                    }
                    (None, _) if row.cells[s].applies => complete = false,
                    _ => {}
                }
            }
        }
        let total = sheet.table(&p.template, "indicators").and_then(|t| t.summary[0].clone());
        if complete {
            prop_assert_eq!(total, Some(Scalar::Number(sum)));
        } else {
            prop_assert_eq!(total, None);
        }
    }
}
