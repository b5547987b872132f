//! Prose linked to the tables: a figure in a paragraph and an indicator's
//! 实际完成值 are linked when the indicator's name (or an alias the
//! template gives) stands in the same clause and the units are of one kind;
//! an amount is compared with the funding block only where its sentence
//! labels it 预算 / 执行 / 支出. A link in the clause is strong (a
//! disagreement is warned of); one found only in the sentence is weak and
//! only shown.

use rust_decimal::Decimal;

use super::cited::{Cited, Link, Strength};
use super::scan::Quantity;
use crate::model::project::Project;
use crate::model::reading::ActualReading;
use crate::model::reading::units::convert;
use crate::model::schema::Kind;
use crate::model::sheet::{Scalar, Sheet};
use crate::model::target::Target;
use crate::model::value::{self, Value};

/// What an amount's sentence calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Budget,
    Spent,
}

/// What prose may be linked to, gathered once from the tables.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Indicators with a figure for an actual value, with the words that
    /// name them in prose.
    indicators: Vec<(Cited, Vec<String>)>,
    /// The same rows' targets (年度指标值), for prose that states a plan.
    targets: Vec<(Cited, Vec<String>)>,
    /// Amounts with what they are called and the words that name the
    /// very cell (its column's label without 数 and （A）: 全年执行).
    amounts: Vec<(Cited, Label, String)>,
}

impl Sources {
    pub fn new(project: &Project, sheet: &Sheet) -> Sources {
        let template = &project.template;
        let mut sources = Sources::default();
        for table in &sheet.tables {
            let Some(field) = template.field(&table.id) else {
                continue;
            };
            let Some(spec) = field.table() else {
                continue;
            };
            let name_at = spec
                .row_label
                .as_deref()
                .and_then(|id| spec.columns.iter().position(|c| c.id == id));
            for row in &table.rows {
                if let (Some(reading), Some(spec_reading), Some(at)) =
                    (&row.reading, &spec.reading, name_at)
                {
                    let name = row.cells[at].text.trim().to_string();
                    if name.is_empty() {
                        continue;
                    }
                    let mut words = names(&name);
                    let aliases = spec_reading.aliases.get(&name).into_iter().flatten();
                    words.extend(aliases.cloned());
                    let target_unit = reading.target.as_ref().map(|t| t.target.unit());
                    let cited = |column: &str, value: Decimal, unit: &str| Cited {
                        table: field.label.clone(),
                        row: Some(name.clone()),
                        column: spec.column(column).map(|c| c.label.clone()),
                        path: format!("{}.{column}", row.path),
                        value,
                        unit: unit.to_string(),
                        decimals: None,
                    };
                    if let ActualReading::Figure { value, unit, .. } = &reading.actual {
                        let unit = if unit.is_empty() {
                            target_unit.unwrap_or_default()
                        } else {
                            unit
                        };
                        if !unit.is_empty() {
                            let actual = cited(&spec_reading.actual, *value, unit);
                            sources.indicators.push((actual, words.clone()));
                        }
                    }
                    let target_column = spec_reading
                        .target
                        .as_deref()
                        .or(spec_reading.split.as_ref().map(|s| s.value.as_str()));
                    if let (Some(column), Some(t)) = (target_column, &reading.target)
                        && let Target::Quantity { value, unit, .. } = &t.target
                        && !unit.is_empty()
                    {
                        sources.targets.push((cited(column, *value, unit), words));
                    }
                }
                for (column, cell) in spec.columns.iter().zip(&row.cells) {
                    let Some(label) = label_of(&column.label) else {
                        continue;
                    };
                    if column.kind() != Kind::Money || !cell.applies {
                        continue;
                    }
                    let number = match (&cell.value, &cell.computed) {
                        (Some(Value::Decimal(d)), _) => *d,
                        (None, Some(Scalar::Number(d))) => *d,
                        _ => continue,
                    };
                    let cited = Cited {
                        table: field.label.clone(),
                        row: Some(row.label.clone()),
                        column: Some(column.label.clone()),
                        path: format!("{}.{}", row.path, column.id),
                        value: number,
                        unit: column.unit().to_string(),
                        decimals: Some(column.decimals()),
                    };
                    let words = stem(&column.label);
                    sources.amounts.push((cited, label, words));
                }
            }
        }
        for field in template.fields() {
            let Some(label) = label_of(&field.label) else {
                continue;
            };
            if field.kind() != Kind::Money {
                continue;
            }
            let parsed = project
                .entry(&field.id)
                .and_then(|e| e.value_text(field))
                .and_then(|t| value::parse(field, &t).ok().flatten());
            if let Some(Value::Decimal(number)) = parsed {
                let cited = Cited {
                    table: field.label.clone(),
                    row: None,
                    column: None,
                    path: field.id.clone(),
                    value: number,
                    unit: field.unit().to_string(),
                    decimals: Some(field.decimals()),
                };
                let words = stem(&field.label);
                sources.amounts.push((cited, label, words));
            }
        }
        sources
    }

    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty() && self.targets.is_empty() && self.amounts.is_empty()
    }
}

