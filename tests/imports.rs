//! No module imports a module that imports it back. ARCHITECTURE's intent:
//! the layers point one way (`tui` → `cli` never; `model/` not one big
//! circle), and a cycle is where that intent quietly breaks.
//!
//! How the graph is built, from the text of every `.rs` file under `src/`:
//! - a file is a module: `src/tui/app/overlay.rs` → `tui::app::overlay`,
//!   `src/model.rs` and `src/model/mod.rs` → `model`, `src/lib.rs` → the
//!   crate root; `src/main.rs` (the binary) and the files of
//!   `#[path = "…"] mod tests;` belong to no library module and are skipped;
//! - edges come from `use` declarations (`pub use`, groups over several
//!   lines, `crate::`, `super::`, `self::` and a child module's bare name)
//!   and from `crate::…` paths written inline in code. Each path names the
//!   longest module prefix that exists (`crate::model::check::Severity` →
//!   `model::check`); paths into other crates are not edges;
//! - the `#[cfg(test)] mod tests { … }` block is left out: clippy's
//!   `items_after_test_module` keeps it last in the file, so it is cut from
//!   its attribute to the end;
//! - `mod child;` itself is not an edge (every parent declares its
//!   children), but a *use* is, in either direction: a parent using its
//!   child's items while the child uses the parent's (`use super::Thing`) is
//!   a cycle like any other, since neither can be understood — or moved —
//!   without the other.

#[path = "common/sources.rs"]
mod sources;

use sources::rust_files;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        graph.contains_key("tui::app") && graph.contains_key("model::report"),
        "the source tree was not read: {:?}",
        graph.keys().collect::<Vec<_>>()
    );
    // There are none, and it is to stay so: declarations live apart from
    // what evaluates them (`model::schema`), dialogs say what they want done
    // (`dialog::outcome`) instead of importing the app, and what views and
    // dialogs share lives in leaves (`tui::text`, `tui::widgets`).
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "import cycles:\n{}",
        found
            .iter()
            .map(|c| format!("  {c}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_tui_does_not_import_the_cli() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let offenders: Vec<&String> = graph
        .iter()
        .filter(|(module, targets)| module.starts_with("tui") && targets.contains("cli"))
        .map(|(module, _)| module)
        .collect();
    assert!(
        offenders.is_empty(),
        "the TUI imports the CLI: {offenders:?}"
    );
}

#[test]
fn use_trees_and_paths_resolve_to_modules() {
    let modules: BTreeSet<String> = ["", "a", "a::b", "a::b::c", "d", "e"]
        .iter()
        .map(|m| m.to_string())
        .collect();
    let code = strip(
        "use super::{x, b::c::{Y, z as w}};\n// use crate::e;\npub(crate) use crate::d::{self, *};\n\
         let s = \"use crate::e;\"; let c = '{'; fn f<'a>() { crate::a::f() }\n\
         use std::fmt;\n#[cfg(test)]\nmod tests {\n    use crate::e;\n}\n",
    );
    let targets = imports(&code, "a::b", &modules);
    let want: BTreeSet<String> = ["a", "a::b::c", "d"]
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(targets, want);
}

/// Module path → the modules it imports.
fn graph(src: &Path) -> Graph {
    let files = rust_files(src);
    let skipped = path_attribute_files(&files);
    let mut sources = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(src).unwrap_or(file);
        if relative == Path::new("main.rs") || skipped.contains(file) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        sources.insert(module_path(relative), strip(&text));
    }
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(module, code)| (module.clone(), imports(code, module, &modules)))
        .collect()
}

/// Files named by `#[path = "…"]`: test modules that belong to the file
/// declaring them.
fn path_attribute_files(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut named = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for rest in text.split("#[path = \"").skip(1) {
            if let (Some(name), Some(dir)) = (rest.split('"').next(), file.parent()) {
                named.insert(dir.join(name));
            }
        }
    }
    named
}

