use super::*;
use crate::catalog;
use crate::model::project::Entry;
use crate::model::validate::{check_template, load_template};

/// A prototype `p` (a figure, a note and a table with a summary line) and
/// a field outside it, with checks inside, outside and across.
const TEMPLATE: &str = r#"{
  "format": "ziping-template", "id": "t", "version": 1, "name": "T", "title": ["{unit}"],
  "sections": [
    {"id": "front", "heading": "封面", "fields": [
      {"id": "unit", "label": "单位", "kind": "text"},
      {"id": "limit", "label": "上限", "kind": "decimal"}
    ]},
    {"id": "p", "heading": "项目", "repeat": {"label": "项目", "max": 3, "heading": "{name}情况"},
     "fields": [
      {"id": "name", "label": "项目名称", "kind": "text"},
      {"id": "amount", "label": "金额", "kind": "decimal"},
      {"id": "t", "label": "表", "kind": "table", "table": {
        "columns": [
          {"id": "amount", "label": "金额", "kind": "decimal"},
          {"id": "double", "label": "两倍", "kind": "decimal", "formula": "amount * 2 + t.total.amount * 0"}
        ],
        "summary": [{"id": "sum_t", "label": "合计", "kind": "decimal", "formula": "t.total.amount + amount"}]
      }}
    ]}
  ],
  "checks": [
    {"id": "inside", "at": "amount", "assert": "amount <= 100 && sum_t >= 0", "severity": "error",
     "message": "金额{amount}超过100", "message_en": "{amount} is over 100"},
    {"at": "t", "each": "row", "assert": "amount >= 0", "severity": "error", "message": "第{amount}行"},
    {"at": "amount", "assert": "amount <= limit", "severity": "error", "message": "超过{limit}"},
    {"at": "amount", "assert": "amount >= 0", "severity": "error", "message": "{limit}"},
    {"at": "limit", "assert": "limit > amount", "severity": "error", "message": "上限"},
    {"at": "amount", "assert": "p.count <= 3", "severity": "error", "message": "{p.count}"}
  ]
}"#;

fn project() -> Project {
    let template = load_template(TEMPLATE).unwrap_or_else(|e| panic!("{e}"));
    Project::new(template, "2026-01-01T00:00:00Z")
}

fn section<'p>(project: &'p Project, id: &str) -> &'p Section {
    let walk = project.template.walk();
    let found = walk.iter().find(|r| r.section.id == id).map(|r| r.section);
    found.unwrap_or_else(|| panic!("no section {id}"))
}

fn formula_of(project: &Project, table: &str, column: &str) -> String {
    let spec = project.template.field(table).and_then(Field::table);
    let spec = spec.unwrap_or_else(|| panic!("no table {table}"));
    let field = spec
        .columns
        .iter()
        .chain(&spec.summary)
        .find(|c| c.id == column);
    field
        .and_then(|f| f.formula.as_ref())
        .map(Formula::source)
        .unwrap_or_default()
}

#[test]
fn a_copy_renames_what_the_prototype_declares_and_only_that() {
    let mut project = project();
    assert_eq!(add_after(&mut project, "p"), Ok("p_2".to_string()));
    check_template(&project.template).unwrap_or_else(|e| panic!("{e}"));
    let copy = section(&project, "p_2");
    let ids: Vec<&str> = copy.fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["name_2", "amount_2", "t_2"]);
    assert_eq!(
        copy.repeat.as_ref().and_then(|r| r.of.as_deref()),
        Some("p")
    );
    assert_eq!(
        copy.repeat.as_ref().and_then(|r| r.heading.as_deref()),
        Some("{name_2}情况")
    );
    // A column's own name is its row's, not the field's of that id.
    assert_eq!(
        formula_of(&project, "t_2", "double"),
        "amount * 2 + t_2.total.amount * 0"
    );
    assert_eq!(
        formula_of(&project, "t_2", "sum_t_2"),
        "t_2.total.amount + amount_2"
    );
    assert!(project.values.contains_key("amount_2") && project.values.contains_key("t_2"));
    // (at, assert, message) of the checks added: those reading only the
    // prototype's names, renamed; not those reading `limit` too, nor the
    // one reading `p.count`, which is about all the instances.
    let added: Vec<(&str, String, &str)> = project.template.checks[6..]
        .iter()
        .map(|c| (c.at.as_str(), c.assert.source(), c.message.as_str()))
        .collect();
    assert_eq!(
        added,
        [
            (
                "amount_2",
                "amount_2 <= 100 && sum_t_2 >= 0".to_string(),
                "金额{amount_2}超过100"
            ),
            ("t_2", "amount >= 0".to_string(), "第{amount}行"),
        ]
    );
    let first = &project.template.checks[6];
    assert_eq!(first.id.as_deref(), Some("inside_2"));
    assert_eq!(first.message_en.as_deref(), Some("{amount_2} is over 100"));
}

