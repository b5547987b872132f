//! Find and replace over a report: every text a writer typed, in reading
//! order (fields, then a table's cells row by row), matched with full-width
//! and half-width forms alike (`２０２２` finds `2022`) and Latin letters in
//! either case. Matches are char ranges in the original text, so the editor
//! can select them and a replacement keeps everything around them as typed.

use super::cell_path::{refusal, stored_table};
use super::project::{Entry, Project};
use super::table_value::{RowKey, TableValue};
use super::text::ascii_twin;

/// One text that can be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// The section's index in the outline walk and the field's in it, as
    /// the editor's focus counts them.
    pub node: usize,
    pub field: usize,
    pub field_id: String,
    /// A table's cell: the row in reading order and the column's index in
    /// the table's columns. `None` for a field's own text.
    pub cell: Option<(usize, usize)>,
    /// As the editor shows it (a list's items separated by a blank line).
    pub text: String,
}

/// A match: the spot (an index into the spots searched) and the char range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub spot: usize,
    pub start: usize,
    pub end: usize,
}

/// How a char is compared: full-width ASCII forms and the ideographic
/// space as their ASCII twins, Latin letters in lower case. One char for
/// one, so a position in the folded text is the same in the original.
fn fold(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        _ => ascii_twin(c),
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        // A letter that lowers to several chars (İ) is compared as it is.
        _ => c,
    }
}

/// The char ranges where `needle` occurs in `text`, left to right, not
/// overlapping. An empty needle matches nowhere.
pub fn find_in(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = needle.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            out.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// `text` with the chars `start..end` replaced by `with`.
pub fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let head: String = text.chars().take(start).collect();
    let tail: String = text.chars().skip(end).collect();
    format!("{head}{with}{tail}")
}

/// `text` with every match of `needle` replaced by `with`, and how many.
pub fn replace_in(text: &str, needle: &str, with: &str) -> (String, usize) {
    let hits = find_in(text, needle);
    let mut out = text.to_string();
    // Right to left, so the earlier ranges still hold.
    for &(start, end) in hits.iter().rev() {
        out = splice(&out, start, end, with);
    }
    (out, hits.len())
}

/// Everything a writer typed, in reading order: each field's text and
/// each cell of a table that can be typed in. Computed cells are left out
/// (what they show is the formula's, never replaced), as is a table the
/// file holds in a shape that cannot be read.
pub fn spots(project: &Project) -> Vec<Spot> {
    let mut out = Vec::new();
    for (node, r) in project.template.walk().iter().enumerate() {
        for (index, field) in r.section.fields.iter().enumerate() {
            let spot = |cell, text| Spot {
                node,
                field: index,
                field_id: field.id.clone(),
                cell,
                text,
            };
            let Some(spec) = field.table() else {
                let text = project.entry(&field.id).map(|e| e.field_text(field));
                out.push(spot(None, text.unwrap_or_default()));
                continue;
            };
            let Ok(value) = stored_table(project, field, spec) else {
                continue;
            };
            for (row_index, row) in value.rows(field, spec).iter().enumerate() {
                for column in spec.shown_columns() {
                    let col = &spec.columns[column];
                    if refusal(col, &row.key).is_none() {
                        let text = row.text(spec, col).to_string();
                        out.push(spot(Some((row_index, column)), text));
                    }
                }
            }
        }
    }
    out
}

/// Every match of `needle` in `spots`, in reading order.
pub fn hits(spots: &[Spot], needle: &str) -> Vec<Hit> {
    spots
        .iter()
        .enumerate()
        .flat_map(|(spot, s)| {
            find_in(&s.text, needle)
                .into_iter()
                .map(move |(start, end)| Hit { spot, start, end })
        })
        .collect()
}

/// The next match at or after `from` (the previous one before it, when
/// going `back`), wrapping around the report; and whether it wrapped.
/// `from` is a position like a hit's: spot and char offset.
pub fn step(hits: &[Hit], from: (usize, usize), back: bool) -> Option<(Hit, bool)> {
    let key = |h: &Hit| (h.spot, h.start);
    let found = if back {
        hits.iter().rev().find(|h| key(h) < from)
    } else {
        hits.iter().find(|h| key(h) >= from)
    };
    match found {
        Some(h) => Some((*h, false)),
        None if back => hits.last().map(|h| (*h, true)),
        None => hits.first().map(|h| (*h, true)),
    }
}

/// The table `id` with every match of `needle` replaced in the cells a
/// writer can type in; `None` when nothing matched (or it is no table the
/// file holds readably).
pub fn replace_in_table(
    project: &Project,
    id: &str,
    needle: &str,
    with: &str,
) -> Option<(Entry, usize)> {
    let field = project.template.field(id)?;
    let spec = field.table()?;
    let mut value: TableValue = stored_table(project, field, spec).ok()?;
    let mut count = 0;
    let rows: Vec<(RowKey, Vec<(String, String)>)> = value
        .rows(field, spec)
        .iter()
        .map(|row| {
            let texts = spec
                .shown_columns()
                .into_iter()
                .map(|c| &spec.columns[c])
                .filter(|c| refusal(c, &row.key).is_none())
                .map(|c| (c.id.clone(), row.text(spec, c).to_string()))
                .collect();
            (row.key.clone(), texts)
        })
        .collect();
    for (key, texts) in rows {
        for (column, text) in texts {
            let (new, n) = replace_in(&text, needle, with);
            if n > 0 {
                value.set_cell(&key, &column, new);
                count += n;
            }
        }
    }
    (count > 0).then(|| (Entry::Table(value), count))
}

/// The table `id` with the cell at `cell` (a row in reading order, a
/// column's index) holding `text`; `None` when that is no cell a writer
/// can type in.
pub fn with_cell(project: &Project, id: &str, cell: (usize, usize), text: String) -> Option<Entry> {
    let field = project.template.field(id)?;
    let spec = field.table()?;
    let mut value = stored_table(project, field, spec).ok()?;
    let key = value.rows(field, spec).get(cell.0)?.key.clone();
    let column = spec.columns.get(cell.1)?;
    if refusal(column, &key).is_some() {
        return None;
    }
    value.set_cell(&key, &column.id, text);
    Some(Entry::Table(value))
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
