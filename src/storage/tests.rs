//! The reading and writing rules of `storage`, on real files.

use super::*;

#[cfg(unix)]
#[test]
fn a_link_planted_where_the_backup_goes_is_never_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("victim");
    fs::write(&victim, "keep").expect("write");
    let path = dir.path().join("report.json");
    fs::write(&path, "one").expect("write");
    // The staging name older versions used (a directory there blocked
    // every save), and a link where the backup goes.
    fs::create_dir(dir.path().join("report.json.bak.tmp")).expect("plant");
    std::os::unix::fs::symlink(&victim, dir.path().join("report.json.bak")).expect("link");
    save_with_backup(&path, b"two").expect("saves");
    save_with_backup(&path, b"three").expect("saves");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep");
    assert_eq!(fs::read_to_string(&path).expect("read"), "three");
    let backup = dir.path().join("report.json.bak");
    assert!(!fs::symlink_metadata(&backup).expect("meta").is_symlink());
    assert_eq!(fs::read_to_string(&backup).expect("read"), "two");
}

#[cfg(unix)]
#[test]
fn a_link_another_user_planted_in_a_shared_folder_is_not_written_through() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("bashrc");
    fs::write(&victim, "mine").expect("write");
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).expect("mkdir");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).expect("chmod");
    let planted = shared.join("report.txt");
    std::os::unix::fs::symlink(&victim, &planted).expect("link");
    // Another user's link: only root can give it away; elsewhere there
    // is no second user to plant it, and the rule cannot be shown.
    if std::os::unix::fs::lchown(&planted, Some(54321), Some(54321)).is_err() {
        return;
    }
    let err = write_atomic(&planted, b"attack").expect_err("refused");
    assert!(err.to_string().contains("符号链接"), "{err}");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "mine");
    // The writer's own link in the same folder is followed as ever.
    let own = shared.join("mine.txt");
    std::os::unix::fs::symlink(&victim, &own).expect("link");
    write_atomic(&own, b"new").expect("writes through my own link");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "new");
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("project.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Opening a FIFO for reading would wait for a writer forever.
    let err = read_text(&fifo).expect_err("a FIFO");
    assert!(err.to_string().contains("不是普通文件"), "{err}");
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let err = read_text(Path::new(device)).expect_err(device);
        assert!(err.to_string().contains("不是普通文件"), "{device}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn private_files_and_directories_are_for_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let private = dir.path().join("data").join("recovery");
    create_private_dir(&private).expect("creates");
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&private), 0o700);
    let file = private.join("copy.json");
    fs::write(&file, "old").expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    write_private(&file, b"new").expect("writes");
    assert_eq!(mode(&file), 0o600, "narrowed, not kept at 0644");
    assert_eq!(fs::read(&file).expect("read"), b"new");
    let listed = private.join("recent.json.tmp");
    drop(create_private_file(&listed).expect("creates"));
    assert_eq!(mode(&listed), 0o600);
    assert!(
        create_private_file(&listed).is_err(),
        "never an existing file"
    );
}

#[test]
fn a_saved_project_is_stamped_and_a_failed_save_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = crate::catalog::new_project("hunan-narrative");
    let before = project.meta.clone();
    let nowhere = dir.path().join("no-such-dir").join("a.json");
    assert!(save_project(&nowhere, &mut project, "2030-01-01T00:00:00Z").is_err());
    assert_eq!(project.meta, before);
    let path = dir.path().join("a.json");
    save_project(&path, &mut project, "2030-01-01T00:00:00Z").expect("saves");
    assert_eq!(project.meta.modified, "2030-01-01T00:00:00Z");
    assert_eq!(read_project(&path).expect("reads").meta, project.meta);
}

#[test]
fn atomic_write_replaces_and_create_new_refuses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.json");
    create_new(&path, b"one").expect("create");
    let err = create_new(&path, b"two").expect_err("exists");
    assert!(err.to_string().contains("已存在"), "{err}");
    write_atomic(&path, b"three").expect("replace");
    assert_eq!(fs::read(&path).expect("read"), b"three");
    let leftovers = fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 1, "no temp files left behind");
    let backup = save_with_backup(&path, b"four")
        .expect("save")
        .expect("backup");
    assert_eq!(fs::read(&backup).expect("read"), b"three");
    assert_eq!(fs::read(&path).expect("read"), b"four");
    save_with_backup(&path, b"five").expect("save");
    assert_eq!(
        fs::read(&backup).expect("read"),
        b"four",
        "the backup is the previous version"
    );
}

