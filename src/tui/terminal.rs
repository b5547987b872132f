//! The real terminal: set-up and restore, events from crossterm, signals,
//! and what happens when things go wrong. Whatever ends the session — a
//! quit, SIGHUP from a dropped SSH link, SIGTERM, a vanished terminal, a
//! panic — unsaved text goes to the recovery copy first.

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::style::{Attribute, SetAttribute};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use crate::{recovery, strings};

use super::backend::LeanBackend;
use super::capabilities::{Capabilities, Colours};
use super::display::Display;
use super::{Events, Host, Settings, event_loop, external};

/// Events from the terminal, ended early by a caught signal or by a
/// terminal that has gone away.
///
/// crossterm, asked to read a tty that has hung up (an SSH link dropped, the
/// terminal window closed), loops forever on the empty reads and burns a CPU
/// core. So this waits for input itself with `poll(2)`, which reports the
/// hang-up, and calls crossterm only with a zero timeout: for input known to
/// be there, and for the resize events crossterm collects from SIGWINCH.
struct TerminalEvents {
    signal: Arc<AtomicUsize>,
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            let signal = self.signal.load(Ordering::SeqCst);
            if signal != 0 {
                return Err(io::Error::other(format!(
                    "收到信号 {}",
                    signal_name(signal)
                )));
            }
            if event::poll(Duration::ZERO)? {
                return event::read().map(Some);
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left.is_some_and(|l| l.is_zero()) {
                return Ok(None);
            }
            // Returns early on input, on hang-up, and on any signal
            // (SIGWINCH for a resize, SIGHUP …): poll(2) is never restarted.
            if wait_for_input(left)? == Input::HungUp {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "终端已断开"));
            }
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Input {
    /// Data, a signal or the time is up: look again.
    Maybe,
    HungUp,
}

#[cfg(unix)]
fn wait_for_input(timeout: Option<Duration>) -> io::Result<Input> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    // crossterm reads /dev/tty when standard input is not the terminal:
    // wait on that, so a signal still ends an endless wait (crossterm's own
    // poll waits through signals).
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(std::fs::File::open("/dev/tty")?)
    };
    let stdin = rustix::stdio::stdin();
    let fd = tty.as_ref().map_or(stdin, |t| t.as_fd());
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let timeout = timeout.map(|t| Timespec {
        tv_sec: i64::try_from(t.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(t.subsec_nanos()),
    });
    match poll(&mut fds, timeout.as_ref()) {
        Ok(_) => {
            let revents = fds[0].revents();
            let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
            Ok(if revents.intersects(gone) {
                Input::HungUp
            } else {
                Input::Maybe
            })
        }
        Err(rustix::io::Errno::INTR) => Ok(Input::Maybe),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn wait_for_input(timeout: Option<Duration>) -> io::Result<Input> {
    event::poll(timeout.unwrap_or(Duration::from_secs(86_400))).map(|_| Input::Maybe)
}

fn signal_name(signal: usize) -> &'static str {
    match signal as i32 {
        SIGHUP => "SIGHUP（终端或 SSH 连接断开）",
        SIGTERM => "SIGTERM",
        SIGQUIT => "SIGQUIT",
        SIGINT => "SIGINT",
        _ => "?",
    }
}

struct TerminalHost;

impl Host for TerminalHost {
    fn edit_externally(&mut self, text: &str) -> Result<String, String> {
        restore();
        let result = external::edit(text);
        // The loop redraws the whole screen after this.
        let _ = enter();
        result
    }

    fn to_clipboard(&mut self, sequence: &str) {
        // The frame before was flushed whole; a terminal gone is noticed
        // by the next read.
        let mut stdout = io::stdout();
        let _ = stdout
            .write_all(sequence.as_bytes())
            .and_then(|()| stdout.flush());
    }
}

/// Raw mode, the alternate screen and bracketed paste.
fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

/// Gives the terminal back. Every error is ignored, silently: the terminal
/// may be gone, and a message about that (as `ratatui::restore` prints)
/// would itself fail and turn a clean exit into an abort.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        // The lean backend leaves attributes as the last cell had them.
        SetAttribute(Attribute::Reset),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restores the terminal before the panic message is printed, so it is
/// readable; the recovery copy is written by `run` afterwards.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Opens the editor on `file`, or the start screen without one.
pub fn run(file: Option<&Path>, settings: &Settings) -> Result<ExitCode, String> {
    let var = |name: &str| std::env::var(name).ok();
    let term = var("TERM");
    let Some(caps) = Capabilities::of(
        term.as_deref(),
        var("COLORTERM").as_deref(),
        var("TMUX").is_some_and(|t| !t.is_empty()),
    ) else {
        let lang = settings.ui().0.lang;
        return Err(strings::no_full_screen(term.as_deref().unwrap_or(""), lang));
    };
    // A terminal without colours gets the monochrome theme, whose markers
    // are attributes (bold, reverse), unless a theme was named.
    let mono;
    let settings = if caps.colours == Colours::None {
        mono = Settings {
            no_color: true,
            ..settings.clone()
        };
        &mono
    } else {
        settings
    };
    let mut app = settings.app(file)?;
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGHUP, SIGTERM, SIGQUIT, SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)
            .map_err(|e| format!("无法安装信号处理：{}", crate::storage::io_problem(&e)))?;
    }
    install_panic_hook();
    let mut terminal = enter()
        // One write per frame: the backend's output is buffered and flushed
        // by the display at the end of each draw.
        .and_then(|()| {
            Display::new(
                LeanBackend::new(io::BufWriter::with_capacity(1 << 16, io::stdout()))
                    .with_capabilities(caps),
            )
        })
        .map_err(|e| {
            restore();
            format!("无法初始化终端：{}", crate::storage::io_problem(&e))
        })?;
    let mut events = TerminalEvents {
        signal: Arc::clone(&signal),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &mut events, &mut TerminalHost)
    }));
    let recovered = match &outcome {
        Ok(Ok(())) => None,
        // The session did not end by the user's choice: keep everything.
        Ok(Err(_)) | Err(_) => app.emergency_save(),
    };
    restore();
    // Where the text went, or that it went nowhere: a failed copy must
    // never read as "nothing to save".
    let lang = app.lang();
    let saved_to = |recovered: Option<Result<recovery::Written, recovery::Failure>>| match recovered
    {
        None => lang.say(strings::NOTHING_UNSAVED).to_string(),
        Some(Ok(w)) => strings::unsaved_text_kept(&w.path, &w.passed_over.to_string(), lang),
        Some(Err(failure)) => strings::unsaved_text_lost(failure, lang),
    };
    match outcome {
        Ok(Ok(())) => Ok(ExitCode::SUCCESS),
        Ok(Err(e)) => {
            // The terminal may be gone: a failed message must not panic.
            let _ = writeln!(io::stderr(), "ziping：{e}；{}", saved_to(recovered));
            let code = signal.load(Ordering::SeqCst);
            Ok(ExitCode::from(if code == 0 { 1 } else { 128 + code as u8 }))
        }
        Err(_) => {
            let _ = writeln!(
                io::stderr(),
                "ziping：程序内部出错（请报告此问题）；{}",
                saved_to(recovered)
            );
            Ok(ExitCode::from(101))
        }
    }
}
