//! Which paragraphs the template's formulas name. Only those are figures
//! to the formulas: their text goes into the formulas' scope, and typing
//! in them recomputes the tables. The others (nearly all prose) stay out
//! of the scope, where each would be a copy of its whole text.

use std::collections::HashSet;

use super::figures::prose;
use super::schema::Template;

/// The paragraph fields of `template` that a formula, a deduction's floor
/// or a cross-check (its condition or its message's figures) names as a
/// word of its source.
pub fn prose_named(template: &Template) -> HashSet<String> {
    let fields = template.fields().flat_map(|f| {
        let table = f.table();
        std::iter::once(f).chain(
            table
                .into_iter()
                .flat_map(|t| t.columns.iter().chain(&t.summary)),
        )
    });
    let formulas = fields.flat_map(|f| {
        let floor = f.deduction.as_ref().and_then(|d| d.floor.as_ref());
        [f.formula.as_ref(), floor]
            .into_iter()
            .flatten()
            .map(|x| x.source())
    });
    let checks = template.checks.iter().flat_map(|c| {
        [
            Some(c.assert.source()),
            Some(c.message.clone()),
            c.message_en.clone(),
        ]
        .into_iter()
        .flatten()
    });
    let sources: Vec<String> = formulas.chain(checks).collect();
    template
        .fields()
        .filter(|f| prose::is_prose(f.kind()))
        .filter(|f| sources.iter().any(|source| names(source, &f.id)))
        .map(|f| f.id.clone())
        .collect()
}

/// Whether `id` occurs in `source` as a whole word.
fn names(source: &str, id: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(id).any(|(at, _)| {
        !source[..at].chars().next_back().is_some_and(word)
            && !source[at + id.len()..].chars().next().is_some_and(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::load_template;

    const DEPT: &str = include_str!("../../templates/dept-selfeval.json");
    const FLOOR: &str = r#""floor": "weight * share_min""#;

    #[test]
    fn a_paragraph_is_named_by_a_check_or_a_deduction_floor() {
        let template = load_template(DEPT).expect("template");
        let named = prose_named(&template);
        // `rate >= 90 || funding_note != ""`, a cross-check.
        assert!(named.contains("funding_note"), "{named:?}");
        assert!(!named.contains("conclusion_text"), "{named:?}");
        // A score's floor that reads the conclusion (a template's own).
        assert!(DEPT.contains(FLOOR));
        let floor =
            r#""floor": "if conclusion_text == \"\" { weight * share_min } else { weight }""#;
        let template = load_template(&DEPT.replace(FLOOR, floor)).expect("template");
        assert!(prose_named(&template).contains("conclusion_text"));
    }

    #[test]
    fn a_name_counts_only_as_a_whole_word() {
        for (source, named) in [
            ("rate(summary_text) > 0", true),
            ("summary_text", true),
            ("summary_text2 + 1", false),
            ("my_summary_text", false),
            ("\"${summary_text}字\"", true),
            ("本年summary_text", false),
        ] {
            assert_eq!(names(source, "summary_text"), named, "{source}");
        }
    }
}
