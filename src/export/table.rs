//! Tables in the plain-text export, laid out as the form prints them
//! ([`super::form`]) and drawn as a grid ([`super::grid`]): the caption
//! where the label is not inside the grid, then the grid, fitted to the
//! width `--wrap` asks for, then the form's notes (注).

use super::form::Form;
use super::grid::draw;
use super::wrap::hard_wrap;

/// The caption (if any), the table and its notes, as blocks of the export.
pub fn table_blocks(form: &Form, notes: &[String], width: Option<usize>) -> Vec<String> {
    let mut blocks: Vec<String> = form.caption.iter().cloned().collect();
    blocks.push(draw(form, width));
    if !notes.is_empty() {
        let wrapped = notes.iter().map(|note| match width {
            Some(width) => hard_wrap(note, width),
            None => note.clone(),
        });
        blocks.push(wrapped.collect::<Vec<_>>().join("\n"));
    }
    blocks
}
