//! The report: everything derived from a project that is shown or printed —
//! the outline with each section's state, every table's computed figures,
//! every finding (field rules, cells, cross-checks) indexed by field, and
//! the counts. Computed here once, held beside the project, and only read
//! by the editor's views, `ziping check` and the export, so the outline's
//! marker, a field's marker, the status line and `ziping check` cannot
//! disagree.
//!
//! After an edit, [`Report::touch`] brings what the edit touched up to date
//! at once (the field's own findings; the figures and cross-checks when the
//! field feeds them); the outline's states and the counts follow with
//! [`Report::settle`], which the editor calls when typing pauses.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::crosscheck;
use super::figures::{check as figure_check, link::Sources, prose};
use super::finding::{Finding, FindingKind, Place};
use super::named::prose_named;
use super::outline::Outline;
use super::project::{Entry, Project};
use super::rules::{field_findings, held, orphans};
use super::schema::{Field, Severity, Template};
use super::scores;
use super::sheet::{Sheet, Table};
use super::value::char_count;

/// How far a section has been filled in, for the outline's markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Empty,
    /// Something filled, something required still missing.
    Partial,
    Complete,
    /// A value or a cross-check has an error.
    Invalid,
}

impl Progress {
    /// Whether the section counts as done in `完成 N/M`.
    pub fn is_done(self) -> bool {
        self == Progress::Complete
    }
}

/// One section of the outline as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionState {
    /// `一、`, `（二）` …; empty for unnumbered or left-out sections.
    pub number: String,
    /// Number and heading: `（二）部门职责`.
    pub heading: String,
    /// Headings from the top down: `一、基本情况 › （二）部门职责`.
    pub path: String,
    pub depth: usize,
    /// False for an empty optional section (or one inside it): not exported
    /// and not checked.
    pub included: bool,
    /// Whether it has fields of its own (counted in the progress figure).
    pub has_fields: bool,
    pub progress: Progress,
    /// Some of its fields have warnings (and, unless `progress` is
    /// [`Progress::Invalid`], no errors): the outline marks it `!`.
    pub warned: bool,
}

/// The figures of the status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notices: usize,
    /// Characters in the whole report (line breaks excluded).
    pub chars: usize,
}

/// One field's findings: from its own value, and from the figures.
#[derive(Debug, Clone, Default)]
struct FieldFindings {
    node: usize,
    rules: Vec<Finding>,
    /// Cross-checks placed at the field and failed formulas of its table.
    computed: Vec<Finding>,
    /// Its figures checked against the tables, their lists and the year.
    figures: Vec<Finding>,
}

impl FieldFindings {
    fn all(&self) -> impl Iterator<Item = &Finding> {
        self.rules.iter().chain(&self.computed).chain(&self.figures)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    sections: Vec<SectionState>,
    /// Fields of the included sections, in reading order.
    fields: IndexMap<String, FieldFindings>,
    /// Findings outside the template's fields: values it has no field
    /// for, and the holding place's pieces.
    outside: Vec<Finding>,
    sheet: Sheet,
    counts: Counts,
    chars: HashMap<String, usize>,
    /// Paragraph fields a formula or a check names (a note asked for when
    /// the rate is low): typing in them recomputes the figures.
    prose_in_formulas: HashSet<String>,
    /// The outline's states and the counts lag behind the last edit.
    stale: bool,
}

/// A field's findings of its own: its rules', and the notice of a
/// paragraph kept from last year (沿用去年) not yet looked at.
fn own_findings(project: &Project, field: &Field, place: &Place) -> Vec<Finding> {
    let mut found = field_findings(field, project.entry(&field.id), place);
    if project.carried.contains(&field.id) {
        found.push(Finding {
            place: place.clone(),
            severity: Severity::Notice,
            kind: FindingKind::Carried,
        });
    }
    found
}

impl Report {
    pub fn new(project: &Project) -> Report {
        let outline = Outline::new(project);
        let prose_in_formulas = prose_named(&project.template);
        let mut fields = IndexMap::new();
        for (node, n) in outline.nodes.iter().enumerate() {
            if !n.included {
                continue;
            }
            for field in &n.section.fields {
                let place = Place::field(&field.id, Some(node));
                let rules = own_findings(project, field, &place);
                let found = FieldFindings {
                    node,
                    rules,
                    computed: Vec::new(),
                    figures: Vec::new(),
                };
                fields.insert(field.id.clone(), found);
            }
        }
        let mut report = Report {
            sections: Vec::new(),
            fields,
            outside: orphans(project).into_iter().chain(held(project)).collect(),
            sheet: Sheet::default(),
            counts: Counts::default(),
            chars: HashMap::new(),
            prose_in_formulas,
            stale: false,
        };
        report.compute(project);
        report.check_figures(project);
        report.settle_with(project, &outline);
        report
    }

