//! `ziping` and `ziping FILE`, told apart from every other command line
//! without clap: nearly every start is one of the two, and building
//! clap's command tree (every subcommand and argument, worded in the
//! user's language) made code and heap resident that the editor never
//! needs.

use std::ffi::OsString;
use std::path::PathBuf;

/// The words clap takes as a subcommand where a FILE could stand (a test
/// holds the list to clap's).
const SUBCOMMANDS: [&str; 14] = [
    "new",
    "import",
    "roll",
    "export",
    "check",
    "templates",
    "recover",
    "set",
    "add",
    "remove",
    "fields",
    "figures",
    "completions",
    "man",
];

/// The file to open when `args` (the program's name first) only start
/// the editor, on one FILE or on none; `None` for anything else, which
/// clap parses (and refuses, or explains, in its own words).
pub fn editor_only(args: &[OsString]) -> Option<Option<PathBuf>> {
    match args {
        [_] => Some(None),
        [_, file] => {
            // clap refuses an empty FILE, in its words.
            let plain = !file.is_empty()
                && !file.as_encoded_bytes().starts_with(b"-")
                && !SUBCOMMANDS.iter().any(|name| file == *name);
            plain.then(|| Some(PathBuf::from(file)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, help};
    use crate::lang::Lang;
    use clap::FromArgMatches;

    fn line(args: &[&str]) -> Vec<OsString> {
        std::iter::once("ziping")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect()
    }

    /// What clap makes of `args`: the parsed line, or its refusal.
    fn clap(args: &[OsString]) -> Result<Cli, clap::Error> {
        let matches = help::command(Lang::Zh).try_get_matches_from(args)?;
        Cli::from_arg_matches(&matches)
    }

    #[test]
    fn what_it_takes_for_the_editor_clap_takes_the_same_way() {
        let lines: [&[&str]; 16] = [
            &[],
            &["a.json"],
            &["报告/2022年 自评.json"],
            &[""],
            &["new"],
            &["help"],
            &["News"],
            &["-"],
            &["--"],
            &["--lang"],
            &["-h"],
            &["--version"],
            &["a.json", "b.json"],
            &["--theme", "dark"],
            &["--", "new"],
            &["check", "a.json"],
        ];
        let mut taken = 0;
        for args in lines {
            let args = line(args);
            let Some(file) = editor_only(&args) else {
                continue;
            };
            taken += 1;
            let cli = clap(&args).unwrap_or_else(|e| panic!("{args:?}: clap refused: {e}"));
            assert!(
                cli.command.is_none(),
                "{args:?}: clap ran {:?}",
                cli.command
            );
            assert_eq!(cli.file, file, "{args:?}");
            assert!(cli.theme.is_none() && cli.lang.is_none(), "{args:?}");
        }
        assert_eq!(
            taken, 5,
            "none, a.json, the Chinese path, help (no subcommand here), News"
        );
    }

    #[test]
    fn every_word_clap_takes_as_a_subcommand_goes_to_clap() {
        let mut command = help::command(Lang::Zh);
        command.build();
        let mut words: Vec<&str> = command
            .get_subcommands()
            .flat_map(|sub| std::iter::once(sub.get_name()).chain(sub.get_all_aliases()))
            .collect();
        words.sort_unstable();
        let mut listed = SUBCOMMANDS.to_vec();
        listed.sort_unstable();
        assert_eq!(listed, words, "SUBCOMMANDS against clap's");
        for word in words {
            assert_eq!(editor_only(&line(&[word])), None, "{word}");
        }
    }
}
