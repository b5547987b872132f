//! The Markdown report (`--format md`), for a wiki or a converter: the
//! blocks the plain text prints ([`super::blocks`]) as a `#` title,
//! headings one level below it, paragraphs, numbered lists and pipe
//! tables. Pure.

use crate::model::project::Project;
use crate::model::report::Report;

use super::blocks::{Block, blocks};
use super::form::Form;

/// Renders the report as Markdown (CommonMark with GFM pipe tables).
pub fn to_markdown(project: &Project, report: &Report) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in blocks(project, report) {
        match block {
            Block::Title(lines) => {
                let (labels, title): (Vec<_>, Vec<_>) = lines.into_iter().partition(|l| l.label);
                out.extend(labels.into_iter().map(|l| escape(&l.text)));
                let mut title = title.into_iter();
                if let Some(first) = title.next() {
                    out.push(format!("# {}", escape(&first.text)));
                }
                out.extend(title.map(|l| escape(&l.text)));
            }
            Block::Heading { depth, text } => {
                let hashes = "#".repeat((depth + 2).min(6));
                out.push(format!("{hashes} {}", escape(&text)));
            }
            Block::Paragraph(text) => out.push(escape(&text)),
            Block::Item { n, text, .. } => {
                // Items of one list are one Markdown list: no blank line.
                let item = format!("{n}. {}", escape(&text));
                match out.last_mut() {
                    Some(last) if n > 1 => {
                        last.push('\n');
                        last.push_str(&item);
                    }
                    _ => out.push(item),
                }
            }
            Block::Table { form, notes } => {
                out.extend(form.caption.as_deref().map(escape));
                out.push(pipe_table(&form));
                out.extend(notes.iter().map(|note| escape(note)));
            }
            // A hard line break (two spaces) keeps unit and date apart.
            Block::Closing(lines) => out.push(
                lines
                    .iter()
                    .map(|l| escape(l))
                    .collect::<Vec<_>>()
                    .join("  \n"),
            ),
        }
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

/// `text` as a paragraph that reads as itself: a character that would
/// start a heading, a quote, a list or a rule at the start of a line, and
/// the characters that mark emphasis, links or code anywhere, are escaped.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // `1. ` or `- ` at the start would make a list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let rest = &out[digits..];
    if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ")) {
        out.insert(digits, '\\');
    } else if digits == 0 && (rest.starts_with("- ") || rest.starts_with("+ ")) {
        out.insert(0, '\\');
    }
    out
}

/// The form as a pipe table: its first row the header, a cell spanning
/// columns or rows printed once where it starts, the places it covers
/// left empty (Markdown has no spans); figures right-aligned by column.
fn pipe_table(form: &Form) -> String {
    let owners = form.owners();
    let row = |r: usize| -> Vec<String> {
        owners[r]
            .iter()
            .enumerate()
            .map(|(c, owner)| match *owner {
                Some((start, i)) if start == r && form.cell((start, i)).column == c => {
                    let text = &form.cell((start, i)).text;
                    escape(&text.replace('\n', " "))
                }
                _ => String::new(),
            })
            .collect()
    };
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let right: Vec<bool> = (0..form.columns.len())
        .map(|c| {
            owners.iter().skip(1).any(|line| {
                line[c].is_some_and(|(r, i)| {
                    let cell = form.cell((r, i));
                    cell.column == c && cell.right
                })
            })
        })
        .collect();
    let mut lines = vec![line(row(0))];
    lines.push(line(
        right
            .iter()
            .map(|&r| if r { "---:" } else { "---" }.to_string())
            .collect(),
    ));
    lines.extend((1..form.rows.len()).map(|r| line(row(r))));
    lines.join("\n")
}
