//! The one key table. Dispatch looks keys up here and the help screen lists
//! this same table, so help can never disagree with what the keys do. Users
//! may rebind any action in `config.json` (`"keys": {"save": ["ctrl-w"]}`).

use std::collections::HashMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Context};

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

/// The default bindings, by context, in the order help lists them.
const DEFAULTS: &[(Context, Action, &[&str])] = {
    use Action::*;
    use Context::*;
    &[
        (Global, Help, &["f1"]),
        (Global, Save, &["ctrl-s"]),
        (Global, SaveAs, &["alt-s", "f12"]),
        (Global, Quit, &["ctrl-q"]),
        (Global, NextField, &["tab"]),
        (Global, PrevField, &["shift-tab"]),
        (Global, NextSection, &["pagedown", "alt-down"]),
        (Global, PrevSection, &["pageup", "alt-up"]),
        (Global, JumpList, &["ctrl-g"]),
        (Global, Export, &["ctrl-e"]),
        (Global, ExternalEditor, &["ctrl-o"]),
        (Global, ToggleSidebar, &["f2"]),
        (Editor, Left, &["left"]),
        (Editor, Right, &["right"]),
        (Editor, Up, &["up"]),
        (Editor, Down, &["down"]),
        (Editor, WordLeft, &["ctrl-left", "alt-left"]),
        (Editor, WordRight, &["ctrl-right", "alt-right"]),
        (Editor, LineStart, &["home"]),
        (Editor, LineEnd, &["end"]),
        (Editor, TextStart, &["ctrl-home"]),
        (Editor, TextEnd, &["ctrl-end"]),
        (Editor, SelectLeft, &["shift-left"]),
        (Editor, SelectRight, &["shift-right"]),
        (Editor, SelectUp, &["shift-up"]),
        (Editor, SelectDown, &["shift-down"]),
        (Editor, SelectAll, &["ctrl-a"]),
        (Editor, Backspace, &["backspace"]),
        (Editor, Delete, &["delete"]),
        (
            Editor,
            DeleteWord,
            &["ctrl-w", "ctrl-backspace", "alt-backspace"],
        ),
        (Editor, DeleteToLineEnd, &["ctrl-k"]),
        (Editor, Newline, &["enter"]),
        (Editor, Undo, &["ctrl-z"]),
        (Editor, Redo, &["ctrl-y"]),
        (Editor, Copy, &["ctrl-c"]),
        (Editor, Cut, &["ctrl-x"]),
        (Editor, Paste, &["ctrl-v"]),
        (Grid, CellUp, &["up"]),
        (Grid, CellDown, &["down"]),
        (Grid, CellLeft, &["left"]),
        (Grid, CellRight, &["right"]),
        (Grid, NextCell, &["tab"]),
        (Grid, PrevCell, &["shift-tab"]),
        (Grid, LineStart, &["home"]),
        (Grid, LineEnd, &["end"]),
        (Grid, EditCell, &["enter"]),
        (Grid, ClearCell, &["delete", "backspace"]),
        (Grid, AddRow, &["ctrl-n"]),
        (Grid, DeleteRow, &["ctrl-d"]),
        (Grid, MoveRowUp, &["alt-up"]),
        (Grid, MoveRowDown, &["alt-down"]),
        (Grid, Undo, &["ctrl-z"]),
        (Grid, Redo, &["ctrl-y"]),
        (Cell, Confirm, &["enter"]),
        (Cell, Cancel, &["esc"]),
        (Cell, NextCell, &["tab"]),
        (Cell, PrevCell, &["shift-tab"]),
        (Cell, CellUp, &["up"]),
        (Cell, CellDown, &["down"]),
        (Jump, ListUp, &["up", "ctrl-p"]),
        (Jump, ListDown, &["down", "ctrl-n"]),
        (Jump, Confirm, &["enter"]),
        (Jump, Cancel, &["esc", "ctrl-g"]),
        (Picker, ListUp, &["up", "k"]),
        (Picker, ListDown, &["down", "j"]),
        (Picker, ListPageUp, &["pageup"]),
        (Picker, ListPageDown, &["pagedown"]),
        (Picker, Confirm, &["enter"]),
        (Picker, Cancel, &["esc", "ctrl-q"]),
        (Prompt, Confirm, &["enter"]),
        (Prompt, Cancel, &["esc"]),
        (Unsaved, Save, &["s", "y"]),
        (Unsaved, Discard, &["d", "n"]),
        (Unsaved, Cancel, &["esc", "c"]),
        (Locked, ReadOnly, &["r"]),
        (Locked, TakeOver, &["t"]),
        (Locked, Cancel, &["q", "esc"]),
        (Recover, RestoreRecovery, &["r"]),
        (Recover, CompareRecovery, &["c"]),
        (Recover, DiscardRecovery, &["d"]),
        (Recover, Cancel, &["esc"]),
        (HelpScreen, ListUp, &["up", "k"]),
        (HelpScreen, ListDown, &["down", "j"]),
        (HelpScreen, ListPageUp, &["pageup"]),
        (HelpScreen, ListPageDown, &["pagedown"]),
        (HelpScreen, Cancel, &["esc", "f1", "q"]),
    ]
};

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, Key), Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&HashMap::new()).0
    }
}

