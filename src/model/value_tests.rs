//! Table-driven tests of every field kind: what is accepted (and how it is
//! shown afterwards), what is refused and with which message.

use serde_json::json;

use super::*;

fn field(kind: Kind) -> Field {
    Field::of(kind, json!({}))
}

/// A field with a unit, for the kinds that have one; the others ignore it.
fn with_unit(kind: Kind, unit: &str) -> Field {
    match kind {
        Kind::Integer | Kind::Money | Kind::Decimal => Field::of(kind, json!({ "unit": unit })),
        _ => field(kind),
    }
}

/// Accepted input → the canonical text shown in the export.
fn accepts(f: &Field, cases: &[(&str, &str)]) {
    for (input, shown) in cases {
        match parse(f, input) {
            Ok(Some(v)) => assert_eq!(display(f, &v), *shown, "{:?} {input:?}", f.kind()),
            other => panic!("{:?} {input:?} should be accepted, got {other:?}", f.kind()),
        }
    }
}

/// Refused input → the message the writer sees.
fn refuses(f: &Field, cases: &[(&str, &str)]) {
    for (input, message) in cases {
        assert_eq!(
            parse(f, input).map_err(|e| crate::strings::value_error(&e, crate::lang::Lang::Zh)),
            Err(message.to_string()),
            "{:?} {input:?}",
            f.kind()
        );
    }
}

#[test]
fn empty_input_is_no_value_for_every_kind() {
    for kind in [
        Kind::Text,
        Kind::Integer,
        Kind::Money,
        Kind::Percent,
        Kind::Year,
        Kind::Date,
    ] {
        assert_eq!(
            parse(&with_unit(kind, "万元"), " \u{3000} "),
            Ok(None),
            "{kind:?}"
        );
    }
}

#[test]
fn integer_with_unit() {
    let f = Field::of(Kind::Integer, json!({"unit": "人", "min": 0}));
    accepts(
        &f,
        &[
            ("33016", "33016人"),
            ("33016人", "33016人"),
            ("33,016", "33016人"),
            ("３３０１６", "33016人"),
            (" 7 人 ", "7人"),
        ],
    );
    refuses(
        &f,
        &[
            ("12.5", "请输入整数，单位：人"),
            ("十二", "请输入整数，单位：人"),
            ("12个", "请输入整数，单位：人"),
            ("1,23", "请输入整数，单位：人"),
            ("-3", "数值小于下限0"),
            ("99999999999999999999", "数值太大"),
        ],
    );
}

#[test]
fn money_rounds_half_away_from_zero_and_converts_units() {
    let f = Field::of(Kind::Money, json!({"unit": "万元", "min": 0}));
    accepts(
        &f,
        &[
            ("100", "100.00万元"),
            ("85.5万元", "85.50万元"),
            ("12.345", "12.35万元"),
            ("12.344", "12.34万元"),
            ("1,234.567", "1234.57万元"),
            ("383,406元", "38.34万元"),
            ("1.5亿元", "15000.00万元"),
            ("１２．５", "12.50万元"),
        ],
    );
    refuses(
        &f,
        &[
            ("十万", "请输入金额，单位：万元，保留2位小数"),
            ("12美元", "请输入金额，单位：万元，保留2位小数"),
            ("1.2.3", "请输入金额，单位：万元，保留2位小数"),
            ("-1", "金额小于下限0"),
        ],
    );
    let three = Field::of(Kind::Money, json!({"unit": "元", "decimals": 3}));
    accepts(&three, &[("1.0005", "1.001元"), ("2", "2.000元")]);
}

#[test]
fn percent_allows_rates_above_100() {
    let f = field(Kind::Percent);
    accepts(
        &f,
        &[
            ("85", "85%"),
            ("56.7%", "56.7%"),
            ("56.70％", "56.7%"),
            ("104.5", "104.5%"),
            ("99.995", "100%"),
        ],
    );
    refuses(
        &f,
        &[
            ("八成", "请输入百分比，最多2位小数"),
            ("85‰", "请输入百分比，最多2位小数"),
        ],
    );
    let capped = Field::of(Kind::Percent, json!({"decimals": 0, "max": 100}));
    accepts(&capped, &[("89.5", "90%")]);
    refuses(&capped, &[("101", "比例超过上限100")]);
}

