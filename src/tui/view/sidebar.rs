//! The outline: every section, indented, with a marker for its state and
//! the overall progress underneath. Markers are characters, not colours.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::model::report::Progress;
use crate::strings;

use super::super::app::App;
use super::super::session::Session;
use super::super::text::fit;
use super::super::theme::Role;

pub fn draw(app: &App, session: &Session, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let report = session.doc.report();
    let current = session.position().map(|p| p.node);
    let width = area.width as usize;
    let project = session.doc.project();
    let walk = project.template.walk();
    let mut rows: Vec<Line> = Vec::new();
    for (i, node) in report.sections().iter().enumerate() {
        // `=`: text kept from last year (沿用去年), not yet edited or confirmed.
        let carried = walk.get(i).is_some_and(|r| {
            r.section
                .fields
                .iter()
                .any(|f| project.carried.contains(&f.id))
        });
        let kept = if carried { '=' } else { ' ' };
        let state = node.progress;
        // Errors, then warnings, then how far it is filled in: a section
        // with a warning is never shown as plainly done.
        let marker = match state {
            Progress::Invalid => '✗',
            _ if node.warned => '!',
            Progress::Empty => ' ',
            Progress::Partial => '~',
            Progress::Complete => '✓',
        };
        let indent = "  ".repeat(node.depth);
        let text = fit(&format!("{marker}{kept}{indent}{}", node.heading), width);
        let role = match (Some(i) == current, node.included, state) {
            (true, _, _) => Role::Selected,
            (false, _, Progress::Invalid) => Role::Invalid,
            (false, true, _) if node.warned => Role::Warning,
            (false, false, _) => Role::Muted,
            (false, true, _) => Role::Outline,
        };
        rows.push(Line::styled(format!("{text:<width$}"), theme.style(role)));
    }
    let (complete, with_fields) = report.done();
    let footer = strings::sections_done(complete, with_fields, lang);
    let list_height = (area.height as usize).saturating_sub(2);
    // Keep the current section in view.
    let skip = current.map_or(0, |c| c.saturating_sub(list_height.saturating_sub(1)));
    let mut lines: Vec<Line> = rows.into_iter().skip(skip).take(list_height).collect();
    while lines.len() < list_height {
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(&footer, width), theme.style(Role::Muted)));
    frame.render_widget(Paragraph::new(lines), area);
}
