//! The report's outline as it will be printed: which sections are included
//! and how they are numbered. Export, check and the TUI all number headings
//! through this one place, so they always agree.

use std::borrow::Cow;

use super::project::Project;
use super::schema::Section;

#[derive(Debug, Clone)]
pub struct Node<'t> {
    pub section: &'t Section,
    /// The heading's words in force: the project's own, or the template's.
    pub text: Cow<'t, str>,
    pub depth: usize,
    pub parent: Option<usize>,
    /// `一、`, `（二）` …; empty for unnumbered or left-out sections.
    pub number: String,
    /// False for an empty optional section (or one inside it): not exported.
    pub included: bool,
}

#[derive(Debug, Clone)]
pub struct Outline<'t> {
    pub nodes: Vec<Node<'t>>,
}

impl<'t> Outline<'t> {
    pub fn new(project: &'t Project) -> Outline<'t> {
        let template = &project.template;
        let mut nodes: Vec<Node<'t>> = Vec::new();
        // Per parent (None = top level), how many numbered siblings so far.
        let mut counters: Vec<(Option<usize>, usize)> = Vec::new();
        for r in template.walk() {
            let parent_included = r.parent.is_none_or(|p| nodes[p].included);
            let has_content = r
                .section
                .all_fields()
                .any(|f| project.entry(&f.id).is_some_and(|e| !e.is_empty()));
            let included = parent_included && (!r.section.optional || has_content);
            let number = if included && r.section.numbered {
                let count = match counters.iter_mut().find(|(p, _)| *p == r.parent) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        counters.push((r.parent, 1));
                        1
                    }
                };
                template.numbering_at(r.depth).prefix(count)
            } else {
                String::new()
            };
            nodes.push(Node {
                section: r.section,
                text: project.heading_of(r.section),
                depth: r.depth,
                parent: r.parent,
                number,
                included,
            });
        }
        Outline { nodes }
    }

    /// The printed heading: number and text.
    pub fn heading(&self, index: usize) -> String {
        let node = &self.nodes[index];
        format!("{}{}", node.number, node.text)
    }

    /// Headings from the top down to `index`, joined for messages.
    pub fn heading_path(&self, index: usize) -> String {
        let mut parts = vec![self.heading(index)];
        let mut at = self.nodes[index].parent;
        while let Some(p) = at {
            parts.push(self.heading(p));
            at = self.nodes[p].parent;
        }
        parts.reverse();
        parts.join(" › ")
    }
}
