//! A list filtered as you type, Enter for the chosen item: the jump list
//! (Ctrl-G) and the problems list (F7) are both one of these, each with its
//! own items and what choosing one leads to.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::lang::Text;

use super::super::command::{Answer, Command};
use super::super::editors::{apply, one_line, text_of};
use super::super::text::{display_width, fit, wrap};
use super::super::theme::{Role, Theme};
use super::super::widgets::{Ctx, draw_input, panel};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct FilterList<T> {
    pub input: TextArea<'static>,
    pub items: Vec<Item<T>>,
    /// Index into the items matching the filter.
    pub selected: usize,
    /// Said before the filter: `跳转到：`.
    title: Text,
    /// Said when the filter matches nothing.
    none: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<T> {
    /// What is shown.
    pub text: String,
    /// Lower-cased text the filter matches against.
    haystack: String,
    pub depth: usize,
    pub role: Role,
    /// Where choosing it leads.
    pub target: T,
}

impl<T> Item<T> {
    /// An item showing `text`, found by any word of `haystack` (or of its
    /// text).
    pub fn new(text: String, haystack: &str, depth: usize, role: Role, target: T) -> Item<T> {
        Item {
            haystack: format!("{text} {haystack}").to_lowercase(),
            text,
            depth,
            role,
            target,
        }
    }
}

/// The items matching every space-separated word of `filter`.
pub fn filter<'a, T>(items: &'a [Item<T>], filter: &str) -> Vec<&'a Item<T>> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    items
        .iter()
        .filter(|item| words.iter().all(|w| item.haystack.contains(w.as_str())))
        .collect()
}

impl<T: Clone> FilterList<T> {
    pub fn of_items(title: Text, none: Text, items: Vec<Item<T>>, theme: &Theme) -> Self {
        FilterList {
            input: one_line("", theme),
            items,
            selected: 0,
            title,
            none,
        }
    }

    /// The items the filter typed so far matches.
    pub fn matches(&self) -> Vec<&Item<T>> {
        filter(&self.items, &text_of(&self.input))
    }

    /// Typed text narrows the list; the selection goes back to the top.
    pub fn insert(&mut self, text: &str) {
        self.input.insert_str(text);
        self.selected = 0;
    }

    /// Enter asks the app to go to the chosen item (with none, nothing).
    pub fn handle(&mut self, command: Command) -> Outcome<T> {
        match command {
            Command::Answer(Answer::Cancel) => return Outcome::Close,
            Command::Answer(Answer::Confirm) => {
                let target = self.matches().get(self.selected).map(|i| i.target.clone());
                if let Some(target) = target {
                    return Outcome::Act(target);
                }
            }
            Command::List(list) => {
                let last = self.matches().len().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(list.step()).min(last);
            }
            Command::Text(text) => {
                apply(&mut self.input, text);
                self.selected = 0;
            }
            // Kinds bound only in other contexts never reach here (a test in
            // `command.rs` checks each context binds only what it takes).
            _ => {}
        }
        Outcome::Stay
    }

    /// The filter on the first row, the items under it; the selected one
    /// shows whole, wrapped, the others cut to a row.
    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let rect = panel(theme, area, 0, area.height, frame);
        let width = rect.width as usize;
        let label = lang.say(self.title);
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
        draw_input(&self.input, input_area, frame);

        let matches = self.matches();
        let selected = self.selected;
        let body = rect.height.saturating_sub(2) as usize;
        let skip = selected.saturating_sub(body.saturating_sub(1));
        let mut lines = Vec::new();
        if matches.is_empty() {
            lines.push(Line::styled(lang.say(self.none), theme.style(Role::Muted)));
        }
        let inner = width.saturating_sub(2).max(1);
        for (i, item) in matches.iter().enumerate().skip(skip).take(body) {
            let text = format!("{}{}", "  ".repeat(item.depth), item.text);
            if i == selected {
                let rows = wrap(&text, inner);
                for (n, row) in rows.lines().enumerate() {
                    let pointer = if n == 0 { "> " } else { "  " };
                    let row = format!("{pointer}{row}");
                    lines.push(Line::styled(
                        format!("{row:<width$}"),
                        theme.style(Role::Selected),
                    ));
                }
            } else {
                let text = format!("  {}", fit(&text, inner));
                lines.push(Line::styled(
                    format!("{text:<width$}"),
                    theme.style(item.role),
                ));
            }
        }
        let list = Rect {
            y: rect.y + 2,
            height: rect.height.saturating_sub(2),
            ..rect
        };
        frame.render_widget(Paragraph::new(lines), list);
    }
}
