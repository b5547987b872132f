//! The sentences of a template upgrade: the offer, and each change in plain
//! words for the writer deciding whether to take it. The changes themselves
//! are found by `model::upgrade`.

use crate::lang::Lang;
use crate::model::schema::Template;
use crate::model::upgrade::Change;

/// "The template is version 1, version 2 exists": the one line the CLI's
/// check prints and the editor titles its offer with.
pub fn template_notice(project: &Template, newer: &Template, lang: Lang) -> String {
    let (name, old, new) = (&project.name, project.version, newer.version);
    match lang {
        Lang::Zh => format!("项目使用的模板“{name}”是第{old}版，已有第{new}版；打开文件时可以升级"),
        Lang::En => format!(
            "The project's template \"{name}\" is version {old}; version {new} is available and can be applied when the file is opened"
        ),
    }
}

/// The change in a sentence.
pub fn change(change: &Change, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match change {
        Change::Renamed { from, to } if zh => format!("模板名称由“{from}”改为“{to}”"),
        Change::Renamed { from, to } => {
            format!("The template \"{from}\" is now called \"{to}\"")
        }
        Change::SectionAdded { heading } if zh => format!("新增章节“{heading}”"),
        Change::SectionAdded { heading } => format!("New section \"{heading}\""),
        Change::SectionRemoved { heading } if zh => {
            format!("删除章节“{heading}”（其中已填写的内容会保留）")
        }
        Change::SectionRemoved { heading } => {
            format!("Section \"{heading}\" is removed (anything written in it is kept)")
        }
        Change::SectionRetitled { from, to } if zh => format!("章节“{from}”改名为“{to}”"),
        Change::SectionRetitled { from, to } => {
            format!("Section \"{from}\" is now headed \"{to}\"")
        }
        Change::FieldAdded { label } if zh => format!("新增字段“{label}”"),
        Change::FieldAdded { label } => format!("New field \"{label}\""),
        Change::FieldRemoved { label, has_value } => match (zh, has_value) {
            (true, true) => format!("删除字段“{label}”；已填写的内容会保留，不会丢失"),
            (true, false) => format!("删除字段“{label}”（尚未填写）"),
            (false, true) => {
                format!("Field \"{label}\" is removed; what you wrote there is kept, not lost")
            }
            (false, false) => format!("Field \"{label}\" is removed (it was empty)"),
        },
        Change::Relabelled { from, to } if zh => format!("字段“{from}”改名为“{to}”"),
        Change::Relabelled { from, to } => format!("Field \"{from}\" is now called \"{to}\""),
        Change::KindChanged { label, from, to } if zh => format!(
            "字段“{label}”的类型由 {} 改为 {}；已填写的内容原样保留，请检查",
            from.name(),
            to.name()
        ),
        Change::KindChanged { label, from, to } => format!(
            "Field \"{label}\" changes from {} to {}; its value is kept as typed, please check it",
            from.name(),
            to.name()
        ),
        Change::RulesChanged { label } if zh => format!("字段“{label}”的填写要求有变化"),
        Change::RulesChanged { label } => format!("The rules for field \"{label}\" changed"),
        Change::TitleChanged if zh => "标题或落款有变化".into(),
        Change::TitleChanged => "The title or closing lines changed".into(),
        Change::ChecksChanged if zh => "核对规则有变化".into(),
        Change::ChecksChanged => "The cross-checks changed".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::Kind;

    #[test]
    fn every_change_has_a_sentence_in_each_language() {
        let (from, to) = (String::from("甲"), String::from("乙"));
        let changes = [
            Change::Renamed {
                from: from.clone(),
                to: to.clone(),
            },
            Change::SectionAdded {
                heading: to.clone(),
            },
            Change::SectionRemoved {
                heading: from.clone(),
            },
            Change::SectionRetitled {
                from: from.clone(),
                to: to.clone(),
            },
            Change::FieldAdded { label: to.clone() },
            Change::FieldRemoved {
                label: from.clone(),
                has_value: true,
            },
            Change::FieldRemoved {
                label: from.clone(),
                has_value: false,
            },
            Change::Relabelled {
                from: from.clone(),
                to: to.clone(),
            },
            Change::KindChanged {
                label: from.clone(),
                from: Kind::Text,
                to: Kind::Narrative,
            },
            Change::RulesChanged { label: from },
            Change::TitleChanged,
            Change::ChecksChanged,
        ];
        for c in &changes {
            let (zh, en) = (change(c, Lang::Zh), change(c, Lang::En));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{c:?}");
        }
    }
}
