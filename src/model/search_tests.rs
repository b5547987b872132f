use super::*;
use crate::catalog;
use crate::model::project::Entry;
use crate::model::table_value::{Rows, TableValue};

/// A char range.
type Range = (usize, usize);
/// Where a hit is: the field id, the cell, the matched text.
type Place = (String, Option<Range>, String);

#[test]
fn widths_and_latin_case_are_matched_alike() {
    // (text, needle, the char ranges found).
    let cases: &[(&str, &str, &[Range])] = &[
        ("２０２２年度", "2022", &[(0, 4)]),
        ("2022年度", "２０２２", &[(0, 4)]),
        ("abc ABC ａｂｃ", "ABC", &[(0, 3), (4, 7), (8, 11)]),
        ("湘办发【2019】10号，2019年", "2019", &[(4, 8), (13, 17)]),
        ("执行率（B/A）", "(b/a)", &[(3, 8)]),
        ("全角　空格", "角 空", &[(1, 4)]),
        ("aaaa", "aa", &[(0, 2), (2, 4)]),
        ("没有", "2022", &[]),
        ("任何文字", "", &[]),
    ];
    for (text, needle, want) in cases {
        assert_eq!(find_in(text, needle), *want, "{needle} in {text}");
    }
}

#[test]
fn replacing_keeps_the_text_around_each_match_as_typed() {
    let cases = [
        ("２０２２年和2022年", "2022", "2023", "2023年和2023年", 2),
        ("ABC abc", "abc", "x", "x x", 2),
        ("无", "2022", "2023", "无", 0),
    ];
    for (text, needle, with, want, count) in cases {
        assert_eq!(replace_in(text, needle, with), (want.to_string(), count));
    }
    assert_eq!(splice("一二三", 1, 2, "贰"), "一贰三");
}

/// The narrative template with 2022 in a field, in a list, in table cells
/// (one of them planted in a computed column, as a hand-edited file might).
fn project() -> Project {
    let mut project = catalog::new_project("hunan-narrative");
    project.set("unit", Entry::Text("长宁市委组织部".into()));
    project.set(
        "preamble",
        Entry::Text("现将２０２２年预算支出情况汇报如下".into()),
    );
    project.set(
        "achievements",
        Entry::Items(vec!["一是学习".into(), "二是2022年培训".into()]),
    );
    let mut funding = TableValue::new(
        project
            .template
            .field("funding")
            .and_then(|f| f.table())
            .expect("funding"),
    );
    let total = RowKey::Named("total".into());
    funding.set_cell(&total, "budget", "2022".into());
    funding.set_cell(&total, "rate", "2022".into());
    project.set("funding", Entry::Table(funding));
    let mut indicators = TableValue {
        rows: Rows::Listed(Vec::new()),
    };
    indicators.set_cell(&RowKey::Index(0), "name", "2022年培训人次".into());
    project.set("indicators", Entry::Table(indicators));
    project
}

fn places(spots: &[Spot], hits: &[Hit]) -> Vec<Place> {
    hits.iter()
        .map(|h| {
            let s = &spots[h.spot];
            let text = s.text.chars().skip(h.start).take(h.end - h.start).collect();
            (s.field_id.clone(), s.cell, text)
        })
        .collect()
}

#[test]
fn every_field_and_cell_is_searched_in_reading_order_but_computed_cells() {
    let project = project();
    let spots = spots(&project);
    let found = places(&spots, &hits(&spots, "2022"));
    let want = [
        ("preamble", None, "２０２２"),
        ("achievements", None, "2022"),
        // funding: row total, column budget (index 1); the rate column
        // (computed) is not searched though the file holds 2022 there.
        ("funding", Some((0, 1)), "2022"),
        // indicators: the first added row, column name (index 2).
        ("indicators", Some((0, 2)), "2022"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(f, c, t)| (f.to_string(), *c, t.to_string()))
        .collect();
    assert_eq!(found, want);
    let list = spots.iter().find(|s| s.field_id == "achievements");
    assert_eq!(
        list.map(|s| s.text.as_str()),
        Some("一是学习\n\n二是2022年培训")
    );
}

#[test]
fn next_and_previous_start_from_the_cursor_and_wrap_around() {
    let hits = [
        Hit {
            spot: 1,
            start: 0,
            end: 4,
        },
        Hit {
            spot: 1,
            start: 9,
            end: 13,
        },
        Hit {
            spot: 4,
            start: 2,
            end: 6,
        },
    ];
    // (from, back, the hit, whether it wrapped).
    let cases = [
        ((0, 0), false, 0, false),
        ((1, 0), false, 0, false),
        ((1, 1), false, 1, false),
        ((2, 0), false, 2, false),
        ((4, 3), false, 0, true),
        ((4, 3), true, 2, false),
        ((1, 9), true, 0, false),
        ((1, 0), true, 2, true),
    ];
    for (from, back, want, wrapped) in cases {
        assert_eq!(
            step(&hits, from, back),
            Some((hits[want], wrapped)),
            "{from:?} {back}"
        );
    }
    assert_eq!(step(&[], (0, 0), false), None);
}

#[test]
fn this_field_only_is_the_hits_of_its_spots() {
    let project = project();
    let spots = spots(&project);
    let hits = hits(&spots, "2022");
    let only: Vec<_> = hits
        .iter()
        .filter(|h| spots[h.spot].field_id == "funding")
        .copied()
        .collect();
    assert_eq!(places(&spots, &only).len(), 1);
    // From after the funding cell, the field's one match is found again.
    let after = (only[0].spot + 1, 0);
    assert_eq!(step(&only, after, false), Some((only[0], true)));
}

#[test]
fn a_table_is_replaced_in_its_typed_cells_only() {
    let project = project();
    let (entry, count) = replace_in_table(&project, "funding", "2022", "2023").expect("a match");
    assert_eq!(count, 1);
    let Entry::Table(TableValue {
        rows: Rows::Named(rows),
    }) = entry
    else {
        panic!("a fixed-row table: {entry:?}");
    };
    let total = &rows["total"];
    assert_eq!(total["budget"], "2023");
    assert_eq!(total["rate"], "2022", "a computed cell is never replaced");
    assert_eq!(replace_in_table(&project, "funding", "1999", "2000"), None);
    assert_eq!(replace_in_table(&project, "unit", "长宁", "x"), None);
}
