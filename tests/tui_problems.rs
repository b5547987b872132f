//! Problems on screen, driven through the real event loop: the outline's
//! and the field's markers tell errors (✗) from warnings (!), F8 walks to
//! each problem and shows its whole message, F7 lists them all as
//! `ziping check` words them.

#![allow(clippy::expect_used)]

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ziping::model::project::{Entry, Project};

/// A 项目支出 project with `values` set, opened at 80×24.
fn project_with(values: &[(&str, serde_json::Value)]) -> Harness {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("项目.json");
    let (entries, _) = ziping::catalog::load(None);
    let template = ziping::catalog::find(&entries, "project-selfeval").expect("template");
    let mut project = Project::new(template, "2026-01-01T00:00:00Z");
    for (id, value) in values {
        let entry: Entry = serde_json::from_value(value.clone()).expect("an entry");
        project.set(id, entry);
    }
    std::fs::write(&path, project.to_json()).expect("write project");
    Harness::open(dir, &path, 80, 24)
}

/// Funding rows that do not add up: 80 + 10 of a total of 100.
fn funding_off_by_ten() -> Harness {
    project_with(&[(
        "funding",
        serde_json::json!({"rows": {
            "total": {"budget": "100"},
            "appropriation": {"budget": "80"},
            "carryover": {"budget": "10"},
        }}),
    )])
}

fn f(n: u8) -> Event {
    key(KeyCode::F(n))
}

/// The page's rows (right of the outline) run together, without spaces.
fn page_text(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| l.split_once('|').map(|(_, page)| page))
        .flat_map(str::split_whitespace)
        .collect()
}

#[test]
fn a_cross_check_error_marks_the_outline_and_the_header_and_f8_shows_it_whole() {
    let mut h = funding_off_by_ten();
    h.run(vec![f(8)]);
    let screen = h.screen();
    assert!(screen.contains("✗ 一、项目资金"), "{screen}");
    assert!(screen.contains(">✗ 项目资金（万元）"), "{screen}");
    assert!(
        page_text(&screen).contains("与年度资金总额100.00万元不符，相差10.00万元"),
        "{screen}"
    );
    assert!(screen.contains("第 1/"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_section_with_warnings_only_is_marked_bang_and_still_counts_as_done() {
    // Spent more than the budget: a warning, and the rows add up.
    let mut h = project_with(&[(
        "funding",
        serde_json::json!({"rows": {
            "total": {"initial": "100", "budget": "100", "actual": "120"},
            "appropriation": {"initial": "100", "budget": "100", "actual": "120"},
        }}),
    )]);
    h.run(vec![key(KeyCode::PageDown)]);
    let screen = h.screen();
    assert!(screen.contains("! 一、项目资金"), "{screen}");
    assert!(screen.contains(">! 项目资金（万元）"), "{screen}");
    assert!(!screen.contains("✗ 一、项目资金"), "{screen}");
    assert!(screen.contains("完成 1/4"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn an_indicator_without_its_actual_value_is_not_done() {
    let mut h = project_with(&[(
        "indicators",
        serde_json::json!({"rows": [{
            "level1": "产出指标", "level2": "数量指标", "name": "培训人次",
            "target": "≥50人次", "weight": "90",
        }]}),
    )]);
    h.run(vec![]);
    let screen = h.screen();
    // Filled in, but the actual value is still to come: not ✓, not ✗.
    assert!(screen.contains("~ 三、绩效指标"), "{screen}");
    assert!(screen.contains("完成 0/4"), "{screen}");
}

#[test]
fn f8_and_shift_f8_walk_wrong_values_first_then_what_is_still_empty() {
    let mut h = funding_off_by_ten();
    h.run(vec![f(8)]);
    let first = h
        .app
        .session()
        .expect("session")
        .field()
        .expect("field")
        .id
        .clone();
    assert_eq!(first, "funding");
    // The next ones are required fields still empty, from the top.
    h.run(vec![f(8)]);
    let screen = h.screen();
    assert!(screen.contains("第 2/"), "{screen}");
    assert!(screen.contains(">  项目名称 *"), "{screen}");
    assert!(screen.contains("* 此项必填"), "{screen}");
    // Shift-F8 walks back to the total's cell, F15 too.
    h.run(vec![Event::Key(KeyEvent::new(
        KeyCode::F(8),
        KeyModifiers::SHIFT,
    ))]);
    assert!(h.screen().contains("第 1/"), "{}", h.screen());
    h.run(vec![f(15)]);
    let screen = h.screen();
    assert!(!screen.contains("第 1/"), "round to the last: {screen}");
}

#[test]
fn the_problems_list_shows_every_finding_as_check_does_and_jumps() {
    let mut h = funding_off_by_ten();
    h.run(vec![f(7)]);
    let screen = h.screen();
    assert!(screen.contains("问题（输入筛选）："), "{screen}");
    assert!(
        screen.contains("错误  项目信息  项目名称［project_name］：此项必填"),
        "{screen}"
    );
    insta::assert_snapshot!("problems_list", screen);
    // Typing filters (n and p move, so a filter is words of the list:
    // Chinese, or ids without those letters); Enter goes to the chosen
    // one's cell.
    h.run(typed("资金"));
    let screen = h.screen();
    assert!(!screen.contains("project_name"), "{screen}");
    assert!(screen.contains("相差10.00万元"), "{screen}");
    h.run(vec![key(KeyCode::Enter)]);
    let session = h.app.session().expect("session");
    assert_eq!(session.field().expect("field").id, "funding");
    assert!(h.app.dialog.is_none());
    // n and p move; Esc closes where it was.
    h.run(vec![f(7), key(KeyCode::Char('n')), key(KeyCode::Char('n'))]);
    assert!(
        h.screen().contains("> 错误  项目信息  主管部门"),
        "{}",
        h.screen()
    );
    h.run(vec![key(KeyCode::Char('p')), key(KeyCode::Esc)]);
    assert!(h.app.dialog.is_none());
    let session = h.app.session().expect("session");
    assert_eq!(session.field().expect("field").id, "funding");
}

#[test]
fn a_focused_table_speaks_of_an_error_in_another_row_with_its_place() {
    let mut h = funding_off_by_ten();
    let mut events = jump("funding");
    events.extend([key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    h.run(events);
    let screen = h.screen();
    assert!(
        page_text(&screen).contains(
            "✗年度资金总额›全年预算数（A）：本年财政拨款、上年结转资金、其他资金合计90.00万元"
        ),
        "{screen}"
    );
}
