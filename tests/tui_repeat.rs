//! A unit's report with a section per project in the editor: F9 in a
//! project adds the next one after it and moves there, the outline numbers
//! them and heads each with its project's name once typed, Shift-F9 takes
//! an empty one away again and refuses one holding text, and a save keeps
//! the projects added.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode};

fn f9() -> Event {
    key(KeyCode::F(9))
}

#[test]
fn the_add_key_adds_a_project_after_this_one_and_moves_there() {
    let mut h = Harness::new_project("unit-projects", 100, 30);
    let mut events = jump("项目自评情况");
    events.extend(typed("数据共享交换平台运维经费"));
    events.push(f9());
    events.extend(typed("政务外网安全防护经费"));
    events.push(f9());
    h.run(events);
    let screen = h.run(vec![]).screen();
    assert!(
        screen.contains("已添加“（三）项目自评情况”；不需要时，尚未填写前按 Shift-F9 删除"),
        "{screen}"
    );
    h.run(typed("政务信息化项目技术审查"));
    let screen = h.run(vec![]).screen();
    // The outline (names cut to its width) and the place of the focus.
    for heading in [
        "（一）数据共享交换",
        "（二）政务外网安全",
        "（三）政务信息化项",
        "三、项目绩效自评情况 › （三）政务信息化项目技术审查",
        "四、存在的问题",
    ] {
        assert!(screen.contains(heading), "{heading}:\n{screen}");
    }
    insta::assert_snapshot!(screen);

    h.run(vec![ctrl('s')]);
    let saved = h.saved_json();
    assert_eq!(saved["values"]["project_name_3"], "政务信息化项目技术审查");
    let ids: Vec<&str> = saved["template"]["sections"][3]["sections"]
        .as_array()
        .map(|s| s.iter().filter_map(|s| s["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["project", "project_2", "project_3"]);
}

#[test]
fn the_remove_key_takes_away_an_empty_project_and_keeps_one_with_text() {
    let mut h = Harness::new_project("unit-projects", 100, 30);
    let mut events = jump("项目自评情况");
    events.push(f9());
    events.extend(typed("政务外网安全防护经费"));
    events.push(shift(KeyCode::F(9)));
    h.run(events);
    let screen = h.run(vec![]).screen();
    assert!(
        screen.contains("已填写了项目名称，删除会丢掉这些内容；请先清空"),
        "{screen}"
    );
    assert!(screen.contains("（二）政务外网安全防护经费"), "{screen}");

    let mut events =
        vec![key(KeyCode::Backspace); "政务外网安全防护经费".chars().count()];
    events.push(shift(KeyCode::F(9)));
    h.run(events);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("已删除“（二）项目自评情况”"), "{screen}");
    assert_eq!(
        screen.matches("（二）").count(),
        1,
        "only in the message:\n{screen}"
    );
    // The template's own project cannot go.
    h.run(vec![shift(KeyCode::F(9))]);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("不能删除；可以清空其内容"), "{screen}");
}
