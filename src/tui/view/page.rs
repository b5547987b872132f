//! The main pane: the current section's heading and guidance, then its
//! fields. The focused field is a live editor; the others show a preview.
//! Every invalid field carries a marker (not colour alone) and its message.

use crate::tui::display::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::choice;
use crate::model::finding::{Finding, FindingKind};
use crate::model::schema::{Field, Kind, Severity};
use crate::strings;

use super::super::app::App;
use super::super::command::{Context, TextCmd};
use super::super::session::Session;
use super::super::text::{display_width, fit, show_controls, wrap};
use super::super::theme::Role;
use super::super::widgets::draw_editor;
use super::grid;
use super::problem::{mark, with_fix_key};

/// Unfocused multi-line fields show this many rows of preview.
const PREVIEW_ROWS: usize = 2;
/// The editor of a multi-line field is at least this tall when it fits.
const MIN_EDITOR_ROWS: usize = 3;
/// Field content is indented under its label.
const INDENT: u16 = 2;

/// A check box on screen: ☐, not the □ forms print, which is
/// East-Asian-ambiguous and misaligns where the terminal draws it wide.
fn screen_box(ticked: bool) -> char {
    if ticked { '☑' } else { '☐' }
}

/// One field's block on the page, measured before drawing.
struct Block<'a> {
    field: &'a Field,
    focused: bool,
    findings: Vec<&'a Finding>,
    hint_rows: Vec<String>,
    /// The message under the field, wrapped to the page: every row of it
    /// shows, for the figures are the point.
    message_rows: Vec<(String, Role)>,
    /// Preview rows (unfocused), as many as could ever show; none for the
    /// focused field, whose editor draws itself.
    content: Vec<String>,
    /// The text goes on past `content`.
    more: bool,
    /// Rows drawn: the preview's or the editor's height.
    rows: usize,
}

impl<'a> Block<'a> {
    fn height(&self) -> usize {
        1 + self.hint_rows.len() + self.rows + self.message_rows.len()
    }

    /// The message under the field: its first error, or for the focused
    /// field its first warning or what is still missing. A focused table
    /// speaks of its focused cell on its own last line instead. A notice
    /// (a figure shown rounded, list numbers typed by hand) is shown only
    /// on the focused field, when it has nothing worse to say.
    fn message(&self, walked: Option<&'a Finding>) -> Option<&'a Finding> {
        if self.focused && self.field.kind() == Kind::Table {
            return None;
        }
        // The problem F8 went to is the one to read.
        if let Some(walked) = walked.filter(|_| self.focused) {
            return Some(walked);
        }
        let shown = self
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Notice);
        shown
            .clone()
            .find(|f| f.marks_invalid())
            .or_else(|| shown.clone().find(|_| self.focused))
            .or_else(|| self.findings.iter().find(|_| self.focused))
            .copied()
    }

    /// The marker before the label: ✗ errors, ! warnings, ✓ filled, blank
    /// for not done yet (a required field still empty, or a table row
    /// still without its actual value, is not an error on screen: a fresh
    /// project would be red from top to bottom; but it is not ✓ either).
    fn marker(&self, filled: bool) -> (&'static str, Role) {
        if self.findings.iter().any(|f| f.marks_invalid()) {
            ("✗", Role::Invalid)
        } else if self
            .findings
            .iter()
            .any(|f| f.severity == Severity::Warning)
        {
            ("!", Role::Warning)
        } else if filled && !self.findings.iter().any(|f| f.severity == Severity::Error) {
            ("✓", Role::Label)
        } else {
            (" ", Role::Label)
        }
    }
}

