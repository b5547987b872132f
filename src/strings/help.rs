//! The command line's own help (`--help`, the man page, the descriptions in
//! shell completions) and the argument errors clap reports, in both
//! languages. clap has no translations: `cli/help.rs` puts these texts
//! into the command it builds, and words clap's errors through here by
//! their kind.

use crate::lang::{Lang, Text};

/// What ziping is, at the top of `--help` and in the man page's NAME.
pub const ABOUT: Text = Text {
    zh: "自评：在终端里撰写部门整体支出绩效自评报告",
    en: "Draft Chinese government performance self-evaluation reports in the terminal",
};

/// clap's headings, in Chinese; English keeps clap's own words.
pub const USAGE_HEADING: &str = "用法：";
pub const COMMANDS_HEADING: &str = "命令";
pub const ARGUMENTS_HEADING: &str = "参数";
pub const OPTIONS_HEADING: &str = "选项";

pub const HELP_FLAG: Text = Text {
    zh: "显示帮助",
    en: "Print help",
};
pub const VERSION_FLAG: Text = Text {
    zh: "显示版本号",
    en: "Print version",
};

/// Each subcommand's one-line description, by its name.
pub const SUBCOMMANDS: &[(&str, Text)] = &[
    (
        "new",
        Text {
            zh: "用模板新建一个项目文件（不会覆盖已有文件）",
            en: "Create a new project file from a template (never overwrites)",
        },
    ),
    (
        "export",
        Text {
            zh: "导出报告：纯文本、Word 文档（--format docx）或 Markdown（md）",
            en: "Export the report: plain text, a Word document (--format docx) or Markdown (md)",
        },
    ),
    (
        "check",
        Text {
            zh: "列出所有问题；有错误时退出码为 1，只有警告时为 0",
            en: "List every problem; exit 1 if there are errors, 0 if only warnings",
        },
    ),
    (
        "templates",
        Text {
            zh: "列出内置和用户模板（有用户模板不能用时退出码为 2），检查一个模板文件，或显示一个模板",
            en: "List built-in and user templates (exit 2 if a user template cannot be used), check one file, or show one template",
        },
    ),
    (
        "recover",
        Text {
            zh: "不打开编辑器，从最新的恢复副本恢复未保存的文字",
            en: "Restore unsaved text from the newest recovery copy, without the editor",
        },
    ),
    (
        "set",
        Text {
            zh: "设置字段或表格格子（set 文件 路径 值 [路径 值…]），删除或移动行；路径见 ziping fields，值与编辑器中一样检查，按给出的顺序执行，有一项被拒绝就什么也不写",
            en: "Set fields or table cells (set FILE PATH VALUE [PATH VALUE…]) and delete or move rows; paths are listed by ziping fields, values are checked as in the editor, everything is done in the order given, and nothing is written if anything is refused",
        },
    ),
    (
        "add",
        Text {
            zh: "在 SECTION 之后再添加一个重复章节（如单位报告中的一个项目），输出新章节的 id",
            en: "Add one more of a repeated section (a project of a unit's report) after SECTION; prints the new section's id",
        },
    ),
    (
        "remove",
        Text {
            zh: "删除一个添加的重复章节；其中有文字时拒绝，除非加 --force",
            en: "Remove an added instance of a repeated section; refused while it holds text, unless --force",
        },
    ),
    (
        "fields",
        Text {
            zh: "列出项目的所有字段及其当前的值",
            en: "List the fields of a project with their current values",
        },
    ),
    (
        "import",
        Text {
            zh: "从去年的报告开始：把 .docx、.txt 或 .md 读进一个新项目（-o，决不覆盖），并说明各段落放到了哪里",
            en: "Start from last year's report: read a .docx, .txt or .md into a new project (-o, never overwritten) and say what went where",
        },
    ),
    (
        "roll",
        Text {
            zh: "用去年的项目开始新的一年：设好年度，清空日期和当年的数字（保存在 previous 中），文字保留并标为“沿用去年”；写到 -o，决不覆盖",
            en: "Start a new year from last year's project: year set, dates and the year's figures cleared (kept under previous), text kept and marked as carried over; written to -o, never overwritten",
        },
    ),
    (
        "figures",
        Text {
            zh: "列出报告正文中的所有数字（章节、字段、位置、单位、所在分句）及其与表格的核对",
            en: "List every figure in the report's prose (section, field, position, unit, clause) and what it is checked against in the tables",
        },
    ),
    (
        "completions",
        Text {
            zh: "输出 shell 补全脚本（bash、zsh、fish…），安装方法见 README",
            en: "Print a shell completion script (bash, zsh, fish…); README says how to install it",
        },
    ),
    (
        "man",
        Text {
            zh: "输出 man 手册页（roff 格式）",
            en: "Print the man page (roff)",
        },
    ),
];

