//! Keys: how they are written and shown, and the key table built from the
//! command table's defaults with the user's overrides. Dispatch looks keys
//! up here and the help screen lists this same table, so help can never
//! disagree with what the keys do. Users may rebind any command by name in
//! `config.json` (`"keys": {"save": ["ctrl-w"]}`).

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::command::{Command, Context, fixing};
use crate::model::finding::FindingKind;

/// A key with its modifiers, normalised so that what a terminal sends and
/// what a config file says compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // The character already says whether Shift was down.
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if mods.is_empty() {
                    c
                } else {
                    c.to_ascii_lowercase()
                })
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    pub fn from_event(event: &KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    /// Parses `ctrl-s`, `shift-tab`, `f1`, `pagedown`, `alt-left` ….
    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.trim().to_ascii_lowercase();
        let mut parts: Vec<&str> = lower.split('-').collect();
        // "ctrl--" means Ctrl and the minus key.
        if lower.ends_with("--") {
            parts.truncate(parts.len() - 2);
            parts.push("-");
        }
        let Some(name) = parts.pop().filter(|n| !n.is_empty()) else {
            return Err(format!("无法识别的按键 \"{text}\""));
        };
        let mut mods = KeyModifiers::NONE;
        for m in parts {
            mods |= match m {
                "ctrl" | "c" => KeyModifiers::CONTROL,
                "alt" | "a" | "meta" | "m" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                _ => return Err(format!("按键 \"{text}\" 中的修饰键 \"{m}\" 无法识别")),
            };
        }
        let code = match name {
            "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') && f.len() > 1 => {
                let n: u8 = f[1..]
                    .parse()
                    .map_err(|_| format!("无法识别的按键 \"{text}\""))?;
                KeyCode::F(n)
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => return Err(format!("无法识别的按键 \"{text}\"")),
        };
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Esc => f.write_str("Esc"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub command: Command,
    pub keys: Vec<Key>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, Key), Command>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&HashMap::new()).0
    }
}

impl Keymap {
    /// The defaults with the user's overrides (command name → keys); returns
    /// the messages for keys that could not be bound.
    pub fn with_overrides(overrides: &HashMap<String, Vec<String>>) -> (Keymap, Vec<String>) {
        Keymap::build(&Command::defaults_by_context(), overrides)
    }

