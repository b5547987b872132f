//! Themes are data: JSON files in `themes/` embedded at build time, plus the
//! user's own in `<config dir>/themes/`. Views ask for a meaning (`Role`),
//! never for a colour. A user theme may `inherit` another and override only
//! some roles; a broken one falls back to the default with a message.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::model::format_error::FormatError;
use crate::storage;

/// What a piece of the screen means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Ordinary text.
    Text,
    /// The section heading on the page.
    Heading,
    /// The template's guidance.
    Hint,
    /// A field's label.
    Label,
    /// The label of the field being edited.
    LabelFocused,
    /// An invalid value's marker and message.
    Invalid,
    /// A warning's marker and message.
    Warning,
    /// An outline entry.
    Outline,
    /// The current section in the outline, the selected item in a list.
    Selected,
    /// Sections left out of the export, disabled items.
    Muted,
    /// The status line.
    Status,
    /// The status line while there are unsaved changes.
    StatusDirty,
    /// A key name in hints and help.
    Key,
    /// Selected text in an editor.
    Selection,
    /// The background of dialogs and the help screen.
    Overlay,
    /// Separators between panes.
    Border,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underlined: bool,
    #[serde(default)]
    reversed: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    #[serde(default)]
    inherits: Option<String>,
    #[serde(default)]
    styles: HashMap<Role, StyleSpec>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: HashMap<Role, Style>,
}

/// Used when nothing else is asked for.
pub const DEFAULT_THEME: &str = "dark";
/// Used when `NO_COLOR` is set.
pub const MONOCHROME_THEME: &str = "mono";

const BUILTIN: [(&str, &str); 4] = [
    ("dark", include_str!("../../themes/dark.json")),
    ("light", include_str!("../../themes/light.json")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.json"),
    ),
    ("mono", include_str!("../../themes/mono.json")),
];

impl Theme {
    /// A style for a role; roles a theme leaves out are plain.
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }

    /// The theme `name`: a user file in `user_dir` first, then a built-in
    /// one. On any problem the default theme is returned with a message.
    pub fn load(name: &str, user_dir: Option<&Path>) -> (Theme, Option<String>) {
        match Self::resolve(name, user_dir, 0) {
            Ok(theme) => (theme, None),
            Err(message) => {
                let fallback = Self::resolve(DEFAULT_THEME, None, 0).unwrap_or_else(|_| Theme {
                    name: DEFAULT_THEME.into(),
                    styles: HashMap::new(),
                });
                (fallback, Some(format!("{message}；已改用默认主题")))
            }
        }
    }

    fn resolve(name: &str, user_dir: Option<&Path>, depth: usize) -> Result<Theme, String> {
        if depth > 8 {
            return Err(format!("主题 \"{name}\" 的 inherits 形成了循环"));
        }
        let user_path = user_dir.map(|d| d.join(format!("{name}.json")));
        let (file, origin) = match user_path.filter(|p| p.is_file()) {
            Some(path) => {
                let text = storage::read_text(&path).map_err(|e| e.to_string())?;
                let file = parse_file(&text).map_err(|e| format!("{}：{e}", path.display()))?;
                (file, path.display().to_string())
            }
            None => {
                let (_, text) = BUILTIN
                    .iter()
                    .find(|(n, _)| *n == name)
                    .ok_or_else(|| format!("没有名为 \"{name}\" 的主题"))?;
                (
                    parse_file(text).map_err(|e| format!("内置主题 {name}：{e}"))?,
                    name.to_string(),
                )
            }
        };
        let mut styles = match &file.inherits {
            Some(parent) => Self::resolve(parent, user_dir, depth + 1)?.styles,
            None => HashMap::new(),
        };
        for (role, spec) in &file.styles {
            let style = to_style(spec).map_err(|e| format!("{origin}：styles.{role:?}：{e}"))?;
            styles.insert(*role, style);
        }
        Ok(Theme {
            name: file.name,
            styles,
        })
    }
}

fn parse_file(text: &str) -> Result<ThemeFile, FormatError> {
    FormatError::deserialize(text)
}

fn to_style(spec: &StyleSpec) -> Result<Style, String> {
    let color = |c: &Option<String>| -> Result<Option<Color>, String> {
        c.as_deref()
            .map(|s| Color::from_str(s).map_err(|_| format!("无法识别的颜色 \"{s}\"")))
            .transpose()
    };
    let mut style = Style::default();
    if let Some(fg) = color(&spec.fg)? {
        style = style.fg(fg);
    }
    if let Some(bg) = color(&spec.bg)? {
        style = style.bg(bg);
    }
    for (on, modifier) in [
        (spec.bold, Modifier::BOLD),
        (spec.dim, Modifier::DIM),
        (spec.italic, Modifier::ITALIC),
        (spec.underlined, Modifier::UNDERLINED),
        (spec.reversed, Modifier::REVERSED),
    ] {
        if on {
            style = style.add_modifier(modifier);
        }
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_theme_parses_with_every_style_valid() {
        for (name, _) in BUILTIN {
            let theme = Theme::resolve(name, None, 0).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(theme.name, name);
        }
    }

    #[test]
    fn monochrome_theme_uses_no_colours() {
        let theme = Theme::resolve(MONOCHROME_THEME, None, 0).expect("mono");
        for style in theme.styles.values() {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }

    #[test]
    fn user_theme_inherits_and_broken_theme_falls_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("mine.json"),
            r##"{"name":"mine","inherits":"dark","styles":{"heading":{"fg":"#ff8800","bold":true}}}"##,
        )
        .expect("write");
        std::fs::write(
            dir.path().join("bad.json"),
            r#"{"name":"bad","styles":{"heading":{"fg":"plaid"}}}"#,
        )
        .expect("write");
        let (mine, message) = Theme::load("mine", Some(dir.path()));
        assert_eq!(message, None);
        assert_eq!(
            mine.style(Role::Heading).fg,
            Some(Color::Rgb(0xff, 0x88, 0))
        );
        let dark = Theme::resolve("dark", None, 0).expect("dark");
        assert_eq!(mine.style(Role::Invalid), dark.style(Role::Invalid));
        let (fallback, message) = Theme::load("bad", Some(dir.path()));
        assert_eq!(fallback.name, DEFAULT_THEME);
        assert!(message.is_some_and(|m| m.contains("plaid") && m.contains("bad.json")));
        let (_, message) = Theme::load("nope", None);
        assert!(message.is_some_and(|m| m.contains("nope")));
    }
}
