//! The real binary in a real terminal: tmux runs `ziping`, `send-keys` types
//! (Chinese included) and `capture-pane` reads the screen. Every wait polls
//! the screen for a marker with a deadline; nothing sleeps blindly.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(20);

/// A tmux server of its own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(width: u16, height: u16, command: &str, env: &[(&str, String)]) -> Tmux {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!("ziping-test-{}-{}", std::process::id(), COUNT.fetch_add(1, Ordering::SeqCst));
        let tmux = Tmux { socket };
        let mut args: Vec<String> = ["new-session", "-d", "-s", "t", "-x", &width.to_string(), "-y", &height.to_string()]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for (k, v) in env {
            args.extend(["-e".to_string(), format!("{k}={v}")]);
        }
        args.push(command.to_string());
        let out = tmux.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(out.status.success(), "tmux failed to start (is tmux installed?): {}", String::from_utf8_lossy(&out.stderr));
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).to_string()
    }

    /// Types text literally (the way an input method commits it).
    fn type_text(&self, text: &str) {
        assert!(self.run(&["send-keys", "-t", "t", "-l", text]).status.success());
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    /// Polls the screen until `marker` shows, or fails with the screen.
    fn wait_for(&self, marker: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(marker) {
                return screen;
            }
            assert!(start.elapsed() < DEADLINE, "timed out waiting for {marker:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Polls until the program has exited and the session is gone.
    fn wait_until_gone(&self) {
        let start = Instant::now();
        while self.run(&["has-session", "-t", "t"]).status.success() {
            assert!(start.elapsed() < DEADLINE, "ziping did not quit; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ziping"))
}

fn new_project(dir: &Path) -> PathBuf {
    let path = dir.join("报告.json");
    let status = Command::new(binary())
        .args(["new", path.to_str().unwrap(), "--template", "hunan-narrative"])
        .env("ZIPING_CONFIG_DIR", dir.join("config"))
        .env("ZIPING_DATA_DIR", dir.join("data"))
        .output()
        .expect("ziping new");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    path
}

fn env_for(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("ZIPING_CONFIG_DIR", dir.join("config").display().to_string()),
        ("ZIPING_DATA_DIR", dir.join("data").display().to_string()),
        ("LANG", "C.UTF-8".to_string()),
    ]
}

fn saved_value(path: &Path, id: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["values"][id].as_str().unwrap_or_default().to_string()
}

#[test]
fn chinese_typed_in_a_real_terminal_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");

    tmux.keys(&["C-g"]);
    tmux.wait_for("跳转到");
    tmux.type_text("preamble");
    tmux.keys(&["Enter"]);
    tmux.wait_for(">✗ 导语 *");
    let text = "为贯彻落实预算绩效管理要求，我单位认真开展2023年度绩效自评工作，现将有关情况报告如下：";
    tmux.type_text(text);
    // The field's counter shows every character has arrived (the text
    // itself wraps across rows).
    tmux.wait_for(&format!("{}字", text.chars().count()));
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "preamble"), text);
}

#[test]
fn external_editor_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let script = dir.path().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf '（编辑器追加）' >> \"$1\"\n").unwrap();
    let command = format!("{} '{}'", binary().display(), path.display());
    let mut env = env_for(dir.path());
    env.push(("EDITOR", format!("sh {}", script.display())));
    env.push(("VISUAL", String::new()));
    let tmux = Tmux::start(100, 30, &command, &env);
    tmux.wait_for("标题与导语");
    tmux.type_text("附件二");
    tmux.wait_for("附件二");
    tmux.keys(&["C-o"]);
    tmux.wait_for("已从外部编辑器取回文字");
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "attachment"), "附件二（编辑器追加）");
}

#[test]
fn unsaved_changes_are_not_lost_to_ctrl_q() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let before = std::fs::read(&path).unwrap();
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(80, 24, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.type_text("附件三");
    tmux.wait_for("附件三");
    tmux.keys(&["C-q"]);
    tmux.wait_for("有未保存的修改");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written before the answer");
    tmux.type_text("s");
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "attachment"), "附件三");
}
