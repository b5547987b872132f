//! The attributes a cell is drawn with, as the terminal can show them,
//! and the SGR sequence that sets them.

use std::fmt::Write as _;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::super::capabilities::Capabilities;

/// The attributes the terminal is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    pub(super) const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// The pen for `cell` as the terminal can set it.
    pub(super) fn of(cell: &Cell, caps: Capabilities) -> Pen {
        let mut modifier = cell.modifier;
        if !caps.italic {
            modifier.remove(Modifier::ITALIC);
        }
        Pen {
            fg: caps.colour(cell.fg),
            bg: caps.colour(cell.bg),
            modifier,
        }
    }

    /// The one SGR sequence that resets and sets everything.
    pub(super) fn write_sgr(self, out: &mut String) {
        out.push_str("\x1b[0");
        for (modifier, code) in [
            (Modifier::BOLD, "1"),
            (Modifier::DIM, "2"),
            (Modifier::ITALIC, "3"),
            (Modifier::UNDERLINED, "4"),
            (Modifier::SLOW_BLINK, "5"),
            (Modifier::RAPID_BLINK, "6"),
            (Modifier::REVERSED, "7"),
            (Modifier::HIDDEN, "8"),
            (Modifier::CROSSED_OUT, "9"),
        ] {
            if self.modifier.contains(modifier) {
                out.push(';');
                out.push_str(code);
            }
        }
        colour(out, self.fg, 30);
        colour(out, self.bg, 40);
        out.push('m');
    }
}

/// Appends `;n` for a colour: `base` is 30 for foreground, 40 for background.
fn colour(out: &mut String, color: Color, base: u8) {
    let named = |n: u8| Some(base + n);
    let bright = |n: u8| Some(base + 60 + n);
    let code = match color {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => {
            let _ = write!(out, ";{};5;{i}", base + 8);
            None
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, ";{};2;{r};{g};{b}", base + 8);
            None
        }
    };
    if let Some(code) = code {
        let _ = write!(out, ";{code}");
    }
}
