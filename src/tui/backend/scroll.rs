//! Rows that moved up or down together — an editor scrolled by a row, a
//! block that grew by one and pushed the rest of the page down — are moved
//! on the terminal, inside a scroll region (DECSTBM) with insert/delete-line
//! (IL/DL, which every terminal with ICH/DCH has), rather than drawn again:
//! a dozen bytes where redrawing them cost hundreds, and the per-row work
//! of finding what to send is skipped for them.

use std::fmt::Write as _;

use ratatui::buffer::{Buffer, Cell};

use super::pen::Pen;
use super::row::{State, set_pen};

/// Shifts tried, in rows (positive: the content moved down).
const SHIFTS: [isize; 6] = [1, -1, 2, -2, 3, -3];
/// A shift is worth its escape sequences when it saves drawing this many
/// rows.
const MIN_SAVED: usize = 2;

/// The rows `top..bottom` (a scroll region) move `by` rows, down when
/// positive; the rows it opens are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub top: usize,
    pub bottom: usize,
    pub by: isize,
}

/// The one shift of a run of rows that leaves the most rows already right
/// which would otherwise be drawn again; `None` when none saves
/// [`MIN_SAVED`]. `old` is the row on screen, `new` the row to show.
pub fn find<'a>(
    height: usize,
    old: impl Fn(usize) -> &'a [Cell],
    new: impl Fn(usize) -> &'a [Cell],
) -> Option<Shift> {
    // Rows are compared whole only here; below, rows compared are mostly
    // different, and differ early.
    let changed: Vec<bool> = (0..height).map(|y| new(y) != old(y)).collect();
    let mut best: Option<(usize, Shift)> = None;
    for by in SHIFTS {
        let k = by.unsigned_abs();
        if k >= height {
            continue;
        }
        let source = |y: usize| y.checked_add_signed(-by).filter(|s| *s < height);
        let matches = |y: usize| source(y).is_some_and(|s| new(y) == old(s));
        // Cheap first (this runs on most frames): enough of the rows that
        // changed must be rows moved.
        let moved = (0..height)
            .filter(|&y| changed[y] && matches(y))
            .take(MIN_SAVED)
            .count();
        if moved < MIN_SAVED {
            continue;
        }
        // Runs of destination rows y whose new content is the old row y - by.
        let mut y = 0;
        while y < height {
            if !matches(y) {
                y += 1;
                continue;
            }
            let start = y;
            let mut saved = 0;
            while y < height && matches(y) {
                saved += usize::from(changed[y]);
                y += 1;
            }
            let (top, bottom) = if by > 0 {
                (start - k, y)
            } else {
                (start, y + k)
            };
            if saved >= MIN_SAVED && best.is_none_or(|(most, _)| saved > most) {
                best = Some((saved, Shift { top, bottom, by }));
            }
        }
    }
    best.map(|(_, shift)| shift)
}

/// Sends `shift` after `out` and moves the rows of `screen` (the model of
/// the terminal) as the terminal moves them. The cursor is left unknown:
/// terminals differ in where IL/DL and DECSTBM put it.
pub fn apply(shift: Shift, out: &mut String, state: &mut State, screen: &mut Buffer) {
    let Shift { top, bottom, by } = shift;
    let k = by.unsigned_abs();
    // The opened rows are erased with the current background: none.
    set_pen(out, state, Pen::PLAIN);
    let _ = write!(
        out,
        "\x1b[{};{}r\x1b[{};1H\x1b[{k}{}\x1b[r",
        top + 1,
        bottom,
        top + 1,
        if by > 0 { 'L' } else { 'M' }
    );
    state.cursor = None;
    let width = screen.area.width as usize;
    let rows = &mut screen.content[top * width..bottom * width];
    if by > 0 {
        rows.rotate_right(k * width);
        rows[..k * width].fill(Cell::default());
    } else {
        rows.rotate_left(k * width);
        let len = rows.len();
        rows[len - k * width..].fill(Cell::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(texts: &[&str]) -> Vec<Vec<Cell>> {
        texts
            .iter()
            .map(|t| {
                t.chars()
                    .map(|c| {
                        let mut cell = Cell::default();
                        cell.set_char(c);
                        cell
                    })
                    .collect()
            })
            .collect()
    }

    fn found(old: &[&str], new: &[&str]) -> Option<Shift> {
        let (old, new) = (rows(old), rows(new));
        find(old.len(), |y| &old[y], |y| &new[y])
    }

    #[test]
    fn a_run_of_rows_moved_is_found_with_its_region() {
        let shift = |top, bottom, by| Some(Shift { top, bottom, by });
        let cases: [(&[&str], &[&str], Option<Shift>); 4] = [
            // An editor (rows 1..4) scrolled up by one: b c d show at 1..3.
            (
                &["h", "a", "b", "c", "d", "s"],
                &["h", "b", "c", "d", "e", "s"],
                shift(1, 5, -1),
            ),
            // A block grew by a row: what was below it moved down one.
            (
                &["h", "a", "x", "y", "z", " "],
                &["h", "a", "a", "x", "y", "z"],
                shift(1, 6, 1),
            ),
            // One row saved is not worth the escapes.
            (&["a", "b", "c"], &["b", "x", "y"], None),
            // Nothing moved.
            (&["a", "b", "c"], &["a", "b", "c"], None),
        ];
        for (old, new, want) in cases {
            assert_eq!(found(old, new), want, "{old:?} -> {new:?}");
        }
    }

    #[test]
    fn the_model_moves_as_the_terminal_does() {
        let mut screen = Buffer::with_lines(["h", "a", "b", "c", "s"]);
        let mut out = String::new();
        let mut state = State::default();
        let shift = Shift {
            top: 1,
            bottom: 4,
            by: -1,
        };
        apply(shift, &mut out, &mut state, &mut screen);
        assert_eq!(screen, Buffer::with_lines(["h", "b", "c", " ", "s"]));
        assert!(out.ends_with("\x1b[2;4r\x1b[2;1H\x1b[1M\x1b[r"), "{out:?}");
        assert_eq!(state.cursor, None);
        let shift = Shift {
            top: 0,
            bottom: 3,
            by: 2,
        };
        apply(shift, &mut out, &mut state, &mut screen);
        assert_eq!(screen, Buffer::with_lines([" ", " ", "h", " ", "s"]));
    }
}
