//! `ziping set`, and the one-writer lock every command that writes a
//! project takes.

use std::path::Path;
use std::process::ExitCode;

use crate::clock::now;
use crate::lang::Lang;
use crate::model::cell_path::assign;
use crate::{lock, storage, strings};

use super::{EXIT_FAULTY, load};

/// `ziping set`: every value is checked first; one refusal and the file is
/// left untouched.
pub fn run(file: &Path, pairs: &[String], force: bool, lang: Lang) -> Result<ExitCode, String> {
    if !pairs.len().is_multiple_of(2) {
        let last = pairs.last().map_or("", String::as_str);
        return Err(strings::set_needs_pairs(last, lang));
    }
    // Held from reading to writing, so no editor starts on the file between.
    let _lock = writer_lock(file, force, lang)?;
    let mut project = load(file)?;
    // Writing, like the editor's open: what killed saves left goes first.
    storage::clean_stale_temps(file);
    let mut refused = Vec::new();
    for pair in pairs.chunks(2) {
        match assign(&mut project, &pair[0], &pair[1]) {
            Ok(said) => {
                for (severity, message) in said {
                    let severity = strings::severity(severity, lang);
                    eprintln!("ziping：{severity}：{message}");
                }
            }
            Err(message) => refused.push(message),
        }
    }
    if !refused.is_empty() {
        for message in &refused {
            eprintln!("ziping：{message}");
        }
        eprintln!("ziping：{}", strings::left_unchanged(file, lang));
        return Ok(ExitCode::from(EXIT_FAULTY));
    }
    storage::save_project(file, &mut project, &now()).map_err(|e| e.to_string())?;
    let count = pairs.len() / 2;
    eprintln!("{}", strings::saved_values(file, count, lang));
    Ok(ExitCode::SUCCESS)
}

/// The one-writer lock for a command that writes a project: an editor that
/// has the file open is never written under, unless `force` (its next save
/// then finds the file changed). A file that cannot be locked (a read-only
/// folder) is written without one, as the editor does.
pub(super) fn writer_lock(
    file: &Path,
    force: bool,
    lang: Lang,
) -> Result<Option<lock::Lock>, String> {
    if force {
        return Ok(None);
    }
    match lock::acquire(file, &now()) {
        lock::Outcome::Acquired(l) | lock::Outcome::TookOverStale(l, _) => Ok(Some(l)),
        lock::Outcome::Held(holder) => Err(strings::lock::open_in_editor(&holder, lang)),
        lock::Outcome::Unavailable(_) => Ok(None),
    }
}
