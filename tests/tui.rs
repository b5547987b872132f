//! The TUI driven through its real event loop with synthetic keys on a
//! fixed-size `TestBackend`: screens are snapshotted, saved files checked.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode};
use ratatui::style::Color;
use ziping::tui::backend::LeanBackend;
use ziping::tui::display::Display;

#[test]
fn opening_the_sample() {
    let mut h = Harness::sample(80, 24);
    h.run(vec![]);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn tab_past_the_last_field_walks_into_the_next_section() {
    let mut h = Harness::sample(80, 24);
    // The front section has four fields and the optional 自评得分情况 two;
    // the sixth Tab leaves them.
    h.run(vec![key(KeyCode::Tab); 6]);
    let screen = h.screen();
    assert!(
        screen.contains("一、基本情况 › （一）机构人员情况"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    // Shift-Tab comes back to the last field of the section before.
    h.run(vec![shift(KeyCode::BackTab)]);
    assert!(h.screen().contains(">  得分情况"), "{}", h.screen());
}

#[test]
fn page_down_and_up_move_by_section() {
    let mut h = Harness::sample(80, 24);
    // Past the front section and the (empty, optional) 自评得分情况.
    h.run(vec![key(KeyCode::PageDown); 3]);
    assert!(h.screen().contains("（二）部门职责"));
    h.run(vec![key(KeyCode::PageUp)]);
    assert!(h.screen().contains("一、基本情况 › （一）机构人员情况"));
}

#[test]
fn an_invalid_number_is_marked_with_its_message_and_kept() {
    let mut h = Harness::new_project("hunan-form", 80, 24);
    let mut events = jump("人员编制");
    events.extend(typed("12.5"));
    h.run(events);
    let screen = h.screen();
    assert!(screen.contains("✗ 人员编制 *"), "{screen}");
    assert!(screen.contains("✗ 请输入整数，单位：人"), "{screen}");
    insta::assert_snapshot!(screen);
    // Leaving the field is allowed; the invalid text is saved as typed.
    h.run(vec![key(KeyCode::Tab), ctrl('s')]);
    assert_eq!(h.saved_json()["values"]["staff_quota"], "12.5");
    assert!(h.screen().contains("✗ 人员编制 *"));
}

#[test]
fn help_lists_every_binding_of_the_key_table() {
    let mut h = Harness::sample(80, 24);
    h.run(vec![key(KeyCode::F(1))]);
    insta::assert_snapshot!(h.screen());
    // Every binding appears in the help rows the screen is drawn from.
    let rows = ziping::tui::dialog::help::help_rows(&h.app.ui.keymap, h.app.lang());
    for binding in h.app.ui.keymap.bindings() {
        let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
        let (zh, _) = binding.command.describe();
        assert!(
            rows.iter()
                .any(|r| r.0 == keys.join(" / ") && r.1.starts_with(zh)),
            "{:?} missing from help",
            binding.command
        );
    }
    // Every command of the command table is listed, in both languages.
    for command in ziping::tui::command::Command::all() {
        let (zh, _) = command.describe();
        assert!(
            rows.iter().any(|r| r.2.is_none() && r.1.starts_with(zh)),
            "{command:?} missing from help"
        );
    }
    // Esc closes it.
    h.run(vec![key(KeyCode::Esc)]);
    assert!(h.screen().contains("标题与导语"));
}

#[test]
fn jump_list_filters_by_a_chinese_word_and_jumps() {
    let mut h = Harness::sample(80, 24);
    let mut events = vec![ctrl('g')];
    events.extend(typed("职责"));
    h.run(events);
    insta::assert_snapshot!(h.screen());
    h.run(vec![key(KeyCode::Down), key(KeyCode::Enter)]);
    let screen = h.screen();
    assert!(screen.contains("一、基本情况 › （二）部门职责"), "{screen}");
    assert!(screen.contains(">✓ 部门职责 *"), "{screen}");
}

#[test]
fn quitting_with_unsaved_changes_asks_and_saves() {
    let mut h = Harness::sample(80, 24);
    let mut events = typed("（修订）");
    events.push(ctrl('q'));
    h.run(events);
    assert!(!h.app.quit, "must not quit with unsaved text");
    insta::assert_snapshot!(h.screen());
    h.run(typed("s"));
    assert!(h.app.quit);
    assert_eq!(h.saved_json()["values"]["attachment"], "附件-1（修订）");
}

#[test]
fn quitting_can_discard_or_cancel() {
    let mut h = Harness::sample(80, 24);
    let before = std::fs::read(h.path()).expect("read");
    let mut events = typed("丢");
    events.extend([ctrl('q'), key(KeyCode::Esc)]);
    h.run(events);
    assert!(!h.app.quit, "Esc cancels");
    assert!(h.screen().contains("附件-1丢"));
    h.run(vec![ctrl('q'), key(KeyCode::Char('d'))]);
    assert!(h.app.quit);
    assert_eq!(
        std::fs::read(h.path()).expect("read"),
        before,
        "discard writes nothing"
    );
}

#[test]
fn a_long_paragraph_is_soft_wrapped_in_the_editor() {
    let mut h = Harness::sample(80, 24);
    h.run(jump("achievements"));
    let screen = h.screen();
    insta::assert_snapshot!(screen);
    // The editor follows the cursor to the end of the 5,000-character
    // field; the wrapped rows fill the 56-column pane (28 wide characters)
    // but for what the line-breaking rules hand down (no row starts with
    // “，” or “）”), and the paragraph's last row ends the field.
    assert!(
        screen.contains("|   干部到乡村一线锻炼，引导干部人才在火热实践中砥砺才干、担\n"),
        "{screen}"
    );
    assert!(screen.contains("|   当作为。 "), "{screen}");
}

#[test]
fn small_terminal_40x10_still_works() {
    let mut h = Harness::sample(40, 10);
    h.run(vec![]);
    insta::assert_snapshot!(h.screen());
    h.run(typed("字"));
    assert!(h.app.session().expect("session").doc.is_dirty());
}

#[test]
fn too_small_a_terminal_says_so() {
    for (w, h_) in [(1, 1), (10, 3), (23, 20), (80, 5)] {
        let mut h = Harness::sample(w, h_);
        h.run(typed("字"));
        // As much of the message as fits, and nothing of the page.
        let message = ziping::tui::text::fit("窗口太小", w as usize);
        let screen = h.screen();
        assert!(screen.starts_with(&message), "{w}x{h_}: {screen}");
        assert!(!screen.contains("标题与导语"), "{w}x{h_}: {screen}");
    }
}

#[test]
fn cursor_sits_at_the_insertion_point_in_a_wrapped_paragraph() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let text = "一二三四五六七八九十".repeat(3);
    let mut events = jump("preamble");
    events.extend(typed(&text));
    h.run(events);
    let cursor = h.terminal.backend().cursor_position();
    let buffer = h.terminal.backend().buffer();
    // 30 wide characters in a 56-column editor: 28 on the first row, two on
    // the second; the cursor follows the last one.
    assert_eq!(buffer[(cursor.x - 2, cursor.y)].symbol(), "十");
    assert_eq!(buffer[(cursor.x - 4, cursor.y)].symbol(), "九");
    assert_eq!(buffer[(cursor.x - 2, cursor.y - 1)].symbol(), "二");
    // Moving left by one character moves the cursor two columns.
    h.run(vec![key(KeyCode::Left)]);
    let moved = h.terminal.backend().cursor_position();
    assert_eq!((moved.x, moved.y), (cursor.x - 2, cursor.y));
}

#[test]
fn typed_text_is_saved_with_ctrl_s() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let mut events = jump("单位名称");
    events.extend(typed("常宁市财政局"));
    events.push(key(KeyCode::Enter)); // one-line field: Enter moves on
    events.extend(typed("2023"));
    events.push(ctrl('s'));
    h.run(events);
    let json = h.saved_json();
    assert_eq!(json["values"]["unit"], "常宁市财政局");
    assert_eq!(json["values"]["year"], "2023");
    assert!(h.screen().contains("已保存到 new.json"), "{}", h.screen());
}

#[test]
fn paste_normalises_line_ends_and_handles_50000_characters() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let mut events = jump("preamble");
    events.push(Event::Paste("第一段\r\n第二段\r第三段\u{1b}[2J".into()));
    h.run(events);
    assert_eq!(
        h.app.session().expect("session").field_text(),
        "第一段\n第二段\n第三段[2J"
    );
    let big = "数".repeat(50_000);
    h.run(vec![Event::Paste(big), ctrl('s')]);
    let saved = h.saved_json()["values"]["preamble"]
        .as_str()
        .expect("text")
        .chars()
        .count();
    assert_eq!(saved, "第一段\n第二段\n第三段[2J".chars().count() + 50_000);
}

