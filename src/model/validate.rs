//! Loading a template: what serde cannot check — ids, rules that fit their
//! kind and place, tables, formulas that compile, cross-checks and
//! placeholders that name what exists. Kept apart from the declarations in
//! [`super::schema`] because it needs the evaluators (values, formulas,
//! sentences) that themselves read the declarations.

mod fields;
mod reading;
mod table;

use std::collections::HashSet;

use super::format_error::FormatError;
use super::formula::compile_check;
use super::schema::{
    CrossCheck, Each, Field, Formula, ROW_NAMES, Section, TEMPLATE_FORMAT, Template,
};
use super::text::{is_identifier, placeholders};
use fields::{Role, check_field_rules};
use table::{check_formulas, check_table};

/// Parses and checks a template; errors carry the JSON path or line.
pub fn load_template(text: &str) -> Result<Template, FormatError> {
    let template: Template = FormatError::deserialize(text)?;
    check_template(&template)?;
    Ok(template)
}

/// Checks what serde cannot: ids, rules that fit their kind, placeholders.
pub(super) fn check_template(template: &Template) -> Result<(), FormatError> {
    let fail = |path: String, message: String| Err(FormatError::at_path(path, message));
    if template.format != TEMPLATE_FORMAT {
        return fail(
            "format".into(),
            format!(
                "应为 \"{TEMPLATE_FORMAT}\"，实为 \"{}\"：这不是 ziping 模板",
                template.format
            ),
        );
    }
    if !is_identifier(&template.id) {
        return fail("id".into(), "模板 id 只能用小写字母、数字、- 和 _".into());
    }
    if template.sections.is_empty() {
        return fail("sections".into(), "模板至少要有一个章节".into());
    }
    if template.numbering.is_empty() {
        return fail("numbering".into(), "至少要给出一级标题的编号样式".into());
    }
    let mut section_ids = HashSet::new();
    let mut field_ids = HashSet::new();
    // Report-wide names formulas may use, and the tables to compile.
    let mut globals: Vec<&str> = Vec::new();
    let mut tables: Vec<(String, &Field)> = Vec::new();
    let mut stack: Vec<(String, &Section)> = template
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
        if let Err((key, message)) = check_repeat(section) {
            return fail(format!("{path}.{key}"), message);
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
            if let Err((key, message)) = check_field_rules(field, Role::Field) {
                return fail(format!("{field_path}.{key}"), message);
            }
            globals.push(&field.id);
            if let Some(spec) = field.table() {
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
    // A copy names the template's section it was made from (see
    // `model::repeat`): one that is gone leaves nothing to copy. A
    // template's repeated section is a name in formulas (`project.count`).
    for r in template.walk() {
        if r.section.repeat.as_ref().is_some_and(|r| r.of.is_none()) {
            if field_ids.contains(r.section.id.as_str()) {
                return fail(
                    "sections".into(),
                    format!("重复的章节 \"{}\" 与字段同名", r.section.id),
                );
            }
            globals.push(&r.section.id);
        }
        let of = r.section.repeat.as_ref().and_then(|r| r.of.as_deref());
        if let Some(of) = of.filter(|of| !section_ids.contains(of)) {
            return fail(
                "sections".into(),
                format!(
                    "章节 \"{}\" 是 \"{of}\" 的副本，但没有 \"{of}\" 这个章节",
                    r.section.id
                ),
            );
        }
    }
    for (path, field) in &tables {
        if let Some(Err((key, message))) = field.table().map(|t| check_formulas(t, &globals)) {
            return fail(format!("{path}.{key}"), message);
        }
    }
    for (i, check) in template.checks.iter().enumerate() {
        if let Err((key, message)) = check_cross_check(check, template, &globals) {
            return fail(format!("checks[{i}].{key}"), message);
        }
    }
    for (key, lines) in [("title", &template.title), ("closing", &template.closing)] {
        for (i, line) in lines.iter().enumerate() {
            for id in
                placeholders(line).map_err(|m| FormatError::at_path(format!("{key}[{i}]"), m))?
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

/// A repeated section's declaration: a name, room for one instance at
/// least, a heading pattern naming its own fields, and no repeated section
/// inside it (a copy renames what it holds, so nesting would need two
/// suffixes). Returns the key and a message.
fn check_repeat(section: &Section) -> Result<(), (String, String)> {
    let Some(repeat) = &section.repeat else {
        return Ok(());
    };
    if repeat.label.trim().is_empty() {
        return Err((
            "repeat.label".into(),
            "要写明每一份叫什么（如 项目）".into(),
        ));
    }
    if repeat.max == 0 {
        return Err(("repeat.max".into(), "最多份数至少为 1".into()));
    }
    if let Some(pattern) = &repeat.heading {
        let ids = placeholders(pattern).map_err(|m| ("repeat.heading".to_string(), m))?;
        if let Some(id) = ids
            .iter()
            .find(|id| !section.all_fields().any(|f| f.id == **id))
        {
            return Err((
                "repeat.heading".into(),
                format!("占位符 {{{id}}} 不是本章节的字段"),
            ));
        }
    }
    fn any_repeats(sections: &[Section]) -> bool {
        sections
            .iter()
            .any(|s| s.repeat.is_some() || any_repeats(&s.sections))
    }
    if any_repeats(&section.sections) {
        return Err(("repeat".into(), "重复的章节里不能再有重复的章节".into()));
    }
    Ok(())
}

/// Checks a cross-check's references and compiles its condition and
/// placeholders;
/// `globals` are the report-wide names. Returns the key and a message.
fn check_cross_check(
    check: &CrossCheck,
    template: &Template,
    globals: &[&str],
) -> Result<(), (String, String)> {
    let fail = |key: &str, message: String| Err((key.to_string(), message));
    let Some(field) = template.field(&check.at) else {
        return fail("at", format!("没有 id 为 \"{}\" 的字段或表格", check.at));
    };
    let mut names: Vec<&str> = globals.to_vec();
    if check.each != Each::Report {
        let Some(spec) = field.table() else {
            return fail("each", format!("each 为 {:?} 时 at 应为表格", check.each));
        };
        if let Some(row) = check.rows.iter().find(|r| spec.row(r).is_none()) {
            return fail(
                "rows",
                format!("表格 \"{}\" 没有 id 为 \"{row}\" 的行", check.at),
            );
        }
        let columns = check.column.iter().chain(&check.columns);
        if let Some(c) = columns.clone().find(|c| spec.column(c).is_none()) {
            return fail(
                "column",
                format!("表格 \"{}\" 没有 id 为 \"{c}\" 的列", check.at),
            );
        }
        match check.each {
            Each::Row => {
                names.extend(spec.columns.iter().map(|c| c.id.as_str()));
                names.extend(ROW_NAMES);
                names.extend(spec.reading.iter().flat_map(|r| r.names()));
            }
            Each::Column if check.columns.is_empty() => {
                return fail("columns", "each 为 column 时要列出 columns".into());
            }
            Each::Column if check.rows.is_empty() => {
                names.extend(spec.rows.iter().map(|r| r.id.as_str()));
            }
            Each::Column => names.extend(check.rows.iter().map(String::as_str)),
            Each::Group if spec.groups.is_none() => {
                return fail("each", format!("表格 \"{}\" 没有分组", check.at));
            }
            Each::Group => names.push("group"),
            Each::Report => {}
        }
    }
    compile_check(&check.assert, &names).map_err(|m| ("assert".to_string(), m))?;
    let messages = [
        ("message", Some(&check.message)),
        ("message_en", check.message_en.as_ref()),
    ];
    for (key, message) in messages {
        let Some(message) = message else { continue };
        let expressions = placeholders(message).map_err(|m| (key.to_string(), m))?;
        for expression in expressions {
            compile_check(&Formula::Line(expression.to_string()), &names)
                .map_err(|m| (key.to_string(), format!("{{{expression}}}：{m}")))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::Kind;

    fn minimal(extra_field: &str) -> String {
        format!(
            r#"{{"format":"ziping-template","id":"t","version":1,"name":"T","title":["{{unit}}报告"],
              "sections":[{{"id":"a","heading":"基本情况","fields":[
                {{"id":"unit","label":"单位","kind":"text"}}{extra_field}]}}]}}"#
        )
    }

    #[test]
    fn minimal_template_loads() {
        let t = load_template(&minimal("")).expect("loads");
        assert_eq!(t.field("unit").map(|f| f.kind()), Some(Kind::Text));
    }

    #[test]
    fn template_mistakes_name_their_json_path() {
        let cases = [
            (
                minimal(r#",{"id":"unit","label":"x","kind":"text"}"#),
                "sections[0].fields[1].id",
            ),
            // Refused while reading, where serde names the field: the key
            // leads the message.
            (
                minimal(r#",{"id":"n","label":"x","kind":"text","unit":"人"}"#),
                "sections[0].fields[1]：unit",
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
            let err = load_template(&json).expect_err(path).to_string();
            assert!(err.contains(path), "{err} should name {path}");
        }
    }

    #[test]
    fn json_syntax_errors_name_line_and_column() {
        let err = load_template("{\n  \"id\": ,\n}")
            .expect_err("broken")
            .to_string();
        assert!(err.contains("第2行"), "{err}");
    }
}
