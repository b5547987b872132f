//! Every problem in a project: per-field validation plus lints, each placed by
//! section and field so the writer (or `ziping check`) can find it.

use serde::{Deserialize, Serialize};

use super::crosscheck;
use super::field::{Field, Kind};
use super::lint;
use super::outline::Outline;
use super::project::{Entry, Project};
use super::sheet::Sheet;
use super::table::TableSpec;
use super::table_value::{RowRef, TableValue};
use super::value::{self, char_count};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

    fn warning(message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

/// A finding about one cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellFinding {
    /// The row's label (`年度资金总额`, `第3行「培训党员人次」`).
    pub row: String,
    pub column: String,
    /// The cell's `ziping set` path.
    pub path: String,
    pub finding: Finding,
}

/// A finding placed in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// Numbered heading path, e.g. `一、基本情况 › （二）部门职责`.
    pub section: String,
    pub field: String,
    pub label: String,
    /// For a problem in a table: the table's label, the row's and the
    /// column's, and the cell's `ziping set` path where there is one cell.
    pub table: Option<String>,
    pub row: Option<String>,
    pub column: Option<String>,
    pub path: Option<String>,
    pub message: String,
}

impl Problem {
    /// `年度资金总额 › 全年预算数（A）` (the parts that are known).
    pub fn cell(&self) -> String {
        let parts: Vec<&str> = [&self.row, &self.column]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        parts.join(" › ")
    }
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
    if let Some(spec) = field.table.as_deref() {
        return match entry {
            Some(Entry::Table(table)) => table_findings(field, spec, table)
                .into_iter()
                .map(|c| Finding {
                    severity: c.finding.severity,
                    message: format!("{} › {}：{}", c.row, c.column, c.finding.message),
                })
                .collect(),
            _ => vec![Finding::error(
                "文件中的表格数据无法读取，应为 {\"rows\": …}；原内容已保留",
            )],
        };
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
        // Paragraphs cannot be malformed (only too long), and parsing would
        // copy a long text on every keystroke.
        if !field.kind.is_multiline()
            && let Err(message) = value::parse(field, text)
        {
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

/// What is wrong with the cells of a table: each cell validated as a field
/// of its column's kind, plus text where no text belongs.
pub fn table_findings(field: &Field, spec: &TableSpec, table: &TableValue) -> Vec<CellFinding> {
    if !table.fits(spec) {
        let shape = if spec.has_fixed_rows() {
            "按行 id 存放"
        } else {
            "为列表"
        };
        return vec![CellFinding {
            row: String::new(),
            column: String::new(),
            path: field.id.clone(),
            finding: Finding::error(format!("表格的行应{shape}，文件中的形状不对；原内容已保留")),
        }];
    }
    let mut out = Vec::new();
    for row in table.rows(field, spec) {
        for column in &spec.columns {
            let text = row.text(spec, column);
            let typed = !text.trim().is_empty();
            let findings = if !TableSpec::applies(column, row.key.id()) {
                let unused = format!("此行没有“{}”，填写的内容不会使用", column.label);
                typed
                    .then(|| Finding::warning(unused))
                    .into_iter()
                    .collect()
            } else if column.is_read_only() {
                let computed = format!("“{}”由公式计算，请勿填写", column.label);
                typed
                    .then(|| Finding::error(computed))
                    .into_iter()
                    .collect()
            } else {
                let mut findings = field_findings(column, Some(&Entry::Text(text.to_string())));
                findings.extend(subgroup_finding(spec, &row, column));
                findings
            };
            out.extend(findings.into_iter().map(|finding| CellFinding {
                row: row.label.clone(),
                column: column.label.clone(),
                path: format!("{}.{}", row.path, column.id),
                finding,
            }));
        }
    }
    out
}

/// A subgroup cell (二级指标) naming a subgroup of another group.
fn subgroup_finding(spec: &TableSpec, row: &RowRef, column: &Field) -> Option<Finding> {
    let groups = spec.groups.as_ref()?;
    if groups.subcolumn.as_deref() != Some(column.id.as_str()) {
        return None;
    }
    let group_column = spec.column(&groups.column)?;
    let name = row.text(spec, group_column).trim();
    let group = groups.items.iter().find(|g| g.name == name)?;
    let sub = row.text(spec, column).trim();
    if sub.is_empty() || group.subgroups.is_empty() || group.subgroups.iter().any(|s| s == sub) {
        return None;
    }
    Some(Finding::error(format!(
        "“{sub}”不属于“{name}”，应为：{}",
        group.subgroups.join("、")
    )))
}

/// Every problem in the project, in reading order: per field (per cell for
/// a table), then the template's cross-checks placed at the field they
/// belong to. Sections left out of the report are not checked.
pub fn check(project: &Project) -> Vec<Problem> {
    let outline = Outline::new(project);
    let sheet = Sheet::new(project);
    let violations = crosscheck::run(&project.template, &sheet);
    let mut problems = Vec::new();
    for (index, node) in outline.nodes.iter().enumerate() {
        if !node.included {
            continue;
        }
        let section = outline.heading_path(index);
        for field in &node.section.fields {
            let table = field.table.as_ref().map(|_| field.label.clone());
            let problem = |severity, message| Problem {
                severity,
                section: section.clone(),
                field: field.id.clone(),
                label: field.label.clone(),
                table: table.clone(),
                row: None,
                column: None,
                path: None,
                message,
            };
            match (field.table.as_deref(), project.entry(&field.id)) {
                (Some(spec), Some(Entry::Table(value))) if !value.is_empty() => {
                    for c in table_findings(field, spec, value) {
                        problems.push(Problem {
                            row: Some(c.row).filter(|r| !r.is_empty()),
                            column: Some(c.column).filter(|c| !c.is_empty()),
                            path: Some(c.path),
                            ..problem(c.finding.severity, c.finding.message)
                        });
                    }
                }
                (_, entry) => problems.extend(
                    field_findings(field, entry)
                        .into_iter()
                        .map(|f| problem(f.severity, f.message)),
                ),
            }
            for f in sheet.failures.iter().filter(|f| f.field == field.id) {
                problems.push(Problem {
                    row: f.row.clone(),
                    column: f.column.clone(),
                    ..problem(
                        Severity::Warning,
                        format!("模板的公式出错，请修改模板：{}", f.message),
                    )
                });
            }
            for v in violations.iter().filter(|v| v.at == field.id) {
                problems.push(Problem {
                    row: v.row.clone(),
                    column: v.column.clone(),
                    path: v.path.clone(),
                    ..problem(v.severity, v.message.clone())
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
            table: None,
            row: None,
            column: None,
            path: None,
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
            table: None,
            formula: None,
            editable: false,
            rows: vec![],
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
