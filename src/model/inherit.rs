//! Template inheritance: a template that says `"inherits": "ID"` is its base
//! with the changes it lists. The merge works on the JSON both are written
//! in (before any checking), so an extension can change anything a template
//! can say, and the result is then checked as one whole template. Finding
//! the base (built in or a user file) is the catalog's business: this module
//! reads no files.
//!
//! The rules (`docs/templates.md`, "Inheriting a template"):
//!
//! 1. top-level keys of the extension other than `inherits`, `overrides` and
//!    `checks` replace the base's (`id`, `name`, `title` …; merged like an
//!    override's keys, below);
//! 2. `checks` are appended, except one with the `id` of a base check, which
//!    replaces it where it stands;
//! 3. `overrides` are applied in order, each naming one thing by the paths
//!    `ziping fields` shows: `{"section": ID}`, `{"field": ID}`,
//!    `{"column": "TABLE.COLUMN"}` or `{"check": ID}`. Its other keys are
//!    merged into that thing's as a JSON Merge Patch (an object key by key,
//!    `null` removes, anything else replaces); `"remove": true` removes it;
//!    `"after"` / `"before"` move it among its siblings, `"in": SECTION`
//!    moves a section or field into another section (a report putting a
//!    table's sections under its 附表); `"new": true` adds it (placed by
//!    `after`, `before` or `"in": SECTION`, else at the end).
//!
//! An override that names nothing in the base (or adds what is there) is an
//! error naming both templates and the path.

use serde_json::{Map, Value};

use super::format_error::FormatError;

/// What an override names, and the JSON key that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Section(String),
    Field(String),
    Column(String, String),
    Check(String),
}

/// Keys of an override that say what to do, not what to set.
const CONTROL: [&str; 8] = [
    "section", "field", "column", "check", "remove", "new", "after", "before",
];
/// `in` is a control key too: where a new item goes, or where a section or
/// field moves to.
const IN: &str = "in";

/// The base's id, for error messages; the extension's is in `child`.
fn id_of(template: &Value) -> String {
    template
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string()
}

/// `child` applied to `base` (both as written, `base` already resolved).
/// The result has no `inherits` or `overrides`: it is a whole template.
pub fn merge(base: &Value, child: &Value) -> Result<Value, FormatError> {
    let (Some(base_map), Some(child_map)) = (base.as_object(), child.as_object()) else {
        return Err(FormatError::at_path("", "模板应是一个 JSON 对象"));
    };
    let names = Names {
        base: id_of(base),
        child: id_of(child),
    };
    let mut out = base_map.clone();
    for (key, value) in child_map {
        if !matches!(key.as_str(), "inherits" | "overrides" | "checks") {
            patch_key(&mut out, key, value);
        }
    }
    let mut out = Value::Object(out);
    if let Some(checks) = child_map.get("checks") {
        add_checks(&mut out, checks)?;
    }
    match child_map.get("overrides") {
        None => {}
        Some(Value::Array(list)) => {
            for (i, item) in list.iter().enumerate() {
                apply(&mut out, item, &names)
                    .map_err(|message| FormatError::at_path(format!("overrides[{i}]"), message))?;
            }
        }
        Some(_) => return Err(FormatError::at_path("overrides", "overrides 应是一个列表")),
    }
    Ok(out)
}

struct Names {
    base: String,
    child: String,
}

impl Names {
    fn nothing(&self, what: &str) -> String {
        format!(
            "基础模板 \"{}\" 中没有{what}（模板 \"{}\" 继承自它）",
            self.base, self.child
        )
    }
}

fn add_checks(out: &mut Value, checks: &Value) -> Result<(), FormatError> {
    let not_list = || FormatError::at_path("checks", "checks 应是一个列表");
    let Value::Array(new) = checks else {
        return Err(not_list());
    };
    let list = list_at(out, "/checks").ok_or_else(not_list)?;
    for check in new {
        let id = check.get("id").and_then(Value::as_str);
        let same = id.and_then(|id| position(list, id));
        match same {
            Some(i) => list[i] = check.clone(),
            None => list.push(check.clone()),
        }
    }
    Ok(())
}

/// The array at `pointer`, made (empty) if the template has none there but
/// has the object that would hold it.
fn list_at<'a>(root: &'a mut Value, pointer: &str) -> Option<&'a mut Vec<Value>> {
    if root.pointer(pointer).is_none_or(|v| !v.is_array())
        && let Some((parent, key)) = pointer.rsplit_once('/')
        && let Some(Value::Object(map)) = root.pointer_mut(parent)
    {
        map.insert(key.to_string(), Value::Array(Vec::new()));
    }
    root.pointer_mut(pointer).and_then(Value::as_array_mut)
}

fn position(list: &[Value], id: &str) -> Option<usize> {
    list.iter()
        .position(|item| item.get("id").and_then(Value::as_str) == Some(id))
}

