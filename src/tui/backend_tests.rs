//! The lean backend is checked against a terminal emulator (`vt100`): after
//! every frame, what the emulator shows must be exactly ratatui's buffer —
//! characters, wide-character layout, colours and attributes.

use crate::tui::display::Display;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::export::wrap::hard_wrap;

use super::*;

const W: u16 = 30;
const H: u16 = 8;

struct Screen {
    terminal: Display<LeanBackend<Vec<u8>>>,
    emulator: vt100::Parser,
}

impl Screen {
    fn new() -> Screen {
        let terminal = Display::new(LeanBackend::with_size(Vec::new(), W, H)).expect("terminal");
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
    use ratatui::{Terminal, TerminalOptions, Viewport};
    use ratatui_crossterm::CrosstermBackend;
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

/// A page of H rows: a title, a window of `rows` from `top`, a status line.
fn page(rows: &[Line<'static>], top: usize) -> Vec<Line<'static>> {
    let mut page = vec![Line::from(styled("部门整体支出绩效自评报告", 2))];
    page.extend(rows.iter().skip(top).take(H as usize - 2).cloned());
    page.resize(H as usize - 1, Line::raw(""));
    page.push(Line::from(styled("F1 帮助  Ctrl-Q 退出", 3)));
    page
}

#[test]
fn a_window_scrolled_by_a_row_is_moved_not_drawn_again() {
    let text: Vec<char> = "中共常宁市委组织部单位内设机构包括十个股级职能组室，培训党员33016人次。"
        .repeat(6)
        .chars()
        .collect();
    let rows = wrapped(&text);
    let mut screen = Screen::new();
    screen.frame(&page(&rows, 0));
    // Down a row and back up: every text row of the window changes.
    let down = screen.frame(&page(&rows, 1));
    let up = screen.frame(&page(&rows, 0));
    let redraw = crossterm_cost(&[page(&rows, 0), page(&rows, 1)])[1];
    for cost in [down, up] {
        assert!(
            cost * 4 < redraw,
            "scrolled: {down} and {up} bytes; redrawn: {redraw}"
        );
    }
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
    let mut terminal = Display::new(LeanBackend::with_size(Vec::new(), W, H)).expect("terminal");
    let line = padded("“报告”…完");
    terminal
        .draw(|f| f.render_widget(Paragraph::new(line.clone()), f.area()))
        .expect("draw");
    let sent =
        String::from_utf8(std::mem::take(terminal.backend_mut().writer_mut())).expect("utf-8");
    assert!(!sent.contains(FILLER), "{sent:?}");
    // One run of text, no cursor movement inside it.
    assert!(sent.contains("“报告”…完"), "{sent:?}");
    // The model holds what the terminal shows: a covered column, blank.
    let shown = terminal.backend().screen.row(0);
    assert!(shown.iter().all(|c| !c.symbol().starts_with(FILLER)));
    assert_eq!(shown[1], Cell::default(), "the column “ covers");
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
    fn scrolling_and_growing_windows_stay_exact(
        text in prop::collection::vec(prop::sample::select(vec!['字', '文', 'a', '，', '3', ' ', '。']), 0..200),
        moves in prop::collection::vec((0usize..12, 0usize..3), 1..20),
    ) {
        // A window scrolled anywhere, with 0–2 rows inserted above it (a
        // block growing): runs of rows moving up and down by several rows.
        let rows = wrapped(&text);
        let mut screen = Screen::new();
        screen.frame(&page(&rows, 0));
        for (top, grown) in moves {
            let mut lines = page(&rows, top);
            for _ in 0..grown {
                lines.insert(1, Line::from(styled("新增一行", 1)));
            }
            lines.truncate(H as usize);
            screen.frame(&lines);
        }
    }

    #[test]
    fn the_emulated_screen_always_matches_the_buffer(
        frames in prop::collection::vec(
            prop::collection::vec(
                prop::collection::vec(
                    // "e\u{301}": a letter with a combining accent, one
                    // cell of two characters (pasted text has them), which
                    // the backend's model keeps in its table; beside a plain
                    // "e", a model that mixed the two up would leave a cell
                    // unsent.
                    (prop::sample::select(vec!["字", "中文", "a", "bc", " ", "，", "3016", "报告。", "%", "e", "e\u{301}", "é\u{301}x"]), 0usize..4),
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

/// The frames of the per-TERM tests: a line in italic, 256 and 24-bit
/// colours and a bright one, over a paragraph being typed into in the
/// middle (which slides rows: ICH/DCH where the terminal has them).
fn term_frames() -> Vec<Vec<Line<'static>>> {
    let chrome = Line::from(vec![
        Span::styled("斜体", Style::default().add_modifier(Modifier::ITALIC)),
        Span::styled("橙", Style::default().fg(Color::Rgb(0xff, 0x88, 0))),
        Span::styled("紫", Style::default().bg(Color::Indexed(93))),
        Span::styled("亮", Style::default().fg(Color::LightCyan)),
    ]);
    let mut text: Vec<char> = "中共常宁市委组织部单位内设机构包括十个股级职能组室"
        .repeat(3)
        .chars()
        .collect();
    let mut frames = Vec::new();
    for i in 0..6 {
        let mut lines = vec![chrome.clone()];
        lines.extend(wrapped(&text));
        frames.push(lines);
        text.insert(8 + i, '字');
    }
    frames
}

/// Every frame drawn for a terminal with `caps`: the control sequences
/// sent (parameters, final byte), and whether the emulator shows the text
/// of every frame.
fn sent_for(caps: Capabilities) -> (Vec<(Vec<u16>, char)>, bool) {
    let backend = LeanBackend::with_size(Vec::new(), W, H).with_capabilities(caps);
    let mut terminal = Display::new(backend).expect("terminal");
    let mut emulator = vt100::Parser::new(H, W, 0);
    let mut sequences = Vec::new();
    let mut text_intact = true;
    for lines in term_frames() {
        let buffer = terminal
            .draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area()))
            .expect("draw")
            .clone();
        let bytes = std::mem::take(terminal.backend_mut().writer_mut());
        emulator.process(&bytes);
        sequences.extend(control_sequences(&String::from_utf8_lossy(&bytes)));
        let shown: Vec<String> = emulator.screen().rows(0, W).collect();
        let wanted: Vec<String> = (0..H)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < W {
                    row.push_str(buffer[(x, y)].symbol());
                    x += width_of(&buffer[(x, y)]);
                }
                row.trim_end().to_string()
            })
            .collect();
        let shown: Vec<String> = shown.iter().map(|r| r.trim_end().to_string()).collect();
        text_intact &= shown == wanted;
    }
    (sequences, text_intact)
}

/// The CSI sequences in `bytes`: their numeric parameters and final byte.
fn control_sequences(bytes: &str) -> Vec<(Vec<u16>, char)> {
    bytes
        .split("\x1b[")
        .skip(1)
        .filter_map(|rest| {
            let end = rest.find(|c: char| ('@'..='~').contains(&c))?;
            let params = rest[..end]
                .split(';')
                .filter_map(|p| p.trim_start_matches('?').parse().ok())
                .collect();
            rest[end..].chars().next().map(|c| (params, c))
        })
        .collect()
}

/// The SGR parameters that are attributes, with colours as their first
/// parameter (38 / 48 for the extended ones, whose values are skipped).
fn sgr_codes(sequences: &[(Vec<u16>, char)]) -> Vec<u16> {
    let mut codes = Vec::new();
    for (params, _) in sequences.iter().filter(|(_, c)| *c == 'm') {
        let mut p = params.iter();
        while let Some(&code) = p.next() {
            codes.push(code);
            if code == 38 || code == 48 {
                let skip = if p.next() == Some(&5) { 1 } else { 3 };
                p.nth(skip - 1);
            }
        }
    }
    codes
}

fn caps_of(term: &str) -> Capabilities {
    Capabilities::of(Some(term), None, false).expect("a terminal with cursor addressing")
}

#[test]
fn an_xterm_gets_italics_256_colours_and_sliding_rows() {
    // The frames do use what the other TERMs must not get.
    let (sent, intact) = sent_for(caps_of("xterm-256color"));
    assert!(intact);
    let codes = sgr_codes(&sent);
    assert!(codes.contains(&3), "italic: {codes:?}");
    assert!(codes.contains(&38) && codes.contains(&48), "{codes:?}");
    assert!(sent.iter().any(|(_, c)| *c == '@'), "ICH");
}

#[test]
fn the_linux_console_gets_16_colours_and_no_italics() {
    let (sent, intact) = sent_for(caps_of("linux"));
    assert!(intact, "the text is shown");
    for code in sgr_codes(&sent) {
        assert!(
            matches!(code, 0..=2 | 4..=9 | 30..=37 | 39..=47 | 49 | 90..=97 | 100..=107),
            "SGR {code} on a linux console"
        );
    }
}

#[test]
fn screen_gets_8_colours_unless_it_is_tmux() {
    let (sent, intact) = sent_for(caps_of("screen"));
    assert!(intact);
    for code in sgr_codes(&sent) {
        assert!(
            matches!(code, 0..=2 | 4..=9 | 30..=37 | 39..=47 | 49),
            "SGR {code} in GNU screen"
        );
    }
    let tmux = Capabilities::of(Some("screen"), None, true).expect("tmux");
    assert!(
        sgr_codes(&sent_for(tmux).0).contains(&3),
        "tmux shows italics"
    );
}

#[test]
fn a_vt100_gets_plain_redraws_and_no_colour() {
    let (sent, intact) = sent_for(caps_of("vt100"));
    assert!(intact, "plain redraws show the same text");
    let finals: Vec<char> = sent.iter().map(|(_, c)| *c).collect();
    assert!(
        !finals.contains(&'@') && !finals.contains(&'P'),
        "insert/delete-character sent to a vt100: {finals:?}"
    );
    for code in sgr_codes(&sent) {
        assert!(matches!(code, 0..=2 | 4..=9), "SGR {code} on a vt100");
    }
}

/// ratatui holds the screen twice, a cell each column and row: its
/// underline colour, which a default feature of ratatui (or of a crate
/// that enables it) turns on, makes each cell 48 bytes instead of 40, 48 KB
/// more at 100×30. The backend's model (`model.rs`) keeps no underline
/// colour either, so a cell with one would differ from it on every frame.
#[test]
fn a_screen_cell_has_no_underline_colour_to_carry() {
    assert_eq!(std::mem::size_of::<Cell>(), 40);
}
