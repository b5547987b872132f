//! The words real tables write as a qualitative actual value, by the tier
//! they imply (DOMAIN.md: `完成`, `已完成`, `达成预期指标`, `达到预期`,
//! `显著提升`, `效果明显`, `好`, `较好`). A template adds its own words
//! (`"reading": {"tiers": {"达成": ["进展顺利"]}}`); a word in neither is
//! asked about, never refused.

use super::Tier;

/// The built-in words of each tier. The tier names themselves come first.
pub const BUILT_IN: &[(Tier, &[&str])] = &[
    (
        Tier::Met,
        &[
            "达成",
            "完成",
            "已完成",
            "全部完成",
            "按期完成",
            "按时完成",
            "完成目标",
            "达成预期指标",
            "达成预期目标",
            "达成目标",
            "达到预期",
            "达到预期目标",
            "达到预期指标",
            "达到目标",
            "已达到",
            "达到",
            "达标",
            "实现",
            "已实现",
            "实现目标",
            "显著提升",
            "明显提升",
            "显著提高",
            "明显提高",
            "有效提升",
            "效果明显",
            "效果显著",
            "成效明显",
            "成效显著",
            "好",
            "很好",
            "良好",
            "优",
            "优秀",
            "满意",
            "是",
            "有效",
            "合格",
            "符合",
            "符合要求",
            "符合标准",
        ],
    ),
    (
        Tier::MostlyMet,
        &[
            "基本达成",
            "基本完成",
            "基本实现",
            "基本达到",
            "基本达到预期",
            "基本满意",
            "基本符合",
            "较好",
            "比较好",
            "有所提升",
            "有所提高",
            "效果较好",
            "效果较明显",
        ],
    ),
    (
        Tier::PartlyMet,
        &[
            "部分达成",
            "部分完成",
            "部分实现",
            "部分达到",
            "一般",
            "效果一般",
        ],
    ),
    (
        Tier::NotMet,
        &[
            "未达成",
            "未完成",
            "未实现",
            "未达到",
            "未达标",
            "未达到预期",
            "差",
            "较差",
            "不满意",
            "否",
            "无效",
            "不合格",
        ],
    ),
];

/// Trailing marks a writer adds to a word (`已完成。`).
const TRAILING: &[char] = &['。', '.', '！', '!', '；', ';', '，', ','];

/// A word as compared: trimmed, without its trailing punctuation.
pub fn normalized(word: &str) -> &str {
    word.trim().trim_end_matches(TRAILING).trim()
}

/// The tier of `word` in the built-in vocabulary or among `extra`, which
/// a template adds (and which wins, so a template may move a word).
pub fn tier_of<'a>(word: &str, extra: impl Iterator<Item = (Tier, &'a [String])>) -> Option<Tier> {
    let word = normalized(word);
    let mut extra = extra;
    if let Some((tier, _)) = extra.find(|(_, words)| words.iter().any(|w| normalized(w) == word)) {
        return Some(tier);
    }
    BUILT_IN
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(tier, _)| *tier)
}
