//! Units of the same kind written differently (元 and 万元, 米 and 千米): an
//! actual value in one is compared with a target in the other. Units of
//! different kinds (个 and %) cannot be compared.

use rust_decimal::Decimal;

/// Units spelt another way, with how many of the base unit each is.
const ALIASES: &[(&str, &str, i64)] = &[
    ("公里", "米", 1_000),
    ("公斤", "克", 1_000),
    ("吨", "克", 1_000_000),
    ("平方公里", "平方米", 1_000_000),
    ("名", "人", 1),
    ("日", "天", 1),
    ("月", "个月", 1),
    ("％", "%", 1),
];

/// Multiplying prefixes: 万元 is 10,000 元, 千米 is 1,000 米.
const PREFIXES: &[(char, i64)] = &[('亿', 100_000_000), ('万', 10_000), ('千', 1_000)];

/// A unit as a multiple of its base unit: 万元 → (10000, 元).
fn base(unit: &str) -> (Decimal, String) {
    if let Some((_, to, n)) = ALIASES.iter().find(|(from, ..)| *from == unit) {
        return (Decimal::from(*n), (*to).to_string());
    }
    let mut chars = unit.chars();
    if let Some(first) = chars.next()
        && let Some((_, n)) = PREFIXES.iter().find(|(p, _)| *p == first)
    {
        let rest = chars.as_str();
        if !rest.is_empty() {
            let (m, b) = base(rest);
            return (m * Decimal::from(*n), b);
        }
    }
    (Decimal::ONE, unit.to_string())
}

/// `value` in `from` expressed in `to`, or `None` when the two cannot be
/// compared. A unit left out on either side is taken as the other's
/// (`95` against `≥90%`).
pub fn convert(value: Decimal, from: &str, to: &str) -> Option<Decimal> {
    if from == to || from.is_empty() || to.is_empty() {
        return Some(value);
    }
    let (m_from, b_from) = base(from);
    let (m_to, b_to) = base(to);
    if b_from != b_to || m_to.is_zero() {
        return None;
    }
    value.checked_mul(m_from)?.checked_div(m_to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_of_one_kind_convert_and_others_do_not() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        let cases = [
            ("72890", "元", "万元", Some("7.289")),
            ("7", "万元", "元", Some("70000")),
            ("1.5", "亿元", "万元", Some("15000")),
            ("266", "米", "千米", Some("0.266")),
            ("3", "公里", "米", Some("3000")),
            ("2", "吨", "公斤", Some("2000")),
            ("95", "", "%", Some("95")),
            ("95", "％", "%", Some("95")),
            ("3", "万人次", "人次", Some("30000")),
            ("40", "个", "%", None),
            ("40", "人", "人次", None),
        ];
        for (value, from, to, want) in cases {
            let got = convert(d(value), from, to).map(|n| n.normalize().to_string());
            assert_eq!(got.as_deref(), want, "{value}{from} in {to}");
        }
    }
}
