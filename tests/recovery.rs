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

/// Opens `path` with `exec`, so the pane's pid is ziping's own; see
/// [`start_in`].
fn open(dir: &Path, path: &Path, name: &str) -> (Tmux, u32) {
    open_in(dir, dir, path, name)
}

/// Like [`open`], with the data and config folders in `home` and the rest
/// in `logs`.
fn open_in(home: &Path, logs: &Path, path: &Path, name: &str) -> (Tmux, u32) {
    let started = start_in(home, logs, path, name);
    started.0.wait_for("标题与导语");
    started
}

/// Starts ziping on `path` with its config and data folders in `home`, its
/// standard error into `logs/NAME.stderr` (read by [`stderr_of`]) and its
/// temp folder `logs/tmp`; returns at once.
fn start_in(home: &Path, logs: &Path, path: &Path, name: &str) -> (Tmux, u32) {
    let err = logs.join(format!("{name}.stderr"));
    let command = format!(
        "exec {} '{}' 2>'{}'",
        binary().display(),
        path.display(),
        err.display()
    );
    let mut env = env_for(home);
    std::fs::create_dir_all(logs.join("tmp")).unwrap();
    env.push(("TMPDIR", logs.join("tmp").display().to_string()));
    let tmux = Tmux::start(100, 30, &command, &env);
    let start = Instant::now();
    let pid = loop {
        let out = tmux.run(&["display", "-p", "-t", "t", "#{pane_pid}"]);
        if let Ok(pid) = String::from_utf8_lossy(&out.stdout).trim().parse() {
            break pid;
        }
        assert!(start.elapsed() < DEADLINE, "no pane pid");
        std::thread::sleep(Duration::from_millis(25));
    };
    (tmux, pid)
}

/// What the session opened as `name` wrote to standard error.
fn stderr_of(logs: &Path, name: &str) -> String {
    std::fs::read_to_string(logs.join(format!("{name}.stderr"))).unwrap_or_default()
}

/// Jumps to the preamble and types `TEXT`, waiting until all of it shows.
fn type_preamble(tmux: &Tmux) {
    type_into_preamble(tmux, TEXT);
}

/// R in the recovery question, then Ctrl-S and Ctrl-Q, each awaited.
fn restore_save_and_quit(tmux: &Tmux) {
    tmux.type_text("r");
    tmux.wait_for("已恢复未保存的文字");
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存到");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
}

