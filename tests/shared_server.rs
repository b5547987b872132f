//! A shared server, for real: a second user account is created (and
//! removed when the test ends), plants links and tries to read what ziping
//! wrote. Only root can create the user; elsewhere these tests say so and
//! pass without showing anything.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::Instant;

use common::tmux::*;

/// One second user at a time: the tests share the account's name.
static USER: Mutex<()> = Mutex::new(());

/// A user account that exists while this lives.
struct OtherUser {
    name: String,
}

impl OtherUser {
    fn create() -> Option<OtherUser> {
        if !rustix::process::getuid().is_root() {
            eprintln!("not root: no second user, the shared-server rules are not shown");
            return None;
        }
        let name = format!("zpt{}", std::process::id());
        let made = Command::new("useradd")
            .args(["--no-create-home", "--shell", "/usr/sbin/nologin", &name])
            .status()
            .ok()?;
        made.success().then_some(OtherUser { name })
    }

    /// Runs `program args…` as this user.
    fn run(&self, program: &str, args: &[&str]) -> Output {
        Command::new("runuser")
            .args(["-u", &self.name, "--", program])
            .args(args)
            .output()
            .unwrap()
    }
}

impl Drop for OtherUser {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.name).status();
    }
}

/// A folder everyone may look into (the checkout itself may sit in a 0700
/// home), holding the test's files.
fn open_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn an_export_never_writes_through_a_link_another_user_planted() {
    // A sticky folder everyone may write to, like /tmp.
    export_through_a_planted_link(|shared, _| {
        std::fs::set_permissions(shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    });
}

#[test]
fn an_export_never_writes_through_a_link_planted_in_a_group_folder() {
    // The team's folder: this user's, writable by the team's group (of
    // which the other user is a member), setgid as such folders are.
    export_through_a_planted_link(|shared, other| {
        let chgrp = Command::new("chgrp")
            .args([&other.name, shared.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(chgrp.success());
        std::fs::set_permissions(shared, std::fs::Permissions::from_mode(0o2770)).unwrap();
    });
}

/// The other user plants `report.txt → bashrc` in a folder `share` opens
/// to them; `ziping export -o` on it refuses and leaves bashrc as it was.
fn export_through_a_planted_link(share: impl Fn(&Path, &OtherUser)) {
    let _one = USER.lock().unwrap_or_else(|e| e.into_inner());
    let Some(other) = OtherUser::create() else {
        return;
    };
    let dir = open_dir();
    let project = new_project(dir.path());
    let victim = dir.path().join("bashrc");
    std::fs::write(&victim, "mine").unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    share(&shared, &other);
    let planted = shared.join("report.txt");
    let out = other.run(
        "ln",
        &["-s", victim.to_str().unwrap(), planted.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = common::locale::ziping()
        .args([
            "export",
            project.to_str().unwrap(),
            "-o",
            planted.to_str().unwrap(),
        ])
        .env("ZIPING_CONFIG_DIR", dir.path().join("config"))
        .env("ZIPING_DATA_DIR", dir.path().join("data"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("符号链接"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "mine");
}

#[test]
fn another_user_cannot_read_a_recovery_copy_or_the_recent_list() {
    let _one = USER.lock().unwrap_or_else(|e| e.into_inner());
    let Some(other) = OtherUser::create() else {
        return;
    };
    let dir = open_dir();
    let project = new_project(dir.path());
    let command = format!("exec {} '{}'", binary().display(), project.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.type_text("不给别人看的草稿");
    let recovery = dir.path().join("data").join("recovery");
    let copy = wait_for_file(&recovery);
    assert_eq!(mode(&recovery), 0o700);
    assert_eq!(mode(&copy), 0o600);
    let recent = dir.path().join("data").join("recent.json");
    assert_eq!(mode(&recent), 0o600);
    for file in [&copy, &recent] {
        let out = other.run("cat", &[file.to_str().unwrap()]);
        assert!(
            !out.status.success(),
            "{} readable by another user",
            file.display()
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("草稿"));
    }
    let out = other.run("ls", &[recovery.to_str().unwrap()]);
    assert!(!out.status.success(), "the recovery folder is listable");
}

/// Polls until a finished recovery copy (not a temp file) is in `dir`.
fn wait_for_file(dir: &Path) -> PathBuf {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                name.ends_with(".json") && !name.starts_with('.')
            });
        if let Some(entry) = found {
            return entry.path();
        }
        assert!(
            start.elapsed() < DEADLINE,
            "no recovery copy in {}",
            dir.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}
