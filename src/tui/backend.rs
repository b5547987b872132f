//! A terminal backend that sends as few bytes as it can, for slow SSH links.
//!
//! ratatui's crossterm backend is correct but generous: it moves the cursor
//! before every wide (Chinese) character, resets all attributes after every
//! frame, and re-sends "show cursor" each time. Typing one character in the
//! middle of a long soft-wrapped paragraph shifts every character after it,
//! and it rewrites them all. This backend
//! - remembers where the terminal's cursor is (advancing by display width)
//!   and which attributes are set, across frames, and sends only changes;
//! - keeps a copy of what the screen shows (`model`, 16 bytes a cell), so
//!   that a row whose text only slid sideways is redrawn with
//!   insert/delete-character (ICH/DCH, which every VT100-style terminal
//!   has) plus the few cells that really changed — whichever of the two
//!   ways is shorter, decided by producing both;
//! - sends only what the terminal named by `TERM` shows
//!   (`capabilities.rs`): colours brought down to its 16 or 8, no italics
//!   where it has none, and no ICH/DCH on a `vt100`.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Write};

use super::text::FILLER;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};

use super::capabilities::Capabilities;

mod model;
mod pen;
mod row;
mod scroll;
mod slide;
use model::Model;
use pen::Pen;
use row::{State, complete, emit, glyph_starts, move_to, set_pen, width_of};
use slide::shifted;

pub struct LeanBackend<W: Write> {
    writer: W,
    /// What the terminal shows.
    screen: Model,
    state: State,
    cursor_shown: Option<bool>,
    /// A fixed size for measuring without a terminal.
    fixed_size: Option<Size>,
    /// What the terminal can show.
    caps: Capabilities,
}

