//! The rows under a focused table about its focused cell: that it is
//! being edited, its problems (then its row's, its group's, the table's,
//! other rows' errors), how a target was read, or what the cell expects.

use crate::lang::Lang;
use crate::model::cell_path::refusal;
use crate::model::cell_reading::{ReadAs, reading};
use crate::model::finding::Finding;
use crate::model::schema::{Kind, Severity};
use crate::model::sheet::Table;
use crate::model::value_error::Expectation;
use crate::strings;

use super::super::super::app::App;
use super::super::super::command::{CellCmd, Context};
use super::super::super::text::{fit, wrap};
use super::super::super::theme::Role;
use super::super::problem::{mark, words};

/// What [`about`] says, wrapped to `width`: all of it shows. While a
/// cell is being edited a row saying so comes first: edit mode is not
/// otherwise visible, and table keys (Ctrl-D …) seemed to do nothing
/// until Esc.
pub(super) fn about_rows(
    app: &App,
    table: Table,
    cell: Option<(usize, usize)>,
    problems: &[&Finding],
    editing: bool,
    width: usize,
) -> Vec<(String, Role)> {
    let mut rows = Vec::new();
    if editing {
        let keys = |cmd| app.ui.keymap.keys_for(Context::Cell, cmd);
        let said =
            strings::editing_cell(&keys(CellCmd::Confirm), &keys(CellCmd::Cancel), app.lang());
        rows.push((fit(&said, width), Role::Key));
    }
    if let Some((text, role)) = about(app, table, cell, problems) {
        let wrapped = wrap(&text, width.max(1));
        rows.extend(wrapped.lines().map(|row| (row.to_string(), role)));
    }
    rows
}

/// What the line under a focused table says: the problems of the focused
/// cell, then of its row, its group and the whole table, then the errors
/// of other rows (the first, and how many more): an error in a cell
/// scrolled out of view is not left to its ✗ alone. With none, what the
/// cell expects.
fn about(
    app: &App,
    table: Table,
    cell: Option<(usize, usize)>,
    problems: &[&Finding],
) -> Option<(String, Role)> {
    let lang = app.lang();
    let rank = |p: &Finding| -> Option<u8> {
        if p.severity == Severity::Notice {
            return None;
        }
        let elsewhere = (p.severity == Severity::Error).then_some(4);
        let Some((r, i)) = cell else {
            return if p.place.row.is_none() {
                Some(3)
            } else {
                elsewhere
            };
        };
        let row = &table.rows[r];
        let path = format!("{}.{}", row.path, table.spec.columns[i].id);
        let group = table.groups.iter().find(|g| g.rows.contains(&r));
        match p.place.row.as_deref() {
            _ if p.place.path.as_deref() == Some(path.as_str()) => Some(0),
            Some(label) if label == row.label => Some(1),
            Some(name) if group.is_some_and(|g| g.name == name) => Some(2),
            None => Some(3),
            Some(_) => elsewhere,
        }
    };
    let mut related: Vec<(u8, &Finding)> = problems
        .iter()
        .filter_map(|p| Some((rank(p)?, *p)))
        .collect();
    related.sort_by_key(|(rank, p)| (*rank, p.severity));
    // A focused target with nothing wrong in it says how it was read
    // (`读作定量指标：比较符号 ≥，数值 50，单位 个`), before its row's
    // problems: the writer is looking at that cell.
    if let Some((r, i)) = cell
        && related.first().is_none_or(|&(rank, _)| rank > 0)
        && let Some(said) = said_reading(&table, r, i, lang)
    {
        let column = &table.spec.columns[i];
        return Some((
            format!("{} › {}：{said}", table.rows[r].label, column.label),
            Role::Hint,
        ));
    }
    if let Some(&(rank, p)) = related.first() {
        let (mark, role) = mark(p.severity);
        // The focused cell's own finding needs no place: it is under it.
        let text = if rank == 0 {
            crate::strings::finding(&p.kind, lang)
        } else {
            words(p, lang)
        };
        let more = match related.len() - 1 {
            0 => String::new(),
            n => strings::more_findings(n, lang),
        };
        return Some((format!("{mark} {text}{more}"), role));
    }
    let (r, i) = cell?;
    let (row, column) = (&table.rows[r], &table.spec.columns[i]);
    let expectation = crate::strings::expectation(&Expectation::of(column), lang);
    let expects = refusal(column, &row.key).unwrap_or_else(|| match column.hint.as_str() {
        "" => expectation,
        hint => format!("{expectation}；{hint}"),
    });
    Some((
        format!("{} › {}：{expects}", row.label, column.label),
        Role::Hint,
    ))
}

/// How the focused cell was read, in words: for an indicator row's target
/// or actual value the row's reading (the comparator a bare target was
/// given and why, the actual in the target's unit or its tier); for any
/// other target cell, the cell's own.
fn said_reading(table: &Table<'_>, r: usize, i: usize, lang: Lang) -> Option<String> {
    let column = &table.spec.columns[i];
    let row = &table.rows[r];
    if let (Some(declared), Some(read)) = (&table.spec.reading, &row.reading) {
        let target = declared
            .target
            .as_deref()
            .or(declared.split.as_ref().map(|s| s.value.as_str()));
        if target == Some(column.id.as_str()) && read.target.is_some() {
            return Some(strings::target_reading(read, lang));
        }
        if declared.actual == column.id && !row.cells[i].text.trim().is_empty() {
            return Some(strings::actual_reading(read, lang));
        }
    }
    if column.kind() != Kind::Comparator {
        return None;
    }
    let read = reading(column, &row.cells[i].text)?;
    (read.read_as != ReadAs::Invalid).then(|| strings::cell_reading::reading(&read, lang))
}