    /// Brings up to date at once what an edit of `field` touched: its own
    /// findings and, when it feeds figures, every figure and cross-check.
    /// The outline's states, the counts and the figures of the prose (each
    /// a scan of every paragraph: 2.4 ms a key in a 10,000-character
    /// section) wait for [`Report::settle`], once typing pauses.
    pub fn touch(&mut self, project: &Project, field: &str) {
        self.stale = true;
        let Some(declared) = project.template.field(field) else {
            return;
        };
        if let Some(found) = self.fields.get_mut(field) {
            let place = Place::field(field, Some(found.node));
            found.rules = own_findings(project, declared, &place);
        }
        // A paragraph is a figure only where a formula or a check names it:
        // typing other prose recomputes no formula.
        if !prose::is_prose(declared.kind()) || self.prose_in_formulas.contains(field) {
            self.compute(project);
        }
    }

    /// Rebuilds whatever lags behind the last edit.
    pub fn settle(&mut self, project: &Project) {
        if self.stale {
            // The old report goes first: built beside it, the new one had
            // both in memory at once, every paragraph's copy in the
            // formulas' scope twice among it.
            drop(std::mem::take(self));
            *self = Report::new(project);
        }
    }

    /// Whether the outline's states and the counts wait for a
    /// [`Report::settle`].
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    /// The figures and the findings that come from them.
    fn compute(&mut self, project: &Project) {
        self.sheet = Sheet::with_prose(project, &self.prose_in_formulas);
        for found in self.fields.values_mut() {
            found.computed.clear();
        }
        for f in &self.sheet.failures {
            if let Some(found) = self.fields.get_mut(&f.field) {
                found.computed.push(Finding {
                    place: Place {
                        row: f.row.clone(),
                        column: f.column.clone(),
                        ..Place::field(&f.field, Some(found.node))
                    },
                    severity: Severity::Warning,
                    kind: super::finding::FindingKind::Formula {
                        template: super::finding::TemplateName::of(&project.template),
                        error: f.error.clone(),
                    },
                });
            }
        }
        let checked = crosscheck::run(&project.template, &self.sheet);
        let scored = scores::run(&project.template, &self.sheet);
        for mut finding in checked.into_iter().chain(scored) {
            if let Some(found) = self.fields.get_mut(&finding.place.field) {
                finding.place.node = Some(found.node);
                found.computed.push(finding);
            }
        }
    }

    /// Every paragraph's figures against the tables as now computed.
    fn check_figures(&mut self, project: &Project) {
        let sources = Sources::new(project, &self.sheet);
        let year = figure_check::report_year(project);
        for found in self.fields.values_mut() {
            found.figures.clear();
        }
        for prose in prose::texts(project) {
            if let Some(found) = self.fields.get_mut(&prose.field.id) {
                let carried = |id: &str| project.carried.iter().any(|c| c == id);
                let found_here = figure_check::findings(&[prose], &sources, year, carried);
                found.figures.extend(found_here);
            }
        }
    }

    /// The outline's states and the counts, from the findings.
    fn settle_with(&mut self, project: &Project, outline: &Outline) {
        let template = &project.template;
        self.sections = outline
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let fields: Vec<&str> = if n.section.fields.is_empty() {
                    n.section.all_fields().map(|f| f.id.as_str()).collect()
                } else {
                    n.section.fields.iter().map(|f| f.id.as_str()).collect()
                };
                SectionState {
                    number: n.number.clone(),
                    heading: outline.heading(i),
                    path: outline.heading_path(i),
                    depth: n.depth,
                    included: n.included,
                    has_fields: !n.section.fields.is_empty(),
                    progress: self.progress(project, &fields),
                    warned: fields
                        .iter()
                        .any(|id| self.of_field(id).any(|f| f.severity == Severity::Warning)),
                }
            })
            .collect();
        let mut counts = Counts::default();
        for finding in self.findings() {
            match finding.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Notice => counts.notices += 1,
            }
        }
        self.chars = template
            .fields()
            .map(|f| (f.id.clone(), project.entry(&f.id).map_or(0, chars)))
            .collect();
        counts.chars = project.values.values().map(chars).sum();
        self.counts = counts;
        self.stale = false;
    }

    fn progress(&self, project: &Project, fields: &[&str]) -> Progress {
        let filled = |id: &str| project.entry(id).is_some_and(|e| !e.is_empty());
        if fields
            .iter()
            .any(|id| self.of_field(id).any(Finding::marks_invalid))
        {
            return Progress::Invalid;
        }
        let count = fields.iter().filter(|id| filled(id)).count();
        // A required field empty, or an error that is something still to
        // fill in (an indicator's actual value): not done, though not ✗.
        let required_missing = fields.iter().any(|id| {
            project
                .template
                .field(id)
                .is_some_and(|f| f.required && !filled(id))
                || self.of_field(id).any(|f| f.severity == Severity::Error)
        });
        match count {
            0 => Progress::Empty,
            _ if !required_missing => Progress::Complete,
            _ => Progress::Partial,
        }
    }

    /// Every finding in reading order: per field its own, then those from
    /// the figures; then values the template has no field for.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.fields
            .values()
            .flat_map(FieldFindings::all)
            .chain(&self.outside)
    }

    /// The problems F8 walks, in its order: errors and warnings (never a
    /// notice) in reading order, wrong values first, then what is still
    /// to fill in (a required field empty, an actual value missing).
    pub fn walk(&self) -> Vec<&Finding> {
        let problems = self
            .findings()
            .filter(|f| f.severity != Severity::Notice && f.place.node.is_some());
        let (to_fill, wrong): (Vec<&Finding>, Vec<&Finding>) =
            problems.partition(|f| f.is_to_fill());
        wrong.into_iter().chain(to_fill).collect()
    }

    /// The findings placed at one field (and its cells).
    pub fn of_field(&self, id: &str) -> impl Iterator<Item = &Finding> {
        self.fields.get(id).into_iter().flat_map(FieldFindings::all)
    }

    pub fn sections(&self) -> &[SectionState] {
        &self.sections
    }

    /// The numbered heading path of section `node`, or "" for none.
    pub fn heading_path(&self, node: Option<usize>) -> &str {
        node.and_then(|n| self.sections.get(n))
            .map_or("", |s| s.path.as_str())
    }

    /// Sections with fields of their own that are complete, and how many
    /// there are: `完成 6/7`. An optional section left out of the report
    /// (nothing in it yet) is not counted: there is nothing to do in it.
    pub fn done(&self) -> (usize, usize) {
        let with_fields = self.sections.iter().filter(|s| s.has_fields && s.included);
        let complete = with_fields.clone().filter(|s| s.progress.is_done()).count();
        (complete, with_fields.count())
    }

    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Characters in field `id` as of the last settle.
    pub fn chars(&self, id: &str) -> usize {
        self.chars.get(id).copied().unwrap_or(0)
    }

    /// Every table's figures.
    pub fn sheet(&self) -> &Sheet {
        &self.sheet
    }

    /// Table `id`'s figures with its declaration.
    pub fn table<'a>(&'a self, template: &'a Template, id: &str) -> Option<Table<'a>> {
        self.sheet.table(template, id)
    }
}

