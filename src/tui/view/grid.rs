//! A table drawn as a grid: a header row, a line per row, the group
//! subtotals and the summary lines (总分, 等级), and under a focused table a
//! line about the focused cell (its problems, or what it expects). Columns
//! are as wide as their content by display width (a Chinese character
//! counts two) and separated by spaces: box-drawing characters are
//! ambiguous-width and misalign in Chinese terminals. A grid wider than the
//! pane scrolls sideways to the focused cell, keeping the row labels in
//! view; rows scroll to keep the focused row in view.

mod about;
mod columns;

use std::collections::HashMap;

use crate::tui::display::Frame;
use indexmap::IndexMap;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::finding::Finding;
use crate::model::schema::{Field, Severity};
use crate::model::sheet::{GroupSheet, Row, Table, figure};
use crate::strings;

use super::super::app::App;
use super::super::command::{Context, GridCmd};
use super::super::editors::text_of;
use super::super::grid::Grid;
use super::super::session::Session;
use super::super::text::{display_width, fit};
use super::super::theme::{Role, Theme};
use super::super::widgets::draw_editor;
use super::problem::mark;
use about::about_rows;
use columns::{Columns, GAP};

/// Cells wider than this many columns are cut (`...`).
const MAX_CELL: usize = 24;
/// An unfocused table shows at most this many rows.
const PREVIEW_ROWS: usize = 3;

/// A column as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    /// Row labels (fixed rows) or row numbers (rows the writer adds).
    Rows,
    /// A column of the table, by index.
    Cell(usize),
}

/// The text of one cell of the grid and how it looks.
struct Item {
    text: String,
    role: Role,
    right: bool,
}

impl Item {
    fn new(text: impl Into<String>, role: Role) -> Item {
        Item {
            text: text.into(),
            role,
            right: false,
        }
    }
}

/// The lines a grid wants: the header, its rows, subtotals and summary,
/// and for the focused table the rows about its focused cell, wrapped to
/// `width`.
pub fn height(app: &App, session: &Session, field: &Field, focused: bool, width: usize) -> usize {
    let Some(table) = session
        .doc
        .report()
        .table(&session.doc.project().template, &field.id)
    else {
        return 1;
    };
    let rows = table.rows.len().max(1);
    if focused {
        let problems: Vec<&Finding> = session.doc.report().of_field(&field.id).collect();
        let texts = Texts::new(app, table, &problems);
        let cell = focused_cell(session, field, table, &texts);
        let editing = session
            .editor
            .grids
            .get(&field.id)
            .is_some_and(|g| g.edit.is_some());
        let about = about_rows(app, table, cell, &problems, editing, width);
        1 + rows + lines_below(table) + about.len()
    } else {
        1 + rows.min(PREVIEW_ROWS)
    }
}

/// The lines under the rows of a focused table, before the rows about the
/// focused cell: subtotals and the summary line.
fn lines_below(table: Table) -> usize {
    subtotalled(table).count() + usize::from(!table.spec.summary.is_empty())
}

/// The focused cell of a focused table: its row, and its index in
/// `texts.cols`.
fn focus(session: &Session, field: &Field, table: Table, texts: &Texts) -> Option<(usize, usize)> {
    if table.rows.is_empty() {
        return None;
    }
    let default = Grid::default();
    let grid = session.editor.grids.get(&field.id).unwrap_or(&default);
    let found = texts.cols.iter().position(|c| *c == Col::Cell(grid.column));
    let first = usize::from(texts.cols.len() > 1);
    Some((grid.row.min(table.rows.len() - 1), found.unwrap_or(first)))
}

/// The focused cell as (row, column of the table), none on the row labels.
fn focused_cell(
    session: &Session,
    field: &Field,
    table: Table,
    texts: &Texts,
) -> Option<(usize, usize)> {
    focus(session, field, table, texts).and_then(|(r, c)| match texts.cols[c] {
        Col::Cell(i) => Some((r, i)),
        Col::Rows => None,
    })
}

