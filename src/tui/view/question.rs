//! Questions that must be answered before going on: unsaved changes on
//! quit, a file open elsewhere, a recovery copy found. Nothing is decided
//! silently; every choice is a key shown here and listed in help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::export::text::field_text;
use crate::lock::Owner;
use crate::model::value::char_count;
use crate::recovery::Copy;

use super::super::app::App;
use super::super::command::{Answer, Context};
use super::super::theme::Role;
use super::overlay::panel;
use super::{fit, hint_line};

/// Draws `lines` in a panel centred vertically in `area`.
fn ask(app: &App, lines: Vec<Line>, area: Rect, frame: &mut Frame) {
    let height = lines.len() as u16;
    let rect = panel(
        app,
        area,
        area.height.saturating_sub(height) / 2,
        height,
        frame,
    );
    frame.render_widget(
        Paragraph::new(lines).style(app.ui.theme.style(Role::Overlay)),
        rect,
    );
}

fn heading<'a>(app: &App, text: String, width: u16) -> Line<'a> {
    Line::styled(
        fit(&text, width as usize),
        app.ui.theme.style(Role::Heading),
    )
}

pub fn quit(app: &App, area: Rect, frame: &mut Frame) {
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

pub fn locked(app: &App, owner: &Owner, area: Rect, frame: &mut Frame) {
    let lang = app.lang();
    let keys = |a: Answer| app.ui.keymap.keys_for(Context::Locked, a);
    let lines = vec![
        heading(
            app,
            lang.pick("此文件正在另一处编辑：", "This file is open elsewhere:")
                .into(),
            area.width,
        ),
        Line::raw(fit(&owner.describe(), area.width as usize)),
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

pub fn recover(app: &App, copy: &Copy, compare: bool, area: Rect, frame: &mut Frame) {
    let lang = app.lang();
    let width = area.width as usize;
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
    if compare && let Some(session) = app.session() {
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
