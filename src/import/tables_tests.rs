//! A document's funding table into the narrative template's funding block:
//! nothing a document's table holds is put in two places, or lost.

use super::fill;
use crate::catalog::new_project;
use crate::model::cell_path::listing;
use crate::model::held::HeldReason;
use crate::model::project::Project;

fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The funding block's typed cells, `row.column=value`, in order.
fn funding(project: &Project) -> Vec<String> {
    listing(project)
        .into_iter()
        .filter(|l| l.path.starts_with("funding.") && !l.value.is_empty())
        .filter(|l| {
            ["initial", "budget", "actual"]
                .iter()
                .any(|c| l.path.ends_with(c))
        })
        .map(|l| format!("{}={}", &l.path["funding.".len()..], l.value))
        .collect()
}

/// The narrative template's project with a funding table of `rows` under
/// the document's header (no 年初预算数 column) read into it.
fn read_funding(rows: &[&[&str]]) -> (Project, super::Filled) {
    let mut project = new_project("hunan-narrative");
    let header: &[&str] = &[
        "年度资金（万元）",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率（B/A）",
        "得分",
    ];
    let rows: Vec<&[&str]> = std::iter::once(header)
        .chain(rows.iter().copied())
        .collect();
    let filled = fill(&mut project, vec![(table(&rows), None)]);
    (project, filled)
}

#[test]
fn a_document_column_goes_to_one_column_and_a_row_to_one_row() {
    let (project, filled) = read_funding(&[
        &["年度资金总额", "1200", "1180", "10", "98.3%", "9.8"],
        &["其中：本年财政拨款", "1000", "990", "", "", ""],
        &["年度资金总额", "1300", "1250", "10", "", ""],
    ]);
    // 全年预算数 is like 年初预算数 too, but it is 全年预算数（A）'s: the
    // 年初预算数 column stays empty rather than repeating it.
    assert_eq!(
        funding(&project),
        [
            "total.budget=1200",
            "total.actual=1180",
            "appropriation.budget=1000",
            "appropriation.actual=990",
        ]
    );
    // The second 年度资金总额 row overwrote the first before; now it is
    // held, as the document had it.
    let held: Vec<_> = filled
        .held
        .iter()
        .filter(|h| h.reason == HeldReason::TableRest)
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(held, ["年度资金总额\t1300\t1250\t10\t\t"]);
}

#[test]
fn an_empty_row_before_its_filled_twin_holds_nothing_back() {
    let (project, filled) = read_funding(&[
        &["年度资金总额", "", "", "", "", ""],
        &["年度资金总额", "1200", "1180", "10", "", ""],
    ]);
    assert_eq!(
        funding(&project),
        ["total.budget=1200", "total.actual=1180"]
    );
    assert!(filled.held.is_empty(), "{:?}", filled.held);
}

/// 年初预算数 loses 全年预算数 to 全年预算数（A）; a data row labelled 预算数
/// is like it too, but a data row is no header: the rows stay rows.
#[test]
fn a_column_left_without_a_header_takes_no_data_row_for_one() {
    let (project, filled) = read_funding(&[
        &["年度资金总额", "1200", "1180", "10", "", ""],
        &["预算数", "5", "5", "", "", ""],
    ]);
    assert_eq!(
        funding(&project),
        ["total.budget=1200", "total.actual=1180"]
    );
    assert!(
        filled.held.iter().any(|h| h.text == "预算数\t5\t5\t\t\t"),
        "{:?}",
        filled.held
    );
}
