//! One test per merge rule and per error, on a small base written out here.

use serde_json::{Value, json};

use super::merge;

fn base() -> Value {
    json!({
        "format": "ziping-template", "id": "base", "version": 1, "name": "底",
        "title": ["{unit}"], "closing": ["{unit}"],
        "sections": [
            {"id": "basic", "heading": "基本情况", "fields": [
                {"id": "unit", "label": "单位", "kind": "text"},
                {"id": "staff", "label": "人数", "kind": "integer"}
            ], "sections": [
                {"id": "duty", "heading": "职责", "fields": [
                    {"id": "duty_text", "label": "职责", "kind": "narrative"}
                ]}
            ]},
            {"id": "perf", "heading": "绩效", "fields": [
                {"id": "indicators", "label": "指标", "kind": "table", "table": {
                    "reading": {"target": "target", "actual": "actual"},
                    "columns": [
                        {"id": "name", "label": "三级指标", "kind": "text"},
                        {"id": "target", "label": "年度指标值", "kind": "comparator"},
                        {"id": "actual", "label": "实际完成值", "kind": "text"},
                        {"id": "score", "label": "得分", "kind": "decimal", "formula": "1"}
                    ]}}
            ]}
        ],
        "checks": [
            {"id": "positive", "at": "staff", "assert": "staff > 0", "severity": "error", "message": "m"},
            {"at": "staff", "assert": "true", "severity": "notice", "message": "n"}
        ]
    })
}

fn extend(overrides: Value) -> Value {
    json!({"format": "ziping-template", "id": "mine", "inherits": "base", "overrides": overrides})
}

