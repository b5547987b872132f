//! What the screens show around the template's own text: the start screen,
//! the page, the tables, the sidebar, the status line and its key hints.

use std::path::Path;

use crate::lang::{Lang, Text};

pub const WINDOW_TOO_SMALL: Text = Text {
    zh: "窗口太小",
    en: "Window too small",
};

pub const START_TITLE: Text = Text {
    zh: "自评 ziping：绩效自评报告编写工具",
    en: "ziping: performance self-evaluation reports",
};

pub const START_HINT: Text = Text {
    zh: "用上下方向键选择，Enter 确定",
    en: "Choose with Up/Down, Enter to confirm",
};

pub const IMPORT_CHOICE: Text = Text {
    zh: "从已有报告导入（去年的 .docx、.txt、.md）",
    en: "Import an existing report (last year's .docx, .txt, .md)",
};

pub const ROLL_CHOICE: Text = Text {
    zh: "用去年的项目开始（ziping 项目文件，年度加一）",
    en: "Start from last year's project (a ziping project, one year on)",
};

pub const OPEN_SAMPLE: Text = Text {
    zh: "打开示例报告（常宁市委组织部2022年度）",
    en: "Open the sample report",
};

pub const NO_FIELDS: Text = Text {
    zh: "此模板没有可填写的字段",
    en: "This template has no fields",
};

pub const OPTIONAL_SECTION: Text = Text {
    zh: "（可选章节：未填写时不导出）",
    en: "(optional: left out of the export while empty)",
};

/// The next-option key pressed outside a choice field.
pub const KEPT_LAST_YEAR: Text = Text {
    zh: "已确认沿用去年的文字，“沿用去年”标记已去掉",
    en: "Confirmed: last year's text stays, and its mark is gone",
};

pub const NOT_CARRIED: Text = Text {
    zh: "这个字段没有“沿用去年”标记（修改过或不是去年的文字）",
    en: "This field has no kept-from-last-year mark (edited, or not last year's text)",
};

pub const NOT_A_CHOICE: Text = Text {
    zh: "这里不是选项字段：下一个选项键只用于有选项的字段",
    en: "Not a choice field: the next-option key works in fields with options",
};

/// Before a focused choice field's check boxes: what the key does.
pub fn options_row(boxes: &str, key: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{boxes}（{key} 换选项）"),
        Lang::En => format!("{boxes} ({key}: next option)"),
    }
}

/// A field or table with nothing written in it yet.
pub const EMPTY: Text = Text {
    zh: "（未填写）",
    en: "(empty)",
};

/// The heading of a table's row-number column.
pub const ROW_NUMBER: Text = Text {
    zh: "序号",
    en: "No.",
};

pub const MODIFIED: Text = Text {
    zh: "[已修改]",
    en: "[modified]",
};

pub const SAVED: Text = Text {
    zh: "[已保存]",
    en: "[saved]",
};

// The words beside a key in a hint line, lower case in English because they
// follow the key: `Ctrl-S save`.

pub const KEY_HELP: Text = Text {
    zh: "帮助",
    en: "help",
};

pub const KEY_SAVE: Text = Text {
    zh: "保存",
    en: "save",
};

pub const KEY_QUIT: Text = Text {
    zh: "退出",
    en: "quit",
};

/// Confirming the start screen's choice opens (or creates) a project.
pub const KEY_OPEN: Text = Text {
    zh: "确定",
    en: "open",
};

/// The start screen's choice of a new project from `template`.
pub fn new_from(template: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("新建：{template}"),
        Lang::En => format!("New: {template}"),
    }
}

/// The start screen's choice of a recent file.
pub fn open_recent(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("打开：{}", path.display()),
        Lang::En => format!("Open: {}", path.display()),
    }
}

/// A field's length against its limit: `120/500字`.
pub fn length_of_max(count: usize, max: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{count}/{max}字"),
        Lang::En => format!("{count}/{max}"),
    }
}

/// A prose field's length when it has no limit: `120字`.
pub fn length(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{count}字"),
        Lang::En => format!("{count} chars"),
    }
}

/// The status line's counts: this field's characters, then the report's.
pub fn field_and_total(field: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("本项{field}字 全文{total}字"),
        Lang::En => format!("field {field} total {total}"),
    }
}

/// The sidebar's footer: sections complete of those with fields.
pub fn sections_done(complete: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("完成 {complete}/{of}"),
        Lang::En => format!("Done {complete}/{of}"),
    }
}

/// An empty table in focus, `keys` being those that add a row.
pub fn no_rows_yet(keys: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（还没有行，按 {keys} 添加一行）"),
        Lang::En => format!("(no rows yet: {keys} adds one)"),
    }
}

/// Under a table while one of its cells is being edited, before what is
/// said about the cell: table keys (Ctrl-D …) wait until the edit ends.
pub fn editing_cell(confirm: &str, cancel: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("✎ 正在编辑（{confirm} 确定，{cancel} 取消）"),
        Lang::En => format!("✎ Editing ({confirm} keeps, {cancel} cancels)"),
    }
}

/// After the first of a cell's findings: how many more there are.
pub fn more_findings(more: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（另有{more}项）"),
        Lang::En => format!(" ({more} more)"),
    }
}

/// A pasted block wider than the columns from the focused one to the last.
pub fn paste_too_wide(wide: usize, room: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("粘贴的内容有{wide}列，从当前格子往右只有{room}列；未粘贴"),
        Lang::En => format!(
            "The pasted block is {wide} columns wide, but only {room} are left from this cell: nothing pasted"
        ),
    }
}

/// A pasted block longer than a table with fixed rows has rows below.
pub fn paste_too_long(long: usize, room: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("粘贴的内容有{long}行，此表行数固定，从当前行往下只有{room}行；未粘贴"),
        Lang::En => format!(
            "The pasted block has {long} rows, but this table's rows are fixed and only {room} are left from this row: nothing pasted"
        ),
    }
}

/// A pasted value for a computed cell that is not the one computed.
pub fn paste_differs(row: &str, column: &str, pasted: &str, computed: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{row} › {column} 由公式计算为 {computed}，粘贴的是 {pasted}；未粘贴，请核对复制的表格"
        ),
        Lang::En => format!(
            "{row} › {column} is computed as {computed}, but the paste has {pasted}: nothing pasted; check the copied sheet"
        ),
    }
}

/// After a block of cells went in.
pub fn pasted_cells(cells: usize, added: usize, lang: Lang) -> String {
    match (lang, added) {
        (Lang::Zh, 0) => format!("已粘贴{cells}格"),
        (Lang::Zh, n) => format!("已粘贴{cells}格，新增{n}行"),
        (Lang::En, 0) => format!("Pasted {cells} cells"),
        (Lang::En, n) => format!("Pasted {cells} cells, {n} rows added"),
    }
}
