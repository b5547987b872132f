//! The groups of a table whose rows the writer adds (一级指标), as the
//! table has them: every label written in the group column is a group, the
//! template's own first (in its order), then the others as they appear. No
//! group is required because the template lists it, and a group's weight is
//! what the table states — `产出指标（70分）` in its label, or a 一级分值
//! column — or else the sum of its rows' weights. The template's weight is
//! only a hint: real tables weigh 产出 70 / 效益 20 as often as 50 / 30.

use rust_decimal::Decimal;

use super::schema::{Groups, TableSpec};
use super::text::leading_number;

/// Where a group's weight comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightSource {
    /// Written in the group's label: `产出指标（70分）`.
    Label,
    /// The table's group-weight column (一级分值).
    Column,
    /// Not stated: the sum of the group's rows.
    Rows,
}

#[derive(Debug, Clone)]
pub struct GroupSheet {
    /// The label without its stated weight.
    pub name: String,
    /// The weight in force: as stated, or the sum of the rows' weights;
    /// `None` where neither is known (no weight column declared).
    pub weight: Option<Decimal>,
    pub source: WeightSource,
    /// The template's usual weight for a group of this name.
    pub hint: Option<Decimal>,
    /// Indexes of the group's rows.
    pub rows: Vec<usize>,
    /// Other weights its rows state (`产出指标（70分）` on one row,
    /// `产出指标（60分）` on another): the first one counts, these are
    /// reported.
    pub conflicts: Vec<Decimal>,
}

/// What one row says about its group.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowGroup<'a> {
    /// The group cell as typed.
    pub label: &'a str,
    /// The row's value in the group-weight column, if any.
    pub stated: Option<Decimal>,
    /// The row's own weight (分值).
    pub weight: Option<Decimal>,
}

/// A group label and the weight it states: `产出指标（70分）` is 产出指标
/// weighing 70; `(70)`, `（分值70）`, `（权重：70分）` are read the same. A
/// bracket that is not a weight stays part of the name.
pub fn split_label(label: &str) -> (&str, Option<Decimal>) {
    let label = label.trim();
    let Some(inner) = label.strip_suffix('）').or_else(|| label.strip_suffix(')')) else {
        return (label, None);
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return (label, None);
    };
    let bracket = &inner[open..];
    let content = bracket
        .trim_start_matches(['（', '('])
        .trim_start_matches("分值")
        .trim_start_matches("权重")
        .trim_start_matches(['：', ':'])
        .trim();
    let number = content.strip_suffix('分').unwrap_or(content).trim();
    match leading_number(number) {
        Some((weight, rest)) if rest.is_empty() && weight >= Decimal::ZERO => {
            (inner[..open].trim_end(), Some(weight))
        }
        _ => (label, None),
    }
}

/// The groups of a table's `count` rows, where `cell(row, column)` is a
/// cell's text and figure: labels from the group column, weights as the
/// table states them or as its rows add up.
pub fn of_rows<'a>(
    spec: &TableSpec,
    groups: &Groups,
    count: usize,
    cell: impl Fn(usize, usize) -> (&'a str, Option<Decimal>),
) -> Vec<GroupSheet> {
    let at = |id: Option<&str>| id.and_then(|id| spec.columns.iter().position(|c| c.id == id));
    let label = at(Some(&groups.column));
    let stated = at(groups.group_weight_column.as_deref());
    let weight = at(groups.weight_column.as_deref());
    let said: Vec<RowGroup> = (0..count)
        .map(|r| RowGroup {
            label: label.map_or("", |i| cell(r, i).0),
            stated: stated.and_then(|i| cell(r, i).1),
            weight: weight.and_then(|i| cell(r, i).1),
        })
        .collect();
    collect(groups, &said)
}

/// The groups the rows make, declared ones first.
pub fn collect(groups: &Groups, rows: &[RowGroup]) -> Vec<GroupSheet> {
    let mut out: Vec<GroupSheet> = Vec::new();
    let declared = groups.items.iter().map(|g| g.name.as_str());
    let written = rows.iter().map(|r| split_label(r.label).0);
    for name in declared.chain(written) {
        if name.is_empty() || out.iter().any(|g| g.name == name) {
            continue;
        }
        let members: Vec<usize> = (0..rows.len())
            .filter(|&r| split_label(rows[r].label).0 == name)
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push(group(groups, name, members, rows));
    }
    out
}

