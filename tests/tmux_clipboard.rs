//! The terminal's clipboard in a real terminal: under tmux with
//! `set-clipboard on`, the copy key's OSC 52 lands in tmux's paste buffer —
//! what tmux then hands to the terminal on the user's own machine.

mod common;

use common::tmux::*;

#[test]
fn alt_c_puts_the_focused_field_into_tmux_s_buffer() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    // tmux's default (`external`) ignores what applications send.
    let set = tmux.run(&["set", "-s", "set-clipboard", "on"]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    tmux.wait_for("标题与导语");
    tmux.type_text("附件：自评报告（修订稿）");
    tmux.wait_for("附件：自评报告（修订稿）");
    tmux.keys(&["M-c"]);
    tmux.wait_for("已复制本字段");
    let screen = tmux.screen();
    assert!(
        screen.contains("已发送到终端剪贴板（需终端支持 OSC 52）"),
        "{screen}"
    );
    let mut buffer = String::new();
    wait_until("tmux to have the copy", || {
        let out = tmux.run(&["show-buffer"]);
        buffer = String::from_utf8_lossy(&out.stdout).into_owned();
        out.status.success() && !buffer.is_empty()
    });
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存");
    assert_eq!(buffer, saved_value(&path, "attachment"));
    assert!(buffer.ends_with("附件：自评报告（修订稿）"), "{buffer:?}");
}
