//! Paths that name what a writer can fill in, for `ziping set` and
//! `ziping fields`:
//!
//! - `unit`: a field, by id;
//! - `funding.total.budget`: a cell of a table with fixed rows: table id,
//!   row id, column id;
//! - `indicators.3.actual`: a cell of a table whose rows the writer adds:
//!   the row number counts from 1, and one past the last row adds a row;
//! - `indicators.total_score`: a summary line (computed, listed only);
//! - `heading.basic`, `title`: the report's own wording (model/wording.rs).

use indexmap::IndexMap;
use serde::Serialize;

use super::cell_reading::reading;
use super::finding::Place;
use super::project::{Entry, Project};
use super::reading::{ActualReading, OpFrom, Reading, TargetReading, TierFrom};
use super::rules::field_findings;
use super::schema::ReadingSpec;
use super::schema::{Field, Severity, TableSpec};
use super::sheet::Sheet;
use super::table_value::{RowKey, TableValue};
use super::target::Target;
use super::wording;

/// What a path names.
#[derive(Debug, Clone)]
pub enum Resolved<'t> {
    Field(&'t Field),
    Cell {
        table: &'t Field,
        row: RowKey,
        column: &'t Field,
    },
}

fn see_fields() -> &'static str {
    "用 ziping fields 文件 查看所有路径"
}

/// Finds what `path` names in `project`.
pub fn resolve<'t>(project: &'t Project, path: &str) -> Result<Resolved<'t>, String> {
    let mut parts = path.split('.');
    let id = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let Some(field) = project.template.field(id) else {
        return Err(format!("没有名为“{id}”的字段；{}", see_fields()));
    };
    let Some(spec) = field.table() else {
        if rest.is_empty() {
            return Ok(Resolved::Field(field));
        }
        return Err(format!("“{id}”不是表格，路径应为“{id}”"));
    };
    let [row, column] = rest.as_slice() else {
        if let [line] = rest.as_slice()
            && spec.summary.iter().any(|l| l.id == *line)
        {
            return Err(format!("“{path}”由公式计算，不能填写"));
        }
        let example = match spec.rows.first() {
            Some(r) => format!("{id}.{}.{}", r.id, spec.columns[0].id),
            None => format!("{id}.1.{}", spec.columns[0].id),
        };
        return Err(format!(
            "“{id}”是表格，请逐格填写，路径如 {example}；{}",
            see_fields()
        ));
    };
    let Some(column) = spec.column(column) else {
        let ids: Vec<&str> = spec.columns.iter().map(|c| c.id.as_str()).collect();
        return Err(format!(
            "表格“{id}”没有“{column}”列；列有：{}",
            ids.join("、")
        ));
    };
    let row = row_key(project, field, spec, row)?;
    Ok(Resolved::Cell {
        table: field,
        row,
        column,
    })
}

fn row_key(
    project: &Project,
    field: &Field,
    spec: &TableSpec,
    row: &str,
) -> Result<RowKey, String> {
    let id = &field.id;
    if spec.has_fixed_rows() {
        return match spec.row(row) {
            Some(r) => Ok(RowKey::Named(r.id.clone())),
            None => {
                let ids: Vec<&str> = spec.rows.iter().map(|r| r.id.as_str()).collect();
                Err(format!("表格“{id}”没有“{row}”行；行有：{}", ids.join("、")))
            }
        };
    }
    let count = match project.entry(id) {
        Some(Entry::Table(t)) if t.fits(spec) => t.rows(field, spec).len(),
        _ => 0,
    };
    match row.parse::<usize>() {
        Ok(n) if (1..=count + 1).contains(&n) => Ok(RowKey::Index(n - 1)),
        _ => Err(format!(
            "表格“{id}”现有{count}行，行号应为1至{}（{}为新增一行）",
            count + 1,
            count + 1
        )),
    }
}

