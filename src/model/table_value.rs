//! What a project stores for a table: the text of each cell as typed, valid
//! or not. Fixed rows are keyed by their id, added rows are a list, so a
//! project file reads (and diffs) like the table:
//!
//! ```json
//! "funding": { "rows": { "total": { "budget": "100", "actual": "85" } } }
//! "indicators": { "rows": [ { "name": "培训党员人次", "target": "≥50个" } ] }
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::schema::{Field, TableSpec};

/// Column id → the cell's text.
pub type Cells = IndexMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableValue {
    pub rows: Rows,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Rows {
    /// Fixed rows by row id.
    Named(IndexMap<String, Cells>),
    /// Rows the writer added, in their order.
    Listed(Vec<Cells>),
}

/// Which row: a fixed row's id or an added row's position (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKey {
    Named(String),
    Index(usize),
}

/// One row as read for display, scoring and checks.
#[derive(Debug, Clone)]
pub struct RowRef<'a> {
    pub key: RowKey,
    /// `年度资金总额`, or `第3行「培训党员人次」` for an added row.
    pub label: String,
    /// The `ziping set` path of the row, e.g. `funding.total`, `indicators.3`.
    pub path: String,
    pub stored: Option<&'a Cells>,
}

impl RowKey {
    pub fn id(&self) -> Option<&str> {
        match self {
            RowKey::Named(id) => Some(id),
            RowKey::Index(_) => None,
        }
    }
}

impl TableValue {
    /// An empty table of the shape `spec` asks for.
    pub fn new(spec: &TableSpec) -> TableValue {
        TableValue {
            rows: if spec.has_fixed_rows() {
                Rows::Named(IndexMap::new())
            } else {
                Rows::Listed(Vec::new())
            },
        }
    }

    /// True when no cell holds anything but blanks (template defaults are
    /// not stored, so an untouched table is empty).
    pub fn is_empty(&self) -> bool {
        let blank = |cells: &Cells| cells.values().all(|t| t.trim().is_empty());
        match &self.rows {
            Rows::Named(rows) => rows.values().all(blank),
            Rows::Listed(rows) => rows.iter().all(blank),
        }
    }

    /// Cells the template has no place for, kept as they are: `(row,
    /// column)` with the row's id (fixed rows) or position from 1 (added
    /// rows), and `None` for the column when the whole row is unknown.
    pub fn unplaced(&self, spec: &TableSpec) -> Vec<(String, Option<String>)> {
        let unknown_columns = |row: String, cells: &Cells| {
            cells
                .iter()
                .filter(|(id, text)| spec.column(id).is_none() && !text.trim().is_empty())
                .map(|(id, _)| (row.clone(), Some(id.clone())))
                .collect::<Vec<_>>()
        };
        match &self.rows {
            Rows::Named(rows) => rows
                .iter()
                .flat_map(|(id, cells)| match spec.row(id) {
                    Some(_) => unknown_columns(id.clone(), cells),
                    None if cells.values().any(|t| !t.trim().is_empty()) => {
                        vec![(id.clone(), None)]
                    }
                    None => Vec::new(),
                })
                .collect(),
            Rows::Listed(rows) => rows
                .iter()
                .enumerate()
                .flat_map(|(i, cells)| unknown_columns((i + 1).to_string(), cells))
                .collect(),
        }
    }

    /// Whether the stored shape fits the template (named rows for fixed
    /// rows, a list otherwise). An empty table fits either way.
    pub fn fits(&self, spec: &TableSpec) -> bool {
        match &self.rows {
            Rows::Named(rows) => spec.has_fixed_rows() || rows.is_empty(),
            Rows::Listed(rows) => !spec.has_fixed_rows() || rows.is_empty(),
        }
    }

    /// The rows in reading order: a fixed table's rows as the template lists
    /// them, added rows as stored.
    pub fn rows<'a>(&'a self, field: &Field, spec: &'a TableSpec) -> Vec<RowRef<'a>> {
        if spec.has_fixed_rows() {
            let named = match &self.rows {
                Rows::Named(rows) => Some(rows),
                Rows::Listed(_) => None,
            };
            return spec
                .rows
                .iter()
                .map(|row| RowRef {
                    key: RowKey::Named(row.id.clone()),
                    label: row.label.clone(),
                    path: format!("{}.{}", field.id, row.id),
                    stored: named.and_then(|rows| rows.get(&row.id)),
                })
                .collect();
        }
        let Rows::Listed(rows) = &self.rows else {
            return Vec::new();
        };
        rows.iter()
            .enumerate()
            .map(|(i, cells)| {
                let name = spec
                    .row_label
                    .as_deref()
                    .and_then(|id| cells.get(id))
                    .map(|t| t.trim())
                    .filter(|t| !t.is_empty());
                RowRef {
                    key: RowKey::Index(i),
                    label: match name {
                        Some(name) => format!("第{}行「{name}」", i + 1),
                        None => format!("第{}行", i + 1),
                    },
                    path: format!("{}.{}", field.id, i + 1),
                    stored: Some(cells),
                }
            })
            .collect()
    }

