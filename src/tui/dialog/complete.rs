//! Tab completion of a file path typed in a prompt (the import and roll
//! prompts of the start screen, save-as, export): as a shell completes —
//! the one name that fits, else as much as all that fit share. Names are
//! looked up relative to `base` (the folder a relative answer goes to).

use std::path::Path;

/// `typed` completed, or `None` when nothing in its folder starts with
/// what was typed after the last `/` (or nothing more can be added).
pub fn complete(typed: &str, base: &Path) -> Option<String> {
    let (folder, prefix) = match typed.rfind('/') {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => ("", typed),
    };
    let dir = if folder.is_empty() {
        base.to_path_buf()
    } else if Path::new(folder).is_absolute() {
        Path::new(folder).to_path_buf()
    } else {
        base.join(folder)
    };
    let mut fits: Vec<(String, bool)> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            // Hidden files only when asked for with a dot.
            let shown = !name.starts_with('.') || prefix.starts_with('.');
            if !shown || !name.starts_with(prefix) {
                return None;
            }
            // A link to a folder is gone into like the folder (as a shell
            // does): its own type says link, the path's says folder. Only
            // names that fit are followed (a link to a share gone away
            // can take a while to answer).
            let is_dir = match e.file_type() {
                Ok(t) if t.is_symlink() => e.path().is_dir(),
                Ok(t) => t.is_dir(),
                Err(_) => false,
            };
            Some((name, is_dir))
        })
        .collect();
    fits.sort();
    let completed = match fits.as_slice() {
        [] => return None,
        [(name, true)] => format!("{name}/"),
        [(name, false)] => name.clone(),
        [(first, _), rest @ ..] => {
            let mut common = first.clone();
            for (name, _) in rest {
                while !name.starts_with(&common) {
                    common.pop();
                }
            }
            common
        }
    };
    (completed.len() > prefix.len()).then(|| format!("{folder}{completed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_completed_as_a_shell_completes_it() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        std::fs::create_dir(base.join("去年")).unwrap();
        std::fs::write(base.join("去年/2022年自评报告.docx"), "").unwrap();
        std::fs::write(base.join("报告甲.txt"), "").unwrap();
        std::fs::write(base.join("报告乙.txt"), "").unwrap();
        std::fs::write(base.join(".隐藏"), "").unwrap();
        assert_eq!(complete("去", base).as_deref(), Some("去年/"));
        assert_eq!(
            complete("去年/", base).as_deref(),
            Some("去年/2022年自评报告.docx")
        );
        assert_eq!(complete("报", base).as_deref(), Some("报告"));
        assert_eq!(
            complete("报告", base),
            None,
            "甲 and 乙: nothing more to add"
        );
        assert_eq!(complete("无", base), None);
        assert_eq!(
            complete("", base).as_deref(),
            None,
            "去年/ 报告…: nothing shared"
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("去年"), base.join("共享盘")).unwrap();
            std::os::unix::fs::symlink(base.join("报告甲.txt"), base.join("链接.txt")).unwrap();
            assert_eq!(
                complete("共", base).as_deref(),
                Some("共享盘/"),
                "a link to a folder"
            );
            assert_eq!(
                complete("链", base).as_deref(),
                Some("链接.txt"),
                "a link to a file"
            );
        }
        let absolute = format!("{}/去年/2022", base.display());
        assert_eq!(
            complete(&absolute, base),
            Some(format!("{}/去年/2022年自评报告.docx", base.display()))
        );
    }
}
