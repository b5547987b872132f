//! A table of the Word export: the form layout ([`crate::export::form`])
//! as a real Word table, each cell spanning the columns (gridSpan) and
//! rows (vMerge) the form gives it, in the table font (one size below the
//! body), figures right-aligned, headings centred.

use docx_rs::{
    AlignmentType, Paragraph, Table, TableAlignmentType, TableCell, TableRow, VAlignType,
    VMergeType, WidthType,
};
use unicode_width::UnicodeWidthStr;

use crate::export::form::{Form, FormCell, RowKind};

use super::paragraph;
use super::style::{Font, Style};

/// The caption printed above the table, where its label is not inside it.
pub fn caption(form: &Form, style: &Style) -> Vec<Paragraph> {
    form.caption
        .iter()
        .map(|text| paragraph(text, &style.body).align(AlignmentType::Center))
        .collect()
}

/// The table, `width` twips wide.
pub fn table(form: &Form, style: &Style, width: i32) -> Table {
    let grid = column_widths(form, width);
    let owners = form.owners();
    let rows = owners
        .iter()
        .enumerate()
        .map(|(r, line)| {
            let mut cells = Vec::new();
            for (c, owner) in line.iter().enumerate() {
                let Some((start, i)) = *owner else {
                    continue;
                };
                let cell = form.cell((start, i));
                if cell.column != c {
                    continue;
                }
                let span: usize = grid[c..c + cell.columns].iter().sum();
                let heading = form.rows[start].kind == RowKind::Heading;
                let mut word = if start == r {
                    cell_paragraphs(cell, &style.table, heading)
                } else {
                    TableCell::new().add_paragraph(Paragraph::new())
                };
                word = word
                    .width(span, WidthType::Dxa)
                    .vertical_align(VAlignType::Center);
                if cell.columns > 1 {
                    word = word.grid_span(cell.columns);
                }
                if cell.rows > 1 || start < r {
                    let merge = if start == r {
                        VMergeType::Restart
                    } else {
                        VMergeType::Continue
                    };
                    word = word.vertical_merge(merge);
                }
                cells.push(word);
            }
            // A row is kept on one page; a merged group may still break.
            TableRow::new(cells).cant_split()
        })
        .collect();
    Table::new(rows)
        .set_grid(grid)
        .width(width.unsigned_abs() as usize, WidthType::Dxa)
        .align(TableAlignmentType::Center)
}

/// The table's leading heading rows, which Word repeats on every page the
/// table runs onto.
pub fn header_rows(form: &Form) -> usize {
    form.rows
        .iter()
        .take_while(|row| row.kind == RowKind::Heading)
        .count()
}

fn cell_paragraphs(cell: &FormCell, font: &Font, heading: bool) -> TableCell {
    let align = if heading {
        AlignmentType::Center
    } else if cell.right {
        AlignmentType::Right
    } else {
        AlignmentType::Left
    };
    let bold = Font {
        bold: font.bold || heading,
        ..font.clone()
    };
    let mut out = TableCell::new();
    let mut lines = cell.text.lines().peekable();
    if lines.peek().is_none() {
        return out.add_paragraph(Paragraph::new());
    }
    for line in lines {
        out = out.add_paragraph(paragraph(line, &bold).align(align));
    }
    out
}

/// Each column's width in twips: the type area shared in proportion to
/// the widest text a column has in a cell of its own (a spanning cell
/// spreads over its columns), within bounds so no column starves.
fn column_widths(form: &Form, width: i32) -> Vec<usize> {
    let mut wants = vec![4usize; form.columns.len()];
    for row in &form.rows {
        for cell in row.cells.iter().filter(|cell| cell.columns == 1) {
            let text = cell.text.lines().map(UnicodeWidthStr::width).max();
            let want = text.unwrap_or(0).clamp(4, 24);
            wants[cell.column] = wants[cell.column].max(want);
        }
    }
    let total: usize = wants.iter().sum();
    let width = width.unsigned_abs() as usize;
    wants.iter().map(|w| width * w / total.max(1)).collect()
}
