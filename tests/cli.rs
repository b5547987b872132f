//! The command line as a user meets it: the real binary, real files, exit
//! codes and messages. Every run gets its own config and data directories so
//! the user's own templates and settings are never read.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "common/locale.rs"]
mod locale;

use assert_cmd::Command;
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

const SAMPLE: &str = "sample-data/changning-2022.json";
const SAMPLE_TEXT: &str = "sample-data/changning-2022.txt";
const TITLE: [&str; 2] = [
    "附件-1",
    "中共常宁市委组织部2022年度部门整体支出绩效目标自评报告",
];
const HEADINGS: [&str; 7] = [
    "一、基本情况",
    "（一）机构人员情况",
    "（二）部门职责",
    "二、项目实施情况和主要成效",
    "（一）部门整体支出绩效情况",
    "三、存在的主要问题",
    "四、改进措施和有关建议",
];

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// `ziping` with its config and data directories inside `home`, in no
/// locale (so Chinese).
fn ziping(home: &Path) -> Command {
    Command::from_std(locale::ziping_in(home))
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.assert().get_output().clone();
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// `ziping ARGS FILE` (options may come before the file).
fn run_on(home: &Path, args: &[&str], file: &Path) -> Run {
    run(ziping(home).args(args).arg(file))
}

/// A new 湖南叙述式 project at `file`.
fn new_project(home: &Path, file: &Path) {
    let created = run(ziping(home)
        .arg("new")
        .arg(file)
        .args(["-t", "hunan-narrative"]));
    assert_eq!(created.code, Some(0), "{}", created.stderr);
}

fn export_sample(home: &Path, options: &[&str]) -> Run {
    let args: Vec<&str> = ["export"].iter().chain(options).copied().collect();
    run_on(home, &args, &repo(SAMPLE))
}

/// The text with all whitespace (U+3000 included) removed.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts two texts have the same words once whitespace is removed,
/// showing where they part if not.
fn assert_same_words(got: &str, want: &str, context: &str) {
    let (a, b) = (squeeze(got), squeeze(want));
    let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let near = |s: &str| {
        s.chars()
            .skip(at.saturating_sub(10))
            .take(30)
            .collect::<String>()
    };
    assert!(
        a == b,
        "{context}: char {at}: got …{}… want …{}…",
        near(&a),
        near(&b)
    );
}

/// The first tab-separated column of each line.
fn first_column(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.split('\t').next()).collect()
}

#[test]
fn export_reproduces_the_seed_report() {
    let home = tempfile::tempdir().unwrap();
    let out = export_sample(home.path(), &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let want = fs::read_to_string(repo(SAMPLE_TEXT)).unwrap();
    assert_same_words(&out.stdout, &want, "export vs the seed report");

    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[..2], TITLE, "the two title lines come first");
    for heading in HEADINGS {
        assert!(lines.contains(&heading), "{heading} not on its own line");
    }
    for line in &lines[2..] {
        if !line.is_empty() && !HEADINGS.contains(line) {
            assert!(line.starts_with("\u{3000}\u{3000}"), "not indented: {line}");
        }
    }
}

#[test]
fn check_passes_on_the_sample() {
    let home = tempfile::tempdir().unwrap();
    let text = run_on(home.path(), &["check"], &repo(SAMPLE));
    assert_eq!(text.code, Some(0), "{}{}", text.stdout, text.stderr);
    assert!(text.stdout.contains("共 0 个错误"), "{}", text.stdout);

    let json = run_on(home.path(), &["check", "--format", "json"], &repo(SAMPLE));
    assert_eq!(json.code, Some(0), "{}", json.stderr);
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report}");
}

#[test]
fn language_is_chinese_unless_english_is_asked_for() {
    let home = tempfile::tempdir().unwrap();
    let summary = |cmd: &mut Command| {
        let out = run(cmd);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        out.stdout.lines().last().unwrap_or_default().to_string()
    };
    let check = |args: &[&str]| {
        let mut cmd = ziping(home.path());
        cmd.args(args);
        cmd
    };
    let sample = repo(SAMPLE).display().to_string();
    // The CentOS/RHEL server default says nothing about the reader.
    let server = summary(check(&["check", &sample]).env("LANG", "en_US.UTF-8"));
    assert_eq!(server, "共 0 个错误，2 个警告，0 个提示");
    for args in [
        ["check", &sample, "--lang", "en"],
        ["--lang", "en", "check", &sample],
    ] {
        assert_eq!(
            summary(&mut check(&args)),
            "0 errors, 2 warnings, 0 notices",
            "{args:?}"
        );
    }
    let messages = summary(check(&["check", &sample]).env("LC_MESSAGES", "en_US.UTF-8"));
    assert_eq!(messages, "0 errors, 2 warnings, 0 notices");
    let config = home.path().join("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.json"), r#"{"lang": "en"}"#).unwrap();
    assert_eq!(
        summary(&mut check(&["check", &sample])),
        "0 errors, 2 warnings, 0 notices"
    );
    let flag = summary(&mut check(&["check", &sample, "--lang", "zh"]));
    assert_eq!(
        flag, "共 0 个错误，2 个警告，0 个提示",
        "--lang beats the config file"
    );
}

