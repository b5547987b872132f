use super::*;

fn acquired(outcome: Outcome) -> Lock {
    match outcome {
        Outcome::Acquired(lock) | Outcome::TookOverStale(lock, _) => lock,
        other => panic!("expected the lock, got {other:?}"),
    }
}

#[test]
fn second_acquire_sees_the_holder_and_release_removes_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    let lock = acquired(acquire(&project, "t1"));
    match acquire(&project, "t2") {
        Outcome::Held(Holder::Named(owner)) => {
            assert_eq!(owner.pid, std::process::id());
            assert_eq!(owner.since, "t1");
            assert!(!owner.user.is_empty() && owner.user != "?");
        }
        other => panic!("expected Held, got {other:?}"),
    }
    drop(lock);
    assert!(!path_for(&project).exists(), "released on drop");
    let leftovers = fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 0, "no temporary lock files left");
}

#[test]
fn a_lock_file_nobody_holds_is_stale_whatever_it_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    // A lock file left by a process that was killed: it names this very
    // process (so no pid check could call it dead), and is held by nobody.
    let left = Owner {
        pid: std::process::id(),
        user: "x".into(),
        host: hostname(),
        since: "t0".into(),
        token: "old".into(),
    };
    let json = serde_json::to_string(&left).expect("json");
    fs::write(path_for(&project), json).expect("write");
    match acquire(&project, "t3") {
        Outcome::TookOverStale(lock, owner) => {
            assert_eq!(owner, left);
            assert!(lock.still_ours());
        }
        other => panic!("expected take-over, got {other:?}"),
    }
}

#[test]
fn an_empty_lock_file_that_is_held_is_live() {
    // Another program's lock file, empty and held: not stale.
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    let held = File::create(path_for(&project)).expect("create");
    held.try_lock().expect("lock");
    assert!(matches!(acquire(&project, "t"), Outcome::Held(_)));
}

#[test]
fn after_a_take_over_the_old_holder_may_no_longer_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    fs::write(&project, "{}").expect("write");
    let first = acquired(acquire(&project, "t1"));
    assert!(first.still_ours());
    let second = acquired(take_over(&project, "t2"));
    assert!(!first.still_ours(), "taken over");
    assert!(second.still_ours());
    assert_eq!(first.taken_by().map(|o| o.since), Some("t2".into()));
    // The loser ending does not remove the winner's lock file.
    drop(first);
    assert!(second.still_ours());
    match acquire(&project, "t3") {
        Outcome::Held(Holder::Named(owner)) => assert_eq!(owner.since, "t2"),
        other => panic!("the winner holds it: {other:?}"),
    }
}

#[test]
fn racing_openers_never_both_hold_the_lock() {
    // Eight openers at once, over and over, with a stale lock present
    // (the case where an old reader took a half-written lock for dead).
    // OS locks are per open file, so threads race as processes would.
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    for round in 0..50 {
        let stale = serde_json::to_string(&unknown_owner()).expect("json");
        fs::write(path_for(&project), stale).expect("write");
        let start = std::sync::Barrier::new(8);
        let held = std::sync::Barrier::new(8);
        let winners = std::thread::scope(|scope| {
            let racers: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        let outcome = acquire(&project, "t");
                        // Everyone has an answer before anyone lets go.
                        held.wait();
                        !matches!(outcome, Outcome::Held(_))
                    })
                })
                .collect();
            racers
                .into_iter()
                .map(|r| r.join().expect("thread"))
                .filter(|won| *won)
                .count()
        });
        assert_eq!(winners, 1, "round {round}");
    }
}

#[cfg(unix)]
#[test]
fn a_second_name_of_the_same_file_is_locked_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    fs::write(&project, "{}").expect("write");
    let other = dir.path().join("q.json");
    fs::hard_link(&project, &other).expect("link");
    assert_eq!(link_count(&project), 2);
    let _lock = acquired(acquire(&project, "t1"));
    assert!(matches!(
        acquire(&other, "t2"),
        Outcome::Held(Holder::OtherName)
    ));
    assert!(!path_for(&other).exists(), "the refused lock is not left");
}

#[cfg(unix)]
#[test]
fn a_planted_lock_link_is_never_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    let victim = dir.path().join("bashrc");
    fs::write(&victim, "mine").expect("write");
    std::os::unix::fs::symlink(&victim, path_for(&project)).expect("link");
    assert!(matches!(acquire(&project, "t"), Outcome::Unavailable(_)));
    assert_eq!(fs::read_to_string(&victim).expect("read"), "mine");
}

#[cfg(unix)]
#[test]
fn a_name_given_to_the_file_after_a_save_is_locked_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    fs::write(&project, "{}").expect("write");
    let mut lock = acquired(acquire(&project, "t1"));
    // The editor saves: the project is a new inode now, and the lock
    // follows it (as `Document` asks after every save).
    crate::storage::save_with_backup(&project, b"{\"a\": 1}").expect("saves");
    lock.follow_save(&project);
    let other = dir.path().join("q.json");
    fs::hard_link(&project, &other).expect("link");
    assert!(
        matches!(acquire(&other, "t2"), Outcome::Held(Holder::OtherName)),
        "a second ziping edits the same inode under another name"
    );
    // And the backup, which is the inode the lock still holds, is not
    // "the same file under another name".
    let backup = crate::storage::backup_path(&project);
    assert!(
        !matches!(acquire(&backup, "t3"), Outcome::Held(Holder::OtherName)),
        "the .bak is a different text from the open file"
    );
}

#[cfg(unix)]
#[test]
fn after_the_winner_of_a_take_over_quits_the_file_can_be_taken_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    fs::write(&project, "{}").expect("write");
    // A session cut off without a SIGHUP, still running.
    let frozen = acquired(acquire(&project, "t1"));
    // The user logs in again, takes over, looks, quits without saving.
    let winner = acquired(take_over(&project, "t2"));
    drop(winner);
    // The frozen one still holds the inode: the next ziping is told that
    // the file is open (it cannot tell whose), and may take it over.
    assert!(matches!(
        acquire(&project, "t3"),
        Outcome::Held(Holder::OtherName)
    ));
    let third = acquired(take_over(&project, "t4"));
    assert!(third.still_ours() && !frozen.still_ours());
    // Once the frozen one notices (its next save or copy), it lets go.
    let mut frozen = frozen;
    frozen.release_inode();
    drop(third);
    assert!(matches!(acquire(&project, "t5"), Outcome::Acquired(_)));
}

#[test]
fn what_a_kill_left_of_a_lock_being_installed_is_removed_on_the_next_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.json");
    let lock_name = path_for(&project)
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .to_string();
    let left = dir.path().join(format!(".{lock_name}.ziping-Kill09.tmp"));
    fs::write(&left, "{").expect("plant");
    let _lock = acquired(acquire(&project, "t"));
    assert!(!left.exists(), "a half-made lock file of a killed ziping");
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "only the lock file: {names:?}");
}
