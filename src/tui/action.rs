//! Everything the user can ask for. Keys map to actions through the key
//! table; `App::update` is the one place that carries them out.

/// Where a key is looked up: overlays take keys before the page does.
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
}

impl Context {
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::Editor,
        Context::Grid,
        Context::Cell,
        Context::Jump,
        Context::Picker,
        Context::Prompt,
        Context::Unsaved,
        Context::Locked,
        Context::Recover,
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
            Context::Picker => ("开始界面", "Start screen"),
            Context::Prompt => ("输入框", "Prompts"),
            Context::Unsaved => ("退出前询问", "Unsaved changes on quit"),
            Context::Locked => ("文件已被他人打开", "File open elsewhere"),
            Context::Recover => ("发现恢复副本", "Recovery copy found"),
            Context::HelpScreen => ("帮助界面", "This help"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Global
    Save,
    SaveAs,
    Quit,
    Help,
    JumpList,
    Export,
    ExternalEditor,
    NextField,
    PrevField,
    NextSection,
    PrevSection,
    ToggleSidebar,
    // Editor
    Left,
    Right,
    Up,
    Down,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    TextStart,
    TextEnd,
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    SelectAll,
    Backspace,
    Delete,
    DeleteWord,
    DeleteToLineEnd,
    Newline,
    Undo,
    Redo,
    Copy,
    Cut,
    Paste,
    // Tables
    CellUp,
    CellDown,
    CellLeft,
    CellRight,
    NextCell,
    PrevCell,
    EditCell,
    ClearCell,
    AddRow,
    DeleteRow,
    MoveRowUp,
    MoveRowDown,
    // Lists, jump list, prompts
    Discard,
    ReadOnly,
    TakeOver,
    RestoreRecovery,
    CompareRecovery,
    DiscardRecovery,
    Confirm,
    Cancel,
    ListUp,
    ListDown,
    ListPageUp,
    ListPageDown,
}

impl Action {
    /// The name used in the config file's `keys` table.
    pub fn name(self) -> &'static str {
        use Action::*;
        match self {
            Save => "save",
            SaveAs => "save_as",
            Quit => "quit",
            Help => "help",
            JumpList => "jump_list",
            Export => "export",
            ExternalEditor => "external_editor",
            NextField => "next_field",
            PrevField => "prev_field",
            NextSection => "next_section",
            PrevSection => "prev_section",
            ToggleSidebar => "toggle_sidebar",
            Left => "left",
            Right => "right",
            Up => "up",
            Down => "down",
            WordLeft => "word_left",
            WordRight => "word_right",
            LineStart => "line_start",
            LineEnd => "line_end",
            TextStart => "text_start",
            TextEnd => "text_end",
            SelectLeft => "select_left",
            SelectRight => "select_right",
            SelectUp => "select_up",
            SelectDown => "select_down",
            SelectAll => "select_all",
            Backspace => "backspace",
            Delete => "delete",
            DeleteWord => "delete_word",
            DeleteToLineEnd => "delete_to_line_end",
            Newline => "newline",
            Undo => "undo",
            Redo => "redo",
            Copy => "copy",
            Cut => "cut",
            Paste => "paste",
            CellUp => "cell_up",
            CellDown => "cell_down",
            CellLeft => "cell_left",
            CellRight => "cell_right",
            NextCell => "next_cell",
            PrevCell => "prev_cell",
            EditCell => "edit_cell",
            ClearCell => "clear_cell",
            AddRow => "add_row",
            DeleteRow => "delete_row",
            MoveRowUp => "move_row_up",
            MoveRowDown => "move_row_down",
            Discard => "discard",
            ReadOnly => "read_only",
            TakeOver => "take_over",
            RestoreRecovery => "restore_recovery",
            CompareRecovery => "compare_recovery",
            DiscardRecovery => "discard_recovery",
            Confirm => "confirm",
            Cancel => "cancel",
            ListUp => "list_up",
            ListDown => "list_down",
            ListPageUp => "list_page_up",
            ListPageDown => "list_page_down",
        }
    }

    /// Whether the action changes the text of a field (refused read-only).
    pub fn edits_text(self) -> bool {
        use Action::*;
        matches!(
            self,
            Backspace
                | Delete
                | DeleteWord
                | DeleteToLineEnd
                | Newline
                | Undo
                | Redo
                | Cut
                | Paste
                | ExternalEditor
                | EditCell
                | ClearCell
                | AddRow
                | DeleteRow
                | MoveRowUp
                | MoveRowDown
        )
    }

