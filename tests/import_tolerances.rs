//! What real documents do to headings, each in a small document of its
//! own, read into the Hunan narrative template: the values a clerk would
//! expect in each field, and nothing lost.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use ziping::catalog;
use ziping::import::{Imported, Summary, import, read};
use ziping::model::held::HeldReason;
use ziping::model::project::Entry;

fn imported_as(name: &str, text: &str) -> Imported {
    let (entries, _) = catalog::load(None);
    let templates: Vec<_> = entries.into_iter().map(|a| a.template).collect();
    let pieces = read(Path::new(name), text.as_bytes()).unwrap();
    import(&pieces, &templates, false, "2024-01-01T00:00:00Z").unwrap()
}

fn imported(text: &str) -> Imported {
    imported_as("去年.txt", text)
}

fn text(i: &Imported, id: &str) -> String {
    match i.project.entry(id) {
        Some(Entry::Text(s)) => s.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

fn items(i: &Imported, id: &str) -> Vec<String> {
    match i.project.entry(id) {
        Some(Entry::Items(v)) => v.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

/// The headings of the template, numbered as `numbers` say, over the same
/// paragraphs.
fn document(top: [&str; 4], second: [&str; 3]) -> String {
    format!(
        "某某局2023年度部门整体支出绩效目标自评报告\n\
         现将2023年预算支出绩效评价情况汇报如下：\n\
         {}基本情况\n{}机构人员情况\n本局内设机构3个。\n{}部门职责\n1、负责甲。\n2、负责乙。\n\
         {}项目实施情况和主要成效\n{}部门整体支出绩效情况\n严格执行预算。\n1、抓学习。\n\
         {}存在的主要问题\n预算准确率有待提高。\n{}改进措施和有关建议\n（一）减少结余。\n（二）合理安排。\n",
        top[0], second[0], second[1], top[1], second[2], top[2], top[3]
    )
}

/// The document numbered as GB/T 9704 writes it: 一、 and （一）.
fn standard() -> String {
    document(
        ["一、", "二、", "三、", "四、"],
        ["（一）", "（二）", "（一）"],
    )
}

fn assert_read_whole(i: &Imported, case: &str) {
    assert_eq!(i.summary.template_id, "hunan-narrative", "{case}");
    assert_eq!(text(i, "unit"), "某某局", "{case}");
    assert_eq!(text(i, "year"), "2023", "{case}");
    assert_eq!(
        text(i, "preamble"),
        "现将2023年预算支出绩效评价情况汇报如下：",
        "{case}"
    );
    assert_eq!(text(i, "organisation_text"), "本局内设机构3个。", "{case}");
    assert_eq!(items(i, "duties"), ["负责甲。", "负责乙。"], "{case}");
    assert_eq!(text(i, "overall_summary"), "严格执行预算。", "{case}");
    assert_eq!(items(i, "achievements"), ["抓学习。"], "{case}");
    assert_eq!(text(i, "problems_text"), "预算准确率有待提高。", "{case}");
    assert_eq!(
        items(i, "measures_list"),
        ["减少结余。", "合理安排。"],
        "{case}"
    );
    assert!(
        i.project.unplaced.is_empty(),
        "{case}: {:?}",
        i.project.unplaced
    );
    assert!(
        i.project.headings.is_empty(),
        "{case}: {:?}",
        i.project.headings
    );
}

#[test]
fn numbering_as_the_standard_writes_it() {
    let doc = standard();
    assert_read_whole(&imported(&doc), "standard");
}

#[test]
fn numbering_different_or_missing() {
    let cases = [
        (
            "1、",
            ["1、", "2、", "3、", "4、"],
            ["(一)", "(二)", "(一)"],
        ),
        ("1.", ["1.", "2.", "3.", "4."], ["1.1 ", "1.2 ", "2.1 "]),
        (
            "１．",
            ["１．", "２．", "３．", "４．"],
            ["（1）", "（2）", "（1）"],
        ),
        ("none", ["", "", "", ""], ["", "", ""]),
    ];
    for (case, top, second) in cases {
        assert_read_whole(&imported(&document(top, second)), case);
    }
}

#[test]
fn trailing_punctuation_extra_and_trailing_spaces() {
    let doc = standard()
        .replace("基本情况\n", "基本情况：\n")
        .replace("部门职责\n", "部门职责。  \n")
        .replace("存在的主要问题\n", " 存在的  主要问题 \n")
        .replace("三、", "三、 ");
    assert_read_whole(&imported(&doc), "punctuation and spaces");
}

#[test]
fn full_width_digits_in_list_numbers() {
    let doc = standard()
        .replace("1、负责甲", "１、负责甲")
        .replace("2、负责乙", "２．负责乙");
    assert_read_whole(&imported(&doc), "full-width");
}

#[test]
fn a_run_in_heading_gives_its_paragraph_to_its_section() {
    let doc = standard().replace("（一）机构人员情况\n本局", "（一）机构人员情况。本局");
    assert_read_whole(&imported(&doc), "run-in");
}

#[test]
fn a_title_broken_over_two_lines_with_an_attachment_label() {
    let doc = standard().replace("某某局2023年度部门整体", "附件2\n某某局2023年度部门\n整体");
    let i = imported(&doc);
    assert_read_whole(&i, "broken title");
    assert_eq!(text(&i, "attachment"), "附件2");
}

#[test]
fn a_list_item_that_looks_like_a_heading_keeps_its_paragraph() {
    let doc = standard().replace(
        "1、抓学习。\n",
        "1、抓学习、强引领，不断提高培训质效\n一是加强理论武装。\n2、抓基层。\n",
    );
    let i = imported(&doc);
    assert_eq!(
        items(&i, "achievements"),
        [
            "抓学习、强引领，不断提高培训质效\n一是加强理论武装。",
            "抓基层。"
        ]
    );
    assert!(i.project.unplaced.is_empty(), "{:?}", i.project.unplaced);
}

#[test]
fn headings_worded_differently_are_matched_and_their_wording_kept() {
    let doc = standard()
        .replace("一、基本情况", "一、部门基本情况")
        .replace("三、存在的主要问题", "三、存在问题");
    let i = imported(&doc);
    assert_eq!(text(&i, "organisation_text"), "本局内设机构3个。");
    assert_eq!(text(&i, "problems_text"), "预算准确率有待提高。");
    assert_eq!(
        i.project.headings.get("basic").map(String::as_str),
        Some("部门基本情况")
    );
    assert_eq!(
        i.project.headings.get("problems").map(String::as_str),
        Some("存在问题")
    );
    assert_eq!(
        i.summary.reworded,
        [
            ("基本情况".to_string(), "部门基本情况".to_string()),
            ("存在的主要问题".to_string(), "存在问题".to_string())
        ]
    );
}

#[test]
fn labelled_entries_go_to_their_fields_and_the_closing_to_the_date() {
    let doc = document(
        ["二、", "三、", "四、", "五、"],
        ["（一）", "（二）", "（一）"],
    )
    .replace(
        "现将2023年预算支出绩效评价情况汇报如下：\n",
        "现将2023年预算支出绩效评价情况汇报如下：\n一、自评得分情况\n自评总分：97分\n",
    ) + "某某局\n2024年3月5日\n";
    let i = imported(&doc);
    assert_eq!(text(&i, "self_score"), "97分");
    assert_eq!(text(&i, "report_date"), "2024年3月5日");
    assert_eq!(items(&i, "measures_list"), ["减少结余。", "合理安排。"]);
    assert!(i.project.unplaced.is_empty(), "{:?}", i.project.unplaced);
}

#[test]
fn text_no_field_takes_waits_in_the_holding_place() {
    let doc = standard().replace("一、基本情况\n", "一、基本情况\n本部门情况如下。\n")
        + "五、其他需要说明的问题\n无其他问题。\n";
    let i = imported(&doc);
    let held: Vec<(&str, HeldReason, Option<&str>)> = i
        .project
        .unplaced
        .iter()
        .map(|h| (h.text.as_str(), h.reason, h.under.as_deref()))
        .collect();
    assert_eq!(
        held,
        [
            ("本部门情况如下。", HeldReason::NoField, Some("基本情况")),
            (
                "五、其他需要说明的问题\n无其他问题。",
                HeldReason::UnknownHeading,
                Some("其他需要说明的问题")
            ),
        ]
    );
    let Summary { held: reported, .. } = &i.summary;
    assert_eq!(reported.len(), 2);
    // The rest is read as ever.
    assert_eq!(items(&i, "measures_list"), ["减少结余。", "合理安排。"]);
}

#[test]
fn markdown_headings_and_emphasis_are_read_as_text() {
    let doc = document(
        ["# 一、", "# 二、", "# 三、", "# 四、"],
        ["## （一）", "## （二）", "## （一）"],
    )
    .replace("严格执行预算。", "**严格执行预算。**");
    assert_read_whole(&imported_as("去年.md", &doc), "markdown");
}

/// A list the template numbers 一是、二是 (a user's template): each 一是
/// paragraph starts an item, its number stripped as the export adds it.
/// Under a list numbered 1、 the same words start sentences, and stay.
#[test]
fn a_yishi_list_is_read_item_by_item() {
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/hunan-narrative.json"),
    )
    .unwrap();
    let document = standard().replace(
        "1、负责甲。\n2、负责乙。",
        "一是负责甲。\n二是负责乙，\n并管丙。",
    );
    let read_with = |numbering: &str| {
        let json = json.replace(
            r#""id": "duties", "label": "部门职责", "kind": "list", "numbering": "arabic_dun""#,
            &format!(
                r#""id": "duties", "label": "部门职责", "kind": "list", "numbering": "{numbering}""#
            ),
        );
        let template = ziping::model::validate::load_template(&json).unwrap();
        let pieces = read(Path::new("去年.txt"), document.as_bytes()).unwrap();
        import(&pieces, &[template], false, "2024-01-01T00:00:00Z").unwrap()
    };
    assert_eq!(
        items(&read_with("yishi"), "duties"),
        ["负责甲。", "负责乙，\n并管丙。"]
    );
    let numbered = read_with("arabic_dun");
    assert_eq!(
        items(&numbered, "duties"),
        ["一是负责甲。\n二是负责乙，\n并管丙。"]
    );
}

/// An indicator table broken by hand across a page: the second part under
/// 续表 with its header again. Both parts' rows land in the one table.
#[test]
fn a_table_continued_under_xubiao_is_read_as_one() {
    let header = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 |\n|---|---|---|---|---|---|\n";
    let document = format!(
        "{}\n{header}| 产出指标 | 数量指标 | 培训人次 | ≥300人次 | 320人次 | 10 |\n\n续表\n\n{header}| 效益指标 | 满意度指标 | 群众满意度 | ≥90% | 95% | 10 |\n",
        standard()
    );
    let i = imported_as("去年.md", &document);
    let names: Vec<String> = ziping::model::cell_path::listing(&i.project)
        .into_iter()
        .filter(|l| l.path.starts_with("indicators.") && l.path.ends_with(".name"))
        .map(|l| l.value)
        .collect();
    assert_eq!(names, ["培训人次", "群众满意度"]);
    assert!(
        !i.summary.held.iter().any(|h| h.text.contains("群众满意度")),
        "{:?}",
        i.summary.held
    );
}
