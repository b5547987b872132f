//! The layout of a table field as a template declares it: typed columns
//! (each an ordinary [`Field`], so a cell is validated exactly like a field),
//! fixed rows or rows the writer adds, groups with their weights, and
//! summary lines computed from the whole report (总分, 等级).

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::field::{Field, Kind, Show};
use super::formula::compile_check;
use super::text::is_identifier;
use super::value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Fixed rows (the funding block). When empty, the writer adds rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowSpec>,
    /// Heading of the column of row labels in a table with fixed rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_header: Option<String>,
    /// In a table whose rows the writer adds, the column that names a row in
    /// messages (三级指标); rows are "第N行" otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_label: Option<String>,
    pub columns: Vec<Field>,
    /// Rows grouped by a column's value (一级指标), with subtotals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Groups>,
    /// Lines printed under the table, each with a formula over the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowSpec {
    pub id: String,
    pub label: String,
    /// Text a cell shows until the writer types something (分值 10).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub cells: IndexMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Groups {
    /// The choice column whose value puts a row in a group.
    pub column: String,
    /// The choice column whose value must be one of the group's subgroups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcolumn: Option<String>,
    pub items: Vec<Group>,
    /// Number columns summed per group in the export.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtotals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    /// The group's share of the 100 points (产出指标 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subgroups: Vec<String>,
}

/// Names that a row's formulas see besides the columns: the entered and the
/// computed value of each column.
pub const ROW_NAMES: [&str; 2] = ["entered", "computed"];

impl TableSpec {
    pub fn has_fixed_rows(&self) -> bool {
        !self.rows.is_empty()
    }

    pub fn column(&self, id: &str) -> Option<&Field> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&RowSpec> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// Indexes of the columns a reader sees (hidden ones hold intermediate
    /// values such as 是否达成).
    pub fn shown_columns(&self) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.show != Show::Hidden)
            .map(|(i, _)| i)
            .collect()
    }

    /// The heading over the row labels of a table with fixed rows.
    pub fn row_heading(&self) -> &str {
        self.row_header.as_deref().unwrap_or("项目")
    }

    /// Whether `column` has a cell in the fixed row `row` (None: added rows).
    pub fn applies(column: &Field, row: Option<&str>) -> bool {
        column.rows.is_empty() || row.is_some_and(|r| column.rows.iter().any(|c| c == r))
    }

    /// Checks what serde cannot; errors carry the JSON path below the field.
    pub(super) fn validate(&self) -> Result<(), (String, String)> {
        let fail = |key: String, message: String| Err((key, message));
        if self.columns.is_empty() {
            return fail("columns".into(), "表格至少要有一列".into());
        }
        let mut ids: Vec<&str> = Vec::new();
        for (i, column) in self.columns.iter().enumerate() {
            let key = format!("columns[{i}]");
            if ids.contains(&column.id.as_str()) {
                return fail(format!("{key}.id"), format!("列 id \"{}\" 重复", column.id));
            }
            ids.push(&column.id);
            if matches!(column.kind, Kind::Table | Kind::Narrative | Kind::List) {
                return fail(
                    format!("{key}.kind"),
                    format!("表格列不能是 {} 类型", column.kind.name()),
                );
            }
            if let Some(row) = column.rows.iter().find(|r| self.row(r).is_none()) {
                return fail(format!("{key}.rows"), format!("没有 id 为 \"{row}\" 的行"));
            }
        }
        let mut row_ids: Vec<&str> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
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
                let Some(column) = self.column(column_id) else {
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
        if self.has_fixed_rows() && self.row_label.is_some() {
            return fail("row_label".into(), "固定行的表格用各行的 label 命名".into());
        }
        if let Some(id) = self
            .row_label
            .as_deref()
            .filter(|id| self.column(id).is_none())
        {
            return fail("row_label".into(), format!("没有 id 为 \"{id}\" 的列"));
        }
        if let Some(groups) = &self.groups {
            self.validate_groups(groups)?;
        }
        for (i, line) in self.summary.iter().enumerate() {
            if line.formula.is_none() {
                return fail(format!("summary[{i}].formula"), "汇总行要有公式".into());
            }
        }
        Ok(())
    }

    fn validate_groups(&self, groups: &Groups) -> Result<(), (String, String)> {
        let choice = |key: &str, id: &str| -> Result<&Field, (String, String)> {
            match self.column(id) {
                Some(c) if c.kind == Kind::Choice => Ok(c),
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
            if !column.options.contains(&group.name) {
                return Err((
                    format!("groups.items[{i}].name"),
                    format!("“{}”不是列“{}”的选项", group.name, column.label),
                ));
            }
            if let Some(sub) = sub
                && let Some(s) = group.subgroups.iter().find(|s| !sub.options.contains(s))
            {
                return Err((
                    format!("groups.items[{i}].subgroups"),
                    format!("“{s}”不是列“{}”的选项", sub.label),
                ));
            }
        }
        for id in &groups.subtotals {
            if !self.column(id).is_some_and(|c| c.kind.is_number()) {
                return Err((
                    "groups.subtotals".into(),
                    format!("\"{id}\" 应为本表的一个数值列"),
                ));
            }
        }
        Ok(())
    }

    /// Compiles every formula of the table against the names it may use;
    /// `globals` are the report-wide names (fields, tables, summaries).
    pub(super) fn check_formulas(&self, globals: &[&str]) -> Result<(), (String, String)> {
        let mut row_names: Vec<&str> = globals.to_vec();
        row_names.extend(self.columns.iter().map(|c| c.id.as_str()));
        row_names.extend(ROW_NAMES);
        for (i, column) in self.columns.iter().enumerate() {
            if let Some(formula) = &column.formula {
                compile_check(formula, &row_names)
                    .map_err(|m| (format!("columns[{i}].formula"), m))?;
            }
        }
        for (i, line) in self.summary.iter().enumerate() {
            if let Some(formula) = &line.formula {
                compile_check(formula, globals)
                    .map_err(|m| (format!("summary[{i}].formula"), m))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::template::Template;

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
            (
                with_table(
                    &format!(
                        "{MONEY},{{\"id\":\"e\",\"label\":\"x\",\"kind\":\"decimal\",\"editable\":true}}"
                    ),
                    "",
                ),
                format!("{t}.columns[1].editable"),
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
            let err = Template::from_json(&json).expect_err(&path).to_string();
            assert!(err.contains(&path), "{err} should name {path}");
        }
    }

    #[test]
    fn a_well_formed_table_with_checks_loads() {
        let checks = r#","checks":[
            {"at":"t","each":"column","columns":["m"],"assert":"a == b","severity":"error","message":"甲{a}乙{b}"},
            {"at":"note","assert":"note != \"\"","severity":"warning","message":"请说明"}]"#;
        let t = Template::from_json(&with_table(MONEY, checks)).expect("loads");
        assert_eq!(t.checks.len(), 2);
    }
}
