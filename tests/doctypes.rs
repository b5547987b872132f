//! The built-in document types beyond the 自评表, as a new user tries them
//! with a real report in hand: a 项目支出绩效自评报告 (a 河南 county's
//! water-supply project) and a department report in the circulated outline
//! (structure C), each made with `ziping new`, filled with `ziping set`,
//! checked, exported and looked at in the editor; and the optional opening
//! 自评得分情况, whose 自评总分 is checked against the 附表's 总分 and whose
//! absence leaves the other headings' numbers as they were.

// A missing binary, temp dir or JSON should fail the test loudly.
#![allow(clippy::expect_used)]

mod common;

use std::path::Path;

use common::locale::run_in;
use common::*;
use serde_json::Value;

/// A new project `p.json` from `template` in `home`, with `pairs` set.
fn project(home: &Path, template: &str, pairs: &[(&str, &str)]) {
    let new = run_in(home, &["new", "--template", template, "p.json"]);
    assert_eq!(new.code, Some(0), "{}", new.stderr);
    if !pairs.is_empty() {
        set(home, pairs);
    }
}

fn set(home: &Path, pairs: &[(&str, &str)]) {
    let mut args = vec!["set", "p.json"];
    for (path, value) in pairs {
        args.extend([*path, *value]);
    }
    let set = run_in(home, &args);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
}

/// `ziping check --format json`: each problem's severity and message.
fn problems(home: &Path) -> Vec<(String, String)> {
    let out = run_in(home, &["check", "--format", "json", "p.json"]);
    let report: Value = serde_json::from_str(&out.stdout).expect("check prints JSON");
    report["problems"]
        .as_array()
        .expect("a list of problems")
        .iter()
        .map(|p| {
            let text = |k: &str| p[k].as_str().unwrap_or("").to_string();
            (text("severity"), text("message"))
        })
        .collect()
}

