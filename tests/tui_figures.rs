//! The figures panel (F6) through the real event loop: the focused
//! section's figures with their context and how each checks against the
//! tables; Enter selects the chosen one in its field.

#![allow(clippy::expect_used)]

mod common;

use common::*;
use crossterm::event::KeyCode;

/// The sample with one indicator row whose 实际完成值 (32000人次) the prose
/// (培训党员33016人次) contradicts, opened at 100×30.
fn sample_with_indicator() -> Harness {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.json");
    let text = std::fs::read_to_string(repo("sample-data/changning-2022.json")).expect("sample");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["values"]["indicators"] = serde_json::json!({"rows": [{
        "level1": "产出指标", "level2": "数量指标", "name": "培训党员人次",
        "target": "≥30000人次", "actual": "32000人次", "weight": "10"
    }]});
    std::fs::write(&path, json.to_string()).expect("write project");
    Harness::open(dir, &path, 100, 30)
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
fn f6_lists_the_sections_figures_and_enter_selects_one_in_its_field() {
    let mut h = sample_with_indicator();
    h.run(jump("主要成效"));
    h.run(vec![key(KeyCode::F(6))]);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("本节数字（输入筛选）："), "{screen}");
    assert!(
        screen.contains("33016人次   主要成效第1条  累计培训党员33016人次  ✗ 绩效指标“培训党员人次”实际完成值32000人次"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);

    // Typing filters; Enter goes to the figure, far down the field.
    h.run(typed("56.7"));
    let filtered = h.screen();
    assert!(filtered.contains("> 56.7%"), "{filtered}");
    h.run(vec![key(KeyCode::Enter)]);
    let screen = h.run(vec![]).screen();
    assert!(!screen.contains("本节数字（输入筛选）"), "{screen}");
    assert_eq!(h.focused_field(), "achievements");
    assert!(page_text(&screen).contains("占比56.7%"), "{screen}");
    // F6 again and Esc close it without moving.
    h.run(vec![key(KeyCode::F(6)), key(KeyCode::Esc)]);
    assert_eq!(h.focused_field(), "achievements");
}

#[test]
fn a_section_without_figures_says_so() {
    let mut h = Harness::sample(100, 30);
    h.run(jump("改进措施"));
    h.run(vec![key(KeyCode::F(6))]);
    let screen = h.screen();
    assert!(screen.contains("本节正文中没有匹配的数字"), "{screen}");
}
