//! Judging the cross-checks a template declares ([`super::schema::CrossCheck`])
//! against the computed sheet, with their messages' `{…}` placeholders
//! filled with figures.
//!
//! A check whose figures are not all filled in yet is not judged.

use rhai::{Dynamic, Scope};

use super::finding::{Finding, FindingKind, Place, TemplateName};
use super::formula::{self, FormulaError, Outcome, to_decimal};
use super::schema::{CrossCheck, Each, Field, Formula, Severity, Template};
use super::sheet::{Sheet, Table, push_names, row_names};
use super::text::placeholders;
use super::value;

/// Judges every check of the template against the computed sheet; each
/// failure is placed at the check's field (its outline node left for the
/// caller, who knows the outline).
pub fn run(template: &Template, sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    // One copy of the report-wide names; each judgement adds its own on top
    // and takes them away again.
    let mut scope = sheet.scope();
    for check in &template.checks {
        let table = sheet.table(template, &check.at);
        // A report-wide check's figures are shown like the field it is at.
        let at = template.field(&check.at).filter(|f| f.kind().is_number());
        for (names, place) in judgements(check, table) {
            let base = scope.len();
            push_names(&mut scope, names);
            let found = judge(template, check, &mut scope, place.field.or(at));
            scope.rewind(base);
            let Some((severity, kind)) = found else {
                continue;
            };
            out.push(Finding {
                place: Place {
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

/// A failed check's severity and finding, or `None` when it holds (or its
/// figures are not all filled in yet).
fn judge(
    template: &Template,
    check: &CrossCheck,
    scope: &mut Scope<'static>,
    field: Option<&Field>,
) -> Option<(Severity, FindingKind)> {
    match formula::eval(&check.assert, scope) {
        Outcome::Value(v) if v.as_bool() == Ok(true) => None,
        Outcome::Blank => None,
        Outcome::Value(v) if v.is_bool() => {
            let filled = fill(&check.message, scope, field).and_then(|zh| {
                let en = check.message_en.as_ref().map(|m| fill(m, scope, field));
                Ok((zh, en.transpose()?))
            });
            match filled {
                Ok((zh, en)) => Some((check.severity, FindingKind::Check { zh, en })),
                // A figure the message names is not filled in yet: the
                // check waits rather than show `{…}` or （空）.
                Err(None) => None,
                Err(Some(error)) => Some((Severity::Warning, failed(template, error))),
            }
        }
        Outcome::Value(v) => {
            let error = FormulaError::NotBool {
                formula: check.assert.source(),
                value: v.to_string(),
            };
            Some((Severity::Warning, failed(template, error)))
        }
        Outcome::Failed(error) => Some((Severity::Warning, failed(template, error))),
    }
}

fn failed(template: &Template, error: FormulaError) -> FindingKind {
    FindingKind::Formula {
        template: TemplateName::of(template),
        error,
    }
}

/// Names a judgement adds to the report-wide ones.
type Names = Vec<(String, Dynamic)>;

/// What a judgement points at: the row and column a failure is reported at.
struct PointsAt<'t> {
    row: Option<String>,
    /// The column pointed at; also formats the message's figures.
    field: Option<&'t Field>,
    path: Option<String>,
}

/// What a check is judged over: once for the report, or per row, column or
/// group of its table, each with the names it adds and where it points.
fn judgements<'t>(check: &CrossCheck, table: Option<Table<'t>>) -> Vec<(Names, PointsAt<'t>)> {
    let Some(table) = table.filter(|_| check.each != Each::Report) else {
        let place = PointsAt {
            row: None,
            field: None,
            path: None,
        };
        return vec![(Names::new(), place)];
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
                let place = PointsAt {
                    row: Some(r.label.clone()),
                    field: column,
                    path: column.map(|c| format!("{}.{}", r.path, c.id)),
                };
                (row_names(spec, &r.cells, r.reading.as_ref()), place)
            })
            .collect(),
        Each::Column => {
            let first = table.rows.iter().find(|r| wanted(r.key.id()));
            check
                .columns
                .iter()
                .filter_map(|id| Some((spec.column(id)?, table.column_index(id)?)))
                .map(|(c, i)| {
                    let names: Names = table
                        .rows
                        .iter()
                        .filter(|r| wanted(r.key.id()))
                        .filter_map(|r| Some((r.key.id()?.to_string(), r.cells[i].effective(c))))
                        .collect();
                    let place = PointsAt {
                        row: first.map(|r| r.label.clone()),
                        field: Some(c),
                        path: first.map(|r| format!("{}.{}", r.path, c.id)),
                    };
                    (names, place)
                })
                .collect()
        }
        // A table with no rows yet has nothing to judge per group (its
        // totals would read 0 and a fresh project would start with errors);
        // an empty required table is reported as missing instead.
        Each::Group if table.rows.is_empty() => Vec::new(),
        Each::Group => table
            .groups
            .iter()
            .map(|g| {
                let group = table.sheet.group_map(spec, g);
                let names = vec![("group".to_string(), Dynamic::from(group))];
                let place = PointsAt {
                    row: Some(g.name.clone()),
                    field: column,
                    path: None,
                };
                (names, place)
            })
            .collect(),
    }
}

/// The message with each `{expression}` replaced by its value; numbers are
/// shown in the pointed-at column's decimals and unit, or with 2 decimals.
/// `Err(None)` while a figure it names is blank; `Err(Some(…))` when one
/// fails (a mistake in the template's message).
fn fill(
    message: &str,
    scope: &mut Scope<'static>,
    field: Option<&Field>,
) -> Result<String, Option<FormulaError>> {
    let Ok(expressions) = placeholders(message) else {
        return Ok(message.to_string());
    };
    let mut out = message.to_string();
    for expression in expressions {
        let shown = match formula::eval(&Formula::Line(expression.to_string()), scope) {
            Outcome::Value(v) => match (to_decimal(&v), field) {
                (Some(n), Some(f)) if f.kind().is_number() => value::display_figure(f, n),
                (Some(n), _) => value::round(n, 2).normalize().to_string(),
                (None, _) => v.to_string(),
            },
            Outcome::Blank => return Err(None),
            Outcome::Failed(error) => return Err(Some(error)),
        };
        out = out.replacen(&format!("{{{expression}}}"), &shown, 1);
    }
    Ok(out)
}