fn group(groups: &Groups, name: &str, members: Vec<usize>, rows: &[RowGroup]) -> GroupSheet {
    let mut stated: Vec<(Decimal, WeightSource)> = Vec::new();
    for &r in &members {
        if let Some(w) = rows[r].stated {
            stated.push((w, WeightSource::Column));
        }
        if let Some(w) = split_label(rows[r].label).1 {
            stated.push((w, WeightSource::Label));
        }
    }
    let summed = || {
        groups
            .weight_column
            .as_ref()
            .map(|_| members.iter().filter_map(|&r| rows[r].weight).sum())
    };
    let (weight, source) = match stated.first() {
        Some(&(w, source)) => (Some(w), source),
        None => (summed(), WeightSource::Rows),
    };
    let mut conflicts: Vec<Decimal> = Vec::new();
    for &(w, _) in &stated {
        if Some(w) != weight && !conflicts.contains(&w) {
            conflicts.push(w);
        }
    }
    GroupSheet {
        name: name.to_string(),
        weight,
        source,
        hint: groups
            .items
            .iter()
            .find(|g| g.name == name)
            .and_then(|g| g.weight),
        rows: members,
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn a_label_states_its_weight_in_brackets() {
        let cases = [
            ("产出指标（70分）", "产出指标", Some("70")),
            ("产出指标 (70分)", "产出指标", Some("70")),
            ("效益指标（20）", "效益指标", Some("20")),
            ("满意度指标（分值10）", "满意度指标", Some("10")),
            ("决策（权重：15.5分）", "决策", Some("15.5")),
            ("产出指标", "产出指标", None),
            ("效益指标（社会）", "效益指标（社会）", None),
            ("效益指标（）", "效益指标（）", None),
            ("（70分）", "", Some("70")),
        ];
        for (label, name, weight) in cases {
            assert_eq!(split_label(label), (name, weight.map(d)), "{label}");
        }
    }

    fn groups(weights: &[(&str, u32)], group_column: bool) -> Groups {
        let items: Vec<serde_json::Value> = weights
            .iter()
            .map(|(n, w)| serde_json::json!({"name": n, "weight": w}))
            .collect();
        let mut json = serde_json::json!({
            "column": "level1", "items": items, "weight_column": "weight"});
        if group_column {
            json["group_weight_column"] = "level1_weight".into();
        }
        serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn row<'a>(label: &'a str, stated: Option<&str>, weight: &str) -> RowGroup<'a> {
        RowGroup {
            label,
            stated: stated.map(d),
            weight: Some(d(weight)),
        }
    }

    /// (name, weight, source, hint, rows, conflicts) of each group.
    type Seen = (
        String,
        Option<Decimal>,
        WeightSource,
        Option<Decimal>,
        Vec<usize>,
        Vec<Decimal>,
    );

    fn seen(groups: &Groups, rows: &[RowGroup]) -> Vec<Seen> {
        collect(groups, rows)
            .into_iter()
            .map(|g| (g.name, g.weight, g.source, g.hint, g.rows, g.conflicts))
            .collect()
    }

    #[test]
    fn groups_are_those_the_table_has_with_the_weights_it_states() {
        let national = groups(
            &[("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)],
            true,
        );
        use WeightSource::*;
        // 70/20/10 by their rows; no 满意度 row, so no 满意度 group; an
        // undeclared group after the declared ones.
        let rows = [
            row("效益指标", None, "20"),
            row("产出指标", None, "40"),
            row("产出指标", None, "30"),
            row("预算执行率", None, "10"),
        ];
        assert_eq!(
            seen(&national, &rows),
            vec![
                (
                    "产出指标".into(),
                    Some(d("70")),
                    Rows,
                    Some(d("50")),
                    vec![1, 2],
                    vec![]
                ),
                (
                    "效益指标".into(),
                    Some(d("20")),
                    Rows,
                    Some(d("30")),
                    vec![0],
                    vec![]
                ),
                (
                    "预算执行率".into(),
                    Some(d("10")),
                    Rows,
                    None,
                    vec![3],
                    vec![]
                ),
            ]
        );
        // Stated in the label (on any of its rows) or in the 一级分值
        // column; a second, different statement is a conflict.
        let rows = [
            row("产出指标（70分）", None, "40"),
            row("产出指标", None, "20"),
            row("效益指标", Some("20"), "20"),
            row("效益指标（25分）", None, "5"),
        ];
        assert_eq!(
            seen(&national, &rows),
            vec![
                (
                    "产出指标".into(),
                    Some(d("70")),
                    Label,
                    Some(d("50")),
                    vec![0, 1],
                    vec![]
                ),
                (
                    "效益指标".into(),
                    Some(d("20")),
                    Column,
                    Some(d("30")),
                    vec![2, 3],
                    vec![d("25")]
                ),
            ]
        );
        // A blank label is in no group.
        assert!(seen(&national, &[row(" ", None, "5")]).is_empty());
    }
}
