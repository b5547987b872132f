//! Every table of a project with its computed values: each cell's typed
//! value, what its column's formula gives, group subtotals and the summary
//! lines (总分, 等级). Export, `ziping fields`, the checks and the TUI all
//! read figures from here, so they always agree.
//!
//! Order of evaluation: plain fields are known first (paragraphs only where
//! a formula names them, `named.rs`); then each table in
//! template order, row by row and column by column (a formula sees the
//! columns to its left already computed); then its summary lines, which
//! see every table so far and earlier summary lines.

use std::collections::HashSet;

use rhai::{Array, Dynamic, Map, Scope};
use rust_decimal::Decimal;

use super::figures::prose;
use super::formula::{self, FormulaError, Outcome, to_decimal, to_dynamic};
use super::groups::WeightSource;
use super::named::prose_named;
use super::project::{Entry, Project};
use super::reading::{self, Reading};
use super::repeat;
use super::schema::{Field, Kind, TableSpec, Template};
use super::table_value::{RowKey, RowRef, TableValue};
use super::value::{self, Value};

/// A computed figure, rounded to its column's decimals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    Number(Decimal),
    Text(String),
    Flag(bool),
}

impl Scalar {
    fn from_dynamic(value: &Dynamic, field: &Field) -> Option<Scalar> {
        if let Some(n) = to_decimal(value) {
            return Some(Scalar::Number(value::round(n, precision(field))));
        }
        if let Ok(b) = value.as_bool() {
            return Some(Scalar::Flag(b));
        }
        value
            .clone()
            .into_immutable_string()
            .ok()
            .map(|s| Scalar::Text(s.to_string()))
    }

    fn to_dynamic(&self) -> Dynamic {
        match self {
            Scalar::Number(n) => Dynamic::from(*n),
            Scalar::Text(s) => Dynamic::from(s.clone()),
            Scalar::Flag(b) => Dynamic::from(*b),
        }
    }

    /// As printed: numbers in the field's fixed decimals (`85.00%`).
    pub fn display(&self, field: &Field) -> String {
        match self {
            Scalar::Number(n) => figure(field, *n),
            Scalar::Text(s) => s.clone(),
            Scalar::Flag(b) => if *b { "是" } else { "否" }.to_string(),
        }
    }
}

/// A number as a table shows it: fixed decimals; money without its unit,
/// which the table's caption names once (`项目资金（万元）`).
pub fn figure(field: &Field, number: Decimal) -> String {
    if field.kind() == Kind::Money {
        value::fixed(number, field.decimals())
    } else {
        value::display_fixed(field, number)
    }
}

/// Decimal places a computed value of `field` keeps.
fn precision(field: &Field) -> u32 {
    if field.kind() == Kind::Integer {
        0
    } else {
        field.decimals()
    }
}

#[derive(Debug, Clone)]
pub struct Cell {
    /// What the writer typed, or the template's default.
    pub text: String,
    /// The typed value when valid and not blank.
    pub value: Option<Value>,
    pub computed: Option<Scalar>,
    /// False where the column has no cell in this row (分值 of 其他资金).
    pub applies: bool,
}

impl Cell {
    /// The figure that counts: what was typed, or else what was computed.
    /// A read-only column always counts its computed value.
    pub fn effective(&self, column: &Field) -> Dynamic {
        if !self.applies {
            return Dynamic::UNIT;
        }
        match (&self.value, &self.computed) {
            (Some(v), _) if !column.is_read_only() => to_dynamic(Some(v), false),
            (_, Some(c)) => c.to_dynamic(),
            // A computed column not computed yet is blank whatever its
            // kind: `""` would meet `met || …` as text and stop the check.
            (None, None) if column.formula.is_none() => to_dynamic(None, is_text(column)),
            _ => Dynamic::UNIT,
        }
    }

    /// The cell as shown in a table: the typed value in canonical form, or
    /// the computed one, or the text as typed when it is not valid.
    pub fn display(&self, column: &Field) -> String {
        if !self.applies {
            return "—".to_string();
        }
        match (&self.value, &self.computed) {
            (Some(Value::Decimal(d)), _) if !column.is_read_only() => figure(column, *d),
            (Some(v), _) if !column.is_read_only() => value::display(column, v),
            (_, Some(c)) => c.display(column),
            _ => self.text.trim().to_string(),
        }
    }
}

fn is_text(field: &Field) -> bool {
    matches!(field.kind(), Kind::Text | Kind::Choice)
}

