//! Drives the TUI through its real event loop with synthetic keys on a
//! fixed-size `TestBackend`.

// Test scaffolding: each test uses part of it, and a broken fixture should
// fail the test loudly.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

pub mod locale;
pub mod office;
pub mod tmux;

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::{Backend, TestBackend};
use ziping::lang::Lang;
use ziping::tui::app::App;
use ziping::tui::display::Display;
use ziping::tui::{Events, Host, Settings, event_loop, external};

/// Events played back in order; when they run out the loop gets one quiet
/// wake (its timers run, as after a pause) and then an end-of-input error
/// that stops it.
pub struct Script {
    events: VecDeque<Event>,
    ticked: bool,
}

impl Events for Script {
    fn next(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Event>> {
        match self.events.pop_front() {
            Some(e) => Ok(Some(e)),
            None if !self.ticked => {
                self.ticked = true;
                Ok(None)
            }
            None => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "script ended")),
        }
    }
}

/// Runs `$EDITOR`-style commands without touching a real terminal.
pub struct TestHost {
    pub editor: String,
    /// The OSC 52 sequences the app wrote, in order.
    pub clipboard: Vec<String>,
}

impl Host for TestHost {
    fn edit_externally(&mut self, text: &str) -> Result<String, String> {
        external::edit_with(&self.editor, text)
    }

    fn to_clipboard(&mut self, sequence: &str) {
        self.clipboard.push(sequence.to_string());
    }
}

pub struct Harness {
    pub app: App,
    pub terminal: Display<TestBackend>,
    pub dir: tempfile::TempDir,
    pub host: TestHost,
}

pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub fn settings(dir: &Path) -> Settings {
    Settings {
        theme: Some("dark".into()),
        lang: Some(Lang::Zh),
        config_dir: Some(dir.join("config")),
        data_dir: Some(dir.join("data")),
        no_color: false,
        env_lang: Lang::Zh,
        multiplexer: Default::default(),
    }
}

impl Harness {
    /// A copy of the sample report, opened at `width`×`height`.
    pub fn sample(width: u16, height: u16) -> Harness {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.json");
        std::fs::copy(repo("sample-data/changning-2022.json"), &path).expect("copy sample");
        Harness::open(dir, &path, width, height)
    }

    /// A new project from `template`, opened at `width`×`height`.
    pub fn new_project(template: &str, width: u16, height: u16) -> Harness {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new.json");
        let (entries, _) = ziping::catalog::load(None);
        let t = ziping::catalog::find(&entries, template).expect("template");
        let project = ziping::model::project::Project::new(t, "2026-01-01T00:00:00Z");
        std::fs::write(&path, project.to_json()).expect("write project");
        Harness::open(dir, &path, width, height)
    }

    pub fn open(dir: tempfile::TempDir, path: &Path, width: u16, height: u16) -> Harness {
        Harness::with_settings(dir, Some(path), width, height, |_| {})
    }

    pub fn with_settings(
        dir: tempfile::TempDir,
        path: Option<&Path>,
        width: u16,
        height: u16,
        adjust: impl FnOnce(&mut Settings),
    ) -> Harness {
        let mut s = settings(dir.path());
        adjust(&mut s);
        let app = s.app(path).expect("app opens");
        let terminal = Display::new(TestBackend::new(width, height)).expect("terminal");
        Harness {
            app,
            terminal,
            dir,
            host: TestHost {
                editor: "false".into(),
                clipboard: Vec::new(),
            },
        }
    }

    pub fn path(&self) -> PathBuf {
        self.app
            .session()
            .expect("session")
            .doc
            .path()
            .to_path_buf()
    }

    /// The id of the field the focus is on.
    pub fn focused_field(&self) -> String {
        let session = self.app.session().expect("session");
        session.field().expect("a focused field").id.clone()
    }

    /// Plays `events` through the real event loop.
    pub fn run(&mut self, events: Vec<Event>) -> &mut Self {
        play(&mut self.app, &mut self.host, &mut self.terminal, events);
        self
    }

    /// Plays `events` through the real event loop, drawing on `terminal`
    /// instead of the harness's own.
    pub fn run_on<B: Backend>(&mut self, terminal: &mut Display<B>, events: Vec<Event>)
    where
        B::Error: Send + Sync + 'static,
    {
        play(&mut self.app, &mut self.host, terminal, events);
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let cell = &buffer[(x, y)];
                out.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            out.push('\n');
        }
        out
    }

    pub fn saved_json(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.path()).expect("read saved");
        serde_json::from_str(&text).expect("saved file is JSON")
    }

    /// The saved file's reworded headings and titles (`null` when none is).
    pub fn saved_headings(&self) -> serde_json::Value {
        self.saved_json()["headings"].clone()
    }
}

fn play<B: Backend>(
    app: &mut App,
    host: &mut TestHost,
    terminal: &mut Display<B>,
    events: Vec<Event>,
) where
    B::Error: Send + Sync + 'static,
{
    let mut script = Script {
        events: events.into(),
        ticked: false,
    };
    let result = event_loop(terminal, app, &mut script, host);
    if let Err(e) = result {
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof, "loop failed: {e}");
    }
    // The user pauses after typing: what a screen shows a moment later
    // (the status line's figures wait for such a pause).
    app.tick(Instant::now() + Duration::from_secs(1));
    terminal
        .draw(|f| ziping::tui::view::draw(app, f))
        .expect("draw");
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn shift(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::SHIFT))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Typing across cells: a tab in `text` is the Tab key.
pub fn cells(text: &str) -> Vec<Event> {
    text.chars()
        .map(|c| match c {
            '\t' => key(KeyCode::Tab),
            c => key(KeyCode::Char(c)),
        })
        .collect()
}

/// Ctrl-G, the filter text, Enter.
/// In the sample, from the start: into （一）机构人员情况 (past the front
/// section's four fields and 自评得分情况's two), and its heading reworded
/// to `words` with the heading key (F4).
pub fn reword_organisation(words: &str) -> Vec<Event> {
    let mut events = vec![key(KeyCode::Tab); 6];
    events.push(key(KeyCode::F(4)));
    events.extend(vec![
        key(KeyCode::Backspace);
        "机构人员情况".chars().count()
    ]);
    events.extend(typed(words));
    events.push(key(KeyCode::Enter));
    events
}

pub fn jump(filter: &str) -> Vec<Event> {
    let mut events = vec![ctrl('g')];
    events.extend(typed(filter));
    events.push(key(KeyCode::Enter));
    events
}