#[test]
fn undo_reaches_back_further_than_fifty_characters() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let mut events = jump("preamble");
    // A cursor move between characters makes each its own undo step.
    for _ in 0..120 {
        events.extend(typed("字"));
        events.extend([key(KeyCode::Left), key(KeyCode::Right)]);
    }
    events.extend(vec![ctrl('z'); 120]);
    h.run(events);
    assert_eq!(h.app.session().expect("session").field_text(), "");
    h.run(vec![ctrl('y'); 3]);
    assert_eq!(h.app.session().expect("session").field_text(), "字字字");
}

#[test]
fn external_editor_appends_to_the_field_and_is_undoable() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    let script = h.dir.path().join("append.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf '外部追加' >> \"$1\"\n").expect("script");
    h.host.editor = format!("sh {}", script.display());
    let mut events = jump("preamble");
    events.extend(typed("原文"));
    events.push(ctrl('o'));
    h.run(events);
    assert_eq!(
        h.app.session().expect("session").field_text(),
        "原文外部追加"
    );
    h.run(vec![ctrl('z'), ctrl('z')]);
    assert_eq!(h.app.session().expect("session").field_text(), "原文");
}

#[test]
fn a_failing_editor_leaves_the_field_unchanged_and_says_why() {
    let mut h = Harness::new_project("hunan-narrative", 80, 24);
    h.host.editor = "false".into();
    let mut events = jump("preamble");
    events.extend(typed("原文"));
    events.push(ctrl('o'));
    h.run(events);
    assert_eq!(h.app.session().expect("session").field_text(), "原文");
    assert!(h.screen().contains("字段未改动"), "{}", h.screen());
}