/// Characters a reader counts in an entry (line breaks excluded).
pub fn chars(entry: &Entry) -> usize {
    match entry {
        Entry::Text(s) => char_count(s),
        Entry::Items(items) => items.iter().map(|i| char_count(i)).sum(),
        Entry::Table(_) | Entry::Other(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::FindingKind;

    fn with_table(id: &str, json: serde_json::Value) -> Project {
        let mut project = crate::catalog::new_project("project-selfeval");
        let entry: Entry = serde_json::from_value(json).expect("an entry");
        project.set(id, entry);
        project
    }

    fn kinds(project: &Project, id: &str) -> Vec<FindingKind> {
        Report::new(project)
            .of_field(id)
            .map(|f| f.kind.clone())
            .collect()
    }

    #[test]
    fn a_fresh_project_has_no_errors_but_what_is_missing() {
        let project = crate::catalog::new_project("project-selfeval");
        let report = Report::new(&project);
        let wrong: Vec<&Finding> = report
            .findings()
            .filter(|f| f.severity == Severity::Error && f.kind != FindingKind::Missing)
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn cells_the_template_has_no_place_for_are_reported_not_dropped() {
        let unknown_row = with_table(
            "funding",
            serde_json::json!({"rows": {"total": {"budget": "100"}, "nope": {"budget": "1"}}}),
        );
        assert!(
            kinds(&unknown_row, "funding").contains(&FindingKind::Unplaced {
                row: "nope".into(),
                column: None
            })
        );
        let unknown_column = with_table(
            "indicators",
            serde_json::json!({"rows": [{"name": "培训", "colour": "红"}]}),
        );
        assert!(
            kinds(&unknown_column, "indicators").contains(&FindingKind::Unplaced {
                row: "1".into(),
                column: Some("colour".into())
            })
        );
        // A blank unknown row holds nothing to lose.
        let blank = with_table(
            "funding",
            serde_json::json!({"rows": {"nope": {"budget": " "}}}),
        );
        assert!(
            !kinds(&blank, "funding")
                .iter()
                .any(|k| matches!(k, FindingKind::Unplaced { .. }))
        );
    }

    #[test]
    fn the_walk_puts_wrong_values_before_what_is_still_to_fill_in() {
        let project = with_table(
            "funding",
            serde_json::json!({"rows": {"total": {"budget": "100"}, "appropriation": {"budget": "80"}}}),
        );
        let report = Report::new(&project);
        let walk = report.walk();
        assert!(
            matches!(walk[0].kind, FindingKind::Check { .. }),
            "{walk:?}"
        );
        assert!(walk[1..].iter().all(|f| f.is_to_fill()), "{walk:?}");
        assert!(walk.iter().all(|f| f.severity != Severity::Notice));
        let funding = report
            .sections()
            .iter()
            .find(|s| s.heading.contains("项目资金"));
        assert_eq!(funding.map(|s| s.progress), Some(Progress::Invalid));
    }
}
