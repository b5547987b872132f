//! The Word document (.docx) in the layout of GB/T 9704-2012: the blocks
//! the plain text prints ([`super::blocks`]), each paragraph formatted as
//! the standard says (fonts and sizes from [`style::Style`], which is data:
//! [`style_files`]), on an A4 page of 22 lines × 28 characters, page
//! numbers `— 1 —` in the footer. Pure: the same project and style give
//! the same document.
//!
//! The 28 characters come from character spacing, not from a character
//! grid: 28 三号 characters are 448 pt and the type area is 442 pt wide.
//! Word and WPS squeeze characters into a `linesAndChars` grid narrower
//! than the font, but LibreOffice (and the office suites of 麒麟 and 统信
//! built on it) gives each such character two cells, 19 to a line. A
//! `lines` grid of 22 and body text spaced −0.25 pt lay out the same
//! 22 × 28 page in all of them.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
};

use crate::model::project::Project;
use crate::model::report::Report;

use super::blocks::{Block, blocks};

mod header_rows;
pub mod style;
pub mod style_files;
mod table;

use style::{Font, Style, page};

/// The document of the report, laid out in `style`, and how many header
/// rows each of its tables has, in order.
fn to_docx(project: &Project, report: &Report, style: &Style) -> (Docx, Vec<usize>) {
    let page = page();
    let mut doc = Docx::new()
        .page_size(page.width, page.height)
        .page_margin(
            PageMargin::new()
                .top(page.top)
                .bottom(page.bottom)
                .left(page.left)
                .right(page.right)
                .footer(page.footer)
                .header(page.footer),
        )
        .default_fonts(fonts(&style.body))
        .default_size(style.body.size)
        .footer(page_number(style, AlignmentType::Right))
        .even_footer(page_number(style, AlignmentType::Left));
    doc.document = doc.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(page.line_pitch(style.lines).unsigned_abs() as usize),
    );
    let line = page.line_pitch(style.lines).unsigned_abs();
    // 首行缩进两字. Indents in characters of the grid (docx-rs writes no
    // `firstLineChars`): two for a paragraph, four for the closing.
    let char_pitch = page.text_width() / style.chars.max(1) as i32;
    let indented = |p: Paragraph| {
        p.indent(
            None,
            Some(SpecialIndentType::FirstLine(2 * char_pitch)),
            None,
            None,
        )
        // Left, not justified: LibreOffice 7 drops a comma that hangs past
        // the line's end of a justified paragraph from the page (seen in
        // tests/office.rs), and at 28 characters a line the lines of
        // Chinese text are full either way.
        .align(AlignmentType::Left)
    };
    let mut header_rows = Vec::new();
    for block in blocks(project, report) {
        match block {
            Block::Title(lines) => {
                let mut title = lines.iter().filter(|l| !l.label).peekable();
                for label in lines.iter().filter(|l| l.label) {
                    doc = doc.add_paragraph(
                        paragraph(&label.text, &style.label).align(AlignmentType::Left),
                    );
                }
                // One blank line after the title (空一行), as spacing so
                // every paragraph of the document is one of the text's.
                while let Some(l) = title.next() {
                    let mut p = paragraph(&l.text, &style.title).align(AlignmentType::Center);
                    if title.peek().is_none() {
                        p = p.line_spacing(LineSpacing::new().after(line));
                    }
                    doc = doc.add_paragraph(p);
                }
            }
            Block::Heading { depth, text } => {
                doc = doc.add_paragraph(
                    indented(paragraph(&text, style.heading(depth))).outline_lvl(depth),
                );
            }
            Block::Paragraph(text) => {
                doc = doc.add_paragraph(indented(paragraph(&text, &style.body)));
            }
            Block::Item { number, text, .. } => {
                let text = format!("{number}{text}");
                doc = doc.add_paragraph(indented(paragraph(&text, &style.body)));
            }
            Block::Table { form, notes } => {
                for p in table::caption(&form, style) {
                    doc = doc.add_paragraph(p);
                }
                doc = doc.add_table(table::table(&form, style, page.text_width()));
                header_rows.push(table::header_rows(&form));
                for note in &notes {
                    doc = doc.add_paragraph(paragraph(note, &style.table));
                }
            }
            Block::Closing(lines) => {
                // 右空四字: right-aligned, four characters in from the
                // right edge; one blank line above (下空一行).
                let four = 4 * char_pitch;
                for (n, l) in lines.iter().enumerate() {
                    let mut p = paragraph(l, &style.body)
                        .align(AlignmentType::Right)
                        .indent(None, None, Some(four), None);
                    if n == 0 {
                        p = p.line_spacing(LineSpacing::new().before(line));
                    }
                    doc = doc.add_paragraph(p);
                }
            }
        }
    }
    (doc, header_rows)
}

/// The document as the bytes of a .docx file.
pub fn to_docx_bytes(project: &Project, report: &Report, style: &Style) -> Result<Vec<u8>, String> {
    let (doc, header_rows) = to_docx(project, report, style);
    let mut xml = doc.build();
    let document = String::from_utf8(xml.document).map_err(|e| e.to_string())?;
    xml.document = header_rows::mark(&document, &header_rows).into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// A font's width in twips (its size: a Chinese character is square).
fn font_twips(font: &Font) -> i32 {
    (font.size * 10) as i32
}

fn fonts(font: &Font) -> RunFonts {
    RunFonts::new()
        .ascii(&font.family)
        .hi_ansi(&font.family)
        .east_asia(&font.family)
}

fn run(text: &str, font: &Font) -> Run {
    let mut run = Run::new().add_text(text).fonts(fonts(font)).size(font.size);
    if let Some(spacing) = font.spacing {
        run = run.character_spacing(spacing);
    }
    if font.bold { run.bold() } else { run }
}

/// A paragraph of one run of `text` in `font`.
fn paragraph(text: &str, font: &Font) -> Paragraph {
    Paragraph::new().add_run(run(text, font))
}

/// The footer: `— 1 —` in 4号 宋体, odd pages at the right and even
/// pages at the left, one character in from the edge (单页码居右空一字，
/// 双页码居左空一字).
fn page_number(style: &Style, side: AlignmentType) -> Footer {
    let font = &style.page_number;
    let one = font_twips(font);
    let (left, right) = match side {
        AlignmentType::Left => (Some(one), None),
        _ => (None, Some(one)),
    };
    let field = Run::new()
        .fonts(fonts(font))
        .size(font.size)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(side)
            .indent(left, None, right, None)
            .add_run(run("— ", font))
            .add_run(field)
            .add_run(run(" —", font)),
    )
}
