//! The optional `config.json` in the config directory: theme, language,
//! key overrides and the autosave pause. A broken file is reported and the
//! defaults are used; it never stops the app from starting.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::model::format_error::FormatError;
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
