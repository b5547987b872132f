//! Tables in the TUI, driven through the real event loop on a `TestBackend`:
//! a grid moved through with arrows and Tab, cells edited in place with
//! computed cells following every key, invalid cells marked, rows added,
//! moved and removed, and the typed cells saved.

// The helpers run only inside tests: a missing session or table should
// fail the test loudly.
#![allow(clippy::expect_used)]

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ziping::tui::theme::Role;

fn alt(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::ALT))
}

/// A 项目支出 project with the funding table focused and A = 100, B = 85
/// typed (Enter commits the last cell).
fn funding(width: u16, height: u16) -> Harness {
    let mut h = Harness::new_project("project-selfeval", width, height);
    let mut events = jump("funding");
    events.push(key(KeyCode::Right));
    events.extend(cells("100\t85"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    assert_eq!(h.focused_field(), "funding");
    h
}

#[test]
fn funding_at_120x30_shows_rate_and_score_computed_from_typed_cells() {
    let mut h = funding(120, 30);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    assert!(
        screen.contains(
            "年度资金总额                           100.00           85.00 10.00       !85.00% 8.50"
        ),
        "{screen}"
    );
    // The focused cell, 全年执行数, is drawn in the theme's selection style.
    let selected = h.app.ui.theme.style(Role::Selected);
    let buffer = h.terminal.backend().buffer();
    let y = screen
        .lines()
        .position(|l| l.contains("年度资金总额"))
        .expect("row") as u16;
    let symbols: Vec<&str> = (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect();
    let x = symbols
        .windows(5)
        .position(|w| w.concat() == "85.00")
        .expect("85.00 drawn") as u16;
    assert_eq!(buffer[(x, y)].bg, selected.bg.expect("selection colour"));
    // 100.00, eleven columns to the left, is not focused.
    assert_eq!(buffer[(x - 12, y)].symbol(), "0");
    assert_ne!(buffer[(x - 12, y)].bg, buffer[(x, y)].bg);
    // The focused cell has no problem; its row's is shown.
    assert!(
        screen.contains("! 年度资金总额 › 执行率（B/A）：执行率低于90%，请说明原因"),
        "{screen}"
    );
}

#[test]
fn computed_cells_follow_every_key_before_the_cell_is_committed() {
    let mut h = Harness::new_project("project-selfeval", 120, 30);
    let mut events = jump("funding");
    events.push(key(KeyCode::Right));
    events.extend(cells("100\t8"));
    h.run(events);
    assert!(
        h.run(vec![]).screen().contains("!8.00% 0.80"),
        "{}",
        h.screen()
    );
    h.run(typed("5"));
    assert!(
        h.run(vec![]).screen().contains("!85.00% 8.50"),
        "{}",
        h.screen()
    );
    // The terminal cursor is in the cell, after what was typed.
    let cursor = h.terminal.backend().cursor_position();
    let buffer = h.terminal.backend().buffer();
    assert_eq!(buffer[(cursor.x - 2, cursor.y)].symbol(), "8");
    assert_eq!(buffer[(cursor.x - 1, cursor.y)].symbol(), "5");
}

#[test]
fn funding_at_80x24_scrolls_to_the_computed_cells_keeping_the_row_labels() {
    let mut h = funding(80, 24);
    // End: the last cell of the row, 得分, far to the right.
    h.run(vec![key(KeyCode::End)]);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    assert!(screen.contains("项目资金          <分值"), "{screen}");
    assert!(
        screen.contains("年度资金总额       10.00       !85.00% 8.50"),
        "{screen}"
    );
    assert!(!screen.contains("年初预算数"), "scrolled out: {screen}");
    // Computed cells take the focus but not typing, and say why.
    h.run(typed("9"));
    assert!(
        h.screen().contains("“得分”由公式计算，不能填写"),
        "{}",
        h.screen()
    );
    assert!(screen.contains("8.50"));
}

#[test]
fn an_invalid_cell_is_marked_and_its_message_shown_under_the_grid() {
    let mut h = Harness::new_project("project-selfeval", 80, 24);
    let mut events = jump("funding");
    events.push(key(KeyCode::Right));
    events.extend(cells("一百万\t"));
    h.run(events);
    // Back on the invalid cell: marker in the cell, message under the grid.
    h.run(vec![key(KeyCode::Left)]);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    assert!(screen.contains("✗一百万"), "{screen}");
    assert!(
        screen.contains("✗ 请输入金额，单位：万元，保留2位小数"),
        "{screen}"
    );
    // Kept as typed, like an invalid field.
    h.run(vec![ctrl('s')]);
    assert_eq!(
        h.saved_json()["values"]["funding"]["rows"]["total"]["budget"],
        "一百万"
    );
}

#[test]
fn esc_cancels_a_cell_edit_and_ctrl_z_undoes_a_committed_one() {
    let mut h = funding(120, 30);
    let budget = |h: &Harness| {
        let session = h.app.session().expect("session");
        let json = serde_json::to_value(session.doc.project().entry("funding")).expect("json");
        json["rows"]["total"]["budget"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    h.run(vec![key(KeyCode::Left)]);
    h.run(typed("90"));
    assert_eq!(budget(&h), "90", "typed text goes in at once");
    h.run(vec![key(KeyCode::Esc)]);
    assert_eq!(budget(&h), "100", "Esc puts the cell back");
    // Enter edits the text in place; Backspace and Enter commit 10.
    h.run(vec![
        key(KeyCode::Enter),
        key(KeyCode::Backspace),
        key(KeyCode::Enter),
    ]);
    assert_eq!(budget(&h), "10");
    h.run(vec![ctrl('z')]);
    assert_eq!(budget(&h), "100");
    h.run(vec![ctrl('y')]);
    assert_eq!(budget(&h), "10");
    assert!(h.app.session().expect("session").doc.is_dirty());
}

#[test]
fn tab_past_the_last_cell_leaves_the_table_and_shift_tab_comes_back() {
    let mut h = Harness::new_project("project-selfeval", 80, 24);
    h.run(jump("funding"));
    // Six columns by four rows: 24 cells, so the 24th Tab leaves.
    h.run(vec![key(KeyCode::Tab); 23]);
    assert_eq!(h.focused_field(), "funding");
    h.run(vec![key(KeyCode::Tab)]);
    assert_eq!(h.focused_field(), "funding_note");
    h.run(vec![shift(KeyCode::BackTab)]);
    assert_eq!(h.focused_field(), "funding");
    // Shift-Tab before the first cell goes to the previous field.
    h.run(vec![key(KeyCode::Home)]);
    h.run(vec![key(KeyCode::Up); 4]);
    h.run(vec![shift(KeyCode::BackTab)]);
    assert_eq!(h.focused_field(), "issuer", "the cover's last field");
}

#[test]
fn fixed_rows_cannot_be_added_or_removed() {
    let mut h = funding(80, 24);
    h.run(vec![ctrl('n')]);
    assert!(
        h.screen()
            .contains("此表的行由模板固定，不能添加、删除或移动"),
        "{}",
        h.screen()
    );
    h.run(vec![ctrl('d')]);
    let session = h.app.session().expect("session");
    let json = serde_json::to_value(session.doc.project().entry("funding")).expect("json");
    assert_eq!(json["rows"]["total"]["actual"], "85");
}

/// The funding block as in [`funding`] and the indicator table with two
/// rows typed: a missed `≥50个` target and a missed `≤90万元` one.
fn indicators(width: u16, height: u16) -> Harness {
    let mut h = funding(width, height);
    h.run(jump("indicators"));
    assert!(
        h.screen().contains("（还没有行，按 Ctrl-N 添加一行）"),
        "{}",
        h.screen()
    );
    // Typing in an empty table starts its first row.
    let mut events = cells("产出指标\t数量指标\t培训党员人次\t≥50个\t40个\t50\t\t部分培训延期");
    events.push(key(KeyCode::Enter));
    events.push(ctrl('n'));
    events.extend(cells(
        "效益指标\t社会效益指标\t培训成本\t≤90万元\t100万元\t30",
    ));
    events.push(key(KeyCode::Enter));
    h.run(events);
    h
}

fn names(h: &Harness) -> Vec<String> {
    let session = h.app.session().expect("session");
    let json = serde_json::to_value(session.doc.project().entry("indicators")).expect("json");
    json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn rows_are_added_moved_and_removed_with_scores_and_totals_live() {
    let mut h = indicators(120, 30);
    assert_eq!(names(&h), ["培训党员人次", "培训成本"]);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    // ≥50个 with 40 and weight 50 → 40.00; ≤90万元 with 100 and weight 30
    // → 27.00; the total adds the budget score 8.50. The weights make 90
    // with the budget row's 10, so no grade is given.
    assert!(screen.contains("50.00 40.00"), "{screen}");
    assert!(screen.contains("30.00 27.00"), "{screen}");
    assert!(screen.contains("总分：75.50    自评等级： "), "{screen}");
    // Alt-Up moves the focused row up, and the focus with it.
    h.run(vec![alt(KeyCode::Up)]);
    assert_eq!(names(&h), ["培训成本", "培训党员人次"]);
    h.run(vec![alt(KeyCode::Down)]);
    assert_eq!(names(&h), ["培训党员人次", "培训成本"]);
    // Ctrl-D removes the focused (second) row; Ctrl-Z brings it back.
    h.run(vec![ctrl('d')]);
    assert_eq!(names(&h), ["培训党员人次"]);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!("after_removing_a_row", screen);
    assert!(screen.contains("总分：48.50    自评等级： "), "{screen}");
    h.run(vec![ctrl('z')]);
    assert_eq!(names(&h), ["培训党员人次", "培训成本"]);
}

#[test]
fn a_wide_table_at_80_columns_scrolls_keeping_the_row_names() {
    let mut h = indicators(80, 24);
    // To the last column, 偏差原因分析及改进措施, of the first row.
    h.run(vec![key(KeyCode::Up), key(KeyCode::End)]);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    let header = screen
        .lines()
        .find(|l| l.contains("序号"))
        .expect("header row");
    assert!(header.contains("三级指标"), "{header}");
    assert!(header.contains("偏差原因分析及改进措施"), "{header}");
    assert!(!header.contains("一级指标"), "scrolled out: {header}");
    assert!(screen.contains("培训党员人次"), "{screen}");
    assert!(screen.contains("部分培训延期"), "{screen}");
}

#[test]
fn typed_cells_are_saved_with_ctrl_s() {
    let mut h = indicators(80, 24);
    h.run(vec![ctrl('s')]);
    let values = &h.saved_json()["values"];
    assert_eq!(values["funding"]["rows"]["total"]["budget"], "100");
    assert_eq!(values["funding"]["rows"]["total"]["actual"], "85");
    let first = &values["indicators"]["rows"][0];
    assert_eq!(first["name"], "培训党员人次");
    assert_eq!(first["target"], "≥50个");
    assert_eq!(first["reason"], "部分培训延期");
    assert_eq!(values["indicators"]["rows"][1]["weight"], "30");
}

#[test]
fn a_table_edited_as_json_in_the_editor_is_kept_even_when_broken() {
    let mut h = funding(80, 24);
    let script = h.dir.path().join("break.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf '{\"rows\": [' > \"$1\"\n").expect("script");
    h.host.editor = format!("sh {}", script.display());
    h.run(vec![ctrl('o')]);
    let entry = |h: &Harness| {
        let session = h.app.session().expect("session");
        serde_json::to_value(session.doc.project().entry("funding")).expect("json")
    };
    // Kept as typed and flagged; the grid refuses to change what it cannot
    // read rather than overwrite it.
    assert_eq!(entry(&h), "{\"rows\": [");
    h.run(typed("1"));
    assert!(h.screen().contains("无法读取"), "{}", h.screen());
    assert_eq!(entry(&h), "{\"rows\": [");
    h.run(vec![ctrl('z')]);
    assert_eq!(entry(&h)["rows"]["total"]["budget"], "100");
}

#[test]
fn a_global_command_while_a_cell_is_edited_keeps_the_cell_and_runs() {
    let actual = |h: &Harness| {
        let session = h.app.session().expect("session");
        let entry = serde_json::to_value(session.doc.project().entry("funding")).expect("json");
        entry["rows"]["total"]["actual"].clone()
    };
    let editing = |h: &Harness| h.app.session().and_then(|s| s.grid_focus());
    type Ran = fn(&Harness) -> bool;
    let cases: [(Event, Ran); 4] = [
        (ctrl('s'), |h| {
            h.saved_json()["values"]["funding"]["rows"]["total"]["actual"] == "7"
        }),
        (key(KeyCode::F(1)), |h| h.screen().contains("按键帮助")),
        (key(KeyCode::PageDown), |h| h.focused_field() != "funding"),
        (ctrl('g'), |h| h.screen().contains("跳转到：")),
    ];
    for (event, ran) in cases {
        let mut h = funding(80, 24);
        h.run(typed("7"));
        assert_eq!(editing(&h), Some(true), "{event:?}");
        h.run(vec![event.clone()]);
        assert_eq!(actual(&h), "7", "{event:?}");
        assert!(ran(&h), "{event:?} did not run:\n{}", h.screen());
        // The edit was committed: one undo step takes it back.
        h.run(vec![key(KeyCode::Esc)]);
        h.run(jump("funding"));
        assert_eq!(editing(&h), Some(false), "{event:?}");
        h.run(vec![ctrl('z')]);
        assert_eq!(actual(&h), "85", "{event:?}");
    }
}

#[test]
fn a_focused_target_says_how_it_was_read() {
    let mut h = indicators(120, 30);
    // The second row's 年度指标值, ≤90万元: the fourth column.
    let right = key(KeyCode::Right);
    h.run(vec![
        key(KeyCode::Home),
        right.clone(),
        right.clone(),
        right.clone(),
    ]);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    let said = "第2行「培训成本」 › 年度指标值：按“≤90万元”计：比较符号 ≤，数值 90，单位 万元";
    assert!(screen.contains(said), "{screen}");
    // A qualitative target is read as words (the row's reading says it).
    h.run(vec![ctrl('n')]);
    h.run(cells("满意度指标\t服务对象满意度指标\t满意度\t群众认可"));
    h.run(vec![
        key(KeyCode::Enter),
        key(KeyCode::Home),
        right.clone(),
        right.clone(),
        right,
    ]);
    let screen = h.run(vec![]).screen();
    assert!(
        screen.contains("年度指标值：定性指标：“群众认可”"),
        "{screen}"
    );
}

#[test]
fn a_cell_being_edited_shows_only_what_is_typed_and_says_it_is_being_edited() {
    let mut h = funding(80, 24);
    let mut events = vec![
        key(KeyCode::Enter),
        key(KeyCode::Backspace),
        key(KeyCode::Backspace),
    ];
    events.extend(typed("1380"));
    h.run(events);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    let row = screen
        .lines()
        .find(|l| l.contains("年度资金总额"))
        .expect("row");
    assert!(row.contains("1380"), "{screen}");
    assert!(
        !row.contains("85.00") && !row.contains("1380.00"),
        "the value as formatted before shows beside the typed text:\n{screen}"
    );
    assert!(
        screen.contains("✎ 正在编辑（Enter 确定，Esc 取消）"),
        "{screen}"
    );
    // Esc puts the value back and leaves edit mode, visibly.
    h.run(vec![key(KeyCode::Esc)]);
    let screen = h.run(vec![]).screen();
    assert!(!screen.contains("正在编辑"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("年度资金总额"))
        .expect("row");
    assert!(row.contains("85.00"), "{screen}");
}

#[test]
fn a_spreadsheet_copy_pastes_across_and_down_as_one_undo_step() {
    let mut h = funding(120, 30);
    let row = |screen: &str, label: &str| -> String {
        let found = screen.lines().find(|l| l.contains(label));
        found.expect("row").to_string()
    };
    // From the first column of the first row: three rows of two columns.
    h.run(vec![
        key(KeyCode::Home),
        Event::Paste("120\t110\r\n60\t50\r\n40\t35\r\n".into()),
    ]);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("已粘贴6格"), "{screen}");
    assert!(
        row(&screen, "年度资金总额").contains("120.00         ✗110.00           85.00"),
        "{screen}"
    );
    assert!(
        row(&screen, "本年财政拨款").contains("60.00           50.00"),
        "{screen}"
    );
    assert!(
        row(&screen, "上年结转资金").contains("40.00           35.00"),
        "{screen}"
    );
    // One undo step takes the whole paste back.
    h.run(vec![ctrl('z')]);
    let screen = h.run(vec![]).screen();
    assert!(!row(&screen, "本年财政拨款").contains("60.00"), "{screen}");
    assert!(
        row(&screen, "年度资金总额").contains("100.00           85.00"),
        "{screen}"
    );
}

#[test]
fn a_pasted_computed_cell_is_skipped_when_it_agrees_and_refused_when_not() {
    let mut h = funding(120, 30);
    // From 全年预算数（A）: A, B, 分值, then the computed 执行率 and 得分.
    h.run(vec![
        key(KeyCode::Home),
        key(KeyCode::Right),
        Event::Paste("200\t170\t10\t85%\t8.5".into()),
    ]);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("已粘贴3格"), "{screen}");
    assert!(screen.contains("200.00          170.00 10.00"), "{screen}");
    h.run(vec![Event::Paste("100\t85\t10\t90%\t9".into())]);
    let screen = h.run(vec![]).screen();
    assert!(
        screen.contains("年度资金总额 › 执行率（B/A） 由公式计算为 85.00%，粘贴的是 90%"),
        "{screen}"
    );
    assert!(
        screen.contains("200.00          170.00"),
        "nothing pasted:\n{screen}"
    );
}
