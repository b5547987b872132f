//! Where a line of Chinese prose may break, and how wide its characters are.
//! A leaf: the export's hard wrap and the editor's soft wrap both break rows
//! here, so a row on screen and a line of the exported text follow the same
//! rules (避头尾): no row starts with closing punctuation nor ends with
//! opening punctuation, and figures such as `33016` or `56.7%` and Latin
//! words are not split unless wider than a row on their own.

use unicode_width::UnicodeWidthChar;

/// Characters that must not begin a row.
pub const NO_START: &str = "，。、；：？！）】」』》〉〕”’…—·%％,.;:?!)]}";
/// Characters that must not end a row.
pub const NO_END: &str = "（【「『《〈〔“‘([{";

/// How East Asian ambiguous characters (`“ ” ‘ ’ … — · ①`) are counted:
/// one column (most terminals), or two (Xshell, SecureCRT, PuTTY with "CJK
/// ambiguous characters are wide"; vim's `ambiwidth=double`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ambiguous {
    #[default]
    Narrow,
    Wide,
}

/// Columns `c` takes; control characters none.
pub fn char_width(c: char, ambiguous: Ambiguous) -> usize {
    // Every wrap and cursor column measures each character, and the tables'
    // lookup costs several times a range test: printable ASCII, CJK
    // ideographs and fullwidth forms — nearly all of the prose — first.
    // None of these is ambiguous (`common_widths_agree_with_unicode_width`).
    match c {
        ' '..='~' => return 1,
        '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF60}' => return 2,
        _ => {}
    }
    let width = match ambiguous {
        Ambiguous::Narrow => c.width(),
        Ambiguous::Wide => c.width_cjk(),
    };
    if c.is_control() {
        0
    } else {
        width.unwrap_or(0)
    }
}

pub fn str_width(text: &str, ambiguous: Ambiguous) -> usize {
    text.chars().map(|c| char_width(c, ambiguous)).sum()
}

/// Where a row ends: `end` is the byte where the next row starts, and the
/// decision looked at no byte from `read_to` on (so an edit there cannot
/// move this row's end: the editor re-wraps from the first row it reaches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    pub end: usize,
    pub read_to: usize,
}

/// The row of at most `width` columns starting at byte `start` of `line`
/// (wider only when a single character is). A row that would start with a
/// [`NO_START`] character, or end with a [`NO_END`] one, hands its last
/// pieces down to the next row (at least one piece stays, so a run of
/// punctuation cannot empty a row). The decision depends on the text from
/// `start` on only, so the rows of a line are found one after another.
pub fn next_break(line: &str, start: usize, width: usize, ambiguous: Ambiguous) -> Break {
    let width = width.max(1);
    let mut pieces = Pieces {
        line,
        at: start,
        width,
        ambiguous,
        splitting: false,
        read_to: start,
    };
    // Piece ends, in order; `used` columns so far.
    let mut ends: Vec<usize> = Vec::new();
    let mut used = 0;
    loop {
        let Some((piece_end, w)) = pieces.next() else {
            // Reading past the end: the line's end is part of the decision.
            return Break {
                end: line.len(),
                read_to: line.len() + 1,
            };
        };
        if used + w > width && !ends.is_empty() {
            let next = &line[ends.last().copied().unwrap_or(start)..piece_end];
            let end = carry_over(line, start, &mut ends, next);
            return Break {
                end,
                read_to: pieces.read_to.max(piece_end),
            };
        }
        used += w;
        ends.push(piece_end);
    }
}

/// Drops pieces from the end of a full row while the next row would start
/// with a closing character (the first of `next` or of a dropped piece) or
/// this one ends with an opening character; returns where the row ends.
fn carry_over(line: &str, start: usize, ends: &mut Vec<usize>, next: &str) -> usize {
    let mut head = next.chars().next();
    while ends.len() > 1 {
        let end = ends[ends.len() - 1];
        let previous = ends[ends.len() - 2];
        let starts_bad = head.is_some_and(|c| NO_START.contains(c));
        let ends_bad = line[previous..end]
            .chars()
            .last()
            .is_some_and(|c| NO_END.contains(c));
        if !(starts_bad || ends_bad) {
            break;
        }
        head = line[previous..end].chars().next();
        ends.pop();
    }
    ends.last().copied().unwrap_or(start)
}

/// Whether `c` belongs to a figure or a Latin word that stays in one piece.
fn joins(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | ',' | '-')
}

/// The pieces of a line from a byte on, each `(end byte, columns)`: a run of
/// ASCII letters, digits and number punctuation is one piece unless wider
/// than a row on its own (then each of its characters is); every other
/// character stands alone.
struct Pieces<'a> {
    line: &'a str,
    at: usize,
    width: usize,
    ambiguous: Ambiguous,
    /// Inside a run too wide for a row, cut into characters.
    splitting: bool,
    /// One past the last byte looked at.
    read_to: usize,
}

impl Iterator for Pieces<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let rest = &self.line[self.at..];
        let first = rest.chars().next()?;
        let single = (
            self.at + first.len_utf8(),
            char_width(first, self.ambiguous),
        );
        if !joins(first) {
            self.splitting = false;
            self.at = single.0;
            self.read_to = self.read_to.max(self.at);
            return Some(single);
        }
        if !self.splitting {
            // Measure the run, stopping once it is known to be too wide.
            let mut used = 0;
            let mut end = self.at;
            for (i, c) in rest.char_indices() {
                if !joins(c) {
                    break;
                }
                used += char_width(c, self.ambiguous);
                end = self.at + i + c.len_utf8();
                if used > self.width {
                    break;
                }
            }
            // The character after the run was looked at too.
            self.read_to = self.read_to.max(
                rest[end - self.at..]
                    .chars()
                    .next()
                    .map_or(end + 1, |c| end + c.len_utf8()),
            );
            if used <= self.width {
                self.at = end;
                return Some((end, used));
            }
            self.splitting = true;
        }
        self.at = single.0;
        Some(single)
    }
}

#[cfg(test)]
#[path = "linebreak_tests.rs"]
pub(crate) mod tests;
