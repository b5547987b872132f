//! A table's `reading` (how targets and actual values are read): the
//! columns it names exist and have the kind the reading needs, its
//! comparators and tier names are ones the code knows.

use crate::model::reading::Tier;
use crate::model::schema::{Kind, ReadingSpec, SPLIT_TARGET_NAME, TableSpec};
use crate::model::target::Op;

/// Errors carry the JSON path below the table (`reading.defaults.成本指标`).
pub(super) fn check_reading(
    spec: &TableSpec,
    reading: &ReadingSpec,
) -> Result<(), (String, String)> {
    let fail = |key: &str, message: String| Err((format!("reading.{key}"), message));
    match (&reading.target, &reading.split) {
        (Some(_), Some(_)) => {
            return fail(
                "split",
                "target 与 split 只能写一个：指标值在一列，或分成三列".into(),
            );
        }
        (None, None) => {
            return fail(
                "target",
                "请写 target（指标值所在列）或 split（分列）".into(),
            );
        }
        _ => {}
    }
    for (key, id) in reading.columns() {
        let Some(column) = spec.column(id) else {
            return fail(&key, format!("没有 id 为 \"{id}\" 的列"));
        };
        let wanted = match key.as_str() {
            "target" => Some(Kind::Comparator),
            _ => None,
        };
        if let Some(kind) = wanted.filter(|k| column.kind() != *k) {
            return fail(&key, format!("\"{id}\" 应为 {} 类型的列", kind.name()));
        }
        if column.formula.is_some() {
            return fail(
                &key,
                format!("\"{id}\" 是计算列，不能作为填写的指标值或实际完成值"),
            );
        }
    }
    if reading.split.is_some() && spec.column(SPLIT_TARGET_NAME).is_some() {
        return fail(
            "split",
            format!(
                "分列时公式以 {SPLIT_TARGET_NAME} 称呼读出的指标值，本表不能再有 id 为 \"{SPLIT_TARGET_NAME}\" 的列"
            ),
        );
    }
    let symbols = "≥、≤、=、> 或 <";
    if Op::from_symbol(&reading.default).is_none() {
        return fail("default", format!("比较符号应为 {symbols}"));
    }
    for (label, op) in &reading.defaults {
        if Op::from_symbol(op).is_none() {
            return fail(
                &format!("defaults.{label}"),
                format!("比较符号应为 {symbols}"),
            );
        }
    }
    if !reading.defaults.is_empty() && reading.by.is_none() {
        return fail(
            "by",
            "写了 defaults 就要写 by（按哪一列的值取默认比较符号）".into(),
        );
    }
    for name in reading.tiers.keys() {
        if Tier::from_name(name).is_none() {
            let names: Vec<&str> = Tier::ALL.iter().map(|t| t.name()).collect();
            return fail(
                &format!("tiers.{name}"),
                format!("达成程度应为 {}", names.join("、")),
            );
        }
    }
    Ok(())
}
