//! Everything the user can ask for, declared once: each command's config
//! name, its help text and its default keys by context. The table below
//! generates one enum per kind of command, so every handler matches its
//! kind exhaustively and a new command cannot be forgotten by one of them;
//! the key table, the help screen and `config.json` names all come from it.

use crate::model::finding::FindingKind;

/// Where a key is looked up: dialogs take keys before the page does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Anywhere while a project is open.
    Global,
    /// Inside a text field.
    Editor,
    /// In a table, moving between cells.
    Grid,
    /// Editing one cell of a table.
    Cell,
    /// The jump list (Ctrl-G).
    Jump,
    /// The problems list (F7).
    Problems,
    /// The figures panel (F6).
    Figures,
    /// Lists on the start screen and in pickers.
    Picker,
    /// The help screen.
    HelpScreen,
    /// The question asked when quitting with unsaved changes.
    Unsaved,
    /// A one-line question such as the export path.
    Prompt,
    /// The file is open in another ziping.
    Locked,
    /// A recovery copy with unsaved text was found.
    Recover,
    /// The project's template has a newer version.
    Upgrade,
    /// Saving found the file changed (or removed) by another program.
    Changed,
    /// The find prompt (Ctrl-F, Ctrl-R).
    Find,
}

impl Context {
    /// In the order the help screen lists them.
    pub const ALL: [Context; 16] = [
        Context::Global,
        Context::Editor,
        Context::Grid,
        Context::Cell,
        Context::Jump,
        Context::Problems,
        Context::Figures,
        Context::Picker,
        Context::Prompt,
        Context::Find,
        Context::Unsaved,
        Context::Locked,
        Context::Recover,
        Context::Upgrade,
        Context::Changed,
        Context::HelpScreen,
    ];

    /// The heading of this context's part of the help screen.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Context::Global => ("通用", "Anywhere"),
            Context::Editor => ("编辑文字", "Editing text"),
            Context::Grid => ("表格（在格子间移动）", "Tables (moving between cells)"),
            Context::Cell => ("编辑表格的格子", "Editing a table cell"),
            Context::Jump => ("跳转列表（直接输入文字筛选）", "Jump list (type to filter)"),
            Context::Problems => (
                "问题列表（直接输入文字筛选）",
                "List of problems (type to filter)",
            ),
            Context::Figures => (
                "本节数字面板（直接输入文字筛选）",
                "Figures of this section (type to filter)",
            ),
            Context::Picker => ("开始界面", "Start screen"),
            Context::Prompt => ("输入框", "Prompts"),
            Context::Unsaved => ("退出前询问", "Unsaved changes on quit"),
            Context::Locked => ("文件已被他人打开", "File open elsewhere"),
            Context::Recover => ("发现恢复副本", "Recovery copy found"),
            Context::Upgrade => ("模板有新版本", "Newer template available"),
            Context::Changed => ("文件已被其他程序修改", "File changed by another program"),
            Context::HelpScreen => ("帮助界面", "This help"),
            Context::Find => ("查找与替换", "Find and replace"),
        }
    }
}

/// The heading of help's clipboard group and the commands it lists (each
/// listed there instead of under its own context): every copy also goes to
/// the terminal's clipboard.
pub const CLIPBOARD_HEADING: (&str, &str) = (
    "剪贴板（复制的同时经 OSC 52 发送到终端剪贴板）",
    "Clipboard (copies also go to the terminal's clipboard, by OSC 52)",
);
pub const CLIPBOARD: [Command; 5] = [
    Command::Text(TextCmd::Copy),
    Command::Text(TextCmd::Cut),
    Command::Text(TextCmd::Paste),
    Command::Global(GlobalCmd::CopyField),
    Command::Global(GlobalCmd::CopyReport),
];

/// What a command may do, where that matters beyond its handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nature {
    /// Moves, shows or saves; allowed in a read-only session.
    Plain,
    /// Changes the text of a field: refused in a read-only session.
    Edits,
}

