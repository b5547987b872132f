//! Copying in the editor: Ctrl-C the selection, Alt-C the field, F5 the
//! report — each kept for Ctrl-V in any field and sent to the terminal's
//! clipboard as OSC 52, with the message saying what and how much.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ziping::tui::clipboard::{Multiplexer, Sent, send};

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

fn osc52(text: &str) -> String {
    match send(text, true) {
        Sent::Osc52(sequence) => sequence,
        other => panic!("not sent: {other:?}"),
    }
}

fn status(h: &Harness) -> String {
    h.app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn ctrl_c_copies_the_selection_for_the_terminal_and_for_ctrl_v_elsewhere() {
    let mut h = Harness::sample(100, 30);
    h.run(vec![ctrl('c')]);
    assert!(status(&h).starts_with("没有选中的文字"), "{}", status(&h));
    assert!(h.host.clipboard.is_empty());
    h.run(vec![shift(KeyCode::Left), shift(KeyCode::Left), ctrl('c')]);
    assert_eq!(h.host.clipboard, vec![osc52("-1")]);
    assert_eq!(
        status(&h),
        "已复制选中的文字（2 字）；已发送到终端剪贴板（需终端支持 OSC 52）"
    );
    // Pasted in another field, which never copied anything itself.
    h.run(vec![key(KeyCode::Tab), ctrl('v'), ctrl('s')]);
    assert_eq!(h.saved_json()["values"]["unit"], "中共常宁市委组织部-1");
}

#[test]
fn alt_c_copies_the_field_and_f5_the_exported_report() {
    let mut h = Harness::sample(100, 30);
    h.run(vec![key(KeyCode::Tab), alt('c')]);
    assert_eq!(h.host.clipboard, vec![osc52("中共常宁市委组织部")]);
    assert!(
        status(&h).starts_with("已复制本字段（9 字）"),
        "{}",
        status(&h)
    );
    h.run(vec![key(KeyCode::F(5))]);
    let session = h.app.session().expect("session");
    let report = ziping::export::render(
        session.doc.project(),
        session.doc.report(),
        ziping::export::Format::Text,
        ziping::export::StyleChoice::default(),
    )
    .expect("renders");
    let report = String::from_utf8(report).expect("UTF-8");
    assert_eq!(h.host.clipboard.last(), Some(&osc52(&report)));
    let chars = report.chars().count();
    assert!(
        status(&h).starts_with(&format!("已复制整份报告（导出的纯文本）（{chars} 字）")),
        "{}",
        status(&h)
    );
}

#[test]
fn a_table_is_copied_as_tab_separated_rows() {
    let mut h = Harness::new_project("project-selfeval", 120, 30);
    let mut events = jump("funding");
    events.extend(cells("100\t80"));
    events.extend([key(KeyCode::Enter), alt('c')]);
    h.run(events);
    assert_eq!(h.focused_field(), "funding");
    let sent = h.host.clipboard.last().cloned().unwrap_or_default();
    let copied = &h.app.clipboard;
    assert_eq!(sent, osc52(copied));
    let lines: Vec<&str> = copied.lines().collect();
    assert!(lines.len() > 2, "{copied}");
    assert!(lines.iter().all(|l| l.contains('\t')), "{copied}");
    // Row labels first, then the cells as typed.
    assert!(lines.iter().any(|l| l.contains("\t100\t80")), "{copied}");
}

#[test]
fn under_tmux_the_message_says_what_tmux_needs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.json");
    std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy");
    let mut h = Harness::with_settings(dir, Some(&path), 100, 30, |s| {
        s.multiplexer = Multiplexer::Tmux;
    });
    h.run(vec![alt('c')]);
    assert!(
        status(&h).contains("set -g set-clipboard on"),
        "{}",
        status(&h)
    );
}

#[test]
fn osc52_off_in_the_config_keeps_copies_inside_ziping() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("config.json"), r#"{"osc52": false}"#).expect("config");
    let path = dir.path().join("report.json");
    std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy");
    let mut h = Harness::open(dir, &path, 100, 30);
    h.run(vec![alt('c')]);
    assert!(h.host.clipboard.is_empty());
    assert!(
        status(&h).contains("已在 config.json 中关闭"),
        "{}",
        status(&h)
    );
    h.run(vec![
        key(KeyCode::Tab),
        key(KeyCode::End),
        ctrl('v'),
        ctrl('s'),
    ]);
    assert_eq!(h.saved_json()["values"]["unit"], "中共常宁市委组织部附件-1");
}

#[test]
fn help_has_a_clipboard_group() {
    let rows = ziping::tui::dialog::help::help_rows(
        &ziping::tui::keymap::Keymap::default(),
        ziping::lang::Lang::Zh,
    );
    let start = rows
        .iter()
        .position(|r| r.0.starts_with("剪贴板"))
        .expect("a 剪贴板 heading");
    let group: Vec<&str> = rows[start + 1..]
        .iter()
        .take_while(|r| r.2.is_none())
        .map(|r| r.0.as_str())
        .collect();
    assert_eq!(group, ["Ctrl-C", "Ctrl-X", "Ctrl-V", "Alt-C", "F5"]);
}
