//! `ziping templates`: the templates there are, one file checked, one
//! template shown. A thin layer over `catalog`: what is listed, checked and
//! shown is what the editor and `ziping new` would load, no more.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::catalog;
use crate::export::docx::style_files::style_for;
use crate::lang::Lang;
use crate::{paths, strings};

use super::{EXIT_UNUSABLE, emit, json_text};

/// `ziping templates [--check FILE | --show ID]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "FILE", conflicts_with = "show")]
    check: Option<PathBuf>,
    #[arg(long, value_name = "ID")]
    show: Option<String>,
}

pub fn run(ask: &Args, lang: Lang) -> Result<ExitCode, String> {
    if let Some(file) = &ask.check {
        let t = catalog::load_file(file, paths::templates_dir().as_deref())
            .map_err(|e| e.to_string())?;
        // The print style too, which only the Word export would otherwise
        // find wrong.
        style_for(t.style.as_ref(), None, paths::styles_dir().as_deref())
            .map_err(|e| format!("{}：{e}", file.display()))?;
        let usable = strings::template_usable(file, &t.id, t.version, &t.name, lang);
        emit(&format!("{usable}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (entries, errors) = catalog::load(paths::templates_dir().as_deref());
    // Said whatever was asked: a broken file of the id shown would have
    // replaced the built-in one shown instead.
    for e in &errors {
        eprintln!(
            "ziping：{}",
            strings::skipped_template(&e.to_string(), lang)
        );
    }
    if let Some(id) = &ask.show {
        let template = catalog::find(&entries, id)?;
        emit(&format!("{}\n", json_text(&template)))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for e in &entries {
        let origin = match &e.origin {
            catalog::Origin::Builtin => lang.say(strings::BUILT_IN).to_string(),
            catalog::Origin::User(path) => path.display().to_string(),
        };
        let t = &e.template;
        out.push_str(&format!("{}\tv{}\t{}\t{origin}\n", t.id, t.version, t.name));
    }
    emit(&out)?;
    // The usable ones are listed all the same; the exit says, as for any
    // file a command could not use, that one was not.
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_UNUSABLE)
    })
}
