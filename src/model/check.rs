//! Every problem in a project: per-field validation plus lints, each placed by
//! section and field so the writer (or `ziping check`) can find it.

use serde::Serialize;

use super::field::{Field, Kind};
use super::lint;
use super::outline::Outline;
use super::project::{Entry, Project};
use super::value::{self, char_count};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The report is not ready to hand in.
    Error,
    /// Worth a look; does not block.
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提示",
        }
    }
}

/// One thing wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
}

impl Finding {
    fn error(message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            message: message.into(),
        }
    }
}

/// A finding placed in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// Numbered heading path, e.g. `一、基本情况 › （二）部门职责`.
    pub section: String,
    pub field: String,
    pub label: String,
    pub message: String,
}

/// What is wrong with the value of one field; empty when all is well.
pub fn field_findings(field: &Field, entry: Option<&Entry>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let empty = entry.is_none_or(Entry::is_empty);
    if empty {
        if field.required {
            findings.push(Finding::error("此项必填"));
        }
        return findings;
    }
    let texts: Vec<&str> = match (entry, field.kind) {
        (Some(Entry::Text(s)), kind) if kind != Kind::List => vec![s],
        (Some(Entry::Items(items)), Kind::List) => items.iter().map(String::as_str).collect(),
        (Some(Entry::Text(s)), Kind::List) => vec![s],
        (Some(other), _) => {
            let found = serde_json::to_string(other).unwrap_or_default();
            findings.push(Finding::error(format!(
                "文件中的值 {found} 类型不对，应为{}",
                field.expectation()
            )));
            return findings;
        }
        (None, _) => return findings,
    };
    for (i, text) in texts.iter().enumerate() {
        let item = if field.kind == Kind::List {
            format!("第{}条", i + 1)
        } else {
            String::new()
        };
        if let Err(message) = value::parse(field, text) {
            findings.push(Finding::error(format!("{item}{message}")));
        }
        if let Some(max) = field.max_len {
            let count = char_count(text);
            if count > max {
                findings.push(Finding::error(format!(
                    "{item}共{count}字，超过{max}字上限"
                )));
            }
        }
        if field.kind.is_prose() {
            findings.extend(lint::prose(text).into_iter().map(|message| Finding {
                severity: Severity::Warning,
                message: format!("{item}{message}"),
            }));
        }
    }
    findings
}

/// Every problem in the project, in reading order.
pub fn check(project: &Project) -> Vec<Problem> {
    let outline = Outline::new(project);
    let mut problems = Vec::new();
    for (index, node) in outline.nodes.iter().enumerate() {
        let section = outline.heading_path(index);
        for field in &node.section.fields {
            for finding in field_findings(field, project.entry(&field.id)) {
                problems.push(Problem {
                    severity: finding.severity,
                    section: section.clone(),
                    field: field.id.clone(),
                    label: field.label.clone(),
                    message: finding.message,
                });
            }
        }
    }
    for (id, _) in project.orphans() {
        problems.push(Problem {
            severity: Severity::Warning,
            section: String::new(),
            field: id.clone(),
            label: id.clone(),
            message: "模板中没有这个字段，它的内容已保留但不会导出".to_string(),
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::Show;

    fn field(kind: Kind) -> Field {
        Field {
            id: "f".into(),
            label: "字段".into(),
            kind,
            required: true,
            hint: String::new(),
            show: Show::Auto,
            default: None,
            unit: (kind == Kind::Integer).then(|| "人".into()),
            decimals: None,
            min: None,
            max: None,
            max_len: Some(5),
            options: vec![],
            numbering: None,
        }
    }

    #[test]
    fn findings_per_field() {
        let text = |s: &str| Some(Entry::Text(s.into()));
        let items = |v: &[&str]| Some(Entry::Items(v.iter().map(|s| s.to_string()).collect()));
        let cases: Vec<(Kind, Option<Entry>, Vec<&str>)> = vec![
            (Kind::Text, None, vec!["此项必填"]),
            (Kind::Text, text("  "), vec!["此项必填"]),
            (Kind::Text, text("五个字以内"), vec![]),
            (Kind::Text, text("六个字超长了"), vec!["共6字，超过5字上限"]),
            (Kind::Narrative, text("一段\n二段"), vec![]),
            (
                Kind::List,
                items(&["好", "太长的一条啊"]),
                vec!["第2条共6字，超过5字上限"],
            ),
            (Kind::Integer, text("12人"), vec![]),
            (Kind::Integer, text("12.5"), vec!["请输入整数，单位：人"]),
            (
                Kind::Integer,
                Some(Entry::Other(serde_json::json!(12))),
                vec!["文件中的值 12 类型不对，应为整数，单位：人"],
            ),
            (
                Kind::Narrative,
                text("湘办【2019】1号"),
                vec![
                    "共10字，超过5字上限",
                    "文号年份“【2019】1号”应使用六角括号，写作“〔2019〕1号”",
                ],
            ),
        ];
        for (kind, entry, want) in cases {
            let got: Vec<String> = field_findings(&field(kind), entry.as_ref())
                .into_iter()
                .map(|f| f.message)
                .collect();
            assert_eq!(got, want, "{kind:?} {entry:?}");
        }
    }
}