fn target_of(item: &Map<String, Value>) -> Result<Target, String> {
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
    let named: Vec<Target> = [
        text("section").map(Target::Section),
        text("field").map(Target::Field),
        text("column").map(|path| match path.split_once('.') {
            Some((table, column)) => Target::Column(table.into(), column.into()),
            None => Target::Column(path, String::new()),
        }),
        text("check").map(Target::Check),
    ]
    .into_iter()
    .flatten()
    .collect();
    match named.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(
            "每项修改要用且只用 section、field、column、check 之一指明改的是什么（如 {\"column\": \"indicators.target\"}）"
                .into(),
        ),
    }
}

impl Target {
    fn words(&self) -> String {
        match self {
            Target::Section(id) => format!("章节 \"{id}\""),
            Target::Field(id) => format!("字段 \"{id}\""),
            Target::Column(table, column) => format!("列 \"{table}.{column}\""),
            Target::Check(id) => format!("检查 \"{id}\""),
        }
    }

    fn id(&self) -> &str {
        match self {
            Target::Section(id) | Target::Field(id) | Target::Check(id) => id,
            Target::Column(_, column) => column,
        }
    }
}

/// Every list of sections in the template, by JSON pointer, outermost first.
fn section_lists(root: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec!["/sections".to_string()];
    while let Some(pointer) = stack.pop() {
        if let Some(Value::Array(list)) = root.pointer(&pointer) {
            for i in (0..list.len()).rev() {
                stack.push(format!("{pointer}/{i}/sections"));
            }
            out.push(pointer);
        }
    }
    out
}

/// The list holding the section with `id`, and where in it.
fn find_section(root: &Value, id: &str) -> Option<(String, usize)> {
    section_lists(root).into_iter().find_map(|pointer| {
        let list = root.pointer(&pointer)?.as_array()?;
        Some((pointer, position(list, id)?))
    })
}

fn find_field(root: &Value, id: &str) -> Option<(String, usize)> {
    section_lists(root).into_iter().find_map(|pointer| {
        let sections = root.pointer(&pointer)?.as_array()?;
        sections.iter().enumerate().find_map(|(i, section)| {
            let fields = section.get("fields")?.as_array()?;
            Some((format!("{pointer}/{i}/fields"), position(fields, id)?))
        })
    })
}

/// The list where `target` lives (or would live), and its place in it.
fn find(root: &Value, target: &Target) -> (Option<String>, Option<usize>) {
    let split = |found: Option<(String, usize)>| match found {
        Some((list, i)) => (Some(list), Some(i)),
        None => (None, None),
    };
    match target {
        Target::Section(id) => split(find_section(root, id)),
        Target::Field(id) => split(find_field(root, id)),
        Target::Column(table, column) => {
            let Some((list, i)) = find_field(root, table) else {
                return (None, None);
            };
            let columns = format!("{list}/{i}/table/columns");
            let at = root
                .pointer(&columns)
                .and_then(Value::as_array)
                .and_then(|list| position(list, column));
            (Some(columns).filter(|p| root.pointer(p).is_some()), at)
        }
        Target::Check(id) => {
            let at = root
                .pointer("/checks")
                .and_then(Value::as_array)
                .and_then(|list| position(list, id));
            (Some("/checks".into()), at)
        }
    }
}

fn apply(root: &mut Value, item: &Value, names: &Names) -> Result<(), String> {
    let Some(item) = item.as_object() else {
        return Err("每项修改应是一个 JSON 对象".into());
    };
    let target = target_of(item)?;
    let flag = |key: &str| item.get(key).and_then(Value::as_bool).unwrap_or(false);
    let (list, at) = find(root, &target);
    if flag("new") {
        if at.is_some() {
            return Err(format!(
                "基础模板 \"{}\" 中已有{}：要修改它，去掉 \"new\"",
                names.base,
                target.words()
            ));
        }
        return add(root, item, &target, list, names);
    }
    let (Some(list), Some(at)) = (list, at) else {
        return Err(names.nothing(&target.words()));
    };
    let Some(entries) = list_at(root, &list) else {
        return Err(names.nothing(&target.words()));
    };
    if flag("remove") {
        entries.remove(at);
        return Ok(());
    }
    if let Some(Value::Object(map)) = entries.get_mut(at) {
        for (key, value) in item {
            if !CONTROL.contains(&key.as_str()) && key != IN {
                patch_key(map, key, value);
            }
        }
    }
    match item.get(IN).and_then(Value::as_str) {
        None => place(entries, at, item, names),
        Some(section) => move_into(root, (&list, at), section, item, &target, names),
    }
}

