//! The command line's help, errors, shell completions and man page as a
//! user meets them: Chinese unless English is asked for (an English `LANG`
//! alone does not switch), generated from the same definition that parses.

// Helpers shared by the tests unwrap as the tests do.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Stdio};

#[path = "common/locale.rs"]
mod locale;

use locale::{Run, run_in};

const SUBCOMMANDS: [&str; 11] = [
    "new",
    "export",
    "check",
    "templates",
    "recover",
    "set",
    "add",
    "remove",
    "fields",
    "completions",
    "man",
];

fn ziping(args: &[&str]) -> Run {
    let home = tempfile::tempdir().unwrap();
    run_in(home.path(), args)
}

fn ziping_env(args: &[&str], var: &str, value: &str) -> Run {
    let home = tempfile::tempdir().unwrap();
    let out = locale::ziping_in(home.path())
        .env(var, value)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn assert_chinese_help(help: &str, what: &str) {
    for word in ["用法：", "选项:", "显示帮助"] {
        assert!(help.contains(word), "{what}: no {word} in\n{help}");
    }
    for word in [
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "possible values",
        "default:",
    ] {
        assert!(!help.contains(word), "{what}: English {word} in\n{help}");
    }
}

#[test]
fn help_is_chinese_for_every_subcommand() {
    let top = ziping(&["--help"]);
    assert_eq!(top.code, Some(0), "{}", top.stderr);
    assert_chinese_help(&top.stdout, "ziping --help");
    assert!(top.stdout.contains("命令:"), "{}", top.stdout);
    for sub in SUBCOMMANDS {
        let listed = top
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{sub} ")))
            .unwrap_or_else(|| panic!("{sub} not listed in\n{}", top.stdout));
        assert!(has_chinese(listed), "{listed}");
        let help = ziping(&[sub, "--help"]);
        assert_eq!(help.code, Some(0), "{sub}: {}", help.stderr);
        assert_chinese_help(&help.stdout, sub);
        let first = help.stdout.lines().next().unwrap_or_default();
        assert!(has_chinese(first), "{sub}: {first}");
    }
    let export = ziping(&["export", "--help"]).stdout;
    assert!(
        export.contains("（可选：text、docx、md）（默认：text）"),
        "{export}"
    );
}

#[test]
fn english_help_only_when_english_is_asked_for() {
    for args in [
        vec!["--lang", "en", "--help"],
        vec!["--help", "--lang=en"],
        vec!["check", "--help", "--lang", "en"],
    ] {
        let out = ziping(&args);
        assert_eq!(out.code, Some(0), "{args:?}");
        assert!(out.stdout.contains("Usage:"), "{args:?}: {}", out.stdout);
        assert!(out.stdout.contains("Options:"), "{args:?}: {}", out.stdout);
        assert!(!has_chinese(&out.stdout), "{args:?}: {}", out.stdout);
    }
    let server = ziping_env(&["--help"], "LANG", "en_US.UTF-8");
    assert_chinese_help(&server.stdout, "LANG=en_US.UTF-8");
    let messages = ziping_env(&["--help"], "LC_MESSAGES", "en_US.UTF-8");
    assert!(messages.stdout.contains("Usage:"), "{}", messages.stdout);
}

#[test]
fn argument_errors_are_worded_in_chinese_by_their_kind() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["check", "x", "--formt", "json"],
            "无法识别的参数“--formt”；是不是想用“--format”？",
        ),
        (&["check"], "缺少必需的参数：<FILE>"),
        (
            &["export", "x", "--format", "pdf"],
            "“pdf”不是 --format <FORMAT> 可用的值；可用的值：text, docx, md",
        ),
        (&["export", "x", "--wrap", "3"], "应为不小于 8 的整数"),
        (
            &["recover", "x", "--list", "--from", "y"],
            "不能与 --from <COPY> 同用",
        ),
        (
            &["--theme", "dark", "check", "x"],
            "--theme 只用于打开编辑器，不能与子命令同用",
        ),
    ];
    for (args, want) in cases {
        let out = ziping(args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert!(
            out.stderr.starts_with("ziping：错误："),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(want), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains("error:"), "{args:?}: {}", out.stderr);
    }
    let english = ziping(&["--lang", "en", "check", "x", "--formt"]);
    assert_eq!(english.code, Some(2));
    assert!(
        english.stderr.contains("unexpected argument '--formt'"),
        "{}",
        english.stderr
    );
}

fn completions(shell: &str) -> String {
    let out = ziping(&["completions", shell]);
    assert_eq!(out.code, Some(0), "{shell}: {}", out.stderr);
    for sub in ["check", "export", "recover"] {
        assert!(out.stdout.contains(sub), "{shell}: no {sub}");
    }
    out.stdout
}

/// Runs `shell -n` (parse only) on `script` where the shell is installed.
fn parses(shell: &str, script: &str) -> Option<bool> {
    let mut child = Command::new(shell)
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(script.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    Some(out.status.success())
}

#[test]
fn completions_generate_and_parse() {
    let bash = completions("bash");
    assert_eq!(parses("bash", &bash), Some(true), "bash -n refused it");
    // And they complete: `ziping ch<Tab>` offers check.
    let script = format!(
        "{bash}\nCOMP_WORDS=(ziping ch); COMP_CWORD=1; COMP_LINE='ziping ch'; COMP_POINT=9\n\
         _ziping ziping ch ziping\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    let offered = String::from_utf8_lossy(&out.stdout);
    assert!(offered.lines().any(|l| l == "check"), "offered: {offered}");
    for shell in ["zsh", "fish"] {
        let script = completions(shell);
        // Parsed where the shell is installed (fish -n and zsh -n exist).
        if let Some(ok) = parses(shell, &script) {
            assert!(ok, "{shell} -n refused it");
        }
    }
    let fish = completions("fish");
    assert!(fish.contains("列出所有问题"), "descriptions in Chinese");
    let english = ziping(&["completions", "fish", "--lang", "en"]).stdout;
    assert!(english.contains("List every problem"), "{english}");
}

#[test]
fn the_man_page_renders() {
    for (args, name, options) in [
        (vec!["man"], "自评", "选项"),
        (vec!["man", "--lang", "en"], "evaluation reports", "OPTIONS"),
    ] {
        let out = ziping(&args);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let page = out.stdout;
        assert!(page.contains(".TH ziping 1"), "{page}");
        for part in [".SH NAME", ".SH SYNOPSIS", name, "check", "export"] {
            assert!(page.contains(part), "{args:?}: no {part}");
        }
        // Rendered by man itself where it is installed (CI has man-db).
        let Ok(mut child) = Command::new("man")
            .args(["-l", "-"])
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        else {
            continue;
        };
        child
            .stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
        let shown = child.wait_with_output().unwrap();
        assert!(
            shown.status.success(),
            "{}",
            String::from_utf8_lossy(&shown.stderr)
        );
        let text = String::from_utf8_lossy(&shown.stdout);
        for part in [
            "NAME",
            "SYNOPSIS",
            options,
            "ziping [OPTIONS] [FILE]",
            "check",
        ] {
            assert!(
                text.contains(part),
                "{args:?}: {part} not rendered:\n{text}"
            );
        }
    }
}
