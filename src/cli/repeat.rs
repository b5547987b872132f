//! `ziping add` and `ziping remove`: one more instance of a repeated
//! section (a project of a unit's report), or one fewer. Like `ziping set`
//! they take the one-writer lock and save atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::clock::now;
use crate::lang::Lang;
use crate::model::project::Project;
use crate::model::repeat::{self, RepeatRefusal};
use crate::storage;
use crate::strings;
use crate::strings::repeat::{
    FORCE_DISCARDS, SEPARATOR, instance_added, instance_removed, repeat_refusal,
};

use super::set::writer_lock;
use super::{EXIT_FAULTY, load};

/// `ziping add FILE SECTION`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    file: PathBuf,
    section: String,
    #[arg(long)]
    force: bool,
}
#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    file: PathBuf,
    section: String,
    #[arg(long)]
    force: bool,
}

pub fn add(args: &AddArgs, lang: Lang) -> Result<ExitCode, String> {
    change(&args.file, args.force, lang, |project| {
        let id = repeat::add_after(project, &args.section)?;
        println!("{id}");
        Ok(instance_added(&args.file, &id, lang))
    })
}

pub fn remove(args: &RemoveArgs, lang: Lang) -> Result<ExitCode, String> {
    change(&args.file, args.force, lang, |project| {
        repeat::remove(project, &args.section, args.force)?;
        Ok(instance_removed(&args.file, &args.section, lang))
    })
}

/// Reads `file` under the lock, makes the change and saves; a refusal
/// leaves the file untouched and exits 1, as `ziping set` does.
fn change(
    file: &Path,
    force: bool,
    lang: Lang,
    make: impl FnOnce(&mut Project) -> Result<String, RepeatRefusal>,
) -> Result<ExitCode, String> {
    let _lock = writer_lock(file, force, lang)?;
    let mut project = load(file)?;
    storage::clean_stale_temps(file);
    match make(&mut project) {
        Ok(done) => {
            storage::save_project(file, &mut project, &now()).map_err(|e| e.to_string())?;
            eprintln!("{done}");
            Ok(ExitCode::SUCCESS)
        }
        Err(refusal) => {
            let mut said = repeat_refusal(&refusal, lang);
            if matches!(refusal, RepeatRefusal::HoldsText { .. }) {
                said = format!("{said}{}{}", lang.say(SEPARATOR), lang.say(FORCE_DISCARDS));
            }
            eprintln!("ziping：{said}");
            eprintln!("ziping：{}", strings::left_unchanged(file, lang));
            Ok(ExitCode::from(EXIT_FAULTY))
        }
    }
}