#[test]
fn editor_arguments_are_refused_with_a_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let sample = repo(SAMPLE).display().to_string();
    for args in [
        vec![sample.as_str(), "check", &sample],
        vec!["--theme", "dark", "check", &sample],
        vec!["--lang", "fr", "check", &sample],
    ] {
        let out = run(ziping(home.path()).args(&args));
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stdout);
    }
}

#[test]
fn export_wrap_keeps_lines_within_width() {
    let home = tempfile::tempdir().unwrap();
    let plain = export_sample(home.path(), &[]).stdout;
    for width in [20, 56, 80] {
        let out = export_sample(home.path(), &["--wrap", &width.to_string()]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        for line in out.stdout.lines() {
            assert!(line.width() <= width, "wider than {width}: {line}");
        }
        assert_same_words(&out.stdout, &plain, &format!("--wrap {width}"));
    }
}

#[test]

fn export_wrap_never_starts_a_line_with_closing_punctuation() {
    let home = tempfile::tempdir().unwrap();
    for width in [20, 56] {
        let out = export_sample(home.path(), &["--wrap", &width.to_string()]);
        for line in out.stdout.lines() {
            let first = line.chars().next().unwrap_or(' ');
            assert!(!"，。、；：）》”".contains(first), "--wrap {width}: {line}");
        }
    }
}

#[test]

fn export_wrap_splits_figures_wider_than_the_line() {
    let home = tempfile::tempdir().unwrap();
    let out = export_sample(home.path(), &["--wrap", "8"]);
    for line in out.stdout.lines() {
        assert!(line.width() <= 8, "wider than 8: {line}");
    }
}

#[test]
fn export_to_file() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    fs::copy(repo(SAMPLE), dir.join("p.json")).unwrap();
    let project = fs::read(dir.join("p.json")).unwrap();
    let shown = export_sample(dir, &[]).stdout;
    let export_to = |target: &str| {
        run(ziping(dir)
            .current_dir(dir)
            .args(["export", "p.json", "-o", target]))
    };

    let out = export_to("report.txt");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    assert_eq!(fs::read_to_string(dir.join("report.txt")).unwrap(), shown);

    fs::create_dir(dir.join("sub")).unwrap();
    let mut targets = vec!["p.json", "./p.json", "sub/../p.json"];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("p.json", dir.join("link.json")).unwrap();
        targets.push("link.json");
    }
    for target in targets {
        let out = export_to(target);
        assert_eq!(out.code, Some(2), "-o {target}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("项目文件本身"), "{}", out.stderr);
        assert_eq!(
            fs::read(dir.join("p.json")).unwrap(),
            project,
            "-o {target}"
        );
    }
}

#[cfg(unix)]
#[test]

fn export_to_existing_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let report = home.path().join("report.txt");
    fs::write(&report, "old").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o644)).unwrap();
    let out = export_sample(home.path(), &["-o", report.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let mode = fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "mode now {mode:o}");
}

#[test]
fn new_creates_project_for_every_builtin_template() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let listed = run(ziping(h).arg("templates"));
    assert_eq!(listed.code, Some(0), "{}", listed.stderr);
    let ids = first_column(&listed.stdout);
    assert!(
        ids.contains(&"hunan-narrative") && ids.contains(&"hunan-form"),
        "{ids:?}"
    );

    for id in ids {
        let file = h.join(format!("{id}.json"));
        let new = run_on(h, &["new", "--template", id], &file);
        assert_eq!(new.code, Some(0), "{id}: {}", new.stderr);
        let bytes = fs::read(&file).unwrap();
        let project: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(project["format"], "ziping-project", "{id}");

        let export = run_on(h, &["export"], &file);
        assert_eq!(export.code, Some(0), "{id}: {}", export.stderr);
        let check = run_on(h, &["check"], &file);
        assert_eq!(
            check.code,
            Some(1),
            "{id}: empty required fields are errors"
        );
        assert!(check.stdout.contains("此项必填"), "{id}: {}", check.stdout);

        let again = run_on(h, &["new", "--template", id], &file);
        assert_eq!(again.code, Some(2), "{id}: a second new must refuse");
        assert!(again.stderr.contains("已存在"), "{id}: {}", again.stderr);
        assert_eq!(fs::read(&file).unwrap(), bytes, "{id}: file overwritten");
    }
}

