//! Putting a document's pieces into one template's fields: the title block
//! and the 落款 through the template's lines, each heading found by
//! similarity (in outline order, never going back), the paragraphs under
//! it into its section's fields — labelled entries (`联系人：张三`) into
//! their field, numbered paragraphs into a list with their numbers
//! stripped, the rest into its paragraphs — and whatever no field takes
//! into the holding place. The score says how well the headings matched,
//! so the best template can be chosen.

use indexmap::IndexMap;

use super::heading::{self, Family, candidates, key, similarity, split_number};
use super::pattern::read_lines;
use super::{Piece, tables};
use crate::model::held::{Held, HeldReason};
use crate::model::numbering::{Numbering, without_typed_number};
use crate::model::project::{Entry, Project};
use crate::model::schema::{Field, Kind, Section, SectionRef, Show, Template};
use crate::model::wording;

/// One template's reading of the document.
#[derive(Debug, Clone)]
pub struct Placed {
    pub project: Project,
    /// How well the headings matched, 0 to 100.
    pub score: u32,
    pub paragraphs: usize,
    pub rows: usize,
    /// How well the tables fit (see [`tables::Filled::fit`]).
    pub fit: i64,
    /// (template's heading, document's) where they differ.
    pub reworded: Vec<(String, String)>,
}

/// How many paragraphs at the start may be the title block.
const TITLE_LINES: usize = 6;
/// The longest label of a labelled entry (`联系人：`), in characters.
const LONGEST_LABEL: usize = 12;

/// Where the paragraphs being read go.
#[derive(Debug, Clone)]
enum Under {
    /// A section of the outline (its place in the walk) and the heading the
    /// document gave it (none before the first heading).
    Section(usize, Option<String>),
    /// A heading the template has no section for.
    Unknown(String),
}

pub fn place(template: &Template, pieces: &[Piece], now: &str) -> Placed {
    let mut project = Project::new(template.clone(), now);
    let walk = template.walk();
    let paragraphs: Vec<&str> = pieces
        .iter()
        .map_while(|p| match p {
            Piece::Para(text) => Some(text.as_str()),
            Piece::Table(_) => None,
        })
        .take(TITLE_LINES)
        .take_while(|p| find_heading(&project, &walk, None, p).is_none())
        .collect();
    let mut start = 0;
    let mut known = IndexMap::new();
    if let Some((taken, found)) = read_lines(
        template,
        project.title_lines(),
        &paragraphs,
        &IndexMap::new(),
    ) {
        start = taken;
        known = found;
    }
    let end = start.max(pieces.len() - closing_length(template, pieces, &mut known));
    for (id, value) in &known {
        if let Some(field) = template.field(id) {
            project.set(id, Entry::from_field_text(field, value));
        }
    }
    let mut reader = Reader {
        printed_by_template: printed_by_template(template),
        project,
        walk: &walk,
        paragraphs: 0,
        matched: Vec::new(),
        unknown: 0,
        tables: Vec::new(),
    };
    // Before the first heading: the first section if it prints none (the
    // title and 导语), else nowhere.
    let mut under = Under::Section(0, None);
    let mut cursor: Option<usize> = None;
    let mut buffer: Vec<String> = Vec::new();
    for piece in &pieces[start..end] {
        let text = match piece {
            Piece::Para(text) => text,
            Piece::Table(rows) => {
                reader.tables.push((rows.clone(), heading_words(&under)));
                continue;
            }
        };
        if let Some(found) = find_heading(&reader.project, &walk, cursor, text) {
            reader.flush(&under, std::mem::take(&mut buffer));
            cursor = Some(found.node);
            reader
                .matched
                .push((found.node, found.similarity, found.words.clone()));
            under = Under::Section(found.node, Some(found.words));
            buffer.extend(found.rest);
            continue;
        }
        if let Some(words) = unknown_heading(&reader.project, &walk, &under, text) {
            reader.flush(&under, std::mem::take(&mut buffer));
            reader.unknown += 1;
            under = Under::Unknown(words);
        }
        buffer.push(text.clone());
    }
    reader.flush(&under, buffer);
    reader.finish()
}

/// How many paragraphs at the end are the 落款 (`{unit}` then
/// `{report_date}`): only a reading that finds a date is taken, so a last
/// short paragraph is never mistaken for the unit's name.
fn closing_length(
    template: &Template,
    pieces: &[Piece],
    known: &mut IndexMap<String, String>,
) -> usize {
    let tail: Vec<&str> = pieces
        .iter()
        .rev()
        .map_while(|p| match p {
            Piece::Para(text) => Some(text.as_str()),
            Piece::Table(_) => None,
        })
        .take(template.closing.len())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    for length in (1..=tail.len()).rev() {
        let Some((taken, found)) = read_lines(
            template,
            &template.closing,
            &tail[tail.len() - length..],
            known,
        ) else {
            continue;
        };
        let dated = found.keys().any(|id| {
            !known.contains_key(id) && template.field(id).is_some_and(|f| f.kind() == Kind::Date)
        });
        if taken == length && dated {
            *known = found;
            return length;
        }
    }
    0
}