    /// What the action does, for the help screen: (Chinese, English).
    pub fn describe(self) -> (&'static str, &'static str) {
        use Action::*;
        match self {
            Save => ("保存", "Save"),
            SaveAs => ("另存为", "Save as"),
            Quit => (
                "退出（有未保存修改时会询问）",
                "Quit (asks if there are unsaved changes)",
            ),
            Help => ("显示/关闭帮助", "Show/close this help"),
            JumpList => (
                "跳转到章节或字段（输入筛选）",
                "Jump to a section or field (type to filter)",
            ),
            Export => ("导出纯文本报告", "Export the plain-text report"),
            ExternalEditor => (
                "用 $VISUAL/$EDITOR 编辑当前字段",
                "Edit this field in $VISUAL/$EDITOR",
            ),
            NextField => (
                "下一个字段（到末尾进入下一节）",
                "Next field (then the next section)",
            ),
            PrevField => ("上一个字段", "Previous field"),
            NextSection => ("下一节", "Next section"),
            PrevSection => ("上一节", "Previous section"),
            ToggleSidebar => ("显示/隐藏目录", "Show/hide the outline"),
            Left => ("光标左移", "Cursor left"),
            Right => ("光标右移", "Cursor right"),
            Up => ("上移一行（按屏幕行）", "Up one screen row"),
            Down => ("下移一行（按屏幕行）", "Down one screen row"),
            WordLeft => ("左移一个词", "Word left"),
            WordRight => ("右移一个词", "Word right"),
            LineStart => ("到行首", "Start of line"),
            LineEnd => ("到行尾", "End of line"),
            TextStart => ("到字段开头", "Start of field"),
            TextEnd => ("到字段末尾", "End of field"),
            SelectLeft => ("向左选择", "Select left"),
            SelectRight => ("向右选择", "Select right"),
            SelectUp => ("向上选择", "Select up"),
            SelectDown => ("向下选择", "Select down"),
            SelectAll => ("全选", "Select all"),
            Backspace => ("删除前一个字", "Delete previous character"),
            Delete => ("删除后一个字", "Delete next character"),
            DeleteWord => ("删除前一个词", "Delete previous word"),
            DeleteToLineEnd => ("删除到行尾", "Delete to end of line"),
            Newline => (
                "换段（单行字段：下一个字段）",
                "New paragraph (one-line fields: next field)",
            ),
            Undo => ("撤销", "Undo"),
            Redo => ("重做", "Redo"),
            Copy => ("复制选中文字", "Copy selection"),
            Cut => ("剪切选中文字", "Cut selection"),
            Paste => (
                "粘贴（终端粘贴也可直接使用）",
                "Paste (terminal paste works too)",
            ),
            CellUp => ("上一行的格子", "Cell above"),
            CellDown => ("下一行的格子", "Cell below"),
            CellLeft => ("左边的格子", "Cell to the left"),
            CellRight => ("右边的格子", "Cell to the right"),
            NextCell => (
                "下一格（最后一格之后进入下一个字段）",
                "Next cell (after the last: next field)",
            ),
            PrevCell => (
                "上一格（第一格之前回到上一个字段）",
                "Previous cell (before the first: previous field)",
            ),
            EditCell => (
                "编辑当前格子（直接输入则替换内容）",
                "Edit this cell (typing replaces it)",
            ),
            ClearCell => ("清空当前格子", "Clear this cell"),
            AddRow => ("在下方添加一行", "Add a row below"),
            DeleteRow => ("删除当前行", "Delete this row"),
            MoveRowUp => ("当前行上移", "Move the row up"),
            MoveRowDown => ("当前行下移", "Move the row down"),
            Discard => ("不保存，直接退出", "Quit without saving"),
            ReadOnly => ("只读打开", "Open read-only"),
            TakeOver => (
                "接管（另一处将无法保存）",
                "Take over (the other copy can no longer save)",
            ),
            RestoreRecovery => ("恢复未保存的文字", "Restore the unsaved text"),
            CompareRecovery => ("比较文件与恢复副本", "Compare file and recovery copy"),
            DiscardRecovery => ("丢弃恢复副本", "Discard the recovery copy"),
            Confirm => ("确定", "Confirm"),
            Cancel => ("取消/关闭", "Cancel/close"),
            ListUp => ("上一项", "Previous item"),
            ListDown => ("下一项", "Next item"),
            ListPageUp => ("上一页", "Page up"),
            ListPageDown => ("下一页", "Page down"),
        }
    }
}
