//! The terminal as the views draw on it: one screen buffer, handed whole
//! to a backend that works out what changed.
//!
//! ratatui's `Terminal` keeps two buffers, this frame's and the last one's,
//! and sends the backend their difference. The lean backend keeps its own
//! model of what the terminal shows (16 bytes a cell) and compares each
//! cell it is sent with that model anyway, so the second buffer (40 bytes a
//! cell, 120 KB at 100×30) only repeated what the backend already knew.
//! `Display` keeps one buffer and sends every cell; the backend passes over
//! the cells its model already shows. A backend without a model (the
//! tests' `TestBackend`) simply takes them all, and so always holds the
//! whole frame.

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The terminal being drawn on.
pub struct Display<B: Backend> {
    backend: B,
    /// The frame being drawn, kept between frames only to save allocating
    /// it anew.
    buffer: Buffer,
}

/// One frame as the views draw it: where widgets go, and where the
/// terminal's cursor is to stand afterwards (the input method opens its
/// window there).
pub struct Frame<'a> {
    buffer: &'a mut Buffer,
    cursor: Option<Position>,
}

impl Frame<'_> {
    /// The whole screen.
    pub fn area(&self) -> Rect {
        self.buffer.area
    }

    pub fn render_widget<W: Widget>(&mut self, widget: W, area: Rect) {
        widget.render(area, self.buffer);
    }

    /// Shows the cursor at `position` once the frame is out; a frame that
    /// never calls this hides it.
    pub fn set_cursor_position<P: Into<Position>>(&mut self, position: P) {
        self.cursor = Some(position.into());
    }
}

impl<B: Backend> Display<B> {
    pub fn new(backend: B) -> Result<Self, B::Error> {
        let area = Rect::from((Position::ORIGIN, backend.size()?));
        Ok(Display {
            backend,
            buffer: Buffer::empty(area),
        })
    }

    /// Draws one frame: `render` fills a blank screen, the backend is sent
    /// it, and the cursor is put where `render` asked. Returns the frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> Result<&Buffer, B::Error> {
        let area = Rect::from((Position::ORIGIN, self.backend.size()?));
        if area != self.buffer.area {
            // A terminal resized keeps what it showed wherever it likes
            // (rows rewrapped, or not): start from a clear one.
            self.buffer.resize(area);
            self.backend.clear()?;
        }
        self.buffer.reset();
        let mut frame = Frame {
            buffer: &mut self.buffer,
            cursor: None,
        };
        render(&mut frame);
        let cursor = frame.cursor;
        self.backend.draw(cells(&self.buffer))?;
        match cursor {
            None => self.backend.hide_cursor()?,
            Some(position) => {
                self.backend.show_cursor()?;
                self.backend.set_cursor_position(position)?;
            }
        }
        self.backend.flush()?;
        Ok(&self.buffer)
    }

    /// Clears the terminal; the next frame is drawn onto a blank screen.
    pub fn clear(&mut self) -> Result<(), B::Error> {
        self.backend.clear()
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }
}

/// Every cell of `buffer` a terminal draws: the columns a wide character
/// covers are left out, as ratatui's own diff leaves them out, for the
/// character drawn there covers them.
fn cells(buffer: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let width = buffer.area.width.max(1);
    let mut covered = 0;
    buffer
        .content
        .iter()
        .enumerate()
        .filter_map(move |(i, cell)| {
            let (x, y) = ((i % width as usize) as u16, (i / width as usize) as u16);
            if covered > 0 && x > 0 {
                covered -= 1;
                return None;
            }
            covered = cell.symbol().width().saturating_sub(1);
            Some((x, y, cell))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    fn shown(display: &Display<TestBackend>) -> Vec<String> {
        let buffer = display.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn each_frame_replaces_the_last_whole() {
        let mut display = Display::new(TestBackend::new(6, 2)).expect("display");
        display
            .draw(|f| f.render_widget(Paragraph::new("中文ab\nxyz"), f.area()))
            .expect("draw");
        assert_eq!(shown(&display), ["中 文 ab", "xyz   "]);
        // Less on screen: what the last frame had there is gone.
        display
            .draw(|f| f.render_widget(Paragraph::new("a"), f.area()))
            .expect("draw");
        assert_eq!(shown(&display), ["a     ", "      "]);
    }

    #[test]
    fn the_cursor_shows_only_where_a_frame_puts_it() {
        let mut display = Display::new(TestBackend::new(4, 2)).expect("display");
        display
            .draw(|f| f.set_cursor_position((2, 1)))
            .expect("draw");
        assert!(display.backend().cursor_visible());
        assert_eq!(
            display.backend_mut().get_cursor_position().expect("cursor"),
            Position::new(2, 1)
        );
        display.draw(|_| {}).expect("draw");
        assert!(!display.backend().cursor_visible());
    }

    #[test]
    fn a_resized_terminal_gets_a_frame_of_its_new_size() {
        let mut display = Display::new(TestBackend::new(4, 1)).expect("display");
        display.backend_mut().resize(6, 2);
        let mut seen = Rect::default();
        display
            .draw(|f| {
                seen = f.area();
                f.render_widget(Paragraph::new("abcdef\nghij"), f.area());
            })
            .expect("draw");
        assert_eq!(seen, Rect::new(0, 0, 6, 2));
        assert_eq!(shown(&display), ["abcdef", "ghij  "]);
    }

    #[test]
    fn the_columns_a_wide_character_covers_are_not_sent() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 5, 3));
        buffer.set_string(0, 0, "中a文", ratatui::style::Style::default());
        buffer.set_string(0, 1, "b中", ratatui::style::Style::default());
        // A wide symbol put in a row's last column covers nothing of the
        // next row.
        buffer[(4, 1)].set_symbol("字");
        buffer[(0, 2)].set_symbol("c");
        let sent: Vec<(u16, u16, &str)> =
            cells(&buffer).map(|(x, y, c)| (x, y, c.symbol())).collect();
        assert_eq!(
            sent,
            [
                (0, 0, "中"),
                (2, 0, "a"),
                (3, 0, "文"),
                (0, 1, "b"),
                (1, 1, "中"),
                (3, 1, " "),
                (4, 1, "字"),
                (0, 2, "c"),
                (1, 2, " "),
                (2, 2, " "),
                (3, 2, " "),
                (4, 2, " "),
            ]
        );
    }
}
