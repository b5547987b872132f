//! The figures on the status line — characters in the field and the whole
//! report, errors and warnings — and the outline's section markers, and
//! when they are brought up to date.
//!
//! While the writer is typing they wait until typing pauses: redrawing them
//! on every keystroke would cost more bytes than the keystroke itself over a
//! slow SSH link, and nobody reads a counter mid-word. Inline validation of
//! the field being typed is not deferred.

use std::time::{Duration, Instant};

use crate::model::check::{Severity, check};
use crate::model::outline::{Progress, progress};
use crate::model::project::{Entry, Project};
use crate::model::value::char_count;

/// How long typing must pause before the counts are redrawn.
pub const SETTLE: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Characters in the focused field.
    pub field: usize,
    /// Characters in the whole report.
    pub total: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    pub fn of(project: &Project, field: Option<&str>) -> Counts {
        let problems = check(project);
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        Counts {
            field: field.and_then(|id| project.entry(id)).map_or(0, chars),
            total: project.values.values().map(chars).sum(),
            errors,
            warnings: problems.len() - errors,
        }
    }
}

/// Characters a reader counts in an entry (line breaks excluded).
pub fn chars(entry: &Entry) -> usize {
    match entry {
        Entry::Text(s) => char_count(s),
        Entry::Items(items) => items.iter().map(|i| char_count(i)).sum(),
        Entry::Table(_) | Entry::Other(_) => 0,
    }
}

/// Counts and the outline's section markers as shown, and when they are
/// due to be refreshed (checking every section costs time on each key).
#[derive(Debug, Clone, Default)]
pub struct Shown {
    pub counts: Counts,
    /// Per section, in outline order.
    pub progress: Vec<Progress>,
    due: Option<Instant>,
}

impl Shown {
    /// Text changed: refresh once typing pauses.
    pub fn typed(&mut self, now: Instant) {
        self.due = Some(now + SETTLE);
    }

    /// Time until a refresh is due (zero: now), `None` when up to date.
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        self.due.map(|at| at.saturating_duration_since(now))
    }

    pub fn refresh(&mut self, project: &Project, field: Option<&str>) {
        self.counts = Counts::of(project, field);
        self.progress = project
            .template
            .walk()
            .iter()
            .map(|r| progress(project, r.section))
            .collect();
        self.due = None;
    }
}
