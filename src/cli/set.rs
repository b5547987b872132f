//! `ziping set`, and the one-writer lock every command that writes a
//! project takes.

use std::path::Path;
use std::process::ExitCode;

use crate::clock::now;
use crate::lang::Lang;
use clap::ArgMatches;

use crate::model::cell_path::assign;
use crate::model::row_path::{delete_row, move_row};
use crate::strings::rows::row_refusal;
use crate::{lock, storage, strings};

use super::{EXIT_FAULTY, load};

/// One thing `ziping set` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Set { path: String, value: String },
    DeleteRow { path: String },
    MoveRow { path: String, to: String },
}

/// Where the values of `pairs`, `--delete-row` and `--move-row` stood on
/// the command line (clap's indices), one per value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Order {
    pairs: Vec<usize>,
    deletes: Vec<usize>,
    moves: Vec<usize>,
}

impl Order {
    pub fn of(matches: &ArgMatches) -> Order {
        let at = |id: &str| -> Vec<usize> {
            matches
                .indices_of(id)
                .map(Iterator::collect)
                .unwrap_or_default()
        };
        Order {
            pairs: at("pairs"),
            deletes: at("delete_row"),
            moves: at("move_row"),
        }
    }
}

/// The steps in the order they were given (`order`; without it, the pairs,
/// then the deletions, then the moves). Refuses a path without its value.
pub fn steps(
    pairs: &[String],
    deletes: &[String],
    moves: &[String],
    order: Option<&Order>,
    lang: Lang,
) -> Result<Vec<Step>, String> {
    if !pairs.len().is_multiple_of(2) {
        let last = pairs.last().map_or("", String::as_str);
        return Err(strings::set_needs_pairs(last, lang));
    }
    // (place on the command line, step); the place of a step is its first
    // value's, and an unknown place keeps the default order.
    let place = |list: Option<&Vec<usize>>, n: usize, base: usize| {
        list.and_then(|l| l.get(n).copied()).unwrap_or(base + n)
    };
    let mut placed: Vec<(usize, Step)> = Vec::new();
    for (n, pair) in pairs.chunks(2).enumerate() {
        let step = Step::Set {
            path: pair[0].clone(),
            value: pair[1].clone(),
        };
        placed.push((place(order.map(|o| &o.pairs), n * 2, 0), step));
    }
    for (n, path) in deletes.iter().enumerate() {
        let step = Step::DeleteRow { path: path.clone() };
        placed.push((place(order.map(|o| &o.deletes), n, pairs.len()), step));
    }
    let base = pairs.len() + deletes.len();
    for (n, pair) in moves.chunks(2).enumerate() {
        let step = Step::MoveRow {
            path: pair[0].clone(),
            to: pair.get(1).cloned().unwrap_or_default(),
        };
        placed.push((place(order.map(|o| &o.moves), n * 2, base), step));
    }
    placed.sort_by_key(|(at, _)| *at);
    Ok(placed.into_iter().map(|(_, step)| step).collect())
}

/// `ziping set`: the steps are done in order on the project read; one
/// refusal and the file is left untouched.
pub fn run(file: &Path, steps: &[Step], force: bool, lang: Lang) -> Result<ExitCode, String> {
    // Held from reading to writing, so no editor starts on the file between.
    let _lock = writer_lock(file, force, lang)?;
    let mut project = load(file)?;
    // Writing, like the editor's open: what killed saves left goes first.
    storage::clean_stale_temps(file);
    let mut refused = Vec::new();
    for step in steps {
        let done = match step {
            Step::Set { path, value } => assign(&mut project, path, value),
            Step::DeleteRow { path } => delete_row(&mut project, path)
                .map(|()| Vec::new())
                .map_err(|r| row_refusal(&r, lang)),
            Step::MoveRow { path, to } => move_row(&mut project, path, to)
                .map(|()| Vec::new())
                .map_err(|r| row_refusal(&r, lang)),
        };
        match done {
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
    eprintln!("{}", strings::saved_values(file, steps.len(), lang));
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
