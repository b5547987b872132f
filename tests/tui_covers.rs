//! A cover's choice fields in the editor: every option shown with its
//! check box (☐/☑, never the ambiguous □), the next-option key ticking
//! them, an added option one undo step, a field taking several saved as a
//! list.

mod common;

use common::*;
use crossterm::event::KeyCode;

#[test]
fn the_next_option_key_ticks_the_boxes_and_the_file_keeps_a_list() {
    let mut h = Harness::new_project("dept-selfeval", 80, 24);
    // Past 部门（单位）名称, 年度, 预算编码, 主管部门 to 评价类型.
    h.run(vec![key(KeyCode::Tab); 4]);
    let screen = h.screen();
    assert!(
        screen.contains("☐部门整体支出 ☐项目支出（Ctrl-T 换选项）"),
        "{screen}"
    );
    assert!(!screen.contains('□'), "{screen}");

    h.run(vec![ctrl('t')]);
    assert!(
        h.screen().contains("☑部门整体支出 ☐项目支出"),
        "{}",
        h.screen()
    );
    h.run(vec![ctrl('t')]);
    assert!(
        h.screen().contains("☐部门整体支出 ☑项目支出"),
        "{}",
        h.screen()
    );

    // 评价方式 takes several: each press adds the next option.
    h.run(vec![key(KeyCode::Tab), ctrl('t'), ctrl('t')]);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("☑单位自评 ☑部门评价 ☐财政评价"), "{screen}");
    // The unfocused 评价类型 shows its boxes too.
    assert!(screen.contains("☐部门整体支出 ☑项目支出"), "{screen}");
    insta::assert_snapshot!(screen);

    // An option added is one undo step.
    h.run(vec![ctrl('z'), ctrl('s')]);
    let saved = h.saved_json();
    assert_eq!(
        saved["values"]["evaluation_method"],
        serde_json::json!(["单位自评"])
    );
    assert_eq!(saved["values"]["evaluation_type"], "项目支出");
}

#[test]
fn the_next_option_key_elsewhere_says_what_it_is_for() {
    let mut h = Harness::new_project("dept-selfeval", 80, 24);
    h.run(vec![ctrl('t')]);
    assert!(h.screen().contains("这里不是选项字段"), "{}", h.screen());
    h.run(vec![ctrl('s')]);
    assert_eq!(h.saved_json()["values"]["unit"], "");
}
