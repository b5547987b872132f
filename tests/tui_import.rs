//! The start screen's 「从已有报告导入」 and 「用去年的项目开始」: a file prompt
//! where Tab completes the name, then the new project opened beside the
//! old file with what was done as the message.

#![allow(clippy::expect_used)]

mod common;

use common::{Harness, key, typed};
use crossterm::event::{Event, KeyCode};

/// The start screen's choice that reads `label`, by its place.
fn choose(h: &mut Harness, label: &str) -> Vec<Event> {
    h.run(vec![]);
    let screen = h.screen();
    let at = screen
        .lines()
        .skip(3)
        .position(|l| l.contains(label))
        .unwrap_or_else(|| panic!("{label} in\n{screen}"));
    let mut events = vec![key(KeyCode::Down); at];
    events.push(key(KeyCode::Enter));
    events
}

#[test]
fn the_start_screen_offers_import_and_roll() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = Harness::with_settings(dir, None, 80, 24, |_| {});
    h.run(vec![]);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn last_years_report_is_imported_through_a_completed_file_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("去年");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::copy(
        common::repo("sample-data/changning-2022.txt"),
        folder.join("常宁2022年报告.txt"),
    )
    .expect("copy");
    let base = format!("{}/", dir.path().display());
    let mut h = Harness::with_settings(dir, None, 100, 30, |_| {});
    let events = choose(&mut h, "从已有报告导入");
    h.run(events);
    // Tab completes the folder, then the one file in it.
    let mut events = typed(&format!("{base}去"));
    events.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    h.run(events);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("去年/常宁2022年报告.txt"), "{screen}");
    h.run(vec![key(KeyCode::Enter)]);
    let made = folder.join("常宁2022年报告.json");
    assert!(made.is_file(), "{}", h.run(vec![]).screen());
    let screen = h.run(vec![]).screen();
    assert!(
        screen.contains("标题吻合度 100/100"),
        "the summary as the message: {screen}"
    );
    assert!(
        screen.contains("附件-1"),
        "the imported project is open: {screen}"
    );
    assert_eq!(h.path(), made);
}

#[test]
fn last_years_project_is_rolled_into_a_new_file_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("常宁.json");
    std::fs::copy(common::repo("sample-data/changning-2022.json"), &old).expect("copy");
    let before = std::fs::read(&old).expect("read");
    let typed_path = old.display().to_string();
    let mut h = Harness::with_settings(dir, None, 100, 30, |_| {});
    let events = choose(&mut h, "用去年的项目开始");
    h.run(events);
    h.run(typed(&typed_path));
    h.run(vec![key(KeyCode::Enter)]);
    let made = old.with_file_name("常宁-2023.json");
    assert!(made.is_file(), "{}", h.run(vec![]).screen());
    assert_eq!(
        std::fs::read(&old).expect("read"),
        before,
        "the old file is untouched"
    );
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("2023年度"), "{screen}");
    let session = h.app.session().expect("session");
    assert_eq!(session.doc.project().text("year"), "2023");
}
