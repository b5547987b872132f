//! The command line: arguments become calls into the model, storage and
//! export; results go to stdout, problems to stderr in plain words.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::catalog;
use crate::clock::now;
use crate::export::StyleChoice;
use crate::lang::Lang;
use crate::model::project::Project;
use crate::model::report::Report;
use crate::model::schema::Severity;
use crate::model::upgrade;
use crate::paths;
use crate::storage::{self, LoadError};
use crate::strings;
use crate::tui::config::Config;
use crate::tui::keymap::Keymap;

mod docs;
mod export;
mod fields;
mod figures;
pub mod help;
mod import;
mod plain;
mod recover;
mod repeat;
mod roll;
mod set;
mod templates;

// The help texts of the commands and arguments are in `strings::help`, in
// both languages; `cli/help.rs` puts them in (a test checks that none is
// missing).
#[derive(Debug, Parser)]
#[command(
    name = "ziping",
    version,
    override_usage = "ziping [OPTIONS] [FILE]\n       ziping [--lang LANG] <COMMAND>"
)]
// Not `args_conflicts_with_subcommands`: it would refuse the global
// `--lang` before a subcommand. `main` refuses FILE and `--theme` with a
// subcommand instead.
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    pub file: Option<PathBuf>,
    #[arg(long)]
    pub theme: Option<String>,
    #[arg(long, global = true, value_parser = Lang::parse_arg)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    New {
        file: PathBuf,
        #[arg(long, short)]
        template: String,
    },
    Import(import::Args),
    Roll(roll::Args),
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Text)]
        format: ExportFormat,
        #[arg(long, value_name = "N", value_parser = wrap_width)]
        wrap: Option<u16>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = export::Encoding::Utf8)]
        encoding: export::Encoding,
        #[arg(long)]
        crlf: bool,
        #[arg(long, value_name = "NAME")]
        style: Option<String>,
    },
    Check {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Templates(templates::Args),
    Recover(recover::Args),
    Set {
        file: PathBuf,
        #[arg(
            value_name = "PATH VALUE",
            num_args = 1..,
            required_unless_present_any = ["delete_row", "move_row"],
            allow_negative_numbers = true
        )]
        pairs: Vec<String>,
        #[arg(long, value_name = "ROW")]
        delete_row: Vec<String>,
        #[arg(long, value_names = ["ROW", "TO"], num_args = 2)]
        move_row: Vec<String>,
        // Where each of `pairs`, `delete_row` and `move_row` was on the
        // command line, so they are done in that order (filled by `main`
        // from clap's indices; without them, pairs, deletions, moves).
        #[arg(skip)]
        order: Option<set::Order>,
        #[arg(long)]
        force: bool,
    },
    Add(repeat::AddArgs),
    Remove(repeat::RemoveArgs),
    Fields {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Figures {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Text,
    Docx,
    #[value(name = "md", alias = "markdown")]
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// `--wrap N`: a width of at least 8 columns (clap's own range check
/// words its refusal in English).
fn wrap_width(text: &str) -> Result<u16, String> {
    const NARROWEST: u16 = 8;
    match text.parse::<u16>() {
        Ok(n) if n >= NARROWEST => Ok(n),
        _ => Err(strings::help::wrap_too_narrow(NARROWEST)),
    }
}

/// Exit codes: 0 fine, 1 the report has errors, 2 a file could not be used.
const EXIT_FAULTY: u8 = 1;
const EXIT_UNUSABLE: u8 = 2;

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(file) = plain::editor_only(&args) {
        let cli = Cli {
            command: None,
            file,
            theme: None,
            lang: None,
        };
        return exit_code(run(cli));
    }
    let lang = help_lang(help::lang_flag(&args));
    let matches = help::command(lang)
        .try_get_matches_from(&args)
        .unwrap_or_else(|e| help::exit(e, lang));
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| help::exit(e, lang));
    if let (Some(Command::Set { order, .. }), Some(("set", set))) =
        (&mut cli.command, matches.subcommand())
    {
        *order = Some(set::Order::of(set));
    }
    if let Some(arg) = editor_only_arg(&cli) {
        eprintln!(
            "ziping：{}{}",
            lang.say(strings::help::ERROR_LABEL),
            strings::help::editor_only(arg, lang)
        );
        return ExitCode::from(EXIT_UNUSABLE);
    }
    exit_code(run(cli))
}

fn exit_code(result: Result<ExitCode, String>) -> ExitCode {
    result.unwrap_or_else(|message| {
        eprintln!("ziping：{message}");
        ExitCode::from(EXIT_UNUSABLE)
    })
}

