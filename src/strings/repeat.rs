//! Adding and removing an instance of a repeated section (one project of
//! a unit's report): refusals, and what was done.

use std::path::Path;

use crate::lang::{Lang, Text};
use crate::model::repeat::RepeatRefusal;

/// Why an instance was not added or removed, with what to do instead.
pub fn repeat_refusal(refusal: &RepeatRefusal, lang: Lang) -> String {
    match (refusal, lang) {
        (RepeatRefusal::NoSuchSection { id, repeated }, Lang::Zh) => match repeated.len() {
            0 => format!("没有名为“{id}”的章节，本报告也没有可以添加的章节"),
            _ => format!(
                "没有名为“{id}”的章节；可以添加或删除的章节有：{}",
                repeated.join("、")
            ),
        },
        (RepeatRefusal::NoSuchSection { id, repeated }, Lang::En) => match repeated.len() {
            0 => format!("There is no section \"{id}\", and this report has none that repeats"),
            _ => format!(
                "There is no section \"{id}\"; the sections that can be added or removed are: {}",
                repeated.join(", ")
            ),
        },
        (RepeatRefusal::NotRepeated(id), Lang::Zh) => {
            format!("章节“{id}”不是可以重复的章节，不能添加或删除")
        }
        (RepeatRefusal::NotRepeated(id), Lang::En) => {
            format!("Section \"{id}\" does not repeat: it cannot be added or removed")
        }
        (RepeatRefusal::Full { label, max }, Lang::Zh) => {
            format!("已有{max}个{label}，模板最多允许{max}个，不能再添加")
        }
        (RepeatRefusal::Full { label, max }, Lang::En) => {
            format!("There are already {max} of \"{label}\", the most the template allows")
        }
        (RepeatRefusal::First { id, label }, Lang::Zh) => format!(
            "“{id}”是模板中的第一个{label}，其余{label}都照它添加，不能删除；可以清空其内容"
        ),
        (RepeatRefusal::First { id, label }, Lang::En) => format!(
            "\"{id}\" is the template's first \"{label}\", which the others are copied from: it cannot be removed, only emptied"
        ),
        (RepeatRefusal::HoldsText { id, fields }, Lang::Zh) => {
            format!("“{id}”中已填写了{}，删除会丢掉这些内容", fields.join("、"))
        }
        (RepeatRefusal::HoldsText { id, fields }, Lang::En) => format!(
            "\"{id}\" holds text in {}, which removing it would lose",
            fields.join(", ")
        ),
    }
}

/// Between a refusal and what to do about it.
pub const SEPARATOR: Text = Text {
    zh: "；", en: "; "
};

/// What `ziping remove` adds to [`RepeatRefusal::HoldsText`].
pub const FORCE_DISCARDS: Text = Text {
    zh: "确要连同内容一起删除，请加 --force",
    en: "add --force to remove it, text and all",
};

/// What the editor adds to [`RepeatRefusal::HoldsText`]: it never drops
/// text on a key.
pub const EMPTY_IT_FIRST: Text = Text {
    zh: "请先清空这些内容再删除（或在命令行用 ziping remove 文件 章节 --force）",
    en: "empty it first (or use ziping remove FILE SECTION --force)",
};

/// The editor added the section now headed `heading`; `remove` is the key
/// that takes it away again while it is empty.
pub fn instance_added_here(heading: &str, remove: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已添加“{heading}”；不需要时，尚未填写前按 {remove} 删除"),
        Lang::En => format!("Added \"{heading}\"; {remove} removes it again while it is empty"),
    }
}

/// The editor removed the section headed `heading`.
pub fn instance_removed_here(heading: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已删除“{heading}”"),
        Lang::En => format!("Removed \"{heading}\""),
    }
}

/// `ziping add` added section `id` to `file`.
pub fn instance_added(file: &Path, id: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已在 {} 中添加章节 {id}", file.display()),
        Lang::En => format!("Added section {id} to {}", file.display()),
    }
}

/// `ziping remove` removed section `id` from `file`.
pub fn instance_removed(file: &Path, id: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已从 {} 中删除章节 {id}", file.display()),
        Lang::En => format!("Removed section {id} from {}", file.display()),
    }
}
