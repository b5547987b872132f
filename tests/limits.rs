//! Formula bombs — a template whose formula would run for minutes and
//! take gigabytes — are stopped by a limit, whether the template is a
//! project's own copy or a user's template file, and `ziping check` says
//! which template, which formula and which limit. How long the stop takes
//! is measured in the bench.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

#[path = "common/locale.rs"]
mod locale;

use serde_json::{Value, json};

const TEMPLATE: &str = "project-selfeval";
const NAME: &str = "项目支出绩效自评表";

/// What each bomb makes, and the words of the limit that stops it.
const BOMBS: [(&str, &str); 3] = [
    (r#""a".pad(3000000000,"b")"#, "文字长度上限（1048576 字节）"),
    ("[].pad(3000000000, 0)", "列表长度上限（100000 项）"),
    (
        "[].pad(50000, #{a: 1, b: 2, c: 3})",
        "映射条目数上限（100000 个）",
    ),
];

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Runs `ziping` in `home`, killed if a bomb got through and it runs on.
fn run(home: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = locale::ziping_in(home)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("ziping runs: {e}"));
    let start = Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("{args:?}: not stopped within 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("output: {e}"));
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

fn builtin() -> Value {
    let text = fs::read_to_string(repo(&format!("templates/{TEMPLATE}.json")))
        .unwrap_or_else(|e| panic!("template: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("json: {e}"))
}

/// The template with the 执行率 column's formula replaced by `bomb`, and a
/// report-wide check whose condition sets it off too.
fn armed(mut template: Value, bomb: &str) -> Value {
    let columns = template["sections"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .flat_map(|s| s["fields"].as_array_mut().into_iter().flatten())
        .find(|f| f["id"] == "funding")
        .and_then(|f| f["table"]["columns"].as_array_mut())
        .unwrap_or_else(|| panic!("the funding table"));
    let rate = columns
        .iter_mut()
        .find(|c| c["id"] == "rate")
        .unwrap_or_else(|| panic!("the rate column"));
    rate["formula"] = format!("{bomb}.len()").into();
    template["checks"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("checks"))
        .push(json!({
            "at": "funding",
            "assert": format!("{bomb}.len() == 0"),
            "severity": "error",
            "message": "不应出现",
        }));
    template
}

/// `check`'s lines about a formula that went over `limit`.
fn assert_stopped(listing: &str, bomb: &str, limit: &str, template: (&str, &str)) {
    let (id, name) = template;
    let lines: Vec<&str> = listing.lines().filter(|l| l.contains(limit)).collect();
    let column = lines.iter().find(|l| l.contains("执行率（B/A）"));
    assert!(column.is_some(), "the column's formula: {listing}");
    assert!(lines.len() >= 2, "the check's condition too: {listing}");
    for line in lines {
        assert!(
            line.contains(&format!("模板“{name}”（{id}）的公式出错")),
            "{line}"
        );
        assert!(line.contains(&format!("公式“{bomb}.len()")), "{line}");
        assert!(line.contains("已停止计算"), "{line}");
        assert!(line.contains("［funding］"), "{line}");
    }
}

#[test]
fn a_bomb_in_a_projects_template_copy_is_stopped_by_a_limit() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let plain = home.path().join("plain.json");
    let plain_path = plain.to_str().unwrap_or_default();
    let (code, out) = run(home.path(), &["new", plain_path, "--template", TEMPLATE]);
    assert_eq!(code, Some(0), "{out}");
    let text = fs::read_to_string(&plain).unwrap_or_else(|e| panic!("read: {e}"));
    let project: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("json: {e}"));
    for (i, (bomb, limit)) in BOMBS.into_iter().enumerate() {
        let mut project = project.clone();
        project["template"] = armed(project["template"].take(), bomb);
        let path = home.path().join(format!("bomb{i}.json"));
        fs::write(&path, project.to_string()).unwrap_or_else(|e| panic!("write: {e}"));
        let (code, listing) = run(home.path(), &["check", path.to_str().unwrap_or_default()]);
        assert_eq!(code, Some(1), "{listing}");
        assert_stopped(&listing, bomb, limit, (TEMPLATE, NAME));
    }
}

#[test]
fn a_bomb_in_a_user_template_is_stopped_by_a_limit() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let templates = home.path().join("config").join("templates");
    fs::create_dir_all(&templates).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let (bomb, limit) = BOMBS[0];
    let mut template = armed(builtin(), bomb);
    template["id"] = "bomb-county".into();
    template["name"] = "某县模板".into();
    let file = templates.join("bomb.json");
    fs::write(&file, template.to_string()).unwrap_or_else(|e| panic!("write: {e}"));
    // Loading the template only compiles its formulas: listed at once.
    let (code, listing) = run(home.path(), &["templates"]);
    assert_eq!(code, Some(0), "{listing}");
    assert!(listing.contains("bomb-county"), "{listing}");
    let project = home.path().join("report.json");
    let path = project.to_str().unwrap_or_default();
    let (code, out) = run(home.path(), &["new", path, "--template", "bomb-county"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, listing) = run(home.path(), &["check", path]);
    assert_eq!(code, Some(1), "{listing}");
    assert_stopped(&listing, bomb, limit, ("bomb-county", "某县模板"));
    let (_, english) = run(home.path(), &["--lang", "en", "check", path]);
    assert!(
        english.contains(
            "A formula of the template \"某县模板\" (bomb-county) failed; please fix the template: \
             The formula \"\"a\".pad(3000000000,\"b\").len()\" went over the limit of 1048576 bytes of text and was stopped"
        ),
        "{english}"
    );
}
