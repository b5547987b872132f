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

/// The names a formula's source reads from its scope: identifiers outside
/// strings and comments that are not a property (`funding.total` reads
/// `funding`, not `total`) nor a map key (`#{op: …}`), as byte ranges.
/// A scanner rather than Rhai's parser, so that a formula with a typo is
/// still renamed whole (loading reports the typo).
fn scope_names(source: &str) -> Vec<(usize, usize)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // The last significant byte before `i`: a `.` makes a property.
    let mut before = b' ';
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i = source[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2);
            continue;
        }
        if matches!(c, b'"' | b'`' | b'\'') {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            before = c;
            continue;
        }
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        if word(c) {
            let start = i;
            while i < bytes.len() && word(bytes[i]) {
                i += 1;
            }
            let rest = source[i..].trim_start();
            let key = rest.starts_with(':') && !rest.starts_with("::");
            if !c.is_ascii_digit() && before != b'.' && !key {
                out.push((start, i));
            }
            before = b'a';
            continue;
        }
        if !c.is_ascii_whitespace() {
            before = c;
        }
        i += 1;
    }
    out
}

/// The names a formula reads from its scope, in order, each once.
pub fn formula_names(source: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for (start, end) in scope_names(source) {
        let name = &source[start..end];
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// `source` with each name it reads from its scope replaced by what
/// `rename` gives for it (left as it is on `None`): `funding.total.score`
/// becomes `funding_2.total.score`, while `"funding"` in a string, a
/// comment, `x.funding` and `fundings` are untouched.
pub fn rename_names(source: &str, rename: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end) in scope_names(source) {
        if let Some(new) = rename(&source[start..end]) {
            out.push_str(&source[at..start]);
            out.push_str(&new);
            at = end;
        }
    }
    out.push_str(&source[at..]);
    out
}

/// The number a text starts with (`40个` → 40, `１，２３４.5万元` → 1234.5),
/// and what follows it; `None` when it does not start with one.
pub fn leading_number(text: &str) -> Option<(Decimal, String)> {
    let text = to_halfwidth(text);
    let (number, rest) = split_number(&text);
    parse_decimal(number).map(|n| (n, rest.to_string()))
}

/// The ASCII character a full-width form stands for (`１` → `1`, `：` →
/// `:`); any other character as it is.
pub fn ascii_twin(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The value of a decimal digit, half-width or full-width (`7`, `７`).
pub fn decimal_digit(c: char) -> Option<u32> {
    ascii_twin(c).to_digit(10)
}

/// Input methods often produce full-width digits and signs; treat them as
/// their ASCII twins so `１２３`, `８５％` and `１，２３４．５` are accepted.
pub(super) fn to_halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '，' | '％' | '－' | '＋' | '／' => ascii_twin(c),
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

    #[test]
    fn names_are_renamed_where_the_formula_reads_them() {
        let rename = |name: &str| (name == "funding").then(|| "funding_2".to_string());
        // (source, renamed, the names it reads).
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "funding.total.score + x",
                "funding_2.total.score + x",
                &["funding", "x"],
            ),
            (
                "fundings + funding2",
                "fundings + funding2",
                &["fundings", "funding2"],
            ),
            ("a.funding", "a.funding", &["a"]),
            ("a . funding", "a . funding", &["a"]),
            (
                "\"funding\" + `funding` + 'f'",
                "\"funding\" + `funding` + 'f'",
                &[],
            ),
            (
                "\"a\\\"funding\" + funding",
                "\"a\\\"funding\" + funding_2",
                &["funding"],
            ),
            ("// funding\nfunding", "// funding\nfunding_2", &["funding"]),
            (
                "/* funding */ funding",
                "/* funding */ funding_2",
                &["funding"],
            ),
            ("#{funding: funding}", "#{funding: funding_2}", &["funding"]),
            (
                "sum(funding.groups, \"weight\")",
                "sum(funding_2.groups, \"weight\")",
                &["sum", "funding"],
            ),
            ("1e5 + 2.5", "1e5 + 2.5", &[]),
        ];
        for (source, renamed, names) in cases {
            assert_eq!(rename_names(source, &rename), *renamed, "{source}");
            assert_eq!(formula_names(source), *names, "{source}");
        }
    }
}