#[test]
fn ctrl_e_exports_beside_the_project() {
    let mut h = Harness::sample(80, 24);
    h.run(vec![ctrl('e'), key(KeyCode::Enter)]);
    let exported = std::fs::read_to_string(h.path().with_extension("txt")).expect("exported");
    assert!(exported.contains("一、基本情况"));
    assert!(h.screen().contains("已导出到"), "{}", h.screen());
}

#[test]
fn ctrl_e_writes_the_format_its_file_name_says_and_offers_it_again() {
    let mut h = Harness::sample(80, 24);
    let name = |ext: &str| h.dir.path().join(format!("报告.{ext}"));
    let (docx, md) = (name("docx"), name("md"));
    let mut events = vec![ctrl('e'), ctrl('a'), key(KeyCode::Backspace)];
    events.extend(typed(docx.to_str().expect("utf-8 path")));
    events.push(key(KeyCode::Enter));
    h.run(events);
    // A Word document is a zip: it starts with PK.
    let bytes = std::fs::read(&docx).expect("exported");
    assert_eq!(&bytes[..2], b"PK", "not a .docx");
    // The second Ctrl-E offers the same file; Enter writes it again.
    h.run(vec![ctrl('e')]);
    assert!(h.screen().contains("报告.docx"), "{}", h.screen());
    h.run(vec![key(KeyCode::Esc)]);

    let mut events = vec![ctrl('e'), ctrl('a'), key(KeyCode::Backspace)];
    events.extend(typed(md.to_str().expect("utf-8 path")));
    events.push(key(KeyCode::Enter));
    h.run(events);
    let text = std::fs::read_to_string(&md).expect("exported");
    assert!(text.lines().any(|l| l.starts_with("# ")), "{text}");

    // The next session on the project offers that name again: it is kept
    // in the data directory, and the project file is not touched.
    let path = h.path().to_path_buf();
    let before = std::fs::read(&path).expect("project");
    drop(h.app); // closes the project, as quitting does
    let mut again = Harness::open(h.dir, &path, 80, 24);
    again.run(vec![ctrl('e')]);
    assert!(again.screen().contains("报告.md"), "{}", again.screen());
    assert_eq!(std::fs::read(&path).expect("project"), before);
}

