//! Cross-checks a template declares: a condition over the report's figures
//! (a Rhai expression, see [`super::formula`]), a severity and a message in
//! Chinese whose `{…}` placeholders are filled with figures, e.g.
//!
//! ```json
//! { "at": "indicators", "each": "row", "column": "score",
//!   "assert": "score >= 0 && score <= weight", "severity": "error",
//!   "message": "得分{score}应在0至分值{weight}之间" }
//! ```
//!
//! A check whose figures are not all filled in yet is not judged.

use rhai::{Dynamic, Map, Scope};
use serde::{Deserialize, Serialize};

use super::field::Field;
use super::finding::{Finding, FindingKind, Place as FoundAt, Severity};
use super::formula::{self, Formula, FormulaError, Outcome, compile_check, to_decimal};
use super::sheet::{Sheet, Table, row_scope};
use super::table::ROW_NAMES;
use super::template::Template;
use super::text::placeholders;
use super::value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossCheck {
    /// The field or table the check belongs to (where it is reported).
    pub at: String,
    /// What the condition is judged over.
    #[serde(default, skip_serializing_if = "Each::is_report")]
    pub each: Each,
    /// For `row` and `column` over fixed rows: the rows involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
    /// The column a `row` or `group` problem points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// For `column`: judged once per column listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    pub assert: Formula,
    pub severity: Severity,
    pub message: String,
    /// The message in English, for `--lang en`; the Chinese one otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_en: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Each {
    /// Once, over the report-wide names.
    #[default]
    Report,
    /// Per row of the table; the row's columns are names.
    Row,
    /// Per listed column of a fixed table; each row id names that row's cell.
    Column,
    /// Per group of the table; `group` is `#{name, weight, total}`.
    Group,
}

impl Each {
    fn is_report(&self) -> bool {
        *self == Each::Report
    }
}

/// Judges every check of the template against the computed sheet; each
/// failure is placed at the check's field (its outline node left for the
/// caller, who knows the outline).
pub fn run(template: &Template, sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in &template.checks {
        let table = sheet.table(template, &check.at);
        // A report-wide check's figures are shown like the field it is at.
        let at = template.field(&check.at).filter(|f| f.kind.is_number());
        for (scope, place) in scopes(check, sheet, table) {
            let outcome = formula::eval(&check.assert, &scope);
            let (severity, kind) = match outcome {
                Outcome::Value(v) if v.as_bool() == Ok(true) => continue,
                Outcome::Blank => continue,
                Outcome::Value(v) if v.is_bool() => {
                    let field = place.field.or(at);
                    let zh = fill(&check.message, &scope, field);
                    let en = check.message_en.as_ref().map(|m| fill(m, &scope, field));
                    (check.severity, FindingKind::Check { zh, en })
                }
                Outcome::Value(v) => {
                    let error = FormulaError::NotBool {
                        formula: check.assert.source(),
                        value: v.to_string(),
                    };
                    (Severity::Warning, FindingKind::Formula(error))
                }
                Outcome::Failed(error) => (Severity::Warning, FindingKind::Formula(error)),
            };
            out.push(Finding {
                place: FoundAt {
                    field: check.at.clone(),
                    node: None,
                    row: place.row,
                    column: place.field.map(|c| c.label.clone()),
                    path: place.path,
                },
                severity,
                kind,
            });
        }
    }
    out
}

struct Place<'t> {
    row: Option<String>,
    /// The column pointed at; also formats the message's figures.
    field: Option<&'t Field>,
    path: Option<String>,
}

