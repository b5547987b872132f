//! Redrawing a row whose text only slid sideways (typing in the middle of
//! a soft-wrapped paragraph shifts every later character): the tail is slid
//! with insert/delete-character (ICH/DCH) and only the cells that then
//! still differ are written. Each plausible slide is a candidate; the
//! backend sends whichever of them and the plain redraw is shortest.

use std::fmt::Write as _;

use ratatui::buffer::Cell;
use ratatui::layout::Position;

use super::super::capabilities::Capabilities;
use super::pen::Pen;
use super::row::{State, complete, emit, glyph_starts, move_to, set_pen, width_of};

/// Shifts of a row worth trying: one or two wide characters either way.
const SHIFTS: [i16; 8] = [2, -2, 1, -1, 4, -4, 3, -3];

/// The row redrawn by sliding its tail with ICH/DCH, for each plausible
/// shift; each candidate is the bytes to send and the state after them.
/// None where the terminal has no ICH/DCH.
pub fn shifted(
    old: &[Cell],
    new: &[Cell],
    at: (u16, Capabilities),
    state: State,
) -> Vec<(String, State)> {
    let (y, caps) = at;
    if !caps.insert_delete {
        return Vec::new();
    }
    let width = old.len();
    let Some(start) = (0..width).find(|&x| old[x] != new[x]) else {
        return Vec::new();
    };
    // Never slide from the middle of a wide character.
    if starts_inside_wide(old, start) || starts_inside_wide(new, start) {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for shift in SHIFTS {
        let k = shift.unsigned_abs() as usize;
        if start + k >= width || !plausible(old, new, start, shift) {
            continue;
        }
        // What the row looks like after the slide.
        let blank = Cell::default();
        let mut slid: Vec<Option<Cell>> = old.iter().cloned().map(Some).collect();
        if shift > 0 {
            for x in (start + k..width).rev() {
                slid[x] = Some(old[x - k].clone());
            }
            for cell in &mut slid[start..start + k] {
                *cell = Some(blank.clone());
            }
            // A wide character pushed half off the right edge is clipped by
            // the terminal in its own way: treat the edge as unknown.
            for cell in &mut slid[width.saturating_sub(k + 2)..] {
                *cell = None;
            }
        } else {
            if starts_inside_wide(old, start + k) {
                continue;
            }
            for x in start..width - k {
                slid[x] = Some(old[x + k].clone());
            }
            for cell in &mut slid[width - k..] {
                *cell = Some(blank.clone());
            }
        }
        let mut s = state;
        let mut text = String::new();
        move_to(&mut text, &mut s, Position { x: start as u16, y });
        set_pen(&mut text, &mut s, Pen::PLAIN);
        let _ = write!(text, "\x1b[{k}{}", if shift > 0 { '@' } else { 'P' });
        let differing = glyph_starts(new)
            .into_iter()
            .filter(|&x| {
                (x..x + width_of(&new[x]) as usize)
                    .any(|i| i < width && slid[i].as_ref() != Some(&new[i]))
            })
            .collect();
        let (text, s) = emit(&complete(differing, &slid, new), new, at, s, text);
        candidates.push((text, s));
    }
    candidates
}

/// A cheap look before building a candidate: after sliding by `shift`, do
/// the next few cells line up? Rows that changed for other reasons (a
/// scroll, a new section) are ruled out without building anything.
fn plausible(old: &[Cell], new: &[Cell], start: usize, shift: i16) -> bool {
    const PROBE: usize = 6;
    let k = shift.unsigned_abs() as usize;
    (0..PROBE).all(|i| {
        let (o, n) = if shift > 0 {
            (start + i, start + k + i)
        } else {
            (start + k + i, start + i)
        };
        // Past the row's end there is nothing to compare.
        o >= old.len() || n >= new.len() || old[o] == new[n]
    })
}

/// Whether column `x` is the right half of a wide character.
fn starts_inside_wide(row: &[Cell], x: usize) -> bool {
    (1..x.min(3) + 1).any(|back| width_of(&row[x - back]) as usize > back)
}
