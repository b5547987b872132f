//! Weights, totals and typed scores as real tables write them, through the
//! shipped templates: figures checked by hand in the comments.

use super::*;
use crate::catalog;
use crate::lang::Lang;
use crate::model::cell_path::{assign, listing};
use crate::model::project::Project;
use crate::model::report::Report;

fn project(template: &str, pairs: &[(&str, &str)]) -> Project {
    let mut project = catalog::new_project(template);
    for (path, text) in pairs {
        assign(&mut project, path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    project
}

fn computed(project: &Project, path: &str) -> Option<String> {
    listing(project)
        .into_iter()
        .find(|l| l.path == path)
        .and_then(|l| l.computed)
}

/// Every finding with its severity and Chinese sentence.
fn found(project: &Project) -> Vec<(Severity, String, Option<String>)> {
    Report::new(project)
        .findings()
        .map(|f| {
            let sentence = crate::strings::finding(&f.kind, Lang::Zh);
            (f.severity, sentence, f.place.path.clone())
        })
        .collect()
}

/// The indicator rows' scores added up, as the 总分 counts them.
fn scored(project: &Project) -> String {
    let sheet = Sheet::new(project);
    let table = sheet.table(&project.template, "indicators").expect("table");
    let score = table.column_index("score").expect("score");
    let rows: Vec<usize> = (0..table.rows.len()).collect();
    table.sum(score, &rows).to_string()
}

fn has(project: &Project, severity: Severity, message: &str) -> bool {
    found(project)
        .iter()
        .any(|(s, m, _)| *s == severity && m == message)
}

fn mentions(project: &Project, part: &str) -> bool {
    found(project).iter().any(|(_, m, _)| m.contains(part))
}

/// One met indicator row `n`: `≥50个` reached with 60个.
fn met_row(n: usize, level1: &str, level2: &str, weight: &str) -> Vec<(String, String)> {
    [
        ("level1", level1),
        ("level2", level2),
        ("name", "指标"),
        ("target", "≥50个"),
        ("actual", "60个"),
        ("weight", weight),
    ]
    .iter()
    .map(|(c, v)| (format!("indicators.{n}.{c}"), v.to_string()))
    .collect()
}

fn with(template: &str, rows: &[Vec<(String, String)>], extra: &[(&str, &str)]) -> Project {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for row in rows {
        pairs.extend(row.iter().map(|(p, v)| (p.as_str(), v.as_str())));
    }
    pairs.extend(extra);
    project(template, &pairs)
}

const BUDGET_95: [(&str, &str); 2] = [
    ("funding.total.budget", "100"),
    ("funding.total.actual", "95"),
];

#[test]
fn a_table_weighted_70_20_10_with_the_budget_row_is_told_its_total_is_wrong() {
    for template in ["dept-selfeval", "project-selfeval"] {
        // 产出 40 + 30, 效益 20, 满意度 10, all met; the budget row scores
        // 10 × 95% = 9.5: 总分 100 + 9.5 = 109.5 over weights of 110.
        let p = with(
            template,
            &[
                met_row(1, "产出指标", "数量指标", "40"),
                met_row(2, "产出指标", "质量指标", "30"),
                met_row(3, "效益指标", "社会效益指标", "20"),
                met_row(4, "满意度指标", "服务对象满意度指标", "10"),
            ],
            &BUDGET_95,
        );
        assert_eq!(
            computed(&p, "indicators.total_score").as_deref(),
            Some("109.50")
        );
        // No false group-weight error against the template's 50/30.
        assert!(!mentions(&p, "下各三级指标分值合计"), "{:?}", found(&p));
        for want in [
            "一级指标分值合计100加预算执行率分值10为110，应为100；分值合计不是100时不评定自评等级",
            "总分109.5超过100分，请核对各项分值和得分",
        ] {
            assert!(has(&p, Severity::Error, want), "{want}: {:?}", found(&p));
        }
        assert_eq!(computed(&p, "indicators.grade"), None, "{template}");
    }
}

#[test]
fn weights_that_make_100_give_a_grade_and_no_weight_finding() {
    // 产出 60, 效益 20, 满意度 10 and the budget row's 10: 100. Scores
    // 60 + 20 + 10 + 9.5 = 99.5 → 优.
    let p = with(
        "dept-selfeval",
        &[
            met_row(1, "产出指标", "数量指标", "60"),
            met_row(2, "效益指标", "社会效益指标", "20"),
            met_row(3, "满意度指标", "服务对象满意度指标", "10"),
        ],
        &BUDGET_95,
    );
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("99.50")
    );
    assert_eq!(computed(&p, "indicators.grade").as_deref(), Some("优"));
    assert!(!mentions(&p, "分值合计"), "{:?}", found(&p));
}

#[test]
fn a_weight_the_table_states_is_checked_against_its_rows() {
    // 产出指标（70分） over rows of 40 + 20 = 60: the group is wrong, and
    // the weights make 70 + 20 + 10 = 100 with the budget row.
    let p = with(
        "dept-selfeval",
        &[
            met_row(1, "产出指标（70分）", "数量指标", "40"),
            met_row(2, "产出指标", "质量指标", "20"),
            met_row(3, "效益指标（20分）", "社会效益指标", "20"),
        ],
        &BUDGET_95,
    );
    assert!(
        has(
            &p,
            Severity::Error,
            "产出指标下各三级指标分值合计60.00，应等于一级指标分值70.00"
        ),
        "{:?}",
        found(&p)
    );
    assert!(!mentions(&p, "效益指标下"), "{:?}", found(&p));
    assert!(!mentions(&p, "一级指标分值合计"), "{:?}", found(&p));
    // The label with its weight is a usual label, not a notice.
    assert!(!mentions(&p, "不是模板列出的"), "{:?}", found(&p));
    // Two different weights stated for one group: the first counts.
    let p = with(
        "dept-selfeval",
        &[
            met_row(1, "产出指标（70分）", "数量指标", "70"),
            met_row(2, "产出指标（60分）", "质量指标", "0"),
        ],
        &[],
    );
    assert!(
        has(
            &p,
            Severity::Warning,
            "“产出指标”的分值写法不一：按70计，另有60"
        ),
        "{:?}",
        found(&p)
    );
}

#[test]
fn any_label_is_accepted_and_an_unusual_one_is_a_notice() {
    let p = with(
        "dept-selfeval",
        &[
            met_row(1, "产出指标", "数量指标", "50"),
            met_row(2, "效益指标", "社会效益", "30"),
            met_row(3, "满意度指标", "满意度指标", "10"),
            met_row(4, "预算执行", "预算执行率", "10"),
        ],
        &[],
    );
    let notices: Vec<String> = found(&p)
        .into_iter()
        .filter(|(s, _, _)| *s == Severity::Notice)
        .map(|(_, m, _)| m)
        .collect();
    assert_eq!(
        notices,
        [
            "“社会效益”不是模板为“效益指标”列出的二级指标（经济效益指标、社会效益指标、生态效益指标、可持续影响指标），按表中所写计入",
            "“满意度指标”不是模板为“满意度指标”列出的二级指标（服务对象满意度指标），按表中所写计入",
            "“预算执行”不是模板列出的一级指标（产出指标、效益指标、满意度指标），按表中所写计入",
            "“预算执行率”不是模板列出的二级指标（数量指标、质量指标、时效指标、成本指标、经济效益指标、社会效益指标、生态效益指标、可持续影响指标、服务对象满意度指标），按表中所写计入",
        ]
    );
    // No error about a label; every row is scored and counted: 50 + 30 +
    // 10 + 10 = 100, with no budget row filled (its 10 still counts: 110).
    assert!(
        !found(&p).iter().any(|(s, m, _)| *s == Severity::Error
            && m.contains("指标")
            && !m.contains("分值合计")),
        "{:?}",
        found(&p)
    );
    assert_eq!(scored(&p), "100");
}

#[test]
fn no_group_is_required_because_the_template_lists_it() {
    // Only 产出 and 效益 rows (70 + 20) and the budget row: 100.
    let p = with(
        "dept-selfeval",
        &[
            met_row(1, "产出指标", "数量指标", "70"),
            met_row(2, "效益指标", "社会效益指标", "20"),
        ],
        &BUDGET_95,
    );
    assert!(!mentions(&p, "满意度指标"), "{:?}", found(&p));
    assert!(!mentions(&p, "分值合计"), "{:?}", found(&p));
    // 70 + 20 + 9.5
    assert_eq!(computed(&p, "indicators.grade").as_deref(), Some("优"));
}

#[test]
fn the_grade_waits_for_every_row_with_the_reason() {
    let mut rows = vec![
        met_row(1, "产出指标", "数量指标", "50"),
        met_row(2, "效益指标", "社会效益指标", "30"),
        met_row(3, "满意度指标", "服务对象满意度指标", "10"),
    ];
    rows[2].retain(|(p, _)| !p.ends_with("actual"));
    rows[2].push(("indicators.3.actual".into(), String::new()));
    rows[2].retain(|(p, _)| !p.ends_with("target"));
    rows[2].push(("indicators.3.target".into(), "≥90%".into()));
    let p = with("dept-selfeval", &rows, &BUDGET_95);
    assert_eq!(computed(&p, "indicators.grade"), None);
    assert!(
        has(
            &p,
            Severity::Notice,
            "尚有1行未得分，全部得分后才评定自评等级"
        ),
        "{:?}",
        found(&p)
    );
}

/// Row 1 of `template` with `target`, `actual`, weight 10 and `score`
/// typed, and `reason` if given.
fn typed(target: &str, actual: &str, score: &str, reason: &str) -> Project {
    project(
        "dept-selfeval",
        &[
            ("indicators.1.level1", "产出指标"),
            ("indicators.1.level2", "数量指标"),
            ("indicators.1.name", "培训党员人次"),
            ("indicators.1.target", target),
            ("indicators.1.actual", actual),
            ("indicators.1.weight", "10"),
            ("indicators.1.score", score),
            ("indicators.1.reason", reason),
        ],
    )
}

#[test]
fn a_typed_score_is_judged_against_the_rule() {
    let score = Some("indicators.1.score".to_string());
    let reason = Some("indicators.1.reason".to_string());
    let notice = |m: &str| (Severity::Notice, m.to_string(), score.clone());
    let error = |m: &str| (Severity::Error, m.to_string(), score.clone());
    let warning = |m: &str| (Severity::Warning, m.to_string(), reason.clone());
    // (target, actual, typed, reason) → findings about the typed score.
    let cases = [
        // Met (rule 10), 9 typed: kept, the rule named, a reason asked for.
        (
            ("≥50个", "60个", "9", ""),
            vec![
                notice("填写的得分9.00低于按规则计算的得分10.00，按填写的得分计"),
                warning(
                    "得分9.00低于按规则计算的10.00，请在“偏差原因分析及改进措施”中说明扣分原因",
                ),
            ],
        ),
        // With its reason: the notice stays, the warning goes.
        (
            ("≥50个", "60个", "9", "培训资料归档不全，扣1分"),
            vec![notice(
                "填写的得分9.00低于按规则计算的得分10.00，按填写的得分计",
            )],
        ),
        // The rule's own score typed: nothing to say.
        (("≥50个", "60个", "10", ""), vec![]),
        // Missed (rule 10 × 40/50 = 8), 9 typed: above the rule.
        (
            ("≥50个", "40个", "9", "部分培训延期"),
            vec![error("填写的得分9.00高于按规则计算的得分8.00，请改正")],
        ),
        // 定性 部分达成: the rule allows 6–8; 7 is within the tier.
        (("效果明显", "部分达成", "7", "课程单一"), vec![]),
        (
            ("效果明显", "部分达成", "5", "课程单一"),
            vec![notice(
                "填写的得分5.00低于按规则计算的得分6.00至8.00，按填写的得分计",
            )],
        ),
        (
            ("效果明显", "达成", "7.5", ""),
            vec![
                notice("填写的得分7.50低于按规则计算的得分8.00至10.00，按填写的得分计"),
                warning("得分7.50低于按规则计算的8.00，请在“偏差原因分析及改进措施”中说明扣分原因"),
            ],
        ),
        (
            ("效果明显", "部分达成", "9", "课程单一"),
            vec![error("填写的得分9.00高于按规则计算的得分8.00，请改正")],
        ),
    ];
    for ((target, actual, score, why), want) in cases {
        let p = typed(target, actual, score, why);
        let got: Vec<(Severity, String, Option<String>)> = found(&p)
            .into_iter()
            .filter(|(_, m, _)| m.contains("得分") && !m.contains("行未得分"))
            .collect();
        assert_eq!(got, want, "{target} {actual} {score} {why:?}");
    }
    // The typed score is what counts: 9 of the met row's 10.
    let p = typed("≥50个", "60个", "9", "");
    assert_eq!(scored(&p), "9");
}

#[test]
fn a_score_only_sheet_gets_its_total_from_its_rows() {
    let row = |n: usize, level1: &str, weight: &str, score: &str| -> Vec<(String, String)> {
        [
            ("level1", level1),
            ("name", "指标"),
            ("weight", weight),
            ("score", score),
        ]
        .iter()
        .map(|(c, v)| (format!("indicators.{n}.{c}"), v.to_string()))
        .collect()
    };
    // Without a budget row: 产出 50 + 20 (48 + 19.5), 效益 20 (18),
    // 满意度 10 (9.5): 95 of 100 → 优.
    let rows = [
        row(1, "产出指标（70分）", "50", "48"),
        row(2, "产出指标", "20", "19.5"),
        row(3, "效益指标", "20", "18"),
        row(4, "满意度指标", "10", "9.5"),
    ];
    let p = with("dept-score-only", &rows, &[]);
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("95.00")
    );
    assert_eq!(computed(&p, "indicators.grade").as_deref(), Some("优"));
    assert!(!mentions(&p, "分值合计"), "{:?}", found(&p));
    // With a budget row of 10 (9 typed): the weights make 110 and the
    // total 104 — both told, no grade.
    let budget = [("funding.total.weight", "10"), ("funding.total.score", "9")];
    let p = with("dept-score-only", &rows, &budget);
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("104.00")
    );
    assert_eq!(computed(&p, "indicators.grade"), None);
    assert!(
        has(
            &p,
            Severity::Error,
            "各项分值合计110，应为100；分值合计不是100时不评定自评等级"
        ),
        "{:?}",
        found(&p)
    );
    // The budget row scored from its figures when no score is typed: 产出
    // 60 instead of 70, and 10 × 90/100 = 9: 48 + 9.5 + 18 + 9.5 + 9 = 94.
    let rows = [
        row(1, "产出指标", "50", "48"),
        row(2, "产出指标", "10", "9.5"),
        row(3, "效益指标", "20", "18"),
        row(4, "满意度指标", "10", "9.5"),
    ];
    let budget = [
        ("funding.total.weight", "10"),
        ("funding.total.budget", "100"),
        ("funding.total.actual", "90"),
    ];
    let p = with("dept-score-only", &rows, &budget);
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("94.00")
    );
    assert_eq!(computed(&p, "indicators.grade").as_deref(), Some("优"));
    // An unscored row: the total counts what is there, the grade waits.
    let mut rows = rows.to_vec();
    rows[3].retain(|(p, _)| !p.ends_with("score"));
    let p = with("dept-score-only", &rows, &budget);
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("84.50")
    );
    assert_eq!(computed(&p, "indicators.grade"), None);
}

