//! A real terminal for tests: tmux runs `ziping`, `send-keys` types
//! (Chinese included) and `capture-pane` reads the screen. Every wait polls
//! for a marker with a deadline; nothing sleeps blindly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(20);

/// A tmux server of its own (its own socket), killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(width: u16, height: u16, command: &str, env: &[(&str, String)]) -> Tmux {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "ziping-test-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        );
        let tmux = Tmux { socket };
        let mut args: Vec<String> = [
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (k, v) in env {
            args.extend(["-e".to_string(), format!("{k}={v}")]);
        }
        args.push(command.to_string());
        let out = tmux.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            out.status.success(),
            "tmux failed to start (is tmux installed?): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        // The server started here passes its environment on to ziping.
        super::locale::clear(&mut Command::new("tmux"))
            .args(["-u", "-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux runs")
    }

    /// The pid of the pane's command (ziping itself when started `exec`).
    pub fn pane_pid(&self) -> u32 {
        let out = self.run(&["display", "-p", "-t", "t", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).to_string()
    }

    /// Types text literally (the way an input method commits it).
    pub fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "t", "-l", text])
                .status
                .success()
        );
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    /// Polls the screen until `marker` shows, or fails with the screen.
    pub fn wait_for(&self, marker: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(marker) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {marker:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Ctrl-G, the field's id, Enter; waits until `marker` shows.
    pub fn jump_to(&self, field: &str, marker: &str) {
        self.keys(&["C-g"]);
        self.wait_for("跳转到");
        self.type_text(field);
        self.keys(&["Enter"]);
        self.wait_for(marker);
    }

    /// Polls until the program has exited and the session is gone.
    pub fn wait_until_gone(&self) {
        let start = Instant::now();
        while self.run(&["has-session", "-t", "t"]).status.success() {
            assert!(
                start.elapsed() < DEADLINE,
                "ziping did not quit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Polls `done` until it holds, or fails naming `what` after the deadline.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ziping"))
}

pub fn new_project(dir: &Path) -> PathBuf {
    let path = dir.join("报告.json");
    let status = super::locale::ziping()
        .args([
            "new",
            path.to_str().unwrap(),
            "--template",
            "hunan-narrative",
        ])
        .env("ZIPING_CONFIG_DIR", dir.join("config"))
        .env("ZIPING_DATA_DIR", dir.join("data"))
        .output()
        .expect("ziping new");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    path
}

pub fn env_for(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        (
            "ZIPING_CONFIG_DIR",
            dir.join("config").display().to_string(),
        ),
        ("ZIPING_DATA_DIR", dir.join("data").display().to_string()),
        ("LANG", "C.UTF-8".to_string()),
    ]
}

pub fn saved_value(path: &Path, id: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["values"][id].as_str().unwrap_or_default().to_string()
}

/// What a save killed mid-write leaves: the temp file beside the project,
/// named after it, full of text, with no process holding its lock.
pub fn plant_stale_temp(project: &Path, random: &str) -> PathBuf {
    let name = project.file_name().unwrap().to_string_lossy();
    let temp = project.with_file_name(format!(".{name}.ziping-{random}.tmp"));
    std::fs::write(&temp, "{\"format\": \"ziping-project\", \"values\": {\"pre").unwrap();
    temp
}

/// Polls until `path` is gone, or fails.
pub fn wait_until_removed(path: &Path) {
    let start = Instant::now();
    while path.exists() {
        assert!(
            start.elapsed() < DEADLINE,
            "{} is still there",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Every file under `dir`, with its text, however deep.
pub fn files_under(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push((path, text));
        }
    }
    out
}
