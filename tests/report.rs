//! The editor and `ziping check` tell the same story: the outline's marker,
//! the field header's marker and the status counts come from the same
//! findings `ziping check` prints, checked here against the real binary.

#![allow(clippy::expect_used)]

mod common;

use std::path::Path;

use common::*;
use crossterm::event::KeyCode;
use ziping::model::cell_path::assign;
use ziping::model::project::Project;

/// `ziping check --format json` on `file`: (exit code, errors, warnings).
fn check(file: &Path, home: &Path) -> (Option<i32>, u64, u64) {
    let (code, json) = locale::check_json(file, home);
    let count = |key: &str| json[key].as_u64().expect(key);
    (code, count("errors"), count("warnings"))
}

/// The status line's `✗N !M`.
fn status_counts(screen: &str) -> (u64, u64) {
    let status = screen.lines().last().expect("status line");
    let number = |mark: char| -> u64 {
        let at = status.find(mark).expect("mark on the status line") + mark.len_utf8();
        status[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a count")
    };
    (number('✗'), number('!'))
}

/// The outline row of the section holding `heading`.
fn outline_row<'a>(screen: &'a str, heading: &str) -> &'a str {
    screen
        .lines()
        .find(|l| {
            l.split('|')
                .next()
                .is_some_and(|side| side.contains(heading))
        })
        .expect("the section is in the outline")
}

/// A 项目支出 project whose funding does not add up: 80 + 15 ≠ 100.
fn unbalanced(dir: &Path) -> std::path::PathBuf {
    let (entries, _) = ziping::catalog::load(None);
    let template = ziping::catalog::find(&entries, "project-selfeval").expect("built in");
    let mut project = Project::new(template, "2026-01-01T00:00:00Z");
    for (path, value) in [
        ("funding.total.budget", "100"),
        ("funding.appropriation.budget", "80"),
        ("funding.other.budget", "15"),
    ] {
        assign(&mut project, path, value).expect(path);
    }
    let file = dir.join("unbalanced.json");
    std::fs::write(&file, project.to_json()).expect("write");
    file
}

/// The heading of the section the field `id` is in, as the outline shows it.
fn section_of(project: &Project, id: &str) -> String {
    project
        .template
        .walk()
        .iter()
        .find(|r| r.section.fields.iter().any(|f| f.id == id))
        .map(|r| r.section.heading.clone())
        .expect("field in a section")
}

#[test]
fn a_cross_check_error_marks_the_section_and_the_field_and_the_counts_agree_with_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = unbalanced(dir.path());
    let project = ziping::storage::read_project(&file).expect("reads");
    let home = tempfile::tempdir().expect("home");
    let (code, errors, warnings) = check(&file, home.path());
    assert_eq!(
        code,
        Some(1),
        "the unbalanced funding is an error for check"
    );

    let mut h = Harness::open(dir, &file, 120, 30);
    h.run(jump("funding"));
    let screen = h.screen();
    let heading = section_of(&project, "funding");
    assert!(
        outline_row(&screen, &heading).trim_start().starts_with('✗'),
        "outline row of {heading}:\n{screen}"
    );
    assert!(screen.contains(">✗ 项目资金"), "field header:\n{screen}");
    assert_eq!(status_counts(&screen), (errors, warnings), "{screen}");

    // Typed in the editor: 上年结转资金 5 balances the block. Once typing
    // pauses the section is no longer ✗, and the counts still agree with
    // check on the saved file.
    let mut events = vec![key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Right)];
    events.extend(typed("5"));
    events.push(key(KeyCode::Enter));
    events.push(ctrl('s'));
    h.run(events);
    let screen = h.screen();
    assert!(
        !outline_row(&screen, &heading).trim_start().starts_with('✗'),
        "balanced now:\n{screen}"
    );
    let saved = h.path();
    let (_, errors, warnings) = check(&saved, home.path());
    assert_eq!(status_counts(&screen), (errors, warnings), "{screen}");
}

#[test]
fn a_fresh_project_shows_its_empty_required_fields_as_not_done_not_as_errors() {
    let mut h = Harness::new_project("hunan-narrative", 100, 30);
    h.run(jump("单位名称"));
    let screen = h.screen();
    let page: Vec<&str> = screen.lines().collect();
    let page = page[..page.len() - 1].join("\n");
    assert!(
        !page.contains('✗'),
        "nothing is marked wrong yet:\n{screen}"
    );
    // The required field being edited is marked not done (blank), and what
    // it still needs is said under it, as a hint rather than an error.
    assert!(screen.contains(">  单位名称 *"), "{screen}");
    assert!(screen.contains("* 此项必填"), "{screen}");
    let home = tempfile::tempdir().expect("home");
    let (code, errors, _) = check(&h.path(), home.path());
    assert_eq!(code, Some(1), "empty required fields are errors for check");
    assert!(errors > 0);
    // The status line counts what check counts, missing fields included.
    assert_eq!(status_counts(&screen).0, errors, "{screen}");
}

#[test]
fn check_speaks_english_end_to_end_with_lang_en() {
    let home = tempfile::tempdir().expect("home");
    let mut cmd = locale::ziping_in(home.path());
    cmd.args(["check", "--lang", "en"])
        .arg(repo("sample-data/changning-2022.json"));
    let out = cmd.output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(0), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    // Each finding is worded in English (the quoted document number and the
    // template's headings and labels stay as written).
    for line in &lines[..lines.len() - 1] {
        assert!(line.starts_with("warning  "), "{line}");
        assert!(line.contains("The year in the document number"), "{line}");
        assert!(!line.contains("应使用"), "{line}");
    }
    assert_eq!(lines.last(), Some(&"0 errors, 2 warnings, 0 notices"));
}

#[test]
fn a_template_check_speaks_english_where_the_template_gives_english() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = unbalanced(dir.path());
    let mut cmd = locale::ziping_in(dir.path());
    cmd.args(["check", "--lang", "en"]).arg(&file);
    let out = cmd.output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(1), "{text}");
    let funding = text
        .lines()
        .find(|l| l.contains("［funding］"))
        .expect("the funding block's error");
    assert!(
        funding.contains(
            "Appropriation, carry-over and other funds add up to 95.00万元, not the annual total 100.00万元: a difference of 5.00万元"
        ),
        "{funding}"
    );
}
