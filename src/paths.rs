//! Where ziping keeps its own files. `ZIPING_CONFIG_DIR` and `ZIPING_DATA_DIR`
//! override the platform directories (for portable installs and tests).

use std::path::PathBuf;

use directories::ProjectDirs;

fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "ziping")
}

/// `~/.config/ziping` on Linux: templates/, themes/, styles/, config.json.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("ZIPING_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| dirs().map(|d| d.config_dir().to_path_buf()))
}

/// `~/.local/share/ziping` on Linux: recent files, recovery copies.
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os("ZIPING_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| dirs().map(|d| d.data_dir().to_path_buf()))
}

/// The user's own print styles for the Word export.
pub fn styles_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("styles"))
}

/// The user's own templates.
pub fn templates_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("templates"))
}
