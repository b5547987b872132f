//! Editing a field in the user's own editor (`$VISUAL`, then `$EDITOR`,
//! then the first of `editor`, `nano`, `vi` on the `PATH`, as Debian's
//! `sensible-editor` does: a fresh account often sets neither variable):
//! the text goes to a UTF-8 temp file, the editor runs, the file is read
//! back. Any failure leaves the field as it was and says why.

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

/// Tried in this order when neither variable names an editor.
const FALLBACKS: [&str; 3] = ["editor", "nano", "vi"];

/// Runs the editor on `text`; returns the edited text or a message.
pub fn edit(text: &str) -> Result<String, String> {
    let named = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()));
    let editor = named
        .or_else(|| {
            let found = fallback(&std::env::var_os("PATH")?)?;
            // Quoted: the shell runs it, and a PATH entry may hold spaces.
            let quoted = found.display().to_string().replace('\'', r"'\''");
            Some(format!("'{quoted}'"))
        })
        .ok_or_else(|| {
            "没有设置 $VISUAL 或 $EDITOR，PATH 中也没有 editor、nano 或 vi，无法打开外部编辑器；字段未改动"
                .to_string()
        })?;
    edit_with(&editor, text)
}

/// The first of [`FALLBACKS`] that is an executable file on `path`.
fn fallback(path: &OsStr) -> Option<PathBuf> {
    FALLBACKS.iter().find_map(|name| {
        std::env::split_paths(path)
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    })
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &std::path::Path) -> bool {
    path.is_file()
}

/// Runs `editor` (a shell command, so `code --wait` works) on `text`.
pub fn edit_with(editor: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("ziping-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("无法创建临时文件：{e}；字段未改动"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("无法写入临时文件：{e}；字段未改动"))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("ziping")
        .arg(file.path())
        .status()
        .map_err(|e| format!("无法启动编辑器 {editor}：{e}；字段未改动"))?;
    if !status.success() {
        let code = status
            .code()
            .map_or("被信号终止".to_string(), |c| format!("退出码 {c}"));
        return Err(format!(
            "编辑器 {editor} 没有正常退出（{code}）；字段未改动"
        ));
    }
    let bytes =
        std::fs::read(file.path()).map_err(|e| format!("无法读回临时文件：{e}；字段未改动"))?;
    String::from_utf8(bytes).map_err(|_| "编辑后的文件不是 UTF-8 编码；字段未改动".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_round_trip_and_failures() {
        let appended = edit_with("printf '追加' >>", "原文").expect("edited");
        assert_eq!(appended, "原文追加");
        let failed = edit_with("false", "原文").expect_err("fails");
        assert!(
            failed.contains("退出码 1") && failed.contains("未改动"),
            "{failed}"
        );
        let missing = edit_with("/nonexistent/editor", "原文").expect_err("missing");
        assert!(missing.contains("未改动"), "{missing}");
    }

    #[cfg(unix)]
    #[test]
    fn without_a_named_editor_the_first_of_editor_nano_vi_on_the_path_is_used() {
        use std::os::unix::fs::PermissionsExt;
        let first = tempfile::tempdir().expect("tempdir");
        let second = tempfile::tempdir().expect("tempdir");
        let put = |dir: &std::path::Path, name: &str, mode: u32| {
            let file = dir.join(name);
            std::fs::write(&file, "#!/bin/sh\n").expect("write");
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).expect("chmod");
            file
        };
        let path = std::env::join_paths([first.path(), second.path()]).expect("PATH");
        assert_eq!(fallback(&path), None, "nothing there");
        put(first.path(), "editor", 0o644);
        assert_eq!(fallback(&path), None, "not executable");
        let vi = put(first.path(), "vi", 0o755);
        assert_eq!(fallback(&path), Some(vi));
        // nano comes before vi, wherever on the PATH it is.
        let nano = put(second.path(), "nano", 0o755);
        assert_eq!(fallback(&path), Some(nano));
        let editor = put(second.path(), "editor", 0o755);
        assert_eq!(fallback(&path), Some(editor));
    }
}
