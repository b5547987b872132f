//! The lean backend is checked against a terminal emulator (`vt100`): after
//! every frame, what the emulator shows must be exactly ratatui's buffer —
//! characters, wide-character layout, colours and attributes.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::export::wrap::hard_wrap;

use super::*;

const W: u16 = 30;
const H: u16 = 8;

struct Screen {
    terminal: Terminal<LeanBackend<Vec<u8>>>,
    emulator: vt100::Parser,
}

impl Screen {
    fn new() -> Screen {
        let terminal = Terminal::new(LeanBackend::with_size(Vec::new(), W, H)).expect("terminal");
        Screen {
            terminal,
            emulator: vt100::Parser::new(H, W, 0),
        }
    }

    /// Draws `lines` (each cut at the edge) plus a cursor, feeds the bytes to the
    /// emulator and compares; returns the bytes this frame cost.
    fn frame(&mut self, lines: &[Line<'static>]) -> usize {
        let buffer = self
            .terminal
            .draw(|f| {
                f.render_widget(Paragraph::new(lines.to_vec()), f.area());
                f.set_cursor_position((3, 2));
            })
            .expect("draw")
            .buffer
            .clone();
        let bytes = std::mem::take(self.terminal.backend_mut().writer_mut());
        self.emulator.process(&bytes);
        self.assert_same(&buffer);
        bytes.len()
    }

    fn assert_same(&self, buffer: &Buffer) {
        let screen = self.emulator.screen();
        for y in 0..H {
            let mut x = 0;
            while x < W {
                let want = &buffer[(x, y)];
                let got = screen.cell(y, x).expect("cell");
                let symbol = if got.has_contents() {
                    got.contents()
                } else {
                    " "
                };
                assert_eq!(
                    symbol,
                    want.symbol(),
                    "symbol at ({x},{y})\n{}",
                    screen.contents()
                );
                assert_eq!(
                    got.bold(),
                    want.modifier.contains(Modifier::BOLD),
                    "bold at ({x},{y})"
                );
                assert_eq!(
                    got.inverse(),
                    want.modifier.contains(Modifier::REVERSED),
                    "reverse at ({x},{y})"
                );
                assert_eq!(emulated(got.fgcolor()), want.fg, "fg at ({x},{y})");
                x += width_of(want);
            }
        }
        assert_eq!(screen.cursor_position(), (2, 3), "cursor");
    }
}

/// The colours these tests use, as vt100 reports them.
fn emulated(color: vt100::Color) -> Color {
    match color {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(1) => Color::Red,
        vt100::Color::Idx(14) => Color::LightCyan,
        vt100::Color::Idx(n) => Color::Indexed(n),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn styled(text: &str, i: usize) -> Span<'static> {
    let style = match i % 4 {
        0 => Style::default(),
        1 => Style::default().fg(Color::Red),
        2 => Style::default()
            .add_modifier(Modifier::BOLD)
            .fg(Color::LightCyan),
        _ => Style::default().add_modifier(Modifier::REVERSED),
    };
    Span::styled(text.to_string(), style)
}

/// Soft-wrapped like the editor does (ratatui's own `Wrap` can put a wide
/// character in the last column, which no terminal can show).
fn wrapped(text: &[char]) -> Vec<Line<'static>> {
    hard_wrap(&text.iter().collect::<String>(), W as usize)
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect()
}

/// A writer whose bytes can be taken from outside the backend.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Bytes ratatui's own crossterm backend sends for the same frames.
fn crossterm_cost(frames: &[Vec<Line<'static>>]) -> Vec<usize> {
    use ratatui::backend::CrosstermBackend;
    use ratatui::{TerminalOptions, Viewport};
    let out = Shared::default();
    let backend = CrosstermBackend::new(out.clone());
    let viewport = Viewport::Fixed(Rect::new(0, 0, W, H));
    let mut terminal =
        Terminal::with_options(backend, TerminalOptions { viewport }).expect("terminal");
    frames
        .iter()
        .map(|lines| {
            terminal
                .draw(|f| {
                    f.render_widget(Paragraph::new(lines.clone()), f.area());
                    f.set_cursor_position((3, 2));
                })
                .expect("draw");
            std::mem::take(&mut *out.0.borrow_mut()).len()
        })
        .collect()
}

#[test]
fn typing_in_the_middle_of_wrapped_chinese_slides_rows() {
    let mut text: Vec<char> =
        "培训党员33016人次，占比56.7%。中共常宁市委组织部单位内设机构包括十个股级职能组室"
            .repeat(2)
            .chars()
            .collect();
    let mut frames = vec![wrapped(&text)];
    for i in 0..20 {
        text.insert(10 + i, '字');
        frames.push(wrapped(&text));
    }
    for _ in 0..10 {
        text.remove(12);
        frames.push(wrapped(&text));
    }
    let mut screen = Screen::new();
    let lean: Vec<usize> = frames.iter().map(|f| screen.frame(f)).collect();
    let plain = crossterm_cost(&frames);
    let (lean_total, plain_total): (usize, usize) =
        (lean[1..].iter().sum(), plain[1..].iter().sum());
    assert!(
        lean_total * 3 < plain_total,
        "lean {lean:?} vs crossterm {plain:?}"
    );
}

#[test]
fn unchanged_frames_cost_nothing() {
    let mut screen = Screen::new();
    let lines = vec![Line::from(vec![
        styled("自评", 1),
        styled(" report ", 2),
        styled("报告", 3),
    ])];
    screen.frame(&lines);
    assert_eq!(screen.frame(&lines), 0);
}

#[test]
fn after_a_clear_the_whole_screen_is_painted_again() {
    // Ctrl-L, after `wall` or `write` wrote over the screen behind
    // ratatui's back: every cell must be right again, not only those that
    // changed.
    let mut screen = Screen::new();
    let lines = vec![
        Line::from(vec![styled("自评", 1), styled(" report ", 2)]),
        Line::from(styled("第二行", 3)),
    ];
    screen.frame(&lines);
    screen
        .emulator
        .process("\x1b[1;1H\x1b[7mBroadcast message from root\r\n\x1b[0m系统将重启".as_bytes());
    screen.terminal.clear().expect("clear");
    let cost = screen.frame(&lines);
    assert!(cost > 0, "a repaint sends the screen");
}

/// On a terminal drawing ambiguous characters two columns wide, the
/// filler after each (see `text::padded`) is never sent: the character
/// covers its column, and the backend knows its cursor moved by two.
#[test]
fn ambiguous_characters_drawn_wide_cover_their_filler() {
    use crate::model::linebreak::Ambiguous;
    use crate::tui::text::{padded, set_ambiguous};
    set_ambiguous(Ambiguous::Wide);
    let mut terminal = Terminal::new(LeanBackend::with_size(Vec::new(), W, H)).expect("terminal");
    let line = padded("“报告”…完");
    terminal
        .draw(|f| f.render_widget(Paragraph::new(line.clone()), f.area()))
        .expect("draw");
    let sent =
        String::from_utf8(std::mem::take(terminal.backend_mut().writer_mut())).expect("utf-8");
    assert!(!sent.contains(FILLER), "{sent:?}");
    // One run of text, no cursor movement inside it.
    assert!(sent.contains("“报告”…完"), "{sent:?}");
    // A change after the wide quotation marks is written at its column.
    let line = padded("“报告”…成");
    terminal
        .draw(|f| f.render_widget(Paragraph::new(line.clone()), f.area()))
        .expect("draw");
    let sent =
        String::from_utf8(std::mem::take(terminal.backend_mut().writer_mut())).expect("utf-8");
    // 2 + 4 + 2 + 2 columns before it: column 11, counted from 1.
    assert!(
        sent.ends_with("\x1b[1;11H成") || sent.contains("[1;11H成"),
        "{sent:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_in_a_wrapped_paragraph_stay_exact(
        start in prop::collection::vec(prop::sample::select(vec!['字', '文', 'a', '，', '3', ' ', '。']), 0..150),
        edits in prop::collection::vec((0usize..200, prop::option::of(prop::sample::select(vec!['新', 'b', '、', '9']))), 1..25),
    ) {
        let mut screen = Screen::new();
        let mut text = start;
        screen.frame(&wrapped(&text));
        for (at, insert) in edits {
            let at = at % (text.len() + 1);
            match insert {
                Some(c) => text.insert(at, c),
                None if at < text.len() => {
                    text.remove(at);
                }
                None => {}
            }
            screen.frame(&wrapped(&text));
        }
    }

    #[test]
    fn the_emulated_screen_always_matches_the_buffer(
        frames in prop::collection::vec(
            prop::collection::vec(
                prop::collection::vec(
                    (prop::sample::select(vec!["字", "中文", "a", "bc", " ", "，", "3016", "报告。", "%"]), 0usize..4),
                    0..20,
                ),
                0..H as usize,
            ),
            1..12,
        ),
    ) {
        let mut screen = Screen::new();
        for rows in frames {
            let lines: Vec<Line<'static>> = rows
                .iter()
                .map(|row| Line::from(row.iter().map(|(t, s)| styled(t, *s)).collect::<Vec<_>>()))
                .collect();
            screen.frame(&lines);
        }
    }
}
