//! Hostile and property tests of the Report: random edits of every built-in
//! template brought up to date incrementally (`touch`, then `settle`) agree
//! with a report computed afresh; every finding has a sentence in both
//! languages; `ziping check` counts what the Report counts; and files
//! holding values of the wrong shape are reported, never panicked on.

// Test scaffolding: a broken fixture should fail the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "common/locale.rs"]
mod locale;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};
use ziping::lang::Lang;
use ziping::model::cell_path::{assign, listing};
use ziping::model::finding::{Finding, FindingKind};
use ziping::model::outline::Outline;
use ziping::model::project::{Entry, Project};
use ziping::model::report::Report;
use ziping::model::schema::{Severity, Template};
use ziping::strings;

const TEMPLATES: [&str; 6] = [
    "hunan-narrative",
    "hunan-form",
    "project-selfeval",
    "dept-selfeval",
    "project-report",
    "dept-report",
];

fn template(id: &str) -> Template {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let (entries, errors) = ziping::catalog::load(None);
        assert!(errors.is_empty(), "{errors:?}");
        TEMPLATES
            .iter()
            .map(|id| ziping::catalog::find(&entries, id).expect("built in"))
            .collect()
    });
    all.iter()
        .find(|t| t.id == id)
        .cloned()
        .expect("one of TEMPLATES")
}

fn project(id: &str) -> Project {
    Project::new(template(id), "2026-01-01T00:00:00Z")
}

// ---------------------------------------------------------------------------
// Random values and edits
// ---------------------------------------------------------------------------

/// Notations a writer (or a cat on the keyboard) types.
const NOTATIONS: &[&str] = &[
    "100",
    "85.5",
    "85.00",
    "0",
    "-5",
    "1,000",
    "383,406元",
    "100万元",
    "１２３",
    "８５．５",
    "≥50个",
    "≤90万元",
    "=100%",
    "＞3天",
    "≥",
    "50个",
    "40个",
    "100%",
    "95%",
    "高",
    "好",
    "达成",
    "部分达成",
    "未达成",
    "2022",
    "1899",
    "2023-04-06",
    "2023年4月6日",
    "2023-02-30",
    "2023-13-01",
    "99999999999999999999999999999",
    "",
    "  ",
    "\n",
    "abc",
    "—",
    "/",
    "湘财绩〔2020〕5号",
    "根据湘办【2019】10号文件要求开展自评。",
    "含控制字符\u{1b}[31m红\u{7}",
    "tab\there",
    "第一段。\n第二段。",
    "甲\n\n乙第一段\n乙第二段\n\n丙",
    "培训党员人次",
    "0731-12345678",
];

/// A value for any path of `template`: notations, the template's own
/// options (so 一级/二级指标 and choices are sometimes right), numbers,
/// long prose, random text and several lines of all of these.
fn values(template: &Template) -> BoxedStrategy<String> {
    let mut pool: Vec<String> = NOTATIONS.iter().map(|s| s.to_string()).collect();
    for field in template.fields() {
        pool.extend(field.options().iter().cloned());
        if let Some(spec) = field.table() {
            for column in &spec.columns {
                pool.extend(column.options().iter().cloned());
            }
            if let Some(groups) = &spec.groups {
                for g in &groups.items {
                    pool.push(g.name.clone());
                    pool.extend(g.subgroups.iter().cloned());
                }
            }
        }
    }
    pool.sort();
    pool.dedup();
    let one = prop::sample::select(pool);
    prop_oneof![
        6 => one.clone(),
        2 => "[0-9]{1,6}(\\.[0-9]{1,3})?(元|万元|个|人|%)?",
        2 => "(≥|≤|=|>|<|＝)[0-9]{1,4}(\\.[0-9])?(个|万元|%|人次)?",
        1 => "[\u{4e00}-\u{9fa5}，。]{1,40}",
        // Over the 500-character limits of notes and paragraphs.
        1 => "[\u{4e00}-\u{9fa5}]{480,520}",
        1 => "\\PC{0,12}",
        1 => ".{0,8}",
        2 => prop::collection::vec(one, 1..5)
            .prop_flat_map(|parts| prop::sample::select(vec!["\n", "\n\n", "\r\n"])
                .prop_map(move |sep| parts.join(sep))),
    ]
    .boxed()
}

