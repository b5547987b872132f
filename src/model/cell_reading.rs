//! How the text of a cell or field was read: the typed kind and the value
//! as the model parsed it (a target's comparator, number and unit), so a
//! writer and a script can see what ziping understood from what they typed.
//! `ziping fields` prints it in its last columns and the editor's message
//! line says it in words for a focused target cell.
//!
//! One function, [`reading`], decides it for every cell, so a richer
//! reading (a default comparator applied, an actual's tier) is added here
//! and shows everywhere at once.

use std::fmt;

use super::schema::{Field, Kind};
use super::target::{QUALITATIVE, Target};
use super::value::{self, Value};

/// What a text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadAs {
    /// A quantitative target: comparator, number, unit.
    Quantity,
    /// A target between two bounds (`90%-100%`).
    Range,
    /// A qualitative (定性) target: words.
    Qualitative,
    /// `/` or `—`: no target to be scored against.
    NotApplicable,
    Money,
    Percent,
    Integer,
    Decimal,
    Year,
    Date,
    Choice,
    /// Not a valid value of its kind (its finding says why).
    Invalid,
}

impl ReadAs {
    /// The name scripts see (`ziping fields`).
    pub fn code(self) -> &'static str {
        match self {
            ReadAs::Quantity => "quantity",
            ReadAs::Range => "range",
            ReadAs::Qualitative => "qualitative",
            ReadAs::NotApplicable => "not_applicable",
            ReadAs::Money => "money",
            ReadAs::Percent => "percent",
            ReadAs::Integer => "integer",
            ReadAs::Decimal => "decimal",
            ReadAs::Year => "year",
            ReadAs::Date => "date",
            ReadAs::Choice => "choice",
            ReadAs::Invalid => "invalid",
        }
    }
}

/// One part of a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `≥`, `≤`, `=` or 定性, as formulas see `target.op`.
    Comparator,
    /// The number in its canonical form (`1000`, `38.34`).
    Number,
    /// A range's bounds.
    Low,
    High,
    Unit,
    /// Words: a qualitative target, a choice, a date as printed.
    Text,
}

impl Part {
    /// The key scripts see (`ziping fields --format json`).
    pub fn code(self) -> &'static str {
        match self {
            Part::Comparator => "comparator",
            Part::Low => "low",
            Part::High => "high",
            Part::Number => "number",
            Part::Unit => "unit",
            Part::Text => "text",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub read_as: ReadAs,
    /// In the order they are said.
    pub parts: Vec<(Part, String)>,
}

impl fmt::Display for Reading {
    /// `comparator=≥ number=50 unit=个`: the parts for a script's line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|(part, text)| format!("{}={text}", part.code()))
            .collect();
        f.write_str(&parts.join(" "))
    }
}

/// How `text`, typed into `field` (a field or a table column), was read;
/// `None` for a blank and for prose, which is read as it is.
pub fn reading(field: &Field, text: &str) -> Option<Reading> {
    if field.kind().is_prose() || field.kind() == Kind::Table {
        return None;
    }
    let parsed = match value::parse(field, text) {
        Ok(None) => return None,
        Ok(Some(v)) => v,
        Err(_) => {
            return Some(Reading {
                read_as: ReadAs::Invalid,
                parts: Vec::new(),
            });
        }
    };
    let number = |n: &dyn fmt::Display, unit: &str| {
        let mut parts = vec![(Part::Number, n.to_string())];
        if !unit.is_empty() {
            parts.push((Part::Unit, unit.to_string()));
        }
        parts
    };
    let (read_as, parts) = match &parsed {
        Value::Target(Target::Quantity { op, value, unit }) => {
            // A bare figure's comparator comes from its row (the template's
            // default for its 二级指标); the row's reading says which.
            let mut parts: Vec<_> = op
                .iter()
                .map(|op| (Part::Comparator, op.symbol().to_string()))
                .collect();
            parts.extend(number(&value.normalize(), unit));
            (ReadAs::Quantity, parts)
        }
        Value::Target(Target::Range { low, high, unit }) => {
            let mut parts = vec![(Part::Low, low.normalize().to_string())];
            parts.push((Part::High, high.normalize().to_string()));
            if !unit.is_empty() {
                parts.push((Part::Unit, unit.clone()));
            }
            (ReadAs::Range, parts)
        }
        Value::Target(Target::NotApplicable(typed)) => {
            (ReadAs::NotApplicable, vec![(Part::Text, typed.clone())])
        }
        Value::Target(Target::Quality(words)) => (
            ReadAs::Qualitative,
            vec![
                (Part::Comparator, QUALITATIVE.to_string()),
                (Part::Text, words.clone()),
            ],
        ),
        Value::Decimal(d) => match field.kind() {
            Kind::Money => (ReadAs::Money, number(d, field.unit())),
            Kind::Percent => (ReadAs::Percent, number(&d.normalize(), "%")),
            _ => (ReadAs::Decimal, number(d, field.unit())),
        },
        Value::Integer(n) => (ReadAs::Integer, number(n, field.unit())),
        Value::Year(y) => (ReadAs::Year, number(y, "")),
        Value::Date(d) => (ReadAs::Date, vec![(Part::Text, d.to_string())]),
        Value::Choice(c) => (ReadAs::Choice, vec![(Part::Text, c.clone())]),
        Value::Choices(chosen) => (
            ReadAs::Choice,
            chosen.iter().map(|c| (Part::Text, c.clone())).collect(),
        ),
        Value::Text(_) => return None,
    };
    Some(Reading { read_as, parts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn cells_are_read_into_their_kind_and_parts() {
        let p = catalog::new_project("project-selfeval");
        let column = |table: &str, id: &str| {
            p.template
                .field(table)
                .and_then(|f| f.table())
                .and_then(|t| t.column(id))
                .cloned()
                .unwrap_or_else(|| panic!("{table}.{id}"))
        };
        let target = column("indicators", "target");
        let budget = column("funding", "budget");
        let weight = column("indicators", "weight");
        let level1 = column("indicators", "level1");
        let actual = column("indicators", "actual");
        let cases = [
            (
                &target,
                "≥50个",
                Some("quantity comparator=≥ number=50 unit=个"),
            ),
            (
                &target,
                ">=1,000人次",
                Some("quantity comparator=≥ number=1000 unit=人次"),
            ),
            (
                &target,
                "＝100％",
                Some("quantity comparator== number=100 unit=%"),
            ),
            (
                &target,
                "≤90.00万元",
                Some("quantity comparator=≤ number=90 unit=万元"),
            ),
            (
                &target,
                "效果明显",
                Some("qualitative comparator=定性 text=效果明显"),
            ),
            (&target, "50个", Some("quantity number=50 unit=个")),
            (&target, "90%-100%", Some("range low=90 high=100 unit=%")),
            (&target, "/", Some("not_applicable text=/")),
            (&target, "  ", None),
            (&budget, "100", Some("money number=100 unit=万元")),
            (&weight, "9.5", Some("decimal number=9.5")),
            (&level1, "产出指标", Some("choice text=产出指标")),
            (&actual, "40个", None),
        ];
        for (field, text, want) in cases {
            let got = reading(field, text).map(|r| format!("{} {r}", r.read_as.code()));
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }
}
