//! What copying says: what was copied, how many characters, and what
//! became of it on its way to the terminal's clipboard (OSC 52).

use crate::lang::{Lang, Text};

/// What was copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Selection,
    Field,
    Report,
}

/// What became of the copy on its way to the terminal's clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToTerminal {
    Sent,
    /// Sent, through tmux, which passes it on only with `set-clipboard on`.
    SentThroughTmux,
    /// Sent, but GNU screen does not pass it on.
    SentThroughScreen,
    /// Its base64 is this many bytes, over what terminals accept.
    TooLong(usize),
    /// `"osc52": false` in config.json.
    Off,
}

pub const NOTHING_SELECTED: Text = Text {
    zh: "没有选中的文字（Shift+方向键选择；Alt-C 复制整个字段）",
    en: "Nothing is selected (Shift+arrows select; Alt-C copies the whole field)",
};

/// The status line after a copy.
pub fn copied(what: Copied, chars: usize, terminal: ToTerminal, lang: Lang) -> String {
    let what = match (what, lang) {
        (Copied::Selection, Lang::Zh) => "选中的文字",
        (Copied::Field, Lang::Zh) => "本字段",
        (Copied::Report, Lang::Zh) => "整份报告（导出的纯文本）",
        (Copied::Selection, Lang::En) => "the selection",
        (Copied::Field, Lang::En) => "this field",
        (Copied::Report, Lang::En) => "the whole report (the exported plain text)",
    };
    let sent = match lang {
        Lang::Zh => "已发送到终端剪贴板（需终端支持 OSC 52）",
        Lang::En => "sent to the terminal clipboard (if the terminal supports OSC 52)",
    };
    let fate = match (terminal, lang) {
        (ToTerminal::Sent, _) => sent.to_string(),
        (ToTerminal::SentThroughTmux, Lang::Zh) => {
            format!("{sent}；tmux 中需先设置 set -g set-clipboard on（默认不接受程序写剪贴板）")
        }
        (ToTerminal::SentThroughTmux, Lang::En) => format!(
            "{sent}; tmux passes it on only with `set -g set-clipboard on` (its default ignores programs)"
        ),
        (ToTerminal::SentThroughScreen, Lang::Zh) => {
            format!("{sent}；但 GNU screen 不转发，可在 screen 之外运行，或改用 tmux")
        }
        (ToTerminal::SentThroughScreen, Lang::En) => {
            format!("{sent}, but GNU screen does not pass it on: run outside screen, or use tmux")
        }
        (ToTerminal::TooLong(bytes), Lang::Zh) => format!(
            "内容过长（OSC 52 编码后 {bytes} 字节，终端一般只接受 100000 字节），未发送到终端剪贴板，只能在 ziping 内粘贴"
        ),
        (ToTerminal::TooLong(bytes), Lang::En) => format!(
            "too long for the terminal clipboard ({bytes} bytes encoded; terminals accept about 100000), so it pastes only inside ziping"
        ),
        (ToTerminal::Off, Lang::Zh) => {
            "终端剪贴板已在 config.json 中关闭（osc52），只能在 ziping 内粘贴".to_string()
        }
        (ToTerminal::Off, Lang::En) => {
            "the terminal clipboard is off in config.json (osc52), so it pastes only inside ziping"
                .to_string()
        }
    };
    match lang {
        Lang::Zh => format!("已复制{what}（{chars} 字）；{fate}"),
        Lang::En => format!("Copied {what} ({chars} characters); {fate}"),
    }
}
