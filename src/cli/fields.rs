//! `ziping fields`: every path with its kind, label, value and computed
//! value, and how the value was read.

use crate::lang::Lang;
use crate::model::cell_path::listing;
use crate::model::project::Project;
use crate::model::roll::previous_listing;
use crate::strings;

use super::{ListFormat, json_text};

/// `ziping fields`: one line per path — path, kind, label, value, then
/// `= computed` where there is one; where the text was read as a value,
/// two more columns (the computed one then left empty if there is none):
/// what it was read as and its parts, `comparator=≥ number=50 unit=个`.
/// A script reading the first columns sees what it always saw.
pub fn listing_text(project: &Project, format: ListFormat, lang: Lang) -> String {
    let mut rows = listing(project);
    // Last year's figures (`ziping roll`) after everything else.
    let previous = previous_listing(project, &rows);
    rows.extend(previous);
    match format {
        ListFormat::Json => {
            format!("{}\n", json_text(&rows))
        }
        ListFormat::Text => rows
            .iter()
            .map(|r| {
                let escape = |s: &str| s.replace('\\', "\\\\").replace('\n', "\\n");
                let label = match (&r.row_label, r.new_row) {
                    (Some(row), true) => {
                        format!("{row}{} › {}", lang.say(strings::NEW_ROW), r.label)
                    }
                    (Some(row), false) => format!("{row} › {}", r.label),
                    (None, _) => r.label.clone(),
                };
                let computed = r.computed.as_ref().map(|c| format!("= {c}"));
                let reading = r.read_as.map(|kind| {
                    let parts: Vec<String> = r
                        .reading
                        .iter()
                        .flatten()
                        .map(|(part, text)| format!("{part}={}", escape(text)))
                        .collect();
                    format!(
                        "\t{}\t{kind}\t{}",
                        computed.as_deref().unwrap_or(""),
                        parts.join(" ")
                    )
                });
                let tail = reading
                    .or_else(|| computed.map(|c| format!("\t{c}")))
                    .unwrap_or_default();
                format!(
                    "{}\t{}\t{label}\t{}{tail}\n",
                    r.path,
                    r.kind,
                    escape(&r.value)
                )
            })
            .collect(),
    }
}