fn scopes<'t>(
    check: &CrossCheck,
    sheet: &Sheet,
    table: Option<Table<'t>>,
) -> Vec<(Scope<'static>, Place<'t>)> {
    let base = sheet.scope();
    let Some(table) = table.filter(|_| check.each != Each::Report) else {
        let place = Place {
            row: None,
            field: None,
            path: None,
        };
        return vec![(base, place)];
    };
    let spec = table.spec;
    let column = check.column.as_deref().and_then(|id| spec.column(id));
    let wanted = |id: Option<&str>| {
        check.rows.is_empty() || id.is_some_and(|id| check.rows.iter().any(|r| r == id))
    };
    match check.each {
        Each::Report => Vec::new(),
        Each::Row => table
            .rows
            .iter()
            .filter(|r| wanted(r.key.id()))
            .map(|r| {
                let place = Place {
                    row: Some(r.label.clone()),
                    field: column,
                    path: column.map(|c| format!("{}.{}", r.path, c.id)),
                };
                (row_scope(&base, spec, &r.cells), place)
            })
            .collect(),
        Each::Column => {
            let first = table.rows.iter().find(|r| wanted(r.key.id()));
            check
                .columns
                .iter()
                .filter_map(|id| Some((spec.column(id)?, table.column_index(id)?)))
                .map(|(c, i)| {
                    let mut scope = base.clone();
                    for r in table.rows.iter().filter(|r| wanted(r.key.id())) {
                        if let Some(id) = r.key.id() {
                            scope.push_dynamic(id.to_string(), r.cells[i].effective(c));
                        }
                    }
                    let place = Place {
                        row: first.map(|r| r.label.clone()),
                        field: Some(c),
                        path: first.map(|r| format!("{}.{}", r.path, c.id)),
                    };
                    (scope, place)
                })
                .collect()
        }
        Each::Group => table
            .groups
            .iter()
            .map(|g| {
                let mut scope = base.clone();
                let mut map = Map::new();
                map.insert("name".into(), Dynamic::from(g.name.clone()));
                let weight = g.weight.map_or(Dynamic::UNIT, Dynamic::from);
                map.insert("weight".into(), weight);
                let totals: Map = spec
                    .columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.kind.is_number())
                    .map(|(i, c)| (c.id.as_str().into(), Dynamic::from(table.sum(i, &g.rows))))
                    .collect();
                map.insert("total".into(), Dynamic::from(totals));
                scope.push_dynamic("group", Dynamic::from(map));
                let place = Place {
                    row: Some(g.name.clone()),
                    field: column,
                    path: None,
                };
                (scope, place)
            })
            .collect(),
    }
}

/// The message with each `{expression}` replaced by its value; numbers are
/// shown in the pointed-at column's decimals and unit, or with 2 decimals.
fn fill(message: &str, scope: &Scope, field: Option<&Field>) -> String {
    let Ok(expressions) = placeholders(message) else {
        return message.to_string();
    };
    let mut out = message.to_string();
    for expression in expressions {
        let shown = match formula::eval(&Formula::Line(expression.to_string()), scope) {
            Outcome::Value(v) => match (to_decimal(&v), field) {
                (Some(n), Some(f)) if f.kind.is_number() => value::display_fixed(f, n),
                (Some(n), _) => value::round(n, 2).normalize().to_string(),
                (None, _) => v.to_string(),
            },
            Outcome::Blank => "（空）".to_string(),
            Outcome::Failed(_) => format!("{{{expression}}}"),
        };
        out = out.replacen(&format!("{{{expression}}}"), &shown, 1);
    }
    out
}

impl CrossCheck {
    /// Checks the references and compiles the condition and placeholders;
    /// `globals` are the report-wide names. Returns the key and a message.
    pub(super) fn validate(
        &self,
        template: &Template,
        globals: &[&str],
    ) -> Result<(), (String, String)> {
        let fail = |key: &str, message: String| Err((key.to_string(), message));
        let Some(field) = template.field(&self.at) else {
            return fail("at", format!("没有 id 为 \"{}\" 的字段或表格", self.at));
        };
        let mut names: Vec<&str> = globals.to_vec();
        if self.each != Each::Report {
            let Some(spec) = field.table.as_deref() else {
                return fail("each", format!("each 为 {:?} 时 at 应为表格", self.each));
            };
            if let Some(row) = self.rows.iter().find(|r| spec.row(r).is_none()) {
                return fail(
                    "rows",
                    format!("表格 \"{}\" 没有 id 为 \"{row}\" 的行", self.at),
                );
            }
            let columns = self.column.iter().chain(&self.columns);
            if let Some(c) = columns.clone().find(|c| spec.column(c).is_none()) {
                return fail(
                    "column",
                    format!("表格 \"{}\" 没有 id 为 \"{c}\" 的列", self.at),
                );
            }
            match self.each {
                Each::Row => {
                    names.extend(spec.columns.iter().map(|c| c.id.as_str()));
                    names.extend(ROW_NAMES);
                }
                Each::Column if self.columns.is_empty() => {
                    return fail("columns", "each 为 column 时要列出 columns".into());
                }
                Each::Column if self.rows.is_empty() => {
                    names.extend(spec.rows.iter().map(|r| r.id.as_str()));
                }
                Each::Column => names.extend(self.rows.iter().map(String::as_str)),
                Each::Group if spec.groups.is_none() => {
                    return fail("each", format!("表格 \"{}\" 没有分组", self.at));
                }
                Each::Group => names.push("group"),
                Each::Report => {}
            }
        }
        compile_check(&self.assert, &names).map_err(|m| ("assert".to_string(), m))?;
        let messages = [
            ("message", Some(&self.message)),
            ("message_en", self.message_en.as_ref()),
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
}