/// Every path `ziping set` takes right now: what `listing` lists, and for
/// each table whose rows the writer adds, each cell of one row past the
/// last.
fn paths(project: &Project) -> Vec<String> {
    let mut out: Vec<String> = listing(project).into_iter().map(|l| l.path).collect();
    for field in project.template.fields() {
        let Some(spec) = field.table() else {
            continue;
        };
        if spec.has_fixed_rows() {
            continue;
        }
        let count = match project.entry(&field.id) {
            Some(Entry::Table(t)) if t.fits(spec) => t.rows(field, spec).len(),
            _ => 0,
        };
        for column in &spec.columns {
            out.push(format!("{}.{}.{}", field.id, count + 1, column.id));
        }
    }
    out
}

/// Applies one edit: the path picked by `at` among [`paths`]. A refused
/// value must leave the project as it was. Returns the edited field's id.
fn edit(project: &mut Project, at: &Index, text: &str) -> String {
    let all = paths(project);
    let path = at.get(&all).clone();
    let before = project.clone();
    if let Err(why) = assign(project, &path, text) {
        assert_eq!(
            *project, before,
            "{path} = {text:?} refused ({why}) but changed"
        );
    }
    path.split('.').next().unwrap_or_default().to_string()
}

/// Whether the section holding field `id` is included in `report` (as of
/// its last settle).
fn included(project: &Project, report: &Report, id: &str) -> bool {
    let outline = Outline::new(project);
    outline
        .nodes
        .iter()
        .position(|n| n.section.fields.iter().any(|f| f.id == id))
        .is_some_and(|node| report.sections()[node].included)
}

/// A report well under way, for the edits to disturb: figures that add
/// up, a rate under 90% still without its note, two indicators. Paths a
/// template does not have are refused and skipped.
const FILLED: &[(&str, &str)] = &[
    ("unit", "中共常宁市委组织部"),
    ("year", "2022"),
    ("funding.total.budget", "100"),
    ("funding.total.actual", "85"),
    ("funding.total.weight", "10"),
    ("funding.appropriation.budget", "100"),
    ("funding.appropriation.actual", "85"),
    ("indicators.1.level1", "产出指标"),
    ("indicators.1.level2", "数量指标"),
    ("indicators.1.name", "培训党员人次"),
    ("indicators.1.target", "≥50个"),
    ("indicators.1.actual", "40个"),
    ("indicators.1.weight", "50"),
    ("indicators.2.level1", "满意度指标"),
    ("indicators.2.level2", "服务对象满意度指标"),
    ("indicators.2.name", "学员满意度"),
    ("indicators.2.target", "高"),
    ("indicators.2.actual", "达成"),
    ("indicators.2.weight", "10"),
    ("spend_total", "100"),
    ("spend_basic", "60"),
    ("spend_personnel", "30"),
    ("spend_public", "30"),
    ("spend_project", "40"),
    ("execution_rate", "85"),
];

fn start(t: usize, filled: bool) -> Project {
    let mut p = project(TEMPLATES[t]);
    if filled {
        for (path, text) in FILLED {
            let _ = assign(&mut p, path, text);
        }
    }
    p
}

/// (template, start filled, edits).
fn edits() -> impl Strategy<Value = (usize, bool, Vec<(Index, String)>)> {
    (0..TEMPLATES.len(), any::<bool>()).prop_flat_map(|(t, filled)| {
        let values = values(&template(TEMPLATES[t]));
        (
            Just(t),
            Just(filled),
            prop::collection::vec((any::<Index>(), values), 0..=12),
        )
    })
}

/// A project of a random template after random edits.
fn edited(t: usize, filled: bool, steps: &[(Index, String)]) -> Project {
    let mut p = start(t, filled);
    for (at, text) in steps {
        edit(&mut p, at, text);
    }
    p
}

/// `n` cases, or `REPORT_PROPS_CASES` times as many for a longer hunt.
fn cases(n: u32) -> u32 {
    let times = std::env::var("REPORT_PROPS_CASES").ok();
    n * times.and_then(|t| t.parse().ok()).unwrap_or(1)
}