/// Whether a blank value of `field` is `""` to formulas (text) rather
/// than blank: a blank amount is no figure, so `spend_basic +
/// spend_project` waits for both instead of joining them as text.
fn blank_is_text(field: &Field) -> bool {
    is_text(field) || field.kind().is_prose()
}

/// One row's computed cells. Owned (labels and keys copied), so a sheet can
/// be kept beside the project it was computed from.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: RowKey,
    /// `年度资金总额`, or `第3行「培训党员人次」` for an added row.
    pub label: String,
    /// The `ziping set` path of the row, e.g. `funding.total`.
    pub path: String,
    /// One per column of the table, in column order.
    pub cells: Vec<Cell>,
    /// How the row's target and actual value were read, in a table that
    /// declares a `reading`.
    pub reading: Option<Reading>,
}

pub use super::groups::GroupSheet;

/// A formula that failed because of a mistake in the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub field: String,
    pub row: Option<String>,
    pub column: Option<String>,
    pub error: FormulaError,
}

/// One table's computed figures.
#[derive(Debug, Clone)]
pub struct TableSheet {
    /// The table field's id.
    pub id: String,
    pub rows: Vec<Row>,
    pub groups: Vec<GroupSheet>,
    /// One per summary line.
    pub summary: Vec<Option<Scalar>>,
}

/// A table's figures with its declaration, as the checks, the export and the
/// views read them.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    pub field: &'a Field,
    pub spec: &'a TableSpec,
    pub sheet: &'a TableSheet,
}

impl std::ops::Deref for Table<'_> {
    type Target = TableSheet;

    fn deref(&self) -> &TableSheet {
        self.sheet
    }
}

/// Every table's figures. Owned, so the report can hold it beside the
/// project; [`Sheet::table`] pairs a table with its declaration.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub tables: Vec<TableSheet>,
    pub failures: Vec<Failure>,
    /// Every report-wide name (fields, tables, summary lines) with its value.
    scope: Scope<'static>,
}

impl Sheet {
    pub fn new(project: &Project) -> Sheet {
        Sheet::with_prose(project, &prose_named(&project.template))
    }

    /// [`Sheet::new`] with the paragraphs the formulas name worked out
    /// already (`named`): only those are put into the formulas' scope.
    pub fn with_prose(project: &Project, named: &HashSet<String>) -> Sheet {
        let mut scope = Scope::new();
        for field in project.template.fields() {
            let kind = field.kind();
            if kind != Kind::Table && (!prose::is_prose(kind) || named.contains(&field.id)) {
                let parsed = project
                    .entry(&field.id)
                    .and_then(|entry| entry.value_text(field))
                    .and_then(|text| value::parse(field, &text).ok().flatten());
                let blank = blank_is_text(field);
                scope.push_dynamic(field.id.clone(), to_dynamic(parsed.as_ref(), blank));
            }
        }
        push_names(&mut scope, repeat::names(&project.template));
        let mut sheet = Sheet {
            tables: Vec::new(),
            failures: Vec::new(),
            scope,
        };
        for field in project.template.fields() {
            let Some(spec) = field.table() else {
                continue;
            };
            // A table stored in the wrong shape is reported by the checks
            // and computed as empty.
            let value = match project.entry(&field.id) {
                Some(Entry::Table(value)) if value.fits(spec) => value,
                _ => &EMPTY,
            };
            let table = sheet.compute_table(field, spec, value);
            sheet.tables.push(table);
        }
        sheet
    }

    /// The figures of table `id` with its declaration in `template` (the
    /// one the sheet was computed from).
    pub fn table<'a>(&'a self, template: &'a Template, id: &str) -> Option<Table<'a>> {
        let sheet = self.tables.iter().find(|t| t.id == id)?;
        let field = template.field(id)?;
        let spec = field.table()?;
        Some(Table { field, spec, sheet })
    }

