//! The questions the dialogs ask and the words of their answers.

use std::path::Path;

use crate::lang::{Lang, Text};

pub const HELP_TITLE: Text = Text {
    zh: "按键帮助（Esc 关闭，上下键滚动）",
    en: "Keys (Esc closes, Up/Down scroll)",
};

pub const JUMP_TO: Text = Text {
    zh: "跳转到：",
    en: "Jump to: ",
};

pub const NOTHING_MATCHES: Text = Text {
    zh: "没有匹配的章节或字段",
    en: "Nothing matches",
};

pub const EXPORT_TO_PROMPT: Text = Text {
    zh: "导出到（.txt 纯文本，.docx Word，.md Markdown；Enter 确定，Esc 取消）：",
    en: "Export to (.txt text, .docx Word, .md Markdown; Enter/Esc):",
};

pub const IMPORT_FROM_PROMPT: Text = Text {
    zh: "要导入的报告（.docx、.txt 或 .md；Tab 补全文件名）：",
    en: "Report to import (.docx, .txt or .md; Tab completes):",
};

pub const ROLL_FROM_PROMPT: Text = Text {
    zh: "去年的项目文件（.json；Tab 补全文件名）：",
    en: "Last year's project file (.json; Tab completes):",
};

pub const TITLE_PROMPT: Text = Text {
    zh: "报告标题格式（{字段} 填入字段值，多行用 | 分隔，清空则用模板的）：",
    en: "Title pattern ({field} for a value, | between lines, empty: the template's):",
};

pub const HEADING_PROMPT: Text = Text {
    zh: "本节标题（清空则用模板的；Enter 确定，Esc 取消）：",
    en: "Section heading (empty: the template's; Enter/Esc):",
};

pub const SAVE_AS_PROMPT: Text = Text {
    zh: "另存为（Enter 确定，Esc 取消）：",
    en: "Save as (Enter/Esc):",
};

pub const NEW_FILE_PROMPT: Text = Text {
    zh: "新项目文件名（Enter 确定，Esc 取消）：",
    en: "New project file (Enter/Esc):",
};

pub const UNSAVED_CHANGES: Text = Text {
    zh: "有未保存的修改。要保存吗？",
    en: "There are unsaved changes. Save them?",
};

pub const KEY_SAVE_AND_QUIT: Text = Text {
    zh: "保存并退出",
    en: "save and quit",
};

pub const KEY_QUIT_WITHOUT_SAVING: Text = Text {
    zh: "不保存退出",
    en: "quit without saving",
};

pub const KEY_CANCEL: Text = Text {
    zh: "取消",
    en: "cancel",
};

pub const OPEN_ELSEWHERE: Text = Text {
    zh: "此文件正在另一处编辑：",
    en: "This file is open elsewhere:",
};

pub const KEY_READ_ONLY: Text = Text {
    zh: "只读打开",
    en: "read-only",
};

pub const KEY_TAKE_OVER: Text = Text {
    zh: "接管",
    en: "take over",
};

/// Before the project file's text when comparing it with the copy.
pub const FILE_TAG: Text = Text {
    zh: "  文件：",
    en: "  file: ",
};

/// Before the recovery copy's text when comparing.
pub const COPY_TAG: Text = Text {
    zh: "  副本：",
    en: "  copy: ",
};

pub const KEY_RESTORE: Text = Text {
    zh: "恢复",
    en: "restore",
};

pub const KEY_COMPARE: Text = Text {
    zh: "比较",
    en: "compare",
};

pub const KEY_DISCARD: Text = Text {
    zh: "丢弃",
    en: "discard",
};

pub const KEY_LATER: Text = Text {
    zh: "稍后再说",
    en: "later",
};

pub const NEWER_TEMPLATE: Text = Text {
    zh: "模板有新版本：",
    en: "A newer template is available:",
};

pub const KEY_UPGRADE: Text = Text {
    zh: "升级",
    en: "upgrade",
};

pub const KEY_KEEP_OLD: Text = Text {
    zh: "仍用旧版",
    en: "keep old",
};

pub const KEY_SCROLL: Text = Text {
    zh: "滚动",
    en: "scroll",
};

/// Where the copy the recovery dialog offers is.
pub fn recovery_copy_at(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("恢复副本位置：{}", path.display()),
        Lang::En => format!("Copy at {}", path.display()),
    }
}

/// Below the offered copy: `count` older ones with other text.
pub fn other_recovery_copies(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            format!("另有 {count} 份较旧的恢复副本，保留不动；ziping recover 文件 --list 列出它们")
        }
        Lang::En => format!(
            "{count} older recovery copies stay as they are; ziping recover FILE --list lists them"
        ),
    }
}

/// The recovery dialog's heading; `written` is when the copy was made.
pub fn recovery_found(written: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("发现未保存的恢复副本，写于 {written}"),
        Lang::En => format!("Unsaved recovery copy from {written}"),
    }
}

pub const FILE_CHANGED_ON_DISK: Text = Text {
    zh: "文件已被其他程序修改",
    en: "The file was changed by another program",
};

pub const FILE_GONE_FROM_DISK: Text = Text {
    zh: "文件已被删除或改名",
    en: "The file was deleted or renamed",
};

pub const KEY_OVERWRITE_CHANGED: Text = Text {
    zh: "覆盖：写入你的文字，被覆盖的版本另存为 .theirs-N.bak",
    en: "overwrite: write your text; the version replaced is kept as .theirs-N.bak",
};

pub const KEY_OVERWRITE_GONE: Text = Text {
    zh: "覆盖：在原位置写一个新文件",
    en: "overwrite: write a new file at this path",
};

pub const KEY_RELOAD_FROM_DISK: Text = Text {
    zh: "重新载入：显示磁盘上的版本，你的文字存入恢复副本",
    en: "reload: show the file as it is now; your text goes to the recovery copy",
};

pub const KEY_SAVE_ELSEWHERE: Text = Text {
    zh: "另存为：把你的文字写到另一个文件",
    en: "save as: write your text to another file",
};

pub const KEY_CANCEL_WRITE_NOTHING: Text = Text {
    zh: "取消：什么也不写",
    en: "cancel: nothing is written",
};

/// Before the problems list's filter.
pub const PROBLEMS_FILTER: Text = Text {
    zh: "问题（输入筛选）：",
    en: "Problems (type to filter): ",
};

pub const NO_MATCHING_PROBLEMS: Text = Text {
    zh: "没有匹配的问题",
    en: "No problem matches",
};

/// Before the figures panel's filter.
pub const FIGURES_FILTER: Text = Text {
    zh: "本节数字（输入筛选）：",
    en: "Figures here (type to filter): ",
};

pub const NO_MATCHING_FIGURES: Text = Text {
    zh: "本节正文中没有匹配的数字",
    en: "No figure in this section's text matches",
};
