//! What a figure in prose is linked to: a figure of the tables, and how
//! strongly. A leaf, so the findings and their sentences can name it
//! without importing the linking (which reads the project).

use rust_decimal::Decimal;

/// A figure of the tables prose may be compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The table's (or field's) label: 绩效指标, 年度资金（万元）.
    pub table: String,
    /// The row's name (培训党员人次, 年度资金总额); `None` for a field.
    pub row: Option<String>,
    /// The column's label (实际完成值, 全年执行数（B）).
    pub column: Option<String>,
    /// The `ziping set` path of the cell or field.
    pub path: String,
    pub value: Decimal,
    pub unit: String,
    /// The decimals a money cell keeps, to which prose is rounded.
    pub decimals: Option<u32>,
}

impl Cited {
    /// The figure with its unit, as a message quotes it.
    pub fn shown(&self) -> String {
        format!("{}{}", self.value.normalize(), self.unit)
    }
}

/// How close the words naming the table's figure stand to the prose's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// In the same sentence only: shown, never warned.
    Sentence,
    /// In the same clause.
    Clause,
}

/// A figure in prose linked to one of the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub cited: Cited,
    pub strength: Strength,
    pub agrees: bool,
    /// Where the linking words stand in the text (bytes).
    pub words: std::ops::Range<usize>,
}
