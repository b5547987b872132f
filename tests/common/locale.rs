//! The binary in a known locale. Every test that starts `ziping` (or a tmux
//! server that will start it) clears the variables that choose its language,
//! so a developer's own environment cannot change what a test sees.

use std::path::Path;
use std::process::Command;

/// The variables that can choose ziping's language (see `src/lang.rs`), and
/// `LANG`, cleared too so the child's locale is entirely the test's choice.
pub const VARS: [&str; 4] = ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"];

/// Clears [`VARS`] for `cmd`.
pub fn clear(cmd: &mut Command) -> &mut Command {
    for var in VARS {
        cmd.env_remove(var);
    }
    cmd
}

/// `ziping` with no locale at all: Chinese.
pub fn ziping() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ziping"));
    clear(&mut cmd);
    cmd
}

/// `ziping` with `home`'s own config and data directories, so a user's
/// templates and settings are never read.
pub fn ziping_in(home: &Path) -> Command {
    let mut cmd = ziping();
    cmd.env("ZIPING_CONFIG_DIR", home.join("config"))
        .env("ZIPING_DATA_DIR", home.join("data"));
    cmd
}

/// What a run of the binary left.
#[allow(dead_code)] // Not every test binary that includes this runs one.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// `ziping ARGS…` in `home` (its working directory too).
#[allow(dead_code)]
pub fn run_in(home: &Path, args: &[&str]) -> Run {
    let out = ziping_in(home)
        .current_dir(home)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("ziping runs: {e}"));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `ziping check --format json FILE` in `home`: its exit code and its JSON.
#[allow(dead_code)] // Not every test binary that includes this runs check.
pub fn check_json(file: &Path, home: &Path) -> (Option<i32>, serde_json::Value) {
    let out = ziping_in(home)
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("ziping runs: {e}"));
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check prints JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), json)
}
