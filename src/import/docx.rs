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
//! table cells and in tables nested in cells. Left out as not the
//! document's text: tracked deletions and moved-from text, an automatic
//! 目录 (by its styles, or its lines that only link to the headings'
//! bookmarks), and the
//! prompt an unfilled content control shows (the "Placeholder Text" style).

use docx_rs::{
    DocumentChild, Docx, HyperlinkData, InsertChild, MoveToChild, Paragraph, ParagraphChild, Run,
    RunChild, StructuredDataTag, StructuredDataTagChild, Table, TableCell, TableCellContent,
    TableChild, TableRowChild,
};

use super::{Piece, Refusal};

pub fn pieces(bytes: &[u8]) -> Result<Vec<Piece>, Refusal> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| Refusal::Docx(e.to_string()))?;
    let reader = Reader::of(&docx);
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
        Block::Table(t) => out.push(Piece::Table(reader.rows(t))),
    };
    for child in &docx.document.children {
        match child {
            // An automatic 目录 repeats the headings that follow: read as
            // headings, its lines would take them all before the body is
            // reached. Word and WPS keep it in a content control of its own.
            DocumentChild::Paragraph(p) if !reader.is_contents(p) => {
                add(Block::Text(reader.text_of(&p.children)));
            }
            DocumentChild::Table(t) => add(Block::Table(t)),
            DocumentChild::StructuredDataTag(tag) if !reader.holds_contents(tag) => {
                reader.blocks_in(tag, &mut add);
            }
            // Bookmarks, comment marks and section properties hold no text.
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

/// Reads text the way the document's styles say it shows. Styles are
/// found by their names, which Word keeps in English whatever ids a
/// localised Word gave them.
struct Reader {
    /// The character style of a content control's prompt left unfilled
    /// (单击或点击此处输入文字。): "Placeholder Text".
    placeholders: Vec<String>,
    /// The paragraph styles of a 目录: "TOC Heading", "toc 1" … "toc 9".
    contents: Vec<String>,
}

impl Reader {
    fn of(docx: &Docx) -> Reader {
        let ids = |wanted: fn(&str) -> bool| -> Vec<String> {
            docx.styles
                .styles
                .iter()
                .filter(|style| {
                    serde_json::to_value(&style.name)
                        .ok()
                        .and_then(|name| name.as_str().map(str::to_lowercase))
                        .is_some_and(|name| wanted(&name))
                })
                .map(|style| style.style_id.clone())
                .collect()
        };
        Reader {
            placeholders: ids(|name| name == "placeholder text"),
            contents: ids(|name| {
                name == "toc heading"
                    || name
                        .strip_prefix("toc ")
                        .is_some_and(|n| n.parse::<u8>().is_ok())
            }),
        }
    }

    /// Whether a paragraph is a line of a 目录: in one of its styles, or
    /// nothing but a link to a heading's bookmark (`_Toc…` in Word and
    /// WPS, `__RefHeading___Toc…` in LibreOffice). A link to a heading
    /// inside a sentence is a cross-reference, and read.
    fn is_contents(&self, p: &Paragraph) -> bool {
        let style = p.property.style.as_ref().map(|s| s.val.as_str());
        if style.is_some_and(|id| self.contents.iter().any(|c| c == id)) {
            return true;
        }
        let to_heading = |c: &ParagraphChild| {
            matches!(c, ParagraphChild::Hyperlink(link)
                if matches!(&link.link, HyperlinkData::Anchor { anchor } if anchor.contains("_Toc")))
        };
        let own_text = |c: &ParagraphChild| {
            matches!(c, ParagraphChild::Run(run)
                if run.children.iter().any(|r| matches!(r, RunChild::Text(t) if !t.text.trim().is_empty())))
        };
        p.children.iter().any(to_heading) && !p.children.iter().any(own_text)
    }

    /// Whether a content control holds a 目录.
    fn holds_contents(&self, tag: &StructuredDataTag) -> bool {
        tag.children.iter().any(
            |child| matches!(child, StructuredDataTagChild::Paragraph(p) if self.is_contents(p)),
        )
    }

    /// The blocks of a content control, in order; text directly in it (a
    /// control around runs) counts as a paragraph.
    fn blocks_in<'a>(&self, tag: &'a StructuredDataTag, add: &mut dyn FnMut(Block<'a>)) {
        let mut loose = String::new();
        for child in &tag.children {
            match child {
                StructuredDataTagChild::Run(run) => self.run_text(run, &mut loose),
                StructuredDataTagChild::Paragraph(p) => {
                    add(Block::Text(std::mem::take(&mut loose)));
                    add(Block::Text(self.text_of(&p.children)));
                }
                StructuredDataTagChild::Table(t) => {
                    add(Block::Text(std::mem::take(&mut loose)));
                    add(Block::Table(t));
                }
                _ => {}
            }
        }
        add(Block::Text(loose));
    }

    /// A paragraph's text as it reads, line breaks as `\n`. (docx-rs's
    /// reader puts the runs of a content control inside a sentence among
    /// the paragraph's own.)
    fn text_of(&self, children: &[ParagraphChild]) -> String {
        let mut text = String::new();
        self.paragraph_text(children, &mut text);
        text
    }

    fn paragraph_text(&self, children: &[ParagraphChild], out: &mut String) {
        for child in children {
            match child {
                ParagraphChild::Run(run) => self.run_text(run, out),
                ParagraphChild::Insert(insert) => {
                    for child in &insert.children {
                        if let InsertChild::Run(run) = child {
                            self.run_text(run, out);
                        }
                    }
                }
                ParagraphChild::MoveTo(moved) => {
                    for child in &moved.children {
                        if let MoveToChild::Run(run) = child {
                            self.run_text(run, out);
                        }
                    }
                }
                ParagraphChild::Hyperlink(link) => self.paragraph_text(&link.children, out),
                // Deleted and moved-from text (tracked changes), bookmarks,
                // comment marks and page-number fields.
                _ => {}
            }
        }
    }

    fn run_text(&self, run: &Run, out: &mut String) {
        let style = run.run_property.style.as_ref().map(|s| s.val.as_str());
        if style.is_some_and(|id| self.placeholders.iter().any(|p| p == id)) {
            return;
        }
        for child in &run.children {
            match child {
                RunChild::Text(t) => out.push_str(&t.text),
                RunChild::Tab(_) | RunChild::PTab(_) => out.push('\t'),
                RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
                _ => {}
            }
        }
    }

    /// A cell's text: its paragraphs as lines, and a table nested in it as
    /// a line a row (see [`Reader::table_lines`]).
    fn cell_text(&self, cell: &TableCell) -> String {
        let mut lines: Vec<String> = Vec::new();
        let mut add = |block: Block| match block {
            Block::Text(text) => lines.push(text.trim().to_string()),
            Block::Table(t) => lines.extend(self.table_lines(t)),
        };
        for child in &cell.children {
            match child {
                TableCellContent::Paragraph(p) => add(Block::Text(self.text_of(&p.children))),
                TableCellContent::Table(t) => add(Block::Table(t)),
                TableCellContent::StructuredDataTag(tag) => self.blocks_in(tag, &mut add),
                TableCellContent::TableOfContents(_) => {}
            }
        }
        lines.retain(|line| !line.is_empty());
        lines.join("\n")
    }

    /// A table inside a cell, which no template column has a place for: a
    /// line a row, its cells' texts apart by an ideographic space, each
    /// merged cell once.
    fn table_lines(&self, table: &Table) -> Vec<String> {
        table
            .rows
            .iter()
            .map(|TableChild::TableRow(row)| {
                row.cells
                    .iter()
                    .filter(|TableRowChild::TableCell(cell)| !span(cell).1)
                    .map(|TableRowChild::TableCell(cell)| self.cell_text(cell).replace('\n', "　"))
                    .filter(|text| !text.is_empty())
                    .collect::<Vec<_>>()
                    .join("　")
            })
            .filter(|line| !line.is_empty())
            .collect()
    }

    fn rows(&self, table: &Table) -> Vec<Vec<String>> {
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
                    self.cell_text(cell)
                };
                cells.extend(std::iter::repeat_n(text, columns));
            }
            out.push(cells);
        }
        out
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

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
