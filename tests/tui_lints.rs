//! The command that removes list numbers typed by hand, through the real
//! event loop: the notice under the list names its key, the key removes
//! them as an undoable edit, and only then does the saved file change.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ziping::model::project::{Entry, Project};

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

/// A 湖南叙述式 project whose 部门职责 was pasted with its numbers.
// Test scaffolding: a broken fixture should fail the test loudly.
#[allow(clippy::expect_used)]
fn pasted_list() -> Harness {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pasted.json");
    let (entries, _) = ziping::catalog::load(None);
    let template = ziping::catalog::find(&entries, "hunan-narrative").expect("template");
    let mut project = Project::new(template, "2026-01-01T00:00:00Z");
    let items = ["1、负责党的组织建设", "2.负责干部管理", "组织党员培训"];
    project.set("duties", Entry::Items(items.map(String::from).to_vec()));
    std::fs::write(&path, project.to_json()).expect("write project");
    Harness::open(dir, &path, 80, 24)
}

fn duties(h: &Harness) -> serde_json::Value {
    h.saved_json()["values"]["duties"].clone()
}

#[test]
fn alt_n_removes_typed_list_numbers_undoably_and_only_when_pressed() {
    let mut h = pasted_list();
    h.run(jump("部门职责"));
    let screen = h.screen();
    assert!(
        screen.contains("第1、2条开头有手输的编号"),
        "the notice is shown under the list:\n{screen}"
    );
    assert!(screen.contains("Alt-N"), "{screen}");
    insta::assert_snapshot!("a_pasted_list_with_its_notice", screen);
    // Looking, moving and saving change nothing.
    h.run(vec![key(KeyCode::Down), ctrl('s')]);
    assert_eq!(
        duties(&h),
        serde_json::json!(["1、负责党的组织建设", "2.负责干部管理", "组织党员培训"])
    );

    h.run(vec![alt('n')]);
    let screen = h.screen();
    assert!(screen.contains("已删除2条开头手输的编号"), "{screen}");
    assert!(
        !screen.contains("手输的编号（如"),
        "the notice is gone:\n{screen}"
    );
    insta::assert_snapshot!("after_alt_n", screen);
    assert_eq!(
        h.app.session().expect("session").field_text(),
        "负责党的组织建设\n\n负责干部管理\n\n组织党员培训"
    );
    // Undone like any replacement of the text (the selection, then the
    // insertion), and done again.
    h.run(vec![ctrl('z'), ctrl('z')]);
    assert_eq!(
        h.app.session().expect("session").field_text(),
        "1、负责党的组织建设\n\n2.负责干部管理\n\n组织党员培训"
    );
    h.run(vec![alt('n'), ctrl('s')]);
    assert_eq!(
        duties(&h),
        serde_json::json!(["负责党的组织建设", "负责干部管理", "组织党员培训"])
    );
    // Pressed again, it says there is nothing left to remove.
    h.run(vec![alt('n')]);
    assert!(
        h.screen().contains("没有条目以手输的编号开头"),
        "{}",
        h.screen()
    );
}

#[test]
fn alt_n_outside_a_numbered_list_says_what_it_is_for_and_changes_nothing() {
    let mut h = pasted_list();
    let mut events = jump("preamble");
    events.extend(typed("1、按照文件"));
    events.push(alt('n'));
    h.run(events);
    assert!(h.screen().contains("此命令用于编号列表"), "{}", h.screen());
    assert_eq!(
        h.app.session().expect("session").field_text(),
        "1、按照文件"
    );
}

#[test]
fn help_lists_the_command_under_editing_text() {
    let rows = ziping::tui::dialog::help::help_rows(
        &ziping::tui::keymap::Keymap::default(),
        ziping::lang::Lang::Zh,
    );
    assert!(
        rows.iter()
            .any(|r| r.0 == "Alt-N" && r.1.starts_with("删除列表条目开头手输的编号")),
        "{rows:?}"
    );
}