fn export(home: &Path) -> String {
    let out = run_in(home, &["export", "p.json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout
}

fn has_line(text: &str, line: &str) -> bool {
    text.lines().any(|l| l == line)
}

/// The outline of the filled project in the editor, 80×24.
fn outline(home: tempfile::TempDir) -> String {
    let path = home.path().join("p.json");
    let mut h = Harness::open(home, &path, 80, 24);
    h.run(vec![]);
    h.screen()
}

/// A 河南 county's 2022 report on its rural water-supply project, as the
/// clerk would type it from last year's.
const PROJECT: [(&str, &str); 14] = [
    ("project_name", "农村饮水安全巩固提升"),
    ("year", "2022"),
    ("department", "信阳市水利局"),
    ("unit", "光山县水利局"),
    (
        "overview_text",
        "为巩固脱贫攻坚成果，根据《河南省“十四五”农村供水保障规划》，光山县2022年实施农村饮水安全巩固提升工程。\n项目年度预算1,260.00万元，其中中央和省级财政资金1,000.00万元，县级配套260.00万元，全年支出1,198.50万元。",
    ),
    (
        "targets_text",
        "新建和改造集中供水工程12处，铺设供水管网86公里，巩固提升3.2万农村人口的供水保障水平。",
    ),
    (
        "work_text",
        "县水利局成立由分管副局长任组长的自评工作小组，对照年初批复的绩效目标，收集工程验收、资金支付和水质检测资料，2023年3月抽查了5处工程现场并走访受益群众。",
    ),
    (
        "verdict_text",
        "项目绩效目标全面完成，资金使用规范，自评得分99.51分，等级为优。",
    ),
    (
        "outputs_text",
        "计划新建和改造供水工程12处，实际完成12处；计划铺设管网86公里，实际完成88.4公里；工程验收合格率100%。",
    ),
    (
        "effects_text",
        "受益农村人口3.26万人，农村自来水普及率由89%提高到93.1%。",
    ),
    (
        "satisfaction_text",
        "发放受益群众满意度问卷300份，收回287份，满意度为96.2%。",
    ),
    (
        "problems_text",
        "个别工程因汛期停工，进度滞后约一个月；部分村级管水员培训不足，日常维护跟不上。",
    ),
    (
        "measures_list",
        "提前谋划汛期施工，倒排工期。\n\n开展村级管水员集中培训，落实管护经费。",
    ),
    ("report_date", "2023年4月10日"),
];

/// The 自评表 the project report (and the department reports, whose 附表
/// has the same paths) carries: 9.51 for the budget, 90 for the indicators,
/// a 总分 of 99.51.
const TABLE: [(&str, &str); 40] = [
    ("funding.total.initial", "1260"),
    ("funding.total.budget", "1260"),
    ("funding.total.actual", "1198.5"),
    ("funding.appropriation.budget", "1000"),
    ("funding.appropriation.actual", "950"),
    ("funding.other.budget", "260"),
    ("funding.other.actual", "248.5"),
    (
        "goal.goal.expected",
        "新建和改造供水工程12处，巩固提升3.2万农村人口供水保障水平",
    ),
    ("goal.goal.achieved", "完成供水工程12处，受益人口3.26万人"),
    ("indicators.1.level1", "产出指标"),
    ("indicators.1.level2", "数量指标"),
    ("indicators.1.name", "新建和改造供水工程"),
    ("indicators.1.target", "≥12处"),
    ("indicators.1.actual", "12处"),
    ("indicators.1.weight", "20"),
    ("indicators.2.level1", "产出指标"),
    ("indicators.2.level2", "数量指标"),
    ("indicators.2.name", "铺设供水管网"),
    ("indicators.2.target", "≥86公里"),
    ("indicators.2.actual", "88.4公里"),
    ("indicators.2.weight", "15"),
    ("indicators.3.level1", "产出指标"),
    ("indicators.3.level2", "质量指标"),
    ("indicators.3.name", "工程验收合格率"),
    ("indicators.3.target", "≥100%"),
    ("indicators.3.actual", "100%"),
    ("indicators.3.weight", "15"),
    ("indicators.4.level1", "效益指标"),
    ("indicators.4.level2", "社会效益指标"),
    ("indicators.4.name", "受益农村人口"),
    ("indicators.4.target", "≥3.2万人"),
    ("indicators.4.actual", "3.26万人"),
    ("indicators.4.weight", "30"),
    ("indicators.5.level1", "满意度指标"),
    ("indicators.5.level2", "服务对象满意度指标"),
    ("indicators.5.name", "受益群众满意度"),
    ("indicators.5.target", "≥90%"),
    ("indicators.5.actual", "96.2%"),
    ("indicators.5.weight", "10"),
    (
        "funding_note",
        "县级配套资金按工程结算进度拨付，结余11.50万元。",
    ),
];

const PROJECT_TITLE: &str = "光山县水利局2022年度农村饮水安全巩固提升项目支出绩效自评报告";

#[test]
fn a_project_report_is_filled_checked_and_exported_without_its_table() {
    let home = tempfile::tempdir().expect("tempdir");
    project(home.path(), "project-report", &PROJECT);
    assert_eq!(problems(home.path()), vec![]);

    let text = export(home.path());
    assert_eq!(text.lines().next(), Some(PROJECT_TITLE), "{text}");
    for heading in [
        "一、基本情况",
        "（一）项目概况",
        "（二）绩效目标",
        "二、绩效自评工作开展情况",
        "三、综合评价情况及评价结论",
        "四、绩效目标实现情况分析",
        "（一）产出指标完成情况",
        "（二）效益指标完成情况",
        "（三）满意度指标完成情况",
        "五、存在的问题及原因",
        "六、改进措施和建议",
    ] {
        assert!(has_line(&text, heading), "{heading}:\n{text}");
    }
    assert!(text.contains("　　（二）开展村级管水员集中培训"), "{text}");
    assert!(text.ends_with("光山县水利局\n2023年4月10日\n"), "{text}");
    // Left empty, the optional parts are not printed at all.
    for absent in [
        "自评得分情况",
        "自评结果应用和公开情况",
        "附表",
        "项目资金",
        "总分",
    ] {
        assert!(!text.contains(absent), "{absent}:\n{text}");
    }

    insta::assert_snapshot!(outline(home));
}

#[test]
fn the_project_report_has_no_department_field_and_says_what_it_is() {
    let (entries, errors) = ziping::catalog::load(None);
    assert!(errors.is_empty(), "{errors:?}");
    let template = ziping::catalog::find(&entries, "project-report").expect("built in");
    assert!(
        template
            .title
            .iter()
            .any(|l| l.contains("项目支出绩效自评报告"))
    );
    let named = |words: &str| {
        template.walk().iter().any(|r| {
            r.section.heading.contains(words)
                || r.section.all_fields().any(|f| f.label.contains(words))
        })
    };
    assert!(!named("部门职责") && !named("机构人员"));

    // A new user's empty report is asked for the project's parts only.
    let home = tempfile::tempdir().expect("tempdir");
    project(home.path(), "project-report", &[]);
    let asked: Vec<String> = problems(home.path()).into_iter().map(|(_, m)| m).collect();
    assert!(!asked.is_empty());
    let check = run_in(home.path(), &["check", "p.json"]);
    assert!(!check.stdout.contains("部门职责"), "{}", check.stdout);
    assert!(!check.stdout.contains("机构人员"), "{}", check.stdout);
    assert!(check.stdout.contains("项目概况［overview_text］：此项必填"));
    let text = export(home.path());
    assert!(!text.contains("部门整体"), "{text}");
}

#[test]
fn the_project_reports_table_is_its_appendix_and_the_score_is_checked_against_it() {
    let home = tempfile::tempdir().expect("tempdir");
    project(home.path(), "project-report", &PROJECT);
    set(home.path(), &TABLE);
    assert_eq!(problems(home.path()), vec![]);
    let text = export(home.path());
    assert!(has_line(&text, "附表：项目支出绩效自评表"), "{text}");
    assert!(has_line(&text, "一、基本情况"), "{text}");
    // The table's own sections print no heading of their own in the 附表.
    assert!(!text.contains("一、项目资金") && !text.contains("（一）项目资金"));
    let appendix = text.find("附表：").expect("appendix");
    assert!(text[appendix..].contains("| 总分"), "{text}");
    assert!(text[appendix..].contains("99.51"), "{text}");

    // The opening score typed as published: 99.51 agrees with the table;
    // the headings after it move down one.
    set(
        home.path(),
        &[
            ("self_score", "99.51"),
            (
                "score_text",
                "预算执行率得分9.51分，产出、效益、满意度指标均得满分。",
            ),
        ],
    );
    assert_eq!(problems(home.path()), vec![]);
    let text = export(home.path());
    assert!(has_line(&text, "一、自评得分情况"), "{text}");
    assert!(has_line(&text, "　　自评总分：99.51分"), "{text}");
    assert!(has_line(&text, "二、基本情况"), "{text}");
    assert!(has_line(&text, "七、改进措施和建议"), "{text}");
    set(
        home.path(),
        &[(
            "use_text",
            "自评结果已报县财政局，作为2024年项目预算安排的依据，并在县政府门户网站公开。",
        )],
    );
    let text = export(home.path());
    assert!(has_line(&text, "八、自评结果应用和公开情况"), "{text}");
    // The 附表 stays unnumbered after it.
    assert!(has_line(&text, "附表：项目支出绩效自评表"), "{text}");

    // A slip: the report says 97, the table adds up to 99.51.
    set(home.path(), &[("self_score", "97")]);
    assert_eq!(
        problems(home.path()),
        vec![(
            "error".to_string(),
            "自评得分情况中的自评总分97.00分与附表自评表的总分99.51分不一致，请核对".to_string()
        )]
    );
}

#[test]
fn a_score_without_its_table_is_no_error() {
    let home = tempfile::tempdir().expect("tempdir");
    project(home.path(), "project-report", &PROJECT);
    set(home.path(), &[("self_score", "97")]);
    assert_eq!(problems(home.path()), vec![]);
    assert!(has_line(&export(home.path()), "一、自评得分情况"));
}

/// A county bureau's department report in the circulated outline.
const DEPARTMENT: [(&str, &str); 16] = [
    ("unit", "光山县农业农村局"),
    ("year", "2022"),
    (
        "preamble",
        "根据《光山县财政局关于开展2022年度预算绩效自评工作的通知》要求，我局对2022年度部门整体支出开展了绩效自评，现将有关情况报告如下：",
    ),
    (
        "duties",
        "贯彻落实党中央关于“三农”工作的方针政策和决策部署。\n\n统筹研究和组织实施全县“三农”工作发展战略、中长期规划。\n\n负责种植业、畜牧业、渔业等农业各产业的监督管理。",
    ),
    (
        "organisation_text",
        "我局内设股室8个，下属事业单位4个；核定编制96人，年末实有89人；年末资产总额2,356.18万元。",
    ),
    (
        "duty_goals_text",
        "稳定粮食生产，全年粮食播种面积稳定在128万亩以上，完成高标准农田建设5.2万亩。",
    ),
    (
        "spending_goals_text",
        "年初申报部门整体支出绩效目标：预算执行率不低于95%，高标准农田建设5.2万亩，农民培训1,500人次。",
    ),
    (
        "management_text",
        "按要求编报绩效目标，每季度开展绩效运行监控，年末组织各股室开展自评。",
    ),
    (
        "budget_text",
        "2022年年初预算4,862.35万元，调整后预算5,310.62万元，全年支出5,102.47万元，执行率96.08%。其中基本支出1,436.20万元（人员经费1,268.95万元，公用经费167.25万元），项目支出3,666.27万元。",
    ),
    (
        "duty_done_text",
        "全年粮食播种面积128.6万亩，总产量11.2亿斤；完成高标准农田建设5.2万亩，验收合格率100%；培训高素质农民1,620人次，均在年内完成。",
    ),
    (
        "duty_effect_text",
        "农村居民人均可支配收入增长6.8%；化肥使用量连续三年负增长，秸秆综合利用率达到92%。",
    ),
    (
        "problems_text",
        "部分项目资金下达较晚，年底集中支付，执行进度前慢后快；个别绩效指标设置不够细化。",
    ),
    (
        "measures_list",
        "加快项目前期工作，按月调度支出进度。\n\n细化量化绩效指标，提高目标编报质量。",
    ),
    (
        "publicity_text",
        "自评结果已报县财政局，作为2024年预算安排的参考，并随部门决算在县政府门户网站公开。",
    ),
    ("attachment", "附件2"),
    ("report_date", "2023年4月12日"),
];

#[test]
fn a_department_report_in_the_circulated_outline_is_filled_checked_and_exported() {
    let home = tempfile::tempdir().expect("tempdir");
    project(home.path(), "dept-report", &DEPARTMENT);
    assert_eq!(problems(home.path()), vec![]);

    let text = export(home.path());
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("附件2"), "{text}");
    assert_eq!(
        lines.next(),
        Some("光山县农业农村局2022年度部门整体支出绩效自评报告"),
        "{text}"
    );
    for heading in [
        "一、部门（单位）概况",
        "（一）主要职责职能、组织架构、人员及资产",
        "（二）履职总体目标和工作任务",
        "（三）年度整体支出绩效目标",
        "（四）预算绩效管理开展情况",
        "（五）预算及执行情况",
        "二、绩效实现情况",
        "（一）履职完成情况",
        "（二）履职效果情况",
        "三、存在的问题及原因",
        "四、改进措施和有关建议",
        "五、绩效自评结果应用和公开情况",
    ] {
        assert!(has_line(&text, heading), "{heading}:\n{text}");
    }
    assert!(text.contains("　　3、负责种植业"), "{text}");
    for absent in ["自评得分情况", "附表", "项目实施情况和主要成效"] {
        assert!(!text.contains(absent), "{absent}:\n{text}");
    }

    // Its 附表 is the department table; a score typed over it is checked.
    set(home.path(), &TABLE);
    set(home.path(), &[("self_score", "98")]);
    let found = problems(home.path());
    // The table set here is the project report's (年初预算数 1260万元),
    // which this department's own text (年初预算4,862.35万元) contradicts:
    // the figure check says so.
    let contradicted = (
        "warning".to_string(),
        "预算及执行情况写“年初预算4,862.35万元”，年度资金（万元）“年度资金总额”年初预算数为1260万元"
            .to_string(),
    );
    assert_eq!(
        found,
        vec![
            (
                "error".to_string(),
                "自评得分情况中的自评总分98.00分与附表自评表的总分99.51分不一致，请核对"
                    .to_string()
            ),
            contradicted.clone()
        ]
    );
    set(home.path(), &[("self_score", "")]);
    assert_eq!(problems(home.path()), vec![contradicted]);
    let text = export(home.path());
    assert!(has_line(&text, "附表：部门整体支出绩效自评表"), "{text}");
    assert!(has_line(&text, "一、部门（单位）概况"), "{text}");

    insta::assert_snapshot!(outline(home));
}

#[test]
fn the_seeds_report_opens_with_its_score_only_when_one_is_written() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        repo("sample-data/changning-2022.json"),
        home.path().join("p.json"),
    )
    .expect("copy sample");
    let before = export(home.path());
    assert!(has_line(&before, "一、基本情况"), "{before}");
    assert!(!before.contains("自评得分情况"));

    set(
        home.path(),
        &[
            ("self_score", "97"),
            ("score_text", "综合评分为97分，等级为优。"),
        ],
    );
    // No 附表 filled: nothing to check the score against.
    assert!(
        problems(home.path()).iter().all(|(s, _)| s != "error"),
        "{:?}",
        problems(home.path())
    );
    let text = export(home.path());
    for heading in [
        "一、自评得分情况",
        "二、基本情况",
        "三、项目实施情况和主要成效",
        "四、存在的主要问题",
        "五、改进措施和有关建议",
    ] {
        assert!(has_line(&text, heading), "{heading}:\n{text}");
    }
    assert!(has_line(&text, "　　综合评分为97分，等级为优。"), "{text}");

    // Emptied again, the report is as it was, byte for byte.
    set(home.path(), &[("self_score", ""), ("score_text", "")]);
    assert_eq!(export(home.path()), before);
}
