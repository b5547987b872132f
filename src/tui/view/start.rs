//! The start screen: new project from a template, a recent file, the sample.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::strings;

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
            fit(lang.say(strings::START_TITLE), width),
            theme.style(Role::Heading),
        ),
        Line::styled(
            fit(lang.say(strings::START_HINT), width),
            theme.style(Role::Hint),
        ),
        Line::raw(""),
    ];
    for (i, choice) in start.choices.iter().enumerate() {
        let text = match choice {
            Choice::New(t) => strings::new_from(&t.name, lang),
            Choice::Import => lang.say(strings::IMPORT_CHOICE).to_string(),
            Choice::Roll => lang.say(strings::ROLL_CHOICE).to_string(),
            Choice::Open(path) => strings::open_recent(path, lang),
            Choice::Sample => lang.say(strings::OPEN_SAMPLE).to_string(),
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
