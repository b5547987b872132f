//! A unit's report on all its projects through the binary: `ziping new`
//! with the `unit-projects` built-in, `ziping add` for a second and third
//! project, the figures of two projects set from a clerk's notes, `ziping
//! check` naming the second project's section where its funding does not
//! add up, the text export with both projects numbered and tabled, and
//! `ziping remove` refusing a project that holds text unless `--force`.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

#[path = "common/locale.rs"]
mod locale;

use locale::run_in as run;

/// What the unit's clerk has to go on: the two projects as the budget
/// office's notes describe them.
const NOTES: &str = "\
红河县数据发展中心2024年度实施项目2个，调整后预算95.00万元，实际到位95.00万元，实际支出88.50万元。
项目一：数据共享交换平台运维经费，全年预算60.00万元（全部为本年财政拨款），全年执行58.50万元。
平台接入部门数≥30个，实际32个；系统正常运行率≥99%，实际99.6%；使用部门满意度≥90%，实际96%。
项目二：政务外网安全防护经费，全年预算35.00万元（本年财政拨款30.00万元，上年结转5.00万元），全年执行30.00万元。
开展安全检测≥4次，实际4次；安全事件处置及时率100%，实际100%；使用部门满意度≥90%，实际93%。";

/// The figures of one project as `ziping set` pairs, under the ids of its
/// section (`""` for the first project, `"_2"` for the second).
fn project(suffix: &str, name: &str, overview: &str, funding: &[(&str, &str)]) -> Vec<String> {
    let mut pairs = vec![
        (format!("project_name{suffix}"), name.to_string()),
        (format!("project_overview{suffix}"), overview.to_string()),
    ];
    for (cell, value) in funding {
        pairs.push((format!("funding{suffix}.{cell}"), value.to_string()));
    }
    pairs.into_iter().flat_map(|(p, v)| [p, v]).collect()
}

/// The indicator rows of a project: (一级, 二级, 三级, 指标值, 实际完成值, 分值).
fn indicators(suffix: &str, rows: &[[&str; 6]]) -> Vec<String> {
    let columns = ["level1", "level2", "name", "target", "actual", "weight"];
    let mut pairs = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        for (column, value) in columns.iter().zip(row) {
            pairs.push(format!("indicators{suffix}.{}.{column}", n + 1));
            pairs.push(value.to_string());
        }
    }
    pairs
}

fn set(home: &Path, pairs: &[String]) {
    let mut args = vec!["set", "p.json"];
    args.extend(pairs.iter().map(String::as_str));
    let done = run(home, &args);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
}

fn line_of<'t>(notes: &'t str, start: &str) -> &'t str {
    notes.lines().find(|l| l.starts_with(start)).unwrap()
}

