//! The problems list (F7): every finding of the report, notices included,
//! worded line by line as `ziping check` prints it, filtered as you type;
//! Enter goes to the chosen one's field or cell.

use crate::lang::Lang;
use crate::model::finding::Finding;
use crate::model::project::Project;
use crate::model::report::Report;
use crate::strings::{self, CheckPlace, check_line, check_message};

use super::super::keymap::Keymap;
use super::super::theme::Theme;
use super::super::widgets::mark;
use super::list::{FilterList, Item};

pub type Problems = FilterList<Finding>;

/// Every finding in the order `ziping check` lists them.
fn items(project: &Project, report: &Report, keymap: &Keymap, lang: Lang) -> Vec<Item<Finding>> {
    report
        .findings()
        .map(|f| {
            let at = CheckPlace::of(
                f,
                &project.template,
                f.place.node.map(|n| report.heading_path(Some(n))),
                lang,
            );
            let key = keymap.fix_key(&f.kind);
            let message = check_message(&f.kind, key.as_deref(), lang);
            let text = check_line(&at, &message, lang);
            let role = mark(f.severity).1;
            Item::new(text, &f.place.field, 0, role, f.clone())
        })
        .collect()
}

impl FilterList<Finding> {
    pub fn new(
        project: &Project,
        report: &Report,
        keymap: &Keymap,
        theme: &Theme,
        lang: Lang,
    ) -> Problems {
        let (title, none) = (strings::PROBLEMS_FILTER, strings::NO_MATCHING_PROBLEMS);
        FilterList::of_items(title, none, items(project, report, keymap, lang), theme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::dialog::list::filter;

    #[test]
    fn every_finding_is_listed_as_check_words_it_and_filters() {
        let mut project = crate::catalog::new_project("project-selfeval");
        project.set(
            "project_name",
            crate::model::project::Entry::Text("培训".into()),
        );
        let report = Report::new(&project);
        let all = items(&project, &report, &Keymap::default(), Lang::Zh);
        assert_eq!(all.len(), report.findings().count());
        assert!(
            all.iter()
                .any(|i| i.text == "错误  项目信息  年度［year］：此项必填"),
            "{:?}",
            all.iter().map(|i| &i.text).collect::<Vec<_>>()
        );
        let year: Vec<&String> = filter(&all, "year").iter().map(|i| &i.text).collect();
        assert_eq!(year.len(), 1, "{year:?}");
    }
}
