//! A document's tables into the template's table fields, matched by their
//! header names: each of the template's columns finds the document's
//! column whose header (in any of the first rows, so a two-row header with
//! split target columns reads too) is most like its label, the best
//! matches first and each document column for one column only. A table of
//! fixed rows (the funding block) finds each row by its label; a table the
//! writer adds rows to takes every data row in order. Cells are stored as
//! typed, as the editor stores them, so the same reading and checks apply;
//! computed cells are left to be computed. What no column or row takes
//! goes to the holding place.

use super::heading::{key, similarity};
use crate::model::held::{Held, HeldReason};
use crate::model::project::{Entry, Project};
use crate::model::schema::{Field, Show, TableSpec};
use crate::model::table_value::{RowKey, TableValue};
use crate::model::text::leading_number;

/// How many rows at the top a header may take.
const HEADER_ROWS: usize = 3;
/// The least similarity of a header to a column's label.
const HEADER_MIN: u32 = 70;
/// The least share of the template's columns (in %) a document's table
/// must name to be taken as that table.
const TABLE_MIN: usize = 50;

/// A document table, with the heading it came under.
pub type Found = (Vec<Vec<String>>, Option<String>);

/// Where a document table's columns go in one table field.
struct Mapping<'t> {
    field: &'t Field,
    spec: &'t TableSpec,
    /// Per column of the template's: the document's column, if found.
    columns: Vec<(&'t Field, Option<usize>)>,
    header_rows: usize,
    /// Share of the template's columns found, in %.
    share: usize,
}

fn mapping<'t>(field: &'t Field, spec: &'t TableSpec, rows: &[Vec<String>]) -> Mapping<'t> {
    let shown: Vec<&Field> = spec
        .columns
        .iter()
        .filter(|c| c.show != Show::Hidden)
        .collect();
    // Every header cell like a column's label, best first; each column
    // takes its best that no better match took, so two columns never read
    // one document column (全年预算数 is like both 年初预算数 and
    // 全年预算数（A）, and only the second is it).
    let mut likes: Vec<(u32, usize, usize, usize)> = Vec::new();
    for (t, column) in shown.iter().enumerate() {
        let label = key(&column.label);
        for (r, row) in rows.iter().take(HEADER_ROWS).enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let score = similarity(&key(cell), &label);
                if score >= HEADER_MIN {
                    likes.push((score, t, r, c));
                }
            }
        }
    }
    likes.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2, a.3).cmp(&(b.1, b.2, b.3))));
    // The header is as deep as the columns' best matches go. A column
    // whose best another took settles for a cell in those rows, never for
    // a data cell below them, which would make its row a header's and
    // leave it unread.
    let mut best_seen = vec![false; shown.len()];
    let mut header_rows = 0;
    for &(_, t, r, _) in &likes {
        if !std::mem::replace(&mut best_seen[t], true) {
            header_rows = header_rows.max(r + 1);
        }
    }
    let mut chosen: Vec<Option<(usize, usize)>> = vec![None; shown.len()];
    for (_, t, r, c) in likes.into_iter().filter(|&(_, _, r, _)| r < header_rows) {
        if chosen[t].is_none() && !chosen.iter().flatten().any(|&(_, taken)| taken == c) {
            chosen[t] = Some((r, c));
        }
    }
    let found = chosen.iter().flatten().count();
    let columns = shown
        .iter()
        .zip(&chosen)
        .map(|(column, at)| (*column, at.map(|(_, c)| c)))
        .collect();
    let share = match shown.len() {
        0 => 0,
        n => 100 * found / n,
    };
    Mapping {
        field,
        spec,
        columns,
        header_rows,
        share,
    }
}

/// What filling the tables did.
#[derive(Debug, Default)]
pub struct Filled {
    pub rows: usize,
    pub held: Vec<Held>,
    /// The document's columns that found a column of the template, less
    /// those with data that found none: how well this template's tables
    /// fit, to choose between templates whose headings match alike.
    pub fit: i64,
}

/// Whether a column holds only the names of a fixed-rows table's rows (or
/// its row header, merged down them): the rows' labels, not data.
fn names_rows(m: &Mapping, data: &[&str]) -> bool {
    if !m.spec.has_fixed_rows() {
        return false;
    }
    let names: Vec<String> = m
        .spec
        .rows
        .iter()
        .map(|r| r.label.as_str())
        .chain([m.spec.row_heading(), m.field.label.as_str()])
        .map(key)
        .collect();
    data.iter()
        .filter(|t| !t.is_empty())
        .all(|t| names.iter().any(|n| similarity(&key(t), n) >= HEADER_MIN))
}

