//! The paragraphs figures are looked for in: every narrative field and
//! list item of the sections the report prints, in reading order.

use crate::model::outline::Outline;
use crate::model::project::{Entry, Project};
use crate::model::schema::{Field, Kind};

/// One paragraph field's text, or one item of a list.
#[derive(Debug, Clone, Copy)]
pub struct Prose<'p> {
    /// The field's section in the outline walk.
    pub node: usize,
    pub field: &'p Field,
    /// A list's item, from 1.
    pub item: Option<usize>,
    pub text: &'p str,
}

/// Whether figures are looked for in a field of `kind`: paragraphs and
/// lists (a one-line text is a name or a label, not a claim).
pub fn is_prose(kind: Kind) -> bool {
    matches!(kind, Kind::Narrative | Kind::List)
}

/// Every paragraph of the included sections, in reading order.
pub fn texts(project: &Project) -> Vec<Prose<'_>> {
    let outline = Outline::new(project);
    let mut found = Vec::new();
    for (node, n) in outline.nodes.iter().enumerate() {
        if !n.included {
            continue;
        }
        for field in &n.section.fields {
            found.extend(of_field(node, field, project.entry(&field.id)));
        }
    }
    found
}

/// The paragraphs of one field (none unless it is prose).
pub fn of_field<'p>(node: usize, field: &'p Field, entry: Option<&'p Entry>) -> Vec<Prose<'p>> {
    if !is_prose(field.kind()) {
        return Vec::new();
    }
    let prose = |item, text| Prose {
        node,
        field,
        item,
        text,
    };
    match entry {
        Some(Entry::Text(text)) => vec![prose(None, text.as_str())],
        Some(Entry::Items(items)) => items
            .iter()
            .enumerate()
            .map(|(i, text)| prose(Some(i + 1), text.as_str()))
            .collect(),
        _ => Vec::new(),
    }
}
