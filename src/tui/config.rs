//! The optional `config.json` in the config directory: theme, language,
//! key overrides, the autosave pause and the terminal clipboard. Every key
//! is documented in `docs/config.md` (a test holds the two together). A
//! key this version does not know — one a newer version added, or a typo —
//! is named in a warning and the rest of the file still applies; a broken
//! file is reported and the defaults are used. It never stops the app from
//! starting.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::format_error::FormatError;
use crate::model::linebreak::Ambiguous;
use crate::{storage, strings};

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
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
    /// Copying also sends the text to the terminal's clipboard (OSC 52);
    /// `false` keeps it inside ziping.
    #[serde(default)]
    pub osc52: Option<bool>,
    /// Columns the terminal draws East Asian ambiguous characters in
    /// (`“ ” ‘ ’ … — · ①`): 1 (the default) or 2, like vim's `ambiwidth`.
    #[serde(default)]
    pub ambiguous_width: Option<AmbiguousWidth>,
}

/// `ambiguous_width`: only 1 and 2 are widths a terminal uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "u8", into = "u8")]
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

impl From<AmbiguousWidth> for u8 {
    fn from(width: AmbiguousWidth) -> u8 {
        match width.0 {
            Ambiguous::Narrow => 1,
            Ambiguous::Wide => 2,
        }
    }
}

/// Every key and its default as `docs/config.md` states it.
pub const KEYS: &[(&str, &str)] = &[
    ("theme", "\"dark\""),
    ("lang", "—"),
    ("keys", "{}"),
    ("autosave_seconds", "2"),
    ("osc52", "true"),
    ("ambiguous_width", "1"),
];

impl Config {
    /// How the terminal draws ambiguous characters.
    pub fn ambiguous(&self) -> Ambiguous {
        self.ambiguous_width.map_or(Ambiguous::Narrow, |w| w.0)
    }

    /// Reads `config.json` from `dir`; a missing file is the default config.
    pub fn load(dir: Option<&Path>) -> (Config, Option<String>) {
        let Some(path) = dir.map(|d| d.join("config.json")).filter(|p| p.exists()) else {
            return (Config::default(), None);
        };
        let parsed = storage::read_text(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| Config::parse(&text).map_err(|e| format!("{}：{e}", path.display())));
        match parsed {
            Ok((config, unknown)) if unknown.is_empty() => (config, None),
            Ok((config, unknown)) => {
                let message = strings::unknown_config_keys(&path, &unknown);
                (config, Some(message))
            }
            Err(message) => (
                Config::default(),
                Some(format!("{message}；已使用默认设置")),
            ),
        }
    }

    /// The config in `text`, and the keys it has that this version does
    /// not know (left out, so the rest applies).
    fn parse(text: &str) -> Result<(Config, Vec<String>), FormatError> {
        // A file that is no JSON object is worded by the strict reading.
        let Ok(serde_json::Value::Object(mut object)) = serde_json::from_str(text) else {
            return FormatError::deserialize::<Config>(text).map(|c| (c, Vec::new()));
        };
        let unknown: Vec<String> = object
            .keys()
            .filter(|key| !KEYS.iter().any(|(known, _)| known == key))
            .cloned()
            .collect();
        if unknown.is_empty() {
            return FormatError::deserialize::<Config>(text).map(|c| (c, unknown));
        }
        for key in &unknown {
            object.remove(key);
        }
        let known = serde_json::Value::Object(object).to_string();
        FormatError::deserialize::<Config>(&known).map(|c| (c, unknown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_dir(json: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.json"), json).expect("write");
        dir
    }

    #[test]
    fn an_unknown_key_is_named_and_the_rest_applies() {
        let dir = config_dir(r#"{"theme": "light", "ambiguous_widht": 2, "lang": "en"}"#);
        let (config, problem) = Config::load(Some(dir.path()));
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.lang.as_deref(), Some("en"));
        let problem = problem.expect("a warning");
        assert!(problem.contains("“ambiguous_widht”"), "{problem}");
        assert!(problem.contains("其余设置照常使用"), "{problem}");
    }

    #[test]
    fn a_broken_file_still_falls_back_to_the_defaults() {
        for json in [
            r#"{"theme": "light","#,
            r#"{"autosave_seconds": "soon"}"#,
            "[1]",
        ] {
            let dir = config_dir(json);
            let (config, problem) = Config::load(Some(dir.path()));
            assert_eq!(config, Config::default(), "{json}");
            assert!(
                problem.is_some_and(|p| p.contains("已使用默认设置")),
                "{json}"
            );
        }
    }

    #[test]
    fn every_key_is_documented_with_its_default() {
        // Serialising lists every field, so a field missing from KEYS (and
        // so dropped as unknown) fails here.
        let fields = serde_json::to_value(Config::default()).expect("serialises");
        let mut fields: Vec<&String> = fields.as_object().expect("object").keys().collect();
        fields.sort();
        let mut keys: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        assert_eq!(fields, keys);
        let doc = include_str!("../../docs/config.md");
        let rows: Vec<&str> = doc.lines().filter(|l| l.starts_with("| `")).collect();
        assert_eq!(
            rows.len(),
            KEYS.len(),
            "one row per key:\n{}",
            rows.join("\n")
        );
        for (key, default) in KEYS {
            let row = rows
                .iter()
                .find(|r| r.starts_with(&format!("| `{key}` |")))
                .unwrap_or_else(|| panic!("{key} is not in docs/config.md"));
            assert!(
                row.contains(&format!("| `{default}` |"))
                    || row.contains(&format!("| {default} |")),
                "{key}'s default {default} is not in: {row}"
            );
        }
    }

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