enum Setup {
    Bytes(Vec<u8>),
    Directory,
    Huge,
    Missing,
}

#[test]
fn broken_files_give_one_line_error_and_exit_2() {
    let sample = fs::read_to_string(repo(SAMPLE)).unwrap();
    let project: Value = serde_json::from_str(&sample).unwrap();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut p = project.clone();
        edit(&mut p);
        Setup::Bytes(serde_json::to_vec_pretty(&p).unwrap())
    };
    // The first 20 lines without the final newline: the JSON ends on line 20.
    let truncated = sample.lines().take(20).collect::<Vec<_>>().join("\n");
    let gbk = b"{\n\"unit\": \"\xd6\xd0\"}".to_vec();
    let template = fs::read(repo("templates/hunan-form.json")).unwrap();
    let cases = [
        ("words.json", Setup::Bytes(b"hello world".to_vec()), "第1行"),
        (
            "truncated.json",
            Setup::Bytes(truncated.into_bytes()),
            "第20行",
        ),
        ("empty.json", Setup::Bytes(Vec::new()), "空"),
        ("gbk.json", Setup::Bytes(gbk), "第2行"),
        ("folder.json", Setup::Directory, "目录"),
        ("template.json", Setup::Bytes(template), "format"),
        (
            "future.json",
            edited(&|p| p["schema"] = 99.into()),
            "schema",
        ),
        (
            "number.json",
            edited(&|p| p["template"]["sections"][0]["fields"][1]["kind"] = "number".into()),
            "template.sections[0].fields[1].kind",
        ),
        (
            "values.json",
            edited(&|p| p["values"] = json!(["不是", "对象"])),
            "values",
        ),
        ("huge.json", Setup::Huge, "过大"),
        ("missing.json", Setup::Missing, "不存在"),
    ];

    let home = tempfile::tempdir().unwrap();
    for (name, setup, place) in cases {
        let path = home.path().join(name);
        match setup {
            Setup::Bytes(bytes) => fs::write(&path, bytes).unwrap(),
            Setup::Directory => fs::create_dir(&path).unwrap(),
            // Sparse: over the 32 MB limit without writing 32 MB.
            Setup::Huge => fs::File::create(&path).unwrap().set_len(40 << 20).unwrap(),
            Setup::Missing => {}
        }
        let stamp = |p: &Path| fs::metadata(p).ok().map(|m| (m.modified().ok(), m.len()));
        let (before, bytes) = (stamp(&path), fs::read(&path).ok());
        for command in ["check", "export", "fields"] {
            let out = run_on(home.path(), &[command], &path);
            let (err, case) = (&out.stderr, format!("{command} {name}"));
            assert_eq!(out.code, Some(2), "{case}: {err}");
            assert_eq!(err.lines().count(), 1, "{case}: not one line: {err}");
            assert!(err.contains(name), "{case}: file not named: {err}");
            assert!(err.contains(place), "{case}: no {place}: {err}");
            for debug in ["panicked", "RUST_BACKTRACE", "Error {", "Os {", "kind: "] {
                assert!(!err.contains(debug), "{case}: debug output: {err}");
            }
            assert_eq!(stamp(&path), before, "{case}: file touched");
            assert_eq!(fs::read(&path).ok(), bytes, "{case}: file changed");
        }
    }
}

