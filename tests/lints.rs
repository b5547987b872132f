//! Precision notices and the text lints as a user meets them: the real
//! binary on real files — `ziping set`, `ziping check` (text and JSON) and
//! the export (issue 11, items 7, 10 and 11).

use std::fs;
use std::path::Path;
use std::process::Command;

#[path = "common/locale.rs"]
mod locale;

use serde_json::Value;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let Ok(out) = cmd.output() else {
        panic!("ziping does not start: {cmd:?}");
    };
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A new project of `template` at `file`, with `pairs` set.
fn project(home: &Path, file: &Path, template: &str, pairs: &[(&str, &str)]) -> Run {
    let created = run(locale::ziping_in(home)
        .arg("new")
        .arg(file)
        .args(["-t", template]));
    assert_eq!(created.code, Some(0), "{}", created.stderr);
    let mut set = locale::ziping_in(home);
    set.arg("set").arg(file);
    for (path, value) in pairs {
        set.args([path, value]);
    }
    let set = run(&mut set);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    set
}

fn check(home: &Path, file: &Path) -> Run {
    run(locale::ziping_in(home).arg("check").arg(file))
}

fn export(home: &Path, file: &Path) -> String {
    let out = run(locale::ziping_in(home).arg("export").arg(file));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout
}

/// The check's problems of `kind` in JSON: (path or field, message).
fn problems(home: &Path, file: &Path, kind: &str) -> Vec<(String, String, String)> {
    let (_, json) = locale::check_json(file, home);
    let text = |p: &Value, key: &str| p[key].as_str().unwrap_or_default().to_string();
    json["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["kind"] == kind)
        .map(|p| {
            let place = p["path"]
                .as_str()
                .map_or_else(|| text(p, "field"), str::to_string);
            (place, text(p, "severity"), text(p, "message"))
        })
        .collect()
}

#[test]
fn a_figure_is_kept_as_typed_and_a_notice_names_it_where_the_display_rounds() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("表单.json");
    let set = project(
        home.path(),
        &file,
        "hunan-form",
        &[
            ("spend_total", "89.974"),
            ("spend_basic", "50"),
            // 399,740元 is 39.974万元 exactly.
            ("spend_project", "399,740元"),
        ],
    );
    // `set` says it too, as a notice, not a warning.
    assert!(
        set.stderr.contains(
            "ziping：提示：spend_total（支出合计）：填写的“89.974”按2位小数显示为“89.97万元”，计算仍用原值89.974万元"
        ),
        "{}",
        set.stderr
    );
    // The file keeps what was typed.
    let saved = fs::read_to_string(&file).expect("saved");
    assert!(saved.contains("\"399,740元\""), "{saved}");

    let out = check(home.path(), &file);
    for line in [
        "提示  二、部门整体支出管理及使用情况  支出合计［spend_total］：填写的“89.974”按2位小数显示为“89.97万元”，计算仍用原值89.974万元",
        "提示  二、部门整体支出管理及使用情况  项目支出［spend_project］：填写的“399,740元”按2位小数显示为“39.97万元”，计算仍用原值39.974万元",
    ] {
        assert!(out.stdout.contains(line), "{line}\n{}", out.stdout);
    }
    // 支出合计 = 基本支出 + 项目支出 holds exactly (50 + 39.974 = 89.974):
    // no error on it.
    assert!(
        !out.stdout.contains("支出合计［spend_total］：支出合计"),
        "{}",
        out.stdout
    );
    let text = export(home.path(), &file);
    assert!(text.contains("支出合计：89.97万元"), "{text}");
    assert!(text.contains("项目支出：39.97万元"), "{text}");

    let notices = problems(home.path(), &file, "rounded");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices.iter().all(|(_, severity, _)| severity == "notice"));
}

#[test]
fn table_cells_are_computed_exactly_and_each_rounded_one_is_named() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("项目.json");
    project(
        home.path(),
        &file,
        "project-selfeval",
        &[
            ("funding.total.budget", "0.01"),
            // 50元 and 50元: 0.005万元 each, shown 0.01 each; they add up to
            // the total exactly, so no error (rounded first, 0.01 + 0.01
            // would have been 0.02, a false one).
            ("funding.appropriation.budget", "50元"),
            ("funding.carryover.budget", "50元"),
            // 383,406元 is 38.3406万元, shown 38.34.
            ("funding.total.actual", "383,406元"),
            ("funding.appropriation.actual", "38.3406"),
        ],
    );
    let rounded = problems(home.path(), &file, "rounded");
    let paths: Vec<&str> = rounded.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "funding.total.actual",
            "funding.appropriation.budget",
            "funding.appropriation.actual",
            "funding.carryover.budget",
        ]
    );
    assert_eq!(
        rounded[0].2,
        "填写的“383,406元”按2位小数显示为“38.34万元”，计算仍用原值38.3406万元"
    );
    let checks = problems(home.path(), &file, "check");
    assert!(
        !checks.iter().any(|(_, _, m)| m.contains("不符")),
        "{checks:?}"
    );
    let text = export(home.path(), &file);
    assert!(text.contains("38.34"), "{text}");
    assert!(!text.contains("38.3406"), "{text}");
}

