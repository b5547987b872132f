//! Reading the title block and the 落款 back through the template's own
//! lines (`{unit}{year}年度部门整体支出绩效目标自评报告`): the literal words
//! must be there, each `{field}` takes what lies between them. A line of
//! the pattern may be broken over two or three lines of the document, and
//! one whose fields are all optional (the 附件 label) may be missing.

use indexmap::IndexMap;

use crate::model::schema::{Kind, Template};
use crate::model::text::decimal_digit;

/// One part of a pattern line.
#[derive(Debug)]
enum Slot<'t> {
    Words(Vec<char>),
    Field(&'t str),
}

/// What a field takes from a title line, in characters, at most.
const LONGEST_VALUE: usize = 60;

/// How many document lines one pattern line may be broken over.
const MOST_PIECES: usize = 3;

fn slots(line: &str) -> Vec<Slot<'_>> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Slot::Words(compact(&rest[..open])));
        }
        out.push(Slot::Field(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Slot::Words(compact(rest)));
    }
    out
}

/// The characters of `text` without blanks, as the pattern is compared.
fn compact(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `value` could be what field `id` holds: a year is four digits,
/// a date has digits and a date's marks; anything is short.
fn fits(template: &Template, id: &str, value: &[char]) -> bool {
    let digit = |c: &char| decimal_digit(*c).is_some();
    match template.field(id).map(|f| f.kind()) {
        None | Some(Kind::Table) => false,
        Some(Kind::Year) => value.len() == 4 && value.iter().all(digit),
        Some(Kind::Date) => {
            value.iter().any(digit) && value.iter().all(|c| digit(c) || "年月日-/.．".contains(*c))
        }
        Some(_) => !value.is_empty() && value.len() <= LONGEST_VALUE && !value.contains(&'。'),
    }
}

/// Fills the slots from `text`, trying each field's shortest value first;
/// a field already known must be found again as it is.
fn fill(
    template: &Template,
    slots: &[Slot],
    text: &[char],
    known: &mut IndexMap<String, String>,
) -> bool {
    let Some((first, others)) = slots.split_first() else {
        return text.is_empty();
    };
    match first {
        Slot::Words(words) => {
            text.starts_with(words) && fill(template, others, &text[words.len()..], known)
        }
        Slot::Field(id) => {
            if let Some(value) = known.get(*id) {
                let value = compact(value);
                return text.starts_with(&value)
                    && fill(template, others, &text[value.len()..], known);
            }
            for end in 1..=text.len() {
                if !fits(template, id, &text[..end]) {
                    continue;
                }
                known.insert(id.to_string(), text[..end].iter().collect());
                if fill(template, others, &text[end..], known) {
                    return true;
                }
                known.shift_remove(*id);
            }
            false
        }
    }
}

/// Whether every field of a pattern line is optional, so the document may
/// leave the line out.
fn may_be_missing(template: &Template, line: &str) -> bool {
    slots(line).iter().all(|s| match s {
        Slot::Field(id) => template.field(id).is_some_and(|f| !f.required),
        Slot::Words(_) => true,
    })
}

/// Matches the pattern `lines` against the document's `paragraphs` from
/// the first: how many paragraphs they took, and the fields' values. The
/// values already `known` (the unit, read from the title) must be found
/// again.
pub fn read_lines(
    template: &Template,
    lines: &[String],
    paragraphs: &[&str],
    known: &IndexMap<String, String>,
) -> Option<(usize, IndexMap<String, String>)> {
    let Some((line, others)) = lines.split_first() else {
        return Some((0, known.clone()));
    };
    let pattern = slots(line);
    for pieces in 1..=MOST_PIECES.min(paragraphs.len()) {
        let text: Vec<char> = paragraphs[..pieces]
            .iter()
            .flat_map(|p| compact(p))
            .collect();
        let mut found = known.clone();
        if fill(template, &pattern, &text, &mut found)
            && let Some((taken, found)) =
                read_lines(template, others, &paragraphs[pieces..], &found)
        {
            return Some((pieces + taken, found));
        }
    }
    if may_be_missing(template, line) {
        return read_lines(template, others, paragraphs, known);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn a_title_broken_over_two_lines_gives_unit_and_year() {
        let template = catalog::new_project("hunan-narrative").template;
        let lines = &template.title;
        let paragraphs = [
            "附件-1",
            "中共常宁市委组织部2022年度部门",
            "整体支出绩效目标自评报告",
            "为贯彻……",
        ];
        let (taken, found) =
            read_lines(&template, lines, &paragraphs, &IndexMap::new()).unwrap_or_default();
        assert_eq!(taken, 3);
        assert_eq!(found.get("attachment").map(String::as_str), Some("附件-1"));
        assert_eq!(
            found.get("unit").map(String::as_str),
            Some("中共常宁市委组织部")
        );
        assert_eq!(found.get("year").map(String::as_str), Some("2022"));
        // Without the 附件 label, on one line with blanks.
        let paragraphs = [
            "中共常宁市委组织部 2022 年度部门整体支出绩效目标自评报告",
            "为贯彻……",
        ];
        let (taken, found) =
            read_lines(&template, lines, &paragraphs, &IndexMap::new()).unwrap_or_default();
        assert_eq!(taken, 1);
        assert_eq!(found.get("attachment"), None);
        assert_eq!(found.get("year").map(String::as_str), Some("2022"));
    }
}
