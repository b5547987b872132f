//! Turning a project into the documents people hand in. Pure functions.

pub mod blocks;
pub mod docx;
pub mod form;
pub mod grid;
pub mod markdown;
pub mod table;
pub mod text;
pub mod wrap;

/// Two ideographic spaces (U+3000) start every body paragraph (GB/T 9704).
/// Here rather than in `text` because tables indent their lines too, and
/// `text` already uses `table`.
pub const INDENT: &str = "\u{3000}\u{3000}";

/// What an export from the editor is written as, told by the file name it
/// is given: `.docx` a Word document, `.md` / `.markdown` Markdown, any
/// other plain UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Markdown,
}

impl Format {
    pub fn of_path(path: &std::path::Path) -> Format {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match extension.to_ascii_lowercase().as_str() {
            "docx" => Format::Docx,
            "md" | "markdown" => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// Which print style a Word export is laid out in: the style named (`export
/// --style`), else the template's `style` block; the user's style files are
/// read from `user_dir` (`<config dir>/styles/`).
#[derive(Debug, Clone, Copy, Default)]
pub struct StyleChoice<'a> {
    pub name: Option<&'a str>,
    pub user_dir: Option<&'a std::path::Path>,
}

/// The bytes of the report in `format` (plain text unwrapped, UTF-8); the
/// error says why a Word document could not be put together (a broken
/// style file, named).
pub fn render(
    project: &crate::model::project::Project,
    report: &crate::model::report::Report,
    format: Format,
    style: StyleChoice,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Text => {
            Ok(text::to_text(project, report, text::TextOptions::default()).into_bytes())
        }
        Format::Markdown => Ok(markdown::to_markdown(project, report).into_bytes()),
        Format::Docx => {
            let template = project.template.style.as_ref();
            let style = docx::style_files::style_for(template, style.name, style.user_dir)?;
            docx::to_docx_bytes(project, report, &style)
        }
    }
}