/// The groups that get a subtotal row: those with rows, when the template
/// asks for subtotals.
fn subtotalled<'t>(table: Table<'t>) -> impl Iterator<Item = &'t GroupSheet> {
    let wanted = table
        .spec
        .groups
        .as_ref()
        .is_some_and(|g| !g.subtotals.is_empty());
    table
        .sheet
        .groups
        .iter()
        .filter(move |g| wanted && !g.rows.is_empty())
}

pub fn draw(
    app: &App,
    session: &Session,
    field: &Field,
    focused: bool,
    area: Rect,
    frame: &mut Frame,
) {
    let theme = &app.ui.theme;
    let width = area.width as usize;
    let Some(table) = session
        .doc
        .report()
        .table(&session.doc.project().template, &field.id)
    else {
        return;
    };
    let problems: Vec<&Finding> = session.doc.report().of_field(&field.id).collect();
    let mut texts = Texts::new(app, table, &problems);
    let default = Grid::default();
    let grid = session.editor.grids.get(&field.id).unwrap_or(&default);
    // The focused cell: its row and its index in `texts.cols`.
    let focus = focus(session, field, table, &texts).filter(|_| focused);
    let editing = grid.edit.as_ref().filter(|_| focus.is_some());
    let about = if focused {
        let cell = focused_cell(session, field, table, &texts);
        about_rows(app, table, cell, &problems, editing.is_some(), width)
    } else {
        Vec::new()
    };

    let mut widths = texts.widths();
    if let (Some(edit), Some((r, c))) = (editing, focus) {
        // Room for the cursor after the last character typed.
        let typed = display_width(&text_of(&edit.input)) + 1;
        widths[c] = widths[c].max(typed.min(MAX_CELL));
        // Only what is being typed shows: the value as formatted before
        // (`50.00`) would stand beside it (`1250 50.00`).
        if let Some(item) = texts.body.get_mut(r).and_then(|row| row.get_mut(c)) {
            item.text.clear();
        }
    }
    let view = Columns::new(&widths, &texts.pinned, focus.map_or(0, |(_, c)| c), width);

    // As many rows as leave room for the rest, and always the focused one.
    let height = area.height as usize;
    let below = if focused {
        lines_below(table) + about.len()
    } else {
        0
    };
    let cap = if focused { usize::MAX } else { PREVIEW_ROWS };
    let shown = (table.rows.len().max(1))
        .min(cap)
        .min(height.saturating_sub(1 + below).max(1));
    let top = focus.map_or(0, |(r, _)| (r + 1).saturating_sub(shown));

    let mut lines = vec![header_line(theme, &texts.header, &view, width)];
    if table.rows.is_empty() {
        let lang = app.lang();
        let empty = if focused {
            let keys = app.ui.keymap.keys_for(Context::Grid, GridCmd::AddRow);
            strings::no_rows_yet(&keys, lang)
        } else {
            lang.say(strings::EMPTY).to_string()
        };
        lines.push(Line::styled(fit(&empty, width), theme.style(Role::Muted)));
    }
    for (r, items) in texts.body.iter().enumerate().skip(top).take(shown) {
        let selected = focus.filter(|(f, _)| *f == r).map(|(_, c)| c);
        lines.push(row_line(theme, items, &view, selected));
    }
    if focused {
        // Subtotals, then the summary, in what room is left above the
        // rows about the cell; the summary is the last to go.
        let room = height.saturating_sub(lines.len() + about.len());
        let summary = summary_line(theme, table);
        let keep = room.saturating_sub(usize::from(summary.is_some()));
        let subtotals = texts.subtotals.iter().take(keep);
        lines.extend(subtotals.map(|items| row_line(theme, items, &view, None)));
        lines.extend(summary.filter(|_| room > 0));
        let rows = about.into_iter();
        lines.extend(rows.map(|(text, role)| Line::styled(text, theme.style(role))));
    }
    frame.render_widget(Paragraph::new(lines), area);

    if let (Some(edit), Some((r, c))) = (editing, focus) {
        let x: usize = view
            .columns
            .iter()
            .take_while(|(col, _)| *col != c)
            .map(|(_, w)| w + GAP)
            .sum();
        let drawn = view.columns.iter().find(|(col, _)| *col == c);
        let y = 1 + r - top;
        if let Some(&(_, w)) = drawn.filter(|_| x < width && y < height) {
            let cell = Rect {
                x: area.x + x as u16,
                y: area.y + y as u16,
                width: w.min(width - x) as u16,
                height: 1,
            };
            draw_editor(&edit.input, cell, frame);
        }
    }
}

