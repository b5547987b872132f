//! Years in prose that drift: a year after the report's year + 1 (a plan
//! year typed for the report year, a slip of a key), and last year's year
//! in a paragraph kept from last year's report (沿用去年), where it was the
//! report's own year. Ranges (`2022—2026年`), titles in 《》 and document
//! numbers are left alone, and elsewhere earlier years are history.

use std::ops::Range;

use super::scan::{around, by_char};
use super::words::{CLAUSE_OR_SENTENCE_ENDS, RANGE_MARKS};
use crate::model::text::decimal_digit;

/// Words of a clause looking ahead, where a later year is the point: the
/// budget being prepared (`作为2024年预算安排的参考`), a plan, a goal.
const AHEAD: &[&str] = &["预算", "计划", "规划", "力争", "预计", "目标", "展望"];

/// Years after `report + 1` written as `NNNN年`, outside clauses looking
/// ahead: each with its span.
pub fn ahead(text: &str, report: i32) -> Vec<(i32, Range<usize>)> {
    written(text)
        .into_iter()
        .filter(|(year, span)| *year > report + 1 && !looks_ahead(text, span.start))
        .collect()
}

/// The places `year` is written as `NNNN年` (outside ranges and titles).
pub fn of_year(text: &str, year: i32) -> Vec<Range<usize>> {
    written(text)
        .into_iter()
        .filter(|(y, _)| *y == year)
        .map(|(_, span)| span)
        .collect()
}

/// Every year written as `NNNN年` outside ranges and titles, with its span.
fn written(text: &str) -> Vec<(i32, Range<usize>)> {
    let Some(chars) = by_char(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut title = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '《' => title += 1,
            '》' => title = title.saturating_sub(1),
            _ => {}
        }
        let digits = chars[i..]
            .iter()
            .take_while(|&&(_, d)| decimal_digit(d).is_some())
            .count();
        if digits == 0 {
            i += 1;
            continue;
        }
        let end = i + digits;
        let glued = i > 0 && decimal_digit(chars[i - 1].1).is_some();
        let followed = chars.get(end).map(|&(_, c)| c);
        let ranged = i
            .checked_sub(1)
            .is_some_and(|j| RANGE_MARKS.contains(&chars[j].1))
            || followed.is_some_and(|c| RANGE_MARKS.contains(&c));
        if digits == 4 && !glued && title == 0 && followed == Some('年') && !ranged {
            let year = chars[i..end]
                .iter()
                .filter_map(|&(_, d)| decimal_digit(d))
                .fold(0i32, |y, d| y * 10 + d as i32);
            let to = chars.get(end + 1).map_or(text.len(), |&(b, _)| b as usize);
            found.push((year, chars[i].0 as usize..to));
        }
        i = end;
    }
    found
}

/// Whether the clause around byte `at` says it looks ahead.
fn looks_ahead(text: &str, at: usize) -> bool {
    let clause = around(text, &(at..at), CLAUSE_OR_SENTENCE_ENDS);
    AHEAD.iter().any(|w| text[clause.clone()].contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<i32> {
        ahead(text, 2022).into_iter().map(|(y, _)| y).collect()
    }

    #[test]
    fn only_years_past_next_year_outside_ranges_and_titles_are_noticed() {
        assert_eq!(
            years("新建2020年和2021年新招录公务员和选调生档案164份"),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("出台《常宁市发展壮大村级集体五年行动计划（2022—2026年）》"),
            Vec::<i32>::new()
        );
        assert_eq!(years("五年行动计划（2022—2026年）"), Vec::<i32>::new());
        assert_eq!(years("2023年将继续推进"), Vec::<i32>::new());
        assert_eq!(years("2024年全市新发展党员485名"), vec![2024]);
        assert_eq!(years("２０２５年"), vec![2025]);
        assert_eq!(years("按照湘办发〔2024〕10号文件"), Vec::<i32>::new());
        assert_eq!(years("《2025年度工作计划》"), Vec::<i32>::new());
        assert_eq!(years("编号20250年"), Vec::<i32>::new());
        // The budget being prepared, a plan: a later year is their point.
        assert_eq!(years("作为2024年预算安排的参考"), Vec::<i32>::new());
        assert_eq!(years("力争2025年全面完成"), Vec::<i32>::new());
    }

    #[test]
    fn a_years_places_outside_ranges_titles_and_numbers() {
        let text = "现将2022年预算支出绩效评价情况汇报如下：《2022年工作要点》（2022—2026年）湘办发〔2022〕10号，2022年共培训";
        let found: Vec<&str> = of_year(text, 2022).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["2022年", "2022年"]);
        assert!(of_year("2021年", 2022).is_empty());
    }
}
