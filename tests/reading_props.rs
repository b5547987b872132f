//! Item 6 of issue 11: no engine error ever reaches a user of a built-in
//! template. Every built-in template (a new one is picked up by itself),
//! every plain field and every table cell filled with arbitrary strings —
//! blanks, words, tier words, figures with units, comparators, ranges, the
//! template's own options — and the report never holds a formula failure,
//! nor a check message showing a placeholder or a blank.

// Test scaffolding: a broken fixture should fail the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value, json};
use ziping::catalog::Origin;
use ziping::lang::Lang;
use ziping::model::finding::FindingKind;
use ziping::model::project::{Entry, Project};
use ziping::model::report::Report;
use ziping::model::schema::{Kind, Template};
use ziping::strings;

/// Rows given to each table whose rows the writer adds.
const ROWS: usize = 3;

/// What real tables hold, and what a writer mistypes.
const NOTATIONS: &[&str] = &[
    "",
    " ",
    "0",
    "10",
    "50",
    "85.5",
    "100",
    "-5",
    "1,000",
    "383,406元",
    "72890元",
    "7万元",
    "≥50个",
    "≤90万元",
    "=100%",
    "＝100％",
    "﹦72890元",
    ">95%",
    "<5%",
    "≥",
    "≤很多",
    "不低于90%",
    "至少2期",
    "50个以上",
    "3天以内",
    "90%-100%",
    "3～5个",
    "100%",
    "20万元",
    "/",
    "—",
    "高",
    "效果明显",
    "达成",
    "基本达成",
    "部分达成",
    "未达成",
    "完成",
    "已完成",
    "达成预期指标",
    "达到预期",
    "显著提升",
    "较好",
    "好",
    "进展顺利",
    "≥266米",
    "40%",
    "40个",
    "正向",
    "反向",
    "定量",
    "定性",
    "abc",
    "2022",
    "2023-04-06",
    "true",
    "()",
    "{score}",
    "\n",
];

/// The template's own choices, so groups and subgroups are often right.
fn options(template: &Template) -> Vec<String> {
    let mut out = Vec::new();
    for field in template.fields() {
        out.extend(field.options().iter().cloned());
        for column in field.table().iter().flat_map(|t| &t.columns) {
            out.extend(column.options().iter().cloned());
        }
    }
    out
}

fn values(template: &Template) -> BoxedStrategy<String> {
    let mut pool: Vec<String> = NOTATIONS.iter().map(|s| s.to_string()).collect();
    pool.extend(options(template));
    prop_oneof![
        6 => prop::sample::select(pool),
        2 => "[0-9]{1,6}(\\.[0-9]{1,3})?(元|万元|个|人|%|米)?",
        2 => "(≥|≤|=|>|<|＞＝|不低于|不超过)?[0-9]{1,4}(\\.[0-9])?(个|万元|%|人次)?(以上|以内)?",
        1 => "[0-9]{1,3}(%|个)?(-|～|至)[0-9]{1,3}(%|个)?",
        1 => "[\u{4e00}-\u{9fa5}]{1,8}",
        1 => "\\PC{0,10}",
    ]
    .boxed()
}

/// Where a value goes: a plain field, or a cell (table, row, column).
enum Slot {
    Field(String),
    Cell(String, Option<String>, String),
}

fn slots(template: &Template) -> Vec<Slot> {
    let mut out = Vec::new();
    for field in template.fields() {
        let Some(spec) = field.table() else {
            if field.kind() != Kind::Table {
                out.push(Slot::Field(field.id.clone()));
            }
            continue;
        };
        let rows: Vec<Option<String>> = if spec.has_fixed_rows() {
            spec.rows.iter().map(|r| Some(r.id.clone())).collect()
        } else {
            (0..ROWS).map(|_| None).collect()
        };
        for (r, row) in rows.iter().enumerate() {
            for column in &spec.columns {
                let row = row.clone().or(Some(r.to_string()));
                out.push(Slot::Cell(field.id.clone(), row, column.id.clone()));
            }
        }
    }
    out
}

/// A project of `template` with every slot holding its value, stored as
/// typed (valid or not), as a project file may hold it.
fn filled(template: &Template, slots: &[Slot], texts: &[String]) -> Project {
    let mut p = Project::new(template.clone(), "2026-01-01T00:00:00Z");
    let mut tables: Map<String, Value> = Map::new();
    for (slot, text) in slots.iter().zip(texts) {
        match slot {
            Slot::Field(id) => {
                let entry: Entry = serde_json::from_value(json!(text)).expect("text");
                p.set(id, entry);
            }
            Slot::Cell(table, row, column) => {
                let spec = template
                    .field(table)
                    .and_then(|f| f.table())
                    .expect("table");
                let rows = tables.entry(table.clone()).or_insert_with(|| {
                    if spec.has_fixed_rows() {
                        json!({})
                    } else {
                        json!(vec![json!({}); ROWS])
                    }
                });
                let row = row.as_deref().unwrap_or_default();
                let cells = match rows {
                    Value::Array(list) => &mut list[row.parse::<usize>().unwrap_or(0)],
                    other => other
                        .as_object_mut()
                        .expect("rows")
                        .entry(row.to_string())
                        .or_insert_with(|| json!({})),
                };
                cells[column] = json!(text);
            }
        }
    }
    for (id, rows) in tables {
        let entry: Entry = serde_json::from_value(json!({ "rows": rows })).expect("table");
        p.set(&id, entry);
    }
    p
}

#[test]
fn no_engine_error_reaches_a_user_of_a_built_in_template() {
    let (entries, errors) = ziping::catalog::load(None);
    assert!(errors.is_empty(), "{errors:?}");
    let built_in: Vec<Template> = entries
        .into_iter()
        .filter(|a| a.origin == Origin::Builtin)
        .map(|a| a.template)
        .collect();
    assert!(built_in.len() >= 5, "every built-in template");
    for template in &built_in {
        let slots = slots(template);
        let texts = prop::collection::vec(values(template), slots.len());
        let mut runner = TestRunner::new(Config {
            cases: 256,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&texts, |texts| {
            let p = filled(template, &slots, &texts);
            let report = Report::new(&p);
            for f in report.findings() {
                let zh = strings::finding(&f.kind, Lang::Zh);
                prop_assert!(
                    !matches!(f.kind, FindingKind::Formula { .. }),
                    "{}: {zh}",
                    template.id
                );
                if let FindingKind::Check { zh: message, .. } = &f.kind {
                    prop_assert!(
                        !message.contains("（空）")
                            && !message.contains("{sum")
                            && !message.contains("{spend")
                            && !message.contains("{total"),
                        "{}: {message}",
                        template.id
                    );
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{}: {e}", template.id);
        }
    }
}
