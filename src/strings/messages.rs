//! What the editor says on its status line after the writer did something:
//! saved, refused, undone, not there yet.

use std::fmt::Display;
use std::path::Path;

use crate::lang::{Lang, Text};

pub const LAST_FIELD: Text = Text {
    zh: "已是最后一个字段",
    en: "This is the last field",
};

pub const TEXT_FROM_EDITOR: Text = Text {
    zh: "已从外部编辑器取回文字（Ctrl-Z 可撤销）",
    en: "Text taken from the editor (Ctrl-Z undoes)",
};

pub const READ_ONLY_REFUSED: Text = Text {
    zh: "只读打开：此文件正被另一处编辑，不能修改；可用 Alt-S 另存为",
    en: "Read-only: the file is open elsewhere; Alt-S saves a copy",
};

pub const OPENED_READ_ONLY: Text = Text {
    zh: "已只读打开：不能修改和保存，可用 Alt-S 另存为",
    en: "Opened read-only",
};

pub const TAKEN_OVER: Text = Text {
    zh: "已接管：另一处的 ziping 将无法保存",
    en: "Taken over",
};

pub const CANCELLED: Text = Text {
    zh: "已取消",
    en: "Cancelled",
};

pub const FILE_NAME_NEEDED: Text = Text {
    zh: "请输入文件名",
    en: "Please type a file name",
};

pub const RECOVERY_RESTORED: Text = Text {
    zh: "已恢复未保存的文字；请按 Ctrl-S 保存",
    en: "Restored; press Ctrl-S to save",
};

pub const RECOVERY_DISCARDED: Text = Text {
    zh: "已丢弃恢复副本",
    en: "Recovery copy discarded",
};

pub const RECOVERY_KEPT: Text = Text {
    zh: "恢复副本已保留，下次打开时再询问",
    en: "Recovery copy kept; you will be asked again next time",
};

pub const TEMPLATE_UPGRADED: Text = Text {
    zh: "已升级模板，保存后生效",
    en: "Template upgraded; it takes effect when you save",
};

pub const TEMPLATE_KEPT: Text = Text {
    zh: "仍用旧版模板，下次打开时再询问",
    en: "Kept the old template; you will be asked again next time",
};

pub const ROWS_FIXED: Text = Text {
    zh: "此表的行由模板固定，不能添加、删除或移动",
    en: "This table's rows are fixed by the template",
};

pub const NOTHING_TO_UNDO: Text = Text {
    zh: "没有可撤销的表格修改",
    en: "Nothing to undo in this table",
};

pub const NOTHING_TO_REDO: Text = Text {
    zh: "没有可重做的表格修改",
    en: "Nothing to redo in this table",
};

/// `name` is the file's name only: the status line is narrow.
pub fn saved_to(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已保存到 {name}"),
        Lang::En => format!("Saved to {name}"),
    }
}

pub fn saved_as(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已另存为 {}", path.display()),
        Lang::En => format!("Saved as {}", path.display()),
    }
}

/// Said by the editor and by `ziping export` alike.
pub fn exported_to(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已导出到 {}", path.display()),
        Lang::En => format!("Exported to {}", path.display()),
    }
}

/// Saving failed with `problem`; the hint says nothing is lost yet.
pub fn save_failed(problem: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{problem}；文字仍在，可用 Alt-S 另存到其他位置"),
        Lang::En => format!("{problem}；your text is still here; Alt-S saves elsewhere"),
    }
}

pub fn recovery_write_failed(error: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("恢复副本写入失败：{error}"),
        Lang::En => format!("Could not write the recovery copy: {error}"),
    }
}

/// The recovery copy could not go where it usually goes and went to
/// `path`; `passed_over` is what the places before it said.
pub fn recovery_elsewhere(path: &Path, passed_over: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("恢复副本改为写入 {}（{passed_over}）", path.display()),
        Lang::En => format!(
            "The recovery copy now goes to {} ({passed_over})",
            path.display()
        ),
    }
}

/// On leaving abnormally (a signal, a vanished terminal, a crash).
pub const NOTHING_UNSAVED: Text = Text {
    zh: "没有未保存的文字",
    en: "there was no unsaved text",
};

/// On leaving abnormally, the unsaved text safe in `path`; `passed_over`
/// (empty when it went to the usual place) is why it went elsewhere.
pub fn unsaved_text_kept(path: &Path, passed_over: &str, lang: Lang) -> String {
    let path = path.display();
    match (lang, passed_over.is_empty()) {
        (Lang::Zh, true) => {
            format!("未保存的文字已写入恢复文件 {path}；用 ziping recover 或重新打开文件即可恢复")
        }
        (Lang::Zh, false) => format!(
            "未保存的文字已写入恢复文件 {path}（通常的位置不能用：{passed_over}）；用 ziping recover 或重新打开文件即可恢复"
        ),
        (Lang::En, true) => format!(
            "the unsaved text is in the recovery copy {path}; ziping recover, or opening the file again, restores it"
        ),
        (Lang::En, false) => format!(
            "the unsaved text is in the recovery copy {path} (the usual place could not take it: {passed_over}); ziping recover, or opening the file again, restores it"
        ),
    }
}

