//! A project: one report being written — a copy of its template, the values
//! typed so far and a little metadata.

use std::borrow::Cow;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::format_error::FormatError;
use super::held::Held;
use super::schema::{Field, Kind, Section, Template};
use super::table_value::TableValue;
use super::text::{CHOICE_SEPARATOR, placeholders, split_choices};
use super::validate::check_template;

/// The `format` of every project file.
pub const PROJECT_FORMAT: &str = "ziping-project";
/// The newest schema this build reads and the one it writes.
pub const SCHEMA: u32 = 1;

/// What is stored for one field. Everything is kept as typed, valid or not,
/// so nothing a writer entered is ever dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Entry {
    /// Text, narrative (paragraphs separated by `\n`) and every figure, as typed.
    Text(String),
    /// The items of a list field; an item may hold several paragraphs.
    Items(Vec<String>),
    /// The cells of a table field.
    Table(TableValue),
    /// Anything else found in a file (a number, an object …): kept and
    /// flagged rather than lost.
    Other(serde_json::Value),
}

impl Entry {
    pub fn is_empty(&self) -> bool {
        match self {
            Entry::Text(s) => s.trim().is_empty(),
            Entry::Items(items) => items.iter().all(|i| i.trim().is_empty()),
            Entry::Table(table) => table.is_empty(),
            Entry::Other(v) => v.is_null(),
        }
    }

    /// The entry as one editable text: list items are separated by a blank
    /// line, which is how the editor shows them.
    pub fn to_editor_text(&self) -> String {
        match self {
            Entry::Text(s) => s.clone(),
            Entry::Items(items) => items.join("\n\n"),
            // Pretty JSON, which `from_editor_text` reads back.
            Entry::Table(table) => serde_json::to_string_pretty(table).unwrap_or_default(),
            Entry::Other(v) => v.to_string(),
        }
    }

    /// The entry as the editor shows `field`: a multiple choice's options
    /// on one line, separated by 、; otherwise [`Entry::to_editor_text`].
    pub fn field_text(&self, field: &Field) -> String {
        match self {
            Entry::Items(items) if field.is_multiple() => items.join(CHOICE_SEPARATOR),
            _ => self.to_editor_text(),
        }
    }

    /// The inverse of [`Entry::field_text`]: a multiple choice becomes the
    /// list of what was chosen.
    pub fn from_field_text(field: &Field, text: &str) -> Entry {
        if field.is_multiple() {
            Entry::Items(split_choices(text).map(String::from).collect())
        } else {
            Entry::from_editor_text(field.kind(), text)
        }
    }

    /// The one text a single-value field holds — a multiple choice's
    /// options joined by 、, whether the file keeps them as a list or (as
    /// written before the field took several) as one text. `None` for a
    /// list, a table or anything else.
    pub fn value_text(&self, field: &Field) -> Option<Cow<'_, str>> {
        match self {
            Entry::Text(s) => Some(Cow::Borrowed(s)),
            Entry::Items(items) if field.is_multiple() => {
                Some(Cow::Owned(items.join(CHOICE_SEPARATOR)))
            }
            _ => None,
        }
    }

    /// The inverse of [`Entry::to_editor_text`] for a field of `kind`. Table
    /// text that is not a table's JSON is kept as text (and flagged), never
    /// dropped.
    pub fn from_editor_text(kind: Kind, text: &str) -> Entry {
        if kind == Kind::Table {
            return serde_json::from_str(text)
                .map_or_else(|_| Entry::Text(text.to_string()), Entry::Table);
        }
        if kind != Kind::List {
            return Entry::Text(text.to_string());
        }
        let mut items = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    items.push(current.join("\n"));
                    current.clear();
                }
            } else {
                current.push(line);
            }
        }
        if !current.is_empty() {
            items.push(current.join("\n"));
        }
        Entry::Items(items)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// RFC 3339, UTC.
    pub created: String,
    pub modified: String,
    /// The program and version that last wrote the file.
    pub generator: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project<T = Template> {
    pub format: String,
    pub schema: u32,
    pub meta: Meta,
    /// Field id → value, in template order when written.
    pub values: IndexMap<String, Entry>,
    /// Section id → the heading this report prints instead of the
    /// template's (部门基本情况 for 基本情况): wording is the writer's, not
    /// a new template. Left out of the file when empty, so files written
    /// before it existed are unchanged by a save.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub headings: IndexMap<String, String>,
    /// Title lines replacing the template's (same `{field}` placeholders);
    /// empty keeps the template's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    /// Text an import found no field for (see [`Held`]); left out of the
    /// file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Held>,
    /// Paragraph and list fields kept from last year by `ziping roll`
    /// (沿用去年), until edited or confirmed unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<String>,
    /// Last year's figures `ziping roll` cleared, by path
    /// (`funding.total.budget`): shown beside the empty cells, never
    /// exported.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub previous: IndexMap<String, String>,
    /// The template this report follows, copied in so the file opens on a
    /// machine that does not have it. Borrowed when written
    /// ([`Project::to_json`]): a clone would be most of the project again.
    pub template: T,
}

