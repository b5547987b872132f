//! The binary in a known locale. Every test that starts `ziping` (or a tmux
//! server that will start it) clears the variables that choose its language,
//! so a developer's own environment cannot change what a test sees.

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
