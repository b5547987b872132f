//! Templates: the outline of a report as data. A new province's layout is a
//! new JSON file, never new code.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::crosscheck::CrossCheck;
use super::field::{Field, Kind};
use super::format_error::FormatError;
use super::numbering::Numbering;
use super::text::{is_identifier, placeholders};
use super::value;

/// The `format` every template file declares, so a project file or any other
/// JSON handed to `ziping` as a template is recognised as the wrong thing.
pub const TEMPLATE_FORMAT: &str = "ziping-template";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub format: String,
    pub id: String,
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Numbering of headings by depth: 一、 → （一） → 1、 → （1） by default.
    #[serde(default = "default_numbering")]
    pub numbering: Vec<Numbering>,
    /// Title lines with `{field_id}` placeholders; a line whose placeholders
    /// are all empty is left out (an unused 附件 label).
    pub title: Vec<String>,
    /// Closing lines (落款: unit, date), printed only when all their
    /// placeholders are filled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<String>,
    pub sections: Vec<Section>,
    /// Cross-checks over the report's figures (see `docs/templates.md`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CrossCheck>,
}

fn default_numbering() -> Vec<Numbering> {
    vec![
        Numbering::Chinese,
        Numbering::ParenChinese,
        Numbering::ArabicDun,
        Numbering::ParenArabic,
    ]
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// Heading text without its number; also the name in the outline.
    pub heading: String,
    /// Whether the heading gets a number (一、); front matter does not.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub numbered: bool,
    /// Whether the heading is printed in the export at all.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub print_heading: bool,
    /// Left out of the export (heading included) when nothing in it is filled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// A section found by walking the outline depth-first, in reading order.
#[derive(Debug, Clone, Copy)]
pub struct SectionRef<'t> {
    pub section: &'t Section,
    /// 0 for top-level sections.
    pub depth: usize,
    /// Index of the parent in the walk, if any.
    pub parent: Option<usize>,
}

impl Section {
    /// Every field of this section and of its subsections.
    pub fn all_fields(&self) -> Box<dyn Iterator<Item = &Field> + '_> {
        Box::new(
            self.fields
                .iter()
                .chain(self.sections.iter().flat_map(Section::all_fields)),
        )
    }
}

impl Template {
    /// Parses and checks a template; errors carry the JSON path or line.
    pub fn from_json(text: &str) -> Result<Template, FormatError> {
        let template: Template = FormatError::deserialize(text)?;
        template.validate()?;
        Ok(template)
    }

