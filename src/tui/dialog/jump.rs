//! The jump list (Ctrl-G): every section and field, filtered as you type by
//! heading, label or id; Enter goes to the chosen one.

use crate::model::project::Project;
use crate::model::report::Report;
use crate::strings;

use super::super::theme::{Role, Theme};
use super::list::{FilterList, Item};

pub type Jump = FilterList<Target>;

/// Where an item of the list leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Index of the section in the outline walk.
    pub node: usize,
    /// The field, or `None` for the section itself (its first field).
    pub field: Option<usize>,
}

/// All sections and fields in reading order, numbered as the report's
/// outline numbers them; found by heading, label or id.
fn items(project: &Project, report: &Report) -> Vec<Item<Target>> {
    let walk = project.template.walk();
    let mut items = Vec::new();
    for (node, (state, r)) in report.sections().iter().zip(&walk).enumerate() {
        let path = &state.path;
        let haystack = format!("{path} {}", r.section.id);
        let target = Target { node, field: None };
        let heading = state.heading.clone();
        items.push(Item::new(
            heading,
            &haystack,
            state.depth,
            Role::Label,
            target,
        ));
        for (i, field) in r.section.fields.iter().enumerate() {
            let haystack = format!("{} {path}", field.id);
            let target = Target {
                node,
                field: Some(i),
            };
            let label = field.label.clone();
            items.push(Item::new(
                label,
                &haystack,
                state.depth + 1,
                Role::Text,
                target,
            ));
        }
    }
    items
}

impl FilterList<Target> {
    pub fn new(project: &Project, report: &Report, theme: &Theme) -> Jump {
        let (title, none) = (strings::JUMP_TO, strings::NOTHING_MATCHES);
        FilterList::of_items(title, none, items(project, report), theme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::tui::dialog::list::filter;

    #[test]
    fn filters_by_chinese_heading_label_or_id() {
        let project = catalog::new_project("hunan-narrative");
        let all = items(&project, &Report::new(&project));
        let texts =
            |f: &str| -> Vec<String> { filter(&all, f).iter().map(|i| i.text.clone()).collect() };
        assert_eq!(texts("职责"), vec!["（二）部门职责", "部门职责"]);
        assert_eq!(texts("measures_list"), vec!["改进措施"]);
        assert_eq!(
            texts("基本 机构"),
            vec!["（一）机构人员情况", "机构人员情况"]
        );
        assert_eq!(filter(&all, "").len(), all.len());
    }
}
