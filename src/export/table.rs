//! Tables in the plain-text export, laid out as the form prints them
//! ([`super::form`]) and drawn as a grid ([`super::grid`]): the caption
//! where the label is not inside the grid, then the grid, fitted to the
//! width `--wrap` asks for.

use crate::model::sheet::Table;

use super::form::form;
use super::grid::draw;

/// The caption (if any) and the table, as blocks of the export.
pub fn table_blocks(table: Table, width: Option<usize>) -> Vec<String> {
    let form = form(table);
    let mut blocks: Vec<String> = form.caption.iter().cloned().collect();
    blocks.push(draw(&form, width));
    blocks
}
