//! The optional `config.json` in the config directory: theme, language,
//! key overrides and the autosave pause. A broken file is reported and the
//! defaults are used; it never stops the app from starting.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::model::format_error::FormatError;
use crate::model::linebreak::Ambiguous;
use crate::storage;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Theme name: built-in (dark, light, high-contrast, mono) or a file in
    /// `<config dir>/themes/`.
    #[serde(default)]
    pub theme: Option<String>,
    /// `zh` or `en`.
    #[serde(default)]
    pub lang: Option<String>,
    /// Command name → keys, e.g. `{"save": ["ctrl-w"]}`.
    #[serde(default)]
    pub keys: HashMap<String, Vec<String>>,
    /// Seconds of quiet after typing before the recovery copy is written.
    #[serde(default)]
    pub autosave_seconds: Option<u64>,
    /// Columns the terminal draws East Asian ambiguous characters in
    /// (`“ ” ‘ ’ … — · ①`): 1 (the default) or 2, like vim's `ambiwidth`.
    #[serde(default)]
    pub ambiguous_width: Option<AmbiguousWidth>,
}

/// `ambiguous_width`: only 1 and 2 are widths a terminal uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "u8")]
pub struct AmbiguousWidth(Ambiguous);

impl TryFrom<u8> for AmbiguousWidth {
    type Error = String;

    fn try_from(width: u8) -> Result<Self, String> {
        match width {
            1 => Ok(AmbiguousWidth(Ambiguous::Narrow)),
            2 => Ok(AmbiguousWidth(Ambiguous::Wide)),
            _ => Err(format!("ambiguous_width 应为 1 或 2，而不是 {width}")),
        }
    }
}

impl Config {
    /// How the terminal draws ambiguous characters.
    pub fn ambiguous(&self) -> Ambiguous {
        self.ambiguous_width.map_or(Ambiguous::Narrow, |w| w.0)
    }
}

impl Config {
    /// Reads `config.json` from `dir`; a missing file is the default config.
    pub fn load(dir: Option<&Path>) -> (Config, Option<String>) {
        let Some(path) = dir.map(|d| d.join("config.json")).filter(|p| p.exists()) else {
            return (Config::default(), None);
        };
        let parsed = storage::read_text(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                FormatError::deserialize::<Config>(&text)
                    .map_err(|e| format!("{}：{e}", path.display()))
            });
        match parsed {
            Ok(config) => (config, None),
            Err(message) => (
                Config::default(),
                Some(format!("{message}；已使用默认设置")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(text: &str) -> (Config, Option<String>) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.json"), text).expect("write");
        Config::load(Some(dir.path()))
    }

    #[test]
    fn ambiguous_width_is_one_or_two() {
        assert_eq!(loaded("{}").0.ambiguous(), Ambiguous::Narrow);
        assert_eq!(
            loaded(r#"{"ambiguous_width": 1}"#).0.ambiguous(),
            Ambiguous::Narrow
        );
        assert_eq!(
            loaded(r#"{"ambiguous_width": 2}"#).0.ambiguous(),
            Ambiguous::Wide
        );
        let (config, problem) = loaded(r#"{"ambiguous_width": 3}"#);
        assert_eq!(config, Config::default());
        let problem = problem.expect("a problem");
        assert!(problem.contains("ambiguous_width 应为 1 或 2"), "{problem}");
    }
}