pub fn generator() -> String {
    format!("ziping {}", env!("CARGO_PKG_VERSION"))
}

impl Project {
    /// A fresh project with the template's defaults filled in.
    pub fn new(template: Template, now: &str) -> Project {
        let values = template
            .fields()
            .map(|f| (f.id.clone(), default_entry(f)))
            .collect();
        Project {
            format: PROJECT_FORMAT.to_string(),
            schema: SCHEMA,
            meta: Meta {
                created: now.to_string(),
                modified: now.to_string(),
                generator: generator(),
            },
            values,
            headings: IndexMap::new(),
            title: Vec::new(),
            unplaced: Vec::new(),
            carried: Vec::new(),
            previous: IndexMap::new(),
            template,
        }
    }

    /// Reads a project file's text. A newer schema or another format is
    /// refused before anything else is looked at, never guessed at.
    pub fn from_json(text: &str) -> Result<Project, FormatError> {
        let head: serde_json::Value = FormatError::deserialize(text)?;
        let format = head.get("format").and_then(|v| v.as_str());
        if format != Some(PROJECT_FORMAT) {
            let found = format.map_or("没有 format 字段".to_string(), |f| {
                format!("format 为 \"{f}\"")
            });
            return Err(FormatError::at_path(
                "format",
                format!("这不是 ziping 项目文件（{found}，应为 \"{PROJECT_FORMAT}\"）"),
            ));
        }
        if let Some(problem) = schema_problem(head.get("schema")) {
            return Err(FormatError::at_path("schema", problem));
        }
        let project: Project = FormatError::deserialize(text)?;
        // The embedded template is checked like a file on disk; its
        // mistakes are reported under `template.` so they can be found.
        check_template(&project.template).map_err(|e| FormatError {
            place: format!("template.{}", e.place),
            message: e.message,
        })?;
        Ok(project)
    }

    /// Pretty JSON with values in template order, so two versions of a
    /// report diff cleanly.
    pub fn to_json(&self) -> String {
        let normalized = |f: &Field, e: &Entry| match (e, f.table()) {
            (Entry::Table(t), Some(spec)) => Entry::Table(t.normalized(spec)),
            _ => e.clone(),
        };
        let values = self
            .template
            .fields()
            .filter_map(|f| {
                self.values
                    .get(&f.id)
                    .map(|e| (f.id.clone(), normalized(f, e)))
            })
            .chain(
                self.values
                    .iter()
                    .filter(|(id, _)| self.template.field(id).is_none())
                    .map(|(id, e)| (id.clone(), e.clone())),
            )
            .collect();
        let ordered = Project {
            format: self.format.clone(),
            schema: self.schema,
            meta: self.meta.clone(),
            values,
            headings: self.headings.clone(),
            title: self.title.clone(),
            unplaced: self.unplaced.clone(),
            carried: self.carried.clone(),
            previous: self.previous.clone(),
            template: &self.template,
        };
        let mut json = super::json::pretty(&ordered, 1);
        json.push('\n');
        json
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.values.get(id)
    }