/// Fills the project's tables from the document's: how many rows were
/// placed, and what went to the holding place.
pub fn fill(project: &mut Project, tables: Vec<Found>) -> Filled {
    let mut placed = 0;
    let mut fit = 0;
    let mut held = Vec::new();
    let template = project.template.clone();
    let mut filled: Vec<String> = Vec::new();
    for (rows, under) in tables {
        let best = template
            .fields()
            .filter(|f| !filled.contains(&f.id))
            .filter_map(|f| f.table().map(|spec| mapping(f, spec, &rows)))
            .filter(|m| m.share >= TABLE_MIN)
            .max_by_key(|m| m.share);
        let Some(m) = best else {
            held.push(Held {
                text: table_text(&rows),
                reason: HeldReason::UnknownTable,
                under,
            });
            continue;
        };
        filled.push(m.field.id.clone());
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for c in 0..width {
            if m.columns.iter().any(|(_, at)| *at == Some(c)) {
                fit += 1;
                continue;
            }
            let data: Vec<&str> = rows
                .iter()
                .skip(m.header_rows)
                .filter(|r| !is_computed(m.spec, r))
                .filter_map(|r| r.get(c).map(|t| t.trim()))
                .collect();
            // A column spanned by its neighbour (a row label over two
            // grid columns) repeats the neighbour's text: nothing of its own.
            let spanned = rows.iter().all(|r| c > 0 && r.get(c) == r.get(c - 1));
            if data.iter().all(|t| t.is_empty()) || spanned || names_rows(&m, &data) {
                continue;
            }
            fit -= 1;
            let header: Vec<&str> = rows
                .iter()
                .take(m.header_rows)
                .filter_map(|r| r.get(c).map(String::as_str))
                .collect();
            held.push(Held {
                text: format!("{}：{}", header.join(" "), data.join("\t")),
                reason: HeldReason::TableRest,
                under: Some(m.field.label.clone()),
            });
        }
        let mut value = TableValue::new(m.spec);
        let mut added = 0;
        let mut named: Vec<String> = Vec::new();
        for row in rows.iter().skip(m.header_rows) {
            let key = if m.spec.has_fixed_rows() {
                // A second row naming a row already read (年度资金总额
                // twice) would overwrite it: it is held instead.
                match fixed_row(m.spec, row).filter(|id| !named.contains(id)) {
                    Some(id) => RowKey::Named(id),
                    None => {
                        if row.iter().any(|c| !c.trim().is_empty()) {
                            held.push(Held {
                                text: row.join("\t"),
                                reason: HeldReason::TableRest,
                                under: Some(m.field.label.clone()),
                            });
                        }
                        continue;
                    }
                }
            } else if is_computed(m.spec, row) {
                // A 小计 or 总分 row is computed again from the rows.
                continue;
            } else {
                RowKey::Index(added)
            };
            let mut any = false;
            for (column, at) in &m.columns {
                let text = at.and_then(|c| row.get(c)).map_or("", |t| t.trim());
                // A computed column (a score, even one the writer may
                // override) is computed again; a figure the template gives
                // the row (分值 10) is the template's, not the writer's.
                if text.is_empty()
                    || column.formula.is_some()
                    || is_default(m.spec, &key, column, text)
                {
                    continue;
                }
                if !TableSpec::applies(column, key.id()) {
                    continue;
                }
                value.set_cell(&key, &column.id, text.to_string());
                any = true;
            }
            if any {
                if let RowKey::Named(id) = &key {
                    named.push(id.clone());
                }
                placed += 1;
                if matches!(key, RowKey::Index(_)) {
                    added += 1;
                }
            }
        }
        project.set(&m.field.id, Entry::Table(value));
    }
    Filled {
        rows: placed,
        held,
        fit,
    }
}

/// The fixed row a document row names in its first cells.
fn fixed_row(spec: &TableSpec, row: &[String]) -> Option<String> {
    row.iter().take(2).find_map(|cell| {
        let cell = key(cell);
        spec.rows
            .iter()
            .map(|r| (similarity(&cell, &key(&r.label)), r))
            .filter(|(s, _)| *s >= HEADER_MIN)
            .max_by_key(|(s, _)| *s)
            .map(|(_, r)| r.id.clone())
    })
}

/// Whether a row is one the table computes: a 小计 or 合计, or one of its
/// summary lines (总分, 自评等级).
fn is_computed(spec: &TableSpec, row: &[String]) -> bool {
    let summary: Vec<String> = spec.summary.iter().map(|f| key(&f.label)).collect();
    row.iter()
        .map(|c| key(c))
        .any(|c| matches!(c.as_str(), "合计" | "总计" | "小计") || summary.contains(&c))
}

/// Whether `text` is the figure the template gives this cell of a fixed
/// row, however the export formatted it (`10.00` for `10`).
fn is_default(spec: &TableSpec, row: &RowKey, column: &Field, text: &str) -> bool {
    let Some(default) = row
        .id()
        .and_then(|id| spec.row(id))
        .and_then(|r| r.cells.get(&column.id))
    else {
        return false;
    };
    match (leading_number(default), leading_number(text)) {
        (Some(a), Some(b)) => a == b,
        _ => default.trim() == text,
    }
}

/// A table as text for the holding place: a row a line, cells by tabs.
fn table_text(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|r| r.join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
