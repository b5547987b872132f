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

use locale::run_in as run;

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

/// How a refused file is set up.
enum Setup {
    Text(String),
    /// The sample as JSON, changed by a function.
    Edited(fn(&mut Value)),
    /// A link that points at itself.
    #[cfg(unix)]
    LinkLoop,
}

/// Phrases of serde's and the system's that must not be left outside the
/// brackets at the end of a message.
const ENGLISH: [&str; 14] = [
    "invalid",
    "expected",
    "missing",
    "unknown",
    "recursion",
    "EOF",
    "trailing",
    "must be",
    "control",
    "escape",
    "found",
    "variant",
    "error",
    "symbolic",
];

#[test]
fn messages_about_broken_files_are_chinese_with_the_original_at_the_end() {
    let home = tempfile::tempdir().expect("tempdir");
    let sample: Value =
        serde_json::from_str(&fs::read_to_string(repo(SAMPLE)).expect("sample")).expect("json");
    let deep = format!(
        "{{\"format\": \"ziping-project\", \"schema\": 1, \"meta\": {}{}}}",
        "[".repeat(500),
        "]".repeat(500)
    );
    let cases: Vec<(&str, Setup, &str, &str)> = vec![
        (
            "deep.json",
            Setup::Text(deep),
            "嵌套层数过多：JSON 的列表和对象最多嵌套 128 层",
            "recursion limit exceeded",
        ),
        (
            "created.json",
            Setup::Edited(|p| p["meta"]["created"] = 5.into()),
            "meta.created：值的类型不对：文件中是整数 5，应为文字",
            "invalid type: integer `5`, expected a string",
        ),
        (
            "version.json",
            Setup::Edited(|p| p["template"]["version"] = "2".into()),
            "template.version：值的类型不对：文件中是文字 \"2\"，应为非负整数",
            "invalid type: string \"2\", expected u32",
        ),
        (
            "sections.json",
            Setup::Edited(|p| p["template"]["sections"] = serde_json::json!({})),
            "template.sections：值的类型不对：文件中是对象，应为列表 […]",
            "invalid type: map, expected a sequence",
        ),
        (
            "nometa.json",
            Setup::Edited(|p| {
                p["meta"].as_object_mut().map(|m| m.remove("created"));
            }),
            "meta：缺少字段 created",
            "missing field `created`",
        ),
        (
            "extra.json",
            Setup::Edited(|p| p["meta"]["colour"] = "red".into()),
            "meta.colour：不认识的字段 colour，可用的字段：created、modified、generator",
            "unknown field `colour`",
        ),
        (
            "assert.json",
            Setup::Edited(|p| p["template"]["checks"][0]["assert"] = 5.into()),
            "template.checks[0].assert：公式的写法不对：应为一行文字，或多行文字组成的列表",
            "data did not match any variant of untagged enum Formula",
        ),
        (
            "trailing.json",
            Setup::Text("{\"format\": \"ziping-project\"} 多余".into()),
            "第1行第30列：JSON 语法错误：JSON 结束后还有多余的内容",
            "trailing characters",
        ),
        #[cfg(unix)]
        (
            "loop.json",
            Setup::LinkLoop,
            "符号链接层数过多",
            "os error ",
        ),
    ];
    for (name, setup, want, original) in cases {
        let path = home.path().join(name);
        match setup {
            Setup::Text(text) => fs::write(&path, text).expect("write"),
            Setup::Edited(edit) => {
                let mut project = sample.clone();
                edit(&mut project);
                fs::write(&path, project.to_string()).expect("write");
            }
            #[cfg(unix)]
            Setup::LinkLoop => std::os::unix::fs::symlink(&path, &path).expect("link"),
        }
        let out = run(home.path(), &["check", path.to_str().expect("utf-8 path")]);
        assert_eq!(out.code, Some(2), "{name}: {}", out.stderr);
        let line = out.stderr.trim_end();
        assert_eq!(line.lines().count(), 1, "{name}: {line}");
        let message = line
            .split_once(&format!("{name}："))
            .map_or(line, |(_, m)| m);
        assert!(message.contains(want), "{name}: {message}");
        let (words, bracket) = message.rsplit_once('（').expect("brackets");
        assert!(
            bracket.starts_with(original) && bracket.ends_with('）'),
            "{name}: the original at the end: {message}"
        );
        for phrase in ENGLISH {
            assert!(!words.contains(phrase), "{name}: English in {message}");
        }
    }
}