    /// The text of a field, or "" when empty or not text.
    pub fn text(&self, id: &str) -> &str {
        match self.values.get(id) {
            Some(Entry::Text(s)) => s,
            _ => "",
        }
    }

    pub fn set(&mut self, id: &str, entry: Entry) {
        self.values.insert(id.to_string(), entry);
    }

    /// The heading printed for `section`: this report's wording, else
    /// [`Project::template_heading`].
    pub fn heading_of<'a>(&'a self, section: &'a Section) -> Cow<'a, str> {
        match self.headings.get(&section.id) {
            Some(own) => Cow::Borrowed(own),
            None => self.template_heading(section),
        }
    }

    /// The heading the template gives `section`: a repeated section's
    /// pattern once its placeholders are filled (`{project_name}` → the
    /// project's name), else its `heading`.
    pub fn template_heading<'a>(&'a self, section: &'a Section) -> Cow<'a, str> {
        let pattern = section.repeat.as_ref().and_then(|r| r.heading.as_deref());
        let filled = pattern.and_then(|p| {
            let ids = placeholders(p).ok()?;
            let mut line = p.to_string();
            for id in ids {
                let value = self.text(id).trim();
                if value.is_empty() {
                    return None;
                }
                line = line.replace(&format!("{{{id}}}"), value);
            }
            Some(line)
        });
        filled.map_or(Cow::Borrowed(section.heading.as_str()), Cow::Owned)
    }

    /// The title lines in force: this report's pattern, or the template's.
    pub fn title_lines(&self) -> &[String] {
        if self.title.is_empty() {
            &self.template.title
        } else {
            &self.title
        }
    }

    /// Values whose id the template does not know (from an older template).
    pub fn orphans(&self) -> impl Iterator<Item = (&String, &Entry)> {
        self.values
            .iter()
            .filter(|(id, _)| self.template.field(id).is_none())
    }
}

/// What is wrong with a file's `schema`, if anything: missing, not a
/// number, not a whole number, too large to be a version, a version no
/// ziping ever wrote, or one newer than this build.
fn schema_problem(value: Option<&serde_json::Value>) -> Option<String> {
    use serde_json::Value as V;
    let supported = match SCHEMA {
        1 => "本程序支持的版本为 1".to_string(),
        n => format!("本程序支持的版本为 1 至 {n}"),
    };
    let number = match value {
        None => return Some("缺少格式版本号 schema（应写作 \"schema\": 1）".into()),
        Some(V::Number(n)) => n,
        Some(V::String(s)) => {
            let shown = shorten(&format!("{s:?}"));
            let hint = if s.trim().parse::<u32>().is_ok() {
                format!("；请去掉引号，写作 \"schema\": {}", s.trim())
            } else {
                String::new()
            };
            return Some(format!(
                "格式版本号 schema 应为数字，文件中是文字 {shown}{hint}"
            ));
        }
        Some(other) => {
            let found = match other {
                V::Null => "空值 null".to_string(),
                V::Bool(b) => format!("真假值 {b}"),
                V::Array(_) => "列表".to_string(),
                _ => "对象".to_string(),
            };
            return Some(format!("格式版本号 schema 应为数字，文件中是{found}"));
        }
    };
    let shown = shorten(&number.to_string());
    let Some(version) = number.as_u64() else {
        // Not a whole number that fits 64 bits: huge, negative, a fraction.
        let huge = number
            .as_f64()
            .is_some_and(|f| f.is_infinite() || (f.fract() == 0.0 && f > 0.0));
        return Some(if huge {
            format!("格式版本号 schema 的值 {shown} 过大，不是有效的版本号（{supported}）")
        } else {
            format!("格式版本号 schema 应为正整数，文件中是 {shown}（{supported}）")
        });
    };
    match u32::try_from(version) {
        Err(_) => Some(format!(
            "格式版本号 schema 的值 {shown} 过大，不是有效的版本号（{supported}）"
        )),
        Ok(0) => Some(format!(
            "格式版本号 schema 为 0，没有这个版本（{supported}）"
        )),
        Ok(v) if v > SCHEMA => Some(format!(
            "文件格式版本为 {v}，本程序只支持到 {SCHEMA}：请升级 ziping 后再打开"
        )),
        Ok(_) => None,
    }
}