impl Keymap {
    /// The defaults with the user's overrides (action name → keys); returns
    /// the messages for overrides that could not be applied.
    pub fn with_overrides(overrides: &HashMap<String, Vec<String>>) -> (Keymap, Vec<String>) {
        let mut problems = Vec::new();
        let mut bindings: Vec<Binding> = DEFAULTS
            .iter()
            .map(|(context, action, keys)| Binding {
                context: *context,
                action: *action,
                keys: keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
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
            for binding in bindings.iter_mut().filter(|b| b.action.name() == name) {
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
                if let Some(previous) = lookup.insert((b.context, *key), b.action)
                    && previous != b.action
                {
                    problems.push(format!(
                        "按键 {key} 同时绑定了 {} 和 {}",
                        previous.name(),
                        b.action.name()
                    ));
                }
            }
        }
        (Keymap { bindings, lookup }, problems)
    }

    /// The action for `key`, trying `contexts` in order.
    pub fn action(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts
            .iter()
            .find_map(|c| self.lookup.get(&(*c, key)).copied())
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys of an action in a context, for hints: "Ctrl-S".
    pub fn keys_for(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .and_then(|b| b.keys.first())
            .map(Key::to_string)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(Key::parse("f").is_ok());
    }

    #[test]
    fn terminal_events_match_table_keys() {
        // Terminals report Shift-Tab as BackTab with SHIFT, and Ctrl-S may
        // arrive with an upper-case letter.
        let map = Keymap::default();
        let backtab = Key::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            map.action(&[Context::Global], backtab),
            Some(Action::PrevField)
        );
        let ctrl_s = Key::new(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(map.action(&[Context::Global], ctrl_s), Some(Action::Save));
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
        assert_eq!(map.action(&[Context::Global], f10), Some(Action::Save));
        let ctrl_s = Key::parse("ctrl-s").expect("key");
        assert_eq!(map.action(&[Context::Global], ctrl_s), None);
        assert_eq!(problems, vec!["配置中的操作 \"fly\" 不存在".to_string()]);
    }

    #[test]
    fn a_focused_table_takes_its_keys_before_the_page() {
        let map = Keymap::default();
        let grid = [Context::Grid, Context::Global];
        let cell = [Context::Cell, Context::Editor, Context::Global];
        let cases = [
            (&grid[..], "alt-up", Some(Action::MoveRowUp)),
            (&grid, "tab", Some(Action::NextCell)),
            (&grid, "ctrl-n", Some(Action::AddRow)),
            (&grid, "pageup", Some(Action::PrevSection)),
            (&cell, "enter", Some(Action::Confirm)),
            (&cell, "esc", Some(Action::Cancel)),
            (&cell, "left", Some(Action::Left)),
            (&cell, "alt-up", Some(Action::PrevSection)),
        ];
        for (contexts, key, want) in cases {
            let key = Key::parse(key).expect("key");
            assert_eq!(map.action(contexts, key), want, "{key}");
        }
    }
}
