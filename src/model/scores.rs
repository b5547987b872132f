//! What a table's own figures say about its scores and weights, beyond
//! the template's cross-checks: a score typed over the rule's (a column
//! with a [`super::schema::Deduction`]), and a group given two different
//! weights by its rows.
//!
//! A typed score below the rule's is what the unit publishes (units deduct
//! points on met targets, 9 of 10): it is kept and counts, the rule's score
//! is named beside it, and the deduction's reason is asked for. A typed
//! score above the rule's cannot be published: an error.

use rust_decimal::Decimal;

use super::finding::{Finding, FindingKind, Place};
use super::formula::{self, Outcome, to_decimal};
use super::schema::{Deduction, Field, Severity, Template};
use super::sheet::{Row, Scalar, Sheet, Table, push_names, row_names};
use super::value::Value;

/// Findings about typed scores and group weights in every table.
pub fn run(template: &Template, sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut scope = sheet.scope();
    for table in &sheet.tables {
        let Some(table) = sheet.table(template, &table.id) else {
            continue;
        };
        out.extend(conflicts(table));
        for (i, column) in table.spec.columns.iter().enumerate() {
            let Some(deduction) = &column.deduction else {
                continue;
            };
            for row in &table.rows {
                let floor = deduction.floor.as_ref().and_then(|f| {
                    let base = scope.len();
                    push_names(
                        &mut scope,
                        row_names(table.spec, &row.cells, row.reading.as_ref()),
                    );
                    let outcome = formula::eval(f, &mut scope);
                    scope.rewind(base);
                    match outcome {
                        Outcome::Value(v) => to_decimal(&v),
                        _ => None,
                    }
                });
                out.extend(typed_score(table, row, i, column, deduction, floor));
            }
        }
    }
    out
}

/// `n` in the column's fixed decimals, as the grid prints it (`9.00`).
fn fixed(column: &Field, n: Decimal) -> Decimal {
    let mut n = super::value::round(n, column.decimals());
    n.rescale(column.decimals());
    n
}

/// The findings of a score typed in `row`'s cell `index`, judged against
/// the rule's score (the column's formula) and, where the rule allows a
/// range, its `floor`.
fn typed_score(
    table: Table,
    row: &Row,
    index: usize,
    column: &Field,
    deduction: &Deduction,
    floor: Option<Decimal>,
) -> Vec<Finding> {
    let cell = &row.cells[index];
    let (Some(Value::Decimal(typed)), Some(Scalar::Number(rule))) = (&cell.value, &cell.computed)
    else {
        return Vec::new();
    };
    let (typed, rule) = (fixed(column, *typed), fixed(column, *rule));
    let floor = floor.map(|f| fixed(column, f)).filter(|f| *f < rule);
    let lowest = floor.unwrap_or(rule);
    let place = |column: &Field| Place {
        field: table.id.clone(),
        node: None,
        row: Some(row.label.clone()),
        column: Some(column.label.clone()),
        path: Some(format!("{}.{}", row.path, column.id)),
    };
    let found = |severity, kind| Finding {
        place: place(column),
        severity,
        kind,
    };
    if typed > rule {
        return vec![found(
            Severity::Error,
            FindingKind::ScoreAboveRule { typed, rule },
        )];
    }
    if typed >= lowest {
        return Vec::new();
    }
    let mut out = vec![found(
        Severity::Notice,
        FindingKind::ScoreBelowRule { typed, rule, floor },
    )];
    let reason = table.spec.column(&deduction.reason);
    let given = table
        .column_index(&deduction.reason)
        .is_some_and(|r| !row.cells[r].text.trim().is_empty());
    if let (Some(reason), false) = (reason, given) {
        out.push(Finding {
            place: place(reason),
            severity: Severity::Warning,
            kind: FindingKind::DeductionUnexplained {
                typed,
                rule: lowest,
                reason: reason.label.clone(),
            },
        });
    }
    out
}

/// A group whose rows state different weights.
fn conflicts(table: Table) -> Vec<Finding> {
    let column = table
        .spec
        .groups
        .as_ref()
        .and_then(|g| table.spec.column(&g.column));
    table
        .groups
        .iter()
        .filter(|g| !g.conflicts.is_empty())
        .filter_map(|g| {
            Some(Finding {
                place: Place {
                    field: table.id.clone(),
                    node: None,
                    row: Some(g.name.clone()),
                    column: column.map(|c| c.label.clone()),
                    path: None,
                },
                severity: Severity::Warning,
                kind: FindingKind::GroupWeightsDiffer {
                    group: g.name.clone(),
                    weight: g.weight?,
                    others: g.conflicts.clone(),
                },
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "scores_tests.rs"]
mod tests;
