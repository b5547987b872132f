//! Rolling a project forward a year (`ziping roll`): the same report for
//! the next year, with what stays (the unit, the narrative, the tables'
//! rows and targets) kept and what is the year's own (dates, budgets,
//! actual values, 执行数, scores, reasons) cleared. The cleared figures go
//! to the new project's `previous` block, by path, to be seen beside the
//! empty cells; the narrative kept is marked `carried` (沿用去年) until it
//! is edited or confirmed unchanged.

use indexmap::IndexMap;

use super::cell_path::Listed;
use super::project::{Entry, Project};
use super::schema::{Field, Kind, TableSpec};
use super::table_value::{Rows, TableValue};

/// What a roll did, for its summary.
#[derive(Debug, Clone)]
pub struct Rolled {
    pub project: Project,
    /// Fields and cells cleared (kept in `previous`).
    pub cleared: usize,
    /// Paragraph and list fields kept, marked 沿用去年.
    pub carried: usize,
}

/// Whether a figure of a table's column is the year's own: money (budgets,
/// 执行数), anything computed or overridable (rates, scores), the actual
/// value the reading compares, a deduction's reason, and columns labelled
/// as results (实际…, …完成情况, 得分, …原因…).
fn yearly_column(spec: &TableSpec, column: &Field) -> bool {
    let reading_actual = spec.reading.as_ref().is_some_and(|r| r.actual == column.id);
    let reason = spec
        .columns
        .iter()
        .any(|c| c.deduction.as_ref().is_some_and(|d| d.reason == column.id));
    let label = &column.label;
    column.kind() == Kind::Money
        || column.formula.is_some()
        || reading_actual
        || reason
        || ["实际", "执行", "完成情况", "得分", "原因"]
            .iter()
            .any(|w| label.contains(w))
}

/// Whether a field outside the tables is the year's own: a date, or a
/// figure of money, a percentage or a score (a count such as 人数 stays).
fn yearly_field(field: &Field) -> bool {
    matches!(
        field.kind(),
        Kind::Date | Kind::Money | Kind::Percent | Kind::Decimal
    )
}

/// The year after the project's (its year field): what the start screen
/// rolls to. Without one, the year before `now`'s (RFC 3339), the year a
/// report written now is about.
pub fn next_year(project: &Project, now: &str) -> u16 {
    let year = project
        .template
        .fields()
        .find(|f| f.kind() == Kind::Year)
        .and_then(|f| {
            project
                .entry(&f.id)?
                .value_text(f)?
                .trim()
                .parse::<u16>()
                .ok()
        });
    match year {
        Some(y) => y.saturating_add(1),
        None => now
            .get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .map_or(0, |y| y.saturating_sub(1)),
    }
}

/// `project` for `year`: see the module's comment. `now` stamps it new.
pub fn roll(project: &Project, year: &str, now: &str) -> Rolled {
    let mut new = project.clone();
    new.meta.created = now.to_string();
    new.meta.modified = now.to_string();
    new.previous = IndexMap::new();
    new.carried = Vec::new();
    let mut cleared = 0;
    for field in project.template.fields() {
        let Some(entry) = project.entry(&field.id) else {
            continue;
        };
        if field.kind() == Kind::Year {
            if let Some(old) = entry.value_text(field).filter(|t| !t.trim().is_empty()) {
                new.previous.insert(field.id.clone(), old.into_owned());
            }
            new.set(&field.id, Entry::Text(year.to_string()));
            continue;
        }
        if let (Some(spec), Entry::Table(table)) = (field.table(), entry) {
            let (kept, moved) = cleared_table(&field.id, spec, table);
            cleared += moved.len();
            new.previous.extend(moved);
            new.set(&field.id, Entry::Table(kept));
            continue;
        }
        if entry.is_empty() {
            continue;
        }
        if yearly_field(field) {
            if let Some(old) = entry.value_text(field) {
                new.previous.insert(field.id.clone(), old.into_owned());
            }
            new.set(&field.id, Entry::Text(String::new()));
            cleared += 1;
        } else if matches!(field.kind(), Kind::Narrative | Kind::List) {
            new.carried.push(field.id.clone());
        }
    }
    let carried = new.carried.len();
    Rolled {
        project: new,
        cleared,
        carried,
    }
}

/// The table with its year's cells emptied, and those cells by path
/// (`funding.total.budget`, `indicators.2.actual`).
fn cleared_table(
    id: &str,
    spec: &TableSpec,
    table: &TableValue,
) -> (TableValue, Vec<(String, String)>) {
    let yearly: Vec<&str> = spec
        .columns
        .iter()
        .filter(|c| yearly_column(spec, c))
        .map(|c| c.id.as_str())
        .collect();
    let mut kept = table.clone();
    let mut moved = Vec::new();
    let mut take = |row: &str, cells: &mut IndexMap<String, String>| {
        cells.retain(|column, text| {
            let clear = yearly.contains(&column.as_str());
            if clear && !text.trim().is_empty() {
                moved.push((format!("{id}.{row}.{column}"), text.clone()));
            }
            !clear
        });
    };
    match &mut kept.rows {
        Rows::Named(rows) => {
            for (row, cells) in rows.iter_mut() {
                take(row, cells);
            }
            rows.retain(|_, cells| !cells.is_empty());
        }
        Rows::Listed(rows) => {
            for (n, cells) in rows.iter_mut().enumerate() {
                take(&(n + 1).to_string(), cells);
            }
        }
    }
    (kept, moved)
}

/// The prefix `ziping fields` lists last year's figures under.
pub const PREVIOUS: &str = "previous";

/// Last year's figures for `ziping fields`, after the paths `listed` (the
/// project's own): each under the path it came from, labelled as that
/// path is now.
pub fn previous_listing(project: &Project, listed: &[Listed]) -> Vec<Listed> {
    project
        .previous
        .iter()
        .map(|(path, value)| {
            let now = listed.iter().find(|l| &l.path == path);
            Listed {
                path: format!("{PREVIOUS}.{path}"),
                label: now.map_or_else(|| path.clone(), |l| l.label.clone()),
                row_label: now.and_then(|l| l.row_label.clone()),
                kind: PREVIOUS,
                value: value.clone(),
                ..Listed::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn a_year_later_the_years_figures_are_cleared_and_kept_aside() {
        let mut project = catalog::new_project("hunan-narrative");
        project.set("year", Entry::Text("2022".into()));
        project.set("report_date", Entry::Text("2023年4月6日".into()));
        project.set("problems_text", Entry::Text("预算准确率有待提高。".into()));
        project.set("self_score", Entry::Text("97".into()));
        let rolled = roll(&project, "2023", "2024-01-01T00:00:00Z");
        let p = &rolled.project;
        assert_eq!(p.text("year"), "2023");
        assert_eq!(p.text("report_date"), "");
        assert_eq!(p.text("self_score"), "");
        assert_eq!(p.text("problems_text"), "预算准确率有待提高。");
        assert_eq!(p.carried, ["problems_text"]);
        assert_eq!(p.previous.get("year").map(String::as_str), Some("2022"));
        assert_eq!(p.previous.get("self_score").map(String::as_str), Some("97"));
        assert_eq!(rolled.cleared, 2);
        assert_eq!(p.meta.created, "2024-01-01T00:00:00Z");
    }
}
