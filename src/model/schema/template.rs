//! Templates: the outline of a report as data. A new province's layout is a
//! new JSON file, never new code.

use serde::{Deserialize, Serialize};

use super::check::CrossCheck;
use super::field::Field;
use super::print_style::PrintStyle;
use crate::model::numbering::Numbering;

/// The `format` every template file declares, so a project file or any other
/// JSON handed to `ziping` as a template is recognised as the wrong thing.
pub const TEMPLATE_FORMAT: &str = "ziping-template";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub format: String,
    pub id: String,
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Numbering of headings by depth: 一、 → （一） → 1、 → （1） by default.
    #[serde(default = "default_numbering")]
    pub numbering: Vec<Numbering>,
    /// Title lines with `{field_id}` placeholders; a line whose placeholders
    /// are all empty is left out (an unused 附件 label).
    pub title: Vec<String>,
    /// Closing lines (落款: unit, date), printed only when all their
    /// placeholders are filled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<String>,
    pub sections: Vec<Section>,
    /// Cross-checks over the report's figures (see `docs/templates.md`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CrossCheck>,
    /// How the Word export prints this report (fonts, sizes, grid): a
    /// partial style over the one it `inherits`, by default GB/T 9704.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<PrintStyle>,
}

fn default_numbering() -> Vec<Numbering> {
    vec![
        Numbering::Chinese,
        Numbering::ParenChinese,
        Numbering::ArabicDun,
        Numbering::ParenArabic,
    ]
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// Heading text without its number; also the name in the outline.
    pub heading: String,
    /// Whether the heading gets a number (一、); front matter does not.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub numbered: bool,
    /// Whether the heading is printed in the export at all.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub print_heading: bool,
    /// Left out of the export (heading included) when nothing in it is filled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// A section the report has as many times as it needs (one per
    /// project): the template's section is the first, each added one a
    /// copy of it in the project's stored template (see `model::repeat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
}

/// How a section repeats, as the template declares it; a copy also says
/// which section it copies, so its siblings can be found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// What one instance is called in messages and help (项目).
    pub label: String,
    /// The most instances a report may have, the first included.
    pub max: usize,
    /// A heading pattern with `{field_id}` placeholders of the section's
    /// own fields (`{project_name}`), printed instead of `heading` once
    /// they are filled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Set on a copy only: the id of the template's section it copies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// A section found by walking the outline depth-first, in reading order.
#[derive(Debug, Clone, Copy)]
pub struct SectionRef<'t> {
    pub section: &'t Section,
    /// 0 for top-level sections.
    pub depth: usize,
    /// Index of the parent in the walk, if any.
    pub parent: Option<usize>,
}

impl Section {
    /// Every field of this section and of its subsections.
    pub fn all_fields(&self) -> Box<dyn Iterator<Item = &Field> + '_> {
        Box::new(
            self.fields
                .iter()
                .chain(self.sections.iter().flat_map(Section::all_fields)),
        )
    }
}

impl Template {
    /// All sections depth-first, in the order they are read.
    pub fn walk(&self) -> Vec<SectionRef<'_>> {
        fn visit<'t>(
            sections: &'t [Section],
            depth: usize,
            parent: Option<usize>,
            out: &mut Vec<SectionRef<'t>>,
        ) {
            for section in sections {
                let index = out.len();
                out.push(SectionRef {
                    section,
                    depth,
                    parent,
                });
                visit(&section.sections, depth + 1, Some(index), out);
            }
        }
        let mut out = Vec::new();
        visit(&self.sections, 0, None, &mut out);
        out
    }

    /// Every field in reading order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(Section::all_fields)
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }

    /// The numbering style of headings at `depth`; deeper than declared
    /// reuses the last style.
    pub fn numbering_at(&self, depth: usize) -> Numbering {
        self.numbering
            .get(depth)
            .or(self.numbering.last())
            .copied()
            .unwrap_or(Numbering::None)
    }
}
