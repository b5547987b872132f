//! The application state and the one place that changes it: events become
//! commands through the key table, and `update` carries them out. Dialogs
//! answer through `dialogs`, opening and recovery are in `lifecycle`.

mod copy;
mod dialogs;
mod figures;
mod find;
mod grid;
mod lifecycle;
mod problems;
mod repeat;
mod wording;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{Event, KeyEvent, KeyEventKind, KeyModifiers};

use crate::clock::now;
use crate::fingerprint::Drift;
use crate::lang::Lang;
use crate::model::linebreak::Ambiguous;
use crate::strings;

use super::clipboard::Multiplexer;
use super::command::{Answer, Command, Context, GlobalCmd, TextCmd};
use super::dialog::changed::Changed;
use super::dialog::jump::Jump;
use super::dialog::prompt::{Prompt, PromptKind};
use super::dialog::{Dialog, help, quit};
use super::document::{SaveError, Saved};
use super::grid::GridInput;
use super::keymap::{Key, Keymap};
use super::search::Search;
use super::session::Session;
use super::start::{Choice, Start};
use super::text;
use super::theme::Theme;
use super::widgets::Ctx;

/// Settings fixed for the whole run.
#[derive(Debug, Clone)]
pub struct Ui {
    pub theme: Theme,
    pub keymap: Keymap,
    pub lang: Lang,
    /// Where recent files, recovery copies and the sample copy live.
    pub data_dir: Option<PathBuf>,
    /// Quiet time after typing before the recovery copy is written.
    pub autosave: Duration,
    /// The user's templates, looked at on opening a file for a newer
    /// version of its template (the built-in ones are always looked at).
    pub templates_dir: Option<PathBuf>,
    /// The user's print styles for the Word export (`<config dir>/styles/`).
    pub styles_dir: Option<PathBuf>,
    /// Copies go to the terminal's clipboard too (`osc52` in config.json).
    pub osc52: bool,
    /// tmux or GNU screen between ziping and the terminal.
    pub multiplexer: Multiplexer,
    /// How the terminal draws East Asian ambiguous characters.
    pub ambiguous: Ambiguous,
}

impl Ui {
    /// What dialogs draw with.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            theme: &self.theme,
            lang: self.lang,
            keymap: &self.keymap,
        }
    }
}

#[derive(Debug)]
pub enum Screen {
    Start(Start),
    Edit(Box<Session>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub level: Level,
    pub text: String,
}

/// Work that needs the terminal itself, done by the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Suspend the UI and edit this text in `$VISUAL`/`$EDITOR`.
    ExternalEditor(String),
    /// Clear the terminal and paint everything again (after another
    /// program wrote over the screen).
    Redraw,
    /// Write this OSC 52 sequence: the copy goes to the terminal's
    /// clipboard.
    Clipboard(String),
}

#[derive(Debug)]
pub struct App {
    pub ui: Ui,
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub status: Option<Status>,
    /// What the writer chose about the screen during this run.
    pub prefs: Prefs,
    /// The last search, which F3 and Shift-F3 go on with.
    pub search: Search,
    /// What was copied last, which Ctrl-V pastes in any field.
    pub clipboard: String,
    pub quit: bool,
}

/// Choices about the screen that last for the run, whatever file is open.
#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    /// Whether the outline is shown (when the terminal is wide enough).
    pub sidebar: bool,
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs { sidebar: true }
    }
}

