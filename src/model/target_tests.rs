use super::*;

/// How a target reads, as a short code: `≥ 50 个`, `bare 100 %`,
/// `range 90 100 %`, `定性 效果明显`, `n/a /`.
fn reading(text: &str) -> String {
    match Target::parse(text) {
        Ok(Target::Quantity {
            op: Some(op),
            value,
            unit,
        }) => format!("{} {} {unit}", op.symbol(), value.normalize()),
        Ok(Target::Quantity {
            op: None,
            value,
            unit,
        }) => format!("bare {} {unit}", value.normalize()),
        Ok(Target::Range { low, high, unit }) => {
            format!("range {} {} {unit}", low.normalize(), high.normalize())
        }
        Ok(Target::Quality(words)) => format!("定性 {words}"),
        Ok(Target::NotApplicable(mark)) => format!("n/a {mark}"),
        Err(e) => format!("error {e:?}"),
    }
}

/// Every spelling in DOMAIN.md's "How real tables and reports are
/// written", and how it reads.
#[test]
fn every_spelling_of_a_target_is_read() {
    let cases = [
        // ≥ in its spellings
        ("≥50个", "≥ 50 个"),
        ("≧50个", "≥ 50 个"),
        (">=50个", "≥ 50 个"),
        ("＞＝５０个", "≥ 50 个"),
        ("大于等于50个", "≥ 50 个"),
        ("不低于90%", "≥ 90 %"),
        ("不少于3次", "≥ 3 次"),
        ("至少2期", "≥ 2 期"),
        ("50个以上", "≥ 50 个"),
        ("50个及以上", "≥ 50 个"),
        ("≥1,000人次", "≥ 1000 人次"),
        // ≤ in its spellings
        ("≤90万元", "≤ 90 万元"),
        ("≦90万元", "≤ 90 万元"),
        ("<= 90.00万元", "≤ 90 万元"),
        ("＜＝90万元", "≤ 90 万元"),
        ("小于等于90万元", "≤ 90 万元"),
        ("不高于5%", "≤ 5 %"),
        ("不超过20万元", "≤ 20 万元"),
        ("不多于3起", "≤ 3 起"),
        ("3天以内", "≤ 3 天"),
        ("3天内", "≤ 3 天"),
        ("5%以下", "≤ 5 %"),
        // = in its spellings, U+FE66 from one province's system
        ("=100%", "= 100 %"),
        ("＝100％", "= 100 %"),
        ("﹦72890元", "= 72890 元"),
        ("等于100%", "= 100 %"),
        ("==1个", "= 1 个"),
        // strict
        (">95%", "> 95 %"),
        ("＞3天", "> 3 天"),
        ("大于95%", "> 95 %"),
        ("高于上年5%", "定性 高于上年5%"),
        ("超过10家", "> 10 家"),
        ("<5%", "< 5 %"),
        ("＜5%", "< 5 %"),
        ("小于5%", "< 5 %"),
        ("低于3%", "< 3 %"),
        // ranges
        ("90%-100%", "range 90 100 %"),
        ("90-100%", "range 90 100 %"),
        ("90%～100%", "range 90 100 %"),
        ("3～5个", "range 3 5 个"),
        ("3~5个", "range 3 5 个"),
        ("3至5个", "range 3 5 个"),
        ("5-3个", "range 3 5 个"),
        // bare figures: the template's default decides
        ("100%", "bare 100 %"),
        ("20万元", "bare 20 万元"),
        ("50个", "bare 50 个"),
        ("１２３", "bare 123 "),
        // not applicable
        ("/", "n/a /"),
        ("／", "n/a ／"),
        ("—", "n/a —"),
        ("——", "n/a ——"),
        ("不适用", "n/a 不适用"),
        // words
        ("效果明显", "定性 效果明显"),
        ("定性：群众认可", "定性 群众认可"),
        ("不低于上年水平", "定性 不低于上年水平"),
        ("12月底前完成", "定性 12月底前完成"),
        ("2023年12月31日前", "定性 2023年12月31日前"),
        ("高", "定性 高"),
    ];
    for (input, want) in cases {
        assert_eq!(reading(input), want, "{input}");
    }
}

#[test]
fn targets_are_shown_in_their_canonical_form() {
    let cases = [
        ("＞＝５０个", "≥50个"),
        ("不低于90%", "≥90%"),
        ("﹦72890元", "=72890元"),
        ("100%", "100%"),
        ("90%～100%", "90%-100%"),
        ("3～5个", "3-5个"),
        ("—", "—"),
        ("效果明显", "效果明显"),
    ];
    for (input, shown) in cases {
        let target = Target::parse(input).map(|t| t.to_string());
        assert_eq!(target.as_deref(), Ok(shown), "{input}");
    }
}

#[test]
fn a_comparator_symbol_without_a_figure_or_a_negative_target_is_refused() {
    let cases = [
        ("≥", "请在“≥”后写数值和单位，如 ≥50个"),
        ("≤很多", "请在“≤”后写数值和单位，如 ≤50个"),
        ("≥-3", "指标值不能为负数"),
        ("-5个", "指标值不能为负数"),
    ];
    for (input, message) in cases {
        let got = Target::parse(input)
            .map_err(|e| crate::strings::value_error(&e, crate::lang::Lang::Zh));
        assert_eq!(got, Err(message.to_string()), "{input}");
    }
}

#[test]
fn actual_figures_are_read_with_their_comparator_and_unit() {
    let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
    let cases = [
        ("≥266米", Some((Some(Op::AtLeast), d("266"), "米"))),
        ("100%", Some((None, d("100"), "%"))),
        ("72890元", Some((None, d("72890"), "元"))),
        ("383,406元", Some((None, d("383406"), "元"))),
        ("40个", Some((None, d("40"), "个"))),
        ("已完成", None),
        ("12月底前完成", None),
    ];
    for (input, want) in cases {
        let got = figure(input);
        let want = want.map(|(op, v, u)| (op, v, u.to_string()));
        assert_eq!(got, want, "{input}");
    }
}
