//! One writer per project, through the real binary: a take-over really
//! takes over (the old copy can no longer save, and keeps its text), the
//! commands that write a project respect an open editor, and a file with
//! two names is one file.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::tmux::*;

fn open(dir: &Path, path: &Path, env: &[(&str, String)]) -> Tmux {
    let command = format!("exec {} '{}'", binary().display(), path.display());
    let mut all = env_for(dir);
    all.extend(env.iter().cloned());
    Tmux::start(100, 30, &command, &all)
}

fn ziping(dir: &Path, args: &[&str]) -> Output {
    common::locale::ziping()
        .args(args)
        .env("ZIPING_CONFIG_DIR", dir.join("config"))
        .env("ZIPING_DATA_DIR", dir.join("data"))
        .output()
        .unwrap()
}

/// Every file under `dir` (recursively) whose text contains `text`.
fn files_containing(dir: &Path, text: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read_to_string(&path).is_ok_and(|t| t.contains(text)) {
                found.push(path);
            }
        }
    }
    found
}

fn wait_for_exit(pid: u32) {
    wait_until("the process exits", || !ziping::lock::process_running(pid));
}

#[test]
fn a_take_over_leaves_the_old_copy_unable_to_save_and_its_text_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let first = open(dir.path(), &path, &[]);
    first.wait_for("标题与导语");
    let second = open(dir.path(), &path, &[]);
    second.wait_for("此文件正在另一处编辑");
    second.type_text("t");
    second.wait_for("已接管");
    second.type_text("接管者的附件");
    second.keys(&["C-s"]);
    second.wait_for("已保存到");

    // The first copy types on and saves: refused, offered "save as".
    first.type_text("旧副本的附件");
    first.keys(&["C-s"]);
    let screen = first.wait_for("接管");
    assert!(screen.contains("另存为"), "{screen}");
    assert_eq!(saved_value(&path, "attachment"), "接管者的附件");
    first.keys(&["Escape"]);
    first.wait_for("已取消");
    // Quitting with "save" asks for another name too, instead of quitting.
    first.keys(&["C-q"]);
    first.type_text("s");
    first.wait_for("另存为");
    assert_eq!(saved_value(&path, "attachment"), "接管者的附件");
    first.keys(&["Escape"]);
    first.wait_for("已取消");

    // Its SSH link drops: the text goes to a recovery copy, not nowhere.
    let pid = first.pane_pid();
    assert!(
        Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    wait_for_exit(pid);
    let copies = files_containing(&dir.path().join("data"), "旧副本的附件");
    assert!(!copies.is_empty(), "the loser's text is in a recovery copy");

    // The winner still saves, and its file never got the loser's text.
    second.type_text("二");
    second.wait_for("接管者的附件二");
    second.keys(&["C-s"]);
    wait_until("the winner's save lands", || {
        saved_value(&path, "attachment") == "接管者的附件二"
    });
}

#[test]
fn set_and_recover_refuse_a_file_open_in_the_editor_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let file = path.to_str().unwrap();
    // With no $USER the holder is still named, from /etc/passwd.
    let editor = open(dir.path(), &path, &[("USER", String::new())]);
    editor.wait_for("标题与导语");
    let before = std::fs::read(&path).unwrap();

    let out = ziping(dir.path(), &["set", file, "attachment", "命令行"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("正在 ziping 中编辑") && stderr.contains("--force"),
        "{stderr}"
    );
    let me = String::from_utf8_lossy(&Command::new("id").arg("-un").output().unwrap().stdout)
        .trim()
        .to_string();
    assert!(
        stderr.contains(&format!("{me}@")),
        "named from /etc/passwd: {stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");

    let out = ziping(dir.path(), &["recover", file]);
    assert!(!out.status.success());

    let out = ziping(
        dir.path(),
        &["set", file, "attachment", "命令行", "--force"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(saved_value(&path, "attachment"), "命令行");

    // Without an editor, `set` takes the lock itself and leaves none behind.
    editor.keys(&["C-q"]);
    editor.wait_until_gone();
    let out = ziping(dir.path(), &["set", file, "attachment", "再改"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!ziping::lock::path_for(&path).exists());
}

#[test]
fn two_names_of_one_file_are_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let other = dir.path().join("别名.json");
    std::fs::hard_link(&path, &other).unwrap();
    let first = open(dir.path(), &path, &[]);
    first.wait_for("保存后其他链接仍是旧版本");
    let second = open(dir.path(), &other, &[]);
    second.wait_for("另一个名字");
    second.type_text("r");
    second.wait_for("已只读打开");
}
