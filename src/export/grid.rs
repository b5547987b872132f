//! A [`Form`] drawn as plain text, cells spanning rows and columns as they
//! do on the printed form:
//!
//! ```text
//! +----------+----------+--------------+-------+
//! | 一级指标 | 二级指标 | 三级指标     | 分值  |
//! +----------+----------+--------------+-------+
//! | 产出指标 | 数量指标 | 培训党员人次 | 50.00 |
//! |          |          +--------------+-------+
//! |          |          | 培训场次     | 10.00 |
//! |          +----------+--------------+-------+
//! |          | 小计                    | 60.00 |
//! +----------+-------------------------+-------+
//! ```
//!
//! Only ASCII `+ - |` draw the grid. The box-drawing characters (`─│┼`)
//! are East Asian *ambiguous* width: a Chinese font or a terminal in a CJK
//! locale draws them two columns wide, others one, so no count lines them
//! up everywhere. For the same reason the cells' own ambiguous characters
//! (`≥ ≤ — “ ” … ·`, the ones the width tables mark ambiguous) are printed
//! as unambiguous twins (`>=`, `<=`, `－`, `「」`, `...`, `・`) in the grid,
//! and widths are measured with `unicode-width`, a Chinese character two
//! columns. The text outside tables is printed as typed.
//!
//! Fitted to a width (`--wrap N`), the widest columns give way first, down
//! to what keeps a figure whole; where even that is too wide, the rows are
//! printed as labelled lists, and a line says so.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::lang::Lang;
use crate::strings;

use super::INDENT;
use super::form::{Form, RowKind};
use super::wrap::hard_wrap;

/// Cells wider than this many columns wrap onto more lines when no width
/// is asked for.
const MAX_CELL: usize = 24;

/// A figure or a word of Latin letters longer than this may be split when
/// a table is fitted to a width.
const MAX_WHOLE: usize = 12;

/// The form as a grid, fitted to `width` columns when given; as labelled
/// lists, after a line saying so, when it cannot be fitted.
pub fn draw(form: &Form, width: Option<usize>) -> String {
    let texts: Vec<Vec<String>> = form
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|c| unambiguous(&c.text)).collect())
        .collect();
    let count = form.columns.len();
    if count == 0 {
        return String::new();
    }
    let mut widths = natural_widths(form, &texts);
    if let Some(limit) = width {
        let minimum = minimum_widths(form, &texts);
        let border = 3 * count + 1;
        if minimum.iter().sum::<usize>() + border > limit {
            return listed(form, limit);
        }
        // Headings wrap first: a heading of three lines costs less than
        // every row of a column growing a line. Then the widest columns.
        let body = body_widths(form, &texts);
        for floor in [&body, &minimum] {
            while widths.iter().sum::<usize>() + border > limit {
                let Some(widest) = (0..count)
                    .filter(|&c| widths[c] > floor[c].max(minimum[c]))
                    .max_by_key(|&c| (widths[c], c))
                else {
                    break;
                };
                widths[widest] -= 1;
            }
        }
    }
    grid(form, &texts, &widths)
}

/// Width of a cell spanning `columns` columns from `column`: theirs and
/// the borders between them.
fn span(widths: &[usize], column: usize, columns: usize) -> usize {
    widths[column..column + columns].iter().sum::<usize>() + 3 * (columns - 1)
}

/// `text` wrapped in `width` columns. The 禁则 of [`hard_wrap`] may carry
/// a bracket and what follows it past the width; a grid line cannot grow,
/// so such a line is cut again character by character.
fn lines(text: &str, width: usize) -> Vec<String> {
    let wrapped: Vec<String> = text
        .lines()
        .flat_map(|line| {
            hard_wrap(line, width)
                .lines()
                .flat_map(|l| cut(l, width))
                .collect::<Vec<_>>()
        })
        .collect();
    if wrapped.is_empty() {
        vec![String::new()]
    } else {
        wrapped
    }
}

/// `line` in pieces no wider than `width` (a character wider than that
/// stands alone).
fn cut(line: &str, width: usize) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for c in line.chars() {
        let last = pieces.last().map_or(0, |p| p.width());
        if last + c.width().unwrap_or(0) > width && last > 0 {
            pieces.push(String::new());
        }
        if let Some(piece) = pieces.last_mut() {
            piece.push(c);
        }
    }
    pieces
}

