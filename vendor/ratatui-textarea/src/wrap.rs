#[cfg(feature = "arbitrary")]
use arbitrary::Arbitrary;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Specify how logical lines are soft-wrapped at render time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(Arbitrary))]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum WrapMode {
    /// Disable soft wrapping and keep horizontal scrolling behavior.
    None,
    /// Wrap only at word boundaries. Words wider than viewport are not split.
    Word,
    /// Wrap at grapheme boundaries.
    Glyph,
    /// Wrap at word boundaries, and fall back to grapheme wrapping for long words.
    WordOrGlyph,
}

/// Where a soft-wrapped row ends, as a [`LineBreaker`] decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowBreak {
    /// The byte where the next row starts (the line's length for its last
    /// row); a char boundary after the row's start.
    pub end: usize,
    /// One past the last byte the decision looked at (at least `end`; the
    /// line's length, or more, when it looked for the line's end). Bytes from
    /// here on cannot change where this row ends.
    pub read_to: usize,
}

/// Decides where the row starting at byte `start` of `line` ends when rows
/// are `width` columns wide: e.g. line-breaking rules for Chinese or
/// Japanese text, which keep closing punctuation off the start of a row.
///
/// The textarea calls it row after row from the start of a line, so a row's
/// end may depend only on the text from its own start on. After an edit it
/// re-wraps from the first row whose [`RowBreak::read_to`] reaches the edit
/// and stops as soon as a row ends where a row of the old wrap ended.
pub type LineBreaker = fn(line: &str, start: usize, width: usize) -> RowBreak;

#[derive(Clone, Copy, Debug)]
pub(crate) struct WrappedLine {
    pub row: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_col: usize,
    pub end_col: usize,
    pub first_in_row: bool,
    pub last_in_row: bool,
    /// See [`RowBreak::read_to`]; the line's length for the built-in modes,
    /// which are re-wrapped a whole line at a time.
    pub read_to: usize,
}

#[derive(Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
}

pub(crate) fn effective_wrap_width(total_width: u16, line_number_len: Option<u8>) -> usize {
    let total_width = total_width as usize;
    let reserved = line_number_len.map(|len| len as usize + 2).unwrap_or(0);
    if total_width > reserved {
        total_width - reserved
    } else {
        1
    }
}

/// How a line is wrapped: by one of the built-in modes or by a breaker.
#[derive(Clone, Copy)]
pub(crate) struct Wrapper {
    pub mode: WrapMode,
    pub breaker: Option<LineBreaker>,
    pub width: usize,
    pub tab_len: u8,
    pub mask: Option<char>,
    pub char_width: fn(char) -> usize,
}

impl Wrapper {
    /// The rows of logical line `row`.
    pub(crate) fn rows_of(&self, row: usize, line: &str) -> Vec<WrappedLine> {
        match self.breaker {
            Some(_) => self.rows_from(row, line, 0, 0, |_, _| false),
            None => {
                let ranges = line_ranges_with(
                    line,
                    self.mode,
                    self.width,
                    self.tab_len,
                    self.mask,
                    self.char_width,
                );
                let mut start_col = 0usize;
                let count = ranges.len();
                ranges
                    .into_iter()
                    .enumerate()
                    .map(|(i, (start_byte, end_byte))| {
                        let end_col = start_col + line[start_byte..end_byte].chars().count();
                        let wrapped = WrappedLine {
                            row,
                            start_byte,
                            end_byte,
                            start_col,
                            end_col,
                            first_in_row: i == 0,
                            last_in_row: i + 1 == count,
                            read_to: line.len(),
                        };
                        start_col = end_col;
                        wrapped
                    })
                    .collect()
            }
        }
    }

