//! The sentences about how a target and an actual value were read: the
//! findings the reading gives (a bare target's comparator, not applicable,
//! a missing actual, a word to confirm, units that differ) and a
//! description of a row's reading for the views (`ziping fields`, the
//! message line of a focused target cell).

use crate::lang::Lang;
use crate::model::finding::FindingKind;
use crate::model::reading::{ActualReading, OpFrom, Reading, Tier, TierFrom};
use crate::model::target::Target;

/// The tiers as a writer may type them, for the sentences that ask.
fn tiers() -> String {
    Tier::ALL
        .iter()
        .map(|t| format!("“{}”", t.name()))
        .collect::<Vec<_>>()
        .join("")
}

/// The sentence for a finding of the reading; `None` for other kinds.
pub(super) fn finding(kind: &FindingKind, lang: Lang) -> Option<String> {
    Some(match (kind, lang) {
        (
            FindingKind::TargetDefault {
                written,
                read,
                by,
                reversed,
            },
            Lang::Zh,
        ) => {
            let whose = match (by.is_empty(), reversed) {
                (true, false) => "模板的默认比较符号".to_string(),
                (false, false) => format!("“{by}”的默认比较符号"),
                (true, true) => "模板的默认比较符号，指标方向为反向".to_string(),
                (false, true) => format!("“{by}”的默认比较符号，指标方向为反向"),
            };
            format!(
                "年度指标值“{written}”未写比较符号，按“{read}”计分（{whose}）；如不对，请写明比较符号"
            )
        }
        (
            FindingKind::TargetDefault {
                written,
                read,
                by,
                reversed,
            },
            Lang::En,
        ) => {
            let whose = match by.is_empty() {
                true => "the template's default comparator".to_string(),
                false => format!("the default comparator of \"{by}\""),
            };
            let flipped = if *reversed {
                ", reversed as the direction is 反向"
            } else {
                ""
            };
            format!(
                "The target \"{written}\" has no comparator; it is scored as \"{read}\" ({whose}{flipped}). If that is wrong, write the comparator"
            )
        }
        (FindingKind::TargetNotApplicable { mark }, Lang::Zh) => format!(
            "年度指标值为“{mark}”（不适用）：此行不按指标值计分，也不要求偏差原因，得分请直接填写"
        ),
        (FindingKind::TargetNotApplicable { mark }, Lang::En) => format!(
            "The target is \"{mark}\" (not applicable): the row is not scored against a target and no reason is asked for; type its score"
        ),
        (FindingKind::ActualMissing, Lang::Zh) => "已填年度指标值，尚未填写实际完成值".into(),
        (FindingKind::ActualMissing, Lang::En) => {
            "The row has a target but no actual value yet".into()
        }
        (FindingKind::ActualUnknown { word }, Lang::Zh) => format!(
            "无法从实际完成值“{word}”判断达成程度，请确认：改写为{}之一，或写数值；也可在模板的词表中加入这个词",
            tiers()
        ),
        (FindingKind::ActualUnknown { word }, Lang::En) => format!(
            "Cannot tell how far \"{word}\" meets the target; please confirm: write one of {} or a figure, or add the word to the template's vocabulary",
            tiers()
        ),
        (FindingKind::UnitsDiffer { actual, target }, Lang::Zh) => format!(
            "实际完成值的单位“{}”与年度指标值的单位“{}”无法比较，此行未计分",
            shown(actual),
            shown(target)
        ),
        (FindingKind::UnitsDiffer { actual, target }, Lang::En) => format!(
            "The actual value's unit \"{}\" cannot be compared with the target's unit \"{}\"; the row is not scored",
            shown(actual),
            shown(target)
        ),
        _ => return None,
    })
}

/// A unit as a sentence names it; none is written as （无）.
fn shown(unit: &str) -> &str {
    if unit.is_empty() { "（无）" } else { unit }
}