    /// The report-wide names and values, for report-level checks.
    pub fn scope(&self) -> Scope<'static> {
        self.scope.clone()
    }

    fn compute_table(&mut self, field: &Field, spec: &TableSpec, value: &TableValue) -> TableSheet {
        let mut rows = Vec::new();
        for row in value.rows(field, spec) {
            let (cells, reading) = self.compute_row(field, spec, &row);
            rows.push(Row {
                key: row.key,
                label: row.label,
                path: row.path,
                cells,
                reading,
            });
        }
        let groups = spec.groups.as_ref().map_or_else(Vec::new, |g| {
            super::groups::of_rows(spec, g, rows.len(), |r, i| {
                let cell = &rows[r].cells[i];
                (
                    cell.text.as_str(),
                    to_decimal(&cell.effective(&spec.columns[i])),
                )
            })
        });
        let mut table = TableSheet {
            id: field.id.clone(),
            rows,
            groups,
            summary: Vec::new(),
        };
        self.scope
            .push_dynamic(field.id.clone(), Dynamic::from(table.to_map(spec)));
        for line in &spec.summary {
            let outcome = line
                .formula
                .as_ref()
                .map_or(Outcome::Blank, |f| formula::eval(f, &mut self.scope));
            let result = self.figure_or_failure(outcome, line, field, None);
            let shown = result.as_ref().map_or(Dynamic::UNIT, Scalar::to_dynamic);
            self.scope.push_dynamic(line.id.clone(), shown);
            table.summary.push(result);
        }
        table
    }

    fn compute_row(
        &mut self,
        field: &Field,
        spec: &TableSpec,
        row: &RowRef,
    ) -> (Vec<Cell>, Option<Reading>) {
        let mut cells: Vec<Cell> = spec
            .columns
            .iter()
            .map(|column| {
                let text = row.text(spec, column).to_string();
                let applies = TableSpec::applies(column, row.key.id());
                Cell {
                    value: if applies {
                        value::parse(column, &text).ok().flatten()
                    } else {
                        None
                    },
                    text,
                    computed: None,
                    applies,
                }
            })
            .collect();
        // Blank, partial and textual cells are read before any formula
        // runs: the formulas see typed values (or blanks), never raw text.
        let reading = spec
            .reading
            .as_ref()
            .map(|r| reading::read_row(r, &|id| cell_text(spec, row, id)));
        for i in 0..spec.columns.len() {
            let column = &spec.columns[i];
            let Some(formula) = column.formula.as_ref().filter(|_| cells[i].applies) else {
                continue;
            };
            let names = self.scope.len();
            push_row(&mut self.scope, spec, &cells, reading.as_ref());
            let outcome = formula::eval(formula, &mut self.scope);
            self.scope.rewind(names);
            cells[i].computed = self.figure_or_failure(outcome, column, field, Some(&row.label));
        }
        (cells, reading)
    }

    /// A formula's outcome as a figure; a template mistake is recorded once
    /// per column.
    fn figure_or_failure(
        &mut self,
        outcome: Outcome,
        column: &Field,
        table: &Field,
        row: Option<&str>,
    ) -> Option<Scalar> {
        let message = match outcome {
            Outcome::Value(v) => match Scalar::from_dynamic(&v, column) {
                Some(scalar) => return Some(scalar),
                None => FormulaError::NotAFigure(v.to_string()),
            },
            Outcome::Blank => return None,
            Outcome::Failed(error) => error,
        };
        let seen = self
            .failures
            .iter()
            .any(|f| f.field == table.id && f.column.as_deref() == Some(&column.label));
        if !seen {
            self.failures.push(Failure {
                field: table.id.clone(),
                row: row.map(str::to_string),
                column: Some(column.label.clone()),
                error: message,
            });
        }
        None
    }
}

/// The text of column `id` in `row`; "" for a column the table lacks.
pub fn cell_text(spec: &TableSpec, row: &RowRef, id: &str) -> String {
    spec.column(id)
        .map(|c| row.text(spec, c).to_string())
        .unwrap_or_default()
}

/// A table with no rows stored, standing in for a missing or misshapen one.
static EMPTY: TableValue = TableValue {
    rows: super::table_value::Rows::Listed(Vec::new()),
};

/// Adds the names a row's formulas see on top of the report-wide ones
/// (rewind the scope to take them away again).
fn push_row(scope: &mut Scope<'static>, spec: &TableSpec, cells: &[Cell], read: Option<&Reading>) {
    push_names(scope, row_names(spec, cells, read));
}

/// Adds `names` on top of `scope` (rewind it to take them away again).
pub fn push_names(scope: &mut Scope<'static>, names: Vec<(String, Dynamic)>) {
    for (name, value) in names {
        scope.push_dynamic(name, value);
    }
}

/// The names a row's formulas and checks see besides the report-wide ones:
/// each column's effective value, and the maps `entered` and `computed`;
/// where the table declares a `reading`, the target as read (shadowing the
/// column's typed one) and `read`.
pub fn row_names(
    spec: &TableSpec,
    cells: &[Cell],
    read: Option<&Reading>,
) -> Vec<(String, Dynamic)> {
    let mut names = Vec::with_capacity(spec.columns.len() + 2);
    let mut entered = Map::new();
    let mut computed = Map::new();
    for (column, cell) in spec.columns.iter().zip(cells) {
        let typed = if cell.applies {
            to_dynamic(cell.value.as_ref(), is_text(column))
        } else {
            Dynamic::UNIT
        };
        entered.insert(column.id.as_str().into(), typed);
        let c = cell
            .computed
            .as_ref()
            .map_or(Dynamic::UNIT, Scalar::to_dynamic);
        computed.insert(column.id.as_str().into(), c);
        names.push((column.id.clone(), cell.effective(column)));
    }
    names.push(("entered".to_string(), Dynamic::from(entered)));
    names.push(("computed".to_string(), Dynamic::from(computed)));
    if let (Some(declared), Some(read)) = (&spec.reading, read) {
        names.extend(reading::names(declared, read));
    }
    names
}

