use super::*;
use crate::catalog;
use crate::model::project::Entry;

fn project(text: &str) -> Project {
    let mut project = catalog::new_project("hunan-form");
    project.set("contact", Entry::Text(text.into()));
    project
}

/// A project file in `dir`, with a data folder and a temp folder of its own.
struct Setup {
    dir: tempfile::TempDir,
    file: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("报告.json");
        fs::create_dir(dir.path().join("tmp")).expect("mkdir");
        Setup { dir, file }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn copies(&self, session: &str) -> Copies {
        let temp = self.dir.path().join("tmp");
        Copies::with_temp(Some(&self.data()), &self.file, session, &temp)
    }

    fn temp_root(&self) -> PathBuf {
        self.dir
            .path()
            .join("tmp")
            .join(format!("ziping-{}", user_id()))
    }
}

#[test]
fn a_copy_round_trips_and_is_named_for_its_file_and_session() {
    let setup = Setup::new();
    let mut copies = setup.copies("s1");
    let same = Copies::new(None, &setup.dir.path().join(".").join("报告.json"), "s1");
    let other = Copies::new(None, &setup.dir.path().join("other.json"), "s1");
    assert_eq!(copies.key, same.key);
    assert_ne!(copies.key, other.key);
    let written = copies
        .write(&project("张三"), "2026-01-01T00:00:00Z")
        .expect("write");
    assert!(written.passed_over.0.is_empty() && written.moved);
    assert_eq!(
        written.path.parent(),
        Some(setup.data().join("recovery").as_path())
    );
    let name = written
        .path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    assert!(
        name.starts_with("报告-") && name.ends_with("-s1.json"),
        "{name}"
    );
    let copy = read(&written.path).expect("read");
    assert_eq!(copy.project, project("张三"));
    assert_eq!(copy.file, absolute(&setup.file));
    assert_eq!(
        (copy.session.as_str(), copy.pid),
        ("s1", std::process::id())
    );
    assert!(!copies.write(&project("张三"), "now").expect("again").moved);
    copies.remove_own();
    assert!(copies.find().copies.is_empty());
}

#[test]
fn places_are_tried_in_order_and_a_failure_says_what_each_said() {
    let setup = Setup::new();
    // The data folder is a file: the copy goes beside the project.
    fs::write(setup.data(), "not a folder").expect("write");
    let mut copies = setup.copies("s1");
    let written = copies.write(&project("甲"), "t1").expect("beside");
    assert_eq!(written.path.parent(), Some(setup.dir.path()));
    let name = written
        .path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    assert!(
        name.starts_with(".报告-") && name.ends_with(".ziping-recovery"),
        "{name}"
    );
    assert_eq!(written.passed_over.0.len(), 1);
    assert!(
        written.passed_over.to_string().contains("不是目录"),
        "{}",
        written.passed_over
    );
    // A project whose own folder is a file too: the temp folder, private.
    let blocked = setup.dir.path().join("blocked");
    fs::write(&blocked, "").expect("write");
    let temp = setup.dir.path().join("tmp");
    let mut nowhere = Copies::with_temp(Some(&setup.data()), &blocked.join("a.json"), "s1", &temp);
    let written = nowhere.write(&project("乙"), "t1").expect("temp");
    assert_eq!(written.passed_over.0.len(), 2);
    assert_eq!(
        written.path.parent(),
        Some(setup.temp_root().join("recovery").as_path())
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&setup.temp_root()), 0o700);
        assert_eq!(mode(&written.path), 0o600);
    }
    assert_eq!(nowhere.find().copies.len(), 1, "found where it went");
    // And when the temp folder is not ours either, nothing takes it.
    fs::remove_dir_all(setup.temp_root()).expect("rm");
    fs::write(setup.temp_root(), "").expect("plant");
    let failure = nowhere.write(&project("乙"), "t2").expect_err("nowhere");
    assert_eq!(failure.0.len(), 3, "{failure}");
}