/// The grid's text before it is fitted to the pane.
struct Texts {
    cols: Vec<Col>,
    /// Columns kept in view when scrolling sideways: the row labels, and in
    /// a table whose rows the writer adds, the column naming each row.
    pinned: Vec<bool>,
    header: Vec<Item>,
    body: Vec<Vec<Item>>,
    subtotals: Vec<Vec<Item>>,
}

impl Texts {
    fn new(app: &App, table: Table, problems: &[&Finding]) -> Texts {
        let spec = table.spec;
        let mut marks: HashMap<&str, Severity> = HashMap::new();
        // Notices never mark a cell.
        for p in problems.iter().filter(|p| p.severity != Severity::Notice) {
            if let Some(path) = p.place.path.as_deref() {
                let mark = marks.entry(path).or_insert(p.severity);
                *mark = (*mark).min(p.severity);
            }
        }
        let cols: Vec<Col> = std::iter::once(Col::Rows)
            .chain(spec.shown_columns().into_iter().map(Col::Cell))
            .collect();
        let label = spec
            .row_label
            .as_deref()
            .and_then(|id| table.column_index(id))
            .map(Col::Cell);
        let pinned = cols
            .iter()
            .map(|c| *c == Col::Rows || Some(*c) == label)
            .collect();
        let header = cols
            .iter()
            .map(|c| match c {
                Col::Rows if spec.has_fixed_rows() => Item::new(spec.row_heading(), Role::Label),
                Col::Rows => Item::new(app.lang().say(strings::ROW_NUMBER), Role::Label),
                Col::Cell(i) => Item::new(spec.columns[*i].label.clone(), Role::Label),
            })
            .collect();
        let previous = app.session().map(|s| &s.doc.project().previous);
        let body = table
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                cols.iter()
                    .map(|c| item(table, r, row, *c, &marks, previous))
                    .collect()
            })
            .collect();
        let summed: Vec<&String> = spec.groups.iter().flat_map(|g| &g.subtotals).collect();
        // A subtotal is named where the row names are.
        let named = label.unwrap_or(Col::Rows);
        let subtotals = subtotalled(table)
            .map(|group| {
                cols.iter()
                    .map(|c| match c {
                        c if *c == named => Item::new(format!("{}小计", group.name), Role::Label),
                        Col::Cell(i) if summed.contains(&&spec.columns[*i].id) => {
                            let sum = figure(&spec.columns[*i], table.sum(*i, &group.rows));
                            Item {
                                right: true,
                                ..Item::new(sum, Role::Muted)
                            }
                        }
                        _ => Item::new("", Role::Muted),
                    })
                    .collect()
            })
            .collect();
        Texts {
            cols,
            pinned,
            header,
            body,
            subtotals,
        }
    }

    /// Each column as wide as its widest text, up to [`MAX_CELL`].
    fn widths(&self) -> Vec<usize> {
        (0..self.cols.len())
            .map(|c| {
                std::iter::once(&self.header)
                    .chain(&self.body)
                    .chain(&self.subtotals)
                    .map(|line| display_width(&line[c].text))
                    .max()
                    .unwrap_or(0)
                    .min(MAX_CELL)
            })
            .collect()
    }
}