/// Each argument's help, by subcommand name ("" for the editor's own) and
/// the argument's id.
pub const ARGUMENTS: &[(&str, &str, Text)] = &[
    (
        "",
        "file",
        Text {
            zh: "在编辑器中打开的项目文件（不给则显示开始界面）",
            en: "Project file to open in the editor (none: the start screen)",
        },
    ),
    (
        "",
        "theme",
        Text {
            zh: "配色：dark、light、high-contrast、mono，或 <配置目录>/themes/ 中的文件名",
            en: "Theme: dark, light, high-contrast, mono, or a file in <config>/themes/",
        },
    ),
    (
        "",
        "lang",
        Text {
            zh: "提示语言：zh 或 en（默认中文，除非 config.json、LANGUAGE、LC_ALL 或 LC_MESSAGES 要求英文；只设 LANG 不会切换）；放在子命令前后均可",
            en: "Language of messages: zh or en (default: Chinese unless config.json, LANGUAGE, LC_ALL or LC_MESSAGES ask for English; LANG alone does not); before or after a subcommand",
        },
    ),
    (
        "new",
        "file",
        Text {
            zh: "要新建的项目文件",
            en: "The project file to create",
        },
    ),
    (
        "new",
        "template",
        Text {
            zh: "模板 id（见 ziping templates）",
            en: "Template id (see ziping templates)",
        },
    ),
    (
        "export",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "export",
        "format",
        Text {
            zh: "格式：text 纯文本，docx 按 GB/T 9704-2012 排版的 Word 文档，md Markdown",
            en: "Format: text, docx (a Word document in the layout of GB/T 9704-2012), md (Markdown)",
        },
    ),
    (
        "export",
        "wrap",
        Text {
            zh: "按 N 个显示列硬换行（一个汉字算 2 列；只用于纯文本）",
            en: "Hard-wrap lines at N display columns (a Chinese character counts 2; plain text only)",
        },
    ),
    (
        "export",
        "output",
        Text {
            zh: "写入 OUT，而不是标准输出",
            en: "Write to OUT instead of standard output",
        },
    ),
    (
        "export",
        "encoding",
        Text {
            zh: "纯文本的字符编码：utf-8、utf-8-bom 或 gb18030（较旧 Windows 的记事本读这种）",
            en: "Character encoding of the plain text: utf-8, utf-8-bom or gb18030 (what Notepad on older Windows reads)",
        },
    ),
    (
        "export",
        "crlf",
        Text {
            zh: "纯文本以 CR LF 换行（Windows）",
            en: "End the plain text's lines with CR LF (Windows)",
        },
    ),
    (
        "export",
        "style",
        Text {
            zh: "Word 文档的排版样式：gbt9704（默认）、common-fonts，或配置目录 styles/ 下的 NAME.json（仅用于 docx）",
            en: "The Word document's print style: gbt9704 (the default), common-fonts, or NAME.json in the config directory's styles/ (docx only)",
        },
    ),
    (
        "check",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "check",
        "format",
        Text {
            zh: "输出格式",
            en: "Output format",
        },
    ),
    (
        "templates",
        "check",
        Text {
            zh: "检查一个模板文件：能用则输出一行说明（退出码 0），否则输出问题（退出码 2）",
            en: "Check one template file: a line saying it can be used (exit 0), or its problems (exit 2)",
        },
    ),
    (
        "templates",
        "show",
        Text {
            zh: "以 JSON 输出该 id 的模板（内置或用户的），与载入时一样",
            en: "Print the template with this id (built-in or user) as JSON, as it is loaded",
        },
    ),
    (
        "recover",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "recover",
        "output",
        Text {
            zh: "把恢复的项目写入 OUT，而不是覆盖 FILE",
            en: "Write the recovered project to OUT instead of over FILE",
        },
    ),
    (
        "recover",
        "from",
        Text {
            zh: "恢复这一份恢复副本（--list 列出的），而不是最新的一份",
            en: "Restore this recovery copy (one --list shows) instead of the newest",
        },
    ),
    (
        "recover",
        "list",
        Text {
            zh: "列出 FILE 的所有恢复副本（最新的在前），什么也不恢复",
            en: "List every recovery copy of FILE, newest first, and restore nothing",
        },
    ),
    (
        "recover",
        "force",
        Text {
            zh: "即使编辑器正打开该文件，或 COPY 属于另一个文件，也照样写入",
            en: "Write even though an editor has the file open, or COPY is another file's",
        },
    ),
    (
        "set",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "set",
        "pairs",
        Text {
            zh: "成对的路径和值，如 funding.total.budget 100",
            en: "PATH VALUE pairs, e.g. funding.total.budget 100",
        },
    ),
    (
        "set",
        "delete_row",
        Text {
            zh: "删除表格的一行，如 --delete-row indicators.3",
            en: "Delete a row of a table, e.g. --delete-row indicators.3",
        },
    ),
    (
        "set",
        "move_row",
        Text {
            zh: "把一行移到另一个位置，如 --move-row indicators.3 1",
            en: "Move a row to another place, e.g. --move-row indicators.3 1",
        },
    ),
    (
        "set",
        "force",
        Text {
            zh: "即使编辑器正打开该文件，也照样写入",
            en: "Write even though an editor has the file open",
        },
    ),
    (
        "add",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "add",
        "section",
        Text {
            zh: "在其后添加的重复章节（或它的任一实例），如 project；输出新章节的 id",
            en: "The repeated section (or any of its instances) to add one after, e.g. project; the new section's id is printed",
        },
    ),
    (
        "add",
        "force",
        Text {
            zh: "即使编辑器正打开该文件，也照样写入",
            en: "Write even though an editor has the file open",
        },
    ),
    (
        "remove",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "remove",
        "section",
        Text {
            zh: "要删除的添加章节，如 project_2",
            en: "The added instance to remove, e.g. project_2",
        },
    ),
    (
        "remove",
        "force",
        Text {
            zh: "即使其中有文字（随之删除），或编辑器正打开该文件，也照样删除",
            en: "Remove it even though it holds text (which goes with it), or an editor has the file open",
        },
    ),
    (
        "fields",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "fields",
        "format",
        Text {
            zh: "输出格式",
            en: "Output format",
        },
    ),
    (
        "import",
        "file",
        Text {
            zh: "要读入的报告：Word 文档（.docx）、纯文本（.txt，Windows 写出的任何编码）或 Markdown（.md）",
            en: "The report to read: a Word document (.docx), plain text (.txt, any encoding Windows writes) or Markdown (.md)",
        },
    ),
    (
        "import",
        "template",
        Text {
            zh: "模板 id（见 ziping templates）；不给时选标题与文档最相符的模板",
            en: "Template id (see ziping templates); without it, the template whose headings match the document best",
        },
    ),
    (
        "import",
        "output",
        Text {
            zh: "新的项目文件；决不覆盖",
            en: "The new project file; never overwritten",
        },
    ),
    (
        "roll",
        "file",
        Text {
            zh: "去年的项目；不会被改动",
            en: "Last year's project; never changed",
        },
    ),
    (
        "roll",
        "year",
        Text {
            zh: "新报告的年度，如 2024",
            en: "The new report's year, e.g. 2024",
        },
    ),
    (
        "roll",
        "output",
        Text {
            zh: "新的项目文件；决不覆盖",
            en: "The new project file; never overwritten",
        },
    ),
    (
        "figures",
        "file",
        Text {
            zh: "项目文件",
            en: "The project file",
        },
    ),
    (
        "figures",
        "format",
        Text {
            zh: "输出格式",
            en: "Output format",
        },
    ),
    (
        "completions",
        "shell",
        Text {
            zh: "哪种 shell：bash、zsh、fish、elvish 或 powershell",
            en: "Which shell: bash, zsh, fish, elvish or powershell",
        },
    ),
];