impl App {
    pub fn new(ui: Ui, screen: Screen, messages: Vec<String>) -> App {
        text::set_ambiguous(ui.ambiguous);
        let status = (!messages.is_empty()).then(|| Status {
            level: Level::Error,
            text: messages.join("；"),
        });
        App {
            ui,
            screen,
            dialog: None,
            status,
            prefs: Prefs::default(),
            search: Search::default(),
            clipboard: String::new(),
            quit: false,
        }
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Edit(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    /// Brings the open project's report fully up to date, for what reads
    /// the whole report at once (a list of its problems or figures, a copy
    /// of it).
    fn settle_report(&mut self) {
        if let Some(session) = self.session_mut() {
            session.doc.settle_now();
        }
    }

    /// The open project, for changes outside `update` (benchmarks, tests).
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Edit(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.ui.lang
    }

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            level: Level::Info,
            text: text.into(),
        });
    }

    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            level: Level::Error,
            text: text.into(),
        });
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: Event) -> Effect {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Paste(text) => {
                self.insert(&text, true);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// The contexts a key is looked up in, most specific first.
    fn contexts(&self) -> &'static [Context] {
        match (&self.dialog, &self.screen) {
            (Some(dialog), _) => dialog.contexts(),
            (None, Screen::Start(_)) => &[Context::Picker, Context::Global],
            // A table takes arrows and Tab before the page does.
            (None, Screen::Edit(s)) => match s.grid_focus() {
                Some(true) => &[Context::Cell, Context::Editor, Context::Global],
                Some(false) => &[Context::Grid, Context::Global],
                None => &[Context::Editor, Context::Global],
            },
        }
    }

    fn key(&mut self, event: KeyEvent) -> Effect {
        let key = Key::from_event(&event);
        if self.dialog.is_none() {
            self.status = None;
        }
        match self.ui.keymap.command(self.contexts(), key) {
            Some(command) => self.update(command),
            None => {
                let plain = !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                if let (true, crossterm::event::KeyCode::Char(c)) = (plain, event.code) {
                    self.insert(c.encode_utf8(&mut [0; 4]), false);
                }
                Effect::None
            }
        }
    }

    /// The one place state changes in response to the user.
    pub fn update(&mut self, command: Command) -> Effect {
        let focus_before = self.session().and_then(Session::position);
        let effect = match self.dialog.take() {
            Some(dialog) => self.update_dialog(dialog, command),
            None => match &self.screen {
                Screen::Start(_) => self.update_start(command),
                Screen::Edit(_) => self.update_edit(command),
            },
        };
        // The status line's figures follow the focus at once; changes to
        // text bring them up to date when typing pauses (`Document::touched`).
        // Recomputing on every other key would check the whole report on
        // each arrow press.
        if let Some(session) = self.session_mut()
            && session.position() != focus_before
        {
            session.doc.settle_now();
        }
        effect
    }

    /// Text typed (one character) or pasted, into whatever has the focus.
    fn insert(&mut self, text: &str, pasted: bool) {
        if let Some(dialog) = &mut self.dialog {
            dialog.insert(text);
            return;
        }
        if self.refuse_if_read_only() || self.type_into_grid(text) {
            return;
        }
        if let Some(session) = self.session_mut() {
            if pasted {
                session.paste(text);
            } else {
                session.type_text(text, std::time::Instant::now());
            }
        }
    }

    fn update_start(&mut self, command: Command) -> Effect {
        let Screen::Start(start) = &mut self.screen else {
            return Effect::None;
        };
        match command {
            Command::List(list) => start.step(list.step()),
            Command::Answer(Answer::Cancel) => self.quit = true,
            Command::Answer(Answer::Confirm) => match start.choice().cloned() {
                Some(Choice::New(template)) => {
                    let default = unused_name(Path::new(""), "自评报告", "json");
                    let default = default.display().to_string();
                    let kind = PromptKind::NewFile(template);
                    let prompt = Prompt::new(kind, &default, &self.ui.theme);
                    self.dialog = Some(Dialog::Prompt(prompt));
                }
                Some(Choice::Import) => {
                    let prompt = Prompt::new(PromptKind::ImportFrom, "", &self.ui.theme);
                    self.dialog = Some(Dialog::Prompt(prompt));
                }
                Some(Choice::Roll) => {
                    let prompt = Prompt::new(PromptKind::RollFrom, "", &self.ui.theme);
                    self.dialog = Some(Dialog::Prompt(prompt));
                }
                Some(Choice::Open(path)) => self.open(&path),
                Some(Choice::Sample) => self.open_sample(),
                None => {}
            },
            Command::Global(global) => return self.start_global(global),
            // Kinds bound only in other contexts never reach the start screen,
            // whose contexts are the picker's and the global ones.
            _ => {}
        }
        Effect::None
    }

    /// A global command on the start screen, where no project is open.
    fn start_global(&mut self, command: GlobalCmd) -> Effect {
        use GlobalCmd::*;
        match command {
            Quit => self.quit = true,
            Help => self.dialog = Some(Dialog::Help(help::Help::default())),
            Redraw => return Effect::Redraw,
            // These work on an open project; with none they do nothing.
            Save | SaveAs | NextField | PrevField | NextSection | PrevSection | JumpList
            | Export | ExternalEditor | RenameHeading | RenameTitle | AddInstance
            | RemoveInstance | ToggleSidebar | NextProblem | PrevProblem | Problems | Find
            | FindNext | FindPrev | Replace | CopyField | CopyReport | Figures | KeepLastYear => {}
        }
        Effect::None
    }

    fn update_edit(&mut self, command: Command) -> Effect {
        if command.edits_text() && self.refuse_if_read_only() {
            return Effect::None;
        }
        // The last of a change of wording and a replacement is taken back
        // first: each is only while the report is as it left it.
        if self.undo_wording(command) || self.undo_replacement(command) {
            return Effect::None;
        }
        match command {
            Command::Global(global) => {
                // A command of the page ends any cell edit, keeping its text.
                self.update_grid(GridInput::EndEdit);
                self.global(global)
            }
            Command::Grid(grid) => self.update_grid(GridInput::Grid(grid)),
            Command::Cell(cell) => self.update_grid(GridInput::Cell(cell)),
            Command::Text(text) => self.text(text),
            // Kinds bound only in dialogs' and lists' contexts never reach
            // the page (a test in `command.rs` checks the contexts).
            _ => Effect::None,
        }
    }

    /// A text command: to the cell being edited, or to the focused field.
    /// Copying and pasting go through ziping's clipboard.
    fn text(&mut self, command: TextCmd) -> Effect {
        match command {
            TextCmd::Copy | TextCmd::Cut => return self.copy_selection(command),
            TextCmd::Paste => self.offer_clipboard(),
            _ => {}
        }
        self.text_to_input(command)
    }

    /// A text command, as the field or cell's editor carries it out.
    fn text_to_input(&mut self, command: TextCmd) -> Effect {
        let Some(session) = self.session_mut() else {
            return Effect::None;
        };
        if session.grid_focus().is_some() {
            return self.update_grid(GridInput::Text(command));
        }
        let one_line = session.field().is_some_and(|f| !f.kind().is_multiline());
        if command == TextCmd::NextOption {
            if !session.next_option() {
                let lang = self.lang();
                self.info(lang.say(strings::NOT_A_CHOICE).to_string());
            }
        } else if command == TextCmd::StripNumbers {
            let stripped = session.strip_list_numbers();
            let lang = self.lang();
            let undo = self.ui.keymap.keys_for(Context::Editor, TextCmd::Undo);
            self.info(strings::list_numbers_stripped(stripped, &undo, lang));
        } else if command == TextCmd::Newline && one_line {
            session.step_field(1);
        } else {
            session.edit(command);
        }
        Effect::None
    }

    /// A global command while a project is open.
    fn global(&mut self, command: GlobalCmd) -> Effect {
        use GlobalCmd::*;
        let lang = self.lang();
        let theme = &self.ui.theme;
        let Screen::Edit(session) = &mut self.screen else {
            return Effect::None;
        };
        let mut note = None;
        match command {
            Save => {
                if self.save(false) {
                    let name = self
                        .session()
                        .map(|s| s.doc.file_name())
                        .unwrap_or_default();
                    self.info(strings::saved_to(&name, lang));
                }
            }
            Help => self.dialog = Some(Dialog::Help(help::Help::default())),
            Quit if session.doc.is_dirty() => self.dialog = Some(Dialog::Quit(quit::Quit)),
            Quit => self.quit = true,
            JumpList => {
                // Numbered as the report will be: settle what typing left.
                session.doc.settle_now();
                self.dialog = Some(Dialog::Jump(Jump::new(
                    session.doc.project(),
                    session.doc.report(),
                    theme,
                )))
            }
            Export => {
                let path = session.doc.default_export_path().display().to_string();
                let folder = session.doc.path().parent().map(Path::to_path_buf);
                let prompt = Prompt::new(PromptKind::ExportPath, &path, theme)
                    .in_folder(folder.as_deref().unwrap_or(Path::new(".")));
                self.dialog = Some(Dialog::Prompt(prompt));
            }
            ExternalEditor => return Effect::ExternalEditor(session.field_text()),
            SaveAs => self.ask_save_as(),
            RenameHeading => self.ask_heading(),
            RenameTitle => self.ask_title(),
            AddInstance => self.add_instance(),
            RemoveInstance => self.remove_instance(),
            ToggleSidebar => self.prefs.sidebar = !self.prefs.sidebar,
            NextField => {
                if !session.step_field(1) {
                    note = Some(lang.say(strings::LAST_FIELD));
                }
            }
            PrevField => {
                session.step_field(-1);
            }
            NextSection => {
                session.step_section(true);
            }
            PrevSection => {
                session.step_section(false);
            }
            Redraw => return Effect::Redraw,
            Find => self.ask_find(false),
            Replace => self.ask_find(true),
            FindNext => self.find_step(false),
            FindPrev => self.find_step(true),
            NextProblem | PrevProblem => self.walk_problem(command == NextProblem),
            Problems => self.open_problems(),
            Figures => self.open_figures(),
            CopyField => return self.copy_field(),
            CopyReport => return self.copy_report(),
            KeepLastYear => {
                let id = session.field().map(|f| f.id.clone()).unwrap_or_default();
                let kept = session.doc.confirm_carried(&id);
                note = Some(lang.say(if kept {
                    strings::KEPT_LAST_YEAR
                } else {
                    strings::NOT_CARRIED
                }));
            }
        }
        if let Some(note) = note {
            self.info(note);
        }
        Effect::None
    }

    /// Brings back text from the external editor, or says why not.
    pub fn external_result(&mut self, result: Result<String, String>) {
        let lang = self.lang();
        match (result, self.session_mut()) {
            (Ok(text), Some(session)) => {
                if session.replace_text(&text) {
                    self.info(lang.say(strings::TEXT_FROM_EDITOR));
                }
            }
            (Err(message), _) => self.error(message),
            (Ok(_), None) => {}
        }
    }

    /// In a read-only session says so and returns true.
    fn refuse_if_read_only(&mut self) -> bool {
        let read_only = self.session().is_some_and(|s| s.doc.is_read_only());
        if read_only {
            let lang = self.lang();
            self.error(lang.say(strings::READ_ONLY_REFUSED));
        }
        read_only
    }

    /// Saves the open project; true when it was written. A file another
    /// program changed (or removed) since is not written: the user is asked
    /// instead, and `then_quit` (the save was asked for on the way out)
    /// makes writing it the last thing done.
    pub(crate) fn save(&mut self, then_quit: bool) -> bool {
        let Some(session) = self.session_mut() else {
            return false;
        };
        match session.doc.save(&now()) {
            Ok(Saved::Written) => true,
            Ok(Saved::ChangedOnDisk(drift)) => {
                self.ask_about_drift(drift, then_quit);
                false
            }
            Err(e) => {
                self.save_refused(e);
                false
            }
        }
    }

    /// Says why a save did not happen; after a take-over elsewhere the
    /// text can only go to another file, so "save as" is asked at once.
    pub(crate) fn save_refused(&mut self, error: SaveError) {
        let lang = self.lang();
        match error {
            SaveError::ReadOnly => self.error(lang.say(strings::READ_ONLY_REFUSED)),
            SaveError::TakenOver(by) => {
                self.error(strings::lock::taken_over_by(by.as_ref(), lang));
                self.ask_save_as();
            }
            SaveError::Failed(e) => self.error(strings::save_failed(&e.problem, lang)),
        }
    }

    /// Asks what to do about another program's change to the open file.
    pub(crate) fn ask_about_drift(&mut self, drift: Drift, then_quit: bool) {
        let Some(session) = self.session() else {
            return;
        };
        let path = session.doc.path().to_path_buf();
        self.dialog = Some(Dialog::Changed(Changed {
            path,
            drift,
            then_quit,
        }));
    }

    /// Opens the "save as" prompt with the current file's path filled in.
    pub(crate) fn ask_save_as(&mut self) {
        let Some(session) = self.session() else {
            return;
        };
        let path = session.doc.path().display().to_string();
        let folder = session.doc.path().parent().map(Path::to_path_buf);
        let prompt = Prompt::new(PromptKind::SaveAs, &path, &self.ui.theme)
            .in_folder(folder.as_deref().unwrap_or(Path::new(".")));
        self.dialog = Some(Dialog::Prompt(prompt));
    }
}

/// `stem.ext` in the current directory, or `stem-2.ext` … if taken.
fn unused_name(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{stem}.{ext}"))
            } else {
                dir.join(format!("{stem}-{n}.{ext}"))
            }
        })
        .find(|path| !path.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.{ext}")))
}
