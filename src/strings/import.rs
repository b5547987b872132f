//! Importing last year's report: the summary printed after it, why a piece
//! went to the holding place, and the refusals of files it cannot read.

use std::path::Path;

use crate::import::{Failure, Refusal, Summary};
use crate::lang::Lang;
use crate::model::held::HeldReason;

/// Why a piece of text is in the holding place.
pub fn held_reason(reason: HeldReason, lang: Lang) -> &'static str {
    match (reason, lang) {
        (HeldReason::UnknownHeading, Lang::Zh) => "模板中没有与它所在标题对应的章节",
        (HeldReason::UnknownHeading, Lang::En) => "the template has no section for its heading",
        (HeldReason::NoField, Lang::Zh) => "所在章节没有可以填写正文的字段",
        (HeldReason::NoField, Lang::En) => "its section has no field that takes paragraphs",
        (HeldReason::UnknownTable, Lang::Zh) => "表头与模板中的任何表格都对不上",
        (HeldReason::UnknownTable, Lang::En) => "its header matches no table of the template",
        (HeldReason::TableRest, Lang::Zh) => "模板的表格中没有放它的行或列",
        (HeldReason::TableRest, Lang::En) => "the template's table has no row or column for it",
    }
}

/// The notice `check` gives for the `index`-th piece of the holding place.
pub fn held_notice(
    index: usize,
    reason: HeldReason,
    under: Option<&str>,
    preview: &str,
    lang: Lang,
) -> String {
    let why = held_reason(reason, lang);
    match (lang, under) {
        (Lang::Zh, Some(h)) => format!(
            "导入时未归位的文字（原在“{h}”下，{why}）：“{preview}”；移到合适的字段后用 ziping set 文件 --delete-row unplaced.{index} 删除"
        ),
        (Lang::Zh, None) => format!(
            "导入时未归位的文字（{why}）：“{preview}”；移到合适的字段后用 ziping set 文件 --delete-row unplaced.{index} 删除"
        ),
        (Lang::En, Some(h)) => format!(
            "Imported text with no place yet (under \"{h}\": {why}): \"{preview}\"; move it into a field, then delete it with ziping set FILE --delete-row unplaced.{index}"
        ),
        (Lang::En, None) => format!(
            "Imported text with no place yet ({why}): \"{preview}\"; move it into a field, then delete it with ziping set FILE --delete-row unplaced.{index}"
        ),
    }
}

/// Why an import made no project.
pub fn failure(path: &Path, failure: &Failure, lang: Lang) -> String {
    match failure {
        Failure::Read(why) | Failure::Template(why) => why.clone(),
        Failure::Refused(r) => refusal(path, r, lang),
    }
}

/// Why a file could not be imported, and what to do.
pub fn refusal(path: &Path, refusal: &Refusal, lang: Lang) -> String {
    let file = path.display();
    match (refusal, lang) {
        (Refusal::OldWord, Lang::Zh) => format!(
            "{file} 是旧版 Word（.doc）或 WPS（.wps）格式，无法直接导入。请用 Word 或 WPS 打开它，选“文件 › 另存为”，保存类型选“Word 文档（*.docx）”，再导入另存的 .docx 文件"
        ),
        (Refusal::OldWord, Lang::En) => format!(
            "{file} is in the old Word (.doc) or WPS (.wps) format, which cannot be imported. Open it in Word or WPS, choose File › Save As, pick \"Word Document (*.docx)\", then import the .docx"
        ),
        (Refusal::NotText, Lang::Zh) => format!(
            "{file} 不是可以读出的文字（试过 UTF-8、UTF-16、GB18030/GBK），也不是 .docx；请另存为 .docx 或 UTF-8 文本后再导入"
        ),
        (Refusal::NotText, Lang::En) => format!(
            "{file} is no readable text (UTF-8, UTF-16 and GB18030/GBK were tried) nor a .docx; save it as .docx or UTF-8 text and import that"
        ),
        (Refusal::Docx(why), Lang::Zh) => {
            format!("无法读取 Word 文档 {file}（{why}）；请用 Word 或 WPS 打开后另存为 .docx 再试")
        }
        (Refusal::Docx(why), Lang::En) => format!(
            "Cannot read the Word document {file} ({why}); open it in Word or WPS, save it as .docx again and retry"
        ),
        (Refusal::Empty, Lang::Zh) => format!("{file} 中没有可以导入的文字"),
        (Refusal::Empty, Lang::En) => format!("{file} holds no text to import"),
    }
}