/// Generates the command enums from the table: for each kind its wrapper
/// in [`Command`], and for each command its config name, nature, help text
/// and default keys per context.
macro_rules! commands {
    ($(
        $(#[$doc:meta])*
        $wrap:ident($kind:ident) {
            $(
                $variant:ident $name:literal $nature:ident $help:tt
                    $( $ctx:ident [$($key:literal),*] )*;
            )*
        }
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum $kind { $( $variant, )* }

            impl $kind {
                pub const ALL: &'static [$kind] = &[$($kind::$variant),*];

                /// The name used in the config file's `keys` table.
                pub fn name(self) -> &'static str {
                    match self { $($kind::$variant => $name,)* }
                }

                /// What it does, for the help screen: (Chinese, English).
                pub fn describe(self) -> (&'static str, &'static str) {
                    match self { $($kind::$variant => $help,)* }
                }

                pub fn nature(self) -> Nature {
                    match self { $($kind::$variant => Nature::$nature,)* }
                }

                /// The default keys, by context.
                fn defaults(self) -> &'static [(Context, &'static [&'static str])] {
                    match self { $($kind::$variant => &[$((Context::$ctx, &[$($key),*])),*],)* }
                }
            }

            impl From<$kind> for Command {
                fn from(command: $kind) -> Command {
                    Command::$wrap(command)
                }
            }
        )*

        /// Any command; what the key table maps keys to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command { $( $wrap($kind), )* }

        impl Command {
            /// Every command, in the order of the table.
            pub fn all() -> impl Iterator<Item = Command> {
                std::iter::empty()
                    $(.chain($kind::ALL.iter().map(|c| Command::$wrap(*c))))*
            }

            pub fn name(self) -> &'static str {
                match self { $(Command::$wrap(c) => c.name(),)* }
            }

            pub fn describe(self) -> (&'static str, &'static str) {
                match self { $(Command::$wrap(c) => c.describe(),)* }
            }

            pub fn nature(self) -> Nature {
                match self { $(Command::$wrap(c) => c.nature(),)* }
            }

            fn defaults(self) -> &'static [(Context, &'static [&'static str])] {
                match self { $(Command::$wrap(c) => c.defaults(),)* }
            }
        }
    };
}

// Help shared by commands of one name in several kinds: (Chinese, English).
type Text = (&'static str, &'static str);
const NEXT_CELL: Text = (
    "下一格（最后一格之后进入下一个字段）",
    "Next cell (after the last: next field)",
);
const PREV_CELL: Text = (
    "上一格（第一格之前回到上一个字段）",
    "Previous cell (before the first: previous field)",
);
const CELL_UP: Text = ("上一行的格子", "Cell above");
const CELL_DOWN: Text = ("下一行的格子", "Cell below");
const CONFIRM: Text = ("确定", "Confirm");
const CANCEL: Text = ("取消/关闭", "Cancel/close");
const UNDO: Text = ("撤销", "Undo");
const REDO: Text = ("重做", "Redo");
const FIND_NEXT: Text = ("查找下一个", "Find next");
const FIND_PREV: Text = ("查找上一个", "Find previous");

