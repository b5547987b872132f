//! What a report is made of, in order, before a format lays it out: the
//! title lines, the numbered headings, the body paragraphs, the tables as
//! the form prints them, the closing. The plain text, the Word document
//! and the Markdown all walk this one list, so they include the same
//! sections and fields, numbered and worded the same.

use crate::model::choice;
use crate::model::numbering::{Numbering, without_typed_number};
use crate::model::project::{Entry, Project};
use crate::model::report::Report;
use crate::model::schema::{Field, Kind, Show};
use crate::model::text::placeholders;
use crate::model::value;

use super::form::{Form, form};

/// The check boxes of a printed form: □ is what forms print (in a CJK
/// font it is as wide as ☑; the screen uses ☐, see the TUI's page view).
const TICKED: char = '☑';
const UNTICKED: char = '□';

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The title lines (a line may be the attachment label).
    Title(Vec<Line>),
    /// A numbered heading; `depth` 0 is the top level (`一、`).
    Heading { depth: usize, text: String },
    /// A body paragraph, without its indent.
    Paragraph(String),
    /// The first paragraph of a list's item `n` (1-based), its number as
    /// the list's numbering prints it (`1、`, `（一）`); the item's further
    /// paragraphs follow as [`Block::Paragraph`]s.
    Item {
        n: usize,
        number: String,
        text: String,
    },
    /// A table as the form prints it, and the form's notes (注) under it.
    Table { form: Form, notes: Vec<String> },
    /// The 落款: unit and date, each a line.
    Closing(Vec<String>),
}

/// A title line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// A line that is one field's value and no words of the template's
    /// (`{attachment}`: 附件-1): a label above the title, not part of it.
    pub label: bool,
}

/// The report's blocks from the project and its [`Report`] (the outline's
/// numbering and inclusion, the tables' figures). Pure.
pub fn blocks(project: &Project, report: &Report) -> Vec<Block> {
    let mut blocks = Vec::new();
    let title = fill_lines(project, project.title_lines(), false);
    if !title.is_empty() {
        blocks.push(Block::Title(title));
    }
    let walk = project.template.walk();
    for (state, r) in report.sections().iter().zip(&walk) {
        if !state.included {
            continue;
        }
        if r.section.print_heading {
            blocks.push(Block::Heading {
                depth: state.depth,
                text: state.heading.clone(),
            });
        }
        for field in &r.section.fields {
            let entry = project.entry(&field.id);
            match report.table(&project.template, &field.id) {
                Some(table) if entry.is_some_and(|e| !e.is_empty()) => {
                    blocks.push(Block::Table {
                        notes: table.spec.notes.clone(),
                        form: form(table),
                    });
                }
                Some(_) => {}
                None => blocks.extend(field_paragraphs(field, entry)),
            }
        }
    }
    let closing = fill_lines(project, &project.template.closing, true);
    if !closing.is_empty() {
        blocks.push(Block::Closing(
            closing.into_iter().map(|line| line.text).collect(),
        ));
    }
    blocks
}

/// The text of a field for the title, the closing and labelled lines: the
/// canonical form of a valid value, otherwise exactly what was typed.
pub fn field_text(field: &Field, entry: Option<&Entry>) -> String {
    if let Some(raw) = entry.and_then(|e| e.value_text(field)) {
        return match value::parse(field, &raw) {
            Ok(Some(v)) if !field.kind().is_prose() => value::display(field, &v),
            _ => raw.trim().to_string(),
        };
    }
    match entry {
        Some(Entry::Items(items)) => items.join("\n"),
        _ => String::new(),
    }
}

/// Title or closing lines with placeholders filled. A title line whose
/// placeholders are all empty is dropped; closing lines are printed only
/// when every placeholder is filled (an unfinished 落款 is left out).
fn fill_lines(project: &Project, lines: &[String], all_or_nothing: bool) -> Vec<Line> {
    let mut out = Vec::new();
    for line in lines {
        let Ok(ids) = placeholders(line) else {
            continue;
        };
        let mut any_filled = ids.is_empty();
        let mut texts = Vec::new();
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
            texts.push(text);
        }
        if any_filled {
            out.push(Line {
                text: fill(line, &texts),
                label: line.starts_with('{') && line.ends_with('}') && texts.len() == 1,
            });
        }
    }
    out
}

