//! The application state and the one place that changes it: events become
//! actions through the key table, and `update` carries them out.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use crate::cli::now;
use crate::model::project::Project;
use crate::model::template::Template;
use crate::{recent, storage};

use super::action::{Action, Context};
use super::editors::{clean_input, text_of};
use super::jump;
use super::keymap::{Key, Keymap};
use super::lang::Lang;
use super::session::{Session, apply};
use super::start::{Choice, SAMPLE_FILE_NAME, SAMPLE_JSON, Start};
use super::theme::{Role, Theme};

/// Settings fixed for the whole run.
#[derive(Debug, Clone)]
pub struct Ui {
    pub theme: Theme,
    pub keymap: Keymap,
    pub lang: Lang,
    /// Where recent files and the sample copy live.
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug)]
pub enum Screen {
    Start(Start),
    Edit(Box<Session>),
}

/// What a one-line prompt is asking for.
#[derive(Debug, Clone)]
pub enum Purpose {
    ExportPath,
    NewFile(Box<Template>),
}

#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Jump {
        input: TextArea<'static>,
        items: Vec<jump::Item>,
        selected: usize,
    },
    Quit,
    Prompt {
        purpose: Purpose,
        input: TextArea<'static>,
    },
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
}

#[derive(Debug)]
pub struct App {
    pub ui: Ui,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub quit: bool,
}

impl App {
    pub fn new(ui: Ui, screen: Screen, messages: Vec<String>) -> App {
        let status = (!messages.is_empty()).then(|| Status {
            level: Level::Error,
            text: messages.join("；"),
        });
        App {
            ui,
            screen,
            overlay: None,
            status,
            quit: false,
        }
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Edit(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Edit(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.ui.lang
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            level: Level::Info,
            text: text.into(),
        });
    }

    fn error(&mut self, text: impl Into<String>) {
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
                self.paste(&text);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// The contexts a key is looked up in, most specific first.
    fn contexts(&self) -> &'static [Context] {
        match (&self.overlay, &self.screen) {
            (Some(Overlay::Help { .. }), _) => &[Context::HelpScreen],
            (Some(Overlay::Jump { .. }), _) => &[Context::Jump, Context::Editor],
            (Some(Overlay::Quit), _) => &[Context::Unsaved],
            (Some(Overlay::Prompt { .. }), _) => &[Context::Prompt, Context::Editor],
            (None, Screen::Start(_)) => &[Context::Picker, Context::Global],
            (None, Screen::Edit(_)) => &[Context::Editor, Context::Global],
        }
    }

    fn key(&mut self, event: KeyEvent) -> Effect {
        let key = Key::from_event(&event);
        if !matches!(self.overlay, Some(Overlay::Quit)) {
            self.status = None;
        }
        match self.ui.keymap.action(self.contexts(), key) {
            Some(action) => self.update(action),
            None => {
                let plain = !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                if let (true, ratatui::crossterm::event::KeyCode::Char(c)) = (plain, event.code) {
                    self.type_char(c);
                }
                Effect::None
            }
        }
    }

    /// The one place state changes in response to the user.
    pub fn update(&mut self, action: Action) -> Effect {
        match self.overlay.take() {
            Some(overlay) => self.update_overlay(overlay, action),
            None => match &self.screen {
                Screen::Start(_) => {
                    self.update_start(action);
                    Effect::None
                }
                Screen::Edit(_) => self.update_edit(action),
            },
        }
    }

