//! What the command line reports when it is done.

use std::path::Path;

use crate::lang::{Lang, Text};
use crate::model::finding::{Finding, FindingKind};
use crate::model::schema::{Severity, Template};

/// Where `ziping check` places a value the template has no field for.
pub const NOT_IN_TEMPLATE: Text = Text {
    zh: "（模板中没有）",
    en: "(not in the template)",
};

/// `ziping new`: the file and the template it was made from.
pub fn created(file: &Path, template: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已创建 {}（模板：{template}）", file.display()),
        Lang::En => format!("Created {} (template: {template})", file.display()),
    }
}

/// `ziping set` refused a value, so nothing was written.
pub fn left_unchanged(file: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 未改动", file.display()),
        Lang::En => format!("{} left unchanged", file.display()),
    }
}

/// `ziping set` wrote `count` values.
pub fn saved_values(file: &Path, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已保存 {}（{count} 项）", file.display()),
        Lang::En => format!("Saved {} ({count} values)", file.display()),
    }
}

/// The last line of `ziping check`.
pub fn check_totals(errors: usize, warnings: usize, notices: usize, lang: Lang) -> String {
    let (e, w, n) = (errors, warnings, notices);
    match lang {
        Lang::Zh => format!("共 {e} 个错误，{w} 个警告，{n} 个提示"),
        Lang::En => format!("{e} errors, {w} warnings, {n} notices"),
    }
}

/// `ziping recover`: which copy was restored, where to, and when it had
/// been written.
pub fn recovered_to(target: &Path, from: &Path, written: &str, lang: Lang) -> String {
    let (target, from) = (target.display(), from.display());
    match lang {
        Lang::Zh => format!("已从 {from} 恢复到 {target}（恢复副本写于 {written}）"),
        Lang::En => format!("Recovered {from} to {target} (recovery copy written {written})"),
    }
}

/// `ziping recover`: the copies it did not restore follow, one a line.
pub fn other_copies_left(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {count} 份恢复副本未动，可用 --from 副本 选用其中一份："),
        Lang::En => format!(
            "{count} other recovery copies are left as they are; --from COPY restores one of them:"
        ),
    }
}

/// One copy in `ziping recover --list`, newest first.
pub fn listed_copy(written: &str, path: &Path, same_as_file: bool, lang: Lang) -> String {
    let same = match (same_as_file, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（与文件相同）",
        (true, Lang::En) => " (same as the file)",
    };
    format!("{written}  {}{same}", path.display())
}

/// `ziping recover FILE --from COPY` where COPY is of the file `of`.
pub fn copy_of_another_file(copy: &Path, of: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{} 是 {} 的恢复副本，不是这个文件的；未写入。确要用它，请加 --force",
            copy.display(),
            of.display()
        ),
        Lang::En => format!(
            "{} is a recovery copy of {}, not of this file; nothing written. Pass --force to use it anyway",
            copy.display(),
            of.display()
        ),
    }
}

/// Where a template comes from, in `ziping templates`.
pub const BUILT_IN: Text = Text {
    zh: "内置",
    en: "built-in",
};

/// `ziping export -o` naming the project file itself.
pub fn export_onto_project(out: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：导出文件不能是项目文件本身", out.display()),
        Lang::En => format!(
            "{}: the export cannot go over the project file",
            out.display()
        ),
    }
}

/// A user template that could not be loaded, passed over.
pub fn skipped_template(error: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已跳过无法使用的模板 {error}"),
        Lang::En => format!("Skipped a template that cannot be used: {error}"),
    }
}

/// `ziping templates --check`: the file loads and passes every check.
pub fn template_usable(file: &Path, id: &str, version: u32, name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：模板可以使用（{id} v{version}，{name}）",
            file.display()
        ),
        Lang::En => format!(
            "{}: the template can be used ({id} v{version}, {name})",
            file.display()
        ),
    }
}

/// `ziping set` given a path without its value.
pub fn set_needs_pairs(last: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "“{last}”缺少要填写的值：参数应成对给出，如 ziping set 文件 funding.total.budget 100"
        ),
        Lang::En => format!(
            "\"{last}\" has no value: give paths and values in pairs, as in ziping set FILE funding.total.budget 100"
        ),
    }
}