/// The summary printed after an import: the template chosen and why, what
/// was filled, and what went to the holding place and why.
pub fn summary(s: &Summary, out: &Path, lang: Lang) -> String {
    let file = out.display();
    let mut lines = vec![match lang {
        Lang::Zh => format!("已导入到 {file}"),
        Lang::En => format!("Imported into {file}"),
    }];
    let (main, details) = parts(s, lang);
    lines.extend(main);
    lines.extend(details.iter().map(|d| format!("  {d}")));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The summary on one line, for the editor's message: the template, what
/// was filled, how much waits in the holding place (F7 lists each).
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    parts(s, lang).0.join(" ")
}

/// The summary's sentences, and its details (reworded headings, each
/// piece held).
fn parts(s: &Summary, lang: Lang) -> (Vec<String>, Vec<String>) {
    let mut lines = Vec::new();
    let mut details = Vec::new();
    let (id, name, score) = (&s.template_id, &s.template_name, s.score);
    lines.push(match (lang, s.forced, &s.runner_up) {
        (Lang::Zh, true, _) => format!("模板：{name}（{id}，按 --template 指定；标题吻合度 {score}/100）"),
        (Lang::En, true, _) => format!("Template: {name} ({id}, as --template asked; headings match {score}/100)"),
        (Lang::Zh, false, Some((other, second))) => format!(
            "模板：{name}（{id}），标题吻合度 {score}/100，最高；其次是 {other}（{second}/100）。可用 --template 另选"
        ),
        (Lang::En, false, Some((other, second))) => format!(
            "Template: {name} ({id}), headings match {score}/100, the best; next is {other} ({second}/100). --template chooses another"
        ),
        (Lang::Zh, false, None) => format!("模板：{name}（{id}），标题吻合度 {score}/100"),
        (Lang::En, false, None) => format!("Template: {name} ({id}), headings match {score}/100"),
    });
    lines.push(match lang {
        Lang::Zh => format!(
            "已填写 {}/{} 个章节，放入 {} 段文字、{} 行表格",
            s.sections_filled, s.sections, s.paragraphs, s.rows
        ),
        Lang::En => format!(
            "Filled {} of {} sections: {} paragraphs and {} table rows placed",
            s.sections_filled, s.sections, s.paragraphs, s.rows
        ),
    });
    for (template, own) in &s.reworded {
        details.push(match lang {
            Lang::Zh => format!("标题“{own}”对应模板的“{template}”，报告中保留“{own}”"),
            Lang::En => format!(
                "The heading \"{own}\" is the template's \"{template}\"; the report keeps \"{own}\""
            ),
        });
    }
    if s.held.is_empty() {
        lines.push(match lang {
            Lang::Zh => "所有文字都已放入字段".to_string(),
            Lang::En => "Every piece of text found a field".to_string(),
        });
    } else {
        lines.push(match lang {
            Lang::Zh => format!(
                "{} 段文字没有对应的字段，已放在“未归位”处（unplaced，ziping check 会逐条提示）：",
                s.held.len()
            ),
            Lang::En => format!(
                "{} pieces of text found no field and wait in the holding place (unplaced; ziping check lists each):",
                s.held.len()
            ),
        });
        for (n, h) in s.held.iter().enumerate() {
            let preview: String = h
                .text
                .chars()
                .take(30)
                .collect::<String>()
                .replace('\n', " ");
            let why = held_reason(h.reason, lang);
            details.push(format!("{}. {preview}（{why}）", n + 1));
        }
    }
    (lines, details)
}

/// `-o` names a file that is there already.
pub fn exists(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 已存在，导入不会覆盖它；请换一个文件名", path.display()),
        Lang::En => format!(
            "{} exists; an import never overwrites: choose another name",
            path.display()
        ),
    }
}

/// What `ziping roll` did.
pub fn rolled(out: &Path, year: u16, cleared: usize, carried: usize, lang: Lang) -> String {
    let file = out.display();
    match lang {
        Lang::Zh => format!(
            "已创建 {file}（{year}年度）：清空了 {cleared} 项当年的数字和日期（去年的值保留在 previous 中，ziping fields 可查看）；{carried} 处文字沿用去年，标记为“沿用去年”，修改或确认后标记消失\n"
        ),
        Lang::En => format!(
            "Created {file} ({year}): {cleared} of the year's figures and dates cleared (last year's kept under previous, listed by ziping fields); {carried} texts kept from last year, marked until edited or confirmed\n"
        ),
    }
}
