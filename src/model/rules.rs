//! The rules every value is judged by: its field's kind and limits, lints
//! on prose, and a table's cells each judged as a field of its column. The
//! template's cross-checks are in [`super::crosscheck`]; both are gathered
//! into one [`super::report::Report`].

use super::finding::{Finding, FindingKind, Place};
use super::groups::split_label;
use super::lint;
use super::numbering::{Numbering, without_typed_number};
use super::project::{Entry, Project};
use super::reading::{self, ActualReading, OpFrom};
use super::schema::{Field, Kind, ReadingSpec, Severity, TableSpec};
use super::sheet::cell_text;
use super::table_value::{RowRef, TableValue};
use super::target::Target;
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
    let single = entry.and_then(|e| e.value_text(field));
    let texts: Vec<&str> = match (entry, field.kind(), &single) {
        (Some(Entry::Items(items)), Kind::List, _) => items.iter().map(String::as_str).collect(),
        (_, _, Some(text)) => vec![text],
        (Some(other), _, None) => {
            let kind = FindingKind::WrongType {
                found: serde_json::to_string(other).unwrap_or_default(),
                expected: Expectation::of(field),
            };
            return vec![found(Severity::Error, kind)];
        }
        (None, _, _) => return findings,
    };
    if field.kind() == Kind::List {
        findings.extend(typed_numbers(field, &texts).map(|kind| found(Severity::Notice, kind)));
    }
    for (i, text) in texts.iter().enumerate() {
        let item = (field.kind() == Kind::List).then_some(i + 1);
        // Paragraphs cannot be malformed (only too long), and parsing would
        // copy a long text on every keystroke.
        if !field.kind().is_multiline() {
            match value::parse(field, text) {
                Err(error) => {
                    findings.push(found(Severity::Error, FindingKind::Invalid { item, error }));
                }
                Ok(Some(v)) => findings
                    .extend(rounded(field, text, &v).map(|kind| found(Severity::Notice, kind))),
                Ok(None) => {}
            }
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

/// A notice on list items typed with their own numbers (`1、…`), which the
/// export replaces with its own; none for a list numbered `none`, which
/// prints them as typed.
fn typed_numbers(field: &Field, items: &[&str]) -> Option<FindingKind> {
    let style = field.item_numbering();
    if style == Numbering::None {
        return None;
    }
    let numbered: Vec<(usize, &str)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let rest = without_typed_number(item, style)?;
            let start = item.trim_start();
            Some((i + 1, start[..start.len() - rest.len()].trim_end()))
        })
        .collect();
    let example = numbered.first()?.1.to_string();
    Some(FindingKind::TypedNumbers {
        items: numbered.into_iter().map(|(i, _)| i).collect(),
        example,
    })
}

/// A notice when the display rounds a typed figure: precision is never
/// changed without a word (`89.974` is shown `89.97`, computed as typed).
fn rounded(field: &Field, text: &str, v: &value::Value) -> Option<FindingKind> {
    let (exact, _) = value::hidden_digits(field, v)?;
    let exact = match field.kind() {
        Kind::Percent => format!("{exact}%"),
        _ => format!("{exact}{}", field.unit()),
    };
    Some(FindingKind::Rounded {
        typed: text.trim().to_string(),
        exact,
        shown: value::display(field, v),
        decimals: field.decimals(),
    })
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
        if let Some(declared) = &spec.reading {
            out.extend(reading_findings(spec, declared, &row, place));
        }
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

/// How the row's target and actual value were read, where a writer should
/// know: a bare target's comparator, a target marked not applicable, a
/// missing actual value, one whose tier is to confirm, units that cannot
/// be compared, a split 指标值 that is not a target.
fn reading_findings(
    spec: &TableSpec,
    declared: &ReadingSpec,
    row: &RowRef,
    place: &Place,
) -> Vec<Finding> {
    let read = reading::read_row(declared, &|id| cell_text(spec, row, id));
    let target_column = declared
        .target
        .as_deref()
        .or(declared.split.as_ref().map(|s| s.value.as_str()));
    let at = |id: Option<&str>, severity, kind| {
        let column = id.and_then(|id| spec.column(id));
        Finding {
            place: Place {
                row: Some(row.label.clone()),
                column: column.map(|c| c.label.clone()),
                path: column.map(|c| format!("{}.{}", row.path, c.id)),
                ..place.clone()
            },
            severity,
            kind,
        }
    };
    let mut out = Vec::new();
    if let Some(error) = read.target_error.clone() {
        let kind = FindingKind::Invalid { item: None, error };
        out.push(at(target_column, Severity::Error, kind));
    }
    let Some(target) = &read.target else {
        return out;
    };
    let actual = Some(declared.actual.as_str());
    match (&target.op_from, &target.target) {
        (_, Target::NotApplicable(mark)) => {
            let kind = FindingKind::TargetNotApplicable { mark: mark.clone() };
            out.push(at(target_column, Severity::Notice, kind));
            return out;
        }
        (OpFrom::Default { by, reversed }, t) => {
            let written = target_column.map(|id| cell_text(spec, row, id));
            let kind = FindingKind::TargetDefault {
                written: written.unwrap_or_default().trim().to_string(),
                read: t.clone(),
                by: by.clone(),
                reversed: *reversed,
            };
            out.push(at(target_column, Severity::Notice, kind));
        }
        (OpFrom::Written, _) => {}
    }
    let text = cell_text(spec, row, &declared.actual).trim().to_string();
    match (&read.actual, &target.target) {
        (ActualReading::Blank, _) => {
            out.push(at(actual, Severity::Error, FindingKind::ActualMissing));
        }
        (ActualReading::Unknown(_), _) | (ActualReading::Figure { .. }, Target::Quality(_)) => {
            let kind = FindingKind::ActualUnknown { word: text };
            out.push(at(actual, Severity::Notice, kind));
        }
        _ => {}
    }
    if let Some((unit, target_unit)) = read.units_differ() {
        let kind = FindingKind::UnitsDiffer {
            actual: unit.to_string(),
            target: target_unit.to_string(),
        };
        out.push(at(actual, Severity::Warning, kind));
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

/// The holding place's pieces (see [`crate::model::held`]): a notice each
/// until it is moved into a field or deleted. The place is the piece's
/// `--delete-row` path, `unplaced.N`.
pub fn held(project: &Project) -> Vec<Finding> {
    /// How much of a piece its notice quotes, in characters.
    const PREVIEW: usize = 24;
    project
        .unplaced
        .iter()
        .enumerate()
        .map(|(n, h)| {
            let path = format!("{HELD}.{}", n + 1);
            let mut preview: String = h.text.chars().take(PREVIEW).collect();
            if h.text.chars().count() > PREVIEW {
                preview.push('…');
            }
            Finding {
                place: Place {
                    path: Some(path.clone()),
                    ..Place::field(&path, None)
                },
                severity: Severity::Notice,
                kind: FindingKind::Held {
                    index: n + 1,
                    reason: h.reason,
                    under: h.under.clone(),
                    preview: preview.replace('\n', " "),
                },
            }
        })
        .collect()
}

/// The path of the holding place: `unplaced.N` names its N-th piece.
pub const HELD: &str = "unplaced";

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
