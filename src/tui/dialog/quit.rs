//! The question asked when quitting with unsaved changes: save, discard or
//! go back. Nothing is decided silently.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::app::App;
use super::super::command::{Answer, Command, Context};
use super::super::view::hint_line;
use super::{Dialog, ask, heading};

#[derive(Debug)]
pub struct Quit;

impl Quit {
    pub fn handle(self, app: &mut App, command: Command) -> Option<Dialog> {
        match command {
            Command::Answer(Answer::Save) => {
                if app.save() {
                    app.quit = true;
                    return None;
                }
            }
            Command::Answer(Answer::Discard) => {
                if let Some(session) = app.session_mut() {
                    session.discard_recovery();
                }
                app.quit = true;
                return None;
            }
            Command::Answer(Answer::Cancel) => return None,
            // Not answers to this question: it stays.
            Command::Answer(
                Answer::Confirm
                | Answer::ReadOnly
                | Answer::TakeOver
                | Answer::RestoreRecovery
                | Answer::CompareRecovery
                | Answer::DiscardRecovery,
            )
            | Command::Global(_)
            | Command::Text(_)
            | Command::Grid(_)
            | Command::Cell(_)
            | Command::List(_) => {}
        }
        Some(Dialog::Quit(self))
    }

    pub fn draw(&self, app: &App, area: Rect, frame: &mut Frame) {
        let lang = app.lang();
        let keys = |a: Answer| app.ui.keymap.keys_for(Context::Unsaved, a);
        let lines = vec![
            heading(
                app,
                lang.pick(
                    "有未保存的修改。要保存吗？",
                    "There are unsaved changes. Save them?",
                )
                .into(),
                area.width,
            ),
            hint_line(
                app,
                &[
                    (keys(Answer::Save), lang.pick("保存并退出", "save and quit")),
                    (
                        keys(Answer::Discard),
                        lang.pick("不保存退出", "quit without saving"),
                    ),
                    (keys(Answer::Cancel), lang.pick("取消", "cancel")),
                ],
            ),
        ];
        ask(app, lines, area, frame);
    }
}