/// A value from the file as shown in a message: a number of a thousand
/// digits is cut to its start.
fn shorten(text: &str) -> String {
    const SHOWN: usize = 24;
    let count = text.chars().count();
    if count <= SHOWN {
        return text.to_string();
    }
    let head: String = text.chars().take(SHOWN).collect();
    format!("{head}…（共 {count} 个字符）")
}

/// What a new field starts with: an empty table with its fixed rows, or the
/// template's default text.
pub(super) fn default_entry(field: &Field) -> Entry {
    if let Some(spec) = field.table() {
        return Entry::Table(TableValue::new(spec));
    }
    let text = field.default.clone().unwrap_or_default();
    if field.kind() == Kind::List || field.is_multiple() {
        Entry::from_field_text(field, &text)
    } else {
        Entry::Text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_text_splits_items_on_blank_lines() {
        let entry = Entry::from_editor_text(Kind::List, "甲\n\n乙第一段\n乙第二段\n\n\n丙\n");
        assert_eq!(
            entry,
            Entry::Items(vec!["甲".into(), "乙第一段\n乙第二段".into(), "丙".into()])
        );
        assert_eq!(entry.to_editor_text(), "甲\n\n乙第一段\n乙第二段\n\n丙");
    }

    #[test]
    fn a_wrong_schema_says_what_is_wrong_with_it() {
        let huge = "9".repeat(400);
        let cases: &[(&str, Option<&str>)] = &[
            ("", Some("缺少格式版本号 schema")),
            (
                r#""schema": "1","#,
                Some("应为数字，文件中是文字 \"1\"；请去掉引号"),
            ),
            (r#""schema": "v2","#, Some("应为数字，文件中是文字 \"v2\"")),
            (r#""schema": null,"#, Some("应为数字，文件中是空值 null")),
            (r#""schema": true,"#, Some("应为数字，文件中是真假值 true")),
            (r#""schema": [1],"#, Some("应为数字，文件中是列表")),
            (r#""schema": {"v": 1},"#, Some("应为数字，文件中是对象")),
            (r#""schema": 1.5,"#, Some("应为正整数，文件中是 1.5")),
            (r#""schema": -1,"#, Some("应为正整数，文件中是 -1")),
            (
                r#""schema": 0,"#,
                Some("为 0，没有这个版本（本程序支持的版本为 1）"),
            ),
            (
                r#""schema": 2,"#,
                Some("文件格式版本为 2，本程序只支持到 1：请升级"),
            ),
            (r#""schema": 4294967296,"#, Some("的值 4294967296 过大")),
            (
                r#""schema": 18446744073709551616,"#,
                Some("过大，不是有效的版本号"),
            ),
            (r#""schema": 1e30,"#, Some("过大，不是有效的版本号")),
            (&format!(r#""schema": {huge},"#), Some("…（共 400 个字符）")),
            (r#""schema": 1,"#, None),
        ];
        let sample = crate::catalog::new_project("hunan-form").to_json();
        let body = sample
            .replacen("\"schema\": 1,", "", 1)
            .replacen('{', "", 1);
        for (schema, want) in cases {
            let text = format!("{{{schema}{body}");
            let got = Project::from_json(&text).err().map(|e| e.to_string());
            match (want, &got) {
                (None, None) => {}
                (Some(want), Some(got)) => {
                    assert!(got.starts_with("schema："), "{schema}: {got}");
                    assert!(got.contains(want), "{schema}: {got}");
                    assert!(
                        !got.contains("缺少") || schema.is_empty(),
                        "{schema}: {got}"
                    );
                }
                _ => panic!("{schema}: {got:?}"),
            }
        }
    }

    #[test]
    fn emptiness_ignores_whitespace() {
        assert!(Entry::Text(" \n".into()).is_empty());
        assert!(Entry::Items(vec![String::new()]).is_empty());
        assert!(!Entry::Text("字".into()).is_empty());
    }
}