commands! {
    /// Anywhere while a project is open; pressed while a table cell is being
    /// edited, the cell is committed first.
    Global(GlobalCmd) {
        Help "help" Plain ("显示/关闭帮助", "Show/close this help") Global["f1"];
        Save "save" Plain ("保存", "Save") Global["ctrl-s"];
        SaveAs "save_as" Plain ("另存为", "Save as") Global["alt-s", "f12"];
        Quit "quit" Plain (
            "退出（有未保存修改时会询问）",
            "Quit (asks if there are unsaved changes)"
        ) Global["ctrl-q"];
        NextField "next_field" Plain (
            "下一个字段（到末尾进入下一节）",
            "Next field (then the next section)"
        ) Global["tab"];
        PrevField "prev_field" Plain ("上一个字段", "Previous field") Global["shift-tab"];
        NextSection "next_section" Plain ("下一节", "Next section") Global["pagedown", "alt-down"];
        PrevSection "prev_section" Plain ("上一节", "Previous section") Global["pageup", "alt-up"];
        JumpList "jump_list" Plain (
            "跳转到章节或字段（输入筛选）",
            "Jump to a section or field (type to filter)"
        ) Global["ctrl-g"];
        Export "export" Plain (
            "导出报告（文件名 .txt 纯文本、.docx Word、.md Markdown）",
            "Export the report (name it .txt, .docx or .md)"
        ) Global["ctrl-e"];
        ExternalEditor "external_editor" Edits (
            "用 $VISUAL/$EDITOR 编辑当前字段",
            "Edit this field in $VISUAL/$EDITOR"
        ) Global["ctrl-o"];
        // The report's own words for a heading (部门基本情况 for 基本情况),
        // kept in the project rather than in a new template.
        RenameHeading "rename_heading" Edits (
            "改写本节标题（清空恢复模板的标题）",
            "Reword this section's heading (empty: the template's)"
        ) Global["f4"];
        // F14 is what PuTTY and the Linux console send for Shift-F4 (as F13
        // for Shift-F3).
        RenameTitle "rename_title" Edits (
            "改写报告标题格式（多行用 | 分隔，清空恢复模板的）",
            "Reword the report's title pattern (| between lines; empty: the template's)"
        ) Global["shift-f4", "f14"];
        // One more (or one fewer) of a repeated section, such as a project.
        AddInstance "add_instance" Edits ("在本节之后再添加一个同类章节（如项目）",
            "Add another section like this one (a project) after it") Global["f9"];
        RemoveInstance "remove_instance" Edits ("删除本节这个添加的章节（只在尚未填写时）",
            "Remove this added section (only while it is empty)") Global["shift-f9"];
        ToggleSidebar "toggle_sidebar" Plain ("显示/隐藏目录", "Show/hide the outline") Global["f2"];
        Redraw "redraw" Plain ("重绘屏幕", "Redraw the screen") Global["ctrl-l"];
        // F15 is what PuTTY and the Linux console send for Shift-F8.
        NextProblem "next_problem" Plain ("下一个问题", "Next problem") Global["f8"];
        PrevProblem "prev_problem" Plain ("上一个问题", "Previous problem")
            Global["shift-f8", "f15"];
        Problems "problems" Plain (
            "问题列表（与 ziping check 所列相同，含提示）",
            "List of problems (as ziping check lists them, notices too)"
        ) Global["f7"];
        Find "find" Plain (
            "查找（全角半角、英文大小写视为相同）",
            "Find (full-width and half-width, upper and lower case alike)"
        ) Global["ctrl-f"];
        FindNext "find_next" Plain FIND_NEXT Global["f3"];
        // F13 is what PuTTY and the Linux console send for Shift-F3.
        FindPrev "find_prev" Plain FIND_PREV Global["shift-f3", "f13"];
        Replace "replace" Edits ("替换", "Replace") Global["ctrl-r"];
        CopyField "copy_field" Plain (
            "复制当前字段（表格：各行以制表符分隔）",
            "Copy this field (a table: its rows, tab-separated)"
        ) Global["alt-c"];
        CopyReport "copy_report" Plain (
            "复制整份报告（导出的纯文本）",
            "Copy the whole report (the exported plain text)"
        ) Global["f5"];
        Figures "figures" Plain (
            "本节数字面板：正文中的每个数字及其上下文、与表格的核对，回车跳到该处",
            "This section's figures: each with its context and how it checks against the tables; Enter goes there"
        ) Global["f6"];
        // `ziping roll` keeps last year's paragraphs marked until edited;
        // one that stays as it was is confirmed with this key.
        KeepLastYear "keep_last_year" Edits (
            "确认沿用去年的文字不变（去掉“沿用去年”标记）",
            "Confirm that text kept from last year stays unchanged (drops its mark)"
        ) Global["alt-y"];
    }

    /// Editing a text area: a field, a table cell, the jump filter, a prompt.
    Text(TextCmd) {
        Left "left" Plain ("光标左移", "Cursor left") Editor["left"];
        Right "right" Plain ("光标右移", "Cursor right") Editor["right"];
        Up "up" Plain ("上移一行（按屏幕行）", "Up one screen row") Editor["up"];
        Down "down" Plain ("下移一行（按屏幕行）", "Down one screen row") Editor["down"];
        WordLeft "word_left" Plain ("左移一个词", "Word left") Editor["ctrl-left", "alt-left"];
        WordRight "word_right" Plain ("右移一个词", "Word right")
            Editor["ctrl-right", "alt-right"];
        LineStart "line_start" Plain ("到行首", "Start of line") Editor["home"];
        LineEnd "line_end" Plain ("到行尾", "End of line") Editor["end"];
        TextStart "text_start" Plain ("到字段开头", "Start of field") Editor["ctrl-home"];
        TextEnd "text_end" Plain ("到字段末尾", "End of field") Editor["ctrl-end"];
        SelectLeft "select_left" Plain ("向左选择", "Select left") Editor["shift-left"];
        SelectRight "select_right" Plain ("向右选择", "Select right") Editor["shift-right"];
        SelectUp "select_up" Plain ("向上选择", "Select up") Editor["shift-up"];
        SelectDown "select_down" Plain ("向下选择", "Select down") Editor["shift-down"];
        SelectAll "select_all" Plain ("全选", "Select all") Editor["ctrl-a"];
        Backspace "backspace" Edits ("删除前一个字", "Delete previous character")
            Editor["backspace"];
        Delete "delete" Edits ("删除后一个字", "Delete next character") Editor["delete"];
        DeleteWord "delete_word" Edits ("删除前一个词", "Delete previous word")
            Editor["ctrl-w", "ctrl-backspace", "alt-backspace"];
        DeleteToLineEnd "delete_to_line_end" Edits ("删除到行尾", "Delete to end of line")
            Editor["ctrl-k"];
        Newline "newline" Edits (
            "换段（单行字段：下一个字段）",
            "New paragraph (one-line fields: next field)"
        ) Editor["enter"];
        Undo "undo" Edits UNDO Editor["ctrl-z"];
        Redo "redo" Edits REDO Editor["ctrl-y"];
        Copy "copy" Plain ("复制选中文字", "Copy the selection") Editor["ctrl-c"];
        Cut "cut" Edits ("剪切选中文字", "Cut the selection") Editor["ctrl-x"];
        Paste "paste" Edits (
            "粘贴 ziping 里复制的文字（终端的粘贴也可直接使用）",
            "Paste what was copied in ziping (the terminal's paste works too)"
        ) Editor["ctrl-v"];
        StripNumbers "strip_list_numbers" Edits (
            "删除列表条目开头手输的编号（导出时自动编号）",
            "Remove the numbers typed at the start of list items (the export numbers them)"
        ) Editor["alt-n"];
        // Ctrl-Space would be the IME's switch on many desktops.
        NextOption "next_option" Edits (
            "选项字段：换成下一个选项（多选：加选下一个，全选后清空）",
            "Choice fields: the next option (several allowed: add the next; after all, none)"
        ) Editor["ctrl-t"];
    }

    /// A focused table, moving between cells.
    Grid(GridCmd) {
        CellUp "cell_up" Plain CELL_UP Grid["up"];
        CellDown "cell_down" Plain CELL_DOWN Grid["down"];
        CellLeft "cell_left" Plain ("左边的格子", "Cell to the left") Grid["left"];
        CellRight "cell_right" Plain ("右边的格子", "Cell to the right") Grid["right"];
        NextCell "next_cell" Plain NEXT_CELL Grid["tab"];
        PrevCell "prev_cell" Plain PREV_CELL Grid["shift-tab"];
        // Named like the text commands so one override moves both.
        RowStart "line_start" Plain ("本行第一格", "First cell of the row") Grid["home"];
        RowEnd "line_end" Plain ("本行最后一格", "Last cell of the row") Grid["end"];
        EditCell "edit_cell" Edits (
            "编辑当前格子（直接输入则替换内容）",
            "Edit this cell (typing replaces it)"
        ) Grid["enter"];
        ClearCell "clear_cell" Edits ("清空当前格子", "Clear this cell") Grid["delete", "backspace"];
        AddRow "add_row" Edits ("在下方添加一行", "Add a row below") Grid["ctrl-n"];
        DeleteRow "delete_row" Edits ("删除当前行", "Delete this row") Grid["ctrl-d"];
        MoveRowUp "move_row_up" Edits ("当前行上移", "Move the row up") Grid["alt-up"];
        MoveRowDown "move_row_down" Edits ("当前行下移", "Move the row down") Grid["alt-down"];
        Undo "undo" Edits UNDO Grid["ctrl-z"];
        Redo "redo" Edits REDO Grid["ctrl-y"];
    }

    /// Editing one table cell; text commands edit the cell's text.
    Cell(CellCmd) {
        Confirm "confirm" Plain CONFIRM Cell["enter"];
        Cancel "cancel" Plain CANCEL Cell["esc"];
        NextCell "next_cell" Plain NEXT_CELL Cell["tab"];
        PrevCell "prev_cell" Plain PREV_CELL Cell["shift-tab"];
        CellUp "cell_up" Plain CELL_UP Cell["up"];
        CellDown "cell_down" Plain CELL_DOWN Cell["down"];
    }

    /// Moving in a list: the jump list, the start screen, help.
    List(ListCmd) {
        Up "list_up" Plain ("上一项", "Previous item")
            Jump["up", "ctrl-p"] Problems["up", "ctrl-p", "p"] Figures["up", "ctrl-p"]
            Picker["up", "k"] HelpScreen["up", "k"] Upgrade["up"];
        Down "list_down" Plain ("下一项", "Next item")
            Jump["down", "ctrl-n"] Problems["down", "ctrl-n", "n"] Figures["down", "ctrl-n"]
            Picker["down", "j"] HelpScreen["down", "j"] Upgrade["down"];
        PageUp "list_page_up" Plain ("上一页", "Page up")
            Problems["pageup"] Figures["pageup"] Picker["pageup"] HelpScreen["pageup"]
            Upgrade["pageup"];
        PageDown "list_page_down" Plain ("下一页", "Page down")
            Problems["pagedown"] Figures["pagedown"] Picker["pagedown"] HelpScreen["pagedown"]
            Upgrade["pagedown"];
    }

    /// Confirming or leaving a list or a prompt.
    Answer(Answer) {
        Confirm "confirm" Plain CONFIRM
            Jump["enter"] Problems["enter"] Figures["enter"] Picker["enter"] Prompt["enter"];
        Cancel "cancel" Plain CANCEL
            Jump["esc", "ctrl-g"] Problems["esc", "f7"] Figures["esc", "f6"]
            Picker["esc", "ctrl-q"] Prompt["esc"] HelpScreen["esc", "f1", "q"];
        // In the prompts that ask for a file (import, roll, save as, export).
        Complete "complete_path" Plain (
            "补全文件名（只有一个可选时补全，多个时补出共同的开头）",
            "Complete the file name (the one that fits, or what all that fit share)"
        ) Prompt["tab"];
    }

    /// The find prompt: what to look for and, to replace, what with.
    Search(FindCmd) {
        // Up for the previous match because crossterm reads xterm's
        // Shift-F3 (ESC [1;2R) as a cursor position report: it never arrives.
        Next "find_next" Plain FIND_NEXT Find["enter", "f3", "down"];
        Prev "find_prev" Plain FIND_PREV Find["up", "shift-f3", "f13"];
        Scope "find_scope" Plain (
            "切换查找范围：整份报告 / 只在本字段",
            "Look in: the whole report / this field only"
        ) Find["ctrl-t"];
        Switch "find_switch" Plain (
            "在“查找”和“替换为”之间切换",
            "Between \"find\" and \"replace with\""
        ) Find["tab", "shift-tab"];
        ReplaceOne "replace_one" Edits (
            "替换选中的这一处，再找下一处",
            "Replace the match shown, then find the next"
        ) Find["ctrl-r"];
        ReplaceAll "replace_all" Edits (
            "全部替换（Ctrl-Z 一步撤销全部）",
            "Replace all (Ctrl-Z undoes them all at once)"
        ) Find["alt-a"];
    }

    /// The question asked before quitting with unsaved changes.
    Quit(QuitAnswer) {
        Save "save" Plain ("保存", "Save") Unsaved["s", "y"];
        Discard "discard" Plain ("不保存，直接退出", "Quit without saving") Unsaved["d", "n"];
        Cancel "cancel" Plain CANCEL Unsaved["esc", "c"];
    }

    /// The file is open in another ziping.
    Lock(LockAnswer) {
        ReadOnly "read_only" Plain ("只读打开", "Open read-only") Locked["r"];
        TakeOver "take_over" Plain (
            "接管（另一处将无法保存）",
            "Take over (the other copy can no longer save)"
        ) Locked["t"];
        Cancel "cancel" Plain CANCEL Locked["q", "esc"];
    }

    /// A recovery copy with unsaved text was found.
    Recovery(RecoveryAnswer) {
        Restore "restore_recovery" Plain ("恢复未保存的文字", "Restore the unsaved text")
            Recover["r"];
        Compare "compare_recovery" Plain (
            "比较文件与恢复副本",
            "Compare file and recovery copy"
        ) Recover["c"];
        Discard "discard_recovery" Plain ("丢弃恢复副本", "Discard the recovery copy")
            Recover["d"];
        Cancel "cancel" Plain CANCEL Recover["esc"];
    }

    /// The project's template has a newer version.
    Upgrade(UpgradeAnswer) {
        Upgrade "upgrade_template" Plain (
            "升级到新版模板（保存后生效）",
            "Upgrade to the new template (takes effect when saved)"
        ) Upgrade["u"];
        Keep "keep_template" Plain (
            "仍用旧版模板（下次打开时再询问）",
            "Keep the old template (asked again next time)"
        ) Upgrade["k", "esc"];
    }

    /// Saving found the file changed (or removed) by another program.
    Disk(DiskAnswer) {
        Overwrite "overwrite_file" Plain (
            "覆盖（被覆盖的版本保留为 .bak）",
            "Overwrite (the version replaced is kept as .bak)"
        ) Changed["o"];
        Reload "reload_file" Plain (
            "重新载入磁盘上的文件（你的文字存入恢复副本）",
            "Reload the file (your text goes to the recovery copy)"
        ) Changed["r"];
        SaveAs "save_elsewhere" Plain ("另存为其他文件", "Save as another file") Changed["s"];
        Cancel "cancel" Plain CANCEL Changed["esc", "c"];
    }
}

