//! Opening a project whose embedded template is an older version of a
//! built-in one offers the newer version, through the real entry point on a
//! `TestBackend`: the changes are listed, `u` upgrades keeping every value
//! (unsaved until the user saves), Esc keeps the old template.

// A broken fixture should fail the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
#[path = "common/older.rs"]
mod older;

use common::*;
use crossterm::event::KeyCode;
use older::older_project;

/// The older project (`common/older.rs`), opened in the editor.
fn old_project() -> Harness {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.json");
    std::fs::write(&path, older_project().to_json()).expect("write project");
    Harness::open(dir, &path, 80, 24)
}

fn template_version(h: &Harness) -> u32 {
    h.app
        .session()
        .expect("session")
        .doc
        .project()
        .template
        .version
}

#[test]
fn an_older_template_is_offered_with_its_changes() {
    let mut h = old_project();
    h.run(vec![]);
    let screen = h.screen();
    assert!(screen.contains("模板有新版本"), "{screen}");
    assert!(screen.contains("存在的问题"), "{screen}");
    assert!(screen.contains("旧备注"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn upgrading_keeps_every_value_and_leaves_the_file_until_saved() {
    let mut h = old_project();
    let before = std::fs::read(h.path()).expect("read file");
    let values = h
        .app
        .session()
        .expect("session")
        .doc
        .project()
        .values
        .clone();
    h.run(typed("u"));
    assert!(h.app.dialog.is_none());
    assert!(template_version(&h) > 0, "on the built-in version");
    let session = h.app.session().expect("session");
    for (id, entry) in &values {
        assert_eq!(session.doc.project().entry(id), Some(entry), "{id} kept");
    }
    let orphans: Vec<&String> = session.doc.project().orphans().map(|(id, _)| id).collect();
    assert_eq!(orphans, ["old_notes"], "the removed field's text survives");
    assert!(session.doc.is_dirty(), "the upgrade counts as unsaved");
    assert_eq!(std::fs::read(h.path()).expect("read file"), before);
    assert!(h.screen().contains("已升级模板，保存后生效"));

    h.run(vec![ctrl('s')]);
    assert_eq!(h.saved_json()["template"]["version"], template_version(&h));
    assert_eq!(h.saved_json()["values"]["old_notes"], "旧的说明文字");
}

#[test]
fn escape_keeps_the_old_template_and_asks_again_next_time() {
    let mut h = old_project();
    h.run(vec![key(KeyCode::Esc)]);
    assert!(h.app.dialog.is_none());
    assert_eq!(template_version(&h), 0);
    assert!(!h.app.session().expect("session").doc.is_dirty());
    assert!(h.screen().contains("仍用旧版模板"));

    let path = h.path();
    let again = Harness::open(tempfile::tempdir().expect("tempdir"), &path, 80, 24);
    assert!(again.app.dialog.is_some(), "offered again on the next open");
}

#[test]
fn a_project_on_the_current_template_opens_with_no_question() {
    let h = Harness::sample(80, 24);
    assert!(h.app.dialog.is_none());
    let h = Harness::new_project("hunan-narrative", 80, 24);
    assert!(h.app.dialog.is_none());
}