#[test]
fn a_unit_report_has_a_section_and_tables_per_project() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let made = run(home, &["new", "p.json", "-t", "unit-projects"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let added = run(home, &["add", "p.json", "project"]);
    assert_eq!(
        (added.code, added.stdout.as_str()),
        (Some(0), "project_2\n")
    );
    let third = run(home, &["add", "p.json", "project_2"]);
    assert_eq!(third.stdout, "project_3\n", "{}", third.stderr);

    let unit = [
        ("unit", "红河县数据发展中心"),
        ("year", "2024"),
        ("project_count", "2"),
        ("budget_total", "95"),
        ("funds_received", "95"),
        ("funds_spent", "88.5"),
        (
            "work_text",
            "中心成立自评工作组，对照各项目绩效目标逐项核对完成情况。",
        ),
    ];
    set(
        home,
        &unit
            .iter()
            .flat_map(|(p, v)| [p.to_string(), v.to_string()])
            .collect::<Vec<_>>(),
    );
    let first = line_of(NOTES, "项目一");
    set(
        home,
        &project(
            "",
            "数据共享交换平台运维经费",
            first,
            &[
                ("total.budget", "60"),
                ("total.actual", "58.5"),
                ("appropriation.budget", "60"),
                ("appropriation.actual", "58.5"),
            ],
        ),
    );
    set(
        home,
        &indicators(
            "",
            &[
                [
                    "产出指标",
                    "数量指标",
                    "平台接入部门数",
                    "≥30个",
                    "32个",
                    "30",
                ],
                [
                    "产出指标",
                    "质量指标",
                    "系统正常运行率",
                    "≥99%",
                    "99.6%",
                    "20",
                ],
                [
                    "效益指标",
                    "社会效益指标",
                    "数据共享调用",
                    "效果明显",
                    "达成",
                    "30",
                ],
                [
                    "满意度指标",
                    "服务对象满意度指标",
                    "使用部门满意度",
                    "≥90%",
                    "96%",
                    "10",
                ],
            ],
        ),
    );
    // The second project's sources add up to 34, not the 35 of its total:
    // the one wrong figure (the notes say 5.00 carried over).
    let second = line_of(NOTES, "项目二");
    set(
        home,
        &project(
            "_2",
            "政务外网安全防护经费",
            second,
            &[
                ("total.budget", "35"),
                ("total.actual", "30"),
                ("appropriation.budget", "30"),
                ("carryover.budget", "4"),
                ("appropriation.actual", "30"),
            ],
        ),
    );
    set(
        home,
        &indicators(
            "_2",
            &[
                ["产出指标", "数量指标", "开展安全检测", "≥4次", "4次", "30"],
                [
                    "产出指标",
                    "时效指标",
                    "安全事件处置及时率",
                    "100%",
                    "100%",
                    "20",
                ],
                [
                    "效益指标",
                    "社会效益指标",
                    "网络安全防护水平",
                    "有所提升",
                    "达成",
                    "30",
                ],
                [
                    "满意度指标",
                    "服务对象满意度指标",
                    "使用部门满意度",
                    "≥90%",
                    "93%",
                    "10",
                ],
            ],
        ),
    );
    // The third was added by mistake, which the 实施项目个数 shows up …
    let counted = run(home, &["check", "p.json"]).stdout;
    assert!(
        counted.contains("实施项目个数为2个，报告中写了3个项目的自评情况"),
        "{counted}"
    );
    // … and, empty, it goes without --force.
    let gone = run(home, &["remove", "p.json", "project_3"]);
    assert_eq!(gone.code, Some(0), "{}", gone.stderr);

    let check = run(home, &["check", "p.json"]);
    assert_eq!(check.code, Some(1), "{}", check.stdout);
    assert!(!check.stdout.contains("实施项目个数为"), "{}", check.stdout);
    let wrong: Vec<&str> = check
        .stdout
        .lines()
        .filter(|l| l.contains("与年度资金总额"))
        .collect();
    assert_eq!(wrong.len(), 1, "{}", check.stdout);
    assert!(
        wrong[0].contains("（二）政务外网安全防护经费")
            && wrong[0].contains("合计34.00万元，与年度资金总额35.00万元不符"),
        "{}",
        wrong[0]
    );
    assert!(
        !check
            .stdout
            .contains("（一）数据共享交换平台运维经费  项目资金"),
        "{}",
        check.stdout
    );

    let export = run(home, &["export", "p.json"]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    let text = export.stdout;
    assert!(
        text.starts_with("红河县数据发展中心2024年度项目支出绩效单位自评报告"),
        "{text}"
    );
    let at = |line: &str| {
        text.lines()
            .position(|l| l == line)
            .unwrap_or_else(|| panic!("{line}:\n{text}"))
    };
    let headings = [
        "一、基本情况",
        "二、绩效自评工作开展情况",
        "三、项目绩效自评情况",
        "（一）数据共享交换平台运维经费",
        "（二）政务外网安全防护经费",
        "四、存在的问题",
    ];
    let places: Vec<usize> = headings.iter().map(|h| at(h)).collect();
    assert!(places.is_sorted(), "{places:?}\n{text}");
    assert!(
        !text.contains("项目自评情况"),
        "the removed third project is gone:\n{text}"
    );
    // Each project has its own tables, with its own figures and score, and
    // the notes it was described with.
    let first_part = &text[text.find("（一）").unwrap()..text.find("（二）").unwrap()];
    let second_part = &text[text.find("（二）").unwrap()..text.find("四、").unwrap()];
    for (part, described, figures) in [
        // Rate, then 总分: 9.75 + 90 and 8.57 + 90.
        (
            first_part,
            first,
            ["平台接入部门数", "97.50%", "| 优", "99.75"],
        ),
        (
            second_part,
            second,
            ["开展安全检测", "85.71%", "| 优", "98.57"],
        ),
    ] {
        assert!(part.contains("| 年度资金总额"), "{part}");
        assert!(
            part.lines()
                .any(|l| l.trim_start_matches('　') == described),
            "{part}"
        );
        assert!(part.contains("| 总分"), "{part}");
        for figure in figures {
            assert!(part.contains(figure), "{figure}:\n{part}");
        }
    }
}

#[test]
fn a_project_holding_text_is_removed_only_when_forced() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    run(home, &["new", "p.json", "-t", "unit-projects"]);
    run(home, &["add", "p.json", "project"]);
    set(
        home,
        &[
            "project_name_2".to_string(),
            "政务外网安全防护经费".to_string(),
        ],
    );
    let before = fs::read_to_string(home.join("p.json")).unwrap();
    let refused = run(home, &["remove", "p.json", "project_2"]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains("“project_2”中已填写了项目名称")
            && refused.stderr.contains("--force"),
        "{}",
        refused.stderr
    );
    assert_eq!(fs::read_to_string(home.join("p.json")).unwrap(), before);
    let first = run(home, &["--lang", "en", "remove", "p.json", "project"]);
    assert!(
        first.stderr.contains("cannot be removed, only emptied"),
        "{}",
        first.stderr
    );
    let forced = run(home, &["remove", "p.json", "project_2", "--force"]);
    assert_eq!(forced.code, Some(0), "{}", forced.stderr);
    let fields = run(home, &["fields", "p.json"]).stdout;
    assert!(!fields.contains("project_name_2"), "{fields}");
    let unknown = run(home, &["add", "p.json", "basic"]);
    assert_eq!(unknown.code, Some(1));
    assert!(
        unknown.stderr.contains("“basic”不是可以重复的章节"),
        "{}",
        unknown.stderr
    );
}
