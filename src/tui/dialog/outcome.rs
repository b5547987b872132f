//! What a key did in a dialog. A dialog changes only its own state; what
//! reaches beyond it (the session, files, quitting) it asks for, and the
//! app — the one place that changes app-level state — carries it out.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<A> {
    /// Still open, perhaps changed (scrolled, typed into, toggled).
    Stay,
    /// Closed, nothing else to do.
    Close,
    /// Asks the app for `A`; the app decides whether the dialog stays (a
    /// save that failed keeps the question open).
    Act(A),
}
