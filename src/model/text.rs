//! Small text helpers shared by the declarations' checks and the code that
//! evaluates them: a leaf module (it imports nothing of the model), so both
//! sides can use it without importing each other.

use rust_decimal::Decimal;

/// Whether `id` may name a template, section, field or row: lowercase
/// ASCII letters, digits, `-` and `_`.
pub(super) fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The `{field_id}` placeholders of a title or closing line.
pub fn placeholders(line: &str) -> Result<Vec<&str>, String> {
    let mut ids = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("\"{line}\" 中的 {{ 没有配对的 }}"))?;
        ids.push(&after[..close]);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("\"{line}\" 中的 }} 没有配对的 {{"));
    }
    Ok(ids)
}

/// The number a text starts with (`40个` → 40, `１，２３４.5万元` → 1234.5),
/// and what follows it; `None` when it does not start with one.
pub fn leading_number(text: &str) -> Option<(Decimal, String)> {
    let text = to_halfwidth(text);
    let (number, rest) = split_number(&text);
    parse_decimal(number).map(|n| (n, rest.to_string()))
}

/// Input methods often produce full-width digits and signs; treat them as
/// their ASCII twins so `１２３`, `８５％` and `１，２３４．５` are accepted.
pub(super) fn to_halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '，' | '％' | '－' | '＋' | '／' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '。' => '.',
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Splits `"1,234.5万元"` into the number and what follows it.
pub(super) fn split_number(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && matches!(c, '-' | '+')))
        })
        .map_or(text.len(), |(i, _)| i);
    text.split_at(end)
}

/// Parses a decimal written with optional thousands separators, which must
/// then group by three (`1,234,567.8`), so a stray comma is not read as one.
pub(super) fn parse_decimal(number: &str) -> Option<Decimal> {
    let (int_part, frac) = match number.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (number, None),
    };
    let (sign, digits) = match int_part.strip_prefix(['-', '+']) {
        Some(rest) => (&int_part[..1], rest),
        None => ("", int_part),
    };
    if digits.contains(',') {
        let mut groups = digits.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    let digits = digits.replace(',', "");
    let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !valid(&digits) || frac.is_some_and(|f| !valid(f)) {
        return None;
    }
    let text = match frac {
        Some(f) => format!("{sign}{digits}.{f}"),
        None => format!("{sign}{digits}"),
    };
    text.parse().ok()
}

/// How the options of a multiple choice are joined on one line.
pub const CHOICE_SEPARATOR: &str = "、";

/// The options typed in a multiple choice: separated by 、 (or a comma, a
/// semicolon, a line break, in either width), blanks around them dropped.
pub fn split_choices(text: &str) -> impl Iterator<Item = &str> {
    text.split(['、', '，', ',', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_in_order() {
        assert_eq!(placeholders("{unit}{year}年度"), Ok(vec!["unit", "year"]));
        assert!(placeholders("{unit").is_err());
        assert!(placeholders("unit}").is_err());
    }
}
