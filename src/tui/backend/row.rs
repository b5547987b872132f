//! Writing cells of a row to the terminal: where its cursor is and which
//! pen is set, the moves and attributes that takes, and which glyphs a write
//! disturbs. A leaf that the backend, a slid row (`slide`) and moved rows
//! (`scroll`) all write through.

use std::fmt::Write as _;

use ratatui::buffer::Cell;
use ratatui::layout::Position;

use super::super::capabilities::Capabilities;
use super::super::text::display_width;
use super::pen::Pen;

/// Where the terminal's cursor is and which pen is set; `None` = unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct State {
    pub cursor: Option<Position>,
    pub pen: Option<Pen>,
}

/// Display width of a cell's symbol on this terminal (ambiguous characters
/// two wide where it draws them so); the cell after a wide one is covered.
pub fn width_of(cell: &Cell) -> u16 {
    u16::try_from(display_width(cell.symbol()))
        .unwrap_or(1)
        .max(1)
}

/// Columns where a glyph starts (the others are covered by a wide one).
pub fn glyph_starts(row: &[Cell]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut x = 0;
    while x < row.len() {
        starts.push(x);
        x += width_of(&row[x]) as usize;
    }
    starts
}

/// For every column, the column where the glyph covering it starts.
pub fn owners(widths: impl Iterator<Item = usize>, len: usize) -> Vec<usize> {
    let mut owner = vec![0; len];
    let mut widths = widths;
    let mut x = 0;
    while x < len {
        let w = widths.next().unwrap_or(1).max(1);
        for cell in owner.iter_mut().skip(x).take(w) {
            *cell = x;
        }
        for _ in 1..w {
            widths.next();
        }
        x += w;
    }
    owner
}

/// Adds to the glyphs about to be written (`xs`, start columns in `new`)
/// every glyph they disturb: writing over part of a wide character on
/// screen blanks the rest of it, with whatever attributes happen to be
/// current, so those columns must be written again too.
pub fn complete(mut xs: Vec<usize>, before: &[Option<Cell>], new: &[Cell]) -> Vec<usize> {
    let len = new.len();
    let before_width = |x: usize| before[x].as_ref().map_or(1, |c| width_of(c) as usize);
    let on_screen = owners((0..len).map(before_width), len);
    let in_new = owners(new.iter().map(|c| width_of(c) as usize), len);
    let mut seen: Vec<bool> = vec![false; len];
    let mut queue = xs.clone();
    for &x in &xs {
        seen[x] = true;
    }
    while let Some(x) = queue.pop() {
        let end = (x + width_of(&new[x]) as usize).min(len);
        let left = on_screen[x];
        let right = on_screen[end - 1];
        let right_end = (right + before_width(right)).min(len);
        for p in (left..x).chain(end..right_end) {
            let glyph = in_new[p];
            if !seen[glyph] {
                seen[glyph] = true;
                xs.push(glyph);
                queue.push(glyph);
            }
        }
    }
    xs.sort_unstable();
    xs
}

/// Writes the glyphs at `xs` of row `y`, after `text`; returns the bytes
/// and the state they leave.
pub fn emit(
    xs: &[usize],
    row: &[Cell],
    (y, caps): (u16, Capabilities),
    mut state: State,
    mut text: String,
) -> (String, State) {
    for &x in xs {
        put(
            &mut text,
            &mut state,
            Position { x: x as u16, y },
            &row[x],
            caps,
        );
    }
    (text, state)
}

/// Writes one cell at `at`.
pub fn put(out: &mut String, state: &mut State, at: Position, cell: &Cell, caps: Capabilities) {
    move_to(out, state, at);
    set_pen(out, state, Pen::of(cell, caps));
    out.push_str(cell.symbol());
    state.cursor = Some(Position {
        x: at.x + width_of(cell),
        y: at.y,
    });
}

pub fn move_to(out: &mut String, state: &mut State, to: Position) {
    if state.cursor == Some(to) {
        return;
    }
    match state.cursor {
        // Same row, a little to the right: "CSI n C" is shorter than CUP.
        Some(at) if at.y == to.y && to.x > at.x && to.x - at.x < 100 => {
            let _ = write!(out, "\x1b[{}C", to.x - at.x);
        }
        Some(at) if at.y == to.y && to.x == 0 => out.push('\r'),
        _ => {
            let _ = write!(out, "\x1b[{};{}H", to.y + 1, to.x + 1);
        }
    }
    state.cursor = Some(to);
}

pub fn set_pen(out: &mut String, state: &mut State, pen: Pen) {
    if state.pen == Some(pen) {
        return;
    }
    pen.write_sgr(out);
    state.pen = Some(pen);
}