/// The words prose names an indicator by: its name, and its name without
/// the unit or 数 it ends in (培训党员人次 → 培训党员).
fn names(name: &str) -> Vec<String> {
    let mut words = vec![name.to_string()];
    let stem = ["数量", "人数", "数"]
        .iter()
        .find_map(|end| name.strip_suffix(end))
        .or_else(|| super::scan::trailing_unit(name).map(|unit| &name[..name.len() - unit.len()]))
        .unwrap_or(name);
    if stem != name && stem.chars().count() >= 2 {
        words.push(stem.to_string());
    }
    words
}

/// A label as prose words it: without what is in brackets and a final 数
/// (全年执行数（B） → 全年执行).
fn stem(label: &str) -> String {
    let mut depth = 0usize;
    let bare: String = label
        .chars()
        .filter(|&c| match c {
            '（' | '(' => {
                depth += 1;
                false
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect();
    let bare = bare.trim_start_matches("其中：");
    bare.strip_suffix('数').unwrap_or(bare).to_string()
}

/// What a column or field label says an amount is: 预算 (budget), or
/// 执行 / 支出 / 决算 (spent); `None` for other amounts.
fn label_of(label: &str) -> Option<Label> {
    if ["执行", "支出", "决算"].iter().any(|w| label.contains(w)) {
        Some(Label::Spent)
    } else if label.contains("预算") {
        Some(Label::Budget)
    } else {
        None
    }
}

/// Words saying a figure may be planned, not done: it is then compared
/// with the indicator's target (年度指标值) too, and kept there unless its
/// actual value agrees better (see [`link`]).
const PLAN_WORDS: &[&str] = &["计划", "目标", "预期", "预计", "力争", "指标值"];

/// Whether a prose field holds plans (绩效目标, 年度总体目标): its
/// figures are compared with the targets.
pub fn is_plan_field(label: &str) -> bool {
    label.contains("目标") || label.contains("计划")
}

/// The link of figure `at` of `all` (the figures of `text`), if any;
/// `plans` for a field of plans (see [`is_plan_field`]).
pub fn link(
    text: &str,
    all: &[Quantity],
    at: usize,
    sources: &Sources,
    plans: bool,
) -> Option<Link> {
    let q = &all[at];
    let clause = &text[q.clause.clone()];
    let worded = PLAN_WORDS.iter().any(|w| clause.contains(w));
    let target = (plans || worded)
        .then(|| indicator(text, all, at, &sources.targets))
        .flatten();
    // A plan word does not make a figure planned: 按计划累计培训党员32000人次
    // states what was done. Outside a field of plans such a figure is the
    // target's where it agrees with it, else the actual value's where that
    // agrees; only when neither does is it warned of against the target.
    let actual = || {
        (!plans)
            .then(|| indicator(text, all, at, &sources.indicators))
            .flatten()
    };
    match target {
        Some(t) if t.agrees => Some(t),
        Some(t) => Some(actual().filter(|a| a.agrees).unwrap_or(t)),
        None => actual().or_else(|| amount(text, q, sources)),
    }
}

fn indicator(
    text: &str,
    all: &[Quantity],
    at: usize,
    rows: &[(Cited, Vec<String>)],
) -> Option<Link> {
    let q = &all[at];
    let mut best: Option<(Link, usize)> = None;
    for (cited, words) in rows {
        if convert(Decimal::ONE, &cited.unit, &q.unit).is_none() {
            continue;
        }
        for word in words {
            let sentence = &text[q.sentence.clone()];
            for (i, _) in sentence.match_indices(word.as_str()) {
                let start = q.sentence.start + i;
                let span = start..start + word.len();
                if overlaps(&span, &q.span) || another_between(all, at, &span, &cited.unit) {
                    continue;
                }
                let strength = if q.clause.start <= span.start && span.end <= q.clause.end {
                    Strength::Clause
                } else {
                    Strength::Sentence
                };
                let distance = if span.end <= q.span.start {
                    q.span.start - span.end
                } else {
                    span.start - q.span.end
                };
                let better = best.as_ref().is_none_or(|(b, d)| {
                    (strength, std::cmp::Reverse(distance)) > (b.strength, std::cmp::Reverse(*d))
                });
                if better {
                    let link = Link {
                        agrees: agrees(q, cited),
                        cited: cited.clone(),
                        strength,
                        words: span,
                    };
                    best = Some((link, distance));
                }
            }
        }
    }
    best.map(|(link, _)| link)
}

/// Whether another figure in a unit of `unit`'s kind stands between the
/// naming words and figure `at`: the words then name that one.
fn another_between(
    all: &[Quantity],
    at: usize,
    words: &std::ops::Range<usize>,
    unit: &str,
) -> bool {
    let q = &all[at];
    let (from, to) = if words.end <= q.span.start {
        (words.end, q.span.start)
    } else {
        (q.span.end, words.start)
    };
    all.iter().enumerate().any(|(i, other)| {
        i != at
            && other.span.start >= from
            && other.span.end <= to
            && convert(Decimal::ONE, &other.unit, unit).is_some()
    })
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// An amount linked to the funding cells. Strongly where its clause names
/// the very column or field (年初预算, 全年执行, 基本支出): compared with
/// that cell of the row the clause names, else of the first row (the
/// total). Weakly where it only says 预算 / 执行 / 支出 somewhere in its
/// sentence: a part of a whole (其中人员经费…) is named so too, so that
/// link is only shown.
fn amount(text: &str, q: &Quantity, sources: &Sources) -> Option<Link> {
    convert(Decimal::ONE, &q.unit, "元")?;
    let clause = &text[q.clause.clone()];
    let named: Vec<(&Cited, usize)> = sources
        .amounts
        .iter()
        .filter(|(_, _, words)| !words.is_empty())
        .filter_map(|(c, _, words)| clause.find(words.as_str()).map(|i| (c, i)))
        .collect();
    if let Some(&(first, at)) = named.first() {
        let by_row = named.iter().find(|(c, _)| {
            c.row
                .as_deref()
                .is_some_and(|r| clause.contains(stem(r).as_str()))
        });
        let agreeing = named.iter().find(|(c, _)| agrees(q, c));
        let (cited, at) = agreeing.or(by_row).copied().unwrap_or((first, at));
        let start = q.clause.start + at;
        let words = stem(&cited.column.clone().unwrap_or_else(|| cited.table.clone()));
        return Some(Link {
            agrees: agreeing.is_some(),
            cited: cited.clone(),
            strength: Strength::Clause,
            words: start..start + words.len(),
        });
    }
    let sentence = &text[q.sentence.clone()];
    let spent = ["执行", "支出", "决算"]
        .iter()
        .find_map(|w| sentence.find(w).map(|i| (Label::Spent, i, w.len())));
    let budget = sentence
        .find("预算")
        .map(|i| (Label::Budget, i, "预算".len()));
    let (label, at, len) = spent.or(budget)?;
    let candidates: Vec<&Cited> = sources
        .amounts
        .iter()
        .filter(|(_, l, _)| *l == label)
        .map(|(c, _, _)| c)
        .collect();
    let agreeing = candidates.iter().find(|c| agrees(q, c));
    let cited = agreeing.or(candidates.first())?;
    let start = q.sentence.start + at;
    Some(Link {
        agrees: agreeing.is_some(),
        cited: (*cited).clone(),
        strength: Strength::Sentence,
        words: start..start + len,
    })
}

/// Whether the table's figure agrees with the prose's: within the prose's
/// hedge (余, 约 …); a figure written with decimals as the table's rounded
/// to them; an amount as the cell keeps it (383406元 is 38.34万元).
pub fn agrees(q: &Quantity, cited: &Cited) -> bool {
    let Some(actual) = convert(cited.value, &cited.unit, &q.unit) else {
        return false;
    };
    if q.approx.is_some() {
        return q.allows(actual);
    }
    if actual == q.value {
        return true;
    }
    let written_decimals = q.value.scale();
    if q.step < Decimal::ONE && value::round(actual, written_decimals) == q.value {
        return true;
    }
    cited.decimals.is_some_and(|d| {
        convert(q.value, &q.unit, &cited.unit)
            .is_some_and(|prose| value::round(prose, d) == value::round(cited.value, d))
    })
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