#[test]
fn a_difference_smaller_than_the_display_is_shown_with_its_digits() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("项目.json");
    project(
        home.path(),
        &file,
        "project-selfeval",
        &[
            ("funding.total.budget", "89.97"),
            ("funding.appropriation.budget", "89.974"),
        ],
    );
    let checks = problems(home.path(), &file, "check");
    let messages: Vec<&str> = checks.iter().map(|(_, _, m)| m.as_str()).collect();
    assert!(
        messages.contains(
            &"本年财政拨款、上年结转资金、其他资金合计89.974万元，与年度资金总额89.97万元不符，相差-0.004万元"
        ),
        "{messages:?}"
    );
}

#[test]
fn a_list_pasted_with_its_numbers_exports_each_number_once_and_check_names_the_key() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("叙述.json");
    project(
        home.path(),
        &file,
        "hunan-narrative",
        &[
            // 部门职责 is numbered 1、; 改进措施 （一）.
            (
                "duties",
                "1、负责党的组织建设\n\n2.负责干部管理\n\n（3）负责人才工作\n\n组织党员培训",
            ),
            (
                "measures_list",
                "（一）加强学习\n\n（二）1.5万元用于完善制度",
            ),
        ],
    );
    let before = fs::read_to_string(&file).expect("saved");
    let text = export(home.path(), &file);
    for line in [
        "　　1、负责党的组织建设",
        "　　2、负责干部管理",
        "　　3、负责人才工作",
        "　　4、组织党员培训",
        "　　（一）加强学习",
        // The typed （二） gives way; the figure after it is not a number.
        "　　（二）1.5万元用于完善制度",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\n{text}");
    }
    for doubled in [
        "1、1、",
        "2、2.",
        "（一）（一）",
        "（二）（二）",
        "3、（3）",
    ] {
        assert!(!text.contains(doubled), "{doubled}\n{text}");
    }
    let notices = problems(home.path(), &file, "typed_numbers");
    assert_eq!(
        notices,
        [
            (
                "duties".to_string(),
                "notice".to_string(),
                "第1、2、3条开头有手输的编号（如“1、”），导出时改用自动编号，不会重复；在编辑器中按 Alt-N 删除这些编号".to_string()
            ),
            (
                "measures_list".to_string(),
                "notice".to_string(),
                "第1、2条开头有手输的编号（如“（一）”），导出时改用自动编号，不会重复；在编辑器中按 Alt-N 删除这些编号".to_string()
            ),
        ]
    );
    // The key named is the one the user's config binds.
    let config = home.path().join("config");
    fs::create_dir_all(&config).expect("config dir");
    fs::write(
        config.join("config.json"),
        r#"{"keys": {"strip_list_numbers": ["f9"]}}"#,
    )
    .expect("config");
    let out = check(home.path(), &file);
    assert!(
        out.stdout.contains("在编辑器中按 F9 删除这些编号"),
        "{}",
        out.stdout
    );
    // Checking and exporting changed nothing in the project.
    assert_eq!(fs::read_to_string(&file).expect("saved"), before);
}

#[test]
fn check_names_document_number_slips_and_leaves_the_text_alone() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("叙述.json");
    let preamble =
        "根据湘财预[2018]3号、湘政发〔2019〕65 号和湘办发〔201910号文件，参照第65号文件及文献[1]。";
    project(
        home.path(),
        &file,
        "hunan-narrative",
        &[("preamble", preamble)],
    );
    let messages: Vec<String> = problems(home.path(), &file, "document_number")
        .into_iter()
        .map(|(_, severity, message)| format!("{severity} {message}"))
        .collect();
    assert_eq!(
        messages,
        [
            "warning 文号年份“[2018]3号”应使用六角括号，写作“〔2018〕3号”",
            "warning 文号“〔2019〕65 号”中间不应有空格，应写作“〔2019〕65号”",
            "warning 文号“〔201910号”年份缺少右括号“〕”，应写作“〔2019〕10号”",
        ]
    );
    let text = export(home.path(), &file);
    assert!(
        text.contains(preamble),
        "the export keeps what was typed:\n{text}"
    );
}