/// Each column as wide as its widest cell (wrapped at [`MAX_CELL`]); a
/// cell over several columns widens the last of them if it needs to.
fn natural_widths(form: &Form, texts: &[Vec<String>]) -> Vec<usize> {
    let mut widths = vec![1; form.columns.len()];
    let cells = || {
        form.rows.iter().zip(texts).flat_map(|(row, texts)| {
            row.cells.iter().zip(texts).map(|(cell, text)| {
                let width = lines(text, MAX_CELL).iter().map(|l| l.width()).max();
                (cell, width.unwrap_or(0))
            })
        })
    };
    for (cell, width) in cells().filter(|(c, _)| c.columns == 1) {
        widths[cell.column] = widths[cell.column].max(width);
    }
    let mut wide: Vec<_> = cells().filter(|(c, _)| c.columns > 1).collect();
    wide.sort_by_key(|(c, _)| c.columns);
    for (cell, width) in wide {
        let has = span(&widths, cell.column, cell.columns);
        if width > has {
            widths[cell.column + cell.columns - 1] += width - has;
        }
    }
    widths
}

/// Each column as wide as its widest cell outside the heading rows
/// (unwrapped, up to [`MAX_CELL`]).
fn body_widths(form: &Form, texts: &[Vec<String>]) -> Vec<usize> {
    let mut widths = vec![0; form.columns.len()];
    for (row, texts) in form.rows.iter().zip(texts) {
        if row.kind == RowKind::Heading {
            continue;
        }
        for (cell, text) in row.cells.iter().zip(texts) {
            if cell.columns == 1 {
                let width = text.lines().map(|l| l.width()).max().unwrap_or(0);
                widths[cell.column] = widths[cell.column].max(width.min(MAX_CELL));
            }
        }
    }
    widths
}

/// The narrowest each column may be: its widest figure or Latin word (up
/// to [`MAX_WHOLE`]), or one Chinese character.
fn minimum_widths(form: &Form, texts: &[Vec<String>]) -> Vec<usize> {
    let mut widths = vec![2; form.columns.len()];
    for (row, texts) in form.rows.iter().zip(texts) {
        for (cell, text) in row.cells.iter().zip(texts) {
            if cell.columns == 1 {
                let whole = text
                    .split(|c: char| !(c.is_ascii_alphanumeric() || ".%,-".contains(c)))
                    .map(str::len)
                    .max()
                    .unwrap_or(0)
                    .min(MAX_WHOLE);
                widths[cell.column] = widths[cell.column].max(whole);
            }
        }
    }
    widths
}

fn grid(form: &Form, texts: &[Vec<String>], widths: &[usize]) -> String {
    let owners = form.owners();
    let count = widths.len();
    // Each cell's lines, wrapped in its span.
    let wrapped: Vec<Vec<Vec<String>>> = form
        .rows
        .iter()
        .zip(texts)
        .map(|(row, texts)| {
            row.cells
                .iter()
                .zip(texts)
                .map(|(c, t)| lines(t, span(widths, c.column, c.columns)))
                .collect()
        })
        .collect();
    // Row heights: a cell's lines fit in the rows it spans (the last of
    // them grows); rows of one cell first, so a spanning one uses them.
    let mut heights = vec![1; form.rows.len()];
    let mut by_rows: Vec<(usize, usize)> = form
        .rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| (0..row.cells.len()).map(move |i| (r, i)))
        .collect();
    by_rows.sort_by_key(|&(r, i)| form.rows[r].cells[i].rows);
    for (r, i) in by_rows {
        let cell = &form.rows[r].cells[i];
        let has: usize = heights[r..r + cell.rows].iter().sum();
        let needs = wrapped[r][i].len();
        if needs > has {
            heights[r + cell.rows - 1] += needs - has;
        }
    }
    let mut out = vec![rule(&owners, widths, None, Some(0))];
    for r in 0..form.rows.len() {
        for l in 0..heights[r] {
            let mut line = String::from("|");
            for (c, owner) in owners[r].iter().enumerate() {
                let Some((start, i)) = *owner else {
                    continue;
                };
                let cell = form.cell((start, i));
                if cell.column != c {
                    continue;
                }
                let at = heights[start..r].iter().sum::<usize>() + l;
                let text = wrapped[start][i].get(at).map_or("", String::as_str);
                let room = span(widths, c, cell.columns);
                let pad = " ".repeat(room.saturating_sub(text.width()));
                let heading = form.rows[start].kind == RowKind::Heading;
                if cell.right && !heading {
                    line.push_str(&format!(" {pad}{text} |"));
                } else {
                    line.push_str(&format!(" {text}{pad} |"));
                }
            }
            out.push(line);
        }
        let below = (r + 1 < form.rows.len()).then_some(r + 1);
        out.push(rule(&owners, widths, Some(r), below));
    }
    debug_assert!(out.iter().all(|l| l.width() == out[0].width()), "{count}");
    out.join("\n")
}

