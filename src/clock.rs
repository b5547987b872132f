//! The wall clock, for project and lock metadata. It lives at crate level so
//! the CLI and the TUI share it without either importing the other.

/// The current time for project metadata (RFC 3339, UTC, whole seconds).
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