/// The subcommand's description, if it has one.
pub fn subcommand(name: &str) -> Option<Text> {
    SUBCOMMANDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The argument's help, if it has one.
pub fn argument(command: &str, id: &str) -> Option<Text> {
    ARGUMENTS
        .iter()
        .find(|(c, a, _)| *c == command && *a == id)
        .map(|(_, _, text)| *text)
}

/// What clap found wrong with the command line, worded by its kind — the
/// parts clap knows (the argument, the value, what was expected) filled in.
#[derive(Debug, Default)]
pub struct ArgProblem<'a> {
    pub arg: Option<&'a str>,
    pub value: Option<&'a str>,
    /// The values allowed, joined.
    pub valid: Option<&'a str>,
    /// What the user may have meant.
    pub suggested: Option<&'a str>,
    /// A validator's own message (it is worded in Chinese already).
    pub cause: Option<&'a str>,
}

/// The kinds of argument error users meet, in Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgErrorKind {
    UnknownArgument,
    UnknownSubcommand,
    InvalidValue,
    MissingRequired,
    MissingSubcommand,
    Conflict,
    WrongNumberOfValues,
    ValueValidation,
    InvalidUtf8,
}

/// The error's sentence in Chinese (English keeps clap's own).
pub fn arg_problem_zh(kind: ArgErrorKind, p: &ArgProblem) -> String {
    let arg = p.arg.unwrap_or("");
    let value = p.value.unwrap_or("");
    let mut line = match kind {
        ArgErrorKind::UnknownArgument => format!("无法识别的参数“{arg}”"),
        ArgErrorKind::UnknownSubcommand => format!("没有“{value}”这个子命令"),
        ArgErrorKind::InvalidValue if value.is_empty() => format!("{arg} 需要一个值"),
        ArgErrorKind::InvalidValue => format!("“{value}”不是 {arg} 可用的值"),
        ArgErrorKind::MissingRequired => format!("缺少必需的参数：{arg}"),
        ArgErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ArgErrorKind::Conflict => format!("参数 {arg} 不能与 {value} 同用"),
        ArgErrorKind::WrongNumberOfValues => format!("{arg} 的值的个数不对"),
        ArgErrorKind::ValueValidation => match p.cause {
            Some(cause) => format!("{arg} 的值“{value}”不可用：{cause}"),
            None => format!("{arg} 的值“{value}”不可用"),
        },
        ArgErrorKind::InvalidUtf8 => "参数中有不是 UTF-8 的字节".to_string(),
    };
    if let Some(valid) = p.valid {
        line.push_str(&format!("；可用的值：{valid}"));
    }
    if let Some(suggested) = p.suggested {
        line.push_str(&format!("；是不是想用“{suggested}”？"));
    }
    line
}

