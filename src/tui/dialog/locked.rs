//! Asked when the file is open in another live ziping: open read-only, take
//! over, or quit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::lock::Owner;

use super::super::app::App;
use super::super::command::{Answer, Command, Context};
use super::super::view::{fit, hint_line};
use super::{Dialog, ask, heading};

#[derive(Debug)]
pub struct Locked {
    /// Who has the file open.
    pub owner: Owner,
}

impl Locked {
    pub fn handle(self, app: &mut App, command: Command) -> Option<Dialog> {
        match command {
            Command::Answer(Answer::ReadOnly) => {
                if let Some(session) = app.session_mut() {
                    session.read_only = true;
                }
                app.info(app.lang().pick(
                    "已只读打开：不能修改和保存，可用 Alt-S 另存为",
                    "Opened read-only",
                ));
            }
            Command::Answer(Answer::TakeOver) => app.take_over(),
            Command::Answer(Answer::Cancel) => app.quit = true,
            // Not answers to this question: it stays.
            Command::Answer(
                Answer::Confirm
                | Answer::Save
                | Answer::Discard
                | Answer::RestoreRecovery
                | Answer::CompareRecovery
                | Answer::DiscardRecovery,
            )
            | Command::Global(_)
            | Command::Text(_)
            | Command::Grid(_)
            | Command::Cell(_)
            | Command::List(_) => return Some(Dialog::Locked(self)),
        }
        None
    }

    pub fn draw(&self, app: &App, area: Rect, frame: &mut Frame) {
        let lang = app.lang();
        let keys = |a: Answer| app.ui.keymap.keys_for(Context::Locked, a);
        let lines = vec![
            heading(
                app,
                lang.pick("此文件正在另一处编辑：", "This file is open elsewhere:")
                    .into(),
                area.width,
            ),
            Line::raw(fit(&self.owner.describe(), area.width as usize)),
            hint_line(
                app,
                &[
                    (keys(Answer::ReadOnly), lang.pick("只读打开", "read-only")),
                    (keys(Answer::TakeOver), lang.pick("接管", "take over")),
                    (keys(Answer::Cancel), lang.pick("退出", "quit")),
                ],
            ),
        ];
        ask(app, lines, area, frame);
    }
}