    /// Sets one cell; a row one past the last of an added-rows table is
    /// appended. The caller has checked the key.
    pub fn set_cell(&mut self, row: &RowKey, column: &str, text: String) {
        match (&mut self.rows, row) {
            (Rows::Named(rows), RowKey::Named(id)) => {
                rows.entry(id.clone())
                    .or_default()
                    .insert(column.to_string(), text);
            }
            (Rows::Listed(rows), RowKey::Index(i)) => {
                if *i == rows.len() {
                    rows.push(Cells::new());
                }
                if let Some(cells) = rows.get_mut(*i) {
                    cells.insert(column.to_string(), text);
                }
            }
            // An empty table of the other shape is replaced by one that fits.
            (rows, key) => {
                *rows = match key {
                    RowKey::Named(_) => Rows::Named(IndexMap::new()),
                    RowKey::Index(_) => Rows::Listed(Vec::new()),
                };
                self.set_cell(row, column, text);
            }
        }
    }

    /// The rows of a table whose rows the writer adds (an empty table of
    /// the other shape becomes one); None for fixed rows.
    fn listed_mut(&mut self, spec: &TableSpec) -> Option<&mut Vec<Cells>> {
        if spec.has_fixed_rows() {
            return None;
        }
        if let Rows::Named(rows) = &self.rows
            && rows.is_empty()
        {
            self.rows = Rows::Listed(Vec::new());
        }
        match &mut self.rows {
            Rows::Listed(rows) => Some(rows),
            Rows::Named(_) => None,
        }
    }

    /// Inserts an empty row at `at` (at most one past the last) in a table
    /// whose rows the writer adds; false for fixed rows.
    pub fn insert_row(&mut self, spec: &TableSpec, at: usize) -> bool {
        let Some(rows) = self.listed_mut(spec) else {
            return false;
        };
        rows.insert(at.min(rows.len()), Cells::new());
        true
    }

    /// Removes row `at` of a table whose rows the writer adds; false when
    /// there is no such row.
    pub fn remove_row(&mut self, spec: &TableSpec, at: usize) -> bool {
        match self.listed_mut(spec) {
            Some(rows) if at < rows.len() => {
                rows.remove(at);
                true
            }
            _ => false,
        }
    }

    /// Swaps row `at` with the one below it (`down`) or above it; false
    /// when there is none to swap with.
    pub fn move_row(&mut self, spec: &TableSpec, at: usize, down: bool) -> bool {
        let Some(rows) = self.listed_mut(spec) else {
            return false;
        };
        let other = if down {
            at.checked_add(1)
        } else {
            at.checked_sub(1)
        };
        match other {
            Some(other) if at < rows.len() && other < rows.len() => {
                rows.swap(at, other);
                true
            }
            _ => false,
        }
    }

