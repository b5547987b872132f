//! The plain-text report, laid out as submitted: title, numbered headings on
//! their own lines, body paragraphs indented by two full-width spaces, a
//! blank line between blocks.

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
                let lines: Vec<String> = lines.into_iter().map(|line| line.text).collect();
                out.push(wrap(lines.join("\n")));
            }
            Block::Heading { text, .. } => out.push(wrap(text)),
            Block::Paragraph(text) => out.push(wrap(format!("{INDENT}{text}"))),
            Block::Item { number, text, .. } => out.push(wrap(format!("{INDENT}{number}{text}"))),
            Block::Table { form, notes } => out.extend(table_blocks(&form, &notes, options.wrap)),
            Block::Closing(lines) => out.push(wrap(lines.join("\n"))),
        }
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}