/// `ziping recover` with no recovery copy in any of the folders `looked`.
pub fn no_recovery_copy(file: &Path, looked: &[&Path], lang: Lang) -> String {
    let shown: Vec<String> = looked.iter().map(|d| d.display().to_string()).collect();
    match lang {
        Lang::Zh => format!(
            "{}：没有找到恢复文件（找过 {}）",
            file.display(),
            shown.join("、")
        ),
        Lang::En => format!(
            "{}: no recovery copy found (looked in {})",
            file.display(),
            shown.join(", ")
        ),
    }
}

/// Printed in an export where a table cannot be fitted to `--wrap N`, before
/// its rows are listed one by one.
pub fn table_listed(width: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（此表在{width}列内排不下，以下逐行列出）"),
        Lang::En => {
            format!("(This table does not fit in {width} columns; its rows are listed one by one.)")
        }
    }
}

/// `ziping fields`: after the row label of the row `ziping set` would add to
/// an empty table.
pub const NEW_ROW: Text = Text {
    zh: "（新增一行）",
    en: " (a new row)",
};

/// `ziping export --format docx` with no `-o` onto a terminal: a .docx is
/// binary and would scramble the screen.
pub fn export_binary_to_terminal(format: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{format} 文件不能输出到终端，请用 -o 指定文件，如 -o 报告.{format}"),
        Lang::En => format!(
            "a {format} file cannot be shown on a terminal: give a file with -o, e.g. -o report.{format}"
        ),
    }
}

/// `--wrap`, `--crlf` or `--encoding` asked of a format that is not plain text.
pub fn text_option_only(option: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{option} 只用于纯文本导出"),
        Lang::En => format!("{option} applies to the plain-text export only"),
    }
}

pub fn docx_option_only(option: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{option} 只用于 Word 导出（--format docx）"),
        Lang::En => format!("{option} applies to the Word export (--format docx) only"),
    }
}

/// The Word document could not be put together: a print style that cannot
/// be used (named, with its file), or a fault of ours.
pub fn docx_failed(problem: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法生成 Word 文档：{problem}"),
        Lang::En => format!("could not build the Word document: {problem}"),
    }
}

/// A finding's sentence as `ziping check` and the problems list give it:
/// with, where an editor's command settles it, that command's `key`.
pub fn check_message(kind: &FindingKind, key: Option<&str>, lang: Lang) -> String {
    let fix = key.and_then(|key| super::fix_key(kind, key, lang));
    format!("{}{}", super::finding(kind, lang), fix.unwrap_or_default())
}

/// Where a finding is, as `ziping check` lists it.
pub struct CheckPlace<'a> {
    pub severity: Severity,
    /// The numbered heading path of its section.
    pub section: &'a str,
    pub label: &'a str,
    pub field: &'a str,
    /// The table's label, for a finding in a table.
    pub table: Option<&'a str>,
    pub row: Option<&'a str>,
    pub column: Option<&'a str>,
}

impl<'a> CheckPlace<'a> {
    /// `finding` of a project from `template`, in the section whose
    /// heading path is `section` (none for a value the template has no
    /// field for).
    pub fn of(
        finding: &'a Finding,
        template: &'a Template,
        section: Option<&'a str>,
        lang: Lang,
    ) -> Self {
        let place = &finding.place;
        let field = template.field(&place.field);
        CheckPlace {
            severity: finding.severity,
            section: section.unwrap_or(lang.say(NOT_IN_TEMPLATE)),
            label: field.map_or(place.field.as_str(), |d| d.label.as_str()),
            field: &place.field,
            table: field
                .filter(|d| d.table().is_some())
                .map(|d| d.label.as_str()),
            row: place.row.as_deref(),
            column: place.column.as_deref(),
        }
    }
}

/// One line of `ziping check` (and of the editor's problems list):
/// `错误  一、项目资金  项目资金（万元）［funding］ 年度资金总额 › 全年预算数（A）：…`.
pub fn check_line(at: &CheckPlace, message: &str, lang: Lang) -> String {
    let cell: Vec<&str> = [at.row, at.column].into_iter().flatten().collect();
    let cell = if cell.is_empty() {
        String::new()
    } else {
        format!(" {}", cell.join(" › "))
    };
    format!(
        "{}  {}  {}［{}］{cell}：{message}",
        super::severity(at.severity, lang),
        at.section,
        at.label,
        at.field,
    )
}
