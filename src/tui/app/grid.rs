//! Carrying out actions and typing while a table has the focus: the grid
//! takes what it knows and the page gets the rest.

use super::super::action::Action;
use super::super::grid::Outcome;
use super::{App, Effect};

impl App {
    /// Lets the focused table carry out `action`; None when the page should
    /// (the focused field is not a table, or the key is not a grid key).
    pub(super) fn update_grid(&mut self, action: Action) -> Option<Effect> {
        let lang = self.lang();
        let outcome = self.session_mut()?.grid_act(action, lang)?;
        self.grid_outcome(outcome)
    }

    /// Types (or pastes) into the focused table; false when the focused
    /// field is not a table.
    pub(super) fn type_into_grid(&mut self, text: &str) -> bool {
        let Some(outcome) = self.session_mut().and_then(|s| s.grid_type(text)) else {
            return false;
        };
        self.grid_outcome(outcome);
        true
    }

    fn grid_outcome(&mut self, outcome: Outcome) -> Option<Effect> {
        match outcome {
            Outcome::Pass => return None,
            Outcome::Done => {}
            Outcome::Info(text) => self.info(text),
            Outcome::Refused(text) => self.error(text),
            // Leaving the table is moving to the next or previous field.
            Outcome::Leave(delta) => {
                let step = if delta > 0 {
                    Action::NextField
                } else {
                    Action::PrevField
                };
                return Some(self.update_edit(step));
            }
        }
        Some(Effect::None)
    }
}