    /// `with_overrides` on any default table, so a mistyped default can be
    /// shown to be reported rather than dropped.
    fn build(
        defaults: &[(Context, Command, &[&str])],
        overrides: &HashMap<String, Vec<String>>,
    ) -> (Keymap, Vec<String>) {
        let mut problems = Vec::new();
        let mut bindings: Vec<Binding> = defaults
            .iter()
            .map(|(context, command, keys)| Binding {
                context: *context,
                command: *command,
                keys: keys
                    .iter()
                    .filter_map(|k| Key::parse(k).map_err(|e| problems.push(e)).ok())
                    .collect(),
            })
            .collect();
        for (name, keys) in overrides {
            let parsed: Result<Vec<Key>, String> = keys.iter().map(|k| Key::parse(k)).collect();
            let keys = match parsed {
                Ok(keys) => keys,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            let mut found = false;
            for binding in bindings.iter_mut().filter(|b| b.command.name() == name) {
                binding.keys = keys.clone();
                found = true;
            }
            if !found {
                problems.push(format!("配置中的操作 \"{name}\" 不存在"));
            }
        }
        let mut lookup = HashMap::new();
        for b in &bindings {
            for key in &b.keys {
                if let Some(previous) = lookup.insert((b.context, *key), b.command)
                    && previous != b.command
                {
                    problems.push(format!(
                        "按键 {key} 同时绑定了 {} 和 {}",
                        previous.name(),
                        b.command.name()
                    ));
                }
            }
        }
        (Keymap { bindings, lookup }, problems)
    }

    /// The command for `key`, trying `contexts` in order.
    pub fn command(&self, contexts: &[Context], key: Key) -> Option<Command> {
        contexts
            .iter()
            .find_map(|c| self.lookup.get(&(*c, key)).copied())
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Where a command settles `finding` (list numbers typed by hand), its
    /// key, for the finding's sentence to name.
    pub fn fix_key(&self, finding: &FindingKind) -> Option<String> {
        let (context, command) = fixing(finding)?;
        Some(self.keys_for(context, command)).filter(|key| !key.is_empty())
    }

    /// The first key of a command in a context, for hints: "Ctrl-S".
    pub fn keys_for(&self, context: Context, command: impl Into<Command>) -> String {
        let command = command.into();
        self.bindings
            .iter()
            .find(|b| b.context == context && b.command == command)
            .and_then(|b| b.keys.first())
            .map(Key::to_string)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::command::{CellCmd, GlobalCmd, GridCmd, QuitAnswer, TextCmd};

    #[test]
    fn keys_parse_and_print() {
        let cases = [
            ("ctrl-s", "Ctrl-S"),
            ("Ctrl-S", "Ctrl-S"),
            ("shift-tab", "Shift-Tab"),
            ("f1", "F1"),
            ("pagedown", "PgDn"),
            ("alt-left", "Alt-Left"),
            ("ctrl-alt-z", "Ctrl-Alt-Z"),
        ];
        for (text, shown) in cases {
            assert_eq!(
                Key::parse(text).map(|k| k.to_string()),
                Ok(shown.to_string()),
                "{text}"
            );
        }
        assert!(Key::parse("hyper-x").is_err());
        // PuTTY and the Linux console report Shift-F8 as F15; both bind.
        assert_eq!(Key::parse("f15").map(|k| k.code), Ok(KeyCode::F(15)));
        assert_eq!(
            Key::parse("shift-f8"),
            Ok(Key::new(KeyCode::F(8), KeyModifiers::SHIFT))
        );
        assert!(Key::parse("f").is_ok());
    }

    #[test]
    fn terminal_events_match_table_keys() {
        // Terminals report Shift-Tab as BackTab with SHIFT, and Ctrl-S may
        // arrive with an upper-case letter.
        let map = Keymap::default();
        let backtab = Key::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            map.command(&[Context::Global], backtab),
            Some(GlobalCmd::PrevField.into())
        );
        let ctrl_s = Key::new(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(
            map.command(&[Context::Global], ctrl_s),
            Some(GlobalCmd::Save.into())
        );
        // Shift-F8 as xterm and tmux send it (`ESC [19;2~`), and as PuTTY
        // and the Linux console do (`ESC [32~`, which the key reader calls
        // F15): both go to the previous problem. (The tmux test sends both
        // byte sequences through the real reader.)
        let prev = Some(GlobalCmd::PrevProblem.into());
        let shift_f8 = Key::new(KeyCode::F(8), KeyModifiers::SHIFT);
        assert_eq!(map.command(&[Context::Global], shift_f8), prev);
        let f15 = Key::new(KeyCode::F(15), KeyModifiers::NONE);
        assert_eq!(map.command(&[Context::Global], f15), prev);
    }

    #[test]
    fn defaults_have_no_conflicts_and_overrides_apply() {
        let (_, problems) = Keymap::with_overrides(&HashMap::new());
        assert_eq!(problems, Vec::<String>::new());
        let overrides = HashMap::from([
            ("save".to_string(), vec!["f10".to_string()]),
            ("fly".to_string(), vec!["f11".to_string()]),
        ]);
        let (map, problems) = Keymap::with_overrides(&overrides);
        let f10 = Key::parse("f10").expect("key");
        assert_eq!(
            map.command(&[Context::Global], f10),
            Some(GlobalCmd::Save.into())
        );
        let ctrl_s = Key::parse("ctrl-s").expect("key");
        assert_eq!(map.command(&[Context::Global], ctrl_s), None);
        assert_eq!(problems, vec!["配置中的操作 \"fly\" 不存在".to_string()]);
    }

    #[test]
    fn a_focused_table_takes_its_keys_before_the_page() {
        let map = Keymap::default();
        let grid = [Context::Grid, Context::Global];
        let cell = [Context::Cell, Context::Editor, Context::Global];
        let cases = [
            (&grid[..], "alt-up", Some(GridCmd::MoveRowUp.into())),
            (&grid, "tab", Some(GridCmd::NextCell.into())),
            (&grid, "ctrl-n", Some(GridCmd::AddRow.into())),
            (&grid, "pageup", Some(GlobalCmd::PrevSection.into())),
            (&cell, "enter", Some(CellCmd::Confirm.into())),
            (&cell, "esc", Some(CellCmd::Cancel.into())),
            (&cell, "left", Some(TextCmd::Left.into())),
            (&cell, "alt-up", Some(GlobalCmd::PrevSection.into())),
        ];
        for (contexts, key, want) in cases {
            let key = Key::parse(key).expect("key");
            assert_eq!(map.command(contexts, key), want, "{key}");
        }
    }

    #[test]
    fn a_mistyped_default_key_is_reported_not_dropped() {
        let table: &[(Context, Command, &[&str])] = &[
            (Context::Global, GlobalCmd::Save.into(), &["ctrl-s"]),
            (Context::Unsaved, QuitAnswer::Save.into(), &["ctrl-sx", "s"]),
        ];
        let (map, problems) = Keymap::build(table, &HashMap::new());
        assert_eq!(problems, vec!["无法识别的按键 \"ctrl-sx\"".to_string()]);
        let s = Key::parse("s").expect("key");
        assert_eq!(
            map.command(&[Context::Unsaved], s),
            Some(QuitAnswer::Save.into())
        );
    }

    #[test]
    fn problem_find_and_copy_keys_bind_without_taking_selection_copy() {
        let map = Keymap::default();
        let text = [Context::Editor, Context::Global];
        let cases = [
            ("f8", GlobalCmd::NextProblem),
            ("shift-f8", GlobalCmd::PrevProblem),
            ("f15", GlobalCmd::PrevProblem),
            ("ctrl-f", GlobalCmd::Find),
            ("alt-c", GlobalCmd::CopyField),
            ("ctrl-l", GlobalCmd::Redraw),
        ];
        for (key, want) in cases {
            let key = Key::parse(key).expect("key");
            assert_eq!(map.command(&text, key), Some(want.into()), "{key}");
        }
        let ctrl_c = Key::parse("ctrl-c").expect("key");
        assert_eq!(map.command(&text, ctrl_c), Some(TextCmd::Copy.into()));
    }
}
