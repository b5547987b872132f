use super::*;
use crate::catalog;
use crate::model::cell_path::assign;
use crate::model::project::Project;
use crate::model::report::Report;

/// A 项目支出 project with `rows` of (一级, 二级, 三级, 分值).
fn indicators(rows: &[(&str, &str, &str, &str)]) -> Project {
    let mut p = catalog::new_project("project-selfeval");
    for (n, (l1, l2, name, weight)) in rows.iter().enumerate() {
        for (column, text) in [
            ("level1", l1),
            ("level2", l2),
            ("name", name),
            ("weight", weight),
        ] {
            let path = format!("indicators.{}.{column}", n + 1);
            assign(&mut p, &path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    p
}

fn form_of(p: &Project, id: &str) -> Form {
    let report = Report::new(p);
    let table = report
        .table(&p.template, id)
        .unwrap_or_else(|| panic!("{id}"));
    form(table)
}

/// Each row as `text@column+columns×rows` of the cells starting in it.
fn layout(form: &Form) -> Vec<String> {
    form.rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .filter(|c| !c.text.is_empty() || c.columns * c.rows > 1)
                .map(|c| format!("{}@{}+{}x{}", c.text, c.column, c.columns, c.rows))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn groups_span_their_rows_and_their_subtotal_and_equal_subgroups_merge() {
    let p = indicators(&[
        ("产出指标", "数量指标", "培训党员人次", "30"),
        ("效益指标", "社会效益指标", "知晓率", "30"),
        ("产出指标", "数量指标", "培训场次", "10"),
        ("产出指标", "时效指标", "按时完成率", "10"),
    ]);
    let form = form_of(&p, "indicators");
    assert_eq!(form.caption.as_deref(), Some("绩效指标"));
    let rows = layout(&form);
    // Columns: 一级 0, 二级 1, 三级 2, 指标值 3, 完成值 4, 分值 5, 得分 6, 偏差 7.
    // The rows of 产出指标 come together in template order of the groups,
    // in the order typed within the group.
    assert_eq!(
        rows[1],
        "产出指标@0+1x4 数量指标@1+1x2 培训党员人次@2+1x1 30.00@5+1x1"
    );
    assert_eq!(rows[2], "培训场次@2+1x1 10.00@5+1x1");
    assert_eq!(rows[3], "时效指标@1+1x1 按时完成率@2+1x1 10.00@5+1x1");
    // 小计 beside the group's cell, up to the first subtotal column (分值).
    assert_eq!(rows[4], "小计@1+4x1 50.00@5+1x1 0.00@6+1x1");
    assert_eq!(
        rows[5],
        "效益指标@0+1x2 社会效益指标@1+1x1 知晓率@2+1x1 30.00@5+1x1"
    );
    assert_eq!(rows[6], "小计@1+4x1 30.00@5+1x1 0.00@6+1x1");
    // 总分 over 分值 to 得分; blank: no scores yet.
    assert_eq!(rows[7], "总分@0+5x1 @5+2x1");
    assert_eq!(rows[8], "自评等级@0+5x1 @5+2x1");
    assert_eq!(form.rows[4].title, "产出指标小计");
    assert_eq!(form.rows[4].kind, RowKind::Subtotal);
}

#[test]
fn every_place_is_covered_by_exactly_one_cell() {
    let p = indicators(&[
        ("产出指标", "数量指标", "甲", "10"),
        ("", "", "未分组", "5"),
        ("产出指标", "数量指标", "乙", "10"),
    ]);
    for id in ["funding", "goal", "indicators"] {
        let form = form_of(&p, id);
        let mut seen = vec![vec![0; form.columns.len()]; form.rows.len()];
        for (r, row) in form.rows.iter().enumerate() {
            for cell in &row.cells {
                for line in seen.iter_mut().skip(r).take(cell.rows) {
                    for place in line.iter_mut().skip(cell.column).take(cell.columns) {
                        *place += 1;
                    }
                }
            }
        }
        assert!(seen.iter().flatten().all(|&n| n == 1), "{id}: {seen:?}");
    }
}

#[test]
fn the_funding_block_has_its_label_over_the_whole_table_as_the_form_prints_it() {
    let mut p = catalog::new_project("project-selfeval");
    assign(&mut p, "funding.total.budget", "100").expect("budget");
    let form = form_of(&p, "funding");
    assert_eq!(form.caption, None);
    let rows = layout(&form);
    assert_eq!(
        rows[0],
        "项目资金（万元）@0+1x5 年初预算数@2+1x1 全年预算数（A）@3+1x1 全年执行数（B）@4+1x1 \
         分值@5+1x1 执行率（B/A）@6+1x1 得分@7+1x1"
    );
    assert_eq!(rows[1], "年度资金总额@1+1x1 100.00@3+1x1 10.00@5+1x1");
    assert_eq!(rows[2], "其中：本年财政拨款@1+1x1 —@5+1x1 —@6+1x1 —@7+1x1");
    // One row: no column of row labels, the table's label names it.
    let goal = layout(&form_of(&p, "goal"));
    assert_eq!(
        goal[0],
        "年度总体目标@0+1x2 预期目标@1+1x1 实际完成情况@2+1x1"
    );
}
