//! Driving the TUI the way the event loop does, on a fixed 100×30 screen
//! whose bytes are counted. Shared by the benchmark and `tests/bytes.rs`.

#![allow(clippy::expect_used, clippy::unwrap_used, dead_code)]

use std::io::{self, Write};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ziping::model::project::Project;
use ziping::tui::Settings;
use ziping::tui::app::App;
use ziping::tui::backend::LeanBackend;
use ziping::tui::display::Display;
use ziping::tui::view;

pub const WIDTH: u16 = 100;
pub const HEIGHT: u16 = 30;
pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sample-data/changning-2022.json"
);

/// A writer that counts what it is given.
#[derive(Default)]
pub struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub struct Session {
    pub app: App,
    pub terminal: Display<LeanBackend<Counter>>,
    _dir: tempfile::TempDir,
}

impl Session {
    pub fn open(project: &Project) -> Session {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bench.json");
        std::fs::write(&path, project.to_json()).expect("write");
        Session::at(dir, &path)
    }

    /// Opens the project file at `path` (in `dir`) and draws the first frame:
    /// what a start costs once the process is running.
    pub fn at(dir: tempfile::TempDir, path: &std::path::Path) -> Session {
        let settings = Settings {
            theme: Some("dark".into()),
            lang: Some(ziping::lang::Lang::Zh),
            config_dir: Some(dir.path().join("config")),
            data_dir: Some(dir.path().join("data")),
            no_color: false,
            env_lang: ziping::lang::Lang::Zh,
            multiplexer: Default::default(),
        };
        let app = settings.app(Some(path)).expect("app");
        let terminal = Display::new(LeanBackend::with_size(Counter::default(), WIDTH, HEIGHT))
            .expect("terminal");
        let mut session = Session {
            app,
            terminal,
            _dir: dir,
        };
        session.draw();
        session
    }

    /// Draws a frame; returns the bytes it sent.
    pub fn draw(&mut self) -> usize {
        let before = self.terminal.backend().writer().0;
        self.terminal
            .draw(|f| view::draw(&self.app, f))
            .expect("draw");
        self.terminal.backend().writer().0 - before
    }

    /// One keystroke as the event loop handles it: update, then draw.
    pub fn key(&mut self, c: char) -> usize {
        self.press(KeyCode::Char(c))
    }

    /// Any key, as [`Session::key`]: update, then draw.
    pub fn press(&mut self, code: KeyCode) -> usize {
        self.send(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn send(&mut self, key: KeyEvent) -> usize {
        self.app.handle(Event::Key(key));
        self.draw()
    }

    /// Focuses the cell of `column` in `row` (from 0) of the table `field`
    /// with keys, as a user does: Ctrl-G and the field's name, then arrows
    /// from the first cell. Panics if the focus is not on that cell.
    pub fn cell(&mut self, field: &str, row: usize, column: &str) {
        self.send(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
        for c in field.chars() {
            self.key(c);
        }
        self.press(KeyCode::Enter);
        self.press(KeyCode::Home);
        for _ in 0..row {
            self.press(KeyCode::Down);
        }
        let columns = |s: &Self| {
            let session = s.app.session().expect("session");
            let spec = session.field().and_then(|f| f.table());
            let grid = &session.editor.grids[field];
            (
                spec.expect("table").columns[grid.column].id.clone(),
                grid.row,
            )
        };
        // Right until the column is reached, or the focus stops moving.
        let mut last = None;
        loop {
            let at = columns(self);
            if at.0 == column || last.as_ref() == Some(&at) {
                break;
            }
            last = Some(at);
            self.press(KeyCode::Right);
        }
        assert_eq!(columns(self), (column.to_string(), row), "focused cell");
    }

    pub fn focus(&mut self, field: &str, row: usize, col: usize) {
        let session = self.app.session_mut().expect("session");
        let node = session
            .doc
            .project()
            .template
            .walk()
            .iter()
            .position(|r| r.section.fields.iter().any(|f| f.id == field))
            .expect("field");
        let index = session.doc.project().template.walk()[node]
            .section
            .fields
            .iter()
            .position(|f| f.id == field);
        session.go_to(node, index);
        let editor = session.open_editor().expect("editor");
        editor.move_cursor(ratatui_textarea::CursorMove::Jump(row as u16, col as u16));
        self.draw();
    }
}

pub fn sample() -> Project {
    Project::from_json(&std::fs::read_to_string(SAMPLE).expect("sample")).expect("sample loads")
}

pub fn typed() -> impl Iterator<Item = char> {
    "培训党员干部加强理论武装提升能力素质".chars().cycle()
}

pub fn template(id: &str) -> ziping::model::schema::Template {
    let (entries, _) = ziping::catalog::load(None);
    ziping::catalog::find(&entries, id).expect("template")
}
