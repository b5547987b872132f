//! Editing text in a field: where keys put the cursor, what one undo step
//! takes back.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

#[allow(clippy::expect_used)] // a test helper: no session is a failed test
fn text(h: &Harness) -> String {
    h.app.session().expect("session").field_text()
}

#[test]
fn ctrl_home_goes_to_the_very_start_of_the_field() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let home = Event::Key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    // One paragraph (where keeping the column did not move at all), then two.
    let mut events = jump("preamble");
    events.extend(typed("现将有关情况报告如下"));
    events.push(home.clone());
    events.extend(typed("【"));
    h.run(events);
    assert_eq!(text(&h), "【现将有关情况报告如下");
    let mut events = vec![ctrl('a')];
    events.extend(typed("第一段"));
    events.push(key(KeyCode::Enter));
    events.extend(typed("第二段很长很长"));
    events.push(home);
    events.extend(typed("【"));
    h.run(events);
    assert_eq!(text(&h), "【第一段\n第二段很长很长");
}

#[test]
fn a_run_of_typing_is_one_undo_step_and_a_cursor_move_ends_it() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    // What an input method commits arrives as a burst of characters.
    let mut events = jump("preamble");
    events.extend(typed("现将有关情况"));
    events.extend(typed("报告如下"));
    events.push(ctrl('z'));
    h.run(events);
    assert_eq!(text(&h), "", "the whole run in one step");
    h.run(vec![ctrl('y')]);
    assert_eq!(text(&h), "现将有关情况报告如下");
    // Typing after a move, or after a deletion, is a step of its own.
    let mut events = vec![key(KeyCode::Left)];
    events.extend(typed("的"));
    events.push(key(KeyCode::Backspace));
    events.extend(typed("之"));
    events.push(ctrl('z'));
    h.run(events);
    assert_eq!(text(&h), "现将有关情况报告如下");
    h.run(vec![ctrl('z'), ctrl('z')]);
    assert_eq!(text(&h), "现将有关情况报告如下");
    h.run(vec![ctrl('z')]);
    assert_eq!(text(&h), "");
}

#[test]
fn an_unfocused_long_field_uses_the_rows_the_page_has_spare() {
    // The sample opens on its title; the preamble below it runs to four
    // rows at 80 columns, and the page has room for them all.
    // (The outline on the left cuts its names with `...` too.)
    let page = |screen: &str| -> String {
        let rows = screen.lines().filter_map(|l| l.split_once('|'));
        rows.map(|(_, page)| format!("{page}\n")).collect()
    };
    let mut h = Harness::sample(80, 24);
    let screen = page(&h.run(vec![]).screen());
    assert!(screen.contains("效评价情况汇报如下："), "{screen}");
    assert!(
        !screen.contains("..."),
        "cut although there is room:\n{screen}"
    );
    // On a page too short for it, the preview is cut where the room ends.
    let mut h = Harness::sample(80, 14);
    let screen = page(&h.run(vec![]).screen());
    assert!(!screen.contains("汇报如下："), "{screen}");
    assert!(screen.contains("..."), "{screen}");
}

/// The terminal cursor (where the input method's window opens) after typing
/// `text` into the preamble, with `config` as config.json.
#[allow(clippy::expect_used)] // a test helper: a failed set-up is a failed test
fn cursor_after(config: &str, text: &str) -> ratatui::layout::Position {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("config")).expect("config dir");
    std::fs::write(dir.path().join("config/config.json"), config).expect("config");
    let path = dir.path().join("new.json");
    let (entries, _) = ziping::catalog::load(None);
    let template = ziping::catalog::find(&entries, "hunan-narrative").expect("template");
    let project = ziping::model::project::Project::new(template, "2026-01-01T00:00:00Z");
    std::fs::write(&path, project.to_json()).expect("write project");
    let mut h = Harness::open(dir, &path, 80, 24);
    let mut events = jump("preamble");
    events.extend(typed(text));
    h.run(events);
    assert_eq!(h.app.session().expect("session").field_text(), text);
    h.terminal.backend().cursor_position()
}

#[test]
fn ambiguous_width_two_puts_the_cursor_where_such_a_terminal_draws_it() {
    // “ ” … count one column each by default, two with the setting: the
    // cursor after them moves right by one column per mark.
    let text = "“一”…";
    let narrow = cursor_after("{}", text);
    let wide = cursor_after(r#"{"ambiguous_width": 2}"#, text);
    assert_eq!(wide.y, narrow.y);
    assert_eq!(wide.x, narrow.x + 3, "{narrow:?} {wide:?}");
}
