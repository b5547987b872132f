use ratatui_core::buffer::CellWidth as _;

pub fn spaces(size: u8) -> &'static str {
    const SPACES: &str = "                                                                                                                                                                                                                                                                ";
    &SPACES[..size as usize]
}

/// The number of cells ratatui draws `c` in. Unlike `UnicodeWidthChar::width`, this counts the
/// halfwidth katakana sound marks `ﾞ` and `ﾟ` as one cell each. Control chars are not drawn, so
/// they take no cells.
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        0
    } else {
        c.encode_utf8(&mut [0; 4]).cell_width().into()
    }
}

/// How many terminal columns a character takes, when the terminal's idea
/// differs from ratatui's: e.g. East Asian ambiguous characters (`“ ” … —`)
/// drawn two columns wide by a terminal set to "ambiguous characters are
/// wide". `width` is used for wrapping and every cursor position; where it
/// exceeds the cells ratatui gives a character, the drawn text gets that
/// many `filler` characters after it, so ratatui's cells line up with the
/// terminal's columns (the backend is expected not to print the filler: the
/// wide character already covers its cell).
#[derive(Clone, Copy, Debug)]
pub struct CharWidths {
    pub width: fn(char) -> usize,
    pub filler: char,
}

impl Default for CharWidths {
    fn default() -> Self {
        CharWidths {
            width: char_width,
            filler: ' ',
        }
    }
}

impl CharWidths {
    /// Filler characters owed after `c` when drawing it.
    pub(crate) fn fillers(&self, c: char) -> usize {
        (self.width)(c).saturating_sub(char_width(c))
    }
}

/// Digits of `i` in decimal (1 for 0), counted on integers rather than
/// with `f64::log10`: exact, and one call into libm fewer.
pub fn num_digits(i: usize) -> u8 {
    i.checked_ilog10().map_or(1, |d| d as u8 + 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
    pub offset: usize,
}

impl Pos {
    pub fn new(row: usize, col: usize, offset: usize) -> Self {
        Self { row, col, offset }
    }
}

#[cfg(test)]
mod tests {
    use super::num_digits;

    #[test]
    fn num_digits_counts_decimal_digits() {
        for (i, want) in [(0, 1), (1, 1), (9, 1), (10, 2), (99, 2), (100, 3), (999_999, 6)] {
            assert_eq!(num_digits(i), want, "{i}");
        }
        assert_eq!(
            usize::from(num_digits(usize::MAX)),
            usize::MAX.to_string().len()
        );
    }
}
