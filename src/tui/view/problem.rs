//! How a problem found in the report is shown: its marker and its
//! sentence, the same on the page and in tables.

use crate::lang::Lang;
use crate::model::finding::Finding;
use crate::model::schema::Severity;
use crate::strings;

use super::super::keymap::Keymap;
use super::super::theme::Role;

/// The marker of a problem and its role: a character, so a problem does
/// not rest on colour alone.
pub fn mark(severity: Severity) -> (&'static str, Role) {
    match severity {
        Severity::Error => ("✗", Role::Invalid),
        Severity::Warning => ("!", Role::Warning),
        Severity::Notice => ("i", Role::Hint),
    }
}

/// A finding's sentence with, where a command settles it, that command's
/// key as `keymap` binds it: `…；在编辑器中按 Alt-N 删除这些编号`.
pub fn with_fix_key(finding: &Finding, keymap: &Keymap, lang: Lang) -> String {
    let sentence = words(finding, lang);
    match keymap.fix_hint(&finding.kind, lang) {
        Some(hint) => format!("{sentence}{hint}"),
        None => sentence,
    }
}

/// A finding's sentence, with its row and column when it is about part of
/// a table: `年度资金总额 › 全年预算数（A）：…`.
pub fn words(finding: &Finding, lang: Lang) -> String {
    let place: Vec<&str> = [&finding.place.row, &finding.place.column]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let sentence = strings::finding(&finding.kind, lang);
    if place.is_empty() {
        sentence
    } else {
        format!("{}：{sentence}", place.join(" › "))
    }
}
