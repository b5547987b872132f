//! A Word document's body as pieces, read with docx-rs's reader (the crate
//! the export writes with, so no second zip and XML stack): paragraphs as
//! their text, tables as rows of cell texts laid out on the table's grid —
//! a cell spanning columns repeated in each, a cell merged down the rows
//! (一级指标 over its rows) repeated in each row it covers — so a table
//! reads the same however Word or LibreOffice merged it.
//!
//! Text is read wherever Word keeps it in the body: in runs, tracked
//! insertions, moved-to text, hyperlinks and content controls (which Word
//! templates and WPS forms wrap around what is filled in), also inside
//! table cells and in tables nested in cells. Tracked deletions and
//! moved-from text are not the document's text and are left out.

use docx_rs::{
    DocumentChild, InsertChild, MoveToChild, ParagraphChild, Run, RunChild, StructuredDataTag,
    StructuredDataTagChild, Table, TableCell, TableCellContent, TableChild, TableRowChild,
};

use super::{Piece, Refusal};

pub fn pieces(bytes: &[u8]) -> Result<Vec<Piece>, Refusal> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| Refusal::Docx(e.to_string()))?;
    let mut out = Vec::new();
    let mut add = |block: Block| match block {
        // A line break inside a paragraph (Shift-Enter) starts a line of
        // its own, as it reads.
        Block::Text(text) => out.extend(
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(|line| Piece::Para(line.to_string())),
        ),
        Block::Table(t) => out.push(Piece::Table(rows(t))),
    };
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => add(Block::Text(text_of(&p.children))),
            DocumentChild::Table(t) => add(Block::Table(t)),
            DocumentChild::StructuredDataTag(tag) => blocks_in(tag, &mut add),
            // Bookmarks, comment marks and section properties hold no text;
            // a table of contents repeats the headings that follow it.
            _ => {}
        }
    }
    Ok(out)
}

/// What a content control or the body holds: a paragraph's text, or a
/// table.
enum Block<'a> {
    Text(String),
    Table(&'a Table),
}

/// The blocks of a content control, in order; text directly in it (a
/// control around runs) counts as a paragraph.
fn blocks_in<'a>(tag: &'a StructuredDataTag, add: &mut dyn FnMut(Block<'a>)) {
    let mut loose = String::new();
    for child in &tag.children {
        match child {
            StructuredDataTagChild::Run(run) => run_text(run, &mut loose),
            StructuredDataTagChild::Paragraph(p) => {
                add(Block::Text(std::mem::take(&mut loose)));
                add(Block::Text(text_of(&p.children)));
            }
            StructuredDataTagChild::Table(t) => {
                add(Block::Text(std::mem::take(&mut loose)));
                add(Block::Table(t));
            }
            StructuredDataTagChild::StructuredDataTag(inner) => {
                add(Block::Text(std::mem::take(&mut loose)));
                blocks_in(inner, add);
            }
            _ => {}
        }
    }
    add(Block::Text(loose));
}

/// A paragraph's text as it reads, line breaks as `\n`.
fn text_of(children: &[ParagraphChild]) -> String {
    let mut text = String::new();
    paragraph_text(children, &mut text);
    text
}

fn paragraph_text(children: &[ParagraphChild], out: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(run, out),
            ParagraphChild::Insert(insert) => {
                for child in &insert.children {
                    if let InsertChild::Run(run) = child {
                        run_text(run, out);
                    }
                }
            }
            ParagraphChild::MoveTo(moved) => {
                for child in &moved.children {
                    if let MoveToChild::Run(run) = child {
                        run_text(run, out);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_text(&link.children, out),
            ParagraphChild::StructuredDataTag(tag) => blocks_in(tag, &mut |block| match block {
                Block::Text(text) => out.push_str(&text),
                Block::Table(t) => out.push_str(&table_lines(t).join("\n")),
            }),
            // Deleted and moved-from text (tracked changes), bookmarks,
            // comment marks and page-number fields.
            _ => {}
        }
    }
}

fn run_text(run: &Run, out: &mut String) {
    for child in &run.children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
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

/// A cell's text: its paragraphs as lines, and a table nested in it as a
/// line a row (see [`table_lines`]).
fn cell_text(cell: &TableCell) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut add = |block: Block| match block {
        Block::Text(text) => lines.push(text.trim().to_string()),
        Block::Table(t) => lines.extend(table_lines(t)),
    };
    for child in &cell.children {
        match child {
            TableCellContent::Paragraph(p) => add(Block::Text(text_of(&p.children))),
            TableCellContent::Table(t) => add(Block::Table(t)),
            TableCellContent::StructuredDataTag(tag) => blocks_in(tag, &mut add),
            TableCellContent::TableOfContents(_) => {}
        }
    }
    lines.retain(|line| !line.is_empty());
    lines.join("\n")
}

/// A table inside a cell, which no template column has a place for: a
/// line a row, its cells' texts apart by an ideographic space, each
/// merged cell once.
fn table_lines(table: &Table) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            row.cells
                .iter()
                .filter(|TableRowChild::TableCell(cell)| !span(cell).1)
                .map(|TableRowChild::TableCell(cell)| cell_text(cell).replace('\n', "　"))
                .filter(|text| !text.is_empty())
                .collect::<Vec<_>>()
                .join("　")
        })
        .filter(|line| !line.is_empty())
        .collect()
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

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
