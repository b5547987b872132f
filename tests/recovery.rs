//! Never lose a keystroke: the real binary in tmux is killed in every way a
//! session dies (SIGHUP from a dropped SSH link, SIGTERM, the terminal
//! vanishing, kill -9, a failed save) and what was typed is recovered.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::*;

const TEXT: &str = "断线之前输入的中文：培训党员33016人次，占比56.7%。";

/// Opens `path` with `exec`, so the pane's pid is ziping's own.
fn open(dir: &Path, path: &Path, name_suffix: &str) -> (Tmux, u32) {
    let command = format!("exec {} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir));
    let _ = name_suffix;
    tmux.wait_for("标题与导语");
    let pid = tmux.pane_pid();
    (tmux, pid)
}

/// Jumps to the preamble and types `TEXT`, waiting until all of it shows.
fn type_preamble(tmux: &Tmux) {
    tmux.keys(&["C-g"]);
    tmux.wait_for("跳转到");
    tmux.type_text("preamble");
    tmux.keys(&["Enter"]);
    tmux.wait_for(
        "> ✗ 导语 *"
            .trim_start_matches("> ")
            .trim_start_matches('✗')
            .trim(),
    );
    tmux.type_text(TEXT);
    tmux.wait_for(&format!("{}字", TEXT.chars().count()));
}

fn alive(pid: u32) -> bool {
    ziping::lock::process_running(pid)
}

fn wait_for_exit(pid: u32, limit: Duration) -> Duration {
    let start = Instant::now();
    while alive(pid) {
        assert!(start.elapsed() < DEADLINE, "process {pid} did not exit");
        std::thread::sleep(Duration::from_millis(10));
    }
    let took = start.elapsed();
    assert!(took < limit, "took {took:?} to exit, limit {limit:?}");
    took
}

fn kill(signal: &str, pid: u32) {
    assert!(
        Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
}

fn recover(dir: &Path, path: &Path) -> std::process::Output {
    common::locale::ziping()
        .args(["recover", path.to_str().unwrap()])
        .env("ZIPING_CONFIG_DIR", dir.join("config"))
        .env("ZIPING_DATA_DIR", dir.join("data"))
        .output()
        .unwrap()
}

/// Finished recovery copies (not the temp files they are written through).
/// `ziping recover` succeeds and the file then holds everything typed.
fn recovered_to(dir: &Path, path: &Path) {
    let out = recover(dir, path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(saved_value(path, "preamble"), TEXT);
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("data/recovery"))
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(".ziping-"))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn killed_then_recovered(how: impl FnOnce(&Tmux, u32)) {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let (tmux, pid) = open(dir.path(), &path, "");
    type_preamble(&tmux);
    how(&tmux, pid);
    wait_for_exit(pid, Duration::from_secs(2));
    assert_eq!(
        saved_value(&path, "preamble"),
        "",
        "nothing was saved by the user"
    );
    recovered_to(dir.path(), &path);
    assert!(
        recovery_files(dir.path()).is_empty(),
        "recovered copy is removed"
    );
    assert!(
        path.with_file_name("报告.json.bak").is_file(),
        "the replaced version is kept"
    );
}

#[test]
fn sighup_from_a_dropped_ssh_link_keeps_every_character() {
    killed_then_recovered(|_, pid| kill("-HUP", pid));
}

#[test]
fn sigterm_keeps_every_character() {
    killed_then_recovered(|_, pid| kill("-TERM", pid));
}

#[test]
fn a_vanished_terminal_keeps_every_character_and_exits_within_a_second() {
    killed_then_recovered(|tmux, pid| {
        tmux.run(&["kill-server"]);
        wait_for_exit(pid, Duration::from_secs(1));
    });
}

#[test]
fn kill_9_keeps_what_the_pause_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let (tmux, pid) = open(dir.path(), &path, "");
    type_preamble(&tmux);
    // Wait (by polling) for the recovery copy written after the typing pause.
    let start = Instant::now();
    while !recovery_files(dir.path()).iter().any(|f| {
        std::fs::read_to_string(f)
            .unwrap_or_default()
            .contains(TEXT)
    }) {
        assert!(start.elapsed() < DEADLINE, "no recovery copy was written");
        std::thread::sleep(Duration::from_millis(50));
    }
    kill("-KILL", pid);
    wait_for_exit(pid, Duration::from_secs(2));
    drop(tmux);
    recovered_to(dir.path(), &path);
}

#[test]
fn reopening_offers_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let (tmux, pid) = open(dir.path(), &path, "");
    type_preamble(&tmux);
    kill("-HUP", pid);
    wait_for_exit(pid, Duration::from_secs(2));
    drop(tmux);
    let (tmux, _) = open(dir.path(), &path, "");
    tmux.wait_for("发现未保存的恢复副本");
    tmux.type_text("c");
    tmux.wait_for("副本：");
    tmux.type_text("r");
    tmux.wait_for("已恢复未保存的文字");
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存到");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "preamble"), TEXT);
    assert!(recovery_files(dir.path()).is_empty());
}

#[test]
fn a_second_copy_sees_the_first_and_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let (first, first_pid) = open(dir.path(), &path, "");
    let command = format!("exec {} '{}'", binary().display(), path.display());
    let second = Tmux::start(100, 30, &command, &env_for(dir.path()));
    let screen = second.wait_for("此文件正在另一处编辑");
    assert!(screen.contains(&format!("进程 {first_pid}")), "{screen}");
    second.type_text("r");
    second.wait_for("已只读打开");
    second.type_text("改");
    second.wait_for("只读打开：此文件正被另一处编辑");
    second.keys(&["C-q"]);
    second.wait_until_gone();
    // The first copy is unaffected and still saves.
    first.type_text("附件一");
    first.keys(&["C-s"]);
    first.wait_for("已保存到");
    assert_eq!(saved_value(&path, "attachment"), "附件一");
    // When the first dies without releasing its lock, the next copy takes
    // the stale lock over and says so.
    kill("-KILL", first_pid);
    wait_for_exit(first_pid, Duration::from_secs(2));
    let third = Tmux::start(100, 30, &command, &env_for(dir.path()));
    third.wait_for("已接管它留下的锁");
}

#[test]
fn a_failed_save_leaves_the_file_intact_and_the_text_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let before = std::fs::read(&path).unwrap();
    // A file-size limit makes every write of the project fail (even for
    // root, unlike a read-only directory); SIGXFSZ is ignored so the write
    // fails with an error instead of killing the process.
    let command = format!(
        "trap '' XFSZ; ulimit -f 1; exec {} '{}'",
        binary().display(),
        path.display()
    );
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.type_text("附件不丢");
    tmux.keys(&["C-s"]);
    let screen = tmux.wait_for("保存失败");
    assert!(
        screen.contains("原文件未改动") && screen.contains("附件不丢"),
        "{screen}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "original byte-identical"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".ziping-"))
        .collect();
    assert!(leftovers.is_empty(), "no temp files left: {leftovers:?}");
}
