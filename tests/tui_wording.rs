//! A report's own headings in the editor: one reworded with `ziping set`
//! is shown in the outline and used by the export (Ctrl-E); one reworded
//! with the heading key (F4) is saved in the project file.

mod common;

use common::locale::run_in;
use common::*;
use crossterm::event::KeyCode;

#[test]
fn a_heading_set_on_the_command_line_is_in_the_outline_and_the_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.json");
    std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy sample");
    let set = run_in(
        dir.path(),
        &["set", "report.json", "heading.basic", "部门基本情况"],
    );
    assert_eq!(set.code, Some(0), "{}", set.stderr);

    let mut h = Harness::open(dir, &path, 80, 24);
    // Past the front section's four fields and 自评得分情况's two.
    h.run(vec![key(KeyCode::Tab); 6]);
    let screen = h.screen();
    assert!(screen.contains("一、部门基本情况"), "{screen}");
    assert!(!screen.contains("一、基本情况"), "{screen}");
    insta::assert_snapshot!(screen);

    // Ctrl-E offers report.txt beside the project; Enter writes it.
    h.run(vec![ctrl('e'), key(KeyCode::Enter)]);
    let text = std::fs::read_to_string(h.dir.path().join("report.txt")).expect("exported");
    assert!(text.lines().any(|l| l == "一、部门基本情况"), "{text}");
    assert!(!text.lines().any(|l| l == "一、基本情况"), "{text}");
}

#[test]
fn the_heading_key_rewords_this_section_and_the_file_keeps_it() {
    let mut h = Harness::sample(80, 24);
    // Into （一）机构人员情况 (past 自评得分情况), then F4: the prompt holds the heading now
    // printed, which is rubbed out and typed anew.
    let mut events = vec![key(KeyCode::Tab); 6];
    events.push(key(KeyCode::F(4)));
    h.run(events);
    assert!(h.screen().contains("本节标题"), "{}", h.screen());
    let mut events = vec![key(KeyCode::Backspace); "机构人员情况".chars().count()];
    events.extend(typed("机构和人员情况"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    let screen = h.screen();
    assert!(screen.contains("（一）机构和人员情况"), "{screen}");
    assert!(screen.contains("本节标题改为“机构和人员情况”"), "{screen}");
    insta::assert_snapshot!(screen);

    h.run(vec![ctrl('s')]);
    let saved = h.saved_json();
    assert_eq!(
        saved["headings"]["organisation"], "机构和人员情况",
        "{saved}"
    );

    // Emptied, the heading is the template's again and the key goes.
    let mut events = vec![key(KeyCode::F(4))];
    events.extend(vec![
        key(KeyCode::Backspace);
        "机构和人员情况".chars().count()
    ]);
    events.extend([key(KeyCode::Enter), ctrl('s')]);
    h.run(events);
    assert!(h.screen().contains("（一）机构人员情况"), "{}", h.screen());
    assert_eq!(h.saved_headings(), serde_json::Value::Null);
}

#[test]
fn the_title_key_rewords_the_title_pattern_and_the_export_uses_it() {
    let mut h = Harness::sample(80, 24);
    h.run(vec![shift(KeyCode::F(4))]);
    let screen = h.screen();
    assert!(screen.contains("报告标题格式"), "{screen}");
    // The pattern in force is offered, its lines separated by |.
    assert!(screen.contains("{attachment} | {unit}{year}"), "{screen}");
    // Ctrl-A then typing replaces it.
    let mut events = vec![ctrl('a')];
    events.extend(typed("{unit}{year}年度部门整体支出绩效评价报告 | （自评）"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    assert!(h.screen().contains("报告标题格式改为"), "{}", h.screen());

    h.run(vec![ctrl('s')]);
    let saved = h.saved_json();
    assert_eq!(
        saved["title"],
        serde_json::json!(["{unit}{year}年度部门整体支出绩效评价报告", "（自评）"]),
        "{saved}"
    );
    h.run(vec![ctrl('e'), key(KeyCode::Enter)]);
    let text = std::fs::read_to_string(h.dir.path().join("report.txt")).expect("exported");
    let head: Vec<&str> = text.lines().take(2).collect();
    assert!(head[0].ends_with("年度部门整体支出绩效评价报告"), "{text}");
    assert_eq!(head[1], "（自评）", "{text}");

    // A field the template does not have is refused; the prompt stays.
    let mut events = vec![shift(KeyCode::F(4)), ctrl('a')];
    events.extend(typed("{nope}报告"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    assert!(h.screen().contains("不是本模板的字段"), "{}", h.screen());
    assert!(h.screen().contains("报告标题格式（"), "{}", h.screen());
}

/// A heading or title reworded with F4 / Shift-F4 is outside every field's
/// own undo: Ctrl-Z takes it back and Ctrl-Y puts it again, while nothing
/// else changed; an edit typed after it is undone first.
#[test]
fn ctrl_z_takes_a_rewording_back_and_ctrl_y_puts_it_again() {
    let mut h = Harness::sample(80, 24);
    h.run(reword_organisation("机构和人员情况"));
    assert!(
        h.screen().contains("（一）机构和人员情况"),
        "{}",
        h.screen()
    );

    h.run(vec![ctrl('z'), ctrl('s')]);
    let screen = h.screen();
    assert!(screen.contains("（一）机构人员情况"), "{screen}");
    assert_eq!(h.saved_headings(), serde_json::Value::Null);
    h.run(vec![ctrl('y'), ctrl('s')]);
    assert_eq!(h.saved_headings()["organisation"], "机构和人员情况");

    // Typed after the rewording: the first Ctrl-Z undoes the typing, the
    // second the rewording.
    let field = h.focused_field();
    let before = h.saved_json()["values"][&field].clone();
    h.run(typed("另"));
    h.run(vec![ctrl('z'), ctrl('s')]);
    assert_eq!(h.saved_json()["values"][&field], before);
    assert_eq!(h.saved_headings()["organisation"], "机构和人员情况");
    h.run(vec![ctrl('z'), ctrl('s')]);
    assert_eq!(h.saved_headings(), serde_json::Value::Null);

    // The title too.
    let mut events = vec![shift(KeyCode::F(4)), ctrl('a')];
    events.extend(typed("{unit}{year}年度绩效自评报告"));
    events.extend([key(KeyCode::Enter), ctrl('s')]);
    h.run(events);
    assert_eq!(
        h.saved_json()["title"],
        serde_json::json!(["{unit}{year}年度绩效自评报告"])
    );
    h.run(vec![ctrl('z')]);
    // The status line says what the title is now.
    assert!(h.screen().contains("报告标题格式"), "{}", h.screen());
    h.run(vec![ctrl('s')]);
    assert!(h.saved_json().get("title").is_none(), "{}", h.saved_json());
}
