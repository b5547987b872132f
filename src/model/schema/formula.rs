//! A formula or check condition as a template writes it: source text only.
//! Compiling and evaluating it is [`crate::model::formula`]'s business.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A formula as written in a template: one string, or a list of lines that
/// are joined, so a long rule can be laid out (and diffed) line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Formula {
    Line(String),
    Lines(Vec<String>),
}

impl Formula {
    pub fn source(&self) -> String {
        match self {
            Formula::Line(s) => s.clone(),
            Formula::Lines(lines) => lines.join("\n"),
        }
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source())
    }
}