#[test]
fn no_color_gives_a_screen_without_colours() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.json");
    std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy");
    let mut h = Harness::with_settings(dir, Some(&path), 80, 24, |s| {
        s.theme = None;
        s.no_color = true;
    });
    h.run(vec![key(KeyCode::F(1))]);
    let buffer = h.terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "colour in {cell:?}"
        );
    }
    assert_eq!(h.app.ui.theme.name, "mono");
}

#[test]
fn english_chrome_with_lang_en() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.json");
    std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy");
    let mut h = Harness::with_settings(dir, Some(&path), 80, 24, |s| {
        s.lang = Some(ziping::lang::Lang::En)
    });
    h.run(vec![]);
    let screen = h.screen();
    assert!(
        screen.contains("[saved]") && screen.contains("help"),
        "{screen}"
    );
    assert!(
        screen.contains("标题与导语"),
        "template text stays as written"
    );
}

#[test]
fn start_screen_creates_a_project_from_a_template() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("mine.json");
    let mut h = Harness::with_settings(dir, None, 80, 24, |_| {});
    h.run(vec![]);
    insta::assert_snapshot!(h.screen());
    // Enter on the first template asks for a file name; replace the default.
    let mut events = vec![key(KeyCode::Enter), ctrl('a'), key(KeyCode::Backspace)];
    events.extend(typed(&target.display().to_string()));
    events.push(key(KeyCode::Enter));
    h.run(events);
    assert!(target.is_file(), "{}", h.screen());
    assert!(h.screen().contains("标题与导语"));
}

#[test]
fn start_screen_opens_the_bundled_sample_as_a_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut h = Harness::with_settings(dir, None, 80, 24, |_| {});
    h.run(vec![key(KeyCode::End)]);
    let count = match &h.app.screen {
        ziping::tui::app::Screen::Start(s) => s.choices.len(),
        ziping::tui::app::Screen::Edit(_) => 0,
    };
    let mut events = vec![key(KeyCode::Down); count];
    events.push(key(KeyCode::Enter));
    h.run(events);
    assert!(data.join("sample/changning-2022.json").is_file());
    assert!(h.screen().contains("附件-1"), "{}", h.screen());
}

#[test]
fn escape_sequences_in_a_project_are_shown_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("esc.json");
    let sample = std::fs::read_to_string(repo("sample-data/changning-2022.json")).expect("sample");
    let mut json: serde_json::Value = serde_json::from_str(&sample).expect("json");
    json["values"]["attachment"] = "附件\u{1b}[2J\u{1b}]0;title\u{7}".into();
    json["values"]["preamble"] = "导语\u{1b}[31m红\u{1b}[0m\u{8}".into();
    std::fs::write(&path, json.to_string()).expect("write");
    let mut h = Harness::open(dir, &path, 80, 24);
    h.run(vec![]);
    let screen = h.screen();
    assert!(screen.contains("附件␛[2J␛]0;title␇"), "{screen}");
    assert!(screen.contains("导语␛[31m红␛[0m␈"), "{screen}");
    for cell in &h.terminal.backend().buffer().content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "raw control in {cell:?}"
        );
    }
    // Editing keeps the other control characters as they were; deleting
    // the last visible marker deletes the real character.
    h.run(vec![key(KeyCode::Backspace), ctrl('s')]);
    assert_eq!(
        h.saved_json()["values"]["attachment"],
        "附件\u{1b}[2J\u{1b}]0;title"
    );
}

