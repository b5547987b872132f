//! A rolled project in the editor: the outline marks sections with text
//! kept from last year (`=`), Alt-Y confirms the focused field unchanged,
//! typing in one drops its mark, and an emptied cell shows last year's
//! figure dimmed in brackets.

#![allow(clippy::expect_used)]

mod common;

use common::{Harness, jump, key, typed};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ziping::model::project::Entry;
use ziping::model::roll::roll;

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

/// The sample, rolled to 2023, opened at 100×30.
fn rolled_sample() -> Harness {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("2023.json");
    let text =
        std::fs::read_to_string(common::repo("sample-data/changning-2022.json")).expect("sample");
    let project = ziping::model::project::Project::from_json(&text).expect("sample reads");
    let rolled = roll(&project, "2023", "2024-01-01T00:00:00Z").project;
    std::fs::write(&path, rolled.to_json()).expect("write");
    Harness::open(dir, &path, 100, 30)
}

/// Whether the outline marks `heading`'s section `=` (its second column,
/// after the state marker).
fn kept_mark(screen: &str, heading: &str) -> bool {
    let row = screen
        .lines()
        .find(|l| l.contains(heading))
        .unwrap_or_else(|| panic!("{heading} in\n{screen}"));
    row.chars().nth(1) == Some('=')
}

#[test]
fn kept_text_is_marked_until_confirmed_or_edited() {
    let mut h = rolled_sample();
    let screen = h.run(vec![]).screen();
    assert!(kept_mark(&screen, "标题与导语"), "{screen}");
    assert!(kept_mark(&screen, "存在的主要问题"), "{screen}");
    assert!(
        !kept_mark(&screen, "一、基本情况"),
        "no text of its own: {screen}"
    );
    // Alt-Y on the 导语: confirmed, its mark goes.
    h.run(vec![key(KeyCode::Tab); 3]);
    assert_eq!(h.focused_field(), "preamble");
    h.run(vec![alt('y')]);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("已确认沿用去年的文字"), "{screen}");
    assert!(!kept_mark(&screen, "标题与导语"), "{screen}");
    // Typing in the problems field is editing it: its mark goes too.
    h.run(jump("存在的主要问题"));
    h.run(typed("今年"));
    h.run(vec![key(KeyCode::Tab)]);
    let screen = h.run(vec![]).screen();
    assert!(!kept_mark(&screen, "存在的主要问题"), "{screen}");
    let session = h.app.session().expect("session");
    let carried = &session.doc.project().carried;
    assert!(!carried.contains(&"preamble".to_string()), "{carried:?}");
    assert!(
        !carried.contains(&"problems_text".to_string()),
        "{carried:?}"
    );
    assert!(carried.contains(&"duties".to_string()), "{carried:?}");
}

#[test]
fn an_emptied_cell_shows_last_years_figure_dimmed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("q.json");
    let (entries, _) = ziping::catalog::load(None);
    let template = ziping::catalog::find(&entries, "project-selfeval").expect("template");
    let mut project = ziping::model::project::Project::new(template, "2023-01-01T00:00:00Z");
    for (cell, value) in [
        ("funding.total.budget", "120"),
        ("indicators.1.name", "培训党员人次"),
        ("indicators.1.target", "≥50个"),
        ("indicators.1.actual", "40个"),
    ] {
        ziping::model::cell_path::assign(&mut project, cell, value).expect("set");
    }
    let rolled = roll(&project, "2023", "2024-01-01T00:00:00Z").project;
    assert_eq!(rolled.entry("year"), Some(&Entry::Text("2023".into())));
    std::fs::write(&path, rolled.to_json()).expect("write");
    let mut h = Harness::open(dir, &path, 140, 40);
    h.run(jump("绩效指标"));
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("(40个)"), "{screen}");
    h.run(jump("项目资金"));
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("(120)"), "{screen}");
}
