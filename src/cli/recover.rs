//! `ziping recover`: a file's recovery copies without the editor. They may
//! be in any of the places a copy is written (see `recovery`), one per
//! session that had unsaved text; this looks in all of them, newest first.

use std::path::PathBuf;

use crate::clock::now;
use crate::lang::Lang;
use crate::recovery::{self, Found};
use crate::{lock, paths, storage, strings};

/// `ziping recover FILE [-o OUT] [--from COPY | --list]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    file: PathBuf,
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[arg(long, value_name = "COPY")]
    from: Option<PathBuf>,
    #[arg(long, conflicts_with_all = ["output", "from"])]
    list: bool,
    #[arg(long)]
    force: bool,
}
pub fn run(ask: &Args, lang: Lang) -> Result<String, String> {
    let file = ask.file.as_path();
    let copies =
        recovery::Copies::new(paths::data_dir().as_deref(), file, &recovery::new_session());
    let mut listing = copies.find();
    for problem in &listing.problems {
        eprintln!("ziping：{problem}");
    }
    let current = storage::read_project(file).ok();
    let same = |f: &Found| {
        current
            .as_ref()
            .is_some_and(|p| p.values == f.copy.project.values)
    };
    let none_found = || strings::no_recovery_copy(file, &copies.dirs(), lang);
    if ask.list {
        if listing.copies.is_empty() {
            return Err(none_found());
        }
        let lines = listing
            .copies
            .iter()
            .map(|f| strings::listed_copy(&f.copy.written, &f.path, same(f), lang) + "\n");
        return Ok(lines.collect());
    }
    let chosen = match &ask.from {
        Some(path) => {
            let copy = recovery::read(path).map_err(|e| e.to_string())?;
            // Another file's copy would write its text over this one; the
            // clerk picked the wrong line, or the wrong file.
            if copy.file != recovery::absolute(file) && !ask.force {
                return Err(strings::copy_of_another_file(path, &copy.file, lang));
            }
            Found {
                path: path.to_path_buf(),
                copy,
            }
        }
        None => {
            // A copy the file already holds restores nothing; it is taken
            // only when it is all there is.
            let newest = listing.copies.iter().position(|f| !same(f));
            let at = newest.or((!listing.copies.is_empty()).then_some(0));
            listing.copies.remove(at.ok_or_else(none_found)?)
        }
    };
    let target = ask.output.as_deref().unwrap_or(file);
    let _lock = super::set::writer_lock(target, ask.force, lang)?;
    storage::clean_stale_temps(target);
    let mut project = chosen.copy.project.clone();
    storage::save_project(target, &mut project, &now()).map_err(|e| e.to_string())?;
    // The file holds the copy's text now; while its writer runs, the copy
    // is that session's.
    let its_own = chosen.copy.file == recovery::absolute(file);
    if its_own && storage::same_file(target, file) && !lock::process_running(chosen.copy.pid) {
        recovery::remove(&chosen.path);
    }
    let written = &chosen.copy.written;
    eprintln!(
        "{}",
        strings::recovered_to(target, &chosen.path, written, lang)
    );
    let others: Vec<&Found> = listing
        .copies
        .iter()
        .filter(|f| !storage::same_file(&f.path, &chosen.path))
        .collect();
    if !others.is_empty() {
        eprintln!("{}", strings::other_copies_left(others.len(), lang));
        for f in others {
            let line = strings::listed_copy(&f.copy.written, &f.path, same(f), lang);
            eprintln!("  {line}");
        }
    }
    Ok(String::new())
}