/// `line` with its placeholders replaced, in order, by `texts`. Where a
/// value ends with the word the template's text goes on with (a project
/// named 委托业务项目 before 项目支出绩效自评表), the word is printed once:
/// names are typed whole, and 委托业务项目项目支出 is never meant. A word is
/// two characters or more, so a unit 组织部 before 部门 keeps its 部.
pub(super) fn fill(line: &str, texts: &[String]) -> String {
    let mut out = String::new();
    let mut rest = line;
    let mut texts = texts.iter();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        rest = &rest[open + close + 1..];
        let text = texts.next().map_or("", String::as_str);
        let literal = &rest[..rest.find('{').unwrap_or(rest.len())];
        out.push_str(&text[..text.len() - overlap(text, literal)]);
    }
    out.push_str(rest);
    out
}

/// The length in bytes of the longest end of `text`, two characters or
/// more, that `next` starts with.
fn overlap(text: &str, next: &str) -> usize {
    text.char_indices()
        .map(|(at, _)| &text[at..])
        .filter(|end| end.chars().count() >= 2 && next.starts_with(end))
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// Body paragraphs, without leading or trailing blanks (the indent is ours).
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(trim_blank).filter(|p| !p.is_empty())
}

fn trim_blank(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

/// The body paragraphs (and list items) of a field, without the indent
/// each format adds.
fn field_paragraphs(field: &Field, entry: Option<&Entry>) -> Vec<Block> {
    if field.show == Show::Hidden {
        return Vec::new();
    }
    // A form prints its check boxes even when none is ticked yet, as the
    // blank form does; an optional one left empty is left out.
    if field.has_boxes() && (field.required || entry.is_some_and(|e| !e.is_empty())) {
        let line = choice::box_line(&choice::boxes(field, entry), |ticked| {
            if ticked { TICKED } else { UNTICKED }
        });
        return vec![Block::Paragraph(format!("{}：{line}", field.label))];
    }
    if entry.is_none_or(Entry::is_empty) {
        return Vec::new();
    }
    if field.is_labelled() {
        let text = field_text(field, entry);
        let mut paras = paragraphs(&text);
        let first = paras.next().unwrap_or_default();
        let mut blocks = vec![Block::Paragraph(format!("{}：{first}", field.label))];
        blocks.extend(paras.map(|p| Block::Paragraph(p.to_string())));
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
                        // A number the writer typed gives way to ours
                        // (never `1、1、`); a list numbered `none` keeps
                        // what was typed.
                        if j > 0 || numbering == Numbering::None {
                            return Block::Paragraph(p.to_string());
                        }
                        Block::Item {
                            n: i + 1,
                            number: numbering.prefix(i + 1),
                            text: without_typed_number(p, numbering).unwrap_or(p).to_string(),
                        }
                    })
                })
                .collect()
        }
        _ => paragraphs(&field_text(field, entry))
            .map(|p| Block::Paragraph(p.to_string()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn a_word_the_title_goes_on_with_is_printed_once() {
        let cases = [
            (
                "{p}项目支出绩效自评表",
                vec!["委托业务项目"],
                "委托业务项目支出绩效自评表",
            ),
            (
                "{p}项目支出绩效自评表",
                vec!["党员教育培训"],
                "党员教育培训项目支出绩效自评表",
            ),
            ("{p}项目支出绩效自评表", vec!["项目"], "项目支出绩效自评表"),
            // One character is not a word: 组织部 keeps its 部.
            ("{u}部门整体支出", vec!["组织部"], "组织部部门整体支出"),
            (
                "{u}{y}年度部门整体",
                vec!["某局", "2022"],
                "某局2022年度部门整体",
            ),
            ("{u}{y}年度", vec!["某局", "2022年度"], "某局2022年度"),
            ("（{y}年度）", vec![""], "（年度）"),
        ];
        for (line, texts, want) in cases {
            let texts: Vec<String> = texts.into_iter().map(String::from).collect();
            assert_eq!(fill(line, &texts), want, "{line} {texts:?}");
        }
    }
}
