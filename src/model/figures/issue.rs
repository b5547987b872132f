//! What the figure checks find, as typed values with the figures their
//! sentences need ([`crate::strings`] words them).

use rust_decimal::Decimal;

use super::cited::Cited;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureIssue {
    /// A figure in prose and the table's figure it is linked to differ:
    /// `field` is the prose field's label, `quoted` the words and the
    /// figure as written (培训党员33016人次).
    Disagrees {
        field: String,
        quoted: String,
        cited: Cited,
    },
    /// A count followed by the things it counts, which are more or fewer
    /// (`10个乡镇，分别是` and 9 names).
    CountDiffers {
        quoted: String,
        count: Decimal,
        listed: usize,
    },
    /// A total (`共15个`) that is not the sum of the figures before it in
    /// its sentence (`8个……8个`): `sum` is theirs, in the total's unit.
    SumDiffers {
        quoted: String,
        parts: Vec<String>,
        sum: Decimal,
    },
    /// A year after the report's year + 1 (`2025年` in a 2022 report).
    YearAhead { year: i32, report: i32 },
    /// Last year's year in a paragraph kept from last year (沿用去年): it
    /// was that report's own year, and is likely to be this one's now.
    LastYear { year: i32 },
}

impl FigureIssue {
    /// A stable name for scripts (`ziping check --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            FigureIssue::Disagrees { .. } => "figure_disagrees",
            FigureIssue::CountDiffers { .. } => "count_differs",
            FigureIssue::SumDiffers { .. } => "sum_differs",
            FigureIssue::YearAhead { .. } => "year_ahead",
            FigureIssue::LastYear { .. } => "last_year",
        }
    }
}
