//! Find and replace in the editor (Ctrl-F, Ctrl-R): full-width and
//! half-width forms found alike, next and previous wrapping around, this
//! field only, a replacement of 2022 by 2023 saved and undone at once, a
//! computed cell never replaced and a read-only session refused.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

/// Ctrl-R, `needle`, Tab, `with`: the prompt ready to replace.
fn replacing(needle: &str, with: &str) -> Vec<Event> {
    let mut events = vec![ctrl('r')];
    events.extend(typed(needle));
    events.push(key(KeyCode::Tab));
    events.extend(typed(with));
    events
}

/// The status line (the last row).
fn status(h: &Harness) -> String {
    h.screen().lines().last().unwrap_or_default().to_string()
}

/// How many times `needle` occurs in the saved values.
fn saved_count(h: &Harness, needle: &str) -> usize {
    h.saved_json()["values"].to_string().matches(needle).count()
}

#[test]
fn the_find_prompt_finds_full_width_digits_as_half_width() {
    let mut h = Harness::sample(80, 24);
    h.run(vec![ctrl('f')]);
    h.run(typed("２０２２"));
    insta::assert_snapshot!(h.run(vec![]).screen());

    // Enter: the first 2022 in reading order, the year field on the cover.
    h.run(vec![key(KeyCode::Enter)]);
    let screen = h.screen();
    assert!(screen.contains("第 1/"), "{screen}");
    assert_eq!(h.focused_field(), "year");
    // Enter again: the 2022 in the preamble, selected in its editor.
    h.run(vec![key(KeyCode::Enter)]);
    assert_eq!(h.focused_field(), "preamble");
    assert!(status(&h).contains("第 2/"), "{}", status(&h));
}

#[test]
fn the_text_selected_in_the_field_is_what_the_prompt_looks_for() {
    let mut h = Harness::sample(80, 24);
    // The year field holds 2022, the cursor at its end: select 022.
    let mut events = vec![key(KeyCode::Tab); 2];
    events.extend(vec![shift(KeyCode::Left); 3]);
    events.push(ctrl('f'));
    h.run(events);
    assert!(h.screen().contains("查找：022 "), "{}", h.screen());
}

#[test]
fn next_and_previous_wrap_around_the_report() {
    let mut h = Harness::sample(80, 24);
    let mut events = vec![ctrl('f')];
    events.extend(typed("2022"));
    events.push(key(KeyCode::Esc));
    h.run(events);
    // From the cover's first field, Shift-F3 goes back past the start to
    // the last 2022 in the report.
    h.run(vec![shift(KeyCode::F(3))]);
    let line = status(&h);
    assert!(line.contains("已到开头，从末尾找起"), "{line}");
    assert_eq!(h.focused_field(), "achievements");
    // F3 goes on past the end to the first again; F13 (Shift-F3 from PuTTY
    // and the Linux console) back to the last.
    h.run(vec![key(KeyCode::F(3))]);
    assert!(status(&h).contains("已到末尾，从头找起"), "{}", status(&h));
    assert_eq!(h.focused_field(), "year");
    h.run(vec![key(KeyCode::F(13))]);
    assert_eq!(h.focused_field(), "achievements");
}

