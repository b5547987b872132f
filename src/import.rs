//! Bringing last year's report in: a Word document, plain text or Markdown
//! read into a project of the template its headings match best. Pure
//! functions of the file's bytes and the templates: `ziping import` and the
//! editor's start screen both call [`import`].
//!
//! [`decode`] turns bytes into pieces (paragraphs and tables), joining a
//! table continued across a page to its first part ([`continued`]), [`heading`]
//! tells headings from paragraphs, [`pattern`] reads the title block and
//! the 落款 through the template's lines, [`place`] puts each piece into a
//! field — or, when none takes it, into the holding place
//! ([`crate::model::held`]) — and [`tables`] fills table fields from a
//! document's tables by their header names.

mod continued;
mod decode;
mod docx;
mod heading;
mod pattern;
mod place;
mod tables;

use std::path::Path;

use crate::model::held::Held;
use crate::model::project::Project;
use crate::model::schema::Template;

/// A document as read, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// One paragraph, trimmed, never empty.
    Para(String),
    /// A table's rows of cell texts, on the table's grid.
    Table(Vec<Vec<String>>),
}

#[cfg(test)]
impl Piece {
    /// A paragraph, for tests.
    pub(crate) fn para(text: &str) -> Piece {
        Piece::Para(text.to_string())
    }

    /// A table of `rows`, for tests.
    pub(crate) fn table(rows: &[&[&str]]) -> Piece {
        Piece::Table(
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        )
    }
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A .doc or .wps file (the old binary formats).
    OldWord,
    /// Bytes that are no text in any encoding tried.
    NotText,
    /// A .docx that could not be read: what the reader said.
    Docx(String),
    /// Nothing in it.
    Empty,
}

/// What the import did, for the summary printed after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub template_id: String,
    pub template_name: String,
    /// How well the document's headings match the template's, 0 to 100.
    pub score: u32,
    /// Whether `--template` chose it (else the best score did).
    pub forced: bool,
    /// The next best template and its score, when it was chosen by score.
    pub runner_up: Option<(String, u32)>,
    /// Sections with something filled in, of those with fields.
    pub sections_filled: usize,
    pub sections: usize,
    pub paragraphs: usize,
    pub rows: usize,
    /// Headings the document words its own way: (template's, document's).
    pub reworded: Vec<(String, String)>,
    pub held: Vec<Held>,
}

/// A project made from a document, and what was done.
#[derive(Debug, Clone)]
pub struct Imported {
    pub project: Project,
    pub summary: Summary,
}

/// Reads the document at `path` (its bytes `bytes`) into pieces.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Vec<Piece>, Refusal> {
    let pieces = continued::join(decode::pieces(path, bytes)?);
    if pieces.is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(pieces)
}

/// Imports `pieces` into a new project of the template of `candidates`
/// whose headings match best (`forced`: `--template` named the one
/// candidate). `None` when there is no candidate.
pub fn import(
    pieces: &[Piece],
    candidates: &[Template],
    forced: bool,
    now: &str,
) -> Option<Imported> {
    let mut all: Vec<place::Placed> = candidates
        .iter()
        .map(|t| place::place(t, pieces, now))
        .collect();
    // The best score first, then the tables that fit best; among equals
    // the catalog's order.
    all.sort_by_key(|p| std::cmp::Reverse((p.score, p.fit)));
    let mut all = all.into_iter();
    let best = all.next()?;
    let runner_up = all
        .next()
        .map(|p| (p.project.template.name.clone(), p.score));
    let project = best.project;
    // Sections with fields of their own (not a heading over sub-sections).
    let walk = project.template.walk();
    let with_fields: Vec<_> = walk
        .iter()
        .filter(|r| !r.section.fields.is_empty())
        .collect();
    let filled = with_fields
        .iter()
        .filter(|r| {
            r.section
                .fields
                .iter()
                .any(|f| project.entry(&f.id).is_some_and(|e| !e.is_empty()))
        })
        .count();
    let summary = Summary {
        template_id: project.template.id.clone(),
        template_name: project.template.name.clone(),
        score: best.score,
        forced,
        runner_up,
        sections_filled: filled,
        sections: with_fields.len(),
        paragraphs: best.paragraphs,
        rows: best.rows,
        reworded: best.reworded,
        held: project.unplaced.clone(),
    };
    Some(Imported { project, summary })
}

/// Why [`from_file`] made no project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The file could not be read (worded by storage).
    Read(String),
    Refused(Refusal),
    /// `--template` named no template (worded by the catalog).
    Template(String),
}

/// Imports the file at `path` with the templates available (built-in and
/// the user's), or the one `template` names: what `ziping import` and the
/// editor's start screen do.
pub fn from_file(
    path: &Path,
    templates_dir: Option<&Path>,
    template: Option<&str>,
    now: &str,
) -> Result<Imported, Failure> {
    let bytes = crate::storage::read_bytes(path).map_err(|e| Failure::Read(e.to_string()))?;
    let pieces = read(path, &bytes).map_err(Failure::Refused)?;
    let (entries, _) = crate::catalog::load(templates_dir);
    let candidates: Vec<Template> = match template {
        Some(id) => vec![crate::catalog::find(&entries, id).map_err(Failure::Template)?],
        None => entries.into_iter().map(|a| a.template).collect(),
    };
    import(&pieces, &candidates, template.is_some(), now).ok_or(Failure::Refused(Refusal::Empty))
}