/// A heading the document gave a section.
struct Found {
    node: usize,
    similarity: u32,
    words: String,
    rest: Option<String>,
}

/// The section after `cursor` whose heading `text` is, if any: the most
/// similar, the nearest among equals.
fn find_heading(
    project: &Project,
    walk: &[SectionRef],
    cursor: Option<usize>,
    text: &str,
) -> Option<Found> {
    let first = cursor.map_or(0, |c| c + 1);
    let mut best: Option<Found> = None;
    for candidate in candidates(text) {
        for (node, r) in walk.iter().enumerate().skip(first) {
            if !r.section.print_heading {
                continue;
            }
            let expected = r
                .section
                .numbered
                .then(|| Family::of(project.template.numbering_at(r.depth)))
                .flatten();
            let score = similarity(&candidate.key, &key(&project.heading_of(r.section)));
            let as_expected = candidate.family.is_some() && candidate.family == expected;
            if score >= heading::threshold(as_expected)
                && best.as_ref().is_none_or(|b| score > b.similarity)
            {
                best = Some(Found {
                    node,
                    similarity: score,
                    words: candidate.words.to_string(),
                    rest: candidate.rest.map(str::to_string),
                });
            }
        }
    }
    best
}

/// The words of a line numbered like the template's top level (一、) that
/// names no section: a heading of the document's own, unless the section
/// being read has a list numbered that way.
fn unknown_heading(
    project: &Project,
    walk: &[SectionRef],
    under: &Under,
    text: &str,
) -> Option<String> {
    let top = Family::of(project.template.numbering_at(0))?;
    let candidate = candidates(text).into_iter().find(|c| c.rest.is_none())?;
    if candidate.family != Some(top) {
        return None;
    }
    if let Under::Section(node, _) = under {
        let lists_so = walk[*node]
            .section
            .fields
            .iter()
            .any(|f| f.kind() == Kind::List && Family::of(f.item_numbering()) == Some(top));
        if lists_so {
            return None;
        }
    }
    Some(candidate.words.to_string())
}

fn heading_words(under: &Under) -> Option<String> {
    match under {
        Under::Section(_, words) => words.clone(),
        Under::Unknown(words) => Some(words.clone()),
    }
}

struct Reader<'w, 't> {
    /// What the export prints from the template itself (a table's caption
    /// and notes): not the writer's text, so not imported.
    printed_by_template: Vec<String>,
    project: Project,
    walk: &'w [SectionRef<'t>],
    paragraphs: usize,
    /// (node, similarity, the document's words) of each heading found.
    matched: Vec<(usize, u32, String)>,
    unknown: usize,
    /// The document's tables, with the heading each came under.
    tables: Vec<(Vec<Vec<String>>, Option<String>)>,
}

impl Reader<'_, '_> {
    fn hold(&mut self, text: String, reason: HeldReason, under: Option<String>) {
        self.project.unplaced.push(Held {
            text,
            reason,
            under,
        });
    }

    /// Puts the paragraphs read under `under` into its fields.
    fn flush(&mut self, under: &Under, mut paragraphs: Vec<String>) {
        paragraphs.retain(|p| !self.printed_by_template.contains(&key(p)));
        match under {
            Under::Unknown(words) => {
                if !paragraphs.is_empty() {
                    let text = paragraphs.join("\n");
                    self.hold(text, HeldReason::UnknownHeading, Some(words.clone()));
                }
            }
            Under::Section(node, words) => {
                let section = self.walk[*node].section;
                // Before any heading, only a section printed without one
                // (the 导语's) takes text.
                let takes = words.is_some() || !section.print_heading;
                let rest = if takes {
                    let (placed, rest) = fill(&mut self.project, section, paragraphs);
                    self.paragraphs += placed;
                    rest
                } else {
                    paragraphs
                };
                for text in rest {
                    self.hold(text, HeldReason::NoField, words.clone());
                }
            }
        }
    }

    fn finish(mut self) -> Placed {
        let tables = std::mem::take(&mut self.tables);
        let tables = tables::fill(&mut self.project, tables);
        self.project.unplaced.extend(tables.held);
        let mut reworded = Vec::new();
        for (node, _, words) in &self.matched {
            let section = self.walk[*node].section;
            if key(words) != key(&section.heading)
                && wording::set_heading(&mut self.project, &section.id, words) == Ok(true)
            {
                reworded.push((section.heading.clone(), words.clone()));
            }
        }
        // Sections the template prints a heading for and requires, and the
        // optional ones the document has: against the headings found.
        let found: Vec<usize> = self.matched.iter().map(|m| m.0).collect();
        let expected = self
            .walk
            .iter()
            .enumerate()
            .filter(|(n, r)| r.section.print_heading && (!r.section.optional || found.contains(n)))
            .count();
        let total: u32 = self.matched.iter().map(|m| m.1).sum();
        let headings = self.matched.len() + self.unknown;
        let score = match expected + headings {
            0 => 0,
            n => 2 * total / u32::try_from(n).unwrap_or(u32::MAX),
        };
        Placed {
            project: self.project,
            score,
            paragraphs: self.paragraphs,
            rows: tables.rows,
            fit: tables.fit,
            reworded,
        }
    }
}