#[test]
fn year() {
    let f = field(Kind::Year);
    accepts(
        &f,
        &[("2022", "2022"), ("2022年", "2022"), ("２０２２", "2022")],
    );
    refuses(
        &f,
        &[
            ("22", "请输入四位年份，如2022"),
            ("1800", "年份1800不在1949至2100之间"),
        ],
    );
}

#[test]
fn date_accepts_common_spellings() {
    let f = field(Kind::Date);
    accepts(
        &f,
        &[
            ("2023年4月6日", "2023年4月6日"),
            ("2023-04-06", "2023年4月6日"),
            ("2023/4/6", "2023年4月6日"),
            ("2023.4.6", "2023年4月6日"),
            ("20230406", "2023年4月6日"),
            ("2024-02-29", "2024年2月29日"),
        ],
    );
    refuses(
        &f,
        &[
            ("2023-02-29", "2023年2月没有29日"),
            ("2023-13-01", "月份13不存在"),
            ("4月6日", "请输入日期，如2023年4月6日或2023-04-06"),
            ("明天", "请输入日期，如2023年4月6日或2023-04-06"),
        ],
    );
}

#[test]
fn choice_and_text() {
    let f = Field::of(
        Kind::Choice,
        json!({"options": ["部门（单位）绩效自评", "第三方评价"]}),
    );
    accepts(&f, &[("第三方评价", "第三方评价")]);
    refuses(&f, &[("自评", "请选择：部门（单位）绩效自评、第三方评价")]);
    let t = field(Kind::Text);
    accepts(&t, &[("中共常宁市委组织部", "中共常宁市委组织部")]);
    refuses(&t, &[("两\n行", "单行文字不能换行")]);
}

#[test]
fn char_count_ignores_line_breaks() {
    assert_eq!(char_count("一二\n三\r\n"), 3);
}

#[test]
fn figures_are_kept_exactly_and_only_the_display_rounds() {
    // (field, typed, exact value kept, as shown, whether a notice is due)
    let wan = Field::of(Kind::Money, json!({"unit": "万元"}));
    let yuan3 = Field::of(Kind::Money, json!({"unit": "元", "decimals": 3}));
    let rate = field(Kind::Percent);
    let whole_rate = Field::of(Kind::Percent, json!({"decimals": 0}));
    let score = Field::of(Kind::Decimal, json!({"decimals": 1}));
    let cases: [(&Field, &str, &str, &str, bool); 10] = [
        (&wan, "89.974", "89.974", "89.97万元", true),
        (&wan, "89.97", "89.97", "89.97万元", false),
        (&wan, "89.970", "89.97", "89.97万元", false),
        // 383406 ÷ 10000, exactly.
        (&wan, "383,406元", "38.3406", "38.34万元", true),
        (&wan, "383,400元", "38.34", "38.34万元", false),
        (&wan, "0.5亿元", "5000", "5000.00万元", false),
        (&yuan3, "1.0005", "1.0005", "1.001元", true),
        (&rate, "99.995", "99.995", "100%", true),
        (&whole_rate, "89.5%", "89.5", "90%", true),
        (&score, "8.25", "8.25", "8.3", true),
    ];
    for (f, typed, exact, shown, notice) in cases {
        let Ok(Some(v)) = parse(f, typed) else {
            panic!("{typed} should be accepted");
        };
        assert_eq!(
            v,
            Value::Decimal(exact.parse().expect("a decimal")),
            "{typed}"
        );
        assert_eq!(display(f, &v), shown, "{typed}");
        assert_eq!(hidden_digits(f, &v).is_some(), notice, "{typed}");
    }
}

#[test]
fn a_message_shows_a_figure_with_the_digits_it_has() {
    let wan = Field::of(Kind::Money, json!({"unit": "万元"}));
    let d = |s: &str| -> Decimal { s.parse().expect("a decimal") };
    // A difference of typed figures is shown as it is, not as 0.00.
    assert_eq!(display_figure(&wan, d("0.004")), "0.004万元");
    assert_eq!(display_figure(&wan, d("12.5")), "12.50万元");
    // A quotient's endless digits are the column's rounding.
    assert_eq!(
        display_figure(&wan, Decimal::ONE / Decimal::from(3)),
        "0.33万元"
    );
}

#[test]
fn an_amount_too_large_to_convert_is_refused_not_a_crash() {
    let wan = Field::of(Kind::Money, json!({"unit": "元"}));
    assert_eq!(
        parse(&wan, "70000000000000000000000000亿元"),
        Err(ValueError::TooBig)
    );
}
