//! Find and replace (Ctrl-F, Ctrl-R): the prompt's words and what the
//! status line says after a search or a replacement.

use crate::lang::{Lang, Text};

pub const FIND_LABEL: Text = Text {
    zh: "查找：",
    en: "Find: ",
};

pub const REPLACE_LABEL: Text = Text {
    zh: "替换为：",
    en: "Replace with: ",
};

pub const IN_REPORT: Text = Text {
    zh: "［整份报告］",
    en: "[whole report]",
};

pub const IN_FIELD: Text = Text {
    zh: "［只在本字段］",
    en: "[this field only]",
};

pub const NOTHING_TO_FIND: Text = Text {
    zh: "请先输入要查找的文字（Ctrl-F）",
    en: "Type what to look for first (Ctrl-F)",
};

pub const REPLACE_UNDONE: Text = Text {
    zh: "已撤销这次替换",
    en: "The replacement is undone",
};

pub const REPLACE_REDONE: Text = Text {
    zh: "已重做这次替换",
    en: "The replacement is done again",
};

/// The keys of the prompt, on its last row: next, previous, scope,
/// replace one, replace all, close.
pub fn find_keys(keys: [&str; 6], lang: Lang) -> String {
    let [next, prev, scope, one, all, close] = keys;
    match lang {
        Lang::Zh => format!(
            "{next} 下一个 {prev} 上一个 {scope} 范围 {one} 替换 {all} 全部替换 {close} 关闭"
        ),
        Lang::En => format!(
            "{next} next  {prev} prev  {scope} scope  {one} replace  {all} all  {close} close"
        ),
    }
}

/// Nothing matches `needle` (in the focused field, `in_field`).
pub fn not_found(needle: &str, in_field: bool, lang: Lang) -> String {
    match (lang, in_field) {
        (Lang::Zh, false) => format!("整份报告中没有“{needle}”"),
        (Lang::Zh, true) => format!("本字段中没有“{needle}”"),
        (Lang::En, false) => format!("\"{needle}\" is nowhere in the report"),
        (Lang::En, true) => format!("\"{needle}\" is not in this field"),
    }
}

/// Match `at` of `of` is shown; `wrapped`: the search went past the end
/// (or, going `back`, the start) and began again.
pub fn found(at: usize, of: usize, wrapped: bool, back: bool, lang: Lang) -> String {
    let around = match (wrapped, back, lang) {
        (false, _, _) => "",
        (true, false, Lang::Zh) => "（已到末尾，从头找起）",
        (true, true, Lang::Zh) => "（已到开头，从末尾找起）",
        (true, false, Lang::En) => " (wrapped around to the start)",
        (true, true, Lang::En) => " (wrapped around to the end)",
    };
    match lang {
        Lang::Zh => format!("第 {at}/{of} 处{around}"),
        Lang::En => format!("Match {at} of {of}{around}"),
    }
}

/// `count` matches were replaced in `fields` fields; `undo` undoes them
/// all at once.
pub fn replaced(count: usize, fields: usize, undo: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已替换 {count} 处（{fields} 个字段）；{undo} 一步撤销"),
        Lang::En => {
            let s = if count == 1 { "" } else { "es" };
            let f = if fields == 1 { "" } else { "s" };
            format!("Replaced {count} match{s} in {fields} field{f}; {undo} undoes it at once")
        }
    }
}