impl Command {
    /// Whether the command changes the text of a field (refused read-only).
    pub fn edits_text(self) -> bool {
        self.nature() == Nature::Edits
    }

    /// `Some(false)` for undo and `Some(true)` for redo, in a field or a
    /// table; `None` for any other command.
    pub fn undo_or_redo(self) -> Option<bool> {
        match self {
            Command::Text(TextCmd::Undo) | Command::Grid(GridCmd::Undo) => Some(false),
            Command::Text(TextCmd::Redo) | Command::Grid(GridCmd::Redo) => Some(true),
            _ => None,
        }
    }

    /// The default bindings, by context in help's order and within one in
    /// the table's order.
    pub fn defaults_by_context() -> Vec<(Context, Command, &'static [&'static str])> {
        Context::ALL
            .iter()
            .flat_map(|context| {
                Command::all().filter_map(move |command| {
                    command
                        .defaults()
                        .iter()
                        .find(|(c, _)| c == context)
                        .map(|(_, keys)| (*context, command, *keys))
                })
            })
            .collect()
    }
}

/// The command that settles a finding, where one does, and the context
/// its key is pressed in: the finding's sentence names the key.
pub fn fixing(kind: &FindingKind) -> Option<(Context, Command)> {
    match kind {
        FindingKind::TypedNumbers { .. } => Some((Context::Editor, TextCmd::StripNumbers.into())),
        _ => None,
    }
}

