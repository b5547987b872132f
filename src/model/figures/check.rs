//! The figure checks as findings of a prose field: a figure the table it
//! is linked to contradicts (a warning), a count or a total that does not
//! match (a warning), a year ahead of the report or last year's in text
//! kept from last year (notices).

use super::cited::Strength;
use super::issue::FigureIssue;
use super::link::{Sources, is_plan_field, link};
use super::prose::Prose;
use super::scan::quantities;
use super::{counts, years};
use crate::model::finding::{Finding, FindingKind, Place};
use crate::model::project::Project;
use crate::model::schema::{Kind, Severity};
use crate::model::value::{self, Value};

/// The report's year, from the template's year field.
pub fn report_year(project: &Project) -> Option<i32> {
    let field = project.template.fields().find(|f| f.kind() == Kind::Year)?;
    let text = project.entry(&field.id)?.value_text(field)?;
    match value::parse(field, &text) {
        Ok(Some(Value::Year(y))) => Some(y),
        _ => None,
    }
}

/// The findings of the figures in `texts` (one field's paragraphs);
/// `carried` says whether a field's text is kept from last year (沿用去年).
pub fn findings(
    texts: &[Prose],
    sources: &Sources,
    year: Option<i32>,
    carried: impl Fn(&str) -> bool,
) -> Vec<Finding> {
    let mut found = Vec::new();
    for prose in texts {
        let place = Place::field(&prose.field.id, Some(prose.node));
        let mut push = |severity, issue| {
            found.push(Finding {
                place: place.clone(),
                severity,
                kind: FindingKind::Figure {
                    item: prose.item,
                    issue,
                },
            });
        };
        let text = prose.text;
        let all = quantities(text);
        if !sources.is_empty() {
            let plans = is_plan_field(&prose.field.label);
            for at in 0..all.len() {
                let Some(l) = link(text, &all, at, sources, plans) else {
                    continue;
                };
                if l.strength == Strength::Clause && !l.agrees {
                    let q = &all[at];
                    let from = l.words.start.min(q.span.start);
                    let to = l.words.end.max(q.span.end);
                    let issue = FigureIssue::Disagrees {
                        field: prose.field.label.clone(),
                        quoted: text[from..to].to_string(),
                        cited: l.cited,
                    };
                    push(Severity::Warning, issue);
                }
            }
        }
        for (at, listed) in counts::listed(text, &all) {
            let q = &all[at];
            let issue = FigureIssue::CountDiffers {
                quoted: text[q.span.clone()].to_string(),
                count: q.value,
                listed,
            };
            push(Severity::Warning, issue);
        }
        for (at, parts, sum) in counts::sums(text, &all) {
            let q = &all[at];
            let issue = FigureIssue::SumDiffers {
                quoted: text[q.span.clone()].to_string(),
                parts: parts
                    .iter()
                    .map(|&j| text[all[j].span.clone()].to_string())
                    .collect(),
                sum,
            };
            push(Severity::Warning, issue);
        }
        if let Some(report) = year {
            for (ahead, _) in years::ahead(text, report) {
                let issue = FigureIssue::YearAhead {
                    year: ahead,
                    report,
                };
                push(Severity::Notice, issue);
            }
            // One notice a field, however often it names last year.
            if carried(&prose.field.id) && !years::of_year(text, report - 1).is_empty() {
                push(Severity::Notice, FigureIssue::LastYear { year: report - 1 });
            }
        }
    }
    found
}
