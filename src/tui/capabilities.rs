//! What the terminal named by `TERM` can show, so the lean backend sends
//! only what it understands. ziping draws through its own backend, not
//! terminfo: the handful of terminals offices reach it from are named here.
//!
//! - `dumb`: no cursor addressing at all — the full-screen editor refuses
//!   and points to the commands that need none.
//! - `linux` (the Linux console): 16 colours, no italics (it shows them as
//!   a colour of its own).
//! - `screen` (GNU screen): 8 colours, no italics. Under tmux (`$TMUX` set)
//!   a `screen` TERM is tmux's own older default, and tmux renders
//!   whatever the outer terminal can: treated like any xterm-style one.
//! - `vt220`: no colour, no italics; insert/delete-character (ICH/DCH) it
//!   has. `vt100` lacks ICH/DCH too, so rows that only slid sideways are
//!   redrawn plainly there.
//! - anything else (xterm, tmux-256color, putty …, or no TERM): 256 colours
//!   and italics; 24-bit colour only where `COLORTERM` says `truecolor` or
//!   `24bit` (SSH does not forward it by default, so a user theme's
//!   `#rrggbb` goes as the nearest of the 256 colours). The built-in themes
//!   use the 16 named colours only, so none of this changes them.

use ratatui::style::Color;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Colours {
    /// None: attributes only (bold, underline, reverse).
    None,
    /// The 8 ANSI colours.
    Eight,
    /// The 8 and their bright versions.
    Sixteen,
    /// The 256-colour palette.
    Palette,
    /// 24-bit colour.
    TrueColour,
}

/// What the backend may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub colours: Colours,
    pub italic: bool,
    /// Insert/delete-character (ICH `CSI n @`, DCH `CSI n P`).
    pub insert_delete: bool,
}

impl Capabilities {
    /// An xterm-style terminal: everything but 24-bit colour.
    pub const FULL: Capabilities = Capabilities {
        colours: Colours::Palette,
        italic: true,
        insert_delete: true,
    };

    /// The terminal `term` names, with `COLORTERM` and whether `$TMUX` is
    /// set; `None` for one the full-screen editor cannot run on.
    pub fn of(term: Option<&str>, colorterm: Option<&str>, tmux: bool) -> Option<Capabilities> {
        let term = term.unwrap_or("").trim();
        // `screen.xterm-256color`, `vt100-am`: the family is before the dot
        // or dash.
        let family = term.split(['.', '-']).next().unwrap_or("");
        let plain = |colours| Capabilities {
            colours,
            italic: false,
            insert_delete: true,
        };
        let caps = match family {
            "dumb" => return None,
            "linux" => plain(Colours::Sixteen),
            "screen" if !tmux && term.ends_with("256color") => plain(Colours::Palette),
            "screen" if !tmux => plain(Colours::Eight),
            "vt220" | "vt102" => plain(Colours::None),
            "vt100" => Capabilities {
                insert_delete: false,
                ..plain(Colours::None)
            },
            _ => Capabilities::FULL,
        };
        let truecolor = matches!(colorterm.map(str::trim), Some("truecolor" | "24bit"));
        Some(if truecolor && caps.colours == Colours::Palette {
            Capabilities {
                colours: Colours::TrueColour,
                ..caps
            }
        } else {
            caps
        })
    }

    /// `color` as this terminal can show it (`Reset`, the terminal's own,
    /// where it has none).
    pub fn colour(self, color: Color) -> Color {
        match (self.colours, color) {
            (_, Color::Reset) | (Colours::None, _) => Color::Reset,
            (Colours::TrueColour, _) => color,
            (Colours::Palette, Color::Rgb(r, g, b)) => Color::Indexed(palette_index(r, g, b)),
            (Colours::Palette, _) => color,
            (Colours::Sixteen, _) => sixteen(color),
            (Colours::Eight, _) => eight(sixteen(color)),
        }
    }
}