    /// All sections depth-first, in the order they are read.
    pub fn walk(&self) -> Vec<SectionRef<'_>> {
        fn visit<'t>(
            sections: &'t [Section],
            depth: usize,
            parent: Option<usize>,
            out: &mut Vec<SectionRef<'t>>,
        ) {
            for section in sections {
                let index = out.len();
                out.push(SectionRef {
                    section,
                    depth,
                    parent,
                });
                visit(&section.sections, depth + 1, Some(index), out);
            }
        }
        let mut out = Vec::new();
        visit(&self.sections, 0, None, &mut out);
        out
    }

    /// Every field in reading order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(Section::all_fields)
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }

    /// The numbering style of headings at `depth`; deeper than declared
    /// reuses the last style.
    pub fn numbering_at(&self, depth: usize) -> Numbering {
        self.numbering
            .get(depth)
            .or(self.numbering.last())
            .copied()
            .unwrap_or(Numbering::None)
    }

    /// Checks what serde cannot: ids, rules that fit their kind, placeholders.
    pub(super) fn validate(&self) -> Result<(), FormatError> {
        let fail = |path: String, message: String| Err(FormatError::at_path(path, message));
        if self.format != TEMPLATE_FORMAT {
            return fail(
                "format".into(),
                format!(
                    "应为 \"{TEMPLATE_FORMAT}\"，实为 \"{}\"：这不是 ziping 模板",
                    self.format
                ),
            );
        }
        if !is_identifier(&self.id) {
            return fail("id".into(), "模板 id 只能用小写字母、数字、- 和 _".into());
        }
        if self.sections.is_empty() {
            return fail("sections".into(), "模板至少要有一个章节".into());
        }
        if self.numbering.is_empty() {
            return fail("numbering".into(), "至少要给出一级标题的编号样式".into());
        }
        let mut section_ids = HashSet::new();
        let mut field_ids = HashSet::new();
        // Report-wide names formulas may use, and the tables to compile.
        let mut globals: Vec<&str> = Vec::new();
        let mut tables: Vec<(String, &Field)> = Vec::new();
        let mut stack: Vec<(String, &Section)> = self
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("sections[{i}]"), s))
            .rev()
            .collect();
        while let Some((path, section)) = stack.pop() {
            if !is_identifier(&section.id) {
                return fail(
                    format!("{path}.id"),
                    "章节 id 只能用小写字母、数字、- 和 _".into(),
                );
            }
            if !section_ids.insert(section.id.as_str()) {
                return fail(
                    format!("{path}.id"),
                    format!("章节 id \"{}\" 重复", section.id),
                );
            }
            for (i, field) in section.fields.iter().enumerate() {
                let field_path = format!("{path}.fields[{i}]");
                if !is_identifier(&field.id) {
                    return fail(
                        format!("{field_path}.id"),
                        "字段 id 只能用小写字母、数字、- 和 _".into(),
                    );
                }
                if !field_ids.insert(field.id.as_str()) {
                    return fail(
                        format!("{field_path}.id"),
                        format!("字段 id \"{}\" 重复", field.id),
                    );
                }
                if let Err((key, message)) = check_field_rules(field, Place::Field) {
                    return fail(format!("{field_path}.{key}"), message);
                }
                globals.push(&field.id);
                if let Some(spec) = field.table.as_deref() {
                    let table_path = format!("{field_path}.table");
                    if let Err((key, message)) = check_table(spec) {
                        return fail(format!("{table_path}.{key}"), message);
                    }
                    for line in &spec.summary {
                        if !is_identifier(&line.id) || !field_ids.insert(line.id.as_str()) {
                            return fail(
                                format!("{table_path}.summary"),
                                format!("汇总行 id \"{}\" 不合规或与字段重复", line.id),
                            );
                        }
                        globals.push(&line.id);
                    }
                    tables.push((table_path, field));
                }
            }
            for (i, sub) in section.sections.iter().enumerate().rev() {
                stack.push((format!("{path}.sections[{i}]"), sub));
            }
        }
        for (path, field) in &tables {
            if let Some(Err((key, message))) =
                field.table.as_deref().map(|t| t.check_formulas(&globals))
            {
                return fail(format!("{path}.{key}"), message);
            }
        }
        for (i, check) in self.checks.iter().enumerate() {
            if let Err((key, message)) = check.validate(self, &globals) {
                return fail(format!("checks[{i}].{key}"), message);
            }
        }
        for (key, lines) in [("title", &self.title), ("closing", &self.closing)] {
            for (i, line) in lines.iter().enumerate() {
                for id in placeholders(line)
                    .map_err(|m| FormatError::at_path(format!("{key}[{i}]"), m))?
                {
                    if !field_ids.contains(id) {
                        return fail(
                            format!("{key}[{i}]"),
                            format!("占位符 {{{id}}} 没有对应的字段"),
                        );
                    }
                }
            }
        }
        Ok(())
    }
}

/// Where a field is declared: its own keys differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Field,
    Column,
    Summary,
}

/// Checks a table's layout, then each column and summary line as a field.
fn check_table(spec: &super::table::TableSpec) -> Result<(), (String, String)> {
    spec.validate()?;
    let parts = [
        ("columns", &spec.columns, Place::Column),
        ("summary", &spec.summary, Place::Summary),
    ];
    for (name, fields, place) in parts {
        for (i, field) in fields.iter().enumerate() {
            if !is_identifier(&field.id) {
                return Err((
                    format!("{name}[{i}].id"),
                    "id 只能用小写字母、数字、- 和 _".into(),
                ));
            }
            check_field_rules(field, place)
                .map_err(|(key, m)| (format!("{name}[{i}].{key}"), m))?;
        }
    }
    Ok(())
}