#[test]
fn a_common_indicator_table_is_entered_and_scored() {
    let row = |n: usize, cells: [&str; 6]| -> Vec<(String, String)> {
        ["level1", "level2", "name", "target", "actual", "weight"]
            .iter()
            .zip(cells)
            .map(|(c, v)| (format!("indicators.{n}.{c}"), v.to_string()))
            .collect()
    };
    let p = with(
        "dept-common-indicators",
        &[
            // 决策 20: met → 10 + 10.
            row(
                1,
                ["决策", "项目立项", "立项依据充分性", "充分", "达成", "10"],
            ),
            row(2, ["决策", "资金落实", "资金到位率", "=100%", "100%", "10"]),
            // 管理 30: 预算执行率 ≥95% with 92% → 15 × 92/95 = 14.526… →
            // 14.53; 政府采购执行率 met → 15.
            row(
                3,
                [
                    "管理（30分）",
                    "财务管理",
                    "预算执行率",
                    "≥95%",
                    "92%",
                    "15",
                ],
            ),
            row(
                4,
                ["管理", "业务管理", "政府采购执行率", "=100%", "100%", "15"],
            ),
            // 绩效 50: met → 50.
            row(
                5,
                ["绩效", "项目产出", "重点工作完成率", "≥90%", "96%", "50"],
            ),
        ],
        &[("indicators.3.reason", "部分项目年底结算，资金次年支付")],
    );
    assert_eq!(computed(&p, "indicators.3.score").as_deref(), Some("14.53"));
    // 20 + 14.53 + 15 + 50
    assert_eq!(
        computed(&p, "indicators.total_score").as_deref(),
        Some("99.53")
    );
    assert_eq!(computed(&p, "indicators.grade").as_deref(), Some("优"));
    let errors: Vec<_> = found(&p)
        .into_iter()
        .filter(|(s, _, _)| *s != Severity::Notice)
        .filter(|(_, _, path)| path.as_deref().is_some_and(|p| p.starts_with("indicators")))
        .collect();
    assert_eq!(errors, vec![], "the rows are all well formed");
    // The 一级分值 column states a group's weight too.
    let mut stated = p.clone();
    assign(&mut stated, "indicators.1.level1_weight", "25").expect("weight");
    assert!(has(
        &stated,
        Severity::Error,
        "决策下各三级指标分值合计20.00，应等于一级指标分值25.00"
    ));
}
