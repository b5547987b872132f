//! `ziping roll`: last year's project as the start of this year's — the
//! year set, the year's figures and dates cleared and kept under
//! `previous`, the text kept and marked 沿用去年, the tables' rows and
//! targets kept; the old file untouched, -o never overwritten.

#![allow(clippy::unwrap_used)]

#[path = "common/locale.rs"]
mod locale;

use std::path::Path;

use locale::{check_json, run_in};
use serde_json::Value;

fn ok(home: &Path, args: &[&str]) -> String {
    let run = run_in(home, args);
    assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
    run.stdout
}

fn json(file: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[test]
fn the_sample_rolls_into_next_year_with_its_text_marked() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let old = h.join("2022.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/changning-2022.json"),
        &old,
    )
    .unwrap();
    let before = std::fs::read(&old).unwrap();
    let said = ok(
        h,
        &["roll", "2022.json", "--year", "2023", "-o", "2023.json"],
    );
    assert!(said.contains("2023年度"), "{said}");
    assert_eq!(
        std::fs::read(&old).unwrap(),
        before,
        "the old file is untouched"
    );
    let new = json(&h.join("2023.json"));
    let old_json = json(&old);
    assert_eq!(new["values"]["year"], "2023");
    assert_eq!(new["previous"]["year"], "2022");
    for id in [
        "preamble",
        "duties",
        "achievements",
        "problems_text",
        "measures_list",
    ] {
        assert_eq!(new["values"][id], old_json["values"][id], "{id} kept");
    }
    let carried: Vec<&str> = new["carried"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        carried.contains(&"achievements") && carried.contains(&"preamble"),
        "{carried:?}"
    );
    // The marks are notices in check, one per text kept.
    let (_, check) = check_json(&h.join("2023.json"), h);
    let marked: Vec<&str> = check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "carried")
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(marked, carried);
    assert!(
        check["problems"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["kind"] != "carried" || p["severity"] == "notice")
    );
    // Setting a field is editing it: its mark goes.
    ok(h, &["set", "2023.json", "problems_text", "今年的问题。"]);
    let (_, check) = check_json(&h.join("2023.json"), h);
    let still: Vec<&Value> = check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "carried" && p["field"] == "problems_text")
        .collect();
    assert!(still.is_empty(), "{check}");
    // Never over an existing file.
    let again = run_in(
        h,
        &["roll", "2022.json", "--year", "2024", "-o", "2023.json"],
    );
    assert_eq!(again.code, Some(2));
    assert!(again.stderr.contains("不会覆盖"), "{}", again.stderr);
    assert_eq!(json(&h.join("2023.json"))["values"]["year"], "2023");
}

#[test]
fn tables_keep_their_rows_and_targets_and_lose_the_years_figures() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    ok(h, &["new", "--template", "project-selfeval", "p.json"]);
    ok(
        h,
        &[
            "set",
            "p.json",
            "year",
            "2022",
            "funding.total.initial",
            "100",
            "funding.total.budget",
            "120",
            "funding.total.actual",
            "110",
            "indicators.1.level1",
            "产出指标",
            "indicators.1.level2",
            "数量指标",
            "indicators.1.name",
            "培训党员人次",
            "indicators.1.target",
            "≥50个",
            "indicators.1.actual",
            "40个",
            "indicators.1.weight",
            "50",
            "indicators.1.score",
            "35",
            "indicators.1.reason",
            "疫情影响",
        ],
    );
    ok(h, &["roll", "p.json", "--year", "2023", "-o", "q.json"]);
    let q = json(&h.join("q.json"));
    let values = &q["values"];
    assert_eq!(values["year"], "2023");
    assert_eq!(
        values["funding"]["rows"],
        serde_json::json!({}),
        "budgets and 执行数 cleared"
    );
    let row = &values["indicators"]["rows"][0];
    assert_eq!(
        row,
        &serde_json::json!({
            "level1": "产出指标", "level2": "数量指标", "name": "培训党员人次",
            "target": "≥50个", "weight": "50"
        }),
        "structure, target and weight kept; actual, score and reason cleared"
    );
    let previous = &q["previous"];
    for (path, value) in [
        ("funding.total.initial", "100"),
        ("funding.total.budget", "120"),
        ("funding.total.actual", "110"),
        ("indicators.1.actual", "40个"),
        ("indicators.1.score", "35"),
        ("indicators.1.reason", "疫情影响"),
    ] {
        assert_eq!(previous[path], value, "{path} kept under previous");
    }
    // Listed by fields, never exported.
    let fields = ok(h, &["fields", "q.json"]);
    assert!(
        fields.contains("previous.indicators.1.actual\tprevious\t"),
        "{fields}"
    );
    let text = ok(h, &["export", "q.json"]);
    assert!(
        !text.contains("40个") && !text.contains("疫情影响"),
        "{text}"
    );
}

#[test]
fn last_years_year_in_text_kept_from_last_year_is_a_notice_until_edited() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/changning-2022.json"),
        h.join("2022.json"),
    )
    .unwrap();
    ok(
        h,
        &["roll", "2022.json", "--year", "2023", "-o", "2023.json"],
    );
    let last_year = |file: &str| -> Vec<(String, String)> {
        let (_, check) = check_json(&h.join(file), h);
        check["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] == "last_year")
            .map(|p| {
                assert_eq!(p["severity"], "notice", "{p}");
                let message = p["message"].as_str().unwrap().to_string();
                (p["field"].as_str().unwrap().to_string(), message)
            })
            .collect()
    };
    // The 导语 says 现将2022年预算支出绩效评价情况汇报如下: last year's own
    // year, now likely this year's. Not in last year's own report.
    let found = last_year("2023.json");
    let preamble: Vec<_> = found.iter().filter(|(f, _)| f == "preamble").collect();
    assert_eq!(preamble.len(), 1, "{found:?}");
    assert!(preamble[0].1.contains("“2022年”"), "{}", preamble[0].1);
    // 主要成效 names 2022 eleven times: one notice for the field, not eleven.
    let achievements = found.iter().filter(|(f, _)| f == "achievements").count();
    assert_eq!(achievements, 1, "{found:?}");
    assert!(last_year("2022.json").is_empty());
    // Edited, the text is this year's: no longer looked at.
    ok(
        h,
        &[
            "set",
            "2023.json",
            "preamble",
            "现将2022年的经验和2023年预算支出绩效评价情况汇报如下：",
        ],
    );
    assert!(
        last_year("2023.json").iter().all(|(f, _)| f != "preamble"),
        "{:?}",
        last_year("2023.json")
    );
}