#[test]
fn a_copy_that_moves_leaves_no_older_one_of_its_session_behind() {
    let setup = Setup::new();
    let mut copies = setup.copies("s1");
    fs::write(setup.data(), "").expect("block");
    let first = copies.write(&project("甲"), "t1").expect("beside");
    // The data folder is back: the copy returns there, and the one beside
    // the project goes.
    fs::remove_file(setup.data()).expect("unblock");
    let second = copies.write(&project("乙"), "t2").expect("data");
    assert!(second.moved && second.passed_over.0.is_empty());
    assert!(!first.path.exists());
    let found = copies.find();
    assert_eq!(found.copies.len(), 1);
    assert_eq!(found.copies[0].path, second.path);
    copies.remove_own();
    assert!(!second.path.exists());
}

#[cfg(unix)]
#[test]
fn a_temp_folder_someone_else_made_is_neither_written_nor_read() {
    use std::os::unix::fs::PermissionsExt;
    let setup = Setup::new();
    let blocked = setup.dir.path().join("blocked");
    fs::write(&blocked, "").expect("write");
    let temp = setup.dir.path().join("tmp");
    let mut copies = Copies::with_temp(None, &blocked.join("a.json"), "s1", &temp);
    // Open to others: anyone could have put things in it.
    fs::create_dir(setup.temp_root()).expect("mkdir");
    fs::set_permissions(setup.temp_root(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let failure = copies.write(&project("甲"), "t1").expect_err("refused");
    assert!(
        failure.to_string().contains("不是本用户的私有目录"),
        "{failure}"
    );
    assert!(!copies.places[1].readable());
    // A link to a folder of ours is not ours either.
    fs::remove_dir(setup.temp_root()).expect("rm");
    let elsewhere = setup.dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).expect("mkdir");
    fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o700)).expect("chmod");
    std::os::unix::fs::symlink(&elsewhere, setup.temp_root()).expect("link");
    assert!(copies.write(&project("甲"), "t1").is_err());
    assert_eq!(fs::read_dir(&elsewhere).expect("list").count(), 0);
}

#[cfg(unix)]
#[test]
fn a_link_planted_beside_the_project_is_replaced_not_followed_nor_read() {
    let setup = Setup::new();
    fs::write(setup.data(), "").expect("block the data folder");
    let mut copies = setup.copies("s1");
    let victim = setup.dir.path().join("victim");
    fs::write(&victim, "keep").expect("write");
    let name = copies.places[1].file_name(&copies.key, "s1");
    let planted = setup.dir.path().join(name);
    std::os::unix::fs::symlink(&victim, &planted).expect("link");
    // Another session's name, pointing at a copy: links are not copies.
    let other = setup
        .dir
        .path()
        .join(copies.places[1].file_name(&copies.key, "s2"));
    let mut elsewhere = setup.copies("s3");
    let real = elsewhere.write(&project("乙"), "t0").expect("write");
    let target = setup.dir.path().join("target");
    fs::rename(&real.path, &target).expect("move");
    std::os::unix::fs::symlink(&target, &other).expect("link");
    let written = copies.write(&project("甲"), "t1").expect("beside");
    assert_eq!(written.path, planted);
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep");
    assert!(!fs::symlink_metadata(&planted).expect("meta").is_symlink());
    let found = copies.find();
    assert_eq!(found.copies.len(), 1, "{:?}", found.copies);
}

#[test]
fn two_sessions_keep_their_own_copies_and_the_newest_comes_first() {
    let setup = Setup::new();
    let mut old = setup.copies("old");
    let mut new = setup.copies("new");
    new.write(&project("新"), "2026-01-01T00:00:01Z")
        .expect("new");
    old.write(&project("旧的后来又写"), "2026-01-01T00:00:02Z")
        .expect("old");
    let found = new.find();
    let sessions: Vec<&str> = found
        .copies
        .iter()
        .map(|f| f.copy.session.as_str())
        .collect();
    assert_eq!(sessions, ["old", "new"], "newest first");
    // The new session saves: only its own copy goes.
    new.saved(|_| false);
    let found = old.find();
    assert_eq!(found.copies.len(), 1);
    assert_eq!(found.copies[0].copy.session, "old");
}

