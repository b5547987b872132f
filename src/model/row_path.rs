//! Rows of a table whose rows the writer adds, named by path for
//! `ziping set --delete-row indicators.3` and `--move-row indicators.3 1`:
//! the table's id and the row's number from 1, as in a cell's path
//! (`indicators.3.name`). Refusals are typed, worded in `strings`.

use super::cell_path::stored_table;
use super::project::{Entry, Project};
use super::rules::HELD;

/// Why a row operation was refused; nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRefusal {
    /// Not `table.N`.
    NotARowPath(String),
    NoSuchTable(String),
    NotATable(String),
    /// A table of fixed rows (the funding block): its rows are the form's.
    FixedRows(String),
    /// No row `row` (as typed) among the table's `count`.
    NoSuchRow {
        table: String,
        row: String,
        count: usize,
    },
    /// `--move-row`'s place is not a row number from 1 to `count`.
    NoSuchPlace {
        table: String,
        to: String,
        count: usize,
    },
    /// The file holds the table in a shape that cannot be read; it is kept.
    Unreadable(String),
}

/// The table and the row (from 0) that `path` names, with the table's row
/// count.
fn resolve(project: &Project, path: &str) -> Result<(String, usize, usize), RowRefusal> {
    let Some((id, row)) = path.split_once('.') else {
        return Err(RowRefusal::NotARowPath(path.to_string()));
    };
    if row.contains('.') {
        return Err(RowRefusal::NotARowPath(path.to_string()));
    }
    let Some(field) = project.template.field(id) else {
        return Err(RowRefusal::NoSuchTable(id.to_string()));
    };
    let Some(spec) = field.table() else {
        return Err(RowRefusal::NotATable(id.to_string()));
    };
    if spec.has_fixed_rows() {
        return Err(RowRefusal::FixedRows(id.to_string()));
    }
    let count = rows(project, id);
    match row.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Ok((id.to_string(), n - 1, count)),
        _ => Err(RowRefusal::NoSuchRow {
            table: id.to_string(),
            row: row.to_string(),
            count,
        }),
    }
}

/// How many rows the table `id` has.
fn rows(project: &Project, id: &str) -> usize {
    let (Some(field), Some(Entry::Table(t))) = (project.template.field(id), project.entry(id))
    else {
        return 0;
    };
    match field.table() {
        Some(spec) if t.fits(spec) => t.rows(field, spec).len(),
        _ => 0,
    }
}

/// Changes the table of `id` with `change`, which is given the stored
/// table and its declaration.
fn change(
    project: &mut Project,
    id: &str,
    change: impl FnOnce(&mut super::table_value::TableValue, &super::schema::TableSpec),
) -> Result<(), RowRefusal> {
    let field = project
        .template
        .field(id)
        .ok_or_else(|| RowRefusal::NoSuchTable(id.to_string()))?;
    let spec = field
        .table()
        .ok_or_else(|| RowRefusal::NotATable(id.to_string()))?;
    let mut value =
        stored_table(project, field, spec).map_err(|_| RowRefusal::Unreadable(id.to_string()))?;
    change(&mut value, spec);
    project.set(id, Entry::Table(value));
    Ok(())
}

/// Deletes the row `path` names (`indicators.3`); the rows below move up.
pub fn delete_row(project: &mut Project, path: &str) -> Result<(), RowRefusal> {
    // The holding place is a list like a table's rows (`unplaced.2`),
    // unless the template has a field of that name.
    if let Some(row) = path.strip_prefix(&format!("{HELD}."))
        && project.template.field(HELD).is_none()
    {
        let count = project.unplaced.len();
        return match row.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                project.unplaced.remove(n - 1);
                Ok(())
            }
            _ => Err(RowRefusal::NoSuchRow {
                table: HELD.to_string(),
                row: row.to_string(),
                count,
            }),
        };
    }
    let (id, at, _) = resolve(project, path)?;
    change(project, &id, |value, spec| {
        value.remove_row(spec, at);
    })
}

/// Moves the row `path` names to place `to` (a row number from 1); the
/// rows between close up.
pub fn move_row(project: &mut Project, path: &str, to: &str) -> Result<(), RowRefusal> {
    let (id, mut at, count) = resolve(project, path)?;
    let place = match to.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => n - 1,
        _ => {
            return Err(RowRefusal::NoSuchPlace {
                table: id,
                to: to.to_string(),
                count,
            });
        }
    };
    change(project, &id, |value, spec| {
        // One place at a time, as the editor moves a row.
        while at != place {
            let down = at < place;
            value.move_row(spec, at, down);
            at = if down { at + 1 } else { at - 1 };
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::model::cell_path::assign;

    fn names(p: &Project) -> Vec<String> {
        let json = serde_json::to_value(p.entry("indicators")).unwrap_or_default();
        json["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| r["name"].as_str().unwrap_or("").to_string())
            .collect()
    }

    fn project() -> Project {
        let mut p = catalog::new_project("project-selfeval");
        for (n, name) in ["甲", "乙", "丙", "丁"].iter().enumerate() {
            let path = format!("indicators.{}.name", n + 1);
            assign(&mut p, &path, name).unwrap_or_else(|e| panic!("{e}"));
        }
        p
    }

    #[test]
    fn rows_are_deleted_and_moved_to_a_place() {
        let cases: [(&str, Option<&str>, [&str; 4]); 4] = [
            ("indicators.4", Some("1"), ["丁", "甲", "乙", "丙"]),
            ("indicators.1", Some("3"), ["乙", "丙", "甲", "丁"]),
            ("indicators.2", Some("2"), ["甲", "乙", "丙", "丁"]),
            ("indicators.2", None, ["甲", "丙", "丁", ""]),
        ];
        for (path, to, want) in cases {
            let mut p = project();
            match to {
                Some(to) => move_row(&mut p, path, to),
                None => delete_row(&mut p, path),
            }
            .unwrap_or_else(|e| panic!("{path}: {e:?}"));
            let want: Vec<&str> = want.into_iter().filter(|n| !n.is_empty()).collect();
            assert_eq!(names(&p), want, "{path} {to:?}");
        }
    }

    #[test]
    fn a_bad_row_path_is_refused_and_changes_nothing() {
        let table = |t: &str| t.to_string();
        let cases = [
            (
                "indicators",
                None,
                RowRefusal::NotARowPath(table("indicators")),
            ),
            (
                "indicators.1.name",
                None,
                RowRefusal::NotARowPath(table("indicators.1.name")),
            ),
            ("nope.1", None, RowRefusal::NoSuchTable(table("nope"))),
            ("year.1", None, RowRefusal::NotATable(table("year"))),
            (
                "funding.total",
                None,
                RowRefusal::FixedRows(table("funding")),
            ),
            (
                "indicators.5",
                None,
                RowRefusal::NoSuchRow {
                    table: table("indicators"),
                    row: table("5"),
                    count: 4,
                },
            ),
            (
                "indicators.1",
                Some("0"),
                RowRefusal::NoSuchPlace {
                    table: table("indicators"),
                    to: table("0"),
                    count: 4,
                },
            ),
            (
                "indicators.1",
                Some("5"),
                RowRefusal::NoSuchPlace {
                    table: table("indicators"),
                    to: table("5"),
                    count: 4,
                },
            ),
        ];
        for (path, to, want) in cases {
            let mut p = project();
            let before = p.clone();
            let got = match to {
                Some(to) => move_row(&mut p, path, to),
                None => delete_row(&mut p, path),
            };
            assert_eq!(got, Err(want), "{path}");
            assert_eq!(p, before, "{path}: changed");
        }
    }
}
