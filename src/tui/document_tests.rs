//! The document's intents: edits, saves (and what another program did to
//! the file meanwhile), the recovery schedule.

use super::*;
use crate::model::finding::FindingKind;

fn document(dir: &Path) -> Document {
    let project = crate::catalog::new_project("hunan-narrative");
    let path = dir.join("a.json");
    let json = project.to_json();
    std::fs::write(&path, &json).expect("write");
    Document::new(project, path, Fingerprint::of(json.as_bytes()), Some(dir))
}

fn missing(doc: &Document, id: &str) -> bool {
    doc.report()
        .of_field(id)
        .any(|f| f.kind == FindingKind::Missing)
}

#[test]
fn an_edit_is_unsaved_and_judged_at_once_and_counted_once_settled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    let errors = doc.report().counts().errors;
    assert!(missing(&doc, "unit"));
    assert!(doc.set("unit", Entry::Text("中共常宁市委组织部".into())));
    assert!(doc.is_dirty());
    assert!(!missing(&doc, "unit"), "the edited field is judged at once");
    assert_eq!(doc.report().counts().errors, errors, "counts wait");
    doc.settle_now();
    assert_eq!(doc.report().counts().errors, errors - 1);
    assert_eq!(doc.settle_due_in(Instant::now()), None);
}

#[test]
fn saving_clears_the_unsaved_mark_and_an_unchanged_value_is_no_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    doc.set("unit", Entry::Text("某单位".into()));
    assert_eq!(
        doc.save("2030-01-01T00:00:00Z").expect("saves"),
        Saved::Written
    );
    assert!(!doc.is_dirty());
    assert!(!doc.set("unit", Entry::Text("某单位".into())));
    let (_, changed) = doc.edit_table("unit", |_| ());
    assert!(!changed);
    assert!(!doc.is_dirty(), "nothing changed, nothing to save");
    let saved = crate::storage::read_project(doc.path()).expect("reads");
    assert_eq!(saved.meta.modified, "2030-01-01T00:00:00Z");
}

#[test]
fn a_read_only_document_never_writes_its_file_however_it_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    let before = std::fs::read(doc.path()).expect("read");
    doc.open_read_only();
    doc.set("unit", Entry::Text("某单位".into()));
    assert!(doc.save("now").is_err());
    let same = dir.path().join(".").join("a.json");
    assert!(doc.save_as(&same, "now", Some(dir.path())).is_err());
    assert_eq!(
        std::fs::read(dir.path().join("a.json")).expect("read"),
        before
    );
    assert!(doc.is_dirty(), "the text stays, unsaved");
}

#[test]
fn export_never_replaces_the_project_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    let before = std::fs::read(doc.path()).expect("read");
    let spelled = dir.path().join("..").join(
        dir.path()
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string(),
    );
    assert!(doc.export(&spelled.join("a.json"), None).is_err());
    assert_eq!(std::fs::read(doc.path()).expect("read"), before);
    doc.export(&dir.path().join("a.txt"), None)
        .expect("exports beside it");
}

#[test]
fn steady_typing_still_reaches_the_recovery_copy_within_its_bound() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    let start = Instant::now();
    assert_eq!(doc.recovery_due_in(start, Duration::from_secs(2)), None);
    doc.set("unit", Entry::Text("某".into()));
    // With a long pause setting, the time bound decides.
    let pause = Duration::from_secs(60);
    let due = doc.recovery_due_in(start, pause).expect("due");
    assert!(due <= RECOVERY_AT_MOST_EVERY, "{due:?}");
    // Typing on: the last edit is recent, the oldest is not.
    doc.set("unit", Entry::Text("某单".into()));
    let later = Instant::now() + RECOVERY_AT_MOST_EVERY;
    assert_eq!(doc.recovery_due_in(later, pause), Some(Duration::ZERO));
    doc.write_recovery("now").expect("writes");
    assert_eq!(
        doc.recovery_due_in(later, pause),
        None,
        "it holds everything"
    );
    doc.set("unit", Entry::Text("某单位".into()));
    let due = doc.recovery_due_in(Instant::now(), pause).expect("due");
    assert!(
        due > RECOVERY_AT_MOST_EVERY / 2,
        "the bound starts again: {due:?}"
    );
}