/// Sets what `path` names to `text`, validated exactly as the editor
/// validates it. Returns the warnings (prose lints); refuses, changing
/// nothing, with a message when the value is not valid. Clearing is
/// always allowed.
pub fn assign(
    project: &mut Project,
    path: &str,
    text: &str,
) -> Result<Vec<(Severity, String)>, String> {
    if wording::is_wording(project, path) {
        return wording::assign(project, path, text).map(|_| Vec::new());
    }
    let (entry, field) = match resolve(project, path)? {
        Resolved::Field(field) => (Entry::from_field_text(field, text), field),
        Resolved::Cell { table, row, column } => {
            if let Some(why) = refusal(column, &row) {
                return Err(format!("{path}：{why}"));
            }
            let entry = Entry::Text(text.to_string());
            let warnings = judge(path, column, &entry)?;
            let (id, column) = (table.id.clone(), column.id.clone());
            let spec = table.table().ok_or_else(|| format!("“{id}”不是表格"))?;
            let mut value = stored_table(project, table, spec)?;
            value.set_cell(&row, &column, text.to_string());
            project.set(&id, Entry::Table(value));
            return Ok(warnings);
        }
    };
    let warnings = judge(path, field, &entry)?;
    let id = field.id.clone();
    project.set(&id, entry);
    // Set anew, so no longer last year's text as it was (沿用去年).
    project.carried.retain(|c| *c != id);
    Ok(warnings)
}

/// Why the cell of `column` in `row` cannot be typed into, if it cannot:
/// the column has no cell in this row, or is computed.
pub fn refusal(column: &Field, row: &RowKey) -> Option<String> {
    if !TableSpec::applies(column, row.id()) {
        return Some(format!("此行没有“{}”", column.label));
    }
    if column.is_read_only() {
        return Some(format!("“{}”由公式计算，不能填写", column.label));
    }
    None
}

/// The table stored for `table`, to be changed and set back: what the file
/// holds, or an empty one. A table the file holds in a shape that cannot be
/// read is refused, so it is never replaced unread.
pub fn stored_table(
    project: &Project,
    table: &Field,
    spec: &TableSpec,
) -> Result<TableValue, String> {
    match project.entry(&table.id) {
        Some(Entry::Table(t)) if t.fits(spec) => Ok(t.clone()),
        Some(entry) if !entry.is_empty() => Err(format!(
            "表格“{}”在文件中的内容无法读取（已原样保留），请先在编辑器中查看并修正",
            table.id
        )),
        _ => Ok(TableValue::new(spec)),
    }
}

/// The warnings and notices of a value, each with its severity, or its
/// first error as a message.
fn judge(path: &str, field: &Field, entry: &Entry) -> Result<Vec<(Severity, String)>, String> {
    if entry.is_empty() {
        return Ok(Vec::new());
    }
    let findings = field_findings(field, Some(entry), &Place::default());
    let said = |f: &super::finding::Finding| {
        let message = crate::strings::finding(&f.kind, crate::lang::Lang::Zh);
        format!("{path}（{}）：{message}", field.label)
    };
    if let Some(error) = findings.iter().find(|f| f.severity == Severity::Error) {
        return Err(said(error));
    }
    Ok(findings.iter().map(|f| (f.severity, said(f))).collect())
}

/// One line of `ziping fields`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub path: String,
    /// The field's label; for a cell, its column's.
    pub label: String,
    /// For a cell: its row's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_label: Option<String>,
    pub kind: &'static str,
    /// As typed (a cell's template default if nothing is typed).
    pub value: String,
    /// For a computed cell or summary line: what the formula gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub computed: Option<String>,
    /// How the text was read ([`reading`]): after the older keys, so a
    /// script reading those is unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<&'static str>,
    /// The reading's parts by name: `{"comparator": "≥", "number": "50",
    /// "unit": "个"}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<IndexMap<&'static str, String>>,
    /// A cell of the row `ziping set` adds to an empty table.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub new_row: bool,
}

impl Listed {
    fn read(mut self, field: &Field, text: &str) -> Listed {
        if let Some(r) = reading(field, text) {
            self.read_as = Some(r.read_as.code());
            self.reading = Some(r.parts.iter().map(|(p, t)| (p.code(), t.clone())).collect());
        }
        self
    }
}