    /// The same table with rows in template order and cells in column order
    /// (anything the template does not know kept at the end), so saving
    /// twice gives the same bytes.
    pub fn normalized(&self, spec: &TableSpec) -> TableValue {
        let order = |cells: &Cells| -> Cells {
            let known = spec
                .columns
                .iter()
                .filter_map(|c| cells.get_key_value(&c.id));
            let unknown = cells.iter().filter(|(id, _)| spec.column(id).is_none());
            known
                .chain(unknown)
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let rows = match &self.rows {
            Rows::Named(rows) => {
                let known = spec.rows.iter().filter_map(|r| rows.get_key_value(&r.id));
                let unknown = rows.iter().filter(|(id, _)| spec.row(id).is_none());
                Rows::Named(
                    known
                        .chain(unknown)
                        .map(|(k, v)| (k.clone(), order(v)))
                        .collect(),
                )
            }
            Rows::Listed(rows) => Rows::Listed(rows.iter().map(order).collect()),
        };
        TableValue { rows }
    }
}

impl RowRef<'_> {
    /// The text of a cell: as stored, else the row's or the column's
    /// template default, else empty.
    pub fn text<'s>(&'s self, spec: &'s TableSpec, column: &'s Field) -> &'s str {
        if let Some(text) = self.stored.and_then(|cells| cells.get(&column.id)) {
            return text;
        }
        let row_default = self
            .key
            .id()
            .and_then(|id| spec.row(id))
            .and_then(|row| row.cells.get(&column.id));
        row_default
            .or(column.default.as_ref())
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::model::project::{Entry, Project};
    use crate::model::schema::Kind;

    fn project() -> Project {
        catalog::new_project("project-selfeval")
    }

    #[test]
    fn cells_are_saved_in_template_order_whatever_order_they_were_set_in() {
        let mut p = project();
        let spec = p
            .template
            .field("funding")
            .and_then(|f| f.table().cloned())
            .expect("table");
        let mut value = TableValue::new(&spec);
        for (row, column, text) in [
            ("other", "actual", "1"),
            ("total", "actual", "85"),
            ("total", "budget", "100"),
        ] {
            value.set_cell(&RowKey::Named(row.into()), column, text.into());
        }
        p.set("funding", Entry::Table(value));
        let json = p.to_json();
        let funding = &json[json.find("\"funding\"").expect("funding")..];
        let at = |s: &str| funding.find(s).expect(s);
        assert!(at("\"total\"") < at("\"other\""), "{funding}");
        assert!(
            at("\"budget\": \"100\"") < at("\"actual\": \"85\""),
            "{funding}"
        );
        assert_eq!(Project::from_json(&json).expect("reads").to_json(), json);
    }

    #[test]
    fn one_past_the_last_row_appends_a_row() {
        let spec = project()
            .template
            .field("indicators")
            .and_then(|f| f.table().cloned())
            .expect("table");
        let mut value = TableValue::new(&spec);
        value.set_cell(&RowKey::Index(0), "name", "甲".into());
        value.set_cell(&RowKey::Index(1), "name", "乙".into());
        value.set_cell(&RowKey::Index(0), "weight", "10".into());
        let Rows::Listed(rows) = &value.rows else {
            panic!("listed rows");
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get("weight").map(String::as_str), Some("10"));
    }

    #[test]
    fn rows_the_writer_adds_are_inserted_removed_and_moved() {
        let p = project();
        let spec = |id: &str| {
            p.template
                .field(id)
                .and_then(|f| f.table().cloned())
                .expect("table")
        };
        let names = |value: &TableValue| -> Vec<String> {
            let Rows::Listed(rows) = &value.rows else {
                panic!("listed rows");
            };
            rows.iter()
                .map(|r| r.get("name").cloned().unwrap_or_default())
                .collect()
        };
        let (listed, funding) = (spec("indicators"), spec("funding"));
        let mut value = TableValue::new(&listed);
        for (i, name) in ["甲", "乙", "丙"].into_iter().enumerate() {
            value.set_cell(&RowKey::Index(i), "name", name.into());
        }
        assert!(value.insert_row(&listed, 1));
        assert_eq!(names(&value), ["甲", "", "乙", "丙"]);
        assert!(value.insert_row(&listed, 99), "past the end appends");
        assert_eq!(names(&value), ["甲", "", "乙", "丙", ""]);
        assert!(value.remove_row(&listed, 1) && value.remove_row(&listed, 3));
        assert!(!value.remove_row(&listed, 3));
        assert!(value.move_row(&listed, 0, true));
        assert_eq!(names(&value), ["乙", "甲", "丙"]);
        assert!(value.move_row(&listed, 2, false));
        assert_eq!(names(&value), ["乙", "丙", "甲"]);
        assert!(!value.move_row(&listed, 0, false) && !value.move_row(&listed, 2, true));
        // An empty table stored in the other shape takes rows; fixed rows
        // are never added, removed or moved, even while empty.
        let mut odd = TableValue {
            rows: Rows::Named(IndexMap::new()),
        };
        assert!(odd.insert_row(&listed, 0));
        assert_eq!(odd.rows, Rows::Listed(vec![Cells::new()]));
        let mut fixed = TableValue::new(&funding);
        let before = fixed.clone();
        assert!(!fixed.insert_row(&funding, 0));
        fixed.set_cell(&RowKey::Named("total".into()), "budget", "1".into());
        let filled = fixed.clone();
        assert!(!fixed.remove_row(&funding, 0) && !fixed.move_row(&funding, 0, true));
        assert_eq!((before.rows, fixed), (Rows::Named(IndexMap::new()), filled));
    }

    #[test]
    fn unknown_shapes_are_kept_and_tables_round_trip_through_editor_text() {
        let odd: Entry = serde_json::from_str(r#"{"rows": 5}"#).expect("json");
        assert!(matches!(odd, Entry::Other(_)), "{odd:?}");
        let table: Entry = serde_json::from_str(r#"{"rows": [{"name": "甲"}]}"#).expect("json");
        assert!(matches!(table, Entry::Table(_)), "{table:?}");
        let text = table.to_editor_text();
        assert_eq!(Entry::from_editor_text(Kind::Table, &text), table);
        let broken = Entry::from_editor_text(Kind::Table, "{\"rows\": [");
        assert_eq!(broken, Entry::Text("{\"rows\": [".into()));
    }

    #[test]
    fn template_defaults_show_but_an_untouched_table_is_empty() {
        let p = project();
        let field = p.template.field("funding").expect("funding");
        let spec = field.table().expect("table");
        let Some(Entry::Table(value)) = p.entry("funding") else {
            panic!("table entry");
        };
        assert!(value.is_empty());
        let rows = value.rows(field, spec);
        let weight = spec.column("weight").expect("weight");
        assert_eq!(rows[0].text(spec, weight), "10");
        assert_eq!(rows[0].path, "funding.total");
    }
}