impl ListCmd {
    /// How far the selection moves.
    pub fn step(self) -> isize {
        match self {
            ListCmd::Up => -1,
            ListCmd::Down => 1,
            ListCmd::PageUp => -10,
            ListCmd::PageDown => 10,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_help_in_both_languages_and_a_binding() {
        for command in Command::all() {
            let (zh, en) = command.describe();
            assert!(!zh.trim().is_empty(), "{command:?} has no Chinese help");
            assert!(!en.trim().is_empty(), "{command:?} has no English help");
            assert!(!command.name().is_empty(), "{command:?} has no name");
            assert!(!command.defaults().is_empty(), "{command:?} has no keys");
        }
    }

    #[test]
    fn a_name_shared_by_commands_means_the_same_in_each() {
        // One override by name moves every binding of it, so commands that
        // share a name must be the same thing in different places.
        let all: Vec<Command> = Command::all().collect();
        for a in &all {
            for b in all.iter().filter(|b| b.name() == a.name()) {
                assert_eq!(a.edits_text(), b.edits_text(), "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn each_context_binds_only_the_kinds_its_handler_takes() {
        // A dialog takes only the kinds its contexts bind and lets any other
        // kind pass: binding another kind in a context would make it dead.
        let allowed = |context: Context, command: Command| match command {
            Command::Global(_) => context == Context::Global,
            Command::Text(_) => context == Context::Editor,
            Command::Grid(_) => context == Context::Grid,
            Command::Cell(_) => context == Context::Cell,
            Command::List(_) => matches!(
                context,
                Context::Jump
                    | Context::Problems
                    | Context::Figures
                    | Context::Picker
                    | Context::HelpScreen
                    | Context::Upgrade
            ),
            Command::Answer(_) => matches!(
                context,
                Context::Jump
                    | Context::Problems
                    | Context::Figures
                    | Context::Picker
                    | Context::HelpScreen
                    | Context::Prompt
            ),
            Command::Search(_) => context == Context::Find,
            Command::Quit(_) => context == Context::Unsaved,
            Command::Lock(_) => context == Context::Locked,
            Command::Recovery(_) => context == Context::Recover,
            Command::Upgrade(_) => context == Context::Upgrade,
            Command::Disk(_) => context == Context::Changed,
        };
        for (context, command, _) in Command::defaults_by_context() {
            assert!(allowed(context, command), "{command:?} in {context:?}");
        }
    }
}