pub fn draw(app: &App, session: &Session, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let (Some(position), Some(section)) = (session.position(), session.section()) else {
        let empty = lang.say(strings::NO_FIELDS);
        frame.render_widget(Paragraph::new(empty), area);
        return;
    };
    let width = area.width as usize;
    let content_width = width.saturating_sub(INDENT as usize).max(1);
    let report = session.doc.report();
    let mut header: Vec<Line> = vec![Line::styled(
        fit(report.heading_path(Some(position.node)), width),
        theme.style(Role::Heading),
    )];
    if report
        .sections()
        .get(position.node)
        .is_some_and(|s| !s.included)
    {
        let note = lang.say(strings::OPTIONAL_SECTION);
        header.push(Line::styled(fit(note, width), theme.style(Role::Muted)));
    }
    for row in wrapped(&section.hint, width).into_iter().take(2) {
        header.push(Line::styled(row, theme.style(Role::Hint)));
    }
    header.push(Line::raw(""));

    let mut blocks: Vec<Block> = section
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let focused = i == position.field;
            measure(
                app,
                session,
                field,
                focused,
                content_width,
                area.height as usize,
            )
        })
        .collect();
    let available = (area.height as usize).saturating_sub(header.len());
    let (first, last) = visible_range(&mut blocks, position.field, available);

    let header_height = header.len().min(area.height as usize) as u16;
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            height: header_height,
            ..area
        },
    );
    let mut y = area.y + header_height;
    let bottom = area.y + area.height;
    for block in &blocks[first..last] {
        if y >= bottom {
            break;
        }
        y = draw_block(
            app,
            session,
            block,
            Rect {
                y,
                height: bottom - y,
                ..area
            },
            frame,
        );
    }
}

/// Rows a text takes at `width` columns, near enough for sizing the editor.
fn estimated_rows<'t>(lines: impl Iterator<Item = &'t str>, width: usize) -> usize {
    lines
        .map(|p| display_width(p).div_ceil(width.max(1)).max(1))
        .sum::<usize>()
        .max(1)
}

/// Wraps prose to rows of `width` columns, paragraph by paragraph.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let text = show_controls(text);
    text.lines()
        .flat_map(|p| wrap(p, width).lines().map(String::from).collect::<Vec<_>>())
        .collect()
}

/// A field's block, `width` columns wide, with a preview of at most
/// `most` rows (what the layout may give it when there is room).
fn measure<'a>(
    app: &App,
    session: &'a Session,
    field: &'a Field,
    focused: bool,
    width: usize,
    most: usize,
) -> Block<'a> {
    let entry = session.doc.project().entry(&field.id);
    let findings = session.doc.report().of_field(&field.id).collect();
    // The focused field's editor has the text: no copy of it on every key.
    let text = || entry.map(|e| e.field_text(field)).unwrap_or_default();
    let multiline = field.kind().is_multiline();
    let boxes = (!field.options().is_empty())
        .then(|| choice::box_line(&choice::boxes(field, entry), screen_box));
    let mut hint_rows: Vec<String> = Vec::new();
    if focused {
        hint_rows.extend(wrapped(&field.hint, width).into_iter().take(2));
        if let Some(boxes) = &boxes {
            let key = app.ui.keymap.keys_for(Context::Editor, TextCmd::NextOption);
            let row = strings::options_row(boxes, &key, app.lang());
            hint_rows.extend(wrapped(&row, width));
        }
    }
    let (content, more, rows) = if field.kind() == Kind::Table {
        (
            Vec::new(),
            false,
            grid::height(app, session, field, focused, width),
        )
    } else if focused {
        // The wanted height (the layout may give less), estimated without
        // wrapping the whole text: this runs on every keystroke. Sized from
        // the editor, not the stored value: a list drops the empty item
        // Enter Enter starts, and an editor shorter than its text scrolls
        // its first rows away. Word wrapping can take more rows than the
        // estimate, so the cursor's row (the widget's own wrapping) is a
        // floor, plus one row to type into.
        let rows = if multiline {
            let text_rows = match session.editor.editors.get(&field.id) {
                // Exact once the editor has been drawn at this width: its
                // wrap keeps the count on every edit.
                Some(editor) => u16::try_from(width)
                    .ok()
                    .and_then(|w| editor.display_rows_at(w))
                    .unwrap_or_else(|| {
                        estimated_rows(editor.lines().iter().map(String::as_str), width)
                            .max(editor.screen_cursor().row + 1)
                    }),
                None => estimated_rows(text().lines(), width),
            };
            text_rows + 1
        } else {
            1
        };
        (
            Vec::new(),
            false,
            rows.max(if multiline { MIN_EDITOR_ROWS } else { 1 }),
        )
    } else if let Some(boxes) = boxes {
        (vec![fit(&boxes, width)], false, 1)
    } else {
        // Rows beyond PREVIEW_ROWS show only where the page has room (see
        // `visible_range`); only the start of a long text can show, so no
        // more than the page's height is wrapped.
        let limit = if multiline { most.max(1) } else { 1 };
        let text = text();
        let start: String = text.chars().take(limit * width + 1).collect();
        let mut rows = wrapped(&start, width);
        let more = rows.len() > limit || start.chars().count() < text.chars().count();
        rows.truncate(limit);
        let count = rows.len().clamp(1, PREVIEW_ROWS);
        (rows, more, count)
    };
    let mut block = Block {
        field,
        focused,
        findings,
        hint_rows,
        message_rows: Vec::new(),
        content,
        more,
        rows,
    };
    block.message_rows = message_rows(app, session, &block, width);
    block
}

