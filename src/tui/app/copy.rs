//! Copying: the selection (Ctrl-C, Ctrl-X), the focused field (Alt-C) and
//! the whole report (F5) go to ziping's own clipboard, which Ctrl-V pastes
//! in any field or cell, and to the terminal's (see `tui/clipboard.rs`).

use crate::export::text::{TextOptions, to_text};
use crate::strings::{self, Copied, ToTerminal};

use super::super::clipboard::{self, Multiplexer, Sent};
use super::super::command::TextCmd;
use super::{App, Effect};

impl App {
    /// Ctrl-C / Ctrl-X: the selection of the field or cell being edited.
    pub(super) fn copy_selection(&mut self, command: TextCmd) -> Effect {
        let selecting = self
            .session_mut()
            .and_then(|s| s.text_input())
            .is_some_and(|input| input.is_selecting());
        if !selecting {
            let lang = self.lang();
            self.info(lang.say(strings::NOTHING_SELECTED));
            return Effect::None;
        }
        let effect = self.text_to_input(command);
        let copied = self
            .session_mut()
            .and_then(|s| s.text_input())
            .map(|input| input.yank_text())
            .unwrap_or_default();
        match self.copy(Copied::Selection, copied) {
            Effect::None => effect,
            sent => sent,
        }
    }

    /// Alt-C: the focused field, a table as tab-separated rows.
    pub(super) fn copy_field(&mut self) -> Effect {
        let text = self.session().map(|s| s.copy_text()).unwrap_or_default();
        self.copy(Copied::Field, text)
    }

    /// F5: the report as the plain-text export has it.
    pub(super) fn copy_report(&mut self) -> Effect {
        self.settle_report();
        let Some(session) = self.session() else {
            return Effect::None;
        };
        let text = to_text(
            session.doc.project(),
            session.doc.report(),
            TextOptions::default(),
        );
        self.copy(Copied::Report, text)
    }

    /// Ctrl-V pastes what was copied last in ziping, whichever field it
    /// came from (each editor would otherwise paste only its own).
    pub(super) fn offer_clipboard(&mut self) {
        if self.clipboard.is_empty() {
            return;
        }
        let text = self.clipboard.clone();
        if let Some(input) = self.session_mut().and_then(|s| s.text_input()) {
            input.set_yank_text(text);
        }
    }

    /// Keeps `text` as ziping's clipboard, says so, and sends it on to the
    /// terminal's.
    fn copy(&mut self, what: Copied, text: String) -> Effect {
        let lang = self.lang();
        let chars = text.chars().count();
        let sent = clipboard::send(&text, self.ui.osc52);
        self.clipboard = text;
        let (to_terminal, effect) = match sent {
            Sent::Osc52(sequence) => {
                let fate = match self.ui.multiplexer {
                    Multiplexer::None => ToTerminal::Sent,
                    Multiplexer::Tmux => ToTerminal::SentThroughTmux,
                    Multiplexer::Screen => ToTerminal::SentThroughScreen,
                };
                (fate, Effect::Clipboard(sequence))
            }
            Sent::TooLong { bytes } => (ToTerminal::TooLong(bytes), Effect::None),
            Sent::Off => (ToTerminal::Off, Effect::None),
        };
        self.info(strings::copied(what, chars, to_terminal, lang));
        effect
    }
}
