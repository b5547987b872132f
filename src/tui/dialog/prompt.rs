//! One-line prompts: the export path (Ctrl-E), "save as" and the file name
//! of a new project.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::clock::now;
use crate::model::project::Project;
use crate::model::schema::Template;
use crate::storage;

use super::super::app::{App, one_line};
use super::super::command::{Answer, Command, TextCmd};
use super::super::editors::text_of;
use super::super::session::apply;
use super::super::theme::{Role, Theme};
use super::super::view::fit;
use super::{Dialog, draw_input, panel};

/// What a prompt asks for, and so what its answer is used for.
#[derive(Debug, Clone)]
pub enum PromptKind {
    ExportPath,
    SaveAs,
    NewFile(Box<Template>),
}

#[derive(Debug)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextArea<'static>,
}

impl Prompt {
    /// A prompt with `text` filled in, cursor at its end.
    pub fn new(kind: PromptKind, text: &str, theme: &Theme) -> Prompt {
        Prompt {
            kind,
            input: one_line(text, theme),
        }
    }

    pub fn handle(mut self, app: &mut App, command: Command) -> Option<Dialog> {
        match command {
            Command::Answer(Answer::Cancel) => {
                app.info(app.lang().pick("已取消", "Cancelled"));
                return None;
            }
            Command::Answer(Answer::Confirm) => {
                let answer = text_of(&self.input).trim().to_string();
                if self.kind.act(app, &answer) {
                    return None;
                }
            }
            // A one-line input has no newlines to make.
            Command::Text(TextCmd::Newline) => {}
            Command::Text(text) => apply(&mut self.input, text),
            // Not bound in a prompt: it stays as it is.
            Command::Answer(
                Answer::Save
                | Answer::Discard
                | Answer::ReadOnly
                | Answer::TakeOver
                | Answer::RestoreRecovery
                | Answer::CompareRecovery
                | Answer::DiscardRecovery,
            )
            | Command::Global(_)
            | Command::Grid(_)
            | Command::Cell(_)
            | Command::List(_) => {}
        }
        Some(Dialog::Prompt(self))
    }

    pub fn draw(&self, app: &App, area: Rect, frame: &mut Frame) {
        let theme = &app.ui.theme;
        let lang = app.lang();
        let rect = panel(app, area, area.height.saturating_sub(3), 3, frame);
        let question = match self.kind {
            PromptKind::ExportPath => lang.pick(
                "导出纯文本到（Enter 确定，Esc 取消）：",
                "Export plain text to (Enter/Esc):",
            ),
            PromptKind::SaveAs => {
                lang.pick("另存为（Enter 确定，Esc 取消）：", "Save as (Enter/Esc):")
            }
            PromptKind::NewFile(_) => lang.pick(
                "新项目文件名（Enter 确定，Esc 取消）：",
                "New project file (Enter/Esc):",
            ),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit(question, rect.width as usize),
                theme.style(Role::LabelFocused),
            )),
            Rect { height: 1, ..rect },
        );
        let input_area = Rect {
            y: rect.y + 1,
            height: 1,
            ..rect
        };
        draw_input(&self.input, input_area, frame);
    }
}

impl PromptKind {
    /// Acts on the answer; false keeps the prompt open.
    fn act(&self, app: &mut App, answer: &str) -> bool {
        let lang = app.lang();
        if answer.is_empty() {
            app.error(lang.pick("请输入文件名", "Please type a file name"));
            return false;
        }
        // A relative name for an export or a copy goes beside the project,
        // not wherever the program happened to be started.
        let typed = PathBuf::from(answer);
        let path = match (app.session(), self) {
            (Some(s), PromptKind::ExportPath | PromptKind::SaveAs) if typed.is_relative() => s
                .path
                .parent()
                .map_or(typed.clone(), |dir| dir.join(&typed)),
            _ => typed,
        };
        match self {
            PromptKind::ExportPath => {
                let Some(session) = app.session() else {
                    return true;
                };
                match session.export(&path) {
                    Ok(()) => {
                        app.info(format!(
                            "{}{}",
                            lang.pick("已导出到 ", "Exported to "),
                            path.display()
                        ));
                        true
                    }
                    Err(e) => {
                        app.error(e.to_string());
                        false
                    }
                }
            }
            PromptKind::SaveAs => app.save_as(&path),
            PromptKind::NewFile(template) => {
                let project = Project::new((**template).clone(), &now());
                match storage::create_new(&path, project.to_json().as_bytes()) {
                    Ok(()) => {
                        app.start_session(project, path);
                        true
                    }
                    Err(e) => {
                        app.error(e.to_string());
                        false
                    }
                }
            }
        }
    }
}
