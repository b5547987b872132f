//! The words the quantity finder knows: units and measure words, words
//! that only look like one, hedges before and after a figure, and the
//! punctuation that ends clauses and sentences.

/// How a figure hedges: the words around it and what they allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// 余、多: at least the figure, below the next step of its last digit
    /// (`2200余` is 2200 to 2299, `十余` 10 to 19).
    More,
    /// 以上、超过、逾: at least the figure.
    AtLeast,
    /// 以内、以下、不足、不到: at most the figure.
    AtMost,
    /// 约、左右、大约: within a tenth of the figure either way.
    About,
    /// 近、将近、接近: up to a tenth below the figure.
    Nearly,
}

/// Units a measured figure is written in, a fraction too (1.5万元,
/// 3.5个百分点, 12.5%, 2.5小时): what an outline number such as 2.1 is
/// not followed by. Together with [`COUNTS`], the units a figure is read
/// with (see [`units`]).
pub(super) const MEASURES: &[&str] = &[
    "个百分点",
    "平方米",
    "平方公里",
    "公里",
    "千米",
    "公斤",
    "千克",
    "小时",
    "分钟",
    "个月",
    "元",
    "米",
    "亩",
    "吨",
    "倍",
    "%",
    "％",
    "‰",
];

/// Measure words of counted things, and units that start headings after
/// an outline number as often as they end figures (分: 2.2分配情况), so
/// 2.1本年度绩效目标完成情况 stays a heading.
pub(super) const COUNTS: &[&str] = &[
    "人次", "批次", "课时", "学时", "周年", "人", "名", "个", "期", "次", "份", "支", "户", "批",
    "项", "家", "所", "场", "件", "部", "篇", "台", "条", "枚", "套", "本", "册", "张", "处", "座",
    "间", "辆", "位", "组", "队", "例", "宗", "天", "分",
];

/// Units and measure words a count, an amount or a share is written in.
/// Matched longest first, so 人次 wins over 人 and 个百分点 over 个.
pub(super) fn units() -> impl Iterator<Item = &'static str> {
    MEASURES.iter().chain(COUNTS).copied()
}

/// Words that start like a unit but are not one after a number
/// (`预算300支出` is rare, `2部门` is a count of 部门 only loosely).
pub(super) const NOT_UNITS: &[&str] = &[
    "支出", "支持", "支部", "部门", "部署", "名单", "名称", "期间", "场所", "台账", "条例", "份额",
    "户籍", "处理", "处置", "组织", "队伍", "本级", "间隔", "分别", "分值", "分析", "分类", "分层",
    "分批", "次数", "件数", "人员", "个人", "家庭", "元旦",
];

/// Magnitudes written after Arabic digits (`4万`, `1.5亿`).
pub(super) const MAGNITUDES: &[char] = &['万', '亿', '千'];

pub(super) const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '\n'];
/// Where a clause ends: a clause mark or a sentence end.
pub(super) const CLAUSE_OR_SENTENCE_ENDS: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '\n',
];

pub(super) const PREFIXES: &[(&str, Approx)] = &[
    ("大约", Approx::About),
    ("将近", Approx::Nearly),
    ("接近", Approx::Nearly),
    ("超过", Approx::AtLeast),
    ("不足", Approx::AtMost),
    ("不到", Approx::AtMost),
    ("约", Approx::About),
    ("近", Approx::Nearly),
    ("逾", Approx::AtLeast),
];

/// Words ending in a hedge's character that hedge nothing (节约30万元).
pub(super) const NOT_PREFIXES: &[&str] = &[
    "节约", "制约", "签约", "合约", "预约", "履约", "最近", "附近", "临近",
];

pub(super) const SUFFIXES: &[(&str, Approx)] = &[
    ("以上", Approx::AtLeast),
    ("左右", Approx::About),
    ("以内", Approx::AtMost),
    ("以下", Approx::AtMost),
];

/// Characters that join two figures into a range (`3～5个`, `2022—2026年`).
pub(super) const RANGE_MARKS: &[char] = &['～', '~', '-', '－', '—', '–', '至', '到'];
