//! A table laid out as the printed 自评表 lays it out: rows × columns in
//! which a cell may span several rows or columns. The plain-text export
//! draws it ([`super::grid`]); a Word export can write the same cells with
//! the same spans, so both look like the form.
//!
//! - A table with fixed rows (the funding block) has its label in a first
//!   column spanning the whole table (`项目资金（万元）`), then the row
//!   labels, then the columns; a table of one fixed row (年度总体目标) has
//!   no column of row labels, its label naming the row.
//! - A table whose rows the writer adds (the indicators) has its label as a
//!   caption above (the grid is wide enough without another column); rows
//!   are grouped: the group's cell (一级指标) spans its rows and its 小计
//!   row, equal neighbouring subgroup cells (二级指标) span their rows.
//! - Summary lines (总分, 等级) are rows at the bottom of the grid: the
//!   label spans the columns left of the subtotal columns (分值, 得分),
//!   the value spans those; it is not put under one of them, since a
//!   summary line's formula may add more than the column (总分 adds the
//!   budget row's score).

use crate::model::sheet::Table;
use crate::model::value;

/// The printed layout of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Printed above the grid, when the label is not inside it.
    pub caption: Option<String>,
    pub columns: Vec<FormColumn>,
    pub rows: Vec<FormRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormColumn {
    /// The heading that names a value in this column when the rows are
    /// listed; `None` for the columns of labels (the table's, the rows').
    pub heading: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Column headings.
    Heading,
    /// A row of the table.
    Body,
    /// A group's 小计.
    Subtotal,
    /// A summary line (总分, 等级).
    Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRow {
    pub kind: RowKind,
    /// What the row is called when listed: `年度资金总额`,
    /// `第1行「培训党员人次」`, `产出指标小计`, `总分`.
    pub title: String,
    /// The cells that start in this row, left to right. Every place of the
    /// grid is covered by exactly one cell (of this row or one above).
    pub cells: Vec<FormCell>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormCell {
    /// The first column it covers.
    pub column: usize,
    /// How many columns and rows it covers (at least 1).
    pub columns: usize,
    pub rows: usize,
    pub text: String,
    /// Figures are right-aligned, words left-aligned.
    pub right: bool,
    /// A label cell (a row's name, 小计, 总分): left out of a listed row's
    /// items, since the row's title says it.
    pub label: bool,
}

impl FormCell {
    fn new(column: usize, text: impl Into<String>) -> FormCell {
        FormCell {
            column,
            columns: 1,
            rows: 1,
            text: text.into(),
            right: false,
            label: false,
        }
    }

    fn label(column: usize, columns: usize, text: impl Into<String>) -> FormCell {
        FormCell {
            columns,
            label: true,
            ..FormCell::new(column, text)
        }
    }
}

impl Form {
    /// For each place `(row, column)`: the row where the covering cell
    /// starts and its index there.
    pub fn owners(&self) -> Vec<Vec<Option<(usize, usize)>>> {
        let width = self.columns.len();
        let mut owners = vec![vec![None; width]; self.rows.len()];
        for (r, row) in self.rows.iter().enumerate() {
            for (i, cell) in row.cells.iter().enumerate() {
                for line in owners.iter_mut().skip(r).take(cell.rows) {
                    for place in line.iter_mut().skip(cell.column).take(cell.columns) {
                        *place = Some((r, i));
                    }
                }
            }
        }
        owners
    }

    /// The cell at `(r, i)` as [`Form::owners`] names it.
    pub fn cell(&self, (r, i): (usize, usize)) -> &FormCell {
        &self.rows[r].cells[i]
    }

    /// Puts an empty cell wherever no cell covers a place, so every place
    /// is drawn with its borders.
    fn complete(mut self) -> Form {
        let owners = self.owners();
        for (r, line) in owners.iter().enumerate() {
            for (c, owner) in line.iter().enumerate() {
                if owner.is_none() {
                    self.rows[r].cells.push(FormCell::new(c, ""));
                }
            }
            self.rows[r].cells.sort_by_key(|cell| cell.column);
        }
        self
    }
}

/// The form layout of `table` with its computed figures.
pub fn form(table: Table) -> Form {
    let spec = table.spec;
    let shown = spec.shown_columns();
    let figure = |i: usize| spec.columns[i].kind().is_number();
    let headings = shown.iter().map(|&i| spec.columns[i].label.clone());

    if spec.has_fixed_rows() {
        // The label column, then (with more than one row) the row labels.
        let lead = if table.rows.len() > 1 { 2 } else { 1 };
        let mut columns = vec![FormColumn { heading: None }; lead];
        columns.extend(headings.clone().map(|h| FormColumn { heading: Some(h) }));
        let mut heading = FormRow {
            kind: RowKind::Heading,
            title: String::new(),
            cells: vec![FormCell {
                rows: table.rows.len() + 1,
                ..FormCell::label(0, 1, table.field.label.clone())
            }],
        };
        heading.cells.extend(
            headings
                .enumerate()
                .map(|(n, h)| FormCell::new(lead + n, h)),
        );
        let mut rows = vec![heading];
        for row in table.rows.iter() {
            let mut cells = Vec::new();
            if lead == 2 {
                cells.push(FormCell::label(1, 1, row.label.clone()));
            }
            cells.extend(shown.iter().enumerate().map(|(n, &i)| FormCell {
                right: figure(i),
                ..FormCell::new(lead + n, row.cells[i].display(&spec.columns[i]))
            }));
            rows.push(FormRow {
                kind: RowKind::Body,
                title: row.label.clone(),
                cells,
            });
        }
        let mut form = Form {
            caption: None,
            columns,
            rows,
        };
        summary_rows(&mut form, table, None);
        return form.complete();
    }

    let columns: Vec<FormColumn> = headings
        .clone()
        .map(|h| FormColumn { heading: Some(h) })
        .collect();
    let mut rows = vec![FormRow {
        kind: RowKind::Heading,
        title: String::new(),
        cells: headings
            .enumerate()
            .map(|(n, h)| FormCell::new(n, h))
            .collect(),
    }];
    let body = |r: usize| FormRow {
        kind: RowKind::Body,
        title: table.rows[r].label.clone(),
        cells: shown
            .iter()
            .enumerate()
            .map(|(n, &i)| FormCell {
                right: figure(i),
                ..FormCell::new(n, table.rows[r].cells[i].display(&spec.columns[i]))
            })
            .collect(),
    };
    let at = |id: &str| shown.iter().position(|&i| spec.columns[i].id == id);
    let groups = spec.groups.as_ref();
    let group_at = groups.and_then(|g| at(&g.column));
    let sub_at = groups.and_then(|g| g.subcolumn.as_deref()).and_then(at);
    let subtotals: Vec<(usize, usize)> = groups
        .map(|g| &g.subtotals)
        .into_iter()
        .flatten()
        .filter_map(|id| Some((table.column_index(id)?, at(id)?)))
        .collect();
    let first_total = subtotals.iter().map(|&(_, n)| n).min();

    for group in table.groups.iter().filter(|g| !g.rows.is_empty()) {
        let start = rows.len();
        rows.extend(group.rows.iter().map(|&r| body(r)));
        // Equal neighbouring subgroups become one cell spanning their rows.
        if let Some(s) = sub_at {
            merge_down(&mut rows[start..], s);
        }
        // The group's own 小计, its label beside the group's cell.
        let inside = group_at == Some(0) && first_total.is_some_and(|t| t > 1);
        let from = usize::from(inside);
        let to = first_total.unwrap_or(columns.len()).max(from + 1);
        // Beside the group's cell the 小计 needs no name.
        let label = if inside {
            "小计".to_string()
        } else {
            format!("{}小计", group.name)
        };
        let mut cells = vec![FormCell::label(from, to - from, label)];
        for &(index, n) in subtotals.iter().filter(|&&(_, n)| n >= to) {
            let sum = table.sum(index, &group.rows);
            cells.push(FormCell {
                right: true,
                ..FormCell::new(n, value::display_fixed(&spec.columns[index], sum))
            });
        }
        rows.push(FormRow {
            kind: RowKind::Subtotal,
            title: format!("{}小计", group.name),
            cells,
        });
        // One cell of the group's name over its rows (and its 小计).
        if let Some(g) = group_at {
            let end = start + group.rows.len();
            for row in &mut rows[start + 1..end] {
                row.cells.retain(|c| c.column != g);
            }
            if let Some(cell) = rows[start].cells.iter_mut().find(|c| c.column == g) {
                cell.rows = group.rows.len() + usize::from(inside);
                cell.text = group.name.clone();
            }
        }
    }
    let grouped: Vec<usize> = table.groups.iter().flat_map(|g| g.rows.clone()).collect();
    rows.extend(
        (0..table.rows.len())
            .filter(|r| !grouped.contains(r))
            .map(body),
    );
    let mut form = Form {
        caption: Some(table.field.label.clone()),
        columns,
        rows,
    };
    let totals = first_total.zip(subtotals.iter().map(|&(_, n)| n + 1).max());
    summary_rows(&mut form, table, totals);
    form.complete()
}

/// Cells of column `c` equal to the one above (and not blank) are taken
/// into it, which then spans their rows.
fn merge_down(rows: &mut [FormRow], c: usize) {
    let mut top = 0;
    for r in 1..rows.len() {
        let text = |row: &FormRow| {
            row.cells
                .iter()
                .find(|cell| cell.column == c)
                .map(|cell| cell.text.clone())
        };
        let (above, here) = (text(&rows[top]), text(&rows[r]));
        if here.is_some() && here == above && here.as_deref() != Some("") {
            rows[r].cells.retain(|cell| cell.column != c);
            if let Some(cell) = rows[top].cells.iter_mut().find(|cell| cell.column == c) {
                cell.rows += 1;
            }
        } else {
            top = r;
        }
    }
}

/// The summary lines as rows: the label left of the first subtotal
/// column (分值), the value over the subtotal columns (分值 to 得分), where
/// the figures it totals stand; without subtotals, the value in the last
/// column.
fn summary_rows(form: &mut Form, table: Table, totals: Option<(usize, usize)>) {
    let width = form.columns.len();
    let (from, to) = totals.unwrap_or((width.saturating_sub(1), width));
    let from = from.clamp(1, width.max(1));
    let to = to.clamp(from, width);
    for (line, result) in table.spec.summary.iter().zip(&table.summary) {
        let shown = result.as_ref().map(|r| r.display(line)).unwrap_or_default();
        let mut cells = vec![FormCell::label(0, from, line.label.clone())];
        if from < to {
            cells.push(FormCell {
                columns: to - from,
                right: line.kind().is_number(),
                ..FormCell::new(from, shown)
            });
        } else if let Some(label) = cells.first_mut() {
            label.text = format!("{}：{shown}", line.label);
        }
        form.rows.push(FormRow {
            kind: RowKind::Summary,
            title: line.label.clone(),
            cells,
        });
    }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
