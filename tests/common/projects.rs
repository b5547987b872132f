//! Projects the export tests print: the sample with its 落款 filled, and a
//! 项目支出 project with both tables.

#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use crate::locale::run_in as run;
use ziping::export::blocks::{Block, blocks};
use ziping::export::form::Form;
use ziping::model::report::Report;

/// The sample copied into `home` with its 落款 date set (the sample has
/// none, and an unfinished 落款 is left out).
pub fn sample(home: &Path) -> String {
    let file = home.join("s.json");
    fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample-data/changning-2022.json"
        ),
        &file,
    )
    .unwrap();
    let set = run(home, &["set", "s.json", "report_date", "2023-04-06"]);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    "s.json".to_string()
}

/// A 项目支出 project with both tables: two 数量指标 rows under one
/// 产出指标 (一级 and 二级 cells merged down), a 小计, 总分 and 等级.
const FILLED: [(&str, &str); 17] = [
    ("project_name", "党员教育培训"),
    ("year", "2022"),
    ("unit", "中共常宁市委组织部"),
    ("funding.total.initial", "100"),
    ("funding.total.budget", "100.00"),
    ("funding.total.actual", "85.00"),
    ("indicators.1.level1", "产出指标"),
    ("indicators.1.level2", "数量指标"),
    ("indicators.1.name", "培训党员人次"),
    ("indicators.1.target", "≥50个"),
    ("indicators.1.actual", "40个"),
    ("indicators.1.weight", "50"),
    ("indicators.2.level1", "产出指标"),
    ("indicators.2.level2", "数量指标"),
    ("indicators.2.name", "培训人数"),
    ("indicators.2.target", "≥20人"),
    ("indicators.2.weight", "10"),
];

pub fn tables_project(home: &Path) -> String {
    let new = run(home, &["new", "--template", "project-selfeval", "p.json"]);
    assert_eq!(new.code, Some(0), "{}", new.stderr);
    let mut args = vec!["set", "p.json"];
    for (path, value) in FILLED {
        args.extend([path, value]);
    }
    let set = run(home, &args);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    "p.json".to_string()
}

/// The project's tables as the export lays them out.
pub fn forms(file: &Path) -> Vec<Form> {
    let project = ziping::storage::read_project(file).unwrap();
    let report = Report::new(&project);
    blocks(&project, &report)
        .into_iter()
        .filter_map(|block| match block {
            Block::Table { form, .. } => Some(form),
            _ => None,
        })
        .collect()
}