    fn type_char(&mut self, c: char) {
        match &mut self.overlay {
            Some(Overlay::Jump {
                input, selected, ..
            }) => {
                input.insert_char(c);
                *selected = 0;
            }
            Some(Overlay::Prompt { input, .. }) => input.insert_char(c),
            Some(_) => {}
            None => {
                if let Some(session) = self.session_mut() {
                    session.insert_char(c);
                }
            }
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Jump {
                input, selected, ..
            }) => {
                input.insert_str(clean_input(text, false));
                *selected = 0;
            }
            Some(Overlay::Prompt { input, .. }) => {
                input.insert_str(clean_input(text, false));
            }
            Some(_) => {}
            None => {
                if let Some(session) = self.session_mut() {
                    session.paste(text);
                }
            }
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> Effect {
        let lang = self.lang();
        match (overlay, action) {
            (Overlay::Help { .. }, Action::Cancel | Action::Help) => {}
            (Overlay::Help { scroll }, action) => {
                let scroll = match action {
                    Action::ListUp => scroll.saturating_sub(1),
                    Action::ListDown => scroll + 1,
                    Action::ListPageUp => scroll.saturating_sub(10),
                    Action::ListPageDown => scroll + 10,
                    _ => scroll,
                };
                self.overlay = Some(Overlay::Help { scroll });
            }
            (Overlay::Quit, Action::Save) => {
                if self.save() {
                    self.quit = true;
                } else {
                    self.overlay = Some(Overlay::Quit);
                }
            }
            (Overlay::Quit, Action::Discard) => self.quit = true,
            (Overlay::Quit, Action::Cancel) => {}
            (Overlay::Quit, _) => self.overlay = Some(Overlay::Quit),
            (Overlay::Jump { .. }, Action::Cancel) => {}
            (
                Overlay::Jump {
                    input,
                    items,
                    selected,
                },
                Action::Confirm,
            ) => {
                let filter = text_of(&input);
                let target = jump::filter(&items, &filter)
                    .get(selected)
                    .map(|i| i.target.clone());
                match (target, self.session_mut()) {
                    (Some(t), Some(session)) => session.go_to(t.node, t.field),
                    _ => {
                        self.overlay = Some(Overlay::Jump {
                            input,
                            items,
                            selected,
                        })
                    }
                }
            }
            (
                Overlay::Jump {
                    mut input,
                    items,
                    selected,
                },
                action,
            ) => {
                let count = jump::filter(&items, &text_of(&input)).len();
                let selected = match action {
                    Action::ListUp => selected.saturating_sub(1),
                    Action::ListDown => (selected + 1).min(count.saturating_sub(1)),
                    other => {
                        apply(&mut input, other);
                        0
                    }
                };
                self.overlay = Some(Overlay::Jump {
                    input,
                    items,
                    selected,
                });
            }
            (Overlay::Prompt { .. }, Action::Cancel) => self.info(lang.pick("已取消", "Cancelled")),
            (Overlay::Prompt { purpose, input }, Action::Confirm) => {
                let answer = text_of(&input).trim().to_string();
                if !self.answer(&purpose, &answer) {
                    self.overlay = Some(Overlay::Prompt { purpose, input });
                }
            }
            (Overlay::Prompt { purpose, mut input }, action) => {
                // A one-line input has no newlines to make.
                if action != Action::Newline {
                    apply(&mut input, action);
                }
                self.overlay = Some(Overlay::Prompt { purpose, input });
            }
        }
        Effect::None
    }

    fn update_start(&mut self, action: Action) {
        let Screen::Start(start) = &mut self.screen else {
            return;
        };
        match action {
            Action::ListUp => start.step(-1),
            Action::ListDown => start.step(1),
            Action::ListPageUp => start.step(-10),
            Action::ListPageDown => start.step(10),
            Action::Cancel | Action::Quit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Confirm => match start.choice().cloned() {
                Some(Choice::New(template)) => {
                    let default = unused_name("自评报告", "json");
                    self.overlay = Some(Overlay::Prompt {
                        purpose: Purpose::NewFile(template),
                        input: one_line(&default, &self.ui.theme),
                    });
                }
                Some(Choice::Open(path)) => self.open(&path),
                Some(Choice::Sample) => self.open_sample(),
                None => {}
            },
            _ => {}
        }
    }

    fn update_edit(&mut self, action: Action) -> Effect {
        let lang = self.lang();
        match action {
            Action::Save => {
                if self.save() {
                    self.info(lang.pick("已保存", "Saved"));
                }
                return Effect::None;
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return Effect::None;
            }
            _ => {}
        }
        let theme = &self.ui.theme;
        let Screen::Edit(session) = &mut self.screen else {
            return Effect::None;
        };
        let mut note = None;
        match action {
            Action::Quit if session.dirty => self.overlay = Some(Overlay::Quit),
            Action::Quit => self.quit = true,
            Action::JumpList => {
                let items = jump::items(&session.project);
                self.overlay = Some(Overlay::Jump {
                    input: one_line("", theme),
                    items,
                    selected: 0,
                });
            }
            Action::Export => {
                let path = session.default_export_path().display().to_string();
                self.overlay = Some(Overlay::Prompt {
                    purpose: Purpose::ExportPath,
                    input: one_line(&path, theme),
                });
            }
            Action::ExternalEditor => return Effect::ExternalEditor(session.field_text()),
            Action::ToggleSidebar => session.sidebar = !session.sidebar,
            Action::NextField => {
                if !session.step_field(1) {
                    note = Some(lang.pick("已是最后一个字段", "This is the last field"));
                }
            }
            Action::PrevField => {
                session.step_field(-1);
            }
            Action::NextSection => {
                session.step_section(true);
            }
            Action::PrevSection => {
                session.step_section(false);
            }
            Action::Newline if session.field().is_some_and(|f| !f.kind.is_multiline()) => {
                session.step_field(1);
            }
            other => {
                session.edit(other);
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
                    self.info(lang.pick(
                        "已从外部编辑器取回文字（Ctrl-Z 可撤销）",
                        "Text taken from the editor (Ctrl-Z undoes)",
                    ));
                }
            }
            (Err(message), _) => self.error(message),
            (Ok(_), None) => {}
        }
    }

