//! What files the real binary accepts, and how it explains the ones it
//! refuses: a byte order mark, a schema number that is not one, the words
//! for broken JSON and for what the operating system says.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/locale.rs"]
mod locale;

use serde_json::Value;

const SAMPLE: &str = "sample-data/changning-2022.json";
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Run {
    let out = locale::ziping_in(home)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("ziping runs: {e}"));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn with_bom(text: &[u8]) -> Vec<u8> {
    [BOM, text].concat()
}

#[test]
fn a_byte_order_mark_is_accepted_in_projects_templates_and_config() {
    let home = tempfile::tempdir().expect("tempdir");
    // A project saved by Windows Notepad.
    let project = home.path().join("报告.json");
    let sample = fs::read(repo(SAMPLE)).expect("sample");
    fs::write(&project, with_bom(&sample)).expect("write");
    let path = project.to_str().expect("utf-8 path");
    let out = run(home.path(), &["check", path]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("共 0 个错误"), "{}", out.stdout);
    let out = run(home.path(), &["set", path, "attachment", "附件一"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!fs::read(&project).expect("read").starts_with(BOM));

    // A user template.
    let templates = home.path().join("config").join("templates");
    fs::create_dir_all(&templates).expect("mkdir");
    let builtin = fs::read_to_string(repo("templates/hunan-form.json")).expect("template");
    let mut template: Value = serde_json::from_str(&builtin).expect("json");
    template["id"] = "notepad-county".into();
    let text = template.to_string();
    fs::write(templates.join("notepad.json"), with_bom(text.as_bytes())).expect("write");
    let out = run(home.path(), &["templates"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("notepad-county"), "{}", out.stdout);
    assert!(out.stderr.is_empty(), "{}", out.stderr);

    // config.json: its language is used, and nothing is reported.
    let config = home.path().join("config").join("config.json");
    fs::write(&config, with_bom(br#"{"lang": "en"}"#)).expect("write");
    let out = run(home.path(), &["check", path]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert!(out.stdout.contains("0 errors"), "{}", out.stdout);
}

#[test]
fn a_schema_written_as_text_is_named_as_such() {
    let home = tempfile::tempdir().expect("tempdir");
    let sample = fs::read_to_string(repo(SAMPLE)).expect("sample");
    let project = home.path().join("quoted.json");
    fs::write(
        &project,
        sample.replacen("\"schema\": 1", "\"schema\": \"1\"", 1),
    )
    .expect("write");
    let out = run(
        home.path(),
        &["check", project.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("quoted.json：schema：格式版本号 schema 应为数字，文件中是文字 \"1\"；请去掉引号，写作 \"schema\": 1"),
        "{}",
        out.stderr
    );
}