impl Listed {
    /// Adds what the row's reading knows of this cell: the comparator a
    /// bare target was given (and by which 二级指标, reversed or not), or
    /// how the actual value was read (a figure in the target's unit, a
    /// tier and where it came from, a word to confirm).
    fn row_read(
        mut self,
        declared: Option<&ReadingSpec>,
        read: Option<&Reading>,
        column: &Field,
    ) -> Listed {
        let (Some(declared), Some(read)) = (declared, read) else {
            return self;
        };
        let target_column = declared
            .target
            .as_deref()
            .or(declared.split.as_ref().map(|s| s.value.as_str()));
        let parts = self.reading.get_or_insert_with(IndexMap::new);
        if target_column == Some(column.id.as_str()) {
            if let Some(TargetReading {
                target: Target::Quantity { op: Some(op), .. },
                op_from: OpFrom::Default { by, reversed },
            }) = &read.target
            {
                parts.shift_insert(0, "comparator", op.symbol().to_string());
                parts.insert("default_by", by.clone());
                if *reversed {
                    parts.insert("reversed", "true".to_string());
                }
            }
        } else if declared.actual == column.id {
            let read_as = match &read.actual {
                ActualReading::Blank => None,
                ActualReading::NotApplicable => Some("not_applicable"),
                ActualReading::Figure {
                    op,
                    value,
                    unit,
                    compared,
                } => {
                    if let Some(op) = op {
                        parts.insert("comparator", op.symbol().to_string());
                    }
                    parts.insert("number", value.normalize().to_string());
                    if !unit.is_empty() {
                        parts.insert("unit", unit.clone());
                    }
                    if let Some(c) = compared {
                        parts.insert("in_target_unit", c.normalize().to_string());
                    }
                    Some("figure")
                }
                ActualReading::Tier { tier, from } => {
                    parts.insert("tier", tier.name().to_string());
                    let from = match from {
                        TierFrom::Vocabulary => "vocabulary",
                        TierFrom::EqualsTarget => "equals_target",
                    };
                    parts.insert("tier_from", from.to_string());
                    Some("tier")
                }
                ActualReading::Unknown(word) => {
                    parts.insert("unknown", word.clone());
                    Some("unknown_word")
                }
            };
            self.read_as = read_as.or(self.read_as);
        }
        if self.reading.as_ref().is_some_and(IndexMap::is_empty) {
            self.reading = None;
        }
        self
    }
}

/// The label of an added table's first row, as [`TableValue::rows`] names
/// rows.
fn first_row_label() -> String {
    "第1行".to_string()
}