/// The lines after an argument error: the usage where clap gave one, and
/// where to read more.
pub fn arg_problem_footer(usage: &str, lang: Lang) -> String {
    let more = match lang {
        Lang::Zh => "详细说明请用 --help",
        Lang::En => "For more information, try '--help'.",
    };
    match (usage.is_empty(), lang) {
        (true, _) => more.to_string(),
        (false, Lang::Zh) => format!("{USAGE_HEADING}{usage}\n\n{more}"),
        (false, Lang::En) => format!("Usage: {usage}\n\n{more}"),
    }
}

/// `--wrap` below the narrowest width a line can be laid out in.
pub fn wrap_too_narrow(min: u16) -> String {
    format!("应为不小于 {min} 的整数（显示列数）")
}

/// FILE or `--theme` given with a subcommand, which would ignore it.
pub fn editor_only(arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{arg} 只用于打开编辑器，不能与子命令同用"),
        Lang::En => format!("{arg} only goes with the editor, not with a subcommand"),
    }
}

/// The values an argument takes, after its help (Chinese only: English
/// keeps clap's own words).
pub fn possible_values(values: &str) -> String {
    format!("（可选：{values}）")
}

/// An argument's default, after its help.
pub fn default_value(value: &str) -> String {
    format!("（默认：{value}）")
}

/// The word before an argument error.
pub const ERROR_LABEL: Text = Text {
    zh: "错误：",
    en: "error: ",
};
