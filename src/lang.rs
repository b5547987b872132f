//! The language of everything ziping itself says (the TUI's chrome, the
//! command line's messages, finding texts). Template text is always shown as
//! written.
//!
//! The rule: Chinese unless English is asked for explicitly, in this order —
//! `--lang`, then `"lang"` in config.json, then the environment. In the
//! environment only the variables that name the language of *messages*
//! count: `LANGUAGE` (a colon list; its first entry decides), then `LC_ALL`
//! (it overrides `LC_MESSAGES`, so setting it is just as explicit), then
//! `LC_MESSAGES`. `LANG` alone never switches: `LANG=en_US.UTF-8` is the
//! default on many CentOS/RHEL servers that Chinese clerks log into, and says
//! nothing about the person typing.

/// Chinese by default; English only when asked for (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A sentence in both languages. The sentences themselves are declared in
/// `crate::strings`, each once, the two languages side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

/// The environment variables consulted, most specific first.
pub const ENV_VARS: [&str; 3] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES"];

impl Lang {
    /// Picks the string for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The sentence in this language.
    pub fn say(self, text: Text) -> &'static str {
        self.pick(text.zh, text.en)
    }

    /// `zh`/`en` as given on the command line or in the config file.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "zh-cn" | "chinese" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// [`Lang::parse`] for clap: an unknown language is refused, not ignored.
    pub fn parse_arg(text: &str) -> Result<Lang, String> {
        Lang::parse(text).ok_or_else(|| format!("“{text}”不是可用的语言，应为 zh 或 en"))
    }

    /// The language the environment asks for, `var` giving each variable's
    /// value (passed in so tests need not touch the process environment).
    /// The first of [`ENV_VARS`] that is set and not empty decides.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let decisive = ENV_VARS.iter().find_map(|name| {
            let value = var(name)?;
            // LANGUAGE is a list such as `en_GB:en:zh`; gettext skips empty
            // entries, and so do we.
            value
                .split(':')
                .map(str::trim)
                .find(|entry| !entry.is_empty())
                .map(str::to_string)
        });
        match decisive {
            Some(locale) if is_english(&locale) => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The language from the process environment.
    pub fn from_process_env() -> Lang {
        Lang::from_env(|name| std::env::var(name).ok())
    }

    /// `--lang`, else the config file's `lang` (an unknown word there is
    /// passed over), else what the environment said.
    pub fn resolve(flag: Option<Lang>, config: Option<&str>, env: Lang) -> Lang {
        flag.or_else(|| config.and_then(Lang::parse)).unwrap_or(env)
    }
}

/// `en`, `en_US.UTF-8`, `en-GB`, `en@quot`: the language code before any
/// territory, codeset or modifier is `en`.
fn is_english(locale: &str) -> bool {
    let code = locale
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or_default();
    code.eq_ignore_ascii_case("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(vars: &[(&str, &str)]) -> Lang {
        Lang::from_env(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_string())
        })
    }

    #[test]
    fn only_explicit_message_locales_switch_to_english() {
        use Lang::{En, Zh};
        let table: [(&[(&str, &str)], Lang); 15] = [
            (&[], Zh),
            (&[("LANG", "en_US.UTF-8")], Zh),
            (&[("LANG", "zh_CN.UTF-8")], Zh),
            (&[("LANG", "C")], Zh),
            (
                &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")],
                En,
            ),
            (
                &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
                Zh,
            ),
            (&[("LC_ALL", "en_US.UTF-8")], En),
            (&[("LC_ALL", "C.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")], Zh),
            (&[("LC_ALL", ""), ("LC_MESSAGES", "en_US.UTF-8")], En),
            (
                &[("LANGUAGE", "en_GB:zh_CN"), ("LC_ALL", "zh_CN.UTF-8")],
                En,
            ),
            (&[("LANGUAGE", "zh_CN:en"), ("LC_ALL", "en_US.UTF-8")], Zh),
            (&[("LANGUAGE", ":en"), ("LC_MESSAGES", "zh_CN.UTF-8")], En),
            (&[("LANGUAGE", ""), ("LC_MESSAGES", "en")], En),
            (&[("LC_MESSAGES", "eo.UTF-8")], Zh),
            (&[("LC_MESSAGES", "English")], Zh),
        ];
        for (vars, want) in table {
            assert_eq!(lang_of(vars), want, "{vars:?}");
        }
    }

    #[test]
    fn flag_beats_config_beats_environment() {
        use Lang::{En, Zh};
        assert_eq!(Lang::resolve(Some(Zh), Some("en"), En), Zh);
        assert_eq!(Lang::resolve(None, Some("en"), Zh), En);
        assert_eq!(Lang::resolve(None, Some("klingon"), En), En);
        assert_eq!(Lang::resolve(None, None, En), En);
        assert!(Lang::parse_arg("fr").is_err());
    }
}
