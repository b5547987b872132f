//! Drawing. Views read the app (`&App`) and never change it; they ask the
//! theme for meanings, never for colours. No box-drawing characters are used:
//! they are "ambiguous width" and misalign in many Chinese terminals.

mod grid;
mod page;
mod problem;
mod sidebar;
mod start;
mod status;

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::strings;

use super::app::{App, Screen};
use super::dialog::Dialog;
use super::text::fit;
use super::theme::Role;

/// Below this the UI says the window is too small instead of drawing garbage.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// The outline is shown from this width up (when not hidden with F2).
const SIDEBAR_FROM_WIDTH: u16 = 64;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = app.lang().say(strings::WINDOW_TOO_SMALL);
        let message = fit(text, area.width as usize);
        frame.render_widget(
            Paragraph::new(message).style(app.ui.theme.style(Role::Invalid)),
            area,
        );
        return;
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let status_area = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    match &app.screen {
        Screen::Start(start) => start::draw(app, start, body, frame),
        Screen::Edit(session) => {
            let sidebar_width = (area.width / 4).clamp(18, 30);
            let page_area = if app.prefs.sidebar && area.width >= SIDEBAR_FROM_WIDTH {
                let side = Rect {
                    width: sidebar_width,
                    ..body
                };
                sidebar::draw(app, session, side, frame);
                let gap = Rect {
                    x: body.x + sidebar_width,
                    width: 1,
                    ..body
                };
                let bar = vec![Line::from("|"); gap.height as usize];
                frame.render_widget(
                    Paragraph::new(bar).style(app.ui.theme.style(Role::Border)),
                    gap,
                );
                Rect {
                    x: gap.x + 2,
                    width: body.width.saturating_sub(sidebar_width + 2),
                    ..body
                }
            } else {
                body
            };
            // The find prompt stays open while the page shows each match:
            // the page is drawn above it, so the match is never under it.
            let covered = match &app.dialog {
                Some(Dialog::Find(find)) => find.height(),
                _ => 0,
            };
            let page_area = Rect {
                height: page_area.height.saturating_sub(covered),
                ..page_area
            };
            page::draw(app, session, page_area, frame);
        }
    }
    status::draw(app, status_area, frame);
    if let Some(dialog) = &app.dialog {
        dialog.draw(&app.ui.ctx(), body, frame);
    }
}
