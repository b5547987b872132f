//! Find in a real terminal: the bytes PuTTY and the Linux console send
//! for Shift-F3 (F13's) go to the previous match, and so does Up in the
//! find prompt.

mod common;

use common::tmux::*;

#[test]
fn shift_f3_as_putty_sends_it_and_up_in_the_prompt_go_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.type_text("附件2022与2022");
    tmux.wait_for("附件2022与2022");
    tmux.keys(&["C-f"]);
    tmux.wait_for("查找：");
    tmux.type_text("２０２２");
    tmux.wait_for("查找：２０２２");
    // Esc alone: what follows too soon would read as one Alt sequence.
    tmux.keys(&["Escape"]);
    wait_until("the prompt to close", || !tmux.screen().contains("查找："));
    // The cursor is at the end of the field: back to the second match.
    // PuTTY's and the Linux console's Shift-F3 is ESC [ 2 5 ~ (F13).
    // (xterm's, ESC [ 1 ; 2 R, crossterm reads as a cursor position
    // report, so it never arrives: the prompt's Up is there for it.)
    let f13 = ["-H", "1b", "5b", "32", "35", "7e"];
    tmux.keys(&f13);
    tmux.wait_for("第 2/2 处");
    tmux.keys(&f13);
    tmux.wait_for("第 1/2 处");
    // In the prompt (offering the match selected), Up goes back too, here
    // past the start to the end.
    tmux.keys(&["C-f"]);
    tmux.wait_for("查找：2022");
    tmux.keys(&["Up"]);
    tmux.wait_for("第 2/2 处（已到开头，从末尾找起）");
}
