//! Every sentence ziping says in two languages is declared in the strings
//! module (`src/strings.rs`, `src/strings/`), the two side by side, so they
//! cannot drift apart. This reads the sources, as `tests/imports.rs` does,
//! and fails on any `.pick("…", "…")` written elsewhere: such a pair belongs
//! in the strings module as a named `Text` or a function. The command table
//! in `src/tui/command.rs` is the one exception: its help texts are data,
//! declared once there beside each command.

#[path = "common/sources.rs"]
mod sources;

use sources::rust_files;
use std::path::Path;

/// Where literal pairs may be written, relative to `src/`.
const ALLOWED: &[&str] = &["strings.rs", "strings/", "tui/command.rs"];

#[test]
fn no_literal_pick_outside_the_strings_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(
        files.iter().any(|f| f.ends_with("tui/app.rs")),
        "the source tree was not read: {files:?}"
    );
    let mut places = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        let shown = relative.to_string_lossy().replace('\\', "/");
        if ALLOWED.iter().any(|a| shown.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for line in literal_picks(&text) {
            places.push(format!("  src/{shown}:{line}"));
        }
    }
    assert!(
        places.is_empty(),
        "sentences paired at their call site; declare them in src/strings/ instead:\n{}",
        places.join("\n")
    );
}

#[test]
fn a_pick_is_literal_when_a_string_opens_its_arguments() {
    let code = "lang.pick(\"a\", \"b\");\nlang.pick(zh, en);\nlet t = lang.pick(\n    r#\"c\"#,\n    \"d\",\n);\nlang.say(T);\n";
    assert_eq!(literal_picks(code), vec![1, 3]);
}

/// The lines (from 1) where a `.pick(` call starts whose first argument is
/// a string literal, even when rustfmt put it on the next line.
fn literal_picks(code: &str) -> Vec<usize> {
    code.match_indices(".pick(")
        .filter(|(at, call)| {
            let args = code[at + call.len()..].trim_start();
            args.starts_with('"') || args.starts_with("r\"") || args.starts_with("r#")
        })
        .map(|(at, _)| code[..at].matches('\n').count() + 1)
        .collect()
}
