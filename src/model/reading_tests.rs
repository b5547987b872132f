use super::*;
use crate::model::schema::SplitColumns;

fn spec() -> ReadingSpec {
    let json = serde_json::json!({
        "target": "target", "actual": "actual", "by": "level2",
        "direction": "direction", "defaults": {"成本指标": "≤"},
        "tiers": {"达成": ["进展顺利"], "部分达成": ["好"]}
    });
    serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
}

/// Reads a row of `(column, text)` cells.
fn read(spec: &ReadingSpec, cells: &[(&str, &str)]) -> Reading {
    let cells: Vec<(String, String)> = cells
        .iter()
        .map(|(c, t)| (c.to_string(), t.to_string()))
        .collect();
    read_row(spec, &|id| {
        cells
            .iter()
            .find(|(c, _)| c == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    })
}

#[test]
fn a_bare_target_takes_the_default_of_its_row() {
    let s = spec();
    let cases = [
        ("数量指标", "", "100%", "≥100%", false),
        ("成本指标", "", "20万元", "≤20万元", false),
        ("成本指标", "反向", "20万元", "≥20万元", true),
        ("质量指标", "反向", "5%", "≤5%", true),
        ("质量指标", "正向", "5%", "≥5%", false),
        ("", "", "3个", "≥3个", false),
    ];
    for (level2, direction, target, want, reversed) in cases {
        let r = read(
            &s,
            &[
                ("level2", level2),
                ("direction", direction),
                ("target", target),
            ],
        );
        let t = r.target.unwrap_or_else(|| panic!("{target}: no target"));
        assert_eq!(t.target.to_string(), want, "{level2} {direction} {target}");
        assert_eq!(
            t.op_from,
            OpFrom::Default {
                by: level2.to_string(),
                reversed
            }
        );
    }
    // A written comparator is never flipped.
    let r = read(&s, &[("direction", "反向"), ("target", "≥5%")]);
    assert_eq!(r.target.map(|t| t.op_from), Some(OpFrom::Written));
}

#[test]
fn actual_values_are_read_against_their_target() {
    let s = spec();
    let d = |x: &str| x.parse::<Decimal>().unwrap_or_default();
    let figure = |value: &str, unit: &str, compared: Option<&str>| ActualReading::Figure {
        op: None,
        value: d(value),
        unit: unit.to_string(),
        compared: compared.map(d),
    };
    let tier = |tier, from| ActualReading::Tier { tier, from };
    let cases = [
        ("≥7万元", "72890元", figure("72890", "元", Some("7.289"))),
        ("=100%", "100%", figure("100", "%", Some("100"))),
        ("≥90%", "95", figure("95", "", Some("95"))),
        ("≥50个", "40%", figure("40", "%", None)),
        ("高", "高", tier(Tier::Met, TierFrom::EqualsTarget)),
        (
            "效果明显",
            "效果明显。",
            tier(Tier::Met, TierFrom::EqualsTarget),
        ),
        (
            "效果明显",
            "达成预期指标",
            tier(Tier::Met, TierFrom::Vocabulary),
        ),
        ("≥50个", "已完成", tier(Tier::Met, TierFrom::Vocabulary)),
        ("高", "较好", tier(Tier::MostlyMet, TierFrom::Vocabulary)),
        ("高", "进展顺利", tier(Tier::Met, TierFrom::Vocabulary)),
        // The template moves a built-in word to another tier.
        ("高", "好", tier(Tier::PartlyMet, TierFrom::Vocabulary)),
        ("高", "未完成", tier(Tier::NotMet, TierFrom::Vocabulary)),
        ("高", "有待观察", ActualReading::Unknown("有待观察".into())),
        ("高", "", ActualReading::Blank),
        ("/", "/", ActualReading::NotApplicable),
    ];
    for (target, actual, want) in cases {
        let r = read(&s, &[("target", target), ("actual", actual)]);
        assert_eq!(r.actual, want, "{target} / {actual}");
    }
    let r = read(&s, &[("target", "≥266米"), ("actual", "≥266米")]);
    assert!(
        matches!(
            r.actual,
            ActualReading::Figure {
                op: Some(Op::AtLeast),
                ..
            }
        ),
        "{r:?}"
    );
}

#[test]
fn the_split_layout_makes_one_target_of_three_cells() {
    let s = ReadingSpec {
        target: None,
        split: Some(SplitColumns {
            nature: "nature".into(),
            value: "value".into(),
            unit: "unit".into(),
        }),
        ..spec()
    };
    let cases = [
        ("定量", "≥50", "个", Some("≥50个")),
        ("定量", "100", "%", Some("≥100%")),
        ("", "3-5", "个", Some("3-5个")),
        ("定性", "效果明显", "", Some("效果明显")),
        ("定性", "/", "", Some("/")),
        ("定量", "", "个", None),
    ];
    for (nature, value, unit, want) in cases {
        let r = read(&s, &[("nature", nature), ("value", value), ("unit", unit)]);
        let got = r.target.map(|t| t.target.to_string());
        assert_eq!(got.as_deref(), want, "{nature} {value} {unit}");
    }
    let r = read(&s, &[("nature", "定量"), ("value", "≥"), ("unit", "个")]);
    assert_eq!(r.target_error, Some(ValueError::TargetWithoutNumber("≥")));
}
