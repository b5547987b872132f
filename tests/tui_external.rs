//! A file changed on disk by another program while the editor has it open
//! (`ziping set`, another editor's save, a rename) is not written over
//! silently: Ctrl-S asks — overwrite, reload (the editor's text set aside
//! in the recovery copy), save as, or Esc with nothing written. Driven
//! through the real entry point on a `TestBackend`; the files are checked.

// A broken fixture should fail the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::*;
use crossterm::event::{Event, KeyCode};
use ziping::model::project::Entry;

const MINE: &str = "编辑器里的附件";
const THEIRS: &str = "另一个程序写的导语";

/// What `ziping set FILE preamble=…` does: read the file, change a field,
/// save it (with its backup) — behind the editor's back.
fn set_on_disk(path: &Path, id: &str, text: &str) {
    let mut project = ziping::storage::read_project(path).expect("reads");
    project.set(id, Entry::Text(text.into()));
    ziping::storage::save_project(path, &mut project, "2030-01-02T00:00:00Z").expect("saves");
}

fn value(path: &Path, id: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON");
    json["values"][id].as_str().unwrap_or_default().to_string()
}

/// A new project open in the editor, changed on disk by another program,
/// with `MINE` typed into its first field (the attachment) here.
fn changed_behind_its_back() -> (Harness, PathBuf) {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let path = h.path();
    h.run(vec![]);
    set_on_disk(&path, "preamble", THEIRS);
    h.run(typed(MINE));
    (h, path)
}

