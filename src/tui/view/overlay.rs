//! What is drawn over the page: help, the jump list, the quit question and
//! one-line prompts.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::super::app::{App, Overlay, Purpose};
use super::super::command::{Context, Nature};
use super::super::editors::text_of;
use super::super::jump;
use super::super::theme::Role;
use super::{display_width, fit, question};

pub fn draw(app: &App, area: Rect, frame: &mut Frame) {
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help(app, *scroll, area, frame),
        Some(Overlay::Jump {
            input,
            items,
            selected,
        }) => jump_list(app, input, items, *selected, area, frame),
        Some(Overlay::Quit) => question::quit(app, area, frame),
        Some(Overlay::Locked(owner)) => question::locked(app, owner, area, frame),
        Some(Overlay::Recover { copy, compare }) => {
            question::recover(app, copy, *compare, area, frame)
        }
        Some(Overlay::Prompt { purpose, input }) => prompt(app, purpose, input, area, frame),
    }
}

/// A box of `height` rows across the page, `top` rows down, cleared.
pub(super) fn panel(app: &App, area: Rect, top: u16, height: u16, frame: &mut Frame) -> Rect {
    let rect = Rect {
        x: area.x,
        y: area.y + top.min(area.height.saturating_sub(1)),
        width: area.width,
        height: height.min(area.height.saturating_sub(top)).max(1),
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new("").style(app.ui.theme.style(Role::Overlay)),
        rect,
    );
    rect
}

/// Every binding of the key table, by context: the same table dispatch uses.
pub fn help_rows(app: &App) -> Vec<(String, String, Option<Context>)> {
    let lang = app.lang();
    let mut rows = Vec::new();
    for context in Context::ALL {
        let (zh, en) = context.describe();
        rows.push((lang.pick(zh, en).to_string(), String::new(), Some(context)));
        for binding in app
            .ui
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context)
        {
            let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
            let (zh, en) = binding.command.describe();
            let mut text = lang.pick(zh, en).to_string();
            if binding.command.nature() == Nature::Reserved {
                text.push_str(lang.pick("（尚未提供）", " (not available yet)"));
            }
            rows.push((keys.join(" / "), text, None));
        }
    }
    rows
}

fn help(app: &App, scroll: usize, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let rect = panel(app, area, 0, area.height, frame);
    let rows = help_rows(app);
    let key_width = rows
        .iter()
        .filter(|r| r.2.is_none())
        .map(|r| display_width(&r.0))
        .max()
        .unwrap_or(0)
        .min(28);
    let width = rect.width as usize;
    let title = lang.pick(
        "按键帮助（Esc 关闭，上下键滚动）",
        "Keys (Esc closes, Up/Down scroll)",
    );
    let mut lines = vec![Line::styled(fit(title, width), theme.style(Role::Heading))];
    let body = rect.height.saturating_sub(1) as usize;
    let scroll = scroll.min(rows.len().saturating_sub(body));
    for (keys, text, heading) in rows.into_iter().skip(scroll).take(body) {
        if heading.is_some() {
            lines.push(Line::styled(fit(&keys, width), theme.style(Role::Label)));
        } else {
            let pad = key_width.saturating_sub(display_width(&keys));
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys}{}", " ".repeat(pad)),
                    theme.style(Role::Key),
                ),
                Span::raw(fit(
                    &format!("  {text}"),
                    width.saturating_sub(key_width + 2),
                )),
            ]));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).style(theme.style(Role::Overlay)),
        rect,
    );
}

fn jump_list(
    app: &App,
    input: &TextArea,
    items: &[jump::Item],
    selected: usize,
    area: Rect,
    frame: &mut Frame,
) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let rect = panel(app, area, 0, area.height, frame);
    let width = rect.width as usize;
    let label = lang.pick("跳转到：", "Jump to: ");
    let label_width = display_width(label) as u16;
    frame.render_widget(
        Paragraph::new(Span::styled(label, theme.style(Role::LabelFocused))),
        Rect { height: 1, ..rect },
    );
    let input_area = Rect {
        x: rect.x + label_width,
        width: rect.width.saturating_sub(label_width),
        height: 1,
        ..rect
    };
    frame.render_widget(input, input_area);
    place_cursor(input, input_area, frame);

    let filter = text_of(input);
    let matches = jump::filter(items, &filter);
    let body = rect.height.saturating_sub(2) as usize;
    let skip = selected.saturating_sub(body.saturating_sub(1));
    let mut lines = Vec::new();
    if matches.is_empty() {
        lines.push(Line::styled(
            lang.pick("没有匹配的章节或字段", "Nothing matches"),
            theme.style(Role::Muted),
        ));
    }
    for (i, item) in matches.iter().enumerate().skip(skip).take(body) {
        let text = fit(
            &format!("{}{}", "  ".repeat(item.depth), item.text),
            width.saturating_sub(2),
        );
        let role = if i == selected {
            Role::Selected
        } else if item.target.field.is_some() {
            Role::Text
        } else {
            Role::Label
        };
        let pointer = if i == selected { "> " } else { "  " };
        let text = format!("{pointer}{text}");
        lines.push(Line::styled(format!("{text:<width$}"), theme.style(role)));
    }
    let list = Rect {
        y: rect.y + 2,
        height: rect.height.saturating_sub(2),
        ..rect
    };
    frame.render_widget(Paragraph::new(lines), list);
}

fn prompt(app: &App, purpose: &Purpose, input: &TextArea, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let rect = panel(app, area, area.height.saturating_sub(3), 3, frame);
    let question = match purpose {
        Purpose::ExportPath => lang.pick(
            "导出纯文本到（Enter 确定，Esc 取消）：",
            "Export plain text to (Enter/Esc):",
        ),
        Purpose::SaveAs => lang.pick("另存为（Enter 确定，Esc 取消）：", "Save as (Enter/Esc):"),
        Purpose::NewFile(_) => lang.pick(
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
    frame.render_widget(input, input_area);
    place_cursor(input, input_area, frame);
}

/// Puts the terminal cursor at a one-line input's insertion point.
fn place_cursor(input: &TextArea, area: Rect, frame: &mut Frame) {
    let col = (input.screen_cursor().col as u16).saturating_sub(input.scroll_offset().1);
    if area.width > 0 && area.height > 0 {
        frame.set_cursor_position(Position {
            x: area.x + col.min(area.width - 1),
            y: area.y,
        });
    }
}
