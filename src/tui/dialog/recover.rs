//! Asked when a recovery copy holds text the file does not: restore it,
//! compare the two, discard it, or decide later.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::export::text::field_text;
use crate::model::value::char_count;
use crate::recovery::Copy;

use super::super::app::App;
use super::super::command::{Answer, Command, Context};
use super::super::theme::Role;
use super::super::view::{fit, hint_line};
use super::{Dialog, ask, heading};

#[derive(Debug)]
pub struct Recover {
    pub copy: Box<Copy>,
    /// Whether the fields that differ are listed.
    pub compare: bool,
}

impl Recover {
    pub fn handle(self, app: &mut App, command: Command) -> Option<Dialog> {
        let lang = app.lang();
        match command {
            Command::Answer(Answer::RestoreRecovery) => app.restore(*self.copy),
            Command::Answer(Answer::CompareRecovery) => {
                return Some(Dialog::Recover(Recover {
                    compare: !self.compare,
                    ..self
                }));
            }
            Command::Answer(Answer::DiscardRecovery) => {
                if let Some(session) = app.session_mut() {
                    session.discard_recovery();
                }
                app.info(lang.pick("已丢弃恢复副本", "Recovery copy discarded"));
            }
            Command::Answer(Answer::Cancel) => app.info(lang.pick(
                "恢复副本已保留，下次打开时再询问",
                "Recovery copy kept; you will be asked again next time",
            )),
            // Not answers to this question: it stays.
            Command::Answer(
                Answer::Confirm
                | Answer::Save
                | Answer::Discard
                | Answer::ReadOnly
                | Answer::TakeOver,
            )
            | Command::Global(_)
            | Command::Text(_)
            | Command::Grid(_)
            | Command::Cell(_)
            | Command::List(_) => return Some(Dialog::Recover(self)),
        }
        None
    }

    pub fn draw(&self, app: &App, area: Rect, frame: &mut Frame) {
        let lang = app.lang();
        let width = area.width as usize;
        let copy = &self.copy;
        let keys = |a: Answer| app.ui.keymap.keys_for(Context::Recover, a);
        let mut lines = vec![
            heading(
                app,
                format!(
                    "{}{}",
                    lang.pick("发现未保存的恢复副本，写于 ", "Unsaved recovery copy from "),
                    copy.written
                ),
                area.width,
            ),
            Line::raw(fit(&copy.file.display().to_string(), width)),
        ];
        if self.compare
            && let Some(session) = app.session()
        {
            for field in session.project.template.fields() {
                let ours = session.project.entry(&field.id);
                let theirs = copy.project.entry(&field.id);
                if ours == theirs {
                    continue;
                }
                let (a, b) = (field_text(field, ours), field_text(field, theirs));
                lines.push(Line::styled(
                    fit(&field.label, width),
                    app.ui.theme.style(Role::Label),
                ));
                for (tag, text) in [
                    (lang.pick("  文件：", "  file: "), a),
                    (lang.pick("  副本：", "  copy: "), b),
                ] {
                    let shown = format!("{tag}{}字 {}", char_count(&text), text.replace('\n', " "));
                    lines.push(Line::raw(fit(&shown, width)));
                }
            }
        }
        lines.push(hint_line(
            app,
            &[
                (keys(Answer::RestoreRecovery), lang.pick("恢复", "restore")),
                (keys(Answer::CompareRecovery), lang.pick("比较", "compare")),
                (keys(Answer::DiscardRecovery), lang.pick("丢弃", "discard")),
                (keys(Answer::Cancel), lang.pick("稍后再说", "later")),
            ],
        ));
        let room = area.height as usize;
        if lines.len() > room {
            // Keep the heading and the keys; cut the comparison.
            let keys_line = lines.pop();
            lines.truncate(room.saturating_sub(1));
            lines.extend(keys_line);
        }
        ask(app, lines, area, frame);
    }
}
