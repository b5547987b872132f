//! The pause after typing, when the report's outline states and counts are
//! brought up to date.
//!
//! While the writer is typing they wait: redrawing the status line's
//! figures and the outline's markers on every keystroke would cost more
//! bytes than the keystroke itself over a slow SSH link, and nobody reads a
//! counter mid-word. What the edit itself touched (the field's findings, a
//! table's computed cells) is not deferred: see `Report::touch`.

use std::time::{Duration, Instant};

/// How long typing must pause before the counts are redrawn.
pub const SETTLE: Duration = Duration::from_millis(400);

/// The time the report is next due to settle.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pause {
    due: Option<Instant>,
}

impl Pause {
    /// Text changed: settle once typing pauses.
    pub fn typed(&mut self, now: Instant) {
        self.due = Some(now + SETTLE);
    }

    /// Time until settling is due (zero: now), `None` when nothing waits.
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        self.due.map(|at| at.saturating_duration_since(now))
    }

    pub fn done(&mut self) {
        self.due = None;
    }
}
