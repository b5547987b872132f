//! clap in the user's language. clap has no translations and its own words
//! ("Usage:", "Options:", its error messages) are English, so the command
//! is built from the derive definition and then given every help text from
//! `strings::help`, Chinese headings, and help and version flags of its
//! own; an argument error is worded again by its kind. The language is
//! decided before clap parses anything (`--lang` is looked for by hand),
//! by the same rule as every other message.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory};

use crate::lang::Lang;
use crate::strings::help::{self as text, ArgErrorKind, ArgProblem};

use super::Cli;

/// clap's help layout with the usage heading in Chinese (the other
/// headings are set on the command and its arguments).
fn zh_template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        text::USAGE_HEADING
    )
}

/// `--lang` as written on the command line, before clap has parsed it: it
/// decides the language of the help and of clap's errors. A value that is
/// no language is left for clap to refuse.
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args.next().and_then(|value| Lang::parse(&value));
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::parse(value);
        }
    }
    None
}

/// The whole command line, worded in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let root = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(lang.say(text::VERSION_FLAG)),
        )
        .about(lang.say(text::ABOUT));
    localized(root, "", lang)
}

/// `command` (named `name` in the strings table, "" for the root) and its
/// subcommands with their help texts, headings and a help flag in `lang`.
fn localized(command: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let mut command = command
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(lang.say(text::HELP_FLAG)),
        )
        .long_about(None)
        .mut_args(|arg| localized_arg(arg, name, lang));
    if let Some(about) = text::subcommand(name) {
        command = command.about(lang.say(about));
    }
    if lang == Lang::Zh {
        command = command
            .help_template(zh_template())
            .subcommand_help_heading(text::COMMANDS_HEADING);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.iter().fold(command, |command, sub| {
        command.mut_subcommand(sub, |s| localized(s, sub, lang))
    })
}

fn localized_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let help = match text::argument(command, arg.get_id().as_str()) {
        Some(help) => lang.say(help).to_string(),
        None => arg.get_help().map(ToString::to_string).unwrap_or_default(),
    };
    if lang == Lang::En {
        return arg.help(help).long_help(None);
    }
    // clap would add "[possible values: …]" and "[default: …]" in English.
    let heading = if arg.is_positional() {
        text::ARGUMENTS_HEADING
    } else {
        text::OPTIONS_HEADING
    };
    let arg = arg.long_help(None).help_heading(heading);
    if !arg.get_action().takes_values() {
        return arg.help(help);
    }
    // clap would add "[possible values: …]" and "[default: …]" in English.
    let mut help = help;
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        help.push_str(&text::possible_values(&values.join("、")));
    }
    if let Some(default) = arg.get_default_values().first() {
        help.push_str(&text::default_value(&default.to_string_lossy()));
    }
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// Prints clap's complaint about the command line in `lang` and exits: help
/// and version as clap prints them (they are worded already), an argument
/// error in Chinese by its kind with exit code 2. A kind not worded here
/// keeps clap's English.
pub fn exit(error: clap::Error, lang: Lang) -> ! {
    let kind = match error.kind() {
        ErrorKind::UnknownArgument => ArgErrorKind::UnknownArgument,
        ErrorKind::InvalidSubcommand => ArgErrorKind::UnknownSubcommand,
        ErrorKind::InvalidValue | ErrorKind::NoEquals => ArgErrorKind::InvalidValue,
        ErrorKind::MissingRequiredArgument => ArgErrorKind::MissingRequired,
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            ArgErrorKind::MissingSubcommand
        }
        ErrorKind::ArgumentConflict => ArgErrorKind::Conflict,
        ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            ArgErrorKind::WrongNumberOfValues
        }
        ErrorKind::ValueValidation => ArgErrorKind::ValueValidation,
        ErrorKind::InvalidUtf8 => ArgErrorKind::InvalidUtf8,
        _ => error.exit(),
    };
    if lang == Lang::En {
        error.exit();
    }
    let context = |wanted: ContextKind| {
        error
            .context()
            .find(|(k, _)| *k == wanted)
            .map(|(_, v)| v.to_string())
    };
    let conflicting = context(ContextKind::PriorArg);
    let cause = std::error::Error::source(&error).map(ToString::to_string);
    let suggested = context(ContextKind::SuggestedArg)
        .or_else(|| context(ContextKind::SuggestedSubcommand))
        .or_else(|| context(ContextKind::SuggestedValue));
    let valid = context(ContextKind::ValidValue).or_else(|| context(ContextKind::ValidSubcommand));
    let invalid =
        context(ContextKind::InvalidValue).or_else(|| context(ContextKind::InvalidSubcommand));
    let arg = context(ContextKind::InvalidArg);
    let problem = ArgProblem {
        arg: arg.as_deref(),
        value: if kind == ArgErrorKind::Conflict {
            conflicting.as_deref()
        } else {
            invalid.as_deref()
        },
        valid: valid.as_deref(),
        suggested: suggested.as_deref(),
        cause: cause.as_deref(),
    };
    let usage = match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => usage.to_string(),
        _ => String::new(),
    };
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    eprintln!(
        "ziping：{}{}\n\n{}",
        lang.say(text::ERROR_LABEL),
        text::arg_problem_zh(kind, &problem),
        text::arg_problem_footer(usage, lang)
    );
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_found_before_clap_parses() {
        let cases: [(&[&str], Option<Lang>); 6] = [
            (&["ziping", "--lang", "en", "check"], Some(Lang::En)),
            (&["ziping", "check", "F", "--lang=en"], Some(Lang::En)),
            (&["ziping", "check", "--lang", "zh"], Some(Lang::Zh)),
            (&["ziping", "set", "F", "--", "--lang", "en"], None),
            (&["ziping", "--lang", "fr"], None),
            (&["ziping", "--help"], None),
        ];
        for (args, want) in cases {
            assert_eq!(lang_flag(&os(args)), want, "{args:?}");
        }
    }

    /// Every subcommand and argument has its text in the strings table, so
    /// a new one cannot show up in English (or without help) in Chinese.
    #[test]
    fn every_command_and_argument_has_help_in_the_strings_table() {
        fn walk(command: &clap::Command, name: &str, missing: &mut Vec<String>) {
            if !name.is_empty() && text::subcommand(name).is_none() {
                missing.push(format!("subcommand {name}"));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if text::argument(name, id).is_none() && !arg.is_global_set() {
                    missing.push(format!("{name} {id}"));
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, sub.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help text for: {missing:?}");
    }

    #[test]
    fn the_command_line_is_still_valid_once_worded() {
        for lang in [Lang::Zh, Lang::En] {
            command(lang).debug_assert();
        }
    }
}
