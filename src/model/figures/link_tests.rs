//! Figures in prose linked to indicator rows and funding cells.

use super::super::scan::quantities;
use super::*;
use crate::model::project::Entry;
use crate::model::report::Report;

/// A narrative report with one indicator row and `text` as its
/// 总体情况; the template's reading given `aliases`.
fn linked(text: &str, name: &str, actual: &str, aliases: &[&str]) -> Vec<(String, Link)> {
    linked_to(text, name, "≥1", actual, aliases)
}

fn linked_to(
    text: &str,
    name: &str,
    target: &str,
    actual: &str,
    aliases: &[&str],
) -> Vec<(String, Link)> {
    let mut project = crate::catalog::new_project("hunan-narrative");
    let row = serde_json::json!({"rows": [{
        "level1": "产出指标", "level2": "数量指标", "name": name,
        "target": target, "actual": actual, "weight": "10"
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
            let l = link(text, &all, at, &sources, false)?;
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

#[test]
fn a_planned_figure_is_compared_with_the_target() {
    let got = linked_to(
        "计划培训党员30000人次",
        "培训党员人次",
        "≥30000人次",
        "32000人次",
        &[],
    );
    assert_eq!(got[0].1.cited.path, "indicators.1.target");
    assert!(got[0].1.agrees, "{got:?}");
    let done = linked_to(
        "累计培训党员32000人次",
        "培训党员人次",
        "≥30000人次",
        "32000人次",
        &[],
    );
    assert_eq!(done[0].1.cited.path, "indicators.1.actual");
}

/// (prose, target, actual, the cell the figure is compared with, agrees)
#[test]
fn a_plan_word_compares_with_whichever_of_target_and_actual_agrees() {
    let cases = [
        // Done as planned: the actual value agrees, no warning.
        (
            "按计划累计培训党员32000人次",
            "≥30000人次",
            "32000人次",
            "actual",
            true,
        ),
        (
            "按计划培训党员30000人次",
            "≥30000人次",
            "32000人次",
            "target",
            true,
        ),
        // Neither agrees: warned of against the target.
        (
            "按计划培训党员31000人次",
            "≥30000人次",
            "32000人次",
            "target",
            false,
        ),
        // No target the clause's unit can be compared with: the actual.
        (
            "按计划培训党员32000人次",
            "全覆盖",
            "32000人次",
            "actual",
            true,
        ),
    ];
    for (prose, target, actual, cell, agrees) in cases {
        let got = linked_to(prose, "培训党员人次", target, actual, &[]);
        assert_eq!(got.len(), 1, "{prose}: {got:?}");
        assert_eq!(
            got[0].1.cited.path,
            format!("indicators.1.{cell}"),
            "{prose}"
        );
        assert_eq!(got[0].1.agrees, agrees, "{prose}");
    }
}
