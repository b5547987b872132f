//! Carrying out commands and typing while a table has the focus.

use super::super::command::GlobalCmd;
use super::super::grid::{GridInput, Outcome};
use super::{App, Effect};

impl App {
    /// Lets the focused table carry out `input`; nothing when the focused
    /// field is not a table.
    pub(super) fn update_grid(&mut self, input: GridInput) -> Effect {
        let lang = self.lang();
        match self.session_mut().and_then(|s| s.grid_act(input, lang)) {
            Some(outcome) => self.grid_outcome(outcome),
            None => Effect::None,
        }
    }

    /// Types (or pastes) into the focused table; false when the focused
    /// field is not a table.
    pub(super) fn type_into_grid(&mut self, text: &str) -> bool {
        let lang = self.lang();
        let Some(outcome) = self.session_mut().and_then(|s| s.grid_type(text, lang)) else {
            return false;
        };
        self.grid_outcome(outcome);
        true
    }

    fn grid_outcome(&mut self, outcome: Outcome) -> Effect {
        match outcome {
            Outcome::Done => {}
            Outcome::Info(text) => self.info(text),
            Outcome::Refused(text) => self.error(text),
            // Leaving the table is moving to the next or previous field.
            Outcome::Leave(delta) => {
                let step = if delta > 0 {
                    GlobalCmd::NextField
                } else {
                    GlobalCmd::PrevField
                };
                return self.global(step);
            }
        }
        Effect::None
    }
}
