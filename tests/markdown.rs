//! `ziping export --format md`: the report as Markdown for a wiki or a
//! converter — the title as `#`, headings one level below, paragraphs
//! without the indent, list items numbered `1.`, tables as pipe tables.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

#[path = "common/locale.rs"]
mod locale;
#[path = "common/projects.rs"]
mod projects;

use locale::run_in as run;
use projects::tables_project;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sample-data/changning-2022.json"
);

#[test]
fn the_sample_as_markdown_has_its_title_headings_paragraphs_and_numbered_lists() {
    let home = tempfile::tempdir().unwrap();
    let md = run(home.path(), &["export", SAMPLE, "--format", "md"]);
    assert_eq!(md.code, Some(0), "{}", md.stderr);
    let markdown = run(home.path(), &["export", SAMPLE, "--format", "markdown"]);
    assert_eq!(markdown.stdout, md.stdout, "md and markdown are one format");
    let lines: Vec<&str> = md.stdout.lines().collect();
    assert_eq!(lines[0], "附件-1", "the label above the title");
    assert!(lines.contains(&"# 中共常宁市委组织部2022年度部门整体支出绩效目标自评报告"));
    assert!(lines.contains(&"## 一、基本情况"));
    assert!(lines.contains(&"### （二）部门职责"));
    // The 部门职责 list: items on consecutive lines, numbered 1. 2. …
    let first = lines
        .iter()
        .position(|l| l.starts_with("1. 研究和指导"))
        .unwrap();
    assert!(
        lines[first + 1].starts_with("2. 负责研究"),
        "{}",
        lines[first + 1]
    );
    assert!(!md.stdout.contains('\u{3000}'), "no full-width indent");

    // Every word of the text export is there, in order.
    let text = run(home.path(), &["export", SAMPLE]);
    // Numbers at the start of a line aside: a list's items are `1.` in
    // Markdown whatever the list's numbering prints (1、 （一）).
    let words = |s: &str| -> String {
        s.lines()
            .map(|l| {
                let l = l.trim_start_matches(['#', ' ', '\u{3000}']);
                let digits = l.chars().take_while(char::is_ascii_digit).count();
                let numeral = |c: char| "一二三四五六七八九十".contains(c);
                let rest = if digits > 0 {
                    l[digits..].trim_start_matches(['.', '、', ' '])
                } else if let Some(r) = l.strip_prefix('（') {
                    let inner = r.trim_start_matches(numeral);
                    inner
                        .strip_prefix('）')
                        .filter(|_| inner.len() < r.len())
                        .unwrap_or(l)
                } else {
                    l
                };
                rest.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
            })
            .collect()
    };
    assert_eq!(words(&md.stdout), words(&text.stdout));
}

#[test]
fn tables_are_pipe_tables_with_their_figures_right_aligned() {
    let home = tempfile::tempdir().unwrap();
    let file = tables_project(home.path());
    let md = run(home.path(), &["export", &file, "--format", "md"]);
    assert_eq!(md.code, Some(0), "{}", md.stderr);
    let lines: Vec<&str> = md.stdout.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("| 一级指标 | 二级指标 | 三级指标 |"))
        .unwrap();
    assert_eq!(
        lines[header + 1],
        "| --- | --- | --- | --- | --- | ---: | ---: | --- |",
        "分值 and 得分 right-aligned"
    );
    assert_eq!(
        lines[header + 2],
        "| 产出指标 | 数量指标 | 培训党员人次 | ≥50个 | 40个 | 50.00 | 40.00 |  |"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("| 总分 |") && l.contains("| 48.50 |")),
        "总分 is a row of the table:\n{}",
        md.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("注：")),
        "the notes under it"
    );
}
