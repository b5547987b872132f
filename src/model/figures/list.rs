//! Every figure of a report's prose with where it stands and what it is
//! linked to: what `ziping figures` prints and the editor's figures panel
//! shows.

use super::cited::Link;
use super::link::{Sources, is_plan_field, link};
use super::prose::{self, Prose};
use super::scan::{Quantity, quantities};
use crate::model::project::Project;
use crate::model::sheet::Sheet;

/// One figure in its paragraph.
#[derive(Debug, Clone)]
pub struct Figure<'p> {
    pub prose: Prose<'p>,
    pub quantity: Quantity,
    /// The table's figure it is compared with, strong or weak.
    pub link: Option<Link>,
}

impl Figure<'_> {
    /// The figure as written, with its hedge and unit.
    pub fn written(&self) -> &str {
        &self.prose.text[self.quantity.span.clone()]
    }

    /// The clause it stands in.
    pub fn clause(&self) -> &str {
        &self.prose.text[self.quantity.clause.clone()]
    }
}

/// Every figure in the report's prose, in reading order.
pub fn all<'p>(project: &'p Project, sheet: &Sheet) -> Vec<Figure<'p>> {
    let sources = Sources::new(project, sheet);
    prose::texts(project)
        .into_iter()
        .flat_map(|p| in_prose(p, &sources))
        .collect()
}

fn in_prose<'p>(prose: Prose<'p>, sources: &Sources) -> Vec<Figure<'p>> {
    let found = quantities(prose.text);
    let plans = is_plan_field(&prose.field.label);
    (0..found.len())
        .map(|at| Figure {
            prose,
            link: link(prose.text, &found, at, sources, plans),
            quantity: found[at].clone(),
        })
        .collect()
}
