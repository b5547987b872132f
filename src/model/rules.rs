//! The rules every value is judged by: its field's kind and limits, lints
//! on prose, and a table's cells each judged as a field of its column. The
//! template's cross-checks are in [`super::crosscheck`]; both are gathered
//! into one [`super::report::Report`].

use super::finding::{Finding, FindingKind, Place};
use super::groups::split_label;
use super::lint;
use super::project::{Entry, Project};
use super::schema::{Field, Kind, Severity, TableSpec};
use super::table_value::{RowRef, TableValue};
use super::value::{self, char_count};
use super::value_error::Expectation;

/// What is wrong with the value of one field (every cell, for a table);
/// empty when all is well. `place` says where the field is.
pub fn field_findings(field: &Field, entry: Option<&Entry>, place: &Place) -> Vec<Finding> {
    let found = |severity, kind| Finding {
        place: place.clone(),
        severity,
        kind,
    };
    let mut findings = Vec::new();
    let empty = entry.is_none_or(Entry::is_empty);
    if empty {
        if field.required {
            findings.push(found(Severity::Error, FindingKind::Missing));
        }
        return findings;
    }
    if let Some(spec) = field.table() {
        return match entry {
            Some(Entry::Table(table)) => table_findings(field, spec, table, place),
            _ => vec![found(Severity::Error, FindingKind::TableUnreadable)],
        };
    }
    let texts: Vec<&str> = match (entry, field.kind()) {
        (Some(Entry::Text(s)), kind) if kind != Kind::List => vec![s],
        (Some(Entry::Items(items)), Kind::List) => items.iter().map(String::as_str).collect(),
        (Some(Entry::Text(s)), Kind::List) => vec![s],
        (Some(other), _) => {
            let kind = FindingKind::WrongType {
                found: serde_json::to_string(other).unwrap_or_default(),
                expected: Expectation::of(field),
            };
            return vec![found(Severity::Error, kind)];
        }
        (None, _) => return findings,
    };
    for (i, text) in texts.iter().enumerate() {
        let item = (field.kind() == Kind::List).then_some(i + 1);
        // Paragraphs cannot be malformed (only too long), and parsing would
        // copy a long text on every keystroke.
        if !field.kind().is_multiline()
            && let Err(error) = value::parse(field, text)
        {
            findings.push(found(Severity::Error, FindingKind::Invalid { item, error }));
        }
        if let Some(max) = field.max_len() {
            let count = char_count(text);
            if count > max {
                let kind = FindingKind::TooLong { item, count, max };
                findings.push(found(Severity::Error, kind));
            }
        }
        if field.kind().is_prose() {
            findings.extend(
                lint::prose(text)
                    .into_iter()
                    .map(|lint| found(Severity::Warning, FindingKind::Lint { item, lint })),
            );
        }
    }
    findings
}

/// What is wrong with the cells of a table: each cell validated as a field
/// of its column's kind, plus text where no text belongs.
fn table_findings(
    field: &Field,
    spec: &TableSpec,
    table: &TableValue,
    place: &Place,
) -> Vec<Finding> {
    if !table.fits(spec) {
        let kind = FindingKind::TableShape {
            fixed_rows: spec.has_fixed_rows(),
        };
        return vec![Finding {
            place: place.clone(),
            severity: Severity::Error,
            kind,
        }];
    }
    let mut out: Vec<Finding> = table
        .unplaced(spec)
        .into_iter()
        .map(|(row, column)| Finding {
            place: place.clone(),
            severity: Severity::Warning,
            kind: FindingKind::Unplaced { row, column },
        })
        .collect();
    for row in table.rows(field, spec) {
        for column in &spec.columns {
            let text = row.text(spec, column);
            let typed = !text.trim().is_empty();
            let cell = Place {
                row: Some(row.label.clone()),
                column: Some(column.label.clone()),
                path: Some(format!("{}.{}", row.path, column.id)),
                ..place.clone()
            };
            let found = |severity, kind| Finding {
                place: cell.clone(),
                severity,
                kind,
            };
            if !TableSpec::applies(column, row.key.id()) {
                let column = column.label.clone();
                out.extend(
                    typed.then(|| found(Severity::Warning, FindingKind::UnusedCell { column })),
                );
            } else if column.is_read_only() {
                let column = column.label.clone();
                out.extend(
                    typed.then(|| found(Severity::Error, FindingKind::ComputedTyped { column })),
                );
            } else {
                let entry = Entry::Text(text.to_string());
                out.extend(field_findings(column, Some(&entry), &cell));
                out.extend(label_finding(spec, &row, column).map(|(s, k)| found(s, k)));
            }
        }
    }
    out
}

/// A group or subgroup label (一级 / 二级指标) the template does not list
/// for it. An open column takes any label, so this is a notice there; a
/// closed one refuses a label outside its options already, and a subgroup
/// of another group is an error.
fn label_finding(
    spec: &TableSpec,
    row: &RowRef,
    column: &Field,
) -> Option<(Severity, FindingKind)> {
    let groups = spec.groups.as_ref()?;
    let text = row.text(spec, column).trim();
    if text.is_empty() {
        return None;
    }
    let unusual = |label: &str| {
        let kind = FindingKind::UnusualLabel {
            label: label.to_string(),
            column: column.label.clone(),
            usual: column.options().to_vec(),
        };
        (column.is_open() && !column.options().iter().any(|o| o == label))
            .then_some((Severity::Notice, kind))
    };
    if groups.column == column.id {
        return unusual(split_label(text).0);
    }
    if groups.subcolumn.as_deref() != Some(column.id.as_str()) {
        return None;
    }
    let group_column = spec.column(&groups.column)?;
    let name = split_label(row.text(spec, group_column)).0;
    let group = groups.items.iter().find(|g| g.name == name);
    let Some(group) = group.filter(|g| !g.subgroups.is_empty()) else {
        return unusual(text);
    };
    if group.subgroups.iter().any(|s| s == text) {
        return None;
    }
    let open = column.is_open();
    let kind = FindingKind::WrongSubgroup {
        sub: text.to_string(),
        group: name.to_string(),
        allowed: group.subgroups.clone(),
        open,
    };
    Some((
        if open {
            Severity::Notice
        } else {
            Severity::Error
        },
        kind,
    ))
}

/// Findings of a value the template has no field for.
pub fn orphans(project: &Project) -> Vec<Finding> {
    project
        .orphans()
        .map(|(id, _)| Finding {
            place: Place::field(id, None),
            severity: Severity::Warning,
            kind: FindingKind::Orphan,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A required field of `kind`: integers count 人, prose allows 5
    /// characters.
    fn field(kind: Kind) -> Field {
        let keys = match kind {
            Kind::Integer => serde_json::json!({"required": true, "unit": "人"}),
            _ if kind.is_prose() => serde_json::json!({"required": true, "max_len": 5}),
            _ => serde_json::json!({"required": true}),
        };
        Field::of(kind, keys)
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
            let got: Vec<String> = field_findings(&field(kind), entry.as_ref(), &Place::default())
                .into_iter()
                .map(|f| crate::strings::finding(&f.kind, crate::lang::Lang::Zh))
                .collect();
            assert_eq!(got, want, "{kind:?} {entry:?}");
        }
    }
}
