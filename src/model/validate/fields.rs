//! The rules a field, table column or summary line sets, checked against its
//! kind and where it is declared.

use crate::model::schema::{Field, Kind};
use crate::model::value;

/// Where a field is declared: its own keys differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Field,
    Column,
    Summary,
}

/// Checks that each rule a field sets makes sense for its kind and place;
/// returns the offending key and a message.
pub(super) fn check_field_rules(field: &Field, place: Place) -> Result<(), (&'static str, String)> {
    let kind = field.kind;
    let placed = |key: &'static str, set: bool, allowed: &[Place], what: &str| {
        if set && !allowed.contains(&place) {
            return Err((key, format!("{key} 只适用于{what}")));
        }
        Ok(())
    };
    placed(
        "formula",
        field.formula.is_some(),
        &[Place::Column, Place::Summary],
        "表格列和汇总行",
    )?;
    placed("editable", field.editable, &[Place::Column], "表格列")?;
    placed("rows", !field.rows.is_empty(), &[Place::Column], "表格列")?;
    if field.editable && field.formula.is_none() {
        return Err(("editable", "editable 只适用于有公式的列".into()));
    }
    if (kind == Kind::Table) != field.table.is_some() {
        return Err(("table", "table 字段要有 table 说明，其他字段不能有".into()));
    }
    let only =
        |key: &'static str, set: bool, allowed: &[Kind]| -> Result<(), (&'static str, String)> {
            if set && !allowed.contains(&kind) {
                let names: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
                return Err((
                    key,
                    format!(
                        "{key} 只适用于 {} 字段，此字段是 {}",
                        names.join("/"),
                        kind.name()
                    ),
                ));
            }
            Ok(())
        };
    only(
        "unit",
        field.unit.is_some(),
        &[Kind::Integer, Kind::Money, Kind::Decimal],
    )?;
    only(
        "decimals",
        field.decimals.is_some(),
        &[Kind::Money, Kind::Percent, Kind::Decimal],
    )?;
    let ranged = [
        Kind::Integer,
        Kind::Money,
        Kind::Percent,
        Kind::Year,
        Kind::Decimal,
    ];
    only("min", field.min.is_some(), &ranged)?;
    only("max", field.max.is_some(), &ranged)?;
    only(
        "max_len",
        field.max_len.is_some(),
        &[Kind::Text, Kind::Narrative, Kind::List],
    )?;
    only("options", !field.options.is_empty(), &[Kind::Choice])?;
    only("numbering", field.numbering.is_some(), &[Kind::List])?;
    if kind == Kind::Choice && field.options.is_empty() {
        return Err(("options", "选择字段至少要有一个选项".into()));
    }
    if kind == Kind::Money && !matches!(field.unit(), "元" | "万元" | "亿元") {
        return Err(("unit", "金额单位应为 元、万元 或 亿元".into()));
    }
    if field.decimals.is_some_and(|d| d > 6) {
        return Err(("decimals", "小数位数不能超过6".into()));
    }
    if let (Some(min), Some(max)) = (field.min, field.max)
        && min > max
    {
        return Err(("min", format!("下限 {min} 大于上限 {max}")));
    }
    if let Some(default) = &field.default
        && let Err(e) = value::parse(field, default)
    {
        let message = crate::strings::value_error(&e, crate::lang::Lang::Zh);
        return Err(("default", format!("默认值不合规：{message}")));
    }
    Ok(())
}
