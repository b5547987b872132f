use super::*;

/// Each figure as (as written, value, unit, approximation).
fn found(text: &str) -> Vec<(String, String, String, Option<Approx>)> {
    quantities(text)
        .into_iter()
        .map(|q| {
            (
                text[q.span.clone()].to_string(),
                q.value.normalize().to_string(),
                q.unit,
                q.approx,
            )
        })
        .collect()
}

#[test]
fn number_forms_are_read_with_their_units() {
    use Approx::*;
    let cases: &[(&str, &str, &str, &str, Option<Approx>)] = &[
        (
            "累计培训党员33016人次，",
            "33016人次",
            "33016",
            "人次",
            None,
        ),
        ("占比56.7%，", "56.7%", "56.7", "%", None),
        ("补贴383406元", "383406元", "383406", "元", None),
        ("补贴383,406元", "383,406元", "383406", "元", None),
        (
            "补贴３８３，４０６元",
            "３８３，４０６元",
            "383406",
            "元",
            None,
        ),
        ("占比５６．７％。", "５６．７％", "56.7", "%", None),
        ("每村40万元的标准", "40万元", "40", "万元", None),
        ("活动2200余次", "2200余次", "2200", "次", Some(More)),
        ("承诺书4万余份", "4万余份", "4", "万份", Some(More)),
        ("占比49%以上", "49%以上", "49", "%", Some(AtLeast)),
        ("约300人参加", "约300人", "300", "人", Some(About)),
        ("培训两期", "两期", "2", "期", None),
        ("微党课十余部", "十余部", "10", "部", Some(More)),
        ("三千六百余人", "三千六百余人", "3600", "人", Some(More)),
        ("一百二十三名", "一百二十三名", "123", "名", None),
        ("提高5个百分点", "5个百分点", "5", "个百分点", None),
        ("百分之九十五", "百分之九十五", "95", "%", None),
        ("节约30万元", "30万元", "30", "万元", None),
        ("1.5亿元", "1.5亿元", "1.5", "亿元", None),
        ("近千人", "千人", "1000", "人", None),
    ];
    for (text, written, value, unit, approx) in cases {
        let got = found(text);
        let first = got.first().cloned();
        let want = Some((
            written.to_string(),
            value.to_string(),
            unit.to_string(),
            *approx,
        ));
        if *text == "近千人" {
            // 千 alone is an idiom's (千家万户) more often than a count.
            assert!(got.is_empty(), "{text}: {got:?}");
            continue;
        }
        assert_eq!(first, want, "{text}: {got:?}");
    }
}

#[test]
fn two_figures_side_by_side_are_two() {
    let got = found("建立党员志愿服务队94支275人");
    let written: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(written, ["94支", "275人"]);
}

#[test]
fn false_friends_are_not_quantities() {
    let texts = [
        "按照湘办发〔2022〕10号文件",
        "湘财绩（2015）15号",
        "2023年4月6日",
        "学习贯彻党的二十大精神",
        "十九届六中全会精神专题读书班",
        "严格执行2022年的财政预算",
        "2022年度",
        "入选湖南省第一批党员教育培训现场教学点",
        "完成全市第四批次公务员职级晋升工作",
        "《常宁市千名机关党员干部下沉一线助力疫情防控工作方案》",
        "《2022年度常宁市党员教育培训工作计划》",
        "五年行动计划（2022—2026年）",
        "一是加强理论武装，二是强化能力素质",
        "三会一课",
        "统一培训",
        "指标值3～5个",
        "G20峰会",
        "光荣在党50年",
    ];
    for text in texts {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn spans_clauses_and_sentences_frame_the_figure() {
    let text =
        "一是强化能力素质。分层分批开展县级普遍轮训23期，累计培训党员33016人次，进一步增强党性。";
    let q = quantities(text);
    let trained = &q[1];
    assert_eq!(&text[trained.span.clone()], "33016人次");
    assert_eq!(&text[trained.clause.clone()], "累计培训党员33016人次");
    assert_eq!(
        &text[trained.sentence.clone()],
        "分层分批开展县级普遍轮训23期，累计培训党员33016人次，进一步增强党性"
    );
    let chars: Vec<char> = text.chars().collect();
    let written: String = chars[trained.chars.clone()].iter().collect();
    assert_eq!(written, "33016人次");
}

#[test]
fn hedges_bound_what_agrees() {
    let one = |text: &str| quantities(text).remove(0);
    let d = |n: i64| Decimal::from(n);
    let more = one("活动2200余次");
    assert!(more.allows(d(2200)) && more.allows(d(2299)));
    assert!(!more.allows(d(2300)) && !more.allows(d(2199)));
    let ten = one("十余部");
    assert!(ten.allows(d(19)) && !ten.allows(d(20)));
    let about = one("约300人");
    assert!(about.allows(d(290)) && !about.allows(d(340)));
    let exact = one("33016人次");
    assert!(exact.allows(d(33016)) && !exact.allows(d(33015)));
    let at_least = one("49%以上");
    assert!(at_least.allows(d(60)) && !at_least.allows(d(48)));
}

/// Text made of the characters figures are made of, and the ones
/// around them, in any order.
fn prose() -> impl proptest::strategy::Strategy<Value = String> {
    let pieces = proptest::sample::select(vec![
        "0",
        "7",
        "９",
        ".",
        "．",
        ",",
        "，",
        "。",
        "%",
        "％",
        "余",
        "多",
        "约",
        "以上",
        "万",
        "亿",
        "千",
        "百分之",
        "十",
        "两",
        "一",
        "三",
        "零",
        "人",
        "人次",
        "个",
        "元",
        "第",
        "《",
        "》",
        "—",
        "～",
        "年",
        "号",
        "〔",
        "〕",
        "\n",
        "a",
        "é",
        "🙂",
        " ",
    ]);
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

use proptest::prelude::*;

proptest! {
    #[test]
    fn the_scanner_never_panics_and_its_spans_hold(text in prose(), noise in ".{0,40}") {
        for text in [text.clone(), noise, format!("{text}{text}")] {
            let count = text.chars().count();
            for q in quantities(&text) {
                prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
                prop_assert!(q.span.start < q.span.end && q.span.end <= text.len());
                prop_assert!(q.clause.start <= q.span.start && q.span.end <= q.clause.end);
                prop_assert!(q.sentence.start <= q.clause.start && q.clause.end <= q.sentence.end);
                prop_assert!(text.is_char_boundary(q.sentence.start) && text.is_char_boundary(q.sentence.end));
                prop_assert!(q.chars.end <= count);
                prop_assert_eq!(text[..q.span.start].chars().count(), q.chars.start);
                prop_assert!(q.step > Decimal::ZERO);
            }
        }
    }
}

#[test]
fn fractions_go_on_in_units_of_measure_only() {
    let cases = [
        ("亿元资金", true),
        ("个百分点", true),
        ("%的项目", true),
        ("小时", true),
        ("本年度", false),
        ("部分指标", false),
        ("条件保障", false),
        ("元旦", false),
        ("分配情况", false),
    ];
    for (rest, fraction) in cases {
        assert_eq!(continues_a_fraction(rest), fraction, "{rest}");
    }
}
