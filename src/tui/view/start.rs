//! The start screen: new project from a template, a recent file, the sample.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::start::{Choice, Start};
use super::super::text::fit;
use super::super::theme::Role;

pub fn draw(app: &App, start: &Start, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let width = area.width as usize;
    let mut lines = vec![
        Line::styled(
            fit(
                lang.pick(
                    "自评 ziping：绩效自评报告编写工具",
                    "ziping: performance self-evaluation reports",
                ),
                width,
            ),
            theme.style(Role::Heading),
        ),
        Line::styled(
            fit(
                lang.pick(
                    "用上下方向键选择，Enter 确定",
                    "Choose with Up/Down, Enter to confirm",
                ),
                width,
            ),
            theme.style(Role::Hint),
        ),
        Line::raw(""),
    ];
    for (i, choice) in start.choices.iter().enumerate() {
        let text = match choice {
            Choice::New(t) => format!("{}{}", lang.pick("新建：", "New: "), t.name),
            Choice::Open(path) => format!("{}{}", lang.pick("打开：", "Open: "), path.display()),
            Choice::Sample => lang
                .pick(
                    "打开示例报告（常宁市委组织部2022年度）",
                    "Open the sample report",
                )
                .to_string(),
        };
        let role = if i == start.selected {
            Role::Selected
        } else {
            Role::Text
        };
        let pointer = if i == start.selected { "> " } else { "  " };
        let text = fit(&format!("{pointer}{text}"), width);
        lines.push(Line::styled(format!("{text:<width$}"), theme.style(role)));
    }
    let skip = (start.selected + 4).saturating_sub(area.height as usize);
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(lines), area);
}