#[test]
fn ids_never_collide_after_removing_and_adding() {
    let mut project = project();
    // (operation, section, what it gives), done in order.
    let steps: &[(&str, &str, Result<&str, RepeatRefusal>)] = &[
        ("add", "p", Ok("p_2")),
        ("add", "p_2", Ok("p_3")),
        ("remove", "p_2", Ok("")),
        ("add", "p_3", Ok("p_4")),
        (
            "add",
            "p",
            Err(RepeatRefusal::Full {
                label: "项目".into(),
                max: 3,
            }),
        ),
        ("remove", "p_4", Ok("")),
        ("remove", "p_3", Ok("")),
        ("add", "p", Ok("p_2")),
    ];
    for (op, id, want) in steps {
        let got = match *op {
            "add" => add_after(&mut project, id),
            _ => remove(&mut project, id, false).map(|()| String::new()),
        };
        assert_eq!(got, want.clone().map(str::to_string), "{op} {id}");
        check_template(&project.template).unwrap_or_else(|e| panic!("{op} {id}: {e}"));
    }
    let order: Vec<&str> = project
        .template
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(order, ["front", "p", "p_2"]);
    assert_eq!(
        project.template.checks.len(),
        8,
        "the removed copies' checks went with them"
    );
}

#[test]
fn an_instance_goes_after_the_one_it_was_added_after() {
    let mut project = project();
    let _ = add_after(&mut project, "p");
    let _ = add_after(&mut project, "p");
    let order: Vec<&str> = project
        .template
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(order, ["front", "p", "p_3", "p_2"]);
}

#[test]
fn what_cannot_be_added_or_removed_says_why() {
    let mut project = project();
    let _ = add_after(&mut project, "p");
    project.set("amount_2", Entry::Text("5".into()));
    let holds = RepeatRefusal::HoldsText {
        id: "p_2".into(),
        fields: vec!["金额".into()],
    };
    let cases: &[(&str, bool, RepeatRefusal)] = &[
        ("front", false, RepeatRefusal::NotRepeated("front".into())),
        (
            "nope",
            false,
            RepeatRefusal::NoSuchSection {
                id: "nope".into(),
                repeated: vec!["p".into(), "p_2".into()],
            },
        ),
        (
            "p",
            false,
            RepeatRefusal::First {
                id: "p".into(),
                label: "项目".into(),
            },
        ),
        ("p_2", false, holds),
    ];
    for (id, force, want) in cases {
        assert_eq!(remove(&mut project, id, *force), Err(want.clone()), "{id}");
    }
    assert_eq!(
        add_after(&mut project, "front"),
        Err(RepeatRefusal::NotRepeated("front".into()))
    );
    assert_eq!(remove(&mut project, "p_2", true), Ok(()));
    assert!(
        !project.values.contains_key("amount_2"),
        "forced: its text went with it"
    );
}

#[test]
fn an_instance_heading_is_its_pattern_once_filled() {
    let mut project = project();
    let _ = add_after(&mut project, "p");
    let heading = |p: &Project| p.heading_of(section(p, "p_2")).to_string();
    assert_eq!(heading(&project), "项目");
    project.set("name_2", Entry::Text("数说红河展厅运维经费".into()));
    assert_eq!(heading(&project), "数说红河展厅运维经费情况");
    // F4 answered with the heading shown stores nothing: the name may change.
    let same = crate::model::wording::set_heading(&mut project, "p_2", "数说红河展厅运维经费情况");
    assert_eq!(same, Ok(false));
    assert!(project.headings.is_empty());
    project.headings.insert("p_2".into(), "自己的标题".into());
    assert_eq!(heading(&project), "自己的标题");
}