#[test]
fn broken_user_template_is_reported_by_name() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config").join("templates");
    fs::create_dir_all(&dir).unwrap();
    let builtin = fs::read_to_string(repo("templates/hunan-form.json")).unwrap();
    let mut good: Value = serde_json::from_str(&builtin).unwrap();
    good["id"] = "my-county".into();
    let mut dollars = good.clone();
    dollars["id"] = "dollar-county".into();
    dollars["sections"][0]["fields"][0] =
        json!({ "id": "unit", "label": "金额", "kind": "money", "unit": "美元" });
    fs::write(dir.join("good.json"), good.to_string()).unwrap();
    fs::write(dir.join("dollars.json"), dollars.to_string()).unwrap();
    let bad = "{\n  \"format\": \"ziping-template\",\n  \"id\": \n}";
    fs::write(dir.join("bad.json"), bad).unwrap();

    let out = run(ziping(home.path()).arg("templates"));
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    let ids = first_column(&out.stdout);
    assert!(ids.contains(&"my-county"), "{}", out.stdout);
    assert!(
        ids.contains(&"hunan-form"),
        "built-ins stay: {}",
        out.stdout
    );
    assert!(!ids.contains(&"dollar-county"), "{}", out.stdout);

    let problems = [
        ("bad.json", "第4行第1列"),
        ("dollars.json", "sections[0].fields[0].unit"),
    ];
    assert_eq!(out.stderr.lines().count(), problems.len(), "{}", out.stderr);
    for (name, place) in problems {
        let line = out.stderr.lines().find(|l| l.contains(name));
        assert!(
            line.is_some_and(|l| l.contains(place)),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn fields_lists_ids_kinds_and_values() {
    let home = tempfile::tempdir().unwrap();
    let text = run_on(home.path(), &["fields"], &repo(SAMPLE));
    assert_eq!(text.code, Some(0), "{}", text.stderr);
    let unit = "unit\ttext\t单位名称\t中共常宁市委组织部";
    assert!(
        text.stdout.lines().any(|l| l.starts_with(unit)),
        "{}",
        text.stdout
    );

    let json = run_on(home.path(), &["fields", "--format", "json"], &repo(SAMPLE));
    assert_eq!(json.code, Some(0), "{}", json.stderr);
    let rows: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    let year = rows.iter().find(|r| r["path"] == "year").unwrap();
    assert_eq!(year["value"], "2022", "{year}");
    assert_eq!(year["kind"], "year", "{year}");
}

#[cfg(unix)]
#[test]

fn output_into_a_closed_pipe_is_not_a_crash() {
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    for command in ["fields", "export"] {
        let mut child = locale::ziping_in(home.path())
            .arg(command)
            .arg(repo(SAMPLE))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -0`: the reader is gone before anything is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{command}: {err}");
    }
}

#[test]
fn set_takes_lang_after_its_pairs_and_negative_numbers_as_values() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("p.json");
    new_project(home.path(), &file);
    // `--lang` after the pairs is the option, not a path to set.
    let english = run(ziping(home.path()).arg("set").arg(&file).args([
        "preamble",
        "按照湘办发【2019】10号文件",
        "--lang",
        "en",
    ]));
    assert_eq!(english.code, Some(0), "{}", english.stderr);
    assert!(
        english.stderr.contains("warning") && english.stderr.contains("Saved"),
        "{}",
        english.stderr
    );
    // A negative number is still a value (refused as a year, with the
    // field named), not an unknown option.
    let negative = run(ziping(home.path())
        .arg("set")
        .arg(&file)
        .args(["year", "-5"]));
    assert_eq!(negative.code, Some(1), "{}", negative.stderr);
    assert!(
        negative.stderr.contains("year（年度）"),
        "{}",
        negative.stderr
    );
}

#[test]
fn json_listings_escape_what_a_terminal_would_act_on() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("p.json");
    new_project(home.path(), &file);
    // A C1 CSI and a right-to-left override: not escaped by JSON itself.
    let hostile = "导语\u{9b}2J倒\u{202e}序";
    let set = run(ziping(home.path())
        .arg("set")
        .arg(&file)
        .args(["preamble", hostile]));
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    let listed = run(ziping(home.path())
        .arg("fields")
        .arg(&file)
        .args(["--format", "json"]));
    assert!(listed.stdout.contains("\\u009b") && listed.stdout.contains("\\u202e"));
    assert!(!listed.stdout.contains('\u{9b}') && !listed.stdout.contains('\u{202e}'));
    let rows: Value = serde_json::from_str(&listed.stdout).unwrap();
    let preamble = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"] == "preamble")
        .unwrap();
    assert_eq!(preamble["value"], hostile, "the value reads back as typed");
}

#[test]
fn a_dumb_terminal_is_refused_and_pointed_to_the_commands() {
    let home = tempfile::tempdir().unwrap();
    let sample = repo(SAMPLE).display().to_string();
    for args in [vec![sample.as_str()], vec![]] {
        let out = run(ziping(home.path()).env("TERM", "dumb").args(&args));
        assert_eq!(out.code, Some(2), "{args:?}");
        assert_eq!(
            out.stderr.trim_end(),
            "ziping：终端不支持全屏界面（TERM=dumb）；请用 ziping check / export / set"
        );
    }
    // The commands it points to work there.
    let check = run(ziping(home.path())
        .env("TERM", "dumb")
        .args(["check", &sample]));
    assert_eq!(check.code, Some(0), "{}", check.stderr);
}
