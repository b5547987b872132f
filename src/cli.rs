//! The command line: arguments become calls into the model, storage and
//! export; results go to stdout, problems to stderr in plain words.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::catalog;
use crate::export::text::{TextOptions, to_text};
use crate::model::check::{Severity, check};
use crate::model::project::Project;
use crate::paths;
use crate::storage::{self, LoadError};

#[derive(Debug, Parser)]
#[command(
    name = "ziping",
    version,
    about = "自评：在终端里撰写部门整体支出绩效自评报告"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Project file to open in the editor.
    pub file: Option<PathBuf>,
    /// Theme: dark, light, high-contrast, mono, or a file in <config>/themes/.
    #[arg(long)]
    pub theme: Option<String>,
    /// Language of the interface: zh or en.
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new project file from a template.
    New {
        file: PathBuf,
        /// Template id (see `ziping templates`).
        #[arg(long, short)]
        template: String,
    },
    /// Export the report as plain text.
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Text)]
        format: ExportFormat,
        /// Hard-wrap lines at N display columns (a Chinese character counts 2).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(8..))]
        wrap: Option<u16>,
        /// Write to OUT instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// List every problem; exit 1 if there are errors, 0 if only warnings.
    Check {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List built-in and user templates.
    Templates,
    /// List the fields of a project with their current values.
    Fields {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Text,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Exit codes: 0 fine, 1 the report has errors, 2 a file could not be used.
const EXIT_FAULTY: u8 = 1;
const EXIT_UNUSABLE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ziping：{message}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match (cli.command, cli.file) {
        (Some(command), _) => run_command(command),
        (None, file) => crate::tui::run(
            file.as_deref(),
            &crate::tui::Settings::from_env(cli.theme, cli.lang),
        ),
    }
}

fn load(path: &Path) -> Result<Project, String> {
    storage::read_project(path).map_err(|e: LoadError| e.to_string())
}

fn run_command(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::New { file, template } => {
            let (entries, _) = catalog::load(paths::templates_dir().as_deref());
            let template = catalog::find(&entries, &template)?;
            let name = template.name.clone();
            let project = Project::new(template, &now());
            storage::create_new(&file, project.to_json().as_bytes()).map_err(|e| e.to_string())?;
            println!("已创建 {}（模板：{name}）", file.display());
        }
        Command::Export {
            file,
            format: ExportFormat::Text,
            wrap,
            output,
        } => {
            let project = load(&file)?;
            let text = to_text(
                &project,
                TextOptions {
                    wrap: wrap.map(usize::from),
                },
            );
            match output {
                Some(out) => {
                    if same_file(&out, &file) {
                        return Err(format!("{}：导出文件不能是项目文件本身", out.display()));
                    }
                    storage::write_atomic(&out, text.as_bytes()).map_err(|e| e.to_string())?;
                    eprintln!("已导出到 {}", out.display());
                }
                None => emit(&text)?,
            }
        }
        Command::Check { file, format } => {
            let project = load(&file)?;
            let problems = check(&project);
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let warnings = problems.len() - errors;
            match format {
                ListFormat::Json => {
                    #[derive(Serialize)]
                    struct Report<'a> {
                        errors: usize,
                        warnings: usize,
                        problems: &'a [crate::model::check::Problem],
                    }
                    let report = Report {
                        errors,
                        warnings,
                        problems: &problems,
                    };
                    let json = serde_json::to_string_pretty(&report).unwrap_or_default();
                    emit(&format!("{json}\n"))?;
                }
                ListFormat::Text => {
                    let mut out = String::new();
                    for p in &problems {
                        out.push_str(&format!(
                            "{}  {}  {}［{}］：{}\n",
                            p.severity.label(),
                            p.section,
                            p.label,
                            p.field,
                            p.message
                        ));
                    }
                    out.push_str(&format!("共 {errors} 个错误，{warnings} 个提示\n"));
                    emit(&out)?;
                }
            }
            if errors > 0 {
                return Ok(ExitCode::from(EXIT_FAULTY));
            }
        }
        Command::Templates => {
            let (entries, errors) = catalog::load(paths::templates_dir().as_deref());
            let mut out = String::new();
            for e in &entries {
                let origin = match &e.origin {
                    catalog::Origin::Builtin => "内置".to_string(),
                    catalog::Origin::User(path) => path.display().to_string(),
                };
                let t = &e.template;
                out.push_str(&format!("{}\tv{}\t{}\t{origin}\n", t.id, t.version, t.name));
            }
            emit(&out)?;
            for e in errors {
                eprintln!("ziping：已跳过无法使用的模板 {e}");
            }
        }
        Command::Fields { file, format } => {
            let project = load(&file)?;
            emit(&fields_listing(&project, format))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn fields_listing(project: &Project, format: ListFormat) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        path: &'a str,
        label: &'a str,
        kind: &'a str,
        value: String,
    }
    let rows: Vec<Row> = project
        .template
        .fields()
        .map(|f| Row {
            path: &f.id,
            label: &f.label,
            kind: f.kind.name(),
            value: project
                .entry(&f.id)
                .map(|e| e.to_editor_text())
                .unwrap_or_default(),
        })
        .collect();
    match format {
        ListFormat::Json => {
            format!(
                "{}\n",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            )
        }
        ListFormat::Text => rows
            .iter()
            .map(|r| {
                let value = r.value.replace('\\', "\\\\").replace('\n', "\\n");
                format!("{}\t{}\t{}\t{value}\n", r.path, r.kind, r.label)
            })
            .collect(),
    }
}

/// Writes to standard output. A reader that went away (`| head`) is not an
/// error: it has all it wanted.
fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("无法写出结果：{e}")),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The current time for project metadata (RFC 3339, UTC, whole seconds).
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