/// The nearest colour of xterm's 6×6×6 cube or grey ramp.
fn palette_index(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| -> u8 {
        // The cube's levels are 0, 95, 135, 175, 215, 255.
        if v < 48 {
            0
        } else if v < 115 {
            1
        } else {
            (v - 35) / 40
        }
    };
    let (lr, lg, lb) = (level(r), level(g), level(b));
    if lr == lg && lg == lb && r.abs_diff(g) < 16 && g.abs_diff(b) < 16 && (8..=238).contains(&r) {
        // Greys between the cube's corners read better on the ramp.
        return 232 + (r - 8) / 10;
    }
    16 + 36 * lr + 6 * lg + lb
}

/// The 16 named colours' RGB (xterm's defaults), for finding the nearest.
const NAMED: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// One of the 16 named colours.
fn sixteen(color: Color) -> Color {
    let rgb = match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed_rgb(i),
        named => return named,
    };
    let distance = |(r, g, b): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, rgb.0) + d(g, rgb.1) + d(b, rgb.2)
    };
    NAMED
        .iter()
        .min_by_key(|(_, named)| distance(*named))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// A palette colour's RGB.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => NAMED[usize::from(i)].1,
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// One of the 8: a bright colour as its base one, except dark grey, which
/// as black would vanish on a dark background.
fn eight(color: Color) -> Color {
    match color {
        Color::DarkGray | Color::White => Color::Gray,
        Color::LightRed => Color::Red,
        Color::LightGreen => Color::Green,
        Color::LightYellow => Color::Yellow,
        Color::LightBlue => Color::Blue,
        Color::LightMagenta => Color::Magenta,
        Color::LightCyan => Color::Cyan,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_term_gets_what_it_supports() {
        let of = |term: &str| Capabilities::of(Some(term), None, false);
        assert_eq!(of("dumb"), None);
        let linux = of("linux").expect("linux");
        assert_eq!((linux.colours, linux.italic), (Colours::Sixteen, false));
        let vt100 = of("vt100").expect("vt100");
        assert_eq!((vt100.colours, vt100.insert_delete), (Colours::None, false));
        assert!(of("vt220").expect("vt220").insert_delete);
        assert_eq!(of("screen").expect("screen").colours, Colours::Eight);
        assert_eq!(of("xterm-256color"), Some(Capabilities::FULL));
        assert_eq!(
            Capabilities::of(None, None, false),
            Some(Capabilities::FULL)
        );
        // screen inside tmux is tmux.
        assert_eq!(
            Capabilities::of(Some("screen"), None, true),
            Some(Capabilities::FULL)
        );
        let truecolor = Capabilities::of(Some("xterm-256color"), Some("truecolor"), false);
        assert_eq!(truecolor.map(|c| c.colours), Some(Colours::TrueColour));
        // COLORTERM does not lift a console to 24 bits.
        let console = Capabilities::of(Some("linux"), Some("truecolor"), false);
        assert_eq!(console.map(|c| c.colours), Some(Colours::Sixteen));
    }

    #[test]
    fn colours_come_down_to_what_the_terminal_has() {
        let caps = |colours| Capabilities {
            colours,
            ..Capabilities::FULL
        };
        let orange = Color::Rgb(0xff, 0x88, 0);
        assert_eq!(caps(Colours::TrueColour).colour(orange), orange);
        assert_eq!(caps(Colours::Palette).colour(orange), Color::Indexed(208));
        assert_eq!(caps(Colours::Sixteen).colour(orange), Color::Yellow);
        assert_eq!(
            caps(Colours::Sixteen).colour(Color::Indexed(196)),
            Color::LightRed
        );
        assert_eq!(caps(Colours::Eight).colour(Color::LightRed), Color::Red);
        assert_eq!(caps(Colours::Eight).colour(Color::DarkGray), Color::Gray);
        assert_eq!(caps(Colours::None).colour(Color::Red), Color::Reset);
    }
}
