//! `ziping figures`: every figure in the report's prose with its section,
//! field and place, its unit and hedge, the clause it stands in and what
//! it is checked against.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::figures::cited::Strength;
use crate::model::figures::list::{self, Figure};
use crate::model::figures::scan::Approx;
use crate::model::project::Project;
use crate::model::report::Report;
use crate::strings::figures as words;

use super::{ListFormat, json_text};

/// One figure, for `--format json`. Positions count characters from 0 in
/// the field's text (a list's item's), the end excluded.
#[derive(Serialize)]
struct Row<'a> {
    section: &'a str,
    field: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<usize>,
    start: usize,
    end: usize,
    text: &'a str,
    value: String,
    unit: &'a str,
    approx: Option<&'static str>,
    clause: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<LinkRow>,
}

#[derive(Serialize)]
struct LinkRow {
    path: String,
    value: String,
    unit: String,
    agrees: bool,
    /// `clause` (a disagreement is warned of) or `sentence` (shown only).
    strength: &'static str,
    message: String,
}

fn approx_code(approx: Approx) -> &'static str {
    match approx {
        Approx::More => "more",
        Approx::AtLeast => "at_least",
        Approx::AtMost => "at_most",
        Approx::About => "about",
        Approx::Nearly => "nearly",
    }
}

fn row<'a>(figure: &'a Figure, report: &'a Report, lang: Lang) -> Row<'a> {
    let q = &figure.quantity;
    Row {
        section: report.heading_path(Some(figure.prose.node)),
        field: &figure.prose.field.id,
        label: &figure.prose.field.label,
        item: figure.prose.item,
        start: q.chars.start,
        end: q.chars.end,
        text: figure.written(),
        value: q.value.normalize().to_string(),
        unit: &q.unit,
        approx: q.approx.map(approx_code),
        clause: figure.clause(),
        link: figure.link.as_ref().map(|l| LinkRow {
            path: l.cited.path.clone(),
            value: l.cited.value.normalize().to_string(),
            unit: l.cited.unit.clone(),
            agrees: l.agrees,
            strength: match l.strength {
                Strength::Clause => "clause",
                Strength::Sentence => "sentence",
            },
            message: words::link(l, lang),
        }),
    }
}

/// `ziping figures`: one line per figure — section, field (and item),
/// position, the figure, its clause, and what it is compared with —
/// tab-separated; or the same as JSON.
pub fn listing_text(project: &Project, format: ListFormat, lang: Lang) -> String {
    let report = Report::new(project);
    let figures = list::all(project, report.sheet());
    let rows: Vec<Row> = figures.iter().map(|f| row(f, &report, lang)).collect();
    match format {
        ListFormat::Json => format!("{}\n", json_text(&rows)),
        ListFormat::Text => rows
            .iter()
            .map(|r| {
                let link = r
                    .link
                    .as_ref()
                    .map(|l| format!("\t{}", l.message))
                    .unwrap_or_default();
                format!(
                    "{}\t{}\t{}\t{}\t{}{link}\n",
                    r.section,
                    words::place(r.label, r.item, lang),
                    words::position(r.start, lang),
                    r.text,
                    r.clause.replace('\n', " ")
                )
            })
            .collect(),
    }
}
