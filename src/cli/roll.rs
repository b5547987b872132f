//! `ziping roll FILE --year Y -o NEW.json`: the same report for the next
//! year, in a new file (the old one is only read).

use std::path::PathBuf;

use crate::clock::now;
use crate::lang::Lang;
use crate::model::roll::roll;
use crate::{storage, strings};

use super::load;

#[derive(Debug, clap::Args)]
pub struct Args {
    file: PathBuf,
    #[arg(long, value_parser = clap::value_parser!(u16).range(1900..=2199))]
    year: u16,
    #[arg(long, short, required = true)]
    output: PathBuf,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), String> {
    if args.output.exists() {
        return Err(strings::import::exists(&args.output, lang));
    }
    let project = load(&args.file)?;
    let rolled = roll(&project, &args.year.to_string(), &now());
    storage::create_new(&args.output, rolled.project.to_json().as_bytes())
        .map_err(|e| e.to_string())?;
    let said = strings::import::rolled(
        &args.output,
        args.year,
        rolled.cleared,
        rolled.carried,
        lang,
    );
    super::emit(&said)
}
