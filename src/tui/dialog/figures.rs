//! The figures panel (F6): every figure in the focused section's prose,
//! each with a short context and what it is checked against in the tables
//! (✓ agrees, ✗ contradicts, ? only the same sentence names it), filtered
//! as you type; Enter selects it in the text.

use crate::lang::Lang;
use crate::model::figures::cited::Strength;
use crate::model::figures::list::{self, Figure};
use crate::model::project::{Entry, Project};
use crate::model::report::Report;
use crate::strings::{self, figures as words};

use super::super::text::display_width;
use super::super::theme::{Role, Theme};
use super::list::{FilterList, Item};

/// Where a figure is: its field (by its place in the section) and its
/// characters in the field's text as the editor holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureAt {
    pub node: usize,
    pub field: usize,
    pub start: usize,
    pub end: usize,
}

pub type FiguresPanel = FilterList<FigureAt>;

/// Characters of context shown before a figure in its clause.
const BEFORE: usize = 16;

/// Columns the figure itself takes at the start of its row, so the
/// contexts line up.
const FIGURE_COLUMNS: usize = 12;

/// The clause up to the figure, cut to its last [`BEFORE`] characters,
/// and the rest of the clause after it cut likewise.
fn context(figure: &Figure) -> String {
    let q = &figure.quantity;
    let text = figure.prose.text;
    let before: Vec<char> = text[q.clause.start..q.span.start].chars().collect();
    let after: Vec<char> = text[q.span.end..q.clause.end].chars().collect();
    let cut = before.len().saturating_sub(BEFORE);
    let lead = if cut > 0 { "…" } else { "" };
    let tail = if after.len() > BEFORE { "…" } else { "" };
    format!(
        "{lead}{}{}{}{tail}",
        before[cut..].iter().collect::<String>(),
        figure.written(),
        after.iter().take(BEFORE).collect::<String>()
    )
}

/// Where list item `item` (from 1) starts in the editor's text of `entry`:
/// items are separated by a blank line there.
fn item_offset(entry: Option<&Entry>, item: Option<usize>) -> usize {
    match (entry, item) {
        (Some(Entry::Items(items)), Some(n)) => items
            .iter()
            .take(n.saturating_sub(1))
            .map(|i| i.chars().count() + 2)
            .sum(),
        _ => 0,
    }
}

fn items(project: &Project, report: &Report, node: usize, lang: Lang) -> Vec<Item<FigureAt>> {
    let walk = project.template.walk();
    let Some(section) = walk.get(node).map(|r| r.section) else {
        return Vec::new();
    };
    list::all(project, report.sheet())
        .into_iter()
        .filter(|f| f.prose.node == node)
        .filter_map(|f| {
            let field = section
                .fields
                .iter()
                .position(|x| x.id == f.prose.field.id)?;
            let offset = item_offset(project.entry(&f.prose.field.id), f.prose.item);
            let q = &f.quantity;
            let at = FigureAt {
                node,
                field,
                start: offset + q.chars.start,
                end: offset + q.chars.end,
            };
            let place = words::place(&f.prose.field.label, f.prose.item, lang);
            let link = f
                .link
                .as_ref()
                .map(|l| format!("  {}", words::link(l, lang)));
            let pad = FIGURE_COLUMNS.saturating_sub(display_width(f.written()));
            let text = format!(
                "{}{}{place}  {}{}",
                f.written(),
                " ".repeat(pad.max(1)),
                context(&f),
                link.unwrap_or_default()
            );
            let warned = f
                .link
                .as_ref()
                .is_some_and(|l| !l.agrees && l.strength == Strength::Clause);
            let role = if warned { Role::Warning } else { Role::Text };
            Some(Item::new(text, &f.quantity.unit, 0, role, at))
        })
        .collect()
}

impl FilterList<FigureAt> {
    /// The panel on section `node` of the report as of now.
    pub fn new(
        project: &Project,
        report: &Report,
        node: usize,
        theme: &Theme,
        lang: Lang,
    ) -> FiguresPanel {
        let (title, none) = (strings::FIGURES_FILTER, strings::NO_MATCHING_FIGURES);
        FilterList::of_items(title, none, items(project, report, node, lang), theme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_items_figures_are_placed_in_the_editors_text() {
        let project =
            crate::storage::read_project(std::path::Path::new("sample-data/changning-2022.json"));
        let Ok(project) = project else {
            panic!("the sample loads");
        };
        let report = Report::new(&project);
        let walk = project.template.walk();
        let node = walk
            .iter()
            .position(|r| r.section.fields.iter().any(|f| f.id == "achievements"))
            .unwrap_or_default();
        let found = items(&project, &report, node, Lang::Zh);
        let text = project
            .entry("achievements")
            .map(Entry::to_editor_text)
            .unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        for item in &found {
            let at = &item.target;
            let written: String = chars[at.start..at.end].iter().collect();
            assert!(item.text.starts_with(&written), "{} / {written}", item.text);
        }
        assert!(found.iter().any(|i| i.text.starts_with("56.7%")));
    }
}