/// `tui/app/overlay.rs` → `tui::app::overlay`; `model/mod.rs` → `model`;
/// `lib.rs` → `` (the crate root).
fn module_path(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// The code without comments, string and char literals (so neither a doc
/// comment nor a message mentioning `use crate::x` makes an edge), and
/// without the test module at the end.
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        if at(i, "#[cfg(test)]") {
            let rest: String = chars[i + 12..].iter().collect();
            let next = rest.trim_start();
            if next.starts_with("mod ") && next.split(';').next().is_some_and(|h| h.contains('{')) {
                break;
            }
        }
        if at(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            i = find(&chars, i + 2, "*/") + 2;
        } else if let Some(hashes) = raw_string_at(&chars, i) {
            let close = format!("\"{}", "#".repeat(hashes));
            i = find(&chars, i + 2 + hashes, &close) + close.chars().count();
            out.push_str("\"\"");
        } else if chars[i] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if chars[i] == '\'' && (at(i + 1, "\\") || chars.get(i + 2) == Some(&'\'')) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The number of `#`s when a raw string (`r"…"`, `r#"…"#`) starts at `i`.
fn raw_string_at(chars: &[char], i: usize) -> Option<usize> {
    let starts_word = i == 0 || !ident(chars.get(i - 1));
    let hashes = chars
        .get(i + 1..)?
        .iter()
        .take_while(|c| **c == '#')
        .count();
    (starts_word && chars[i] == 'r' && chars.get(i + 1 + hashes) == Some(&'"')).then_some(hashes)
}

fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The index where `needle` starts at or after `from` (the end if nowhere).
fn find(chars: &[char], from: usize, needle: &str) -> usize {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len())
        .find(|&i| chars[i..].starts_with(&needle))
        .unwrap_or(chars.len())
}

/// The modules (other than itself) that `module`'s code imports.
fn imports(code: &str, module: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut paths = Vec::new();
    for (index, _) in code.match_indices("use ") {
        if index == 0 || !ident(code[..index].chars().last().as_ref()) {
            let tree = code[index + 4..].split(';').next().unwrap_or_default();
            expand(&without_renames(tree), "", &mut paths);
        }
    }
    for (index, _) in code.match_indices("crate::") {
        if index == 0 || !ident(code[..index].chars().last().as_ref()) {
            let path: String = code[index..]
                .chars()
                .take_while(|c| ident(Some(c)) || *c == ':')
                .collect();
            paths.push(path);
        }
    }
    paths
        .iter()
        .filter_map(|p| resolve(p, module, modules))
        .filter(|target| target != module)
        .collect()
}

/// The use tree without whitespace and without `as name` renames.
fn without_renames(tree: &str) -> String {
    let mut out = String::new();
    let mut words = tree.split_whitespace();
    while let Some(word) = words.next() {
        if word == "as" {
            let renamed = words.next().unwrap_or_default();
            out.push_str(renamed.trim_start_matches(|c: char| ident(Some(&c))));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// `a::{b, c::{d, e}, self, *}` → `a::b`, `a::c::d`, `a::c::e`, `a`, `a`.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let join = |tail: &str| match (prefix.is_empty(), tail) {
        (true, _) => tail.to_string(),
        (false, "self" | "*" | "") => prefix.trim_end_matches("::").to_string(),
        (false, _) => format!("{prefix}::{tail}"),
    };
    let Some(open) = tree.find('{') else {
        out.push(join(tree.trim_end_matches("::")));
        return;
    };
    let head = join(tree[..open].trim_end_matches("::"));
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&inner[start..i], &head, out);
                start = i + 1;
            }
            _ => {}
        }
    }
    expand(&inner[start..], &head, out);
}

/// The longest existing module that `path`, written in `module`, names;
/// `None` for other crates.
fn resolve(path: &str, module: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut here: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut absolute: Vec<&str> = match segments.peek().copied() {
        Some("crate") => {
            segments.next();
            Vec::new()
        }
        Some("self" | "super") => {
            while let Some(s @ ("self" | "super")) = segments.peek().copied() {
                if s == "super" {
                    here.pop()?;
                }
                segments.next();
            }
            here
        }
        // A bare first segment is a child module if there is one (2018
        // paths), otherwise another crate.
        Some(first) if modules.contains(&join(&here, first)) => here,
        _ => return None,
    };
    let mut best = absolute.join("::");
    for segment in segments {
        absolute.push(segment);
        let candidate = absolute.join("::");
        if !modules.contains(&candidate) {
            break;
        }
        best = candidate;
    }
    Some(best)
}

fn join(module: &[&str], child: &str) -> String {
    module
        .iter()
        .copied()
        .chain([child])
        .collect::<Vec<_>>()
        .join("::")
}

/// Every elementary cycle, each once: rotated to start at its smallest
/// module and written `a → b → a`.
fn cycles(graph: &Graph) -> BTreeSet<String> {
    fn walk(graph: &Graph, start: &str, path: &mut Vec<String>, found: &mut BTreeSet<String>) {
        let Some(last) = path.last().cloned() else {
            return;
        };
        for next in graph.get(&last).into_iter().flatten() {
            if next == start {
                found.insert(format!("{} → {start}", path.join(" → ")));
            } else if next.as_str() > start && !path.contains(next) {
                path.push(next.clone());
                walk(graph, start, path, found);
                path.pop();
            }
        }
    }
    let mut found = BTreeSet::new();
    for start in graph.keys() {
        walk(graph, start, &mut vec![start.clone()], &mut found);
    }
    found
}
