//! A table field's layout: columns, fixed rows and their cells, groups,
//! and formulas that compile against the names they may use.

use super::fields::{Role, check_field_rules};
use super::reading::check_reading;
use crate::model::formula::compile_check;
use crate::model::schema::{Field, Groups, Kind, ROW_NAMES, TableSpec};
use crate::model::text::is_identifier;
use crate::model::value;

/// Checks a table's layout, then each column and summary line as a field.
pub(super) fn check_table(spec: &TableSpec) -> Result<(), (String, String)> {
    check_layout(spec)?;
    let parts = [
        ("columns", &spec.columns, Role::Column),
        ("summary", &spec.summary, Role::Summary),
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

/// Checks what serde cannot; errors carry the JSON path below the field.
fn check_layout(spec: &TableSpec) -> Result<(), (String, String)> {
    let fail = |key: String, message: String| Err((key, message));
    if spec.columns.is_empty() {
        return fail("columns".into(), "表格至少要有一列".into());
    }
    let mut ids: Vec<&str> = Vec::new();
    for (i, column) in spec.columns.iter().enumerate() {
        let key = format!("columns[{i}]");
        if ids.contains(&column.id.as_str()) {
            return fail(format!("{key}.id"), format!("列 id \"{}\" 重复", column.id));
        }
        ids.push(&column.id);
        if matches!(column.kind(), Kind::Table | Kind::Narrative | Kind::List) {
            return fail(
                format!("{key}.kind"),
                format!("表格列不能是 {} 类型", column.kind().name()),
            );
        }
        if let Some(row) = column.rows.iter().find(|r| spec.row(r).is_none()) {
            return fail(format!("{key}.rows"), format!("没有 id 为 \"{row}\" 的行"));
        }
    }
    let mut row_ids: Vec<&str> = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        let key = format!("rows[{i}]");
        if !is_identifier(&row.id) || row.id.parse::<usize>().is_ok() {
            return fail(
                format!("{key}.id"),
                "行 id 只能用小写字母、数字、- 和 _，且不能全是数字".into(),
            );
        }
        if row_ids.contains(&row.id.as_str()) || ids.contains(&row.id.as_str()) {
            return fail(format!("{key}.id"), format!("行 id \"{}\" 重复", row.id));
        }
        row_ids.push(&row.id);
        for (column_id, text) in &row.cells {
            let Some(column) = spec.column(column_id) else {
                return fail(
                    format!("{key}.cells"),
                    format!("没有 id 为 \"{column_id}\" 的列"),
                );
            };
            if let Err(e) = value::parse(column, text) {
                // Template errors are for template authors, in Chinese.
                let message = crate::strings::value_error(&e, crate::lang::Lang::Zh);
                return fail(format!("{key}.cells.{column_id}"), message);
            }
        }
    }
    if spec.has_fixed_rows() && spec.row_label.is_some() {
        return fail("row_label".into(), "固定行的表格用各行的 label 命名".into());
    }
    if let Some(id) = spec
        .row_label
        .as_deref()
        .filter(|id| spec.column(id).is_none())
    {
        return fail("row_label".into(), format!("没有 id 为 \"{id}\" 的列"));
    }
    if let Some(groups) = &spec.groups {
        check_groups(spec, groups)?;
    }
    if let Some(reading) = &spec.reading {
        check_reading(spec, reading)?;
    }
    for (i, line) in spec.summary.iter().enumerate() {
        if line.formula.is_none() {
            return fail(format!("summary[{i}].formula"), "汇总行要有公式".into());
        }
    }
    Ok(())
}

fn check_groups(spec: &TableSpec, groups: &Groups) -> Result<(), (String, String)> {
    let choice = |key: &str, id: &str| -> Result<&Field, (String, String)> {
        match spec.column(id) {
            Some(c) if c.kind() == Kind::Choice => Ok(c),
            _ => Err((
                format!("groups.{key}"),
                format!("\"{id}\" 应为本表的一个 choice 列"),
            )),
        }
    };
    let column = choice("column", &groups.column)?;
    let sub = match &groups.subcolumn {
        Some(id) => Some(choice("subcolumn", id)?),
        None => None,
    };
    for (i, group) in groups.items.iter().enumerate() {
        if !column.options().contains(&group.name) {
            return Err((
                format!("groups.items[{i}].name"),
                format!("“{}”不是列“{}”的选项", group.name, column.label),
            ));
        }
        if let Some(sub) = sub
            && let Some(s) = group.subgroups.iter().find(|s| !sub.options().contains(s))
        {
            return Err((
                format!("groups.items[{i}].subgroups"),
                format!("“{s}”不是列“{}”的选项", sub.label),
            ));
        }
    }
    let numbers = groups
        .subtotals
        .iter()
        .map(|id| ("subtotals", id))
        .chain(groups.weight_column.iter().map(|id| ("weight_column", id)))
        .chain(
            groups
                .group_weight_column
                .iter()
                .map(|id| ("group_weight_column", id)),
        );
    for (key, id) in numbers {
        if !spec.column(id).is_some_and(|c| c.kind().is_number()) {
            return Err((
                format!("groups.{key}"),
                format!("\"{id}\" 应为本表的一个数值列"),
            ));
        }
    }
    Ok(())
}

/// Compiles every formula of the table against the names it may use;
/// `globals` are the report-wide names (fields, tables, summaries).
pub(super) fn check_formulas(spec: &TableSpec, globals: &[&str]) -> Result<(), (String, String)> {
    let mut row_names: Vec<&str> = globals.to_vec();
    row_names.extend(spec.columns.iter().map(|c| c.id.as_str()));
    row_names.extend(ROW_NAMES);
    row_names.extend(spec.reading.iter().flat_map(|r| r.names()));
    for (i, column) in spec.columns.iter().enumerate() {
        if let Some(formula) = &column.formula {
            compile_check(formula, &row_names).map_err(|m| (format!("columns[{i}].formula"), m))?;
        }
        if let Some(deduction) = &column.deduction {
            let key = format!("columns[{i}].deduction");
            if spec.column(&deduction.reason).is_none() {
                let message = format!("没有 id 为 \"{}\" 的列", deduction.reason);
                return Err((format!("{key}.reason"), message));
            }
            if let Some(floor) = &deduction.floor {
                compile_check(floor, &row_names).map_err(|m| (format!("{key}.floor"), m))?;
            }
        }
    }
    for (i, line) in spec.summary.iter().enumerate() {
        if let Some(formula) = &line.formula {
            compile_check(formula, globals).map_err(|m| (format!("summary[{i}].formula"), m))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::model::validate::load_template;

    /// A template with one table field `t` (fixed rows a, b) and `extra`
    /// top-level keys.
    fn with_table(columns: &str, extra: &str) -> String {
        format!(
            r#"{{"format":"ziping-template","id":"t","version":1,"name":"T","title":["T"],
              "sections":[{{"id":"s","heading":"表","fields":[
                {{"id":"note","label":"说明","kind":"text"}},
                {{"id":"t","label":"表","kind":"table","table":{{
                  "rows":[{{"id":"a","label":"甲"}},{{"id":"b","label":"乙"}}],
                  "columns":[{columns}]}}}}]}}]{extra}}}"#
        )
    }

    const MONEY: &str = r#"{"id":"m","label":"金额","kind":"money","unit":"万元"}"#;

    #[test]
    fn table_mistakes_name_their_json_path() {
        let t = "sections[0].fields[1].table";
        let cases = [
            (with_table("", ""), format!("{t}.columns")),
            (
                with_table(&format!("{MONEY},{MONEY}"), ""),
                format!("{t}.columns[1].id"),
            ),
            (
                with_table(
                    r#"{"id":"r","label":"率","kind":"percent","formula":"m / nope"}"#,
                    "",
                ),
                format!("{t}.columns[0].formula"),
            ),
            (
                with_table(
                    r#"{"id":"r","label":"率","kind":"percent","rows":["c"]}"#,
                    "",
                ),
                format!("{t}.columns[0].rows"),
            ),
            (
                with_table(r#"{"id":"r","label":"列","kind":"list"}"#, ""),
                format!("{t}.columns[0].kind"),
            ),
            // A cell holds one text: no list of choices, no row of boxes.
            (
                with_table(
                    r#"{"id":"c","label":"方式","kind":"choice","options":["甲","乙"],"multiple":true}"#,
                    "",
                ),
                format!("{t}.columns[0].multiple"),
            ),
            (
                with_table(
                    r#"{"id":"c","label":"方式","kind":"choice","options":["甲"],"boxes":true}"#,
                    "",
                ),
                format!("{t}.columns[0].boxes"),
            ),
            (
                with_table(
                    &format!(
                        "{MONEY},{{\"id\":\"e\",\"label\":\"x\",\"kind\":\"decimal\",\"editable\":true}}"
                    ),
                    "",
                ),
                format!("{t}.columns[1].editable"),
            ),
            // A deduction only where a score may be typed over a formula,
            // with its reason in a column the table has.
            (
                with_table(
                    &format!(
                        "{MONEY},{{\"id\":\"s\",\"label\":\"得分\",\"kind\":\"decimal\",\"deduction\":{{\"reason\":\"m\"}}}}"
                    ),
                    "",
                ),
                format!("{t}.columns[1].deduction"),
            ),
            (
                with_table(
                    &format!(
                        "{MONEY},{{\"id\":\"s\",\"label\":\"得分\",\"kind\":\"decimal\",\"formula\":\"m\",\"editable\":true,\"deduction\":{{\"reason\":\"why\"}}}}"
                    ),
                    "",
                ),
                format!("{t}.columns[1].deduction.reason"),
            ),
            (
                with_table(
                    &format!(
                        "{MONEY},{{\"id\":\"s\",\"label\":\"得分\",\"kind\":\"decimal\",\"formula\":\"m\",\"editable\":true,\"deduction\":{{\"reason\":\"m\",\"floor\":\"nope * 2\"}}}}"
                    ),
                    "",
                ),
                format!("{t}.columns[1].deduction.floor"),
            ),
            (
                with_table(
                    MONEY,
                    r#","checks":[{"at":"t","each":"row","column":"x","assert":"m > 0","severity":"error","message":"m"}]"#,
                ),
                "checks[0].column".to_string(),
            ),
            (
                with_table(
                    MONEY,
                    r#","checks":[{"at":"t","each":"column","columns":["m"],"assert":"a == c","severity":"error","message":"m"}]"#,
                ),
                "checks[0].assert".to_string(),
            ),
            (
                with_table(
                    MONEY,
                    r#","checks":[{"at":"note","assert":"note != \"\"","severity":"fatal","message":"m"}]"#,
                ),
                "checks[0].severity".to_string(),
            ),
        ];
        for (json, path) in cases {
            let err = load_template(&json).expect_err(&path).to_string();
            assert!(err.contains(&path), "{err} should name {path}");
        }
    }

    #[test]
    fn a_well_formed_table_with_checks_loads() {
        let checks = r#","checks":[
            {"at":"t","each":"column","columns":["m"],"assert":"a == b","severity":"error","message":"甲{a}乙{b}"},
            {"at":"note","assert":"note != \"\"","severity":"warning","message":"请说明"}]"#;
        let t = load_template(&with_table(MONEY, checks)).expect("loads");
        assert_eq!(t.checks.len(), 2);
    }
}
