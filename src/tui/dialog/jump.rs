//! The jump list (Ctrl-G): every section and field, filtered as you type by
//! heading, label or id; Enter goes to the chosen one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::model::project::Project;
use crate::model::report::Report;
use crate::strings;

use super::super::command::{Answer, Command};
use super::super::editors::{apply, one_line, text_of};
use super::super::text::{display_width, fit};
use super::super::theme::{Role, Theme};
use super::super::widgets::{Ctx, draw_input, panel};
use super::outcome::Outcome;

#[derive(Debug)]
pub struct Jump {
    pub input: TextArea<'static>,
    pub items: Vec<Item>,
    /// Index into the items matching the filter.
    pub selected: usize,
}

/// Where an item of the list leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Index of the section in the outline walk.
    pub node: usize,
    /// The field, or `None` for the section itself (its first field).
    pub field: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What is shown: the numbered heading, or an indented field label.
    pub text: String,
    /// Lower-cased text the filter matches against (heading, label, id).
    haystack: String,
    pub depth: usize,
    pub target: Target,
}

/// All sections and fields in reading order, numbered as the report's
/// outline numbers them.
fn items(project: &Project, report: &Report) -> Vec<Item> {
    let walk = project.template.walk();
    let mut items = Vec::new();
    for (node, (state, r)) in report.sections().iter().zip(&walk).enumerate() {
        let path = &state.path;
        items.push(Item {
            haystack: format!("{path} {}", r.section.id).to_lowercase(),
            text: state.heading.clone(),
            depth: state.depth,
            target: Target { node, field: None },
        });
        for (i, field) in r.section.fields.iter().enumerate() {
            items.push(Item {
                text: field.label.clone(),
                haystack: format!("{} {} {path}", field.label, field.id).to_lowercase(),
                depth: state.depth + 1,
                target: Target {
                    node,
                    field: Some(i),
                },
            });
        }
    }
    items
}

/// The items matching every space-separated word of `filter`.
fn filter<'a>(items: &'a [Item], filter: &str) -> Vec<&'a Item> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    items
        .iter()
        .filter(|item| words.iter().all(|w| item.haystack.contains(w.as_str())))
        .collect()
}

impl Jump {
    pub fn new(project: &Project, report: &Report, theme: &Theme) -> Jump {
        Jump {
            input: one_line("", theme),
            items: items(project, report),
            selected: 0,
        }
    }

    /// The items the filter typed so far matches.
    fn matches(&self) -> Vec<&Item> {
        filter(&self.items, &text_of(&self.input))
    }

    /// Typed text narrows the list; the selection goes back to the top.
    pub fn insert(&mut self, text: &str) {
        self.input.insert_str(text);
        self.selected = 0;
    }

    /// Enter asks the app to go to the chosen item (with none, nothing).
    pub fn handle(&mut self, command: Command) -> Outcome<Target> {
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

    pub fn draw(&self, ctx: &Ctx, area: Rect, frame: &mut Frame) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let rect = panel(theme, area, 0, area.height, frame);
        let width = rect.width as usize;
        let label = lang.say(strings::JUMP_TO);
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
            lines.push(Line::styled(
                lang.say(strings::NOTHING_MATCHES),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn filters_by_chinese_heading_label_or_id() {
        let project = catalog::new_project("hunan-narrative");
        let all = items(&project, &Report::new(&project));
        let texts =
            |f: &str| -> Vec<String> { filter(&all, f).iter().map(|i| i.text.clone()).collect() };
        assert_eq!(texts("职责"), vec!["（二）部门职责", "部门职责"]);
        assert_eq!(texts("measures_list"), vec!["改进措施"]);
        assert_eq!(
            texts("基本 机构"),
            vec!["（一）机构人员情况", "机构人员情况"]
        );
        assert_eq!(filter(&all, "").len(), all.len());
    }
}