/// On leaving abnormally, no place took the unsaved text.
pub fn unsaved_text_lost(failure: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未保存的文字没能写到任何地方，这些修改已丢失：{failure}"),
        Lang::En => {
            format!("the unsaved text could not be written anywhere and is lost: {failure}")
        }
    }
}

/// `row` counts from 1, as the writer sees the rows.
pub fn row_deleted(row: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已删除第{row}行（Ctrl-Z 可撤销）"),
        Lang::En => format!("Deleted row {row} (Ctrl-Z undoes)"),
    }
}

pub const NOT_SAVED_CHANGED_ON_DISK: Text = Text {
    zh: "未保存：磁盘上的文件保持原样，你的文字仍在",
    en: "Not saved: the file is left as it is, your text is still here",
};

pub const RELOADED: Text = Text {
    zh: "已重新载入磁盘上的文件",
    en: "Reloaded the file from disk",
};

/// Saved over another program's change to `name`, kept as `backup`.
pub fn overwritten(name: &str, theirs: &Path, lang: Lang) -> String {
    let theirs = theirs
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match lang {
        Lang::Zh => format!("已覆盖保存到 {name}；被覆盖的版本另存为 {theirs}，以后保存不会动它"),
        Lang::En => format!(
            "Saved over {name}; the version replaced is kept as {theirs}, which later saves leave alone"
        ),
    }
}

/// Reloaded from disk; the session's unsaved text went to `copy`.
pub fn reloaded_text_kept(copy: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "已重新载入磁盘上的文件；你的文字已存入恢复副本 {}，可用 ziping recover 或下次打开时恢复",
            copy.display()
        ),
        Lang::En => format!(
            "Reloaded from disk; your text is in the recovery copy {} (ziping recover, or reopening, restores it)",
            copy.display()
        ),
    }
}

/// Reading the file again, or setting the text aside first, failed.
pub fn reload_failed(error: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未能重新载入：{error}；你的文字仍在"),
        Lang::En => format!("Could not reload: {error}; your text is still here"),
    }
}

/// After the command that removes typed list numbers: how many items had
/// one (`None`: the field is not a numbered list), and the key that undoes.
pub fn list_numbers_stripped(count: Option<usize>, undo: &str, lang: Lang) -> String {
    match (count, lang) {
        (None, Lang::Zh) => "此命令用于编号列表：删除条目开头手输的编号".into(),
        (None, Lang::En) => "This is for numbered lists: it removes typed item numbers".into(),
        (Some(0), Lang::Zh) => "没有条目以手输的编号开头".into(),
        (Some(0), Lang::En) => "No item starts with a typed number".into(),
        (Some(n), Lang::Zh) => format!("已删除{n}条开头手输的编号（{undo} 可撤销）"),
        (Some(n), Lang::En) => format!("Removed the typed numbers of {n} items ({undo} undoes)"),
    }
}

/// After the editor's title key: the title pattern now in force, lines
/// separated by ` | `, and whether it is the report's own.
pub fn title_reworded(title: &str, own: bool, lang: Lang) -> String {
    match (lang, own) {
        (Lang::Zh, true) => format!("报告标题格式改为“{title}”（仅本报告）"),
        (Lang::Zh, false) => format!("报告标题格式恢复为模板的“{title}”"),
        (Lang::En, true) => format!("Title pattern now \u{201c}{title}\u{201d} (this report only)"),
        (Lang::En, false) => {
            format!("Title pattern back to the template's \u{201c}{title}\u{201d}")
        }
    }
}

/// After the editor's heading key: the heading now printed, and whether it
/// is the report's own wording or the template's again.
pub fn heading_reworded(heading: &str, own: bool, lang: Lang) -> String {
    match (lang, own) {
        (Lang::Zh, true) => format!("本节标题改为“{heading}”（仅本报告）"),
        (Lang::Zh, false) => format!("本节标题恢复为模板的“{heading}”"),
        (Lang::En, true) => format!("Heading now \u{201c}{heading}\u{201d} (this report only)"),
        (Lang::En, false) => format!("Heading back to the template's \u{201c}{heading}\u{201d}"),
    }
}

pub const NO_PROBLEMS: Text = Text {
    zh: "没有错误或警告",
    en: "No errors or warnings",
};

/// Where F8 went: the `at`-th of `of` problems (errors and warnings).
pub fn problem_of(at: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {at}/{of} 个问题"),
        Lang::En => format!("Problem {at} of {of}"),
    }
}

/// `config.json` has keys this version does not know: they are passed over
/// and the rest applies. Chinese only, as every config message: the file
/// itself may be what says the language.
pub fn unknown_config_keys(path: &Path, keys: &[String]) -> String {
    let keys: Vec<String> = keys.iter().map(|k| format!("“{k}”")).collect();
    format!(
        "{}：不认识的设置 {}，已忽略（可能是新版本的设置或拼写有误；可用的设置见 docs/config.md），其余设置照常使用",
        path.display(),
        keys.join("、")
    )
}

/// `TERM` names a terminal without cursor addressing: the full-screen
/// editor cannot run, the commands can.
pub fn no_full_screen(term: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("终端不支持全屏界面（TERM={term}）；请用 ziping check / export / set"),
        Lang::En => format!(
            "This terminal cannot show the full-screen editor (TERM={term}); use ziping check / export / set"
        ),
    }
}