    fn save(&mut self) -> bool {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return false;
        };
        match session.save(&now()) {
            Ok(()) => true,
            Err(e) => {
                let hint = lang.pick(
                    "文字仍在编辑器中，可用 Ctrl-E 导出到其他位置",
                    "your text is still here",
                );
                self.error(format!("{e}；{hint}"));
                false
            }
        }
    }

    /// Acts on a prompt's answer; false keeps the prompt open.
    fn answer(&mut self, purpose: &Purpose, answer: &str) -> bool {
        let lang = self.lang();
        if answer.is_empty() {
            self.error(lang.pick("请输入文件名", "Please type a file name"));
            return false;
        }
        let path = PathBuf::from(answer);
        match purpose {
            Purpose::ExportPath => {
                let Some(session) = self.session() else {
                    return true;
                };
                match session.export(&path) {
                    Ok(()) => {
                        self.info(format!(
                            "{}{}",
                            lang.pick("已导出到 ", "Exported to "),
                            path.display()
                        ));
                        true
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        false
                    }
                }
            }
            Purpose::NewFile(template) => {
                let project = Project::new((**template).clone(), &now());
                match storage::create_new(&path, project.to_json().as_bytes()) {
                    Ok(()) => {
                        self.start_session(project, path);
                        true
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        false
                    }
                }
            }
        }
    }

    /// Opens a project file; on failure stays where it is and says why.
    pub fn open(&mut self, path: &Path) {
        match storage::read_project(path) {
            Ok(project) => self.start_session(project, path.to_path_buf()),
            Err(e) => self.error(e.to_string()),
        }
    }

    fn start_session(&mut self, project: Project, path: PathBuf) {
        recent::remember(self.ui.data_dir.as_deref(), &path);
        self.screen = Screen::Edit(Box::new(Session::new(project, path, &self.ui.theme)));
        self.overlay = None;
    }

    /// Opens a copy of the bundled sample in the data directory, so the
    /// original stays pristine and edits are kept between runs.
    fn open_sample(&mut self) {
        let dir = self
            .ui
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let path = dir.join("sample").join(SAMPLE_FILE_NAME);
        if !path.exists() {
            let created = std::fs::create_dir_all(path.parent().unwrap_or(&dir))
                .map_err(|e| storage::LoadError::new(&path, storage::io_problem(&e)))
                .and_then(|()| storage::create_new(&path, SAMPLE_JSON.as_bytes()));
            if let Err(e) = created {
                self.error(e.to_string());
                return;
            }
        }
        self.open(&path);
    }
}

/// A one-line input holding `text`, cursor at the end.
fn one_line(text: &str, theme: &Theme) -> TextArea<'static> {
    let mut input = TextArea::new(vec![text.to_string()]);
    input.set_cursor_style(ratatui::style::Style::default());
    input.set_cursor_line_style(ratatui::style::Style::default());
    input.set_style(theme.style(Role::Text));
    input.move_cursor(CursorMove::End);
    input
}

/// `stem.ext` in the current directory, or `stem-2.ext` … if taken.
fn unused_name(stem: &str, ext: &str) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                format!("{stem}.{ext}")
            } else {
                format!("{stem}-{n}.{ext}")
            }
        })
        .find(|name| !Path::new(name).exists())
        .unwrap_or_else(|| format!("{stem}.{ext}"))
}
