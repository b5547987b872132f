//! The plain-text report, laid out as submitted: title, numbered headings on
//! their own lines, body paragraphs indented by two full-width spaces, a
//! blank line between blocks.

use unicode_width::UnicodeWidthStr;

use crate::model::project::Project;
use crate::model::report::Report;

use super::INDENT;
use super::blocks::{Block, blocks};
use super::table::table_blocks;
use super::wrap::hard_wrap;

/// The editor's recovery dialog compares values as the export prints them.
pub use super::blocks::field_text;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Hard-wrap lines at this many display columns (a Chinese character
    /// counts 2); `None` keeps one paragraph per line.
    pub wrap: Option<usize>,
}

/// Renders the report from the project and its [`Report`] (the outline's
/// numbering and inclusion, the tables' figures). Pure: the same project
/// always gives the same text. Tables are fitted to the wrap width by
/// wrapping inside their cells, never by breaking their lines.
pub fn to_text(project: &Project, report: &Report, options: TextOptions) -> String {
    let wrap = |text: String| match options.wrap {
        Some(width) => text
            .lines()
            .map(|line| hard_wrap(line, width))
            .collect::<Vec<_>>()
            .join("\n"),
        None => text,
    };
    let mut out: Vec<String> = Vec::new();
    for block in blocks(project, report) {
        match block {
            Block::Title(lines) => {
                let lines: Vec<String> = lines
                    .into_iter()
                    .map(|line| match options.wrap {
                        // The title centred; a label (附件-1) stays at the left.
                        Some(width) if !line.label => {
                            place_rows(&wrap(line.text), |row| width.saturating_sub(row) / 2)
                        }
                        _ => wrap(line.text),
                    })
                    .collect();
                out.push(lines.join("\n"));
            }
            Block::Heading { text, .. } => out.push(wrap(text)),
            Block::Paragraph(text) => out.push(wrap(format!("{INDENT}{text}"))),
            Block::Item { number, text, .. } => out.push(wrap(format!("{INDENT}{number}{text}"))),
            Block::Table { form, notes } => out.extend(table_blocks(&form, &notes, options.wrap)),
            Block::Closing(lines) => {
                let closing = wrap(lines.join("\n"));
                out.push(match options.wrap {
                    // 右空四字: four characters (eight columns) from the right.
                    Some(width) => {
                        place_rows(&closing, |row| width.saturating_sub(row + CLOSING_RIGHT))
                    }
                    None => closing,
                });
            }
        }
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

/// The columns the 落款 keeps free at its right (四字, two columns each).
const CLOSING_RIGHT: usize = 8;

/// `text`'s rows, each moved right by the spaces `indent` gives for its
/// display width: a centred title, a 落款 to the right, once the line's
/// width is known (`--wrap`).
fn place_rows(text: &str, indent: impl Fn(usize) -> usize) -> String {
    text.lines()
        .map(|row| format!("{}{row}", " ".repeat(indent(row.width()))))
        .collect::<Vec<_>>()
        .join("\n")
}