/// The message under a field (see [`Block::message`]), wrapped to `width`.
fn message_rows(app: &App, session: &Session, block: &Block, width: usize) -> Vec<(String, Role)> {
    let lang = app.lang();
    let walked = session
        .editor
        .walked
        .as_ref()
        .map(|(_, f)| f)
        .filter(|f| f.place.field == block.field.id);
    let walked = walked.and_then(|w| block.findings.iter().copied().find(|f| *f == w));
    let Some(finding) = block.message(walked) else {
        return Vec::new();
    };
    let (mark, role) = match finding.kind {
        FindingKind::Missing => ("*", Role::Hint),
        _ => mark(finding.severity),
    };
    let more = block.findings.len().saturating_sub(1);
    let more = if more > 0 && block.focused {
        format!("（另有{more}项）")
    } else {
        String::new()
    };
    let text = format!(
        "{mark} {}{more}",
        with_fix_key(finding, &app.ui.keymap, lang)
    );
    wrapped(&text, width.max(1))
        .into_iter()
        .map(|row| (row, role))
        .collect()
}

/// Chooses which blocks fit, keeping the focused one; shrinks the focused
/// editor to the room left. Returns the range of blocks to draw.
fn visible_range(blocks: &mut [Block], focused: usize, available: usize) -> (usize, usize) {
    let fixed = |blocks: &[Block], first: usize, last: usize| -> usize {
        blocks[first..last]
            .iter()
            .map(|b| {
                if b.focused {
                    b.height() - b.rows
                } else {
                    b.height()
                }
            })
            .sum()
    };
    let (mut first, mut last) = (0, blocks.len());
    let wanted = blocks.get(focused).map_or(1, |b| b.rows);
    let least = wanted.min(MIN_EDITOR_ROWS);
    // Drop blocks before the focused one first, then after it.
    while fixed(blocks, first, last) + least > available && first < focused {
        first += 1;
    }
    while fixed(blocks, first, last) + least > available && last > focused + 1 {
        last -= 1;
    }
    let room = available.saturating_sub(fixed(blocks, first, last));
    if let Some(b) = blocks.get_mut(focused) {
        b.rows = wanted.min(room).max(1);
    }
    // The focused field has what it wants; rows still empty go to the
    // previews of long texts, in reading order, rather than stay blank.
    let used: usize = blocks[first..last].iter().map(Block::height).sum();
    let mut spare = available.saturating_sub(used);
    for b in blocks[first..last].iter_mut().filter(|b| !b.focused) {
        let grow = b.content.len().saturating_sub(b.rows).min(spare);
        b.rows += grow;
        spare -= grow;
    }
    (first, last)
}