#[cfg(unix)]
#[test]
fn saves_keep_permissions_and_write_through_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real.txt");
    fs::write(&real, "old").expect("write");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    write_atomic(&link, b"new").expect("save");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).expect("read"), b"new");
    assert_eq!(
        fs::metadata(&real).expect("meta").permissions().mode() & 0o777,
        0o640
    );
    let fresh = dir.path().join("fresh.json");
    create_new(&fresh, b"{}").expect("create");
    let mode = fs::metadata(&fresh).expect("meta").permissions().mode() & 0o777;
    assert_ne!(mode, 0o600, "new files are not private temp files");
}

#[cfg(unix)]
#[test]
fn the_temp_holding_the_text_has_the_replaced_files_permissions_already() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    // A private report (0600), and one shared with a group (0664, wider
    // than the usual umask lets a new file be).
    for wanted in [0o600, 0o664] {
        let target = dir.path().join(format!("{wanted:o}.json"));
        fs::write(&target, "old").expect("write");
        fs::set_permissions(&target, fs::Permissions::from_mode(wanted)).expect("chmod");
        let access = Access::As(fs::metadata(&target).expect("meta"));
        let temp = write_temp(&target, b"secret", access).expect("temp");
        assert_eq!(mode(temp.path()), wanted, "with the text in it");
        save_with_backup(&target, b"new").expect("saves");
        assert_eq!(mode(&target), wanted);
    }
}

#[test]
fn a_byte_order_mark_is_passed_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bom.json");
    fs::write(&path, b"\xEF\xBB\xBF{\"a\": 1}\n").expect("write");
    assert_eq!(read_text(&path).expect("reads"), "{\"a\": 1}\n");
    fs::write(&path, b"\xEF\xBB\xBF \n").expect("write");
    let err = read_text(&path).expect_err("only a mark").to_string();
    assert!(err.contains("文件是空的"), "{err}");
    // Only at the start: one further in is text (and JSON refuses it).
    fs::write(&path, b"{\"a\": \"\xEF\xBB\xBF\"}").expect("write");
    assert_eq!(read_text(&path).expect("reads"), "{\"a\": \"\u{feff}\"}");
}

#[test]
fn unreadable_inputs_are_explained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.json", b"  \n", "文件是空的"),
        ("gbk.json", b"{\n\"a\": \"\xd6\xd0\"}", "第2行不是 UTF-8"),
        (
            "cut.json",
            b"{\"format\": \"ziping-project\", ",
            "文件不完整",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).expect("write");
        let err = read_project(&path).expect_err(name).to_string();
        assert!(err.contains(want) && err.contains(name), "{err}");
    }
    let err = read_project(dir.path()).expect_err("dir").to_string();
    assert!(err.contains("目录"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_group_the_report_is_shared_with() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.json");
    fs::write(&target, "old").expect("write");
    // Readable by the finance group, nobody else. Only root can give it
    // a group it is not in here; elsewhere the rule cannot be shown.
    let team = 54321;
    if std::os::unix::fs::chown(&target, None, Some(team)).is_err() {
        return;
    }
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).expect("chmod");
    save_with_backup(&target, b"new").expect("saves");
    let meta = fs::metadata(&target).expect("meta");
    assert_eq!(meta.mode() & 0o777, 0o640);
    assert_eq!(
        meta.gid(),
        team,
        "the 0640 now opens the report to the writer's own group, and shuts the team out"
    );
}

#[test]
fn a_file_with_a_name_near_the_limit_saves_locks_and_cleans_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 83 Chinese characters and `.json`: 254 bytes, one short of the most
    // a name may have; its temps and lock are named after it, shortened.
    let name = format!("{}.json", "绩".repeat(83));
    assert_eq!(name.len(), 254);
    let path = dir.path().join(&name);
    fs::write(&path, "{}").expect("write");
    let lock = crate::lock::acquire(&path, "t");
    assert!(
        matches!(lock, crate::lock::Outcome::Acquired(_)),
        "{lock:?}"
    );
    save_with_backup(&path, b"two").expect("saves");
    assert_eq!(fs::read(&path).expect("read"), b"two");
    let leftovers = dir.path().join(format!(
        ".{}.ziping-Kill09.tmp",
        fit_name(&name, NAME_BUDGET)
    ));
    fs::write(&leftovers, "x").expect("plant");
    assert_eq!(clean_stale_temps(&path), vec![leftovers]);
}

#[test]
fn a_long_name_is_cut_at_a_character_and_keeps_apart_from_its_neighbours() {
    let a = format!("{}甲.json", "绩".repeat(90));
    let b = format!("{}乙.json", "绩".repeat(90));
    let (fa, fb) = (fit_name(&a, 200), fit_name(&b, 200));
    assert!(fa.len() <= 200 && fb.len() <= 200);
    assert_ne!(fa, fb, "the hash of the whole name tells them apart");
    assert_eq!(
        fit_name("报告.json", 200),
        "报告.json",
        "a short name stays"
    );
}
