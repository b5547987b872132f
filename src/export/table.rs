//! Tables as aligned plain text, laid out by display width (a Chinese
//! character counts two columns) so they line up in a monospace font:
//!
//! ```text
//! 项目资金（万元）
//! +--------------+------------+
//! | 项目         | 年初预算数 |
//! +--------------+------------+
//! | 年度资金总额 |     100.00 |
//! +--------------+------------+
//! ```
//!
//! Computed cells show their values; rows are grouped with a subtotal after
//! each group; the summary lines (总分, 等级) follow the table.

use unicode_width::UnicodeWidthStr;

use crate::model::sheet::Table;
use crate::model::value;

use super::INDENT;
use super::wrap::hard_wrap;

/// Cells wider than this many columns wrap onto more lines.
const MAX_CELL: usize = 24;

/// One printed row: a text per column.
type Line = Vec<String>;

/// The caption, the table and the summary lines, as blocks of the export.
pub fn table_blocks(table: Table) -> Vec<String> {
    let spec = table.spec;
    let shown = spec.shown_columns();
    let fixed = spec.has_fixed_rows();
    let mut header: Line = Vec::new();
    let mut right: Vec<bool> = Vec::new();
    if fixed {
        header.push(spec.row_heading().to_string());
        right.push(false);
    }
    header.extend(shown.iter().map(|&i| spec.columns[i].label.clone()));
    right.extend(shown.iter().map(|&i| spec.columns[i].kind().is_number()));

    let row_line = |r: usize| -> Line {
        let row = &table.rows[r];
        let mut line: Line = Vec::new();
        if fixed {
            line.push(row.label.clone());
        }
        line.extend(
            shown
                .iter()
                .map(|&i| row.cells[i].display(&spec.columns[i])),
        );
        line
    };
    let mut body: Vec<Line> = Vec::new();
    if table.groups.is_empty() {
        body.extend((0..table.rows.len()).map(row_line));
    } else {
        let merged: Vec<usize> = spec
            .groups
            .iter()
            .flat_map(|g| std::iter::once(&g.column).chain(&g.subcolumn))
            .filter_map(|id| shown.iter().position(|&i| spec.columns[i].id == *id))
            .collect();
        for group in table.groups.iter().filter(|g| !g.rows.is_empty()) {
            let mut previous: Option<Line> = None;
            for &r in &group.rows {
                let mut line = row_line(r);
                let full = line.clone();
                // Repeated group names are left blank, like merged cells.
                for &m in &merged {
                    if previous.as_ref().is_some_and(|p| p[m] == full[m]) {
                        line[m].clear();
                    }
                }
                previous = Some(full);
                body.push(line);
            }
            let mut subtotal: Line = vec![String::new(); header.len()];
            subtotal[0] = format!("{}小计", group.name);
            for id in spec.groups.iter().flat_map(|g| &g.subtotals) {
                let (Some(index), Some(at)) = (
                    table.column_index(id),
                    shown.iter().position(|&i| spec.columns[i].id == *id),
                ) else {
                    continue;
                };
                let sum = table.sum(index, &group.rows);
                subtotal[at] = value::display_fixed(&spec.columns[index], sum);
            }
            body.push(subtotal);
        }
        let grouped: Vec<usize> = table.groups.iter().flat_map(|g| g.rows.clone()).collect();
        body.extend(
            (0..table.rows.len())
                .filter(|r| !grouped.contains(r))
                .map(row_line),
        );
    }

    let mut blocks = vec![table.field.label.clone(), grid(&header, &body, &right)];
    let summary: Vec<String> = spec
        .summary
        .iter()
        .zip(&table.summary)
        .map(|(line, result)| {
            let shown = result.as_ref().map(|r| r.display(line)).unwrap_or_default();
            format!("{INDENT}{}：{shown}", line.label)
        })
        .collect();
    if !summary.is_empty() {
        blocks.push(summary.join("\n"));
    }
    blocks
}

/// The header and rows drawn as a grid; each cell wrapped at [`MAX_CELL`].
fn grid(header: &Line, body: &[Line], right: &[bool]) -> String {
    let wrap = |line: &Line| -> Vec<Vec<String>> {
        line.iter()
            .map(|cell| {
                hard_wrap(cell, MAX_CELL)
                    .lines()
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    };
    let rows: Vec<Vec<Vec<String>>> = std::iter::once(header).chain(body).map(wrap).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .flat_map(|r| r[c].iter().map(|l| l.width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let rule = widths
        .iter()
        .map(|w| "-".repeat(w + 2))
        .collect::<Vec<_>>()
        .join("+");
    let rule = format!("+{rule}+");
    let mut out = vec![rule.clone()];
    for (index, row) in rows.iter().enumerate() {
        let height = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for l in 0..height {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(c, (lines, &width))| {
                    let text = lines.get(l).map_or("", String::as_str);
                    let pad = " ".repeat(width - text.width());
                    // Headers are left-aligned; figures right-aligned.
                    if right[c] && index > 0 {
                        format!("{pad}{text}")
                    } else {
                        format!("{text}{pad}")
                    }
                })
                .collect();
            out.push(format!("| {} |", cells.join(" | ")));
        }
        out.push(rule.clone());
    }
    out.join("\n")
}