/// Draws one block from the top of `area`; returns the next free row.
fn draw_block(app: &App, session: &Session, block: &Block, area: Rect, frame: &mut Frame) -> u16 {
    let theme = &app.ui.theme;
    let lang = app.lang();
    let width = area.width as usize;
    let bottom = area.y + area.height;
    let mut y = area.y;
    let line = |frame: &mut Frame, y: &mut u16, content: Line| {
        if *y < bottom {
            frame.render_widget(
                Paragraph::new(content),
                Rect {
                    y: *y,
                    height: 1,
                    ..area
                },
            );
            *y += 1;
        }
    };

    let entry = session.doc.project().entry(&block.field.id);
    let filled = entry.is_some_and(|e| !e.is_empty());
    let (marker, marker_role) = block.marker(filled);
    let label_role = if block.focused {
        Role::LabelFocused
    } else {
        Role::Label
    };
    let pointer = if block.focused { ">" } else { " " };
    let required = if block.field.required { " *" } else { "" };
    // As of the last pause in typing (the report settles then): the field
    // being typed in changes on every key, the others cannot have changed.
    let count = session.doc.report().chars(&block.field.id);
    let counter = match block.field.max_len() {
        Some(max) => strings::length_of_max(count, max, lang),
        None if block.field.kind().is_prose() => strings::length(count, lang),
        None => String::new(),
    };
    let label_text = fit(
        &format!("{}{required}", block.field.label),
        width.saturating_sub(display_width(&counter) + 5),
    );
    let pad = width.saturating_sub(3 + display_width(&label_text) + display_width(&counter));
    line(
        frame,
        &mut y,
        Line::from(vec![
            Span::styled(format!("{pointer}{marker} "), theme.style(marker_role)),
            Span::styled(label_text, theme.style(label_role)),
            Span::raw(" ".repeat(pad)),
            Span::styled(counter, theme.style(Role::Muted)),
        ]),
    );
    for hint in &block.hint_rows {
        line(
            frame,
            &mut y,
            Line::styled(format!("  {hint}"), theme.style(Role::Hint)),
        );
    }

    let content_area = Rect {
        x: area.x + INDENT,
        y,
        width: area.width.saturating_sub(INDENT),
        height: (block.rows as u16).min(bottom.saturating_sub(y)),
    };
    if block.field.kind() == Kind::Table {
        grid::draw(
            app,
            session,
            block.field,
            block.focused,
            content_area,
            frame,
        );
    } else if block.focused {
        if let Some(editor) = session.editor.editors.get(&block.field.id) {
            draw_editor(editor, content_area, frame);
        } else {
            // Not opened yet (before the first key): show the stored text,
            // cursor at its start.
            draw_preview(app, block, content_area, frame);
            frame.set_cursor_position(Position {
                x: content_area.x,
                y: content_area.y,
            });
        }
    } else {
        draw_preview(app, block, content_area, frame);
    }
    y += content_area.height;

    for (row, role) in &block.message_rows {
        line(
            frame,
            &mut y,
            Line::styled(format!("  {row}"), theme.style(*role)),
        );
    }
    y
}

fn draw_preview(app: &App, block: &Block, area: Rect, frame: &mut Frame) {
    let theme = &app.ui.theme;
    let lines: Vec<Line> = if block.content.is_empty() {
        let empty = app.lang().say(strings::EMPTY);
        vec![Line::styled(empty, theme.style(Role::Muted))]
    } else {
        let shown = block.rows.min(block.content.len());
        let cut = block.more || shown < block.content.len();
        block.content[..shown]
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let row = if cut && i + 1 == shown {
                    fit(&format!("{r}..."), area.width as usize)
                } else {
                    r.clone()
                };
                Line::styled(row, theme.style(Role::Text))
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), area);
}
