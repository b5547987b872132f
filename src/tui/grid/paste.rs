//! Pasting a block of cells — rows of tab-separated values, as a
//! spreadsheet copies them — into a table: filled across and down from the
//! focused cell, rows added where the table lets the writer add them, all
//! as one undo step. A computed column is not typed into: its pasted value
//! is skipped when it is the one computed, and the paste refused (naming
//! the cell) when it differs, since a copied sheet whose figures do not
//! agree with this table's formulas is worth a look before it goes in.

use crate::lang::Lang;
use crate::model::cell_path::refusal;
use crate::model::project::Project;
use crate::model::sheet::Sheet;
use crate::strings;

use super::{Grid, Outcome, Table};

/// The cells of a pasted block, when it is more than one cell's text.
pub(super) fn block(text: &str) -> Option<Vec<Vec<String>>> {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = unified.trim_end_matches('\n');
    if !trimmed.contains(['\t', '\n']) {
        return None;
    }
    let cells = |line: &str| line.split('\t').map(|c| c.trim().to_string()).collect();
    Some(trimmed.split('\n').map(cells).collect())
}

impl Grid {
    pub(super) fn paste_block(
        &mut self,
        block: &[Vec<String>],
        table: &Table,
        project: &mut Project,
        lang: Lang,
    ) -> Outcome {
        self.commit(table, project);
        let spec = table.spec;
        let shown = spec.shown_columns();
        let first = shown.iter().position(|&c| c == self.column).unwrap_or(0);
        let widest = block.iter().map(Vec::len).max().unwrap_or(0);
        let room = shown.len() - first.min(shown.len());
        if widest > room {
            return Outcome::Refused(strings::paste_too_wide(widest, room, lang));
        }
        let (top, had) = (self.row, table.row_count(project));
        let rows = if had == 0 {
            block.len()
        } else {
            top + block.len()
        };
        if rows > had && spec.has_fixed_rows() {
            return Outcome::Refused(strings::paste_too_long(
                block.len(),
                had.saturating_sub(top),
                lang,
            ));
        }
        let top = if had == 0 { 0 } else { top };
        let before = table.entry(project);
        // Computed (or absent) cells the block gives a value for.
        let mut to_check = Vec::new();
        let filled = table.change(project, |value| {
            for at in had..rows {
                value.insert_row(spec, at);
            }
            for (i, cells) in block.iter().enumerate() {
                let key = table.key(top + i);
                for (j, text) in cells.iter().enumerate() {
                    let column = &spec.columns[shown[first + j]];
                    if refusal(column, &key).is_some() {
                        if !text.is_empty() {
                            to_check.push((top + i, shown[first + j], text.as_str()));
                        }
                    } else {
                        value.set_cell(&key, &column.id, text.clone());
                    }
                }
            }
            true
        });
        if let Err(why) = filled {
            return Outcome::Refused(why);
        }
        if let Some(why) = differing(table, project, &to_check, lang) {
            project.set(&table.field.id, before);
            return Outcome::Refused(why);
        }
        if table.entry(project) != before {
            self.record(before);
        }
        let cells = block.iter().map(Vec::len).sum::<usize>() - to_check.len();
        Outcome::Info(strings::pasted_cells(cells, rows.saturating_sub(had), lang))
    }
}

/// What to say about the first cell whose pasted value is not what the
/// table computes (or shows, where the row has no such cell).
fn differing(
    table: &Table,
    project: &Project,
    cells: &[(usize, usize, &str)],
    lang: Lang,
) -> Option<String> {
    if cells.is_empty() {
        return None;
    }
    let sheet = Sheet::new(project);
    let computed = sheet.table(&project.template, &table.field.id)?;
    cells.iter().find_map(|&(r, c, pasted)| {
        let row = computed.rows.get(r)?;
        let column = &table.spec.columns[c];
        let shown = row.cells.get(c)?.display(column);
        (!same_figure(pasted, &shown))
            .then(|| strings::paste_differs(&row.label, &column.label, pasted, &shown, lang))
    })
}

/// Whether two cell texts say the same: equal, or the same number once
/// thousands separators and a trailing `%` are set aside (`85%` is the
/// `85.00%` shown).
fn same_figure(a: &str, b: &str) -> bool {
    let number = |s: &str| -> Option<(f64, bool)> {
        let s: String = s
            .chars()
            .filter(|c| !matches!(c, ',' | '，' | ' '))
            .collect();
        let (digits, percent) = match s.strip_suffix('%') {
            Some(d) => (d.to_string(), true),
            None => (s, false),
        };
        digits.parse().ok().map(|n| (n, percent))
    };
    match (number(a), number(b)) {
        (Some((x, p)), Some((y, q))) => p == q && (x - y).abs() < 0.005,
        _ => a.trim() == b.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_tab_separated_rows_and_one_cell_is_not_a_block() {
        assert_eq!(block("1250"), None);
        assert_eq!(block("1250\r\n"), None);
        assert_eq!(
            block("100\t85\r\n 50 \t\r\n"),
            Some(vec![
                vec!["100".to_string(), "85".to_string()],
                vec!["50".to_string(), String::new()],
            ])
        );
    }

    #[test]
    fn figures_compare_as_numbers() {
        assert!(same_figure("85%", "85.00%"));
        assert!(same_figure("1,380", "1380.00"));
        assert!(!same_figure("85", "85.00%"));
        assert!(!same_figure("8.6", "8.50"));
        assert!(same_figure("优", "优"));
    }
}
