//! How a problem found in the report is shown: its marker and its
//! sentence, the same on the page and in tables.

use crate::lang::Lang;
use crate::model::finding::Finding;
use crate::strings;

use super::super::keymap::Keymap;
pub use super::super::widgets::mark;

/// A finding's sentence led, where a command settles it, by that command's
/// key as `keymap` binds it (`按 Alt-N 删除编号：…`): first, so a line cut
/// to the screen's width still shows it.
pub fn with_fix_key(finding: &Finding, keymap: &Keymap, lang: Lang) -> String {
    let sentence = words(finding, lang);
    let lead = keymap
        .fix_key(&finding.kind)
        .and_then(|key| strings::fix_key_lead(&finding.kind, &key, lang));
    match lead {
        Some(lead) => format!("{lead}{sentence}"),
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
