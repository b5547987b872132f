//! A Word document's body as pieces, read with docx-rs's reader (the crate
//! the export writes with, so no second zip and XML stack): paragraphs as
//! their text, tables as rows of cell texts laid out on the table's grid —
//! a cell spanning columns repeated in each, a cell merged down the rows
//! (一级指标 over its rows) repeated in each row it covers — so a table
//! reads the same however Word or LibreOffice merged it.

use docx_rs::{DocumentChild, Table, TableCell, TableCellContent, TableChild, TableRowChild};

use super::{Piece, Refusal};

pub fn pieces(bytes: &[u8]) -> Result<Vec<Piece>, Refusal> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| Refusal::Docx(e.to_string()))?;
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                // A line break inside a paragraph (Shift-Enter) starts a line
                // of its own, as it reads.
                for line in p.raw_text().lines() {
                    let line = line.trim();
                    if !line.is_empty() {
                        out.push(Piece::Para(line.to_string()));
                    }
                }
            }
            DocumentChild::Table(t) => out.push(Piece::Table(rows(t))),
            _ => {}
        }
    }
    Ok(out)
}

/// How a cell spans: its columns, and whether it continues the cell above.
fn span(cell: &TableCell) -> (usize, bool) {
    // docx-rs keeps a cell's properties private; its serialised form
    // (camelCase, as the crate documents for its JS binding) has them.
    let property = serde_json::to_value(&cell.property).unwrap_or_default();
    let columns = property
        .get("gridSpan")
        .and_then(serde_json::Value::as_u64)
        .map_or(1, |n| usize::try_from(n).unwrap_or(1).max(1));
    let continues = property.get("verticalMerge").and_then(|v| v.as_str()) == Some("continue");
    (columns, continues)
}

fn cell_text(cell: &TableCell) -> String {
    let lines: Vec<String> = cell
        .children
        .iter()
        .filter_map(|c| match c {
            TableCellContent::Paragraph(p) => Some(p.raw_text().trim().to_string()),
            _ => None,
        })
        .filter(|t| !t.is_empty())
        .collect();
    lines.join("\n")
}

fn rows(table: &Table) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for TableChild::TableRow(row) in &table.rows {
        let mut cells: Vec<String> = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let (columns, continues) = span(cell);
            let at = cells.len();
            let text = if continues {
                out.last()
                    .and_then(|above| above.get(at))
                    .cloned()
                    .unwrap_or_default()
            } else {
                cell_text(cell)
            };
            cells.extend(std::iter::repeat_n(text, columns));
        }
        out.push(cells);
    }
    out
}
