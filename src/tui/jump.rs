//! The jump list (Ctrl-G): every section and field, filtered as you type by
//! heading, label or id.

use crate::model::outline::Outline;
use crate::model::project::Project;

/// Where an item of the list leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Index of the section in the outline walk.
    pub node: usize,
    /// The field, or `None` for the section itself (its first field).
    pub field: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What is shown: the numbered heading, or an indented field label.
    pub text: String,
    /// Lower-cased text the filter matches against (heading, label, id).
    haystack: String,
    pub depth: usize,
    pub target: Target,
}

/// All sections and fields in reading order.
pub fn items(project: &Project) -> Vec<Item> {
    let outline = Outline::new(project);
    let mut items = Vec::new();
    for (node, n) in outline.nodes.iter().enumerate() {
        let heading = outline.heading(node);
        let path = outline.heading_path(node);
        items.push(Item {
            haystack: format!("{path} {}", n.section.id).to_lowercase(),
            text: heading,
            depth: n.depth,
            target: Target { node, field: None },
        });
        for (i, field) in n.section.fields.iter().enumerate() {
            items.push(Item {
                text: field.label.clone(),
                haystack: format!("{} {} {path}", field.label, field.id).to_lowercase(),
                depth: n.depth + 1,
                target: Target {
                    node,
                    field: Some(i),
                },
            });
        }
    }
    items
}

/// The items matching every space-separated word of `filter`.
pub fn filter<'a>(items: &'a [Item], filter: &str) -> Vec<&'a Item> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    items
        .iter()
        .filter(|item| words.iter().all(|w| item.haystack.contains(w.as_str())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn filters_by_chinese_heading_label_or_id() {
        let project = catalog::new_project("hunan-narrative");
        let all = items(&project);
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