/// The screen with the test's temporary folder named the same every run
/// (and so the rows' trailing blanks dropped, which its length decides).
fn shown(h: &Harness) -> String {
    let dir = h.dir.path().display().to_string();
    let screen = h.screen().replace(&dir, "<tmp>");
    screen
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

fn doc_value(h: &Harness, id: &str) -> String {
    let doc = &h.app.session().expect("session").doc;
    match doc.project().entry(id) {
        Some(Entry::Text(text)) => text.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn ctrl_s_on_a_file_changed_on_disk_asks_and_esc_writes_nothing() {
    let (mut h, path) = changed_behind_its_back();
    let before = std::fs::read(&path).expect("read");
    h.run(vec![ctrl('s')]);
    let screen = shown(&h);
    assert!(screen.contains("文件已被其他程序修改"), "{screen}");
    insta::assert_snapshot!(screen);
    assert_eq!(std::fs::read(&path).expect("read"), before, "asked first");
    // Typing is not an answer; Esc is, and nothing is written.
    h.run(typed("x"));
    assert!(h.screen().contains("文件已被其他程序修改"));
    h.run(vec![key(KeyCode::Esc)]);
    assert!(
        h.screen().contains("未保存：磁盘上的文件保持原样"),
        "{}",
        h.screen()
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(h.app.session().expect("session").doc.is_dirty());
    assert_eq!(doc_value(&h, "attachment"), MINE);
}

#[test]
fn overwrite_writes_the_editors_text_and_keeps_the_other_version_aside() {
    let (mut h, path) = changed_behind_its_back();
    h.run(vec![ctrl('s'), key(KeyCode::Char('o'))]);
    let screen = h.screen();
    assert!(screen.contains("已覆盖保存到 new.json"), "{screen}");
    assert_eq!(value(&path, "attachment"), MINE);
    assert_eq!(value(&path, "preamble"), "", "the editor's text, all of it");
    let theirs = path.with_file_name("new.json.theirs-1.bak");
    assert!(screen.contains("new.json.theirs-1.bak"), "{screen}");
    assert_eq!(value(&theirs, "preamble"), THEIRS);
    // What was written is what the next save compares with: no question.
    h.run(typed("二"));
    h.run(vec![ctrl('s')]);
    assert!(h.screen().contains("已保存到 new.json"), "{}", h.screen());
    assert_eq!(value(&path, "attachment"), format!("{MINE}二"));
    assert_eq!(value(&theirs, "preamble"), THEIRS, "later saves leave it");
}

#[test]
fn reload_shows_the_file_and_sets_the_editors_text_aside() {
    let (mut h, path) = changed_behind_its_back();
    let before = std::fs::read(&path).expect("read");
    h.run(vec![ctrl('s'), key(KeyCode::Char('r'))]);
    let screen = h.screen();
    assert!(screen.contains("已重新载入磁盘上的文件"), "{screen}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing written"
    );
    let doc = &h.app.session().expect("session").doc;
    assert!(!doc.is_dirty());
    // Where the next open and `ziping recover` look.
    let found = doc.recovery().find();
    assert_eq!(found.copies.len(), 1, "the editor's text was set aside");
    let copy = &found.copies[0].copy;
    assert_eq!(
        copy.project.entry("attachment"),
        Some(&Entry::Text(MINE.into()))
    );
    assert_eq!(doc_value(&h, "preamble"), THEIRS);
    assert_eq!(doc_value(&h, "attachment"), "");
    h.run(jump("preamble"));
    assert!(h.screen().contains(THEIRS), "{}", h.screen());
    // Editing on and saving (no question now) leaves the text set aside.
    h.run(typed("（补充）"));
    h.run(vec![ctrl('s')]);
    assert!(h.screen().contains("已保存到 new.json"), "{}", h.screen());
    assert_eq!(value(&path, "preamble"), format!("{THEIRS}（补充）"));
    // The next open offers it, and restores it.
    let Harness { app, dir, .. } = h;
    drop(app);
    let mut again = Harness::open(dir, &path, 80, 24);
    again.run(vec![]);
    assert!(
        again.screen().contains("发现未保存的恢复副本"),
        "{}",
        again.screen()
    );
    again.run(vec![key(KeyCode::Char('r'))]);
    assert_eq!(doc_value(&again, "attachment"), MINE);
}

#[test]
fn save_as_from_the_question_writes_another_file_and_leaves_this_one() {
    let (mut h, path) = changed_behind_its_back();
    let before = std::fs::read(&path).expect("read");
    h.run(vec![ctrl('s'), key(KeyCode::Char('s'))]);
    assert!(h.screen().contains("另存为（Enter 确定"), "{}", h.screen());
    let typed_path = path.display().to_string();
    let mut events: Vec<Event> = vec![key(KeyCode::Backspace); typed_path.chars().count()];
    events.extend(typed("mine.json"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    let mine = path.with_file_name("mine.json");
    assert!(h.screen().contains("已另存为"), "{}", h.screen());
    assert_eq!(value(&mine, "attachment"), MINE);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(h.path(), mine);
}

#[test]
fn quitting_with_ctrl_q_and_saving_asks_too_and_overwrite_then_quits() {
    let (mut h, path) = changed_behind_its_back();
    let before = std::fs::read(&path).expect("read");
    h.run(vec![ctrl('q'), key(KeyCode::Char('s'))]);
    assert!(!h.app.quit);
    assert!(
        h.screen().contains("文件已被其他程序修改"),
        "{}",
        h.screen()
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    h.run(vec![key(KeyCode::Char('o'))]);
    assert!(h.app.quit);
    assert_eq!(value(&path, "attachment"), MINE);
}

#[test]
fn a_file_renamed_away_is_asked_about_and_overwrite_writes_it_anew() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let path = h.path();
    h.run(typed(MINE));
    let moved = path.with_file_name("moved.json");
    std::fs::rename(&path, &moved).expect("rename");
    h.run(vec![ctrl('s')]);
    let screen = shown(&h);
    assert!(screen.contains("文件已被删除或改名"), "{screen}");
    insta::assert_snapshot!(screen);
    // There is nothing to reload.
    h.run(vec![key(KeyCode::Char('r'))]);
    assert!(h.screen().contains("文件已被删除或改名"));
    assert!(!path.exists());
    h.run(vec![key(KeyCode::Char('o'))]);
    assert_eq!(value(&path, "attachment"), MINE);
    assert_eq!(
        value(&moved, "attachment"),
        "",
        "the moved file is left alone"
    );
}

#[test]
fn a_save_with_no_change_on_disk_does_not_ask() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let path = h.path();
    // Rewritten with the very same bytes (a touch): nothing to lose.
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, bytes).expect("write");
    h.run(typed(MINE));
    h.run(vec![ctrl('s')]);
    assert!(h.screen().contains("已保存到 new.json"), "{}", h.screen());
    assert_eq!(value(&path, "attachment"), MINE);
    h.run(typed("二"));
    h.run(vec![ctrl('s')]);
    assert!(h.screen().contains("已保存到 new.json"), "{}", h.screen());
    assert_eq!(value(&path, "attachment"), format!("{MINE}二"));
}