#[test]
fn this_field_only_stays_in_the_field() {
    let mut h = Harness::sample(80, 24);
    // On the cover's preamble, Ctrl-T: only this field; 2022 is once in it.
    let mut events = vec![key(KeyCode::Tab); 3];
    events.push(ctrl('f'));
    events.push(ctrl('t'));
    events.extend(typed("2022"));
    h.run(events);
    assert!(h.screen().contains("［只在本字段］"), "{}", h.screen());
    h.run(vec![key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert!(status(&h).contains("第 1/1 处"), "{}", status(&h));
    assert_eq!(h.focused_field(), "preamble");
    h.run(vec![key(KeyCode::End)]);
    h.run(typed("无"));
    h.run(vec![key(KeyCode::Enter)]);
    assert!(
        status(&h).contains("本字段中没有“2022无”"),
        "{}",
        status(&h)
    );
}

#[test]
fn replacing_2022_by_2023_everywhere_is_saved_and_undone_at_once() {
    let mut h = Harness::sample(80, 24);
    let before = h.saved_json();
    assert_eq!(saved_count(&h, "2022"), 14);
    let mut events = replacing("２０２２", "2023");
    events.push(alt('a'));
    h.run(events);
    let line = status(&h);
    assert!(line.contains("已替换 14 处（4 个字段）"), "{line}");
    h.run(vec![key(KeyCode::Esc), ctrl('s')]);
    assert_eq!(saved_count(&h, "2022"), 0);
    let saved = h.saved_json();
    assert_eq!(saved["values"]["year"], "2023");
    let preamble = saved["values"]["preamble"].as_str().unwrap_or_default();
    assert!(preamble.contains("现将2023年预算支出"), "{preamble}");
    assert!(preamble.contains("湘办发【2019】10号"), "{preamble}");

    // One Ctrl-Z, in whatever field has the focus, undoes all of it.
    h.run(vec![ctrl('z'), ctrl('s')]);
    assert!(status(&h).contains("已保存") || saved_count(&h, "2022") == 14);
    assert_eq!(h.saved_json()["values"], before["values"]);
    // And Ctrl-Y does it again.
    h.run(vec![ctrl('y'), ctrl('s')]);
    assert_eq!(saved_count(&h, "2022"), 0);
}

#[test]
fn replacing_one_match_replaces_the_one_shown_and_goes_on() {
    let mut h = Harness::sample(80, 24);
    // The first Ctrl-R in the prompt shows the first match, the second
    // replaces it and shows the next.
    let mut events = replacing("2022", "2023");
    events.extend([ctrl('r'), ctrl('r'), key(KeyCode::Esc), ctrl('s')]);
    h.run(events);
    let saved = h.saved_json();
    assert_eq!(saved["values"]["year"], "2023");
    assert_eq!(saved_count(&h, "2022"), 13);
    assert_eq!(h.focused_field(), "preamble");
    h.run(vec![ctrl('z'), ctrl('s')]);
    assert_eq!(h.saved_json()["values"]["year"], "2022");
}

#[test]
fn a_computed_cell_is_never_replaced() {
    // The file holds 2022 in the computed 执行率 column (written by hand)
    // and in the typed budget beside it.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.json");
    let (entries, _) = ziping::catalog::load(None);
    let template = ziping::catalog::find(&entries, "hunan-narrative").expect("template");
    let project = ziping::model::project::Project::new(template, "2026-01-01T00:00:00Z");
    let mut json: Value = serde_json::from_str(&project.to_json()).expect("json");
    json["values"]["funding"] =
        serde_json::json!({"rows": {"total": {"budget": "2022", "rate": "2022"}}});
    std::fs::write(&path, json.to_string()).expect("write");
    let mut h = Harness::open(dir, &path, 100, 30);

    let mut events = replacing("2022", "2023");
    events.extend([alt('a'), key(KeyCode::Esc), ctrl('s')]);
    h.run(events);
    let saved = h.saved_json();
    let total = &saved["values"]["funding"]["rows"]["total"];
    assert_eq!(total["budget"], "2023");
    assert_eq!(total["rate"], "2022");
    // Nothing is left to find: the computed cell is not searched.
    h.run(vec![key(KeyCode::F(3))]);
    assert!(
        status(&h).contains("整份报告中没有“2022”"),
        "{}",
        status(&h)
    );
}

#[test]
fn a_match_in_a_table_focuses_its_cell_and_is_replaced_there() {
    let mut h = Harness::new_project("hunan-narrative", 100, 30);
    // Into the indicators table (the last field) and type a name.
    let mut events = jump("绩效指标");
    events.extend(cells("产出指标\t数量指标\t2022年培训人次"));
    events.push(key(KeyCode::Enter));
    events.extend(jump("部门职责"));
    events.push(ctrl('f'));
    events.extend(typed("培训"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    let session = h.app.session().expect("session");
    assert_eq!(session.field().map(|f| f.id.as_str()), Some("indicators"));
    let grid = &session.editor.grids["indicators"];
    assert_eq!((grid.row, grid.column), (0, 2));

    // Replacing the match shown changes that cell only, as one undo step.
    let mut events = vec![key(KeyCode::Tab)];
    events.extend(typed("教育"));
    events.extend([ctrl('r'), key(KeyCode::Esc), ctrl('s')]);
    h.run(events);
    let row = &h.saved_json()["values"]["indicators"]["rows"][0];
    assert_eq!(row["name"], "2022年教育人次");
    assert_eq!(row["level1"], "产出指标");
    h.run(vec![ctrl('z'), ctrl('s')]);
    let row = &h.saved_json()["values"]["indicators"]["rows"][0];
    assert_eq!(row["name"], "2022年培训人次");
}

#[test]
fn replacing_is_refused_in_a_read_only_session() {
    let mut h = Harness::sample(80, 24);
    if let Some(session) = h.app.session_mut() {
        session.doc.open_read_only();
    }
    // Ctrl-R is refused at once; in the find prompt, so is replacing all.
    h.run(vec![ctrl('r')]);
    assert!(status(&h).contains("只读打开"), "{}", status(&h));
    let mut events = vec![ctrl('f')];
    events.extend(typed("2022"));
    events.push(key(KeyCode::Tab));
    events.extend(typed("2023"));
    events.push(alt('a'));
    h.run(events);
    assert!(status(&h).contains("只读打开"), "{}", status(&h));
    assert_eq!(saved_count(&h, "2022"), 14);
    // Finding is still allowed.
    h.run(vec![key(KeyCode::Enter)]);
    assert!(status(&h).contains("第 1/14 处"), "{}", status(&h));
}

/// A replacement and then a rewording: Ctrl-Z takes back the later first.
#[test]
fn a_replacement_and_a_rewording_are_taken_back_last_first() {
    let mut h = Harness::sample(80, 24);
    let mut events = replacing("2022", "2023");
    events.extend([alt('a'), key(KeyCode::Esc)]);
    events.extend(reword_organisation("机构和人员情况"));
    events.push(ctrl('s'));
    h.run(events);
    assert_eq!(saved_count(&h, "2022"), 0);
    assert_eq!(h.saved_headings()["organisation"], "机构和人员情况");

    h.run(vec![ctrl('z'), ctrl('s')]);
    assert_eq!(h.saved_headings(), serde_json::Value::Null);
    assert_eq!(saved_count(&h, "2022"), 0, "the replacement stays");
    h.run(vec![ctrl('z'), ctrl('s')]);
    assert_eq!(saved_count(&h, "2022"), 14);
}