#[test]
fn a_restored_copy_goes_on_save_only_once_its_writer_is_gone() {
    let setup = Setup::new();
    let mut old = setup.copies("old");
    old.write(&project("旧"), "t1").expect("old");
    let mut new = setup.copies("new");
    let found = new.find().copies.remove(0);
    new.adopt(&found);
    new.saved(|_| true);
    assert!(found.path.exists(), "its writer still runs: its copy");
    new.adopt(&found);
    new.saved(|_| false);
    assert!(!found.path.exists());
}

#[test]
fn copies_from_before_sessions_are_found_and_unreadable_ones_reported() {
    let setup = Setup::new();
    let copies = setup.copies("s1");
    let dir = setup.data().join("recovery");
    fs::create_dir_all(&dir).expect("mkdir");
    let old = format!(
        r#"{{"format": "ziping-recovery", "file": {:?}, "written": "2025-01-01T00:00:00Z",
            "pid": 1, "project": {}}}"#,
        absolute(&setup.file),
        project("旧版").to_json()
    );
    fs::write(dir.join(format!("{}.json", copies.key)), old).expect("write");
    fs::write(dir.join(format!("{}-broken.json", copies.key)), "{").expect("write");
    fs::write(dir.join("unrelated.json"), "{").expect("write");
    let found = copies.find();
    assert_eq!(found.copies.len(), 1);
    assert_eq!(found.copies[0].copy.session, "");
    assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
}

#[test]
fn what_killed_writes_of_any_sessions_copy_left_is_cleaned_and_nothing_else() {
    let setup = Setup::new();
    let mut copies = setup.copies("s1");
    let written = copies.write(&project("张三"), "t").expect("write");
    let dir = written.path.parent().expect("a folder").to_path_buf();
    // As a kill during an earlier session's write leaves them, beside a
    // write going on now (held) and another file's.
    let old_session = dir.join(format!(".{}-s0.json.ziping-Kill09.tmp", copies.key));
    let going_on = dir.join(format!(".{}-s2.json.ziping-Live01.tmp", copies.key));
    let other_file = dir.join(".other-0123456789abcdef-s0.json.ziping-Kill09.tmp");
    for path in [&old_session, &going_on, &other_file] {
        fs::write(path, "{").expect("plant");
    }
    let held = fs::File::open(&going_on).expect("open");
    held.try_lock().expect("lock");
    copies.clean_stale_temps();
    assert!(!old_session.exists(), "an old session's leftover goes");
    assert!(going_on.exists(), "a write going on keeps its temp");
    assert!(other_file.exists(), "another file's temp stays");
    assert!(written.path.exists(), "the copy itself stays");
}

#[test]
fn a_project_with_a_long_chinese_name_still_gets_a_recovery_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("tmp")).expect("mkdir");
    // 64 characters, 192 bytes: a long but real report title; the file
    // itself (197 bytes) is well within the 255 a name may have.
    let title = "关于二〇二五年度某某市委组织部部门整体支出及重点项目支出绩效自评情况的报告修订稿"
        .repeat(2);
    let title: String = title.chars().take(64).collect();
    let file = dir.path().join(format!("{title}.json"));
    fs::write(&file, project("x").to_json()).expect("the project file itself can be made");
    let session = new_session();
    let mut copies = Copies::with_temp(
        Some(&dir.path().join("data")),
        &file,
        &session,
        &dir.path().join("tmp"),
    );
    if let Err(failure) = copies.write(&project("张三"), "2026-01-01T00:00:00Z") {
        panic!("no place took the copy: {failure}");
    }
}