    /// Rows of `line` by the breaker from byte `start` (char `start_col`),
    /// until the line ends or `stop(end_byte, rows_so_far)` says the rest is
    /// known.
    pub(crate) fn rows_from(
        &self,
        row: usize,
        line: &str,
        mut start: usize,
        mut start_col: usize,
        mut stop: impl FnMut(usize, usize) -> bool,
    ) -> Vec<WrappedLine> {
        let mut rows = Vec::new();
        let Some(breaker) = self.breaker else {
            return rows;
        };
        loop {
            let decided = breaker(line, start, self.width);
            // A breaker that makes no progress would loop forever: take at
            // least one char.
            let min_end = line[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            let end = decided.end.clamp(min_end, line.len());
            let end_col = start_col + line[start..end].chars().count();
            rows.push(WrappedLine {
                row,
                start_byte: start,
                end_byte: end,
                start_col,
                end_col,
                first_in_row: start == 0,
                last_in_row: end >= line.len(),
                read_to: decided.read_to.max(end),
            });
            if end >= line.len() || stop(end, rows.len()) {
                return rows;
            }
            start = end;
            start_col = end_col;
        }
    }
}

pub(crate) fn wrapped_rows(lines: &[String], wrapper: &Wrapper) -> Vec<WrappedLine> {
    lines
        .iter()
        .enumerate()
        .flat_map(|(row, line)| wrapper.rows_of(row, line))
        .collect()
}

#[cfg(test)]
pub(crate) fn line_ranges(
    line: &str,
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<(usize, usize)> {
    line_ranges_with(line, mode, width, tab_len, mask, crate::util::char_width)
}

pub(crate) fn line_ranges_with(
    line: &str,
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    cw: fn(char) -> usize,
) -> Vec<(usize, usize)> {
    if mode == WrapMode::None {
        return vec![(0, line.len())];
    }

    let width = width.max(1);
    let mut out = match mode {
        WrapMode::None => vec![(0, line.len())],
        WrapMode::Glyph => {
            let mut chunks = Vec::new();
            split_range_by_grapheme_width(
                line,
                0,
                line.len(),
                (width, tab_len, mask, cw),
                &mut chunks,
            );
            chunks
        }
        WrapMode::Word => wrap_word_chunks(line, (width, tab_len, mask, cw), false),
        WrapMode::WordOrGlyph => wrap_word_chunks(line, (width, tab_len, mask, cw), true),
    };

    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// Row width, tab length, mask and char width, as the built-in modes measure.
type Measure = (usize, u8, Option<char>, fn(char) -> usize);

fn wrap_word_chunks(line: &str, measure: Measure, fallback_to_glyph: bool) -> Vec<(usize, usize)> {
    let (width, tab_len, mask, cw) = measure;
    let chunks: Vec<_> = UnicodeSegmentation::split_word_bound_indices(line)
        .map(|(start, text)| Chunk {
            start,
            end: start + text.len(),
        })
        .collect();

    if chunks.is_empty() {
        return vec![(0, 0)];
    }

    let mut out = Vec::new();
    let mut i = 0usize;
    let mut seg_start = chunks[0].start;
    let mut seg_end = seg_start;
    let mut seg_width = 0usize;

    while i < chunks.len() {
        let chunk = chunks[i];
        if seg_end == seg_start {
            seg_start = chunk.start;
        }

        let chunk_width =
            display_width_from(chunk_text(line, chunk), seg_width, tab_len, mask, cw);
        if seg_width + chunk_width <= width {
            seg_end = chunk.end;
            seg_width += chunk_width;
            i += 1;
            continue;
        }

        if seg_end > seg_start {
            out.push((seg_start, seg_end));
            seg_start = seg_end;
            seg_width = 0;
            continue;
        }

        if fallback_to_glyph {
            split_range_by_grapheme_width(line, chunk.start, chunk.end, measure, &mut out);
        } else {
            out.push((chunk.start, chunk.end));
        }

        i += 1;
        seg_start = chunk.end;
        seg_end = chunk.end;
        seg_width = 0;
    }

    if seg_end > seg_start {
        out.push((seg_start, seg_end));
    }

    out
}

fn split_range_by_grapheme_width(
    line: &str,
    start: usize,
    end: usize,
    measure: Measure,
    out: &mut Vec<(usize, usize)>,
) {
    let (width, tab_len, mask, cw) = measure;
    let mut segment_start = start;
    while segment_start < end {
        let mut segment_end = segment_start;
        let mut segment_width = 0usize;

        for (offset, grapheme) in
            UnicodeSegmentation::grapheme_indices(&line[segment_start..end], true)
        {
            let grapheme_start = segment_start + offset;
            let grapheme_end = grapheme_start + grapheme.len();
            let next_width = display_width_to(grapheme, segment_width, tab_len, mask, cw);
            let grapheme_width = next_width.saturating_sub(segment_width);

            if segment_end != segment_start && segment_width + grapheme_width > width {
                break;
            }

            segment_end = grapheme_end;
            segment_width = next_width;
            if segment_width > width {
                break;
            }
        }

        if segment_end == segment_start {
            if let Some(ch) = line[segment_start..end].chars().next() {
                segment_end = segment_start + ch.len_utf8();
            } else {
                break;
            }
        }

        out.push((segment_start, segment_end));
        segment_start = segment_end;
    }
}

#[inline]
fn chunk_text(line: &str, chunk: Chunk) -> &str {
    &line[chunk.start..chunk.end]
}

fn display_width_from(
    text: &str,
    start_width: usize,
    tab_len: u8,
    mask: Option<char>,
    cw: fn(char) -> usize,
) -> usize {
    display_width_to(text, start_width, tab_len, mask, cw).saturating_sub(start_width)
}

fn display_width_to(
    text: &str,
    mut width: usize,
    tab_len: u8,
    mask: Option<char>,
    cw: fn(char) -> usize,
) -> usize {
    for c in text.chars() {
        // A masked line is drawn as one mask character per char,
        // so each char is as wide as the mask.
        if let Some(mask) = mask {
            width += cw(mask);
        } else if c == '\t' {
            if tab_len > 0 {
                let tab = tab_len as usize;
                let pad = tab - (width % tab);
                width += pad;
            }
        } else {
            width += cw(c);
        }
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(line: &str, mode: WrapMode, width: usize) -> Vec<&str> {
        line_ranges(line, mode, width, 4, None)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    fn masked_segments(line: &str, mode: WrapMode, width: usize, mask: char) -> Vec<&str> {
        line_ranges(line, mode, width, 4, Some(mask))
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn word_wrap_keeps_long_word() {
        let have = segments("helloworld", WrapMode::Word, 4);
        assert_eq!(have, vec!["helloworld"]);
    }

    #[test]
    fn word_or_glyph_wrap_splits_long_word() {
        let have = segments("helloworld", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["hell", "owor", "ld"]);
    }

    #[test]
    fn glyph_wrap_handles_wide_chars() {
        let have = segments("ab犬猫", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["ab犬", "猫"]);
    }

    #[test]
    fn glyph_wrap_keeps_combining_grapheme_cluster() {
        let have = segments("e\u{301}x", WrapMode::Glyph, 1);
        assert_eq!(have, vec!["e\u{301}", "x"]);
    }

    #[test]
    fn tab_width_is_accounted_for_in_wrap() {
        let have = segments("\tX", WrapMode::WordOrGlyph, 2);
        assert_eq!(have, vec!["\t", "X"]);
    }

    #[test]
    fn glyph_wrap_preserves_full_mixed_width_row_capacity() {
        let have = segments("a中bcde", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["a中b", "cde"]);
    }

    #[test]
    fn mask_wraps_by_the_mask_width() {
        let have = masked_segments("a中\tcde", WrapMode::Glyph, 4, '*');
        assert_eq!(have, vec!["a中\tc", "de"]);
        let have = masked_segments("abcd", WrapMode::WordOrGlyph, 4, '＊');
        assert_eq!(have, vec!["ab", "cd"]);
    }

    #[test]
    fn halfwidth_sound_marks_take_a_cell() {
        let have = segments("ｶﾞﾊﾟ", WrapMode::Glyph, 2);
        assert_eq!(have, vec!["ｶﾞ", "ﾊﾟ"]);
    }
}
