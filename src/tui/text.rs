//! Fitting text into terminal columns. A leaf: views and dialogs both use
//! it, and it uses neither.

use unicode_width::UnicodeWidthChar;

use super::editors::show_controls;

/// Cuts `text` to `width` display columns, ending with `...` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let text = show_controls(text);
    if display_width(&text) <= width {
        return text;
    }
    let budget = width.saturating_sub(3);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= 3 {
        out.push_str("...");
    }
    out
}

pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("部门职责", 8), "部门职责");
        assert_eq!(fit("部门职责情况", 8), "部门...");
        assert_eq!(fit("abc", 2), "");
        assert_eq!(fit("清屏\u{1b}[2J", 20), "清屏␛[2J");
    }
}