/// FILE or `--theme` given together with a subcommand, which would ignore it.
fn editor_only_arg(cli: &Cli) -> Option<&'static str> {
    cli.command.as_ref()?;
    match (&cli.file, &cli.theme) {
        (Some(_), _) => Some("FILE"),
        (None, Some(_)) => Some("--theme"),
        (None, None) => None,
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match (cli.command, cli.file) {
        (Some(command), _) => run_command(command, command_lang(cli.lang)),
        (None, file) => crate::tui::terminal::run(
            file.as_deref(),
            &crate::tui::Settings::from_env(cli.theme, cli.lang),
        ),
    }
}

/// The language of the help and of clap's errors, before anything is
/// parsed: `--lang` as found by hand, then the config file and the
/// environment. The config file's problems are reported later, once.
fn help_lang(flag: Option<Lang>) -> Lang {
    let config = Config::load(paths::config_dir().as_deref()).0;
    Lang::resolve(flag, config.lang.as_deref(), Lang::from_process_env())
}

/// The language for a subcommand's messages, decided as the editor decides
/// it. A broken config file is reported and passed over, as in the editor.
fn command_lang(flag: Option<Lang>) -> Lang {
    let (config, problem) = Config::load(paths::config_dir().as_deref());
    if let Some(problem) = problem {
        eprintln!("ziping：{problem}");
    }
    Lang::resolve(flag, config.lang.as_deref(), Lang::from_process_env())
}

pub(crate) fn load(path: &Path) -> Result<Project, String> {
    storage::read_project(path).map_err(|e: LoadError| e.to_string())
}

pub fn run_command(command: Command, lang: Lang) -> Result<ExitCode, String> {
    match command {
        Command::New { file, template } => {
            let (entries, _) = catalog::load(paths::templates_dir().as_deref());
            let template = catalog::find(&entries, &template)?;
            let name = template.name.clone();
            let project = Project::new(template, &now());
            storage::create_new(&file, project.to_json().as_bytes()).map_err(|e| e.to_string())?;
            println!("{}", strings::created(&file, &name, lang));
        }
        Command::Import(args) => import::run(&args, lang)?,
        Command::Roll(args) => roll::run(&args, lang)?,
        Command::Export {
            file,
            format,
            wrap,
            output,
            encoding,
            crlf,
            style,
        } => {
            let text = export::TextFile {
                wrap: wrap.map(usize::from),
                encoding,
                crlf,
            };
            let styles_dir = paths::styles_dir();
            let style = StyleChoice {
                name: style.as_deref(),
                user_dir: styles_dir.as_deref(),
            };
            export::run(&file, format, text, style, output.as_deref(), lang)?;
        }
        Command::Check { file, format } => {
            let project = load(&file)?;
            let report = Report::new(&project);
            let update = template_update(&project, lang);
            emit(&check_listing(&project, &report, update, format, lang))?;
            if report.counts().errors > 0 {
                return Ok(ExitCode::from(EXIT_FAULTY));
            }
        }
        Command::Recover(args) => emit(&recover::run(&args, lang)?)?,
        Command::Templates(args) => return templates::run(&args, lang),
        Command::Set {
            file,
            pairs,
            delete_row,
            move_row,
            order,
            force,
        } => {
            let steps = set::steps(&pairs, &delete_row, &move_row, order.as_ref(), lang)?;
            return set::run(&file, &steps, force, lang);
        }
        Command::Add(args) => return repeat::add(&args, lang),
        Command::Remove(args) => return repeat::remove(&args, lang),
        Command::Fields { file, format } => {
            let project = load(&file)?;
            emit(&fields::listing_text(&project, format, lang))?;
        }
        Command::Figures { file, format } => {
            let project = load(&file)?;
            emit(&figures::listing_text(&project, format, lang))?;
        }
        Command::Completions { shell } => docs::completions(shell, lang)?,
        Command::Man => docs::man(lang)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A newer version of the project's template, for `check` to mention.
#[derive(Serialize)]
struct TemplateUpdate {
    id: String,
    version: u32,
    newer: u32,
    message: String,
    /// What upgrading would change, one sentence each.
    changes: Vec<String>,
}

fn template_update(project: &Project, lang: Lang) -> Option<TemplateUpdate> {
    let newer = catalog::newer_template(project, paths::templates_dir().as_deref())?;
    Some(TemplateUpdate {
        id: newer.id.clone(),
        version: project.template.version,
        newer: newer.version,
        message: strings::upgrade::template_notice(&project.template, &newer, lang),
        changes: upgrade::changes(project, &newer)
            .iter()
            .map(|c| strings::upgrade::change(c, lang))
            .collect(),
    })
}

/// One finding of `ziping check`, for `--format json`.
#[derive(Serialize)]
struct Listed<'a> {
    severity: Severity,
    /// Numbered heading path, e.g. `一、基本情况 › （二）部门职责`.
    section: &'a str,
    field: &'a str,
    label: &'a str,
    /// For a finding in a table: the table's label, row, column and the
    /// cell's `ziping set` path where it is about one cell.
    table: Option<&'a str>,
    row: Option<&'a str>,
    column: Option<&'a str>,
    path: Option<&'a str>,
    kind: &'static str,
    message: String,
}

/// What `ziping check` prints: every finding in reading order, then the
/// counts — the same findings the editor marks.
fn check_listing(
    project: &Project,
    report: &Report,
    template_update: Option<TemplateUpdate>,
    format: ListFormat,
    lang: Lang,
) -> String {
    // A finding an editor's command settles names the key as the user's
    // config binds it.
    let keymap = Keymap::with_overrides(&Config::load(paths::config_dir().as_deref()).0.keys).0;
    let mut listed: Vec<Listed> = report
        .findings()
        .map(|f| {
            let at = strings::CheckPlace::of(
                f,
                &project.template,
                f.place.node.map(|n| report.heading_path(Some(n))),
                lang,
            );
            let key = keymap.fix_key(&f.kind);
            Listed {
                severity: f.severity,
                section: at.section,
                field: at.field,
                label: at.label,
                table: at.table,
                row: at.row,
                column: at.column,
                path: f.place.path.as_deref(),
                kind: f.kind.code(),
                message: strings::check_message(&f.kind, key.as_deref(), lang),
            }
        })
        .collect();
    let mut counts = report.counts();
    // An out-of-date template is a notice, never a problem: it leaves the
    // exit code alone. It is listed first, and counted, like any notice.
    if let Some(update) = &template_update {
        counts.notices += 1;
        listed.insert(
            0,
            Listed {
                severity: Severity::Notice,
                section: "",
                field: &project.template.id,
                label: &project.template.name,
                table: None,
                row: None,
                column: None,
                path: None,
                kind: "template_update",
                message: update.message.clone(),
            },
        );
    }
    match format {
        ListFormat::Json => {
            #[derive(Serialize)]
            struct Listing<'a> {
                errors: usize,
                warnings: usize,
                notices: usize,
                problems: &'a [Listed<'a>],
                template_update: Option<TemplateUpdate>,
            }
            let listing = Listing {
                errors: counts.errors,
                warnings: counts.warnings,
                notices: counts.notices,
                problems: &listed,
                template_update,
            };
            format!("{}\n", json_text(&listing))
        }
        ListFormat::Text => {
            let mut out = String::new();
            for p in &listed {
                if p.kind == "template_update" {
                    let notice = strings::severity(p.severity, lang);
                    out.push_str(&format!("{notice}  {}\n", p.message));
                    continue;
                }
                let at = strings::CheckPlace {
                    severity: p.severity,
                    section: p.section,
                    label: p.label,
                    field: p.field,
                    table: p.table,
                    row: p.row,
                    column: p.column,
                };
                out.push_str(&strings::check_line(&at, &p.message, lang));
                out.push('\n');
            }
            let (e, w, n) = (counts.errors, counts.warnings, counts.notices);
            out.push_str(&strings::check_totals(e, w, n, lang));
            out.push('\n');
            out
        }
    }
}

