//! `ziping import OLD -o NEW.json`: last year's report (.docx, .txt, .md)
//! into a new project, then a short summary of what went where.

use std::path::PathBuf;

use crate::clock::now;
use crate::lang::Lang;
use crate::{import, paths, storage, strings};

#[derive(Debug, clap::Args)]
pub struct Args {
    file: PathBuf,
    #[arg(long, short)]
    template: Option<String>,
    #[arg(long, short, required = true)]
    output: PathBuf,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), String> {
    // Refused before any reading, as `ziping new` refuses.
    if args.output.exists() {
        return Err(strings::import::exists(&args.output, lang));
    }
    let imported = import::from_file(
        &args.file,
        paths::templates_dir().as_deref(),
        args.template.as_deref(),
        &now(),
    )
    .map_err(|f| strings::import::failure(&args.file, &f, lang))?;
    storage::create_new(&args.output, imported.project.to_json().as_bytes())
        .map_err(|e| e.to_string())?;
    super::emit(&strings::import::summary(
        &imported.summary,
        &args.output,
        lang,
    ))
}