fn ids(value: &Value, pointer: &str) -> Vec<String> {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|v| v.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

const COLUMNS: &str = "/sections/1/fields/0/table/columns";

#[test]
fn top_level_keys_replace_the_bases_and_null_removes_one() {
    let child = json!({"id": "mine", "inherits": "base", "name": "我的", "closing": null});
    let out = merge(&base(), &child).expect("merges");
    assert_eq!(out["id"], "mine");
    assert_eq!(out["name"], "我的");
    assert_eq!(
        out["version"], 1,
        "what the extension leaves out is the base's"
    );
    assert!(out.get("closing").is_none());
    assert!(out.get("inherits").is_none() && out.get("overrides").is_none());
    assert_eq!(out["sections"], base()["sections"]);
}

#[test]
fn an_override_changes_the_keys_it_names_and_keeps_the_rest() {
    // (override, JSON pointer, expected value there)
    let cases = [
        (
            json!({"section": "duty", "heading": "部门职责"}),
            "/sections/0/sections/0/heading",
            json!("部门职责"),
        ),
        (
            json!({"field": "unit", "hint": "写全称"}),
            "/sections/0/fields/0/hint",
            json!("写全称"),
        ),
        (
            json!({"field": "unit", "hint": "写全称"}),
            "/sections/0/fields/0/label",
            json!("单位"),
        ),
        (
            json!({"column": "indicators.target", "label": "指标值"}),
            "/sections/1/fields/0/table/columns/1/label",
            json!("指标值"),
        ),
        (
            json!({"column": "indicators.score", "formula": "2"}),
            "/sections/1/fields/0/table/columns/3/formula",
            json!("2"),
        ),
        (
            json!({"check": "positive", "severity": "warning"}),
            "/checks/0/severity",
            json!("warning"),
        ),
        // Objects merge key by key: the reading keeps its `actual`.
        (
            json!({"field": "indicators", "table": {"reading": {"by": "name"}}}),
            "/sections/1/fields/0/table/reading",
            json!({"target": "target", "actual": "actual", "by": "name"}),
        ),
        (
            json!({"field": "indicators", "table": {"reading": {"target": null}}}),
            "/sections/1/fields/0/table/reading",
            json!({"actual": "actual"}),
        ),
    ];
    for (change, pointer, expected) in cases {
        let out = merge(&base(), &extend(json!([change]))).expect("merges");
        assert_eq!(out.pointer(pointer), Some(&expected), "{change}");
    }
}

#[test]
fn remove_takes_a_section_field_column_or_check_out() {
    let cases = [
        (
            json!({"section": "duty", "remove": true}),
            "/sections/0/sections",
            vec![],
        ),
        (
            json!({"field": "unit", "remove": true}),
            "/sections/0/fields",
            vec!["staff"],
        ),
        (
            json!({"column": "indicators.target", "remove": true}),
            COLUMNS,
            vec!["name", "actual", "score"],
        ),
        (
            json!({"check": "positive", "remove": true}),
            "/checks",
            vec![],
        ),
    ];
    for (change, pointer, expected) in cases {
        let out = merge(&base(), &extend(json!([change]))).expect("merges");
        assert_eq!(ids(&out, pointer), expected, "{change}");
    }
}

#[test]
fn after_and_before_reorder_among_siblings() {
    let cases = [
        (
            json!({"field": "unit", "after": "staff"}),
            "/sections/0/fields",
            vec!["staff", "unit"],
        ),
        (
            json!({"section": "perf", "before": "basic"}),
            "/sections",
            vec!["perf", "basic"],
        ),
        (
            json!({"column": "indicators.score", "after": "name"}),
            COLUMNS,
            vec!["name", "score", "target", "actual"],
        ),
    ];
    for (change, pointer, expected) in cases {
        let out = merge(&base(), &extend(json!([change]))).expect("merges");
        assert_eq!(ids(&out, pointer), expected, "{change}");
    }
}

#[test]
fn in_moves_a_section_or_field_into_another_section() {
    // A report putting a table's section under its 附表, changed on the way.
    let out = merge(
        &base(),
        &extend(json!([
            {"section": "perf", "in": "basic", "print_heading": false},
            {"field": "staff", "in": "duty", "before": "duty_text"}
        ])),
    )
    .expect("merges");
    assert_eq!(ids(&out, "/sections"), vec!["basic"]);
    assert_eq!(ids(&out, "/sections/0/sections"), vec!["duty", "perf"]);
    assert_eq!(
        out.pointer("/sections/0/sections/1/print_heading"),
        Some(&json!(false))
    );
    assert!(
        out.pointer("/sections/0/sections/1/in").is_none(),
        "in is not set on it"
    );
    assert_eq!(ids(&out, "/sections/0/fields"), vec!["unit"]);
    assert_eq!(
        ids(&out, "/sections/0/sections/0/fields"),
        vec!["staff", "duty_text"]
    );
    // Into a section after it in the same list: the place shifts as it leaves.
    let out = merge(
        &base(),
        &extend(json!([{"section": "basic", "in": "perf"}])),
    )
    .expect("merges");
    assert_eq!(ids(&out, "/sections"), vec!["perf"]);
    assert_eq!(ids(&out, "/sections/0/sections"), vec!["basic"]);
    let cases = [
        (json!({"section": "basic", "in": "duty"}), "不能移入它自己"),
        (json!({"section": "basic", "in": "basic"}), "不能移入它自己"),
        (
            json!({"field": "unit", "in": "nowhere"}),
            "章节 \"nowhere\"",
        ),
        (
            json!({"column": "indicators.name", "in": "basic"}),
            "只能把章节或字段",
        ),
    ];
    for (change, word) in cases {
        let err = merge(&base(), &extend(json!([change]))).expect_err("refused");
        assert!(err.message.contains(word), "{change}: {err}");
    }
}

#[test]
fn new_adds_where_it_is_placed() {
    let cases = [
        (
            json!({"section": "extra", "new": true, "heading": "其他", "fields": []}),
            "/sections",
            vec!["basic", "perf", "extra"],
        ),
        (
            json!({"section": "extra", "new": true, "after": "basic", "heading": "其他"}),
            "/sections",
            vec!["basic", "extra", "perf"],
        ),
        (
            json!({"section": "extra", "new": true, "in": "basic", "heading": "其他"}),
            "/sections/0/sections",
            vec!["duty", "extra"],
        ),
        (
            json!({"field": "phone", "new": true, "in": "basic", "label": "电话", "kind": "text"}),
            "/sections/0/fields",
            vec!["unit", "staff", "phone"],
        ),
        (
            json!({"field": "phone", "new": true, "before": "staff", "label": "电话", "kind": "text"}),
            "/sections/0/fields",
            vec!["unit", "phone", "staff"],
        ),
        (
            json!({"column": "indicators.unit", "new": true, "after": "target", "label": "单位", "kind": "text"}),
            COLUMNS,
            vec!["name", "target", "unit", "actual", "score"],
        ),
        (
            json!({"check": "more", "new": true, "at": "staff", "assert": "true",
                   "severity": "notice", "message": "x"}),
            "/checks",
            vec!["positive", "more"],
        ),
    ];
    for (change, pointer, expected) in cases {
        let out = merge(&base(), &extend(json!([change.clone()]))).expect("merges");
        assert_eq!(ids(&out, pointer), expected, "{change}");
    }
    let out = merge(
        &base(),
        &extend(json!([{"field": "phone", "new": true, "in": "basic", "label": "电话", "kind": "text"}])),
    )
    .expect("merges");
    assert_eq!(
        out.pointer("/sections/0/fields/2"),
        Some(&json!({"id": "phone", "label": "电话", "kind": "text"})),
        "the control keys are not part of what is added"
    );
}

#[test]
fn overrides_apply_in_order_each_seeing_the_one_before() {
    let out = merge(
        &base(),
        &extend(json!([
            {"column": "indicators.unit", "new": true, "after": "target", "label": "单位", "kind": "text"},
            {"column": "indicators.unit", "label": "度量单位"}
        ])),
    )
    .expect("merges");
    assert_eq!(
        out.pointer("/sections/1/fields/0/table/columns/2/label"),
        Some(&json!("度量单位"))
    );
}

#[test]
fn checks_are_appended_or_replace_the_one_with_their_id() {
    let child = json!({"id": "mine", "inherits": "base", "checks": [
        {"id": "positive", "at": "staff", "assert": "staff >= 0", "severity": "error", "message": "m2"},
        {"at": "unit", "assert": "true", "severity": "notice", "message": "n2"}
    ]});
    let out = merge(&base(), &child).expect("merges");
    let messages: Vec<&str> = out["checks"]
        .as_array()
        .map(|list| list.iter().filter_map(|c| c["message"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(messages, ["m2", "n", "n2"]);
}

#[test]
fn an_override_that_names_nothing_is_an_error_naming_both_templates_and_the_path() {
    let cases = [
        (json!({"section": "nope", "heading": "x"}), "章节 \"nope\""),
        (json!({"field": "nope", "label": "x"}), "字段 \"nope\""),
        (
            json!({"column": "indicators.nope", "label": "x"}),
            "列 \"indicators.nope\"",
        ),
        (
            json!({"column": "nope.target", "label": "x"}),
            "列 \"nope.target\"",
        ),
        (
            json!({"column": "indicators", "label": "x"}),
            "列 \"indicators.\"",
        ),
        (json!({"check": "nope", "remove": true}), "检查 \"nope\""),
        (json!({"field": "nope", "remove": true}), "字段 \"nope\""),
        (
            json!({"column": "nope.unit", "new": true, "label": "x", "kind": "text"}),
            "表格字段 \"nope\"",
        ),
        (
            json!({"field": "phone", "new": true, "in": "nope", "label": "x", "kind": "text"}),
            "章节 \"nope\"",
        ),
    ];
    for (change, named) in cases {
        let overrides = json!([{"field": "unit", "label": "单位名称"}, change]);
        let err = merge(&base(), &extend(overrides)).expect_err("names nothing");
        assert_eq!(err.place, "overrides[1]", "{change}");
        for word in ["\"base\"", "\"mine\"", named] {
            assert!(err.message.contains(word), "{change}: {err} lacks {word}");
        }
    }
}

#[test]
fn other_mistakes_in_an_override_are_errors_at_it() {
    let cases = [
        (json!({"field": "unit", "new": true, "label": "x"}), "已有"),
        (json!({"field": "unit", "after": "nope"}), "\"nope\""),
        (
            json!({"field": "unit", "after": "duty_text"}),
            "不在同一列表",
        ),
        (json!({"label": "x"}), "section、field、column、check"),
        (json!({"field": "unit", "section": "basic"}), "只用"),
        (
            json!({"field": "phone", "new": true, "label": "x"}),
            "\"in\"",
        ),
        (json!("unit"), "JSON 对象"),
    ];
    for (change, word) in cases {
        let err = merge(&base(), &extend(json!([change]))).expect_err("refused");
        assert_eq!(err.place, "overrides[0]", "{change}");
        assert!(err.message.contains(word), "{change}: {err}");
    }
    let err = merge(&base(), &json!({"id": "mine", "overrides": {}})).expect_err("not a list");
    assert_eq!(err.place, "overrides");
}