/// One cell of a row: its figure (typed, else computed), marked `✗` or `!`
/// when it has a problem, so the mark does not rest on colour alone. An
/// empty cell `ziping roll` cleared shows last year's figure dimmed and in
/// brackets, `(100)`, so it reads as a hint, not a value.
fn item(
    table: Table,
    r: usize,
    row: &Row,
    col: Col,
    marks: &HashMap<&str, Severity>,
    previous: Option<&IndexMap<String, String>>,
) -> Item {
    let spec = table.spec;
    let Col::Cell(i) = col else {
        return if spec.has_fixed_rows() {
            Item::new(row.label.clone(), Role::Label)
        } else {
            Item::new((r + 1).to_string(), Role::Muted)
        };
    };
    let (column, cell) = (&spec.columns[i], &row.cells[i]);
    // A column without a cell in this row is left blank: the export's `—`
    // is ambiguous-width.
    let text = if cell.applies {
        cell.display(column)
    } else {
        String::new()
    };
    let computed = column.formula.is_some() && (column.is_read_only() || cell.value.is_none());
    let path = format!("{}.{}", row.path, column.id);
    let last_year = previous
        .and_then(|p| p.get(&path))
        .filter(|_| text.is_empty());
    if let Some(old) = last_year {
        return Item {
            right: column.kind().is_number(),
            ..Item::new(format!("({old})"), Role::Muted)
        };
    }
    let (mark, role) = match marks.get(path.as_str()) {
        Some(severity) => mark(*severity),
        None if computed || !cell.applies => ("", Role::Muted),
        None => ("", Role::Text),
    };
    Item {
        right: column.kind().is_number(),
        ..Item::new(format!("{mark}{text}"), role)
    }
}

/// The summary lines (总分, 等级) on one line.
fn summary_line(theme: &Theme, table: Table) -> Option<Line<'static>> {
    let mut spans = Vec::new();
    for (line, result) in table.spec.summary.iter().zip(&table.summary) {
        if !spans.is_empty() {
            spans.push(Span::raw("    "));
        }
        let shown = result.as_ref().map(|r| r.display(line)).unwrap_or_default();
        spans.push(Span::styled(
            format!("{}：", line.label),
            theme.style(Role::Label),
        ));
        spans.push(Span::styled(shown, theme.style(Role::Muted)));
    }
    (!spans.is_empty()).then(|| Line::from(spans))
}

fn cell_text(item: &Item, width: usize) -> String {
    let text = fit(&item.text, width);
    let pad = " ".repeat(width.saturating_sub(display_width(&text)));
    if item.right {
        format!("{pad}{text}")
    } else {
        format!("{text}{pad}")
    }
}

fn row_line(
    theme: &Theme,
    items: &[Item],
    view: &Columns,
    selected: Option<usize>,
) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, &(c, width)) in view.columns.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" ".repeat(GAP)));
        }
        let role = if selected == Some(c) {
            Role::Selected
        } else {
            items[c].role
        };
        spans.push(Span::styled(cell_text(&items[c], width), theme.style(role)));
    }
    Line::from(spans)
}

/// The header, with `<` where columns are scrolled out to the left and `>`
/// at the right edge when more follow.
fn header_line(theme: &Theme, items: &[Item], view: &Columns, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (n, &(c, w)) in view.columns.iter().enumerate() {
        if n > 0 {
            let gap = if view.scrolled == Some(n) {
                format!("<{}", " ".repeat(GAP - 1))
            } else {
                " ".repeat(GAP)
            };
            spans.push(Span::styled(gap, theme.style(Role::Key)));
            used += GAP;
        }
        spans.push(Span::styled(
            cell_text(&items[c], w),
            theme.style(items[c].role),
        ));
        used += w;
    }
    if view.more {
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used + 1))));
        spans.push(Span::styled(">", theme.style(Role::Key)));
    }
    Line::from(spans)
}
