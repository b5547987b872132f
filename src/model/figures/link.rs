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
    amounts: Vec<(Cited, Label)>,
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
                    && let ActualReading::Figure { value, unit, .. } = &reading.actual
                {
                    let name = row.cells[at].text.trim().to_string();
                    let unit = match (unit.is_empty(), &reading.target) {
                        (true, Some(t)) => t.target.unit().to_string(),
                        _ => unit.clone(),
                    };
                    let actual = spec.column(&spec_reading.actual);
                    if name.is_empty() || unit.is_empty() {
                        continue;
                    }
                    let mut words = names(&name);
                    words.extend(
                        spec_reading
                            .aliases
                            .get(&name)
                            .into_iter()
                            .flatten()
                            .cloned(),
                    );
                    let cited = Cited {
                        table: field.label.clone(),
                        row: Some(name),
                        column: actual.map(|c| c.label.clone()),
                        path: format!("{}.{}", row.path, spec_reading.actual),
                        value: *value,
                        unit,
                        decimals: None,
                    };
                    sources.indicators.push((cited, words));
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
                    sources.amounts.push((cited, label));
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
                sources.amounts.push((cited, label));
            }
        }
        sources
    }

    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty() && self.amounts.is_empty()
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

/// The link of figure `at` of `all` (the figures of `text`), if any.
pub fn link(text: &str, all: &[Quantity], at: usize, sources: &Sources) -> Option<Link> {
    let q = &all[at];
    indicator(text, all, at, sources).or_else(|| amount(text, q, sources))
}

fn indicator(text: &str, all: &[Quantity], at: usize, sources: &Sources) -> Option<Link> {
    let q = &all[at];
    let mut best: Option<(Link, usize)> = None;
    for (cited, words) in &sources.indicators {
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

/// An amount compared with the funding cells its sentence's label names.
fn amount(text: &str, q: &Quantity, sources: &Sources) -> Option<Link> {
    convert(Decimal::ONE, &q.unit, "元")?;
    let find = |range: &std::ops::Range<usize>| {
        let part = &text[range.clone()];
        let spent = ["执行", "支出", "决算"]
            .iter()
            .find_map(|w| part.find(w).map(|i| (Label::Spent, i, w.len())));
        let budget = part.find("预算").map(|i| (Label::Budget, i, "预算".len()));
        spent
            .or(budget)
            .map(|(l, i, n)| (l, range.start + i..range.start + i + n))
    };
    let (label, words, strength) = match find(&q.clause) {
        Some((l, w)) => (l, w, Strength::Clause),
        None => {
            let (l, w) = find(&q.sentence)?;
            (l, w, Strength::Sentence)
        }
    };
    let candidates: Vec<&Cited> = sources
        .amounts
        .iter()
        .filter(|(_, l)| *l == label)
        .map(|(c, _)| c)
        .collect();
    let sentence = &text[q.sentence.clone()];
    let agreeing = candidates.iter().find(|c| agrees(q, c));
    let named = candidates
        .iter()
        .find(|c| c.row.as_deref().is_some_and(|r| sentence.contains(r)));
    let cited = agreeing.or(named).or(candidates.first())?;
    Some(Link {
        agrees: agreeing.is_some(),
        cited: (*cited).clone(),
        strength,
        words,
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
mod tests {
    use super::super::scan::quantities;
    use super::*;
    use crate::model::project::Entry;
    use crate::model::report::Report;

    /// A narrative report with one indicator row and `text` as its
    /// 总体情况; the template's reading given `aliases`.
    fn linked(text: &str, name: &str, actual: &str, aliases: &[&str]) -> Vec<(String, Link)> {
        let mut project = crate::catalog::new_project("hunan-narrative");
        let row = serde_json::json!({"rows": [{
            "level1": "产出指标", "level2": "数量指标", "name": name,
            "target": "≥1", "actual": actual, "weight": "10"
        }]});
        let entry: Entry = serde_json::from_value(row).unwrap_or(Entry::Text(String::new()));
        project.set("indicators", entry);
        project.set("overall_summary", Entry::Text(text.to_string()));
        if !aliases.is_empty() {
            let mut json: serde_json::Value =
                serde_json::from_str(&project.to_json()).unwrap_or_default();
            let indicators = json
                .pointer_mut("/template/sections")
                .and_then(|s| s.as_array_mut())
                .into_iter()
                .flatten()
                .filter_map(|s| s.get_mut("fields").and_then(|f| f.as_array_mut()))
                .flatten()
                .find(|f| f["id"] == "indicators");
            if let Some(field) = indicators {
                field["table"]["reading"]["aliases"] = serde_json::json!({ name: aliases });
            }
            match Project::from_json(&json.to_string()) {
                Ok(read) => project = read,
                Err(e) => panic!("{e:?}"),
            }
        }
        let report = Report::new(&project);
        let sources = Sources::new(&project, report.sheet());
        let all = quantities(text);
        (0..all.len())
            .filter_map(|at| {
                let l = link(text, &all, at, &sources)?;
                Some((text[all[at].span.clone()].to_string(), l))
            })
            .collect()
    }

    #[test]
    fn a_name_or_its_stem_in_the_clause_links_strongly_and_elsewhere_weakly() {
        let got = linked("累计培训党员33016人次。", "培训党员人次", "32000人次", &[]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "33016人次");
        assert_eq!(got[0].1.strength, Strength::Clause);
        assert!(!got[0].1.agrees);
        // In the sentence but not the clause: shown, not warned.
        let got = linked(
            "培训党员扎实有效，全年达33016人次。",
            "培训党员人次",
            "32000人次",
            &[],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.strength, Strength::Sentence);
    }

    #[test]
    fn units_of_another_kind_and_figures_in_between_do_not_link() {
        // 人 is not 人次.
        assert!(linked("培训党员330人。", "培训党员人次", "32000人次", &[]).is_empty());
        // The name goes with the figure next to it, not one further on.
        let got = linked(
            "培训党员300人次和干部50人次",
            "培训党员人次",
            "300人次",
            &[],
        );
        assert_eq!(got[0].0, "300人次");
        assert!(got[0].1.agrees);
        assert!(
            got.iter()
                .skip(1)
                .all(|(_, l)| l.strength == Strength::Sentence)
        );
    }

    #[test]
    fn an_alias_the_template_gives_links_as_the_name_does() {
        let text = "全年轮训党员33016人次。";
        assert!(linked(text, "培训党员人次", "32000人次", &[]).is_empty());
        let got = linked(text, "培训党员人次", "32000人次", &["轮训党员"]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.strength, Strength::Clause);
        assert_eq!(got[0].1.cited.path, "indicators.1.actual");
    }

    #[test]
    fn decimals_written_compare_rounded_and_whole_numbers_exactly() {
        let share = linked(
            "村集体经济收入占比56.7%",
            "村集体经济收入占比",
            "56.72%",
            &[],
        );
        assert!(share[0].1.agrees, "{share:?}");
        let count = linked("培训党员33000人次", "培训党员人次", "33016人次", &[]);
        assert!(!count[0].1.agrees, "{count:?}");
    }
}
