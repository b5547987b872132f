//! The plain-text report, laid out as submitted: title, numbered headings on
//! their own lines, body paragraphs indented by two full-width spaces, a
//! blank line between blocks.

use crate::model::numbering::{Numbering, without_typed_number};
use crate::model::project::{Entry, Project};
use crate::model::report::Report;
use crate::model::schema::{Field, Kind, Show};
use crate::model::text::placeholders;
use crate::model::value;

use super::INDENT;
use super::table::table_blocks;
use super::wrap::hard_wrap;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Hard-wrap lines at this many display columns (a Chinese character
    /// counts 2); `None` keeps one paragraph per line.
    pub wrap: Option<usize>,
}

/// Renders the report from the project and its [`Report`] (the outline's
/// numbering and inclusion, the tables' figures). Pure: the same project
/// always gives the same text. Tables are never hard-wrapped: their rows
/// would no longer line up.
pub fn to_text(project: &Project, report: &Report, options: TextOptions) -> String {
    let wrap = |text: String| match options.wrap {
        Some(width) => text
            .lines()
            .map(|line| hard_wrap(line, width))
            .collect::<Vec<_>>()
            .join("\n"),
        None => text,
    };
    let mut blocks: Vec<String> = Vec::new();
    let title = fill_lines(project, &project.template.title, false);
    if !title.is_empty() {
        blocks.push(wrap(title.join("\n")));
    }
    let walk = project.template.walk();
    for (state, r) in report.sections().iter().zip(&walk) {
        if !state.included {
            continue;
        }
        if r.section.print_heading {
            blocks.push(wrap(state.heading.clone()));
        }
        for field in &r.section.fields {
            let entry = project.entry(&field.id);
            match report.table(&project.template, &field.id) {
                Some(table) if entry.is_some_and(|e| !e.is_empty()) => {
                    blocks.extend(table_blocks(table));
                }
                Some(_) => {}
                None => blocks.extend(field_blocks(field, entry).into_iter().map(wrap)),
            }
        }
    }
    let closing = fill_lines(project, &project.template.closing, true);
    if !closing.is_empty() {
        blocks.push(wrap(closing.join("\n")));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The text of a field for the title, the closing and labelled lines: the
/// canonical form of a valid value, otherwise exactly what was typed.
pub fn field_text(field: &Field, entry: Option<&Entry>) -> String {
    match entry {
        Some(Entry::Text(raw)) => match value::parse(field, raw) {
            Ok(Some(v)) if !field.kind().is_prose() => value::display(field, &v),
            _ => raw.trim().to_string(),
        },
        Some(Entry::Items(items)) => items.join("\n"),
        Some(Entry::Table(_) | Entry::Other(_)) | None => String::new(),
    }
}

/// Title or closing lines with placeholders filled. A title line whose
/// placeholders are all empty is dropped; closing lines are printed only
/// when every placeholder is filled (an unfinished 落款 is left out).
fn fill_lines(project: &Project, lines: &[String], all_or_nothing: bool) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let Ok(ids) = placeholders(line) else {
            continue;
        };
        let mut filled = line.clone();
        let mut any_filled = ids.is_empty();
        for id in ids {
            let text = project
                .template
                .field(id)
                .map(|f| field_text(f, project.entry(id)))
                .unwrap_or_default();
            if text.is_empty() && all_or_nothing {
                return Vec::new();
            }
            any_filled |= !text.is_empty();
            filled = filled.replace(&format!("{{{id}}}"), &text);
        }
        if any_filled {
            out.push(filled);
        }
    }
    out
}

/// Body paragraphs, without leading or trailing blanks (the indent is ours).
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(trim_blank).filter(|p| !p.is_empty())
}

fn trim_blank(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

fn field_blocks(field: &Field, entry: Option<&Entry>) -> Vec<String> {
    if field.show == Show::Hidden || entry.is_none_or(Entry::is_empty) {
        return Vec::new();
    }
    if field.is_labelled() {
        let text = field_text(field, entry);
        let mut paras = paragraphs(&text);
        let first = paras.next().unwrap_or_default();
        let mut blocks = vec![format!("{INDENT}{}：{first}", field.label)];
        blocks.extend(paras.map(|p| format!("{INDENT}{p}")));
        return blocks;
    }
    match (field.kind(), entry) {
        (Kind::List, Some(Entry::Items(items))) => {
            let numbering = field.item_numbering();
            items
                .iter()
                .filter(|item| !trim_blank(item).is_empty())
                .enumerate()
                .flat_map(|(i, item)| {
                    paragraphs(item).enumerate().map(move |(j, p)| {
                        let (number, p) = if j == 0 {
                            // A number the writer typed gives way to ours
                            // (never `1、1、`); a list numbered `none`
                            // keeps what was typed.
                            let p = match numbering {
                                Numbering::None => p,
                                _ => without_typed_number(p, numbering).unwrap_or(p),
                            };
                            (numbering.prefix(i + 1), p)
                        } else {
                            (String::new(), p)
                        };
                        format!("{INDENT}{number}{p}")
                    })
                })
                .collect()
        }
        _ => paragraphs(&field_text(field, entry))
            .map(|p| format!("{INDENT}{p}"))
            .collect(),
    }
}