/// Every field and table cell with its path, in template order.
pub fn listing(project: &Project) -> Vec<Listed> {
    let sheet = Sheet::new(project);
    let mut out = Vec::new();
    for field in project.template.fields() {
        let Some(table) = sheet.table(&project.template, &field.id) else {
            let value = project.entry(&field.id).map(|e| e.field_text(field));
            let value = value.unwrap_or_default();
            out.push(
                Listed {
                    path: field.id.clone(),
                    label: field.label.clone(),
                    row_label: None,
                    kind: field.kind().name(),
                    value: value.clone(),
                    ..Listed::default()
                }
                .read(field, &value),
            );
            continue;
        };
        for row in &table.rows {
            for (column, cell) in table.spec.columns.iter().zip(&row.cells) {
                if !cell.applies {
                    continue;
                }
                out.push(
                    Listed {
                        path: format!("{}.{}", row.path, column.id),
                        label: column.label.clone(),
                        row_label: Some(row.label.clone()),
                        kind: column.kind().name(),
                        value: cell.text.clone(),
                        computed: cell.computed.as_ref().map(|c| c.display(column)),
                        ..Listed::default()
                    }
                    .read(column, &cell.text)
                    .row_read(
                        table.spec.reading.as_ref(),
                        row.reading.as_ref(),
                        column,
                    ),
                );
            }
        }
        // An empty table of added rows: the paths that fill its first row,
        // since `ziping set` adds it (computed columns are not filled).
        if !table.spec.has_fixed_rows() && table.rows.is_empty() {
            let columns = table.spec.columns.iter().filter(|c| !c.is_read_only());
            out.extend(columns.map(|column| Listed {
                path: format!("{}.1.{}", field.id, column.id),
                label: column.label.clone(),
                row_label: Some(first_row_label()),
                kind: column.kind().name(),
                value: column.default.clone().unwrap_or_default(),
                new_row: true,
                ..Listed::default()
            }));
        }
        for (line, result) in table.spec.summary.iter().zip(&table.summary) {
            out.push(Listed {
                path: format!("{}.{}", field.id, line.id),
                label: line.label.clone(),
                row_label: None,
                kind: line.kind().name(),
                computed: result.as_ref().map(|c| c.display(line)),
                ..Listed::default()
            });
        }
    }
    // The report's own wording last: what a script reading fields for
    // values meets first is unchanged.
    out.extend(
        wording::listing(project)
            .into_iter()
            .map(|(path, label, value)| Listed {
                path,
                label,
                kind: "wording",
                value,
                ..Listed::default()
            }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn project() -> Project {
        catalog::new_project("project-selfeval")
    }

    #[test]
    fn refused_values_and_paths_say_what_to_do() {
        let cases = [
            (
                "nope",
                "1",
                "没有名为“nope”的字段；用 ziping fields 文件 查看所有路径",
            ),
            ("year.x", "1", "“year”不是表格，路径应为“year”"),
            (
                "funding",
                "1",
                "“funding”是表格，请逐格填写，路径如 funding.total.initial；用 ziping fields 文件 查看所有路径",
            ),
            (
                "funding.all.budget",
                "1",
                "表格“funding”没有“all”行；行有：total、appropriation、carryover、other",
            ),
            (
                "funding.total.cost",
                "1",
                "表格“funding”没有“cost”列；列有：initial、budget、actual、weight、rate、score",
            ),
            (
                "funding.total.rate",
                "85",
                "funding.total.rate：“执行率（B/A）”由公式计算，不能填写",
            ),
            (
                "funding.other.weight",
                "1",
                "funding.other.weight：此行没有“分值”",
            ),
            (
                "funding.total.budget",
                "一百万",
                "funding.total.budget（全年预算数（A））：请输入金额，单位：万元，保留2位小数",
            ),
            (
                "indicators.2.name",
                "甲",
                "表格“indicators”现有0行，行号应为1至1（1为新增一行）",
            ),
            (
                "indicators.1.target",
                "≥",
                "indicators.1.target（年度指标值）：请在“≥”后写数值和单位，如 ≥50个",
            ),
            (
                "indicators.total_score",
                "90",
                "“indicators.total_score”由公式计算，不能填写",
            ),
            ("year", "22", "year（年度）：请输入四位年份，如2022"),
        ];
        for (path, text, want) in cases {
            let mut p = project();
            let before = p.clone();
            assert_eq!(assign(&mut p, path, text), Err(want.to_string()), "{path}");
            assert_eq!(p, before, "{path}: changed");
        }
    }

    #[test]
    fn a_table_the_file_holds_in_an_unknown_shape_is_not_overwritten() {
        let mut p = project();
        let odd = Entry::Other(serde_json::json!({ "rows": 5 }));
        p.set("funding", odd.clone());
        let err = assign(&mut p, "funding.total.budget", "100").expect_err("refused");
        assert!(err.contains("无法读取"), "{err}");
        assert_eq!(p.entry("funding"), Some(&odd));
    }

    #[test]
    fn values_are_stored_as_typed_and_cells_listed_with_labels() {
        let mut p = project();
        assign(&mut p, "funding.total.budget", "1,000").expect("budget");
        assign(&mut p, "indicators.1.name", "培训党员人次").expect("name");
        let listed = listing(&p);
        let budget = listed
            .iter()
            .find(|l| l.path == "funding.total.budget")
            .expect("listed");
        assert_eq!(budget.value, "1,000");
        assert_eq!(budget.row_label.as_deref(), Some("年度资金总额"));
        assert_eq!(budget.label, "全年预算数（A）");
        let name = listed
            .iter()
            .find(|l| l.path == "indicators.1.name")
            .expect("listed");
        assert_eq!(name.row_label.as_deref(), Some("第1行「培训党员人次」"));
        assert!(!listed.iter().any(|l| l.path == "funding.other.weight"));
        let score = listed
            .iter()
            .find(|l| l.path == "funding.total.score")
            .expect("listed");
        assert_eq!(score.computed, None, "no figures yet");
    }
}
