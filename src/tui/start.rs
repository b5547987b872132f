//! The start screen, shown by `ziping` without a file: a new project from a
//! template, from last year's report or project, a recent file, or the
//! bundled sample.

use std::path::PathBuf;

use crate::catalog;
use crate::model::schema::Template;

/// The sample report, embedded so a fresh install can show a full example.
pub const SAMPLE_JSON: &str = include_str!("../../sample-data/changning-2022.json");
pub const SAMPLE_FILE_NAME: &str = "changning-2022.json";

#[derive(Debug, Clone)]
pub enum Choice {
    New(Box<Template>),
    /// Last year's report (.docx, .txt, .md) into a new project.
    Import,
    /// Last year's project, rolled on a year.
    Roll,
    Open(PathBuf),
    Sample,
}

#[derive(Debug, Clone)]
pub struct Start {
    pub choices: Vec<Choice>,
    pub selected: usize,
}

impl Start {
    pub fn new(templates: &[catalog::Available], recent: Vec<PathBuf>) -> Start {
        let mut choices: Vec<Choice> = templates
            .iter()
            .map(|e| Choice::New(Box::new(e.template.clone())))
            .collect();
        choices.extend([Choice::Import, Choice::Roll]);
        choices.extend(recent.into_iter().map(Choice::Open));
        choices.push(Choice::Sample);
        Start {
            choices,
            selected: 0,
        }
    }

    pub fn step(&mut self, delta: isize) {
        let last = self.choices.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn choice(&self) -> Option<&Choice> {
        self.choices.get(self.selected)
    }
}
