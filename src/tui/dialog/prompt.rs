//! One-line prompts: the export path (Ctrl-E), "save as", the file name
//! of a new project and a section's heading in the report's words.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use std::path::{Path, PathBuf};

use crate::model::schema::Template;
use crate::strings;

use super::super::command::{Answer, Command, TextCmd};
use super::super::editors::{apply, one_line, text_of};
use super::super::text::fit;
use super::super::theme::{Role, Theme};
use super::super::widgets::{Ctx, draw_input, panel};
use super::complete::complete;
use super::outcome::Outcome;

/// What a prompt asks for, and so what its answer is used for.
#[derive(Debug, Clone)]
pub enum PromptKind {
    ExportPath,
    SaveAs,
    NewFile(Box<Template>),
    /// The heading of the section with this id, in this report's words.
    Heading(String),
    /// The report's title pattern, its lines separated by `|`.
    Title,
    /// Last year's report (.docx, .txt, .md) to import (start screen).
    ImportFrom,
    /// Last year's project to start the new year from (start screen).
    RollFrom,
}

impl PromptKind {
    /// Whether the answer is a file's path, which Tab completes.
    fn is_path(&self) -> bool {
        !matches!(self, PromptKind::Heading(_) | PromptKind::Title)
    }
}

#[derive(Debug)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextArea<'static>,
    /// The folder a relative path answer goes to, where Tab looks names up.
    pub base: PathBuf,
}

impl Prompt {
    /// A prompt with `text` filled in, cursor at its end.
    pub fn new(kind: PromptKind, text: &str, theme: &Theme) -> Prompt {
        Prompt {
            kind,
            input: one_line(text, theme),
            base: PathBuf::from("."),
        }
    }

    /// The same, with relative names taken in `base` (beside the project).
    pub fn in_folder(self, base: &Path) -> Prompt {
        Prompt {
            base: base.to_path_buf(),
            ..self
        }
    }

    /// Enter hands the typed answer, trimmed, to the app.
    pub fn handle(&mut self, command: Command) -> Outcome<String> {
        match command {
            Command::Answer(Answer::Cancel) => return Outcome::Close,
            Command::Answer(Answer::Confirm) => {
                return Outcome::Act(text_of(&self.input).trim().to_string());
            }
            Command::Answer(Answer::Complete) if self.kind.is_path() => {
                let typed = text_of(&self.input);
                // A completion only adds to what was typed: it goes at the end.
                if let Some(added) = complete(&typed, &self.base)
                    .and_then(|done| done.strip_prefix(typed.as_str()).map(str::to_string))
                {
                    apply(&mut self.input, TextCmd::TextEnd);
                    self.input.insert_str(added);
                }
            }
            // A one-line input has no newlines to make.
            Command::Text(TextCmd::Newline) => {}
            Command::Text(text) => apply(&mut self.input, text),
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let rect = panel(theme, area, area.height.saturating_sub(3), 3, frame);
        let question = match self.kind {
            PromptKind::ExportPath => lang.say(strings::EXPORT_TO_PROMPT),
            PromptKind::SaveAs => lang.say(strings::SAVE_AS_PROMPT),
            PromptKind::NewFile(_) => lang.say(strings::NEW_FILE_PROMPT),
            PromptKind::Heading(_) => lang.say(strings::HEADING_PROMPT),
            PromptKind::Title => lang.say(strings::TITLE_PROMPT),
            PromptKind::ImportFrom => lang.say(strings::IMPORT_FROM_PROMPT),
            PromptKind::RollFrom => lang.say(strings::ROLL_FROM_PROMPT),
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