/// Checks that each rule a field sets makes sense for its kind and place;
/// returns the offending key and a message.
fn check_field_rules(field: &Field, place: Place) -> Result<(), (&'static str, String)> {
    let kind = field.kind;
    let placed = |key: &'static str, set: bool, allowed: &[Place], what: &str| {
        if set && !allowed.contains(&place) {
            return Err((key, format!("{key} 只适用于{what}")));
        }
        Ok(())
    };
    placed(
        "formula",
        field.formula.is_some(),
        &[Place::Column, Place::Summary],
        "表格列和汇总行",
    )?;
    placed("editable", field.editable, &[Place::Column], "表格列")?;
    placed("rows", !field.rows.is_empty(), &[Place::Column], "表格列")?;
    if field.editable && field.formula.is_none() {
        return Err(("editable", "editable 只适用于有公式的列".into()));
    }
    if (kind == Kind::Table) != field.table.is_some() {
        return Err(("table", "table 字段要有 table 说明，其他字段不能有".into()));
    }
    let only =
        |key: &'static str, set: bool, allowed: &[Kind]| -> Result<(), (&'static str, String)> {
            if set && !allowed.contains(&kind) {
                let names: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
                return Err((
                    key,
                    format!(
                        "{key} 只适用于 {} 字段，此字段是 {}",
                        names.join("/"),
                        kind.name()
                    ),
                ));
            }
            Ok(())
        };
    only(
        "unit",
        field.unit.is_some(),
        &[Kind::Integer, Kind::Money, Kind::Decimal],
    )?;
    only(
        "decimals",
        field.decimals.is_some(),
        &[Kind::Money, Kind::Percent, Kind::Decimal],
    )?;
    let ranged = [
        Kind::Integer,
        Kind::Money,
        Kind::Percent,
        Kind::Year,
        Kind::Decimal,
    ];
    only("min", field.min.is_some(), &ranged)?;
    only("max", field.max.is_some(), &ranged)?;
    only(
        "max_len",
        field.max_len.is_some(),
        &[Kind::Text, Kind::Narrative, Kind::List],
    )?;
    only("options", !field.options.is_empty(), &[Kind::Choice])?;
    only("numbering", field.numbering.is_some(), &[Kind::List])?;
    if kind == Kind::Choice && field.options.is_empty() {
        return Err(("options", "选择字段至少要有一个选项".into()));
    }
    if kind == Kind::Money && !matches!(field.unit(), "元" | "万元" | "亿元") {
        return Err(("unit", "金额单位应为 元、万元 或 亿元".into()));
    }
    if field.decimals.is_some_and(|d| d > 6) {
        return Err(("decimals", "小数位数不能超过6".into()));
    }
    if let (Some(min), Some(max)) = (field.min, field.max)
        && min > max
    {
        return Err(("min", format!("下限 {min} 大于上限 {max}")));
    }
    if let Some(default) = &field.default
        && let Err(e) = value::parse(field, default)
    {
        let message = crate::strings::value_error(&e, crate::lang::Lang::Zh);
        return Err(("default", format!("默认值不合规：{message}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(extra_field: &str) -> String {
        format!(
            r#"{{"format":"ziping-template","id":"t","version":1,"name":"T","title":["{{unit}}报告"],
              "sections":[{{"id":"a","heading":"基本情况","fields":[
                {{"id":"unit","label":"单位","kind":"text"}}{extra_field}]}}]}}"#
        )
    }

    #[test]
    fn minimal_template_loads() {
        let t = Template::from_json(&minimal("")).expect("loads");
        assert_eq!(t.field("unit").map(|f| f.kind), Some(Kind::Text));
    }

    #[test]
    fn template_mistakes_name_their_json_path() {
        let cases = [
            (
                minimal(r#",{"id":"unit","label":"x","kind":"text"}"#),
                "sections[0].fields[1].id",
            ),
            (
                minimal(r#",{"id":"n","label":"x","kind":"text","unit":"人"}"#),
                "sections[0].fields[1].unit",
            ),
            (
                minimal(r#",{"id":"m","label":"x","kind":"money","unit":"美元"}"#),
                "sections[0].fields[1].unit",
            ),
            (
                minimal(r#",{"id":"c","label":"x","kind":"choice"}"#),
                "sections[0].fields[1].options",
            ),
            (
                minimal(r#",{"id":"y","label":"x","kind":"year","default":"22"}"#),
                "sections[0].fields[1].default",
            ),
            (
                minimal(r#",{"id":"p","label":"x","kind":"percent","min":5,"max":1}"#),
                "sections[0].fields[1].min",
            ),
            (
                minimal(r#",{"id":"k","label":"x","kind":"number"}"#),
                "sections[0].fields[1].kind",
            ),
            (
                minimal(r#",{"id":"k","label":"x","kind":"text","colour":"red"}"#),
                "sections[0].fields[1]",
            ),
            (minimal("").replace("{unit}报告", "{nope}报告"), "title[0]"),
            (
                minimal("").replace("ziping-template", "ziping-project"),
                "format",
            ),
        ];
        for (json, path) in cases {
            let err = Template::from_json(&json).expect_err(path).to_string();
            assert!(err.contains(path), "{err} should name {path}");
        }
    }

    #[test]
    fn json_syntax_errors_name_line_and_column() {
        let err = Template::from_json("{\n  \"id\": ,\n}")
            .expect_err("broken")
            .to_string();
        assert!(err.contains("第2行"), "{err}");
    }
}