/// Writes to standard output. A reader that went away (`| head`) is not an
/// error: it has all it wanted.
/// On a terminal, control characters from a project (an ESC that starts an
/// escape sequence, an OSC 52 that writes the clipboard) are shown, never
/// sent; into a pipe or a file the text goes as it is.
pub(crate) fn emit(text: &str) -> Result<(), String> {
    use std::io::{IsTerminal, Write};
    let mut stdout = std::io::stdout().lock();
    let text = if stdout.is_terminal() {
        for_terminal(text)
    } else {
        text.to_string()
    };
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("无法写出结果：{}", storage::io_problem(&e))),
    }
}

/// Characters a terminal may act on rather than show, beyond C0 (which
/// serde escapes in JSON, and which are shown as control pictures): C1
/// controls and the bidirectional overrides and isolates, which reorder
/// what follows them on screen.
fn acts_on_terminal(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` made safe to show on a terminal: C0 controls as their control
/// pictures (␛, as the editor shows them), C1 and bidi controls as `<U+…>`.
fn for_terminal(text: &str) -> String {
    crate::tui::text::show_controls(text)
        .chars()
        .map(|c| {
            if acts_on_terminal(c) {
                format!("<U+{:04X}>", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Pretty JSON with the characters a terminal acts on escaped as `\uXXXX`
/// (serde escapes only C0), so a listing piped to a terminal is safe too.
fn json_text(value: &impl Serialize) -> String {
    let json = serde_json::to_string_pretty(value).unwrap_or_default();
    json.chars()
        .map(|c| {
            if acts_on_terminal(c) {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}
