//! Tables continued across a page (续表): a writer who breaks a long
//! table by hand, or a PDF converted back to Word, leaves two tables where
//! the report has one — the second under a 续表 line, or straight after the
//! first with its header row again. Read as two, the second part would go
//! to another table field or to the holding place; it is joined to the
//! first, its repeated header rows left out.

use super::Piece;
use crate::model::numbering::is_chinese_digit;
use crate::model::text::decimal_digit;

/// `pieces` with each continued table joined to the one it continues.
pub fn join(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        match piece {
            // A 续表 line between two tables only says the second goes on.
            Piece::Para(text)
                if is_marker(&text)
                    && matches!(out.last(), Some(Piece::Table(_)))
                    && matches!(pieces.peek(), Some(Piece::Table(_))) =>
            {
                if let (Some(Piece::Table(first)), Some(Piece::Table(rest))) =
                    (out.last_mut(), pieces.next())
                {
                    append(first, rest);
                }
            }
            Piece::Table(rows) => match out.last_mut() {
                Some(Piece::Table(first)) if repeats_header(first, &rows) => append(first, rows),
                _ => out.push(Piece::Table(rows)),
            },
            piece => out.push(piece),
        }
    }
    out
}

/// Whether a paragraph is only a continuation mark: 续表, 续表1, 续上表,
/// （续表二）, 表1（续）.
fn is_marker(text: &str) -> bool {
    let bare: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"（）()【】[]：:".contains(*c))
        .collect();
    let numbered = |s: &str| {
        s.chars()
            .all(|c| decimal_digit(c).is_some() || is_chinese_digit(c) || c == '-' || c == '.')
    };
    let after = bare
        .strip_prefix("续上表")
        .or_else(|| bare.strip_prefix("续表"));
    match after {
        Some(rest) => numbered(rest),
        None => bare
            .strip_prefix('表')
            .and_then(|s| s.strip_suffix('续'))
            .is_some_and(|n| !n.is_empty() && numbered(n)),
    }
}

/// Whether `next` starts with `first`'s header row (a table's first row,
/// repeated at the top of the next page).
fn repeats_header(first: &[Vec<String>], next: &[Vec<String>]) -> bool {
    matches!((first.first(), next.first()), (Some(a), Some(b)) if a == b && a.iter().any(|c| !c.is_empty()))
}

/// `rest`'s rows after `first`'s, but for the header rows it repeats.
fn append(first: &mut Vec<Vec<String>>, rest: Vec<Vec<String>>) {
    let repeated = first.iter().zip(&rest).take_while(|(a, b)| a == b).count();
    // Never all of it: a part that only repeats what came before is still
    // the document's rows.
    let repeated = repeated.min(rest.len().saturating_sub(1));
    first.extend(rest.into_iter().skip(repeated));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_continued_table_is_joined_to_the_one_it_continues() {
        let head: &[&str] = &["一级指标", "三级指标", "分值"];
        let whole = Piece::table(&[head, &["产出", "数量", "10"], &["效益", "满意度", "10"]]);
        let cases: Vec<(&str, Vec<Piece>, Vec<Piece>)> = vec![
            (
                "a 续表 line, the header again",
                vec![
                    Piece::table(&[head, &["产出", "数量", "10"]]),
                    Piece::para("续表"),
                    Piece::table(&[head, &["效益", "满意度", "10"]]),
                ],
                vec![whole.clone()],
            ),
            (
                "（续表1）, no header",
                vec![
                    Piece::table(&[head, &["产出", "数量", "10"]]),
                    Piece::para("（续表1）"),
                    Piece::table(&[&["效益", "满意度", "10"]]),
                ],
                vec![whole.clone()],
            ),
            (
                "表2（续）",
                vec![
                    Piece::table(&[head, &["产出", "数量", "10"]]),
                    Piece::para("表2（续）"),
                    Piece::table(&[head, &["效益", "满意度", "10"]]),
                ],
                vec![whole.clone()],
            ),
            (
                "straight after, the header again",
                vec![
                    Piece::table(&[head, &["产出", "数量", "10"]]),
                    Piece::table(&[head, &["效益", "满意度", "10"]]),
                ],
                vec![whole.clone()],
            ),
        ];
        for (what, pieces, expected) in cases {
            assert_eq!(join(pieces), expected, "{what}");
        }
    }

    #[test]
    fn other_tables_and_lines_stay_as_they_are() {
        let funding = Piece::table(&[&["年度资金", "预算数"], &["总额", "100"]]);
        let indicators = Piece::table(&[&["一级指标", "分值"], &["产出", "10"]]);
        let cases: Vec<(&str, Vec<Piece>)> = vec![
            (
                "two tables of their own",
                vec![funding.clone(), indicators.clone()],
            ),
            (
                "a paragraph between",
                vec![
                    funding.clone(),
                    Piece::para("二、绩效指标完成情况"),
                    indicators.clone(),
                ],
            ),
            (
                "续表 not between tables",
                vec![Piece::para("续表"), funding.clone()],
            ),
            (
                "a sentence that starts so",
                vec![
                    funding.clone(),
                    Piece::para("续表所列指标均已完成。"),
                    indicators.clone(),
                ],
            ),
        ];
        for (what, pieces) in cases {
            assert_eq!(join(pieces.clone()), pieces, "{what}");
        }
    }
}