fn summary(report: &Report) -> Vec<Finding> {
    report.findings().cloned().collect()
}

// ---------------------------------------------------------------------------
// 1. Incremental equals full
// ---------------------------------------------------------------------------

fn assert_same(got: &Report, want: &Report, project: &Project, what: &str) {
    assert_eq!(summary(got), summary(want), "{what}: findings");
    assert_eq!(got.counts(), want.counts(), "{what}: counts");
    assert_eq!(got.sections(), want.sections(), "{what}: sections");
    assert_eq!(got.done(), want.done(), "{what}: done");
    for field in project.template.fields() {
        assert_eq!(
            got.chars(&field.id),
            want.chars(&field.id),
            "{what}: chars of {}",
            field.id
        );
    }
}

/// A cross-check reads the note (a paragraph): `rate >= 90 || funding_note
/// != ""`. Typing the note must clear the funding table's warning at once,
/// as the table's marker shows it, not only once typing pauses.
#[test]
fn a_note_typed_clears_the_rate_warning_at_once() {
    let mut p = project("project-selfeval");
    assign(&mut p, "funding.total.budget", "100").unwrap();
    assign(&mut p, "funding.total.actual", "50").unwrap();
    let mut report = Report::new(&p);
    let checks = |r: &Report| {
        r.of_field("funding")
            .filter(|f| matches!(f.kind, FindingKind::Check { .. }))
            .count()
    };
    assert_eq!(checks(&report), 1, "a rate below 90% warns");
    assign(&mut p, "funding_note", "部分培训延期至次年。").unwrap();
    report.touch(&p, "funding_note");
    assert_eq!(checks(&report), 0, "the note is there");
    let fresh = Report::new(&p);
    let got: Vec<&Finding> = report.of_field("funding").collect();
    let want: Vec<&Finding> = fresh.of_field("funding").collect();
    assert_eq!(got, want);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// After each edit `touch` brings the edited field's findings up to
    /// date, and those of every other field the old and the new outline
    /// both include (an edit of a note can change a cross-check placed at
    /// the funding table); `settle` then agrees with a fresh report in
    /// everything.
    #[test]
    fn touched_then_settled_equals_fresh((t, filled, steps) in edits()) {
        let mut p = start(t, filled);
        let mut report = Report::new(&p);
        for (i, (at, text)) in steps.iter().enumerate() {
            let id = edit(&mut p, at, text);
            report.touch(&p, &id);
            prop_assert!(report.is_stale());
            let fresh = Report::new(&p);
            for field in p.template.fields() {
                if !(included(&p, &report, &field.id) && included(&p, &fresh, &field.id)) {
                    continue;
                }
                let got: Vec<&Finding> = report.of_field(&field.id).collect();
                let want: Vec<&Finding> = fresh.of_field(&field.id).collect();
                prop_assert_eq!(
                    got,
                    want,
                    "step {} ({}): findings of {} after touching {}",
                    i, text, field.id, id
                );
            }
        }
        report.settle(&p);
        prop_assert!(!report.is_stale());
        assert_same(&report, &Report::new(&p), &p, TEMPLATES[t]);
        // Settling twice changes nothing.
        let settled = report.clone();
        report.settle(&p);
        assert_same(&report, &settled, &p, "settled twice");
    }

    // -----------------------------------------------------------------------
    // 2. Every finding has a sentence in both languages
    // -----------------------------------------------------------------------

    /// Each finding's Chinese sentence has Chinese in it and its English
    /// one is another sentence with English words in it. A template's own
    /// check message is the template's words: every built-in template gives
    /// an English one, so it is held to the same rule.
    #[test]
    fn every_finding_is_worded_in_both_languages((t, filled, steps) in edits()) {
        let p = edited(t, filled, &steps);
        let report = Report::new(&p);
        for f in report.findings() {
            let zh = strings::finding(&f.kind, Lang::Zh);
            let en = strings::finding(&f.kind, Lang::En);
            prop_assert!(!zh.trim().is_empty(), "{:?}: no Chinese", f.kind);
            prop_assert!(!en.trim().is_empty(), "{:?}: no English", f.kind);
            if let FindingKind::Check { zh: message, en: message_en } = &f.kind {
                prop_assert_eq!(&zh, message);
                prop_assert_eq!(Some(&en), message_en.as_ref(), "a built-in check without English");
            }
            prop_assert!(zh.chars().any(is_cjk), "{:?}: Chinese sentence {:?}", f.kind, zh);
            prop_assert_ne!(&en, &zh, "{:?}: untranslated", f.kind);
            prop_assert!(has_english_word(&en), "{:?}: English sentence {:?}", f.kind, en);
            let severity = strings::severity(f.severity, Lang::En);
            prop_assert!(severity.is_ascii());
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// At least one run of three ASCII letters outside quotes: an English word
/// of our own, not one of the writer's.
fn has_english_word(sentence: &str) -> bool {
    let mut quoted = false;
    let mut run = 0;
    for c in sentence.chars() {
        if c == '"' {
            quoted = !quoted;
            run = 0;
        } else if !quoted && c.is_ascii_alphabetic() {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// 3. `ziping check` counts what the Report counts
// ---------------------------------------------------------------------------

fn agrees_with_check(p: &Project, home: &Path, name: &str) {
    let file = home.join(name);
    std::fs::write(&file, p.to_json()).expect("write project");
    // What `check` reads back is what was written.
    let read = Project::from_json(&std::fs::read_to_string(&file).expect("read"))
        .expect("the written project reads back");
    let report = Report::new(&read);
    assert_eq!(
        summary(&report),
        summary(&Report::new(p)),
        "{name}: written and read back"
    );
    let (code, json) = locale::check_json(&file, home);
    let counts = report.counts();
    let count = |key: &str| json[key].as_u64().expect(key) as usize;
    assert_eq!(count("errors"), counts.errors, "{name}: {json:#}");
    assert_eq!(count("warnings"), counts.warnings, "{name}: {json:#}");
    assert_eq!(count("notices"), counts.notices, "{name}: {json:#}");
    assert_eq!(json["template_update"], Value::Null, "{name}: up to date");
    let problems = json["problems"].as_array().expect("problems");
    let listed: Vec<(String, String, String, Option<String>)> = problems
        .iter()
        .map(|p| {
            (
                p["severity"].as_str().expect("severity").to_string(),
                p["field"].as_str().expect("field").to_string(),
                p["kind"].as_str().expect("kind").to_string(),
                p["path"].as_str().map(String::from),
            )
        })
        .collect();
    let want: Vec<(String, String, String, Option<String>)> = report
        .findings()
        .map(|f| {
            let severity = serde_json::to_value(f.severity).expect("severity");
            (
                severity.as_str().expect("a word").to_string(),
                f.place.field.clone(),
                f.kind.code().to_string(),
                f.place.path.clone(),
            )
        })
        .collect();
    assert_eq!(listed, want, "{name}: problems");
    let by = |s: Severity| report.findings().filter(|f| f.severity == s).count();
    assert_eq!(
        problems.len(),
        by(Severity::Error) + by(Severity::Warning) + by(Severity::Notice)
    );
    let faulty = if counts.errors > 0 { 1 } else { 0 };
    assert_eq!(code, Some(faulty), "{name}: exit code");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(8),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn check_counts_what_the_report_counts((t, filled, steps) in edits()) {
        let home = tempfile::tempdir().expect("tempdir");
        let p = edited(t, filled, &steps);
        agrees_with_check(&p, home.path(), "p.json");
    }
}

/// Each template untouched, and with a value the template does not know,
/// checked by the binary too.
#[test]
fn check_counts_fresh_and_orphaned_projects() {
    let home = tempfile::tempdir().expect("tempdir");
    for id in TEMPLATES {
        let mut p = project(id);
        agrees_with_check(&p, home.path(), &format!("{id}.json"));
        p.set("no_such_field", Entry::Text("旧模板的内容".into()));
        agrees_with_check(&p, home.path(), &format!("{id}-orphan.json"));
    }
}

// ---------------------------------------------------------------------------
// 4. Hostile files
// ---------------------------------------------------------------------------

/// A project of `template` whose file holds `values` over the defaults,
/// read through `Project::from_json` as a file on disk is.
fn hostile(template: &str, values: &[(&str, Value)]) -> Project {
    let mut json: Value = serde_json::from_str(&project(template).to_json()).expect("JSON");
    for (id, value) in values {
        json["values"][*id] = value.clone();
    }
    Project::from_json(&json.to_string()).expect("a readable file")
}

/// A finding as (severity, kind code, cell path).
type Kinded = (Severity, &'static str, Option<String>);

/// The findings of field `id`.
fn kinds(report: &Report, id: &str) -> Vec<Kinded> {
    report
        .findings()
        .filter(|f| f.place.field == id)
        .map(|f| (f.severity, f.kind.code(), f.place.path.clone()))
        .collect()
}

#[test]
fn tables_of_the_wrong_shape_are_reported_not_read() {
    use Severity::*;
    let cases: Vec<(&str, Value, Vec<Kinded>)> = vec![
        // Listed rows where fixed rows belong.
        (
            "funding",
            json!({"rows": [{"budget": "100"}]}),
            vec![(Error, "table_shape", None)],
        ),
        (
            "funding",
            json!(100),
            vec![(Error, "table_unreadable", None)],
        ),
        (
            "funding",
            json!("一百万"),
            vec![(Error, "table_unreadable", None)],
        ),
        (
            "funding",
            json!(["100", "85"]),
            vec![(Error, "table_unreadable", None)],
        ),
        (
            "funding",
            json!({"rows": 5}),
            vec![(Error, "table_unreadable", None)],
        ),
        (
            "funding",
            json!({"rows": {"total": {"budget": "100"}}, "extra": 1}),
            vec![(Error, "table_unreadable", None)],
        ),
        (
            "funding",
            json!({"rows": {"total": {"budget": 100}}}),
            vec![(Error, "table_unreadable", None)],
        ),
        (
            "funding",
            json!(true),
            vec![(Error, "table_unreadable", None)],
        ),
        // An empty list of rows is an empty table in either shape: the
        // required table is missing, not misshapen.
        (
            "funding",
            json!({"rows": []}),
            vec![(Error, "missing", None)],
        ),
        ("funding", json!(null), vec![(Error, "missing", None)]),
    ];
    for (id, value, want) in cases {
        let p = hostile("project-selfeval", &[(id, value.clone())]);
        let report = Report::new(&p);
        assert_eq!(kinds(&report, id), want, "{id} = {value}");
        // The file's value is kept as it was.
        assert!(p.entry(id).is_some(), "{id} = {value}: kept");
    }
    // Fixed rows where listed rows belong: misshapen, and computed as the
    // empty table (whose 一级指标 totals of 0 fail their cross-checks just
    // as a new project's do).
    let p = hostile(
        "project-selfeval",
        &[("indicators", json!({"rows": {"total": {"name": "培训"}}}))],
    );
    let mut want = kinds(&Report::new(&project("project-selfeval")), "indicators");
    assert_eq!(want.first(), Some(&(Error, "missing", None)));
    let empty = hostile("project-selfeval", &[("indicators", json!({"rows": {}}))]);
    assert_eq!(
        kinds(&Report::new(&empty), "indicators"),
        want,
        "an empty table"
    );
    want[0] = (Error, "table_shape", None);
    assert_eq!(kinds(&Report::new(&p), "indicators"), want);
}

#[test]
fn values_of_the_wrong_type_and_unknown_fields() {
    use Severity::*;
    let cases: Vec<(&str, Value, Vec<Kinded>)> = vec![
        ("year", json!(2022), vec![(Error, "wrong_type", None)]),
        (
            "project_name",
            json!(["甲", "乙"]),
            vec![(Error, "wrong_type", None)],
        ),
        (
            "project_name",
            json!({"a": 1}),
            vec![(Error, "wrong_type", None)],
        ),
        (
            "project_name",
            json!(false),
            vec![(Error, "wrong_type", None)],
        ),
        (
            "funding_note",
            json!(12.5),
            vec![(Error, "wrong_type", None)],
        ),
        ("project_name", json!("   "), vec![(Error, "missing", None)]),
        (
            "project_name",
            json!("\n\t　"),
            vec![(Error, "missing", None)],
        ),
        ("project_name", json!(null), vec![(Error, "missing", None)]),
        (
            "no_such_field",
            json!("旧内容"),
            vec![(Warning, "orphan", None)],
        ),
        (
            "no_such_field",
            json!({"rows": []}),
            vec![(Warning, "orphan", None)],
        ),
        ("no_such_field", json!(7), vec![(Warning, "orphan", None)]),
    ];
    for (id, value, want) in cases {
        let p = hostile("project-selfeval", &[(id, value.clone())]);
        let report = Report::new(&p);
        assert_eq!(kinds(&report, id), want, "{id} = {value}");
    }
    // A list field (hunan-narrative's duties) holding a number, and one
    // holding whitespace-only items.
    let p = hostile(
        "hunan-narrative",
        &[("duties", json!(3)), ("achievements", json!(["  ", "\n"]))],
    );
    let report = Report::new(&p);
    assert_eq!(kinds(&report, "duties"), vec![(Error, "wrong_type", None)]);
    assert_eq!(
        kinds(&report, "achievements"),
        vec![(Error, "missing", None)]
    );
}

#[test]
fn rows_missing_cells_are_judged_cell_by_cell() {
    use Severity::*;
    // An added row with only its name: the other required cells are
    // missing, each at its own path; a row that is an empty object adds
    // nothing to judge except what is required.
    let p = hostile(
        "project-selfeval",
        &[(
            "indicators",
            json!({"rows": [{"name": "培训党员人次"}, {"level1": "产出指标", "bogus": "x"}]}),
        )],
    );
    let report = Report::new(&p);
    let cell = |row: usize, column: &str| Some(format!("indicators.{row}.{column}"));
    let missing: Vec<_> = kinds(&report, "indicators")
        .into_iter()
        .filter(|(_, kind, _)| *kind == "missing")
        .collect();
    assert_eq!(
        missing,
        vec![
            (Error, "missing", cell(1, "level1")),
            (Error, "missing", cell(1, "level2")),
            (Error, "missing", cell(1, "target")),
            (Error, "missing", cell(1, "weight")),
            (Error, "missing", cell(2, "level2")),
            (Error, "missing", cell(2, "name")),
            (Error, "missing", cell(2, "target")),
            (Error, "missing", cell(2, "weight")),
        ]
    );
    // A fixed row missing every cell, a row the template does not have.
    let p = hostile(
        "project-selfeval",
        &[(
            "funding",
            json!({"rows": {"total": {}, "appropriation": {"budget": "50"}, "nope": {"budget": "1"}}}),
        )],
    );
    let report = Report::new(&p);
    assert_eq!(summary(&report), summary(&Report::new(&p)));
    // Every hostile project above is counted alike by `ziping check`.
    let home = tempfile::tempdir().expect("tempdir");
    agrees_with_check(&p, home.path(), "rows.json");
}

/// Every hostile value at once, in every template that has the field, and
/// checked by the binary: nothing panics and the counts agree.
#[test]
fn hostile_values_everywhere_do_not_panic() {
    let hostile_values = [
        json!(null),
        json!(0),
        json!(-1.5),
        json!(true),
        json!("   "),
        json!("\u{1b}[2J"),
        json!([]),
        json!([""]),
        json!(["甲", 1]),
        json!({}),
        json!({"rows": []}),
        json!({"rows": {}}),
        json!({"rows": 5}),
        json!({"rows": [{}]}),
        json!({"rows": [{"x": "1"}]}),
        json!({"rows": {"x": {"y": "1"}}}),
        json!({"rows": {"total": {"budget": "１００", "actual": "abc", "rate": "99"}}}),
        json!({"rows": [{"name": "甲", "target": "≥", "weight": "-1", "score": "200"}]}),
    ];
    let home = tempfile::tempdir().expect("tempdir");
    for id in TEMPLATES {
        let ids: Vec<String> = template(id).fields().map(|f| f.id.clone()).collect();
        for (n, value) in hostile_values.iter().enumerate() {
            let values: Vec<(&str, Value)> =
                ids.iter().map(|f| (f.as_str(), value.clone())).collect();
            let p = hostile(id, &values);
            let report = Report::new(&p);
            for f in report.findings() {
                assert!(!strings::finding(&f.kind, Lang::En).is_empty());
            }
            if n % 6 == 0 {
                agrees_with_check(&p, home.path(), &format!("{id}-{n}.json"));
            }
        }
    }
}