#[test]
fn a_relative_export_name_goes_beside_the_project() {
    let mut h = Harness::sample(80, 24);
    let mut events = vec![ctrl('e'), ctrl('a'), key(KeyCode::Backspace)];
    events.extend(typed("导出.txt"));
    events.push(key(KeyCode::Enter));
    h.run(events);
    let beside = h.path().with_file_name("导出.txt");
    assert!(beside.is_file(), "{}", h.screen());
}

#[test]
fn the_config_example_in_the_readme_loads_and_f10_saves() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("config.json`: `")
        .expect("config row in README")
        + 15;
    let json = &readme[start..][..readme[start..].find('`').expect("closing backtick")];
    let dir = tempfile::tempdir().expect("tempdir");
    let config_dir = dir.path().join("config");
    std::fs::create_dir_all(&config_dir).expect("config dir");
    std::fs::write(config_dir.join("config.json"), json).expect("config");
    let (config, problem) = ziping::tui::config::Config::load(Some(&config_dir));
    assert_eq!(problem, None, "{json}");
    let (_, problems) = ziping::tui::keymap::Keymap::with_overrides(&config.keys);
    assert_eq!(problems, Vec::<String>::new(), "{json}");

    let path = dir.path().join("report.json");
    std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy sample");
    let mut h = Harness::with_settings(dir, Some(&path), 80, 24, |s| s.theme = None);
    assert_eq!(h.app.status, None);
    let mut events = typed("（修订）");
    events.push(key(KeyCode::F(10)));
    h.run(events);
    assert_eq!(h.saved_json()["values"]["attachment"], "附件-1（修订）");
}

#[test]
fn ctrl_l_repaints_what_another_program_wrote_over() {
    // The real backend into a terminal emulator: it sends what differs from
    // what it believes the terminal shows.
    let mut h = Harness::sample(80, 24);
    let mut display = Display::new(LeanBackend::with_size(Vec::new(), 80, 24)).expect("display");
    let mut terminal = vt100::Parser::new(24, 80, 0);
    // `stray`: what another program writes first, behind the editor's back.
    let mut play = |h: &mut Harness, stray: &[u8], events| {
        terminal.process(stray);
        h.run_on(&mut display, events);
        terminal.process(&std::mem::take(display.backend_mut().writer_mut()));
        terminal.screen().contents()
    };
    let shown = play(&mut h, b"", vec![]);
    assert!(!shown.starts_with('#'));
    // A `write` from a colleague, a job's output: a mark in the corner. A
    // normal redraw sends only what changed, so it stays …
    assert!(play(&mut h, b"\x1b[1;1H#", vec![]).starts_with('#'));
    // … and Ctrl-L paints the whole screen again.
    let repainted = play(&mut h, b"", vec![ctrl('l')]);
    assert!(!repainted.starts_with('#'), "{repainted}");
    assert_eq!(repainted, shown);
}

#[test]
fn moving_the_cursor_over_a_value_of_the_wrong_type_leaves_it_as_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("typed.json");
    let sample = std::fs::read_to_string(repo("sample-data/changning-2022.json")).expect("sample");
    let mut json: serde_json::Value = serde_json::from_str(&sample).expect("json");
    // A number where the unit's name belongs: kept and flagged, never
    // rewritten as text behind the writer's back.
    json["values"]["unit"] = serde_json::json!(5);
    std::fs::write(&path, json.to_string()).expect("write");
    let mut h = Harness::open(dir, &path, 80, 24);
    let mut events = jump("单位名称");
    events.extend([
        key(KeyCode::Left),
        key(KeyCode::Right),
        key(KeyCode::Home),
        key(KeyCode::End),
    ]);
    h.run(events);
    let session = h.app.session().expect("session");
    assert!(!session.doc.is_dirty(), "{}", h.screen());
    let stored = serde_json::to_value(session.doc.project().entry("unit")).expect("json");
    assert_eq!(stored, serde_json::json!(5));
}
