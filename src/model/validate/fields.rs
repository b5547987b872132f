//! The rules a field, table column or summary line sets, checked against
//! where it is declared and for the values they hold. Which keys a kind may
//! have is not checked here: a [`crate::model::schema::FieldKind`] variant
//! has no place for another kind's keys, so loading refuses them.

use crate::model::schema::{Bounds, Field, Kind};
use crate::model::value;

/// The role a field is declared in (a field, a table column, a summary
/// line): the keys it may have differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Field,
    Column,
    Summary,
}

/// Checks that each rule a field sets makes sense for its place and value;
/// returns the offending key and a message.
pub(super) fn check_field_rules(field: &Field, place: Role) -> Result<(), (&'static str, String)> {
    let kind = field.kind();
    let placed = |key: &'static str, set: bool, allowed: &[Role], what: &str| {
        if set && !allowed.contains(&place) {
            return Err((key, format!("{key} 只适用于{what}")));
        }
        Ok(())
    };
    placed(
        "formula",
        field.formula.is_some(),
        &[Role::Column, Role::Summary],
        "表格列和汇总行",
    )?;
    placed("editable", field.editable, &[Role::Column], "表格列")?;
    placed("rows", !field.rows.is_empty(), &[Role::Column], "表格列")?;
    placed(
        "deduction",
        field.deduction.is_some(),
        &[Role::Column],
        "表格列",
    )?;
    // A cell holds one text: a list of choices or a row of boxes is a
    // field's, on a cover.
    placed(
        "multiple",
        field.is_multiple(),
        &[Role::Field],
        "字段（不适用于表格的列）",
    )?;
    placed(
        "boxes",
        field.has_boxes(),
        &[Role::Field],
        "字段（不适用于表格的列）",
    )?;
    if field.editable && field.formula.is_none() {
        return Err(("editable", "editable 只适用于有公式的列".into()));
    }
    if field.deduction.is_some() && !(field.editable && kind.is_number()) {
        return Err((
            "deduction",
            "deduction 只适用于可填写（editable）的数值公式列".into(),
        ));
    }
    if kind == Kind::Choice && field.options().is_empty() {
        return Err(("options", "选择字段至少要有一个选项".into()));
    }
    if kind == Kind::Money && !matches!(field.unit(), "元" | "万元" | "亿元") {
        return Err(("unit", "金额单位应为 元、万元 或 亿元".into()));
    }
    if field.decimals() > 6 {
        return Err(("decimals", "小数位数不能超过6".into()));
    }
    if let Bounds {
        min: Some(min),
        max: Some(max),
    } = field.bounds()
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