impl TableSheet {
    /// The table as formulas see it: a fixed table as `#{row_id: #{column:
    /// value}}`; an added-rows table as `#{rows: [...], total: #{column:
    /// sum}, groups: [#{name, weight, …}], blank: #{column: rows without a
    /// figure}}`.
    fn to_map(&self, spec: &TableSpec) -> Map {
        if spec.has_fixed_rows() {
            return self
                .rows
                .iter()
                .filter_map(|r| Some((r.key.id()?.into(), Dynamic::from(row_map(spec, r)))))
                .collect();
        }
        let rows: Array = self
            .rows
            .iter()
            .map(|r| Dynamic::from(row_map(spec, r)))
            .collect();
        let all: Vec<usize> = (0..self.rows.len()).collect();
        let groups: Array = self
            .groups
            .iter()
            .map(|g| Dynamic::from(self.group_map(spec, g)))
            .collect();
        let mut map = Map::new();
        map.insert("rows".into(), Dynamic::from(rows));
        map.insert("total".into(), Dynamic::from(self.totals(spec, &all)));
        map.insert("groups".into(), Dynamic::from(groups));
        map.insert("blank".into(), Dynamic::from(self.blanks(spec)));
        map
    }

    /// Per number column, how many rows have no figure in it (a 得分 not
    /// computed yet because its row is not filled in): a 等级 waits for
    /// them.
    fn blanks(&self, spec: &TableSpec) -> Map {
        spec.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind().is_number())
            .map(|(i, c)| {
                let blank = self
                    .rows
                    .iter()
                    .filter(|r| {
                        r.cells[i].applies && to_decimal(&r.cells[i].effective(c)).is_none()
                    })
                    .count();
                (c.id.as_str().into(), Dynamic::from(blank as i64))
            })
            .collect()
    }

    /// A group as formulas and checks see it: `#{name, weight, stated,
    /// hint, total}` — `weight` as the table states it or as its rows add
    /// up (`stated` says which), `hint` the template's usual weight.
    pub fn group_map(&self, spec: &TableSpec, group: &GroupSheet) -> Map {
        let mut map = Map::new();
        map.insert("name".into(), Dynamic::from(group.name.clone()));
        let weight = group.weight.map_or(Dynamic::UNIT, Dynamic::from);
        map.insert("weight".into(), weight);
        let stated = group.source != WeightSource::Rows;
        map.insert("stated".into(), Dynamic::from(stated));
        let hint = group.hint.map_or(Dynamic::UNIT, Dynamic::from);
        map.insert("hint".into(), hint);
        map.insert(
            "total".into(),
            Dynamic::from(self.totals(spec, &group.rows)),
        );
        map
    }

    /// Sums of every number column over `rows`; blanks count as nothing.
    pub fn totals(&self, spec: &TableSpec, rows: &[usize]) -> Map {
        spec.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind().is_number())
            .map(|(i, c)| (c.id.as_str().into(), Dynamic::from(self.sum(spec, i, rows))))
            .collect()
    }

    /// The sum of column `index` over `rows`.
    pub fn sum(&self, spec: &TableSpec, index: usize, rows: &[usize]) -> Decimal {
        let column = &spec.columns[index];
        rows.iter()
            .filter_map(|&r| to_decimal(&self.rows[r].cells[index].effective(column)))
            .sum()
    }
}

impl Table<'_> {
    /// The sum of column `index` over `rows`.
    pub fn sum(&self, index: usize, rows: &[usize]) -> Decimal {
        self.sheet.sum(self.spec, index, rows)
    }

    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.spec.columns.iter().position(|c| c.id == id)
    }
}

fn row_map(spec: &TableSpec, row: &Row) -> Map {
    spec.columns
        .iter()
        .zip(&row.cells)
        .map(|(c, cell)| (c.id.as_str().into(), cell.effective(c)))
        .collect()
}

#[cfg(test)]
#[path = "sheet_tests.rs"]
mod tests;
