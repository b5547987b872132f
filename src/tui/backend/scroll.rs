//! Rows that moved up or down together — an editor scrolled by a row, a
//! block that grew by one and pushed the rest of the page down — are moved
//! on the terminal, inside a scroll region (DECSTBM) with insert/delete-line
//! (IL/DL, which every terminal with ICH/DCH has), rather than drawn again:
//! a dozen bytes where redrawing them cost hundreds, and the per-row work
//! of finding what to send is skipped for them.

use std::fmt::Write as _;

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
/// [`MIN_SAVED`]. `old` is (a digest of) the row on screen, `new` of the
/// row to show.
pub fn find<T: PartialEq>(
    height: usize,
    old: impl Fn(usize) -> T,
    new: impl Fn(usize) -> T,
) -> Option<Shift> {
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

impl Shift {
    /// The row whose contents row `y` shows once the terminal has moved the
    /// rows: `y` itself outside the region, `None` for a row it opened.
    pub fn source(&self, y: usize) -> Option<usize> {
        self.moved(y, -self.by)
    }

    /// Where the contents of row `s` are shown once the terminal has moved
    /// the rows: `None` when they are pushed out of the region.
    pub fn shown_at(&self, s: usize) -> Option<usize> {
        self.moved(s, self.by)
    }

    /// Row `row` moved `by` rows inside the region, `None` past its edge;
    /// a row outside the region stays where it is.
    fn moved(&self, row: usize, by: isize) -> Option<usize> {
        let region = self.top..self.bottom;
        if !region.contains(&row) {
            return Some(row);
        }
        row.checked_add_signed(by).filter(|r| region.contains(r))
    }
}

/// Sends `shift` after `out`. The cursor is left unknown: terminals differ
/// in where IL/DL and DECSTBM put it.
pub fn send(shift: Shift, out: &mut String, state: &mut State) {
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
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Cell;

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

    /// `screen` as the terminal shows it after `shift`, by [`Shift::source`].
    fn moved(screen: &[&str], shift: Shift) -> Vec<String> {
        (0..screen.len())
            .map(|y| shift.source(y).map_or(" ", |s| screen[s]).to_string())
            .collect()
    }

    #[test]
    fn rows_move_as_the_terminal_moves_them() {
        let screen = ["h", "a", "b", "c", "s"];
        let up = Shift {
            top: 1,
            bottom: 4,
            by: -1,
        };
        assert_eq!(moved(&screen, up), ["h", "b", "c", " ", "s"]);
        let down = Shift {
            top: 0,
            bottom: 3,
            by: 2,
        };
        assert_eq!(moved(&screen, down), [" ", " ", "h", "c", "s"]);
        // `shown_at` is `source` the other way round.
        for shift in [up, down] {
            for s in 0..screen.len() {
                if let Some(y) = shift.shown_at(s) {
                    assert_eq!(shift.source(y), Some(s), "{shift:?} row {s}");
                }
            }
        }
        assert_eq!(down.shown_at(1), None, "pushed out");
        let mut out = String::new();
        let mut state = State::default();
        send(up, &mut out, &mut state);
        assert!(out.ends_with("\x1b[2;4r\x1b[2;1H\x1b[1M\x1b[r"), "{out:?}");
        assert_eq!(state.cursor, None);
    }
}