/// The line between rows `above` and `below` (either `None` at the
/// edges): dashes under a cell that ends there, blanks through one that
/// goes on, and at each corner the character its four sides call for.
fn rule(
    owners: &[Vec<Option<(usize, usize)>>],
    widths: &[usize],
    above: Option<usize>,
    below: Option<usize>,
) -> String {
    let count = widths.len();
    let owner = |r: Option<usize>, c: usize| r.and_then(|r| owners[r][c]);
    // Whether the rule runs under column `c`.
    let across =
        |c: usize| above.is_none() || below.is_none() || owner(above, c) != owner(below, c);
    // Whether a border runs between columns `c - 1` and `c` in row `r`.
    let upright = |r: Option<usize>, c: usize| {
        r.is_some() && (c == 0 || c == count || owner(r, c - 1) != owner(r, c))
    };
    let mut line = String::new();
    for c in 0..=count {
        let left = c > 0 && across(c - 1);
        let right = c < count && across(c);
        let vertical = upright(above, c) || upright(below, c);
        line.push(match (left || right, vertical) {
            (true, true) => '+',
            (true, false) => '-',
            (false, true) => '|',
            (false, false) => ' ',
        });
        if let Some(width) = widths.get(c) {
            let fill = if right { "-" } else { " " };
            line.push_str(&fill.repeat(width + 2));
        }
    }
    line
}

/// The rows as labelled lists when the grid cannot be fitted to `width`:
/// a line saying so, then each row's title and its cells, `列名：值`.
fn listed(form: &Form, width: usize) -> String {
    let owners = form.owners();
    // The export is the document, in Chinese whatever `--lang` says.
    let mut out = vec![hard_wrap(&strings::table_listed(width, Lang::Zh), width)];
    for (r, row) in form.rows.iter().enumerate() {
        let mut items: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        for (c, owner) in owners[r].iter().enumerate() {
            let Some(owner) = *owner else { continue };
            let cell = form.cell(owner);
            // A body row lists the cells over it too (its 一级指标); a
            // 小计 or 总分 row only its own.
            let above = owner.0 != r && row.kind != RowKind::Body;
            if above || cell.label || cell.text.trim().is_empty() || seen.contains(&owner) {
                continue;
            }
            seen.push(owner);
            let text = cell.text.trim();
            // `分值：50.00` under a row's title; `分值 50.00` after a 小计's.
            let joint = if row.kind == RowKind::Body {
                "："
            } else {
                " "
            };
            match (&form.columns[c].heading, cell.columns) {
                (Some(heading), 1) => items.push(format!("{heading}{joint}{text}")),
                _ => items.push(text.to_string()),
            }
        }
        match row.kind {
            RowKind::Heading => {}
            RowKind::Body => {
                out.push(hard_wrap(&row.title, width));
                let room = width.saturating_sub(INDENT.width()).max(2);
                for item in &items {
                    let wrapped = hard_wrap(item, room);
                    out.extend(wrapped.lines().map(|l| format!("{INDENT}{l}")));
                }
            }
            RowKind::Subtotal | RowKind::Summary => {
                let line = format!("{}：{}", row.title, items.join("；"));
                out.push(hard_wrap(&line, width));
            }
        }
    }
    out.join("\n")
}

/// `text` with each East Asian ambiguous character replaced by a twin of
/// one width everywhere, and one that cannot be replaced by 〓 (the 地ゲタ
/// mark typesetters use for a character they cannot set).
pub fn unambiguous(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.width() == c.width_cjk() {
            out.push(c);
            continue;
        }
        let twin = match c {
            '≥' | '≧' => ">=",
            '≤' | '≦' => "<=",
            '—' => "－",
            '–' | '─' | '━' => "-",
            '│' | '┃' => "|",
            '“' => "「",
            '”' => "」",
            '‘' => "『",
            '’' => "』",
            '…' => "...",
            '·' => "・",
            '×' => "x",
            '÷' => "/",
            '±' => "+/-",
            '※' => "＊",
            '℃' => "摄氏度",
            '°' => "度",
            '□' => "[ ]",
            '■' => "[x]",
            '→' => "->",
            '←' => "<-",
            '①'..='⑳' => {
                out.push_str(&format!("({})", u32::from(c) - u32::from('①') + 1));
                continue;
            }
            'Ⅰ'..='Ⅻ' => {
                let n = (u32::from(c) - u32::from('Ⅰ')) as usize;
                let roman = [
                    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
                ];
                out.push_str(roman.get(n).copied().unwrap_or("〓"));
                continue;
            }
            _ => "〓",
        };
        out.push_str(twin);
    }
    out
}

#[cfg(test)]
#[path = "grid_tests.rs"]
mod tests;