impl<W: Write> LeanBackend<W> {
    /// A backend on a real terminal, whose size is asked from the terminal.
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            screen: Model::default(),
            state: State::default(),
            cursor_shown: None,
            fixed_size: None,
            caps: Capabilities::FULL,
        }
    }

    /// Sends only what a terminal with `caps` shows.
    pub fn with_capabilities(self, caps: Capabilities) -> Self {
        LeanBackend { caps, ..self }
    }

    /// A backend of a fixed size (benchmarks and tests, no terminal needed).
    pub fn with_size(writer: W, width: u16, height: u16) -> Self {
        LeanBackend {
            fixed_size: Some(Size { width, height }),
            ..LeanBackend::new(writer)
        }
    }

    pub fn writer(&self) -> &W {
        &self.writer
    }

    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// The screen model, resized (and so blanked) when the terminal is.
    fn screen_for(&mut self, area: Rect) -> &mut Model {
        if self.screen.area() != area {
            self.screen = Model::blank(area);
        }
        &mut self.screen
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let area = Rect::from((Position::ORIGIN, self.size()?));
        let mut out = String::new();
        let mut state = self.state;
        let caps = self.caps;
        // A new size or a clear starts a blank model (see `screen_for`).
        let blank = self.screen.area() != area;
        let screen = self.screen_for(area);
        // The cells that change, by row, borrowed: a first frame changes
        // every cell, and copies of them all would be the frame's largest
        // memory. The display sends every cell (`display.rs`); those the
        // terminal already shows are passed over here.
        let mut rows: Vec<Vec<(u16, &Cell)>> = vec![Vec::new(); area.height as usize];
        for (x, y, cell) in content {
            let cell = as_shown(cell);
            if screen.shows(x as usize, y as usize, cell) {
                continue;
            }
            if let Some(row) = rows.get_mut(y as usize) {
                row.push((x, cell));
            }
        }
        let width = area.width as usize;
        // Rows that moved together are moved, not drawn (see `scroll`); on
        // a blank screen nothing can have moved.
        let moved =
            !blank && caps.insert_delete && rows.iter().filter(|r| !r.is_empty()).nth(1).is_some();
        let shift = moved.then(|| find_shift(screen, &rows)).flatten();
        if let Some(shift) = shift {
            scroll::send(shift, &mut out, &mut state);
        }
        // Until the frame is out, the model holds what the terminal showed
        // before the shift: a row's new contents are its old ones with
        // the frame's changes, and what the terminal shows there now is the
        // old contents of the row the shift brought there (`source`). So a
        // row drawn is written back only once no row still to draw shows
        // its old contents (`pending`: the rows of the shift's distance,
        // at most 3, and the one just drawn), and no copy of the screen is
        // ever made.
        let mut pending: Vec<(usize, Vec<Cell>)> = Vec::new();
        for (y, changes) in rows.iter().enumerate() {
            let source = shift.map_or(Some(y), |s| s.source(y));
            // Rows the frame left alone are drawn too where the shift moved
            // something else there: they are to show what they show now.
            if changes.is_empty() && source == Some(y) {
                continue;
            }
            let old = source.map_or_else(|| vec![Cell::default(); width], |s| screen.row(s));
            let new = changed_row(screen.row(y), changes);
            let row = y as u16;
            // The glyphs that differ from what the terminal shows.
            let sent: Vec<usize> = glyph_starts(&new)
                .into_iter()
                .filter(|&x| {
                    (x..(x + width_of(&new[x]) as usize).min(width)).any(|i| old[i] != new[i])
                })
                .collect();
            if !sent.is_empty() {
                let before: Vec<Option<Cell>> = old.iter().cloned().map(Some).collect();
                let plain = emit(
                    &complete(sent, &before, &new),
                    &new,
                    (row, caps),
                    state,
                    String::new(),
                );
                let best = shifted(&old, &new, (row, caps), state).into_iter().fold(
                    plain,
                    |best, candidate| {
                        if candidate.0.len() < best.0.len() {
                            candidate
                        } else {
                            best
                        }
                    },
                );
                out.push_str(&best.0);
                state = best.1;
            }
            pending.push((y, new));
            pending.retain(|(j, new)| {
                let still_read = shift.and_then(|s| s.shown_at(*j)).is_some_and(|at| at > y);
                if !still_read {
                    screen.set_row(*j, new);
                }
                still_read
            });
        }
        for (j, new) in pending {
            screen.set_row(j, &new);
        }
        self.state = state;
        self.writer.write_all(out.as_bytes())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.writer.write_all(b"\x1b[?25l")?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.writer.write_all(b"\x1b[?25h")?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.state.cursor.unwrap_or(Position::ORIGIN))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let mut out = String::new();
        move_to(&mut out, &mut self.state, position.into());
        self.writer.write_all(out.as_bytes())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Erasing paints with the current background: reset it first.
        let mut out = String::new();
        set_pen(&mut out, &mut self.state, Pen::PLAIN);
        out.push_str(match clear_type {
            ClearType::All => "\x1b[2J",
            ClearType::AfterCursor => "\x1b[J",
            ClearType::BeforeCursor => "\x1b[1J",
            ClearType::CurrentLine => "\x1b[2K",
            ClearType::UntilNewLine => "\x1b[K",
        });
        self.writer.write_all(out.as_bytes())?;
        // The display redraws everything after a clear, into a screen model
        // that starts blank. A clear also follows a return from the user's
        // editor, after which cursor and attributes are anyone's guess.
        self.screen = Model::default();
        self.state = State::default();
        self.cursor_shown = None;
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => crossterm::terminal::size().map(|(width, height)| Size { width, height }),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.size()?;
        Ok(WindowSize {
            columns_rows: size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// What the terminal shows for `cell`: a filler stands in the column an
/// ambiguous character drawn two wide covers (see `text::padded`), and is
/// never sent; the model keeps that column blank, as for a wide one.
fn as_shown(cell: &Cell) -> &Cell {
    if cell.symbol().starts_with(FILLER) {
        &Cell::EMPTY
    } else {
        cell
    }
}

/// Row `old` with the frame's `changes` to it (cells as shown, see
/// [`as_shown`]): what the terminal is to show.
fn changed_row(old: Vec<Cell>, changes: &[(u16, &Cell)]) -> Vec<Cell> {
    let mut new = old;
    for &(x, cell) in changes {
        let x = x as usize;
        // The cells a wide character covers are blank in ratatui's buffer,
        // and the display never sends them: mirror that, or a stale symbol
        // would survive there in the model.
        for i in 1..width_of(cell) as usize {
            if let Some(c) = new.get_mut(x + i) {
                *c = Cell::default();
            }
        }
        if let Some(c) = new.get_mut(x) {
            *c = cell.clone();
        }
    }
    new
}

/// The shift worth sending (see `scroll::find`), judged by digests of the
/// rows: each row's new contents are worked out to be digested and then
/// dropped, for a frame that changes every row would otherwise hold the
/// screen twice more. Two rows with one digest cost bytes, never a wrong
/// screen: every row a shift moves is drawn against what the terminal
/// then shows.
fn find_shift(screen: &Model, rows: &[Vec<(u16, &Cell)>]) -> Option<scroll::Shift> {
    let digest = |cells: &[Cell]| {
        let mut hasher = DefaultHasher::new();
        cells.hash(&mut hasher);
        hasher.finish()
    };
    let old: Vec<u64> = (0..rows.len()).map(|y| digest(&screen.row(y))).collect();
    let new: Vec<u64> = rows
        .iter()
        .enumerate()
        .map(|(y, changes)| {
            if changes.is_empty() {
                old[y]
            } else {
                digest(&changed_row(screen.row(y), changes))
            }
        })
        .collect();
    scroll::find(rows.len(), |y| old[y], |y| new[y])
}

#[cfg(test)]
#[path = "backend_tests.rs"]
mod tests;