/// The keys of what the export prints from the template: each table's
/// label (its caption) and notes.
fn printed_by_template(template: &Template) -> Vec<String> {
    template
        .fields()
        .filter_map(|f| f.table().map(|spec| (f, spec)))
        .flat_map(|(f, spec)| std::iter::once(&f.label).chain(&spec.notes))
        .map(|t| key(t))
        .collect()
}

/// The fields of `section` that take text from the document: not those the
/// title and 落款 fill, not tables, not computed ones.
fn takes_text(field: &Field) -> bool {
    field.show != Show::Hidden && field.kind() != Kind::Table && !field.is_read_only()
}

/// A labelled entry (`联系人：张三`): the field whose label it starts with,
/// and the value after the colon.
fn labelled<'s>(section: &'s Section, text: &str) -> Option<(&'s Field, String)> {
    let at = text.find(['：', ':'])?;
    let label = key(&text[..at]);
    if label.chars().count() > LONGEST_LABEL {
        return None;
    }
    let mark = text[at..].chars().next().map_or(0, char::len_utf8);
    let value = text[at + mark..].trim();
    let field = section
        .fields
        .iter()
        .find(|f| takes_text(f) && key(&f.label) == label)?;
    (!value.is_empty()).then(|| (field, value.to_string()))
}

/// What a field of the section is being given.
#[derive(Default)]
struct Taking {
    paragraphs: Vec<String>,
    /// For a list: the family its items are numbered in.
    family: Option<Family>,
}

/// `Yishi` when `text` starts with 一是、二是… and the next list among
/// `fields` is numbered so: there 一是 starts an item, elsewhere it starts
/// a sentence.
fn yishi_item(fields: &[&Field], text: &str) -> Option<Family> {
    let list = fields.iter().find(|f| f.kind() == Kind::List)?;
    (list.item_numbering() == Numbering::Yishi
        && without_typed_number(text, Numbering::Yishi).is_some())
    .then_some(Family::Yishi)
}

/// Fills the fields of `section` from its paragraphs: how many were placed,
/// and those no field took.
fn fill(project: &mut Project, section: &Section, paragraphs: Vec<String>) -> (usize, Vec<String>) {
    let prose: Vec<&Field> = section
        .fields
        .iter()
        .filter(|f| takes_text(f) && f.kind().is_prose())
        .collect();
    let mut taking: Vec<Taking> = prose.iter().map(|_| Taking::default()).collect();
    let mut at = 0;
    let mut placed = 0;
    let mut rest = Vec::new();
    for text in paragraphs {
        if let Some((field, value)) = labelled(section, &text) {
            project.set(&field.id, Entry::from_field_text(field, &value));
            placed += 1;
            continue;
        }
        let family = split_number(&text)
            .0
            .or_else(|| yishi_item(prose.get(at..).unwrap_or_default(), &text));
        // A numbered paragraph after a paragraph field starts the list
        // that follows it.
        if family.is_some()
            && prose.get(at).is_some_and(|f| f.kind() != Kind::List)
            && let Some(list) = (at..prose.len()).find(|&i| prose[i].kind() == Kind::List)
        {
            at = list;
        }
        // A one-line field takes one paragraph; the next goes on.
        while prose.get(at).is_some_and(|f| f.kind() == Kind::Text)
            && !taking[at].paragraphs.is_empty()
        {
            at += 1;
        }
        let (Some(field), Some(took)) = (prose.get(at), taking.get_mut(at)) else {
            rest.push(text);
            continue;
        };
        placed += 1;
        if field.kind() != Kind::List {
            took.paragraphs.push(text);
            continue;
        }
        let starts_item = family.is_some() && (took.family.is_none() || took.family == family);
        match took.paragraphs.last_mut() {
            Some(item) if !starts_item => {
                item.push('\n');
                item.push_str(&text);
            }
            _ => {
                if starts_item {
                    took.family = family;
                }
                let item = without_typed_number(&text, field.item_numbering()).unwrap_or(&text);
                took.paragraphs.push(item.to_string());
            }
        }
    }
    for (field, took) in prose.iter().zip(taking) {
        if took.paragraphs.is_empty() {
            continue;
        }
        let entry = match field.kind() {
            Kind::List => Entry::Items(took.paragraphs),
            _ => Entry::from_field_text(field, &took.paragraphs.join("\n")),
        };
        project.set(&field.id, entry);
    }
    (placed, rest)
}
