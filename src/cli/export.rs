//! `ziping export`: the report as plain text or as a Word document, to a
//! file (`-o`) or to standard output.

use std::io::{IsTerminal, Write};
use std::path::Path;

use clap::ValueEnum;

use crate::export::markdown::to_markdown;
use crate::export::text::{TextOptions, to_text};
use crate::export::{Format, StyleChoice, render};
use crate::lang::Lang;
use crate::model::report::Report;
use crate::storage;
use crate::strings;

use super::{ExportFormat, emit, load};

/// How a plain-text export is written.
#[derive(Debug, Clone, Copy)]
pub struct TextFile {
    pub wrap: Option<usize>,
    pub encoding: Encoding,
    pub crlf: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    #[value(name = "utf-8")]
    Utf8,
    /// UTF-8 with a byte-order mark, which Notepad before Windows 10 1903
    /// needs to tell it from the local code page.
    #[value(name = "utf-8-bom")]
    Utf8Bom,
    /// The national standard's encoding, what older Chinese Windows reads
    /// as plain text; it holds every Unicode character, so nothing is lost.
    Gb18030,
}

impl TextFile {
    fn is_plain(&self) -> bool {
        self.encoding == Encoding::Utf8 && !self.crlf
    }

    /// The text as the bytes of the file asked for.
    fn encode(&self, text: &str) -> Vec<u8> {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text.to_string()
        };
        match self.encoding {
            Encoding::Utf8 => text.into_bytes(),
            Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            Encoding::Gb18030 => encoding_rs::GB18030.encode(&text).0.into_owned(),
        }
    }
}

pub fn run(
    file: &Path,
    format: ExportFormat,
    text_file: TextFile,
    style: StyleChoice,
    output: Option<&Path>,
    lang: Lang,
) -> Result<(), String> {
    if format != ExportFormat::Docx && style.name.is_some() {
        return Err(strings::docx_option_only("--style", lang));
    }
    if format != ExportFormat::Text {
        let option = match text_file {
            TextFile { wrap: Some(_), .. } => Some("--wrap"),
            TextFile { crlf: true, .. } => Some("--crlf"),
            _ if text_file.encoding != Encoding::Utf8 => Some("--encoding"),
            _ => None,
        };
        if let Some(option) = option {
            return Err(strings::text_option_only(option, lang));
        }
    }
    // Refused before the project is read: nothing would be written anyway.
    if format == ExportFormat::Docx && output.is_none() && std::io::stdout().is_terminal() {
        return Err(strings::export_binary_to_terminal("docx", lang));
    }
    let project = load(file)?;
    let report = Report::new(&project);
    match format {
        ExportFormat::Text => {
            let wrap = text_file.wrap;
            let text = to_text(&project, &report, TextOptions { wrap });
            match output {
                Some(out) => save(out, file, &text_file.encode(&text), lang),
                None if text_file.is_plain() => emit(&text),
                None => write_raw(&text_file.encode(&text)),
            }
        }
        ExportFormat::Markdown => {
            let text = to_markdown(&project, &report);
            match output {
                Some(out) => save(out, file, text.as_bytes(), lang),
                None => emit(&text),
            }
        }
        ExportFormat::Docx => {
            let bytes = render(&project, &report, Format::Docx, style)
                .map_err(|e| strings::docx_failed(&e, lang))?;
            match output {
                Some(out) => save(out, file, &bytes, lang),
                None => write_raw(&bytes),
            }
        }
    }
}

/// Writes the export to `out`, never over the project itself.
fn save(out: &Path, project: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    if storage::same_file(out, project) {
        return Err(strings::export_onto_project(out, lang));
    }
    storage::write_atomic(out, bytes).map_err(|e| e.to_string())?;
    eprintln!("{}", strings::exported_to(out, lang));
    Ok(())
}

/// Binary output into a pipe or a file, as it is.
fn write_raw(bytes: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(storage::io_problem(&e)),
        _ => Ok(()),
    }
}