#[test]
fn save_as_never_overwrites_another_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    let other = dir.path().join("other.json");
    std::fs::write(&other, "keep").expect("write");
    doc.set("unit", Entry::Text("某单位".into()));
    assert!(doc.save_as(&other, "now", Some(dir.path())).is_err());
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "keep");
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), dir.path().join("a.json"));
    let copy = dir.path().join("copy.json");
    let saved = doc.save_as(&copy, "now", Some(dir.path()));
    assert_eq!(saved.expect("saves as"), Saved::Written);
    assert_eq!(doc.path(), copy);
    assert!(!doc.is_dirty());
}

/// What `ziping set` does to the file: read it, change a field, save.
fn set_behind_the_editors_back(path: &Path, id: &str, text: &str) {
    let mut project = crate::storage::read_project(path).expect("reads");
    project.set(id, Entry::Text(text.into()));
    crate::storage::save_project(path, &mut project, "2030-01-02T00:00:00Z").expect("saves");
}

fn on_disk(path: &Path, id: &str) -> Option<Entry> {
    let project = crate::storage::read_project(path).expect("reads");
    project.entry(id).cloned()
}

#[test]
fn a_save_with_no_change_on_disk_writes_and_the_next_one_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    for text in ["某单位", "某某单位"] {
        doc.set("unit", Entry::Text(text.into()));
        assert_eq!(doc.save("now").expect("saves"), Saved::Written);
        assert_eq!(on_disk(doc.path(), "unit"), Some(Entry::Text(text.into())));
    }
    // The same bytes written again by someone else (a touch) lose nothing.
    let bytes = std::fs::read(doc.path()).expect("read");
    std::fs::write(doc.path(), bytes).expect("write");
    assert_eq!(doc.save("now").expect("saves"), Saved::Written);
}

#[test]
fn a_change_made_by_another_program_is_not_written_over_unasked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    doc.set("unit", Entry::Text("编辑器里的".into()));
    set_behind_the_editors_back(doc.path(), "preamble", "张三");
    let before = std::fs::read(doc.path()).expect("read");
    let saved = doc.save("now").expect("no error");
    assert_eq!(saved, Saved::ChangedOnDisk(Drift::Changed));
    assert_eq!(std::fs::read(doc.path()).expect("read"), before);
    assert!(doc.is_dirty(), "the text stays, unsaved");
    // Asked and answered "overwrite": written, and the other version kept.
    doc.overwrite("now").expect("overwrites");
    assert_eq!(
        on_disk(doc.path(), "preamble"),
        Some(Entry::Text(String::new()))
    );
    let backup = crate::storage::backup_path(doc.path());
    assert_eq!(
        on_disk(&backup, "preamble"),
        Some(Entry::Text("张三".into()))
    );
    // What was written is what the next save compares with.
    doc.set("unit", Entry::Text("再改".into()));
    assert_eq!(doc.save("now").expect("saves"), Saved::Written);
}

#[test]
fn reloading_sets_the_unsaved_text_aside_in_the_recovery_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    doc.set("unit", Entry::Text("编辑器里的".into()));
    set_behind_the_editors_back(doc.path(), "preamble", "张三");
    let (project, fingerprint) =
        crate::storage::read_project_fingerprinted(doc.path()).expect("reads");
    let file_copy = doc
        .reload(project, fingerprint, "now")
        .expect("reloads")
        .expect("the unsaved text was set aside");
    assert!(!doc.is_dirty());
    assert_eq!(
        doc.project().entry("unit"),
        Some(&Entry::Text(String::new()))
    );
    assert_eq!(
        doc.project().entry("preamble"),
        Some(&Entry::Text("张三".into()))
    );
    // Where the next open and `ziping recover` look.
    let found = doc.recovery().find();
    assert_eq!(found.copies.len(), 1);
    assert_eq!(found.copies[0].path, file_copy);
    let copy = recovery::read(&file_copy).expect("reads");
    assert_eq!(
        copy.project.entry("unit"),
        Some(&Entry::Text("编辑器里的".into()))
    );
    // The file as reloaded is what the next save compares with; neither
    // the session's next recovery copy nor its save touches the text set
    // aside.
    doc.set("unit", Entry::Text("新的".into()));
    let next = doc.write_recovery("now").expect("writes");
    assert_ne!(next.path, file_copy);
    assert_eq!(doc.save("now").expect("saves"), Saved::Written);
    assert!(!next.path.exists(), "its own copy is removed");
    let copy = recovery::read(&file_copy).expect("still there");
    assert_eq!(
        copy.project.entry("unit"),
        Some(&Entry::Text("编辑器里的".into()))
    );
    // Nothing unsaved: a reload sets nothing aside.
    set_behind_the_editors_back(doc.path(), "preamble", "李四");
    let (project, fingerprint) =
        crate::storage::read_project_fingerprinted(doc.path()).expect("reads");
    assert_eq!(
        doc.reload(project, fingerprint, "now").expect("reloads"),
        None
    );
}

