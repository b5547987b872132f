//! Editing a field in the user's own editor (`$VISUAL`, then `$EDITOR`):
//! the text goes to a UTF-8 temp file, the editor runs, the file is read
//! back. Any failure leaves the field as it was and says why.

use std::io::Write;
use std::process::Command;

/// Runs the editor on `text`; returns the edited text or a message.
pub fn edit(text: &str) -> Result<String, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .ok_or_else(|| "没有设置 $VISUAL 或 $EDITOR，无法打开外部编辑器；字段未改动".to_string())?;
    edit_with(&editor, text)
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
}