/// Moves the section or field at `from` (its list's pointer and its place)
/// to the end of section `inside`, then beside its `after` / `before`
/// sibling there if one is named.
fn move_into(
    root: &mut Value,
    from: (&str, usize),
    inside: &str,
    item: &Map<String, Value>,
    target: &Target,
    names: &Names,
) -> Result<(), String> {
    let key = match target {
        Target::Section(_) => "sections",
        Target::Field(_) => "fields",
        _ => return Err("\"in\" 只能把章节或字段移入另一个章节".into()),
    };
    let (list, at) = from;
    let Some((sections, i)) = find_section(root, inside) else {
        return Err(names.nothing(&format!("章节 \"{inside}\"")));
    };
    // A section cannot hold itself: its own place, or one inside it.
    if format!("{sections}/{i}/").starts_with(&format!("{list}/{at}/")) {
        return Err(format!(
            "{}不能移入它自己或它下面的章节 \"{inside}\"",
            target.words()
        ));
    }
    let Some(moved) = list_at(root, list).map(|entries| entries.remove(at)) else {
        return Err(names.nothing(&target.words()));
    };
    // Taking it out may have moved the destination up its list.
    let destination = find_section(root, inside).map(|(l, i)| format!("{l}/{i}/{key}"));
    let Some(entries) = destination.and_then(|d| list_at(root, &d)) else {
        return Err(names.nothing(&format!("章节 \"{inside}\"")));
    };
    entries.push(moved);
    let at = entries.len() - 1;
    place(entries, at, item, names)
}

/// Sets `key` as a JSON Merge Patch (RFC 7396) does, so a nested setting
/// (a table's `reading`) changes without copying the rest: an object merges
/// key by key, `null` removes, anything else (a text, a list) replaces.
fn patch_key(map: &mut Map<String, Value>, key: &str, patch: &Value) {
    match (map.get_mut(key), patch) {
        (_, Value::Null) => {
            map.remove(key);
        }
        (Some(Value::Object(old)), Value::Object(new)) => {
            for (key, value) in new {
                patch_key(old, key, value);
            }
        }
        _ => {
            map.insert(key.to_string(), strip_nulls(patch));
        }
    }
}

/// A value set where there was none has no `null`s to remove.
fn strip_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Moves the item at `at` to its `after` / `before` sibling, if one is named.
fn place(
    list: &mut Vec<Value>,
    at: usize,
    item: &Map<String, Value>,
    names: &Names,
) -> Result<(), String> {
    let anchor = |key: &'static str| item.get(key).and_then(Value::as_str).map(|s| (key, s));
    let Some((key, sibling)) = anchor("after").or_else(|| anchor("before")) else {
        return Ok(());
    };
    let moved = list.remove(at);
    let Some(i) = position(list, sibling) else {
        list.insert(at, moved);
        return Err(format!(
            "\"{key}\" 所指的 \"{sibling}\" 不在同一列表中（基础模板 \"{}\"，模板 \"{}\"）",
            names.base, names.child
        ));
    };
    list.insert(if key == "after" { i + 1 } else { i }, moved);
    Ok(())
}

/// A new section, field, column or check, from the override's other keys.
fn add(
    root: &mut Value,
    item: &Map<String, Value>,
    target: &Target,
    list: Option<String>,
    names: &Names,
) -> Result<(), String> {
    let mut made = Map::new();
    made.insert("id".into(), Value::String(target.id().to_string()));
    for (key, value) in item {
        if !CONTROL.contains(&key.as_str()) && key != IN && key != "id" && !value.is_null() {
            made.insert(key.clone(), value.clone());
        }
    }
    let sibling = ["after", "before"]
        .iter()
        .find_map(|key| item.get(*key).and_then(Value::as_str));
    let inside = item.get(IN).and_then(Value::as_str);
    let list = match target {
        Target::Column(..) | Target::Check(_) => list,
        Target::Section(_) | Target::Field(_) => {
            let kind = |id: &str| match target {
                Target::Section(_) => Target::Section(id.into()),
                _ => Target::Field(id.into()),
            };
            match (sibling, inside) {
                (Some(id), _) => find(root, &kind(id)).0,
                (None, Some(section)) => {
                    let key = match target {
                        Target::Section(_) => "sections",
                        _ => "fields",
                    };
                    find_section(root, section).map(|(list, i)| format!("{list}/{i}/{key}"))
                }
                (None, None) => match target {
                    Target::Section(_) => Some("/sections".into()),
                    _ => {
                        return Err(
                            "新字段要用 \"in\"（章节 id）、\"after\" 或 \"before\"（字段 id）指明放在哪里"
                                .into(),
                        );
                    }
                },
            }
        }
    };
    let Some(list) = list else {
        let missing = match (target, sibling, inside) {
            (Target::Column(table, _), ..) => format!("表格字段 \"{table}\""),
            (_, Some(id), _) => format!("\"{id}\""),
            (_, None, Some(section)) => format!("章节 \"{section}\""),
            _ => target.words(),
        };
        return Err(names.nothing(&missing));
    };
    let Some(entries) = list_at(root, &list) else {
        return Err(names.nothing(&target.words()));
    };
    entries.push(Value::Object(made));
    let at = entries.len() - 1;
    place(entries, at, item, names)
}

#[cfg(test)]
#[path = "inherit_tests.rs"]
mod tests;