/// How a row's target was read, in words: `按“≥100%”计（比较符号 ≥，数值
/// 100，单位 %；“数量指标”的默认）`.
pub fn target_reading(reading: &Reading, lang: Lang) -> String {
    let Some(t) = &reading.target else {
        return lang
            .pick(
                "年度指标值未填或无法读取",
                "No target, or one that cannot be read",
            )
            .into();
    };
    let how = match (&t.op_from, lang) {
        (OpFrom::Written, Lang::Zh) => String::new(),
        (OpFrom::Written, Lang::En) => String::new(),
        (OpFrom::Default { by, reversed }, Lang::Zh) => {
            let by = if by.is_empty() {
                "模板".to_string()
            } else {
                format!("“{by}”")
            };
            let flip = if *reversed {
                "，指标方向反向"
            } else {
                ""
            };
            format!("；未写比较符号，取{by}的默认{flip}")
        }
        (OpFrom::Default { by, reversed }, Lang::En) => {
            let by = if by.is_empty() {
                "the template".to_string()
            } else {
                format!("\"{by}\"")
            };
            let flip = if *reversed { ", reversed (反向)" } else { "" };
            format!("; no comparator written, the default of {by}{flip}")
        }
    };
    match (&t.target, lang) {
        (Target::Quantity { op, value, unit }, Lang::Zh) => format!(
            "按“{}”计：比较符号 {}，数值 {}，单位 {}{how}",
            t.target,
            op.map_or("", |o| o.symbol()),
            value.normalize(),
            shown(unit)
        ),
        (Target::Quantity { op, value, unit }, Lang::En) => format!(
            "Read as \"{}\": comparator {}, number {}, unit {}{how}",
            t.target,
            op.map_or("", |o| o.symbol()),
            value.normalize(),
            if unit.is_empty() { "(none)" } else { unit }
        ),
        (Target::Range { low, high, unit }, Lang::Zh) => format!(
            "按区间计：{}至{}，单位 {}；区间内为达成（通行做法）",
            low.normalize(),
            high.normalize(),
            shown(unit)
        ),
        (Target::Range { low, high, unit }, Lang::En) => format!(
            "Read as a range from {} to {}, unit {}; met inside it (a common convention)",
            low.normalize(),
            high.normalize(),
            if unit.is_empty() { "(none)" } else { unit }
        ),
        (Target::Quality(words), Lang::Zh) => format!("定性指标：“{words}”"),
        (Target::Quality(words), Lang::En) => format!("A qualitative target: \"{words}\""),
        (Target::NotApplicable(mark), Lang::Zh) => format!("“{mark}”：不适用，不按指标值计分"),
        (Target::NotApplicable(mark), Lang::En) => {
            format!("\"{mark}\": not applicable, not scored against a target")
        }
    }
}

/// How a row's actual value was read, in words.
pub fn actual_reading(reading: &Reading, lang: Lang) -> String {
    match (&reading.actual, lang) {
        (ActualReading::Blank, Lang::Zh) => "实际完成值未填".into(),
        (ActualReading::Blank, Lang::En) => "No actual value yet".into(),
        (ActualReading::NotApplicable, Lang::Zh) => "实际完成值：不适用".into(),
        (ActualReading::NotApplicable, Lang::En) => "Actual value: not applicable".into(),
        (
            ActualReading::Figure {
                value,
                unit,
                compared,
                ..
            },
            Lang::Zh,
        ) => match compared {
            Some(n) if n != value => format!(
                "实际完成值 {}{}，折合 {}{}",
                value.normalize(),
                unit,
                n.normalize(),
                reading.target.as_ref().map_or("", |t| t.target.unit())
            ),
            Some(_) => format!("实际完成值 {}{}", value.normalize(), unit),
            None => format!("实际完成值 {}{}，无法与指标值比较", value.normalize(), unit),
        },
        (
            ActualReading::Figure {
                value,
                unit,
                compared,
                ..
            },
            Lang::En,
        ) => match compared {
            Some(n) if n != value => format!(
                "Actual value {}{unit}, that is {}{}",
                value.normalize(),
                n.normalize(),
                reading.target.as_ref().map_or("", |t| t.target.unit())
            ),
            Some(_) => format!("Actual value {}{unit}", value.normalize()),
            None => format!(
                "Actual value {}{unit}, which cannot be compared with the target",
                value.normalize()
            ),
        },
        (
            ActualReading::Tier {
                tier,
                from: TierFrom::Vocabulary,
            },
            Lang::Zh,
        ) => {
            format!("达成程度：{}", tier.name())
        }
        (
            ActualReading::Tier {
                tier,
                from: TierFrom::Vocabulary,
            },
            Lang::En,
        ) => {
            format!("Tier: {}", tier.name())
        }
        (
            ActualReading::Tier {
                tier,
                from: TierFrom::EqualsTarget,
            },
            Lang::Zh,
        ) => {
            format!("达成程度：{}（与指标值相同）", tier.name())
        }
        (
            ActualReading::Tier {
                tier,
                from: TierFrom::EqualsTarget,
            },
            Lang::En,
        ) => {
            format!("Tier: {} (the same as the target)", tier.name())
        }
        (ActualReading::Unknown(word), Lang::Zh) => format!("“{word}”：达成程度待确认"),
        (ActualReading::Unknown(word), Lang::En) => {
            format!("\"{word}\": the tier is to be confirmed")
        }
    }
}