#[test]
fn the_unit_projects_template_copies_its_project_with_the_scoring() {
    let mut project = catalog::new_project("unit-projects");
    let before = project.template.checks.len();
    assert_eq!(
        add_after(&mut project, "project"),
        Ok("project_2".to_string())
    );
    check_template(&project.template).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        formula_of(&project, "indicators_2", "total_score_2"),
        "funding_2.total.score + indicators_2.total.score"
    );
    assert_eq!(
        formula_of(&project, "funding_2", "rate"),
        "actual / budget * 100"
    );
    // The 9 checks of the per-project tables, not the unit's own two.
    let added = &project.template.checks[before..];
    assert_eq!((before, added.len()), (11, 9));
    assert!(added.iter().all(|c| c.at.ends_with("_2")));
    assert!(
        added
            .iter()
            .any(|c| c.assert.source().contains("funding_note_2 != \"\""))
    );
}

#[test]
fn a_wrong_repeat_is_a_template_mistake() {
    let cases = [
        (r#""max": 3"#, r#""max": 0"#, "sections[1].repeat.max"),
        (
            r#""label": "项目""#,
            r#""label": " ""#,
            "sections[1].repeat.label",
        ),
        ("{name}情况", "{unit}情况", "sections[1].repeat.heading"),
        (
            r#""max": 3"#,
            r#""max": 3, "of": "gone""#,
            "没有 \"gone\" 这个章节",
        ),
        (
            r#""id": "p","#,
            r#""id": "amount","#,
            "重复的章节 \"amount\" 与字段同名",
        ),
    ];
    for (from, to, place) in cases {
        let err = load_template(&TEMPLATE.replacen(from, to, 1))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(place), "{to}: {err}");
    }
}

#[test]
fn a_newer_template_keeps_the_instances_added_with_what_was_typed() {
    use crate::model::upgrade::{Change, apply, changes};
    let mut project = project();
    for (add, id) in [(true, "p"), (true, "p_2"), (false, "p_2"), (true, "p_3")] {
        let done = if add {
            add_after(&mut project, id).map(|_| ())
        } else {
            remove(&mut project, id, false)
        };
        assert_eq!(done, Ok(()), "{id}");
    }
    project.set("name_4", Entry::Text("第三个项目".into()));
    // The newer template asks one more thing of each project.
    let mut newer = load_template(TEMPLATE).unwrap_or_else(|e| panic!("{e}"));
    newer.version = 2;
    let mut extra = newer.sections[1].fields[0].clone();
    extra.id = "lead".into();
    extra.label = "负责人".into();
    newer.sections[1].fields.push(extra);
    // Offered as the new field, not as the projects' sections going.
    let said = changes(&project, &newer);
    assert!(!said.is_empty(), "{said:?}");
    assert!(
        said.iter().all(|c| *c
            == Change::FieldAdded {
                label: "负责人".into()
            }),
        "{said:?}"
    );
    let upgraded = apply(project, newer);
    check_template(&upgraded.template).unwrap_or_else(|e| panic!("{e}"));
    let order: Vec<&str> = upgraded
        .template
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(order, ["front", "p", "p_3", "p_4"]);
    assert!(upgraded.template.field("lead_4").is_some());
    assert_eq!(upgraded.text("name_4"), "第三个项目");
    assert_eq!(upgraded.orphans().count(), 0);
}

#[test]
fn formulas_see_how_many_instances_a_report_has() {
    let mut project = project();
    let count = |p: &Project| -> Vec<(String, String)> {
        names(&p.template)
            .into_iter()
            .map(|(name, value)| (name, value.to_string()))
            .collect()
    };
    assert_eq!(
        count(&project),
        [("p".to_string(), "#{\"count\": 1}".to_string())]
    );
    let _ = add_after(&mut project, "p");
    let _ = add_after(&mut project, "p");
    assert_eq!(
        count(&project),
        [("p".to_string(), "#{\"count\": 3}".to_string())]
    );
}