#[test]
fn a_file_renamed_away_is_asked_about_and_overwriting_writes_it_anew() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    doc.set("unit", Entry::Text("某单位".into()));
    let elsewhere = dir.path().join("moved.json");
    std::fs::rename(doc.path(), &elsewhere).expect("rename");
    let saved = doc.save("now").expect("no error");
    assert_eq!(saved, Saved::ChangedOnDisk(Drift::Missing));
    assert!(!doc.path().exists(), "nothing written");
    doc.overwrite("now").expect("writes a new file");
    assert_eq!(
        on_disk(doc.path(), "unit"),
        Some(Entry::Text("某单位".into()))
    );
    assert_eq!(
        on_disk(&elsewhere, "unit"),
        Some(Entry::Text(String::new())),
        "the moved file is left alone"
    );
}

#[test]
fn after_a_take_over_elsewhere_saves_are_refused_and_copies_go_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    let crate::lock::Outcome::Acquired(lock) = crate::lock::acquire(doc.path(), "t1") else {
        panic!("lock")
    };
    doc.take_lock(lock);
    doc.set("unit", Entry::Text("某单位".into()));
    assert_eq!(doc.save("now").expect("ours: saves"), Saved::Written);
    let _winner = crate::lock::take_over(doc.path(), "t2");
    let before = std::fs::read(doc.path()).expect("read");
    doc.set("unit", Entry::Text("某单位二".into()));
    match doc.save("later") {
        Err(SaveError::TakenOver(Some(by))) => assert_eq!(by.since, "t2"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(std::fs::read(doc.path()).expect("read"), before);
    assert!(doc.is_dirty() && doc.is_taken_over() && !doc.is_read_only());
    let written = doc
        .write_recovery("later")
        .expect("the text still goes somewhere");
    let copy = recovery::read(&written.path).expect("reads");
    assert_eq!(
        copy.project.entry("unit"),
        Some(&Entry::Text("某单位二".into()))
    );
}

#[test]
fn a_file_with_a_byte_order_mark_saves_without_a_false_change_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.json");
    let project = crate::catalog::new_project("hunan-narrative");
    // What Windows Notepad writes: the BOM, then the JSON.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(project.to_json().as_bytes());
    std::fs::write(&path, &bytes).expect("write");
    let (project, on_disk) = storage::read_project_fingerprinted(&path).expect("a BOM is accepted");
    let mut doc = Document::new(project, path, on_disk, Some(dir.path()));
    doc.set("unit", Entry::Text("某单位".into()));
    assert_eq!(
        doc.save("2030-01-01T00:00:00Z").expect("saves"),
        Saved::Written,
        "nobody else touched the file"
    );
}

#[test]
fn the_version_an_overwrite_kept_survives_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(dir.path());
    doc.set("unit", Entry::Text("编辑器里的".into()));
    set_behind_the_editors_back(doc.path(), "preamble", "张三");
    assert_eq!(
        doc.save("now").expect("no error"),
        Saved::ChangedOnDisk(Drift::Changed)
    );
    // "O: overwrite — their version is kept as NAME.bak".
    doc.overwrite("now").expect("overwrites");
    // The clerk goes on typing and saving, as clerks do.
    doc.set("unit", Entry::Text("再改".into()));
    assert_eq!(doc.save("now").expect("saves"), Saved::Written);
    let kept = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter_map(|e| crate::storage::read_project(&e.path()).ok())
        .any(|p| p.entry("preamble") == Some(&Entry::Text("张三".into())));
    assert!(kept, "the other program's text is gone without a word");
}