fn type_into_preamble(tmux: &Tmux, text: &str) {
    tmux.jump_to("preamble", "导语 *");
    tmux.type_text(text);
    tmux.wait_for(&format!("{}字", text.chars().count()));
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

/// `ziping recover FILE ARGS…` with `home`'s folders and `logs/tmp`.
fn recover_in(home: &Path, logs: &Path, path: &Path, args: &[&str]) -> std::process::Output {
    common::locale::ziping_in(home)
        .args(["recover", path.to_str().unwrap()])
        .args(args)
        .env("TMPDIR", logs.join("tmp"))
        .output()
        .unwrap()
}

/// `ziping recover` succeeds and the file then holds everything typed.
fn recovered_to(dir: &Path, path: &Path) {
    let out = recover_in(dir, dir, path, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(saved_value(path, "preamble"), TEXT);
}

/// Finished recovery copies in `dir` (not the temp files they are written
/// through).
fn copies_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().to_string();
                    !name.starts_with(".ziping-")
                        && (name.ends_with(".ziping-recovery") || !name.starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    copies_in(&dir.join("data/recovery"))
}

/// Copies beside the project in `dir`.
fn copies_beside(dir: &Path) -> Vec<PathBuf> {
    copies_in(dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".ziping-recovery"))
        .collect()
}

/// Polls until one of `copies()` holds `text`; returns it.
fn wait_for_copy_with(text: &str, copies: impl Fn() -> Vec<PathBuf>) -> PathBuf {
    let start = Instant::now();
    loop {
        let holding = copies().into_iter().find(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_default()
                .contains(text)
        });
        if let Some(copy) = holding {
            return copy;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "no recovery copy holds {text:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
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
    // The recovery copy written after the typing pause.
    wait_for_copy_with(TEXT, || recovery_files(dir.path()));
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
    restore_save_and_quit(&tmux);
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
    // Its recovery copies cannot be written anywhere either: keep their
    // last resort out of the real temp folder.
    let mut env = env_for(dir.path());
    std::fs::create_dir(dir.path().join("tmp")).unwrap();
    env.push(("TMPDIR", dir.path().join("tmp").display().to_string()));
    let tmux = Tmux::start(100, 30, &command, &env);
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

#[test]
fn with_a_file_where_the_data_folder_should_be_the_copy_goes_beside_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let data = dir.path().join("data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::write(&data, "not a folder").unwrap();
    let (tmux, pid) = open(dir.path(), &path, "first");
    type_preamble(&tmux);
    kill("-HUP", pid);
    wait_for_exit(pid, Duration::from_secs(2));
    drop(tmux);
    let beside = copies_beside(dir.path());
    assert_eq!(beside.len(), 1, "{beside:?}");
    assert!(std::fs::read_to_string(&beside[0]).unwrap().contains(TEXT));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&beside[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "for its owner only");
    }
    let err = stderr_of(dir.path(), "first");
    let said = format!("未保存的文字已写入恢复文件 {}", beside[0].display());
    assert!(err.contains(&said) && err.contains("不是目录"), "{err}");
    assert!(!err.contains("没有未保存的文字"), "{err}");
    // Opening the file again finds it there.
    let (tmux, _) = open(dir.path(), &path, "second");
    tmux.wait_for("发现未保存的恢复副本");
    restore_save_and_quit(&tmux);
    assert_eq!(saved_value(&path, "preamble"), TEXT);
    assert!(copies_beside(dir.path()).is_empty(), "saved, so removed");
}

#[test]
fn two_sessions_on_one_file_keep_their_own_copies_and_the_newest_is_offered() {
    const SECOND: &str = "重新连接后在第二个会话里输入的文字。";
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let (old, old_pid) = open(dir.path(), &path, "old");
    type_preamble(&old);
    wait_for_copy_with(TEXT, || recovery_files(dir.path()));
    // The clerk reconnects (the old process never got a SIGHUP) and takes
    // the file over; the old session's copy is offered, and kept for later.
    let (new, new_pid) = start_in(dir.path(), dir.path(), &path, "new");
    new.wait_for("此文件正在另一处编辑");
    new.type_text("t");
    new.wait_for("发现未保存的恢复副本");
    new.keys(&["Escape"]);
    new.wait_for("恢复副本已保留");
    type_into_preamble(&new, SECOND);
    wait_for_copy_with(SECOND, || recovery_files(dir.path()));
    // The new session dies first; the old one writes its copy after it.
    kill("-HUP", new_pid);
    wait_for_exit(new_pid, Duration::from_secs(2));
    kill("-HUP", old_pid);
    wait_for_exit(old_pid, Duration::from_secs(2));
    drop((old, new));
    let copies = recovery_files(dir.path());
    assert_eq!(copies.len(), 2, "{copies:?}");
    let holding = |text: &str| {
        copies
            .iter()
            .filter(|c| std::fs::read_to_string(c).unwrap().contains(text))
            .count()
    };
    assert_eq!(
        (holding(TEXT), holding(SECOND)),
        (1, 1),
        "neither overwrote the other"
    );
    // Opening offers the newest (the old session's, written last) and says
    // there is one more.
    let (tmux, _) = open(dir.path(), &path, "third");
    let screen = tmux.wait_for("发现未保存的恢复副本");
    assert!(screen.contains("另有 1 份较旧的恢复副本"), "{screen}");
    restore_save_and_quit(&tmux);
    assert_eq!(saved_value(&path, "preamble"), TEXT);
    // The restored copy went with the save; the other stays, and is listed.
    let left = recovery_files(dir.path());
    assert_eq!(left.len(), 1);
    assert!(std::fs::read_to_string(&left[0]).unwrap().contains(SECOND));
    let out = recover_in(dir.path(), dir.path(), &path, &["--list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains(&left[0].display().to_string()), "{listed}");
}

/// A small tmpfs mounted for a test, unmounted when dropped.
struct Mounted(PathBuf);

impl Mounted {
    fn small(dir: &Path) -> Option<Mounted> {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=128k", "tmpfs"])
            .arg(dir)
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("note: skipped, a small tmpfs could not be mounted (needs root)");
        }
        mounted.then(|| Mounted(dir.to_path_buf()))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
#[cfg(unix)]
fn on_a_full_disk_the_copy_goes_to_the_temp_folder_and_recover_finds_it() {
    let logs = tempfile::tempdir().unwrap();
    let disk = logs.path().join("disk");
    let Some(_mounted) = Mounted::small(&disk) else {
        return;
    };
    // The project, its data folder and its lock on a disk that is then full.
    let path = new_project(&disk);
    std::fs::create_dir_all(disk.join("data")).unwrap();
    let filler = disk.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    while std::io::Write::write_all(&mut file, &[b'x'; 1024]).is_ok() {}
    drop(file);
    // With the temp folder taken as well, nothing takes the text, and the
    // message says so (never "nothing unsaved").
    let tmp = logs.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let uid = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(&tmp).unwrap());
    let taken = tmp.join(format!("ziping-{uid}"));
    std::fs::write(&taken, "someone else's").unwrap();
    let (tmux, pid) = open_in(&disk, logs.path(), &path, "nowhere");
    type_preamble(&tmux);
    kill("-HUP", pid);
    wait_for_exit(pid, Duration::from_secs(2));
    drop(tmux);
    let err = stderr_of(logs.path(), "nowhere");
    assert!(err.contains("未保存的文字没能写到任何地方"), "{err}");
    assert!(
        err.contains("磁盘已满") && err.contains("不是本用户的私有目录"),
        "{err}"
    );
    assert!(!err.contains("没有未保存的文字"), "{err}");
    std::fs::remove_file(&taken).unwrap();
    let (tmux, pid) = open_in(&disk, logs.path(), &path, "full");
    type_preamble(&tmux);
    kill("-HUP", pid);
    wait_for_exit(pid, Duration::from_secs(2));
    drop(tmux);
    let err = stderr_of(logs.path(), "full");
    let copies: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .unwrap()
        .filter_map(|e| e.ok())
        .flat_map(|e| copies_in(&e.path().join("recovery")))
        .collect();
    assert_eq!(copies.len(), 1, "{err}");
    let said = format!("未保存的文字已写入恢复文件 {}", copies[0].display());
    assert!(err.contains(&said) && err.contains("磁盘已满"), "{err}");
    // `ziping recover` looks there too, and says which copy it restored.
    std::fs::remove_file(&filler).unwrap();
    let out = recover_in(&disk, logs.path(), &path, &[]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(&copies[0].display().to_string()), "{said}");
    assert_eq!(saved_value(&path, "preamble"), TEXT);
    assert!(!copies[0].exists(), "recovered, so removed");
}

#[test]
fn recover_from_a_copy_of_another_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let make = |name: &str| {
        let path = dir.path().join(name);
        let out = common::locale::ziping_in(dir.path())
            .args([
                "new",
                path.to_str().unwrap(),
                "--template",
                "hunan-narrative",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        path
    };
    let a = make("甲.json");
    let b = make("乙.json");
    // A copy of B's unsaved text, its writer gone, as `recover --list B`
    // shows it.
    let mut project: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&b).unwrap()).unwrap();
    project["values"]["preamble"] = TEXT.into();
    let copy = dir.path().join("乙-copy.json");
    let snapshot = serde_json::json!({
        "format": "ziping-recovery",
        "file": b.canonicalize().unwrap(),
        "written": "2030-01-01T00:00:00Z",
        "pid": 4_000_000,
        "session": "gone",
        "project": project,
    });
    std::fs::write(&copy, snapshot.to_string()).unwrap();
    // The clerk picks the wrong line of the listing.
    let out = recover_in(
        dir.path(),
        dir.path(),
        &a,
        &["--from", copy.to_str().unwrap()],
    );
    assert!(
        copy.exists(),
        "B's only copy of its unsaved text was removed"
    );
    assert!(
        !out.status.success() && saved_value(&a, "preamble").is_empty(),
        "B's text written over A: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
