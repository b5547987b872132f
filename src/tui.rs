//! The full-screen editor.

use std::path::Path;
use std::process::ExitCode;

/// Opens the editor on `file`, or the start screen without one.
pub fn run(_file: Option<&Path>) -> Result<ExitCode, String> {
    Err("全屏编辑界面尚未完成；请先使用 new / export / check 等子命令".to_string())
}
