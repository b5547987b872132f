//! Why a text is not a value of its field, apart from the parsing in
//! [`super::value`]: [`super::target`] reports these too, and `Value` holds a
//! `Target`, so the errors live where both can use them.

use rust_decimal::Decimal;

use super::schema::{Field, Kind};

/// Why a text is not a value of its field: a typed value, so the sentence
/// comes from [`crate::strings`] in the reader's language and tests match on
/// the kind rather than on words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// A line break in a one-line field.
    Multiline,
    /// Not what the field expects (its [`Expectation::of`]).
    Expected(Expectation),
    NotAnOption(Vec<String>),
    /// A table is filled cell by cell, never as one text.
    Cellwise,
    BelowMin {
        what: Measure,
        min: Decimal,
    },
    AboveMax {
        what: Measure,
        max: Decimal,
    },
    TooBig,
    YearOutOfRange(i64),
    NotADate,
    NoSuchMonth(u32),
    NoSuchDay {
        year: u32,
        month: u32,
        day: u32,
    },
    /// A comparator with no number after it: `≥`, `≤很多`.
    TargetWithoutNumber(&'static str),
    NegativeTarget,
}

/// What a range limit was about, for the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Number,
    Amount,
    Rate,
    Year,
}

/// What a field expects, as data: the strings module turns it into
/// `整数，单位：人` or `a whole number in 人`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub kind: Kind,
    pub unit: String,
    pub decimals: u32,
    pub options: Vec<String>,
}

impl Expectation {
    pub fn of(field: &Field) -> Expectation {
        Expectation {
            kind: field.kind(),
            unit: field.unit().to_string(),
            decimals: field.decimals(),
            options: field.options().to_vec(),
        }
    }
}
