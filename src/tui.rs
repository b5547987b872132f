//! The full-screen editor: terminal set-up, the event loop and the glue to
//! `$EDITOR`. State lives in `app`, drawing in `view`.

pub mod app;
pub mod backend;
pub mod capabilities;
pub mod clipboard;
pub mod command;
pub mod config;
pub mod dialog;
pub mod display;
pub mod document;
pub mod editor;
pub mod editors;
pub mod external;
pub mod grid;
pub mod keymap;
pub mod pause;
pub mod reworded;
pub mod search;
pub mod session;
pub mod standing;
pub mod start;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod typing;
pub mod view;
pub mod widgets;

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use ratatui::backend::Backend;

use crate::lang::Lang;
use crate::{catalog, paths, recent, storage};

use app::{App, Effect, Screen, Ui};
use config::Config;
use display::Display;
use keymap::Keymap;
use theme::{MONOCHROME_THEME, Theme};

/// What the command line and the environment ask of the UI.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub theme: Option<String>,
    /// `--lang`, which beats the config file and the environment.
    pub lang: Option<Lang>,
    pub config_dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// `NO_COLOR` is set: use the monochrome theme unless one was named.
    pub no_color: bool,
    /// The language the environment asks for (see `crate::lang`).
    pub env_lang: Lang,
    /// tmux or GNU screen, which decide whether OSC 52 gets through.
    pub multiplexer: clipboard::Multiplexer,
}

impl Settings {
    /// Settings from the environment, with command-line choices on top.
    pub fn from_env(theme: Option<String>, lang: Option<Lang>) -> Settings {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Settings {
            theme,
            lang,
            config_dir: paths::config_dir(),
            data_dir: paths::data_dir(),
            no_color: var("NO_COLOR").is_some(),
            env_lang: Lang::from_process_env(),
            multiplexer: clipboard::Multiplexer::from_env(var),
        }
    }

    /// Theme, keys and language, and the messages about anything in the
    /// user's files that had to be ignored.
    pub fn ui(&self) -> (Ui, Vec<String>) {
        let (config, config_problem) = Config::load(self.config_dir.as_deref());
        let mut messages: Vec<String> = config_problem.into_iter().collect();
        let name = match (&self.theme, self.no_color) {
            (Some(name), _) => name.clone(),
            (None, true) => MONOCHROME_THEME.to_string(),
            (None, false) => config
                .theme
                .clone()
                .unwrap_or_else(|| theme::DEFAULT_THEME.to_string()),
        };
        let themes_dir = self.config_dir.as_ref().map(|d| d.join("themes"));
        let (theme, theme_problem) = Theme::load(&name, themes_dir.as_deref());
        messages.extend(theme_problem);
        let (keymap, key_problems) = Keymap::with_overrides(&config.keys);
        messages.extend(key_problems);
        let lang = Lang::resolve(self.lang, config.lang.as_deref(), self.env_lang);
        (
            Ui {
                theme,
                keymap,
                lang,
                data_dir: self.data_dir.clone(),
                autosave: Duration::from_secs(config.autosave_seconds.unwrap_or(2).clamp(1, 600)),
                templates_dir: self.templates_dir(),
                styles_dir: self.config_dir.as_ref().map(|d| d.join("styles")),
                osc52: config.osc52.unwrap_or(true),
                multiplexer: self.multiplexer,
                ambiguous: config.ambiguous(),
            },
            messages,
        )
    }

    /// Where the user's own templates live.
    fn templates_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("templates"))
    }

    /// The app on `file`, or on the start screen. A file that cannot be
    /// opened is an error before the terminal is touched.
    pub fn app(&self, file: Option<&Path>) -> Result<App, String> {
        let (ui, messages) = self.ui();
        let project = file
            .map(storage::read_project_fingerprinted)
            .transpose()
            .map_err(|e| e.to_string())?;
        if let (Some((project, on_disk)), Some(path)) = (project, file) {
            // Opening a file uses the template copy inside it; templates are
            // read only to offer a newer version of it (built-ins are
            // embedded, so this stays cheap).
            let mut app = App::new(
                ui,
                Screen::Start(start::Start::new(&[], Vec::new())),
                messages,
            );
            app.start_session(project, path.to_path_buf(), on_disk);
            return Ok(app);
        }
        let (templates, _) = catalog::load(self.templates_dir().as_deref());
        let start = start::Start::new(&templates, recent::load(self.data_dir.as_deref()));
        Ok(App::new(ui, Screen::Start(start), messages))
    }
}

/// Where events come from: the terminal, or a script in tests.
pub trait Events {
    /// The next event; `Ok(None)` once `timeout` has passed with none (or
    /// on waking early for nothing), `Err` when the terminal is gone. No
    /// timeout waits for as long as it takes: an idle editor sleeps.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>>;
}

/// What the event loop needs from the terminal beyond drawing.
pub trait Host {
    /// Suspends the UI, edits `text` in the user's editor, and restores.
    fn edit_externally(&mut self, text: &str) -> Result<String, String>;
    /// Writes an OSC 52 sequence to the terminal, between frames.
    fn to_clipboard(&mut self, sequence: &str);
}

/// The loop shared by the real terminal and the tests: draw, wait for an
/// event, let the app handle it (and everything already queued behind it,
/// so a burst of typing or a paste costs one redraw), repeat.
///
/// Idle costs nothing: the loop waits with a timeout only when a timer is
/// due (the report settling after a pause in typing, the recovery copy),
/// and draws only after an event or a timer, since nothing else changes
/// what is on screen. Many clerks share one server.
///
/// What fell due is done once the frame is out: a recovery copy (1.4 ms
/// for a 10,000-character section) never delays the echo of the keystroke
/// it came after; what it did is drawn next.
pub fn event_loop<B: Backend>(
    terminal: &mut Display<B>,
    app: &mut App,
    events: &mut dyn Events,
    host: &mut dyn Host,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut changed = true;
    loop {
        if changed {
            terminal
                .draw(|frame| view::draw(app, frame))
                .map_err(io::Error::other)?;
        }
        if app.quit {
            return Ok(());
        }
        changed = app.tick(Instant::now());
        if changed {
            continue;
        }
        // Woken with nothing to do (a signal that changed nothing, or a
        // timer that fell due just now, whose work the next pass's `tick`
        // does and then draws): no draw.
        let mut timeout = app.next_deadline(Instant::now());
        let mut burst = false;
        while let Some(event) = events.next(timeout)? {
            // Many edits without a pause still get a recovery copy, between
            // the events of a burst that leaves no time to draw.
            if burst {
                app.tick(Instant::now());
            }
            burst = true;
            changed = true;
            match app.handle(event) {
                Effect::None => {}
                Effect::ExternalEditor(text) => {
                    let result = host.edit_externally(&text);
                    app.external_result(result);
                    terminal.clear().map_err(io::Error::other)?;
                }
                // Clearing also forgets what the backend thinks is on
                // screen, so the next draw paints every cell.
                Effect::Redraw => terminal.clear().map_err(io::Error::other)?,
                Effect::Clipboard(sequence) => host.to_clipboard(&sequence),
            }
            if app.quit {
                break;
            }
            timeout = Some(Duration::ZERO);
        }
    }
}
