//! What the terminal shows, cell by cell, in 16 bytes a cell where
//! ratatui's own cell takes 40: a 100×30 screen in 48 KB instead of 120.
//!
//! A cell's symbol is nearly always one character, kept as it is; any
//! other (a character with combining marks, an emoji sequence) is kept in
//! a table, with an index to find it again, and the cell holds its place
//! there. The table
//! only grows with symbols drawn since the screen was last blank, and is
//! rebuilt from what is on screen when it outgrows the screen.
//!
//! Rows are read out as ratatui cells (the row functions work on those)
//! and written back from them: the model itself is only storage.

use std::collections::HashMap;

use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// Symbols from here up are places in the table of longer ones: no
/// character is this large.
const LONG: u32 = 0x11_0000;

/// One cell as shown: its symbol (a character, or `LONG` + a place in
/// [`Model::long`]) and its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    symbol: u32,
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const BLANK: Shown = Shown {
    symbol: ' ' as u32,
    fg: Color::Reset,
    bg: Color::Reset,
    modifier: Modifier::empty(),
};

#[derive(Debug, Default)]
pub struct Model {
    area: Rect,
    cells: Vec<Shown>,
    /// Symbols of other than one character, by place.
    long: Vec<Box<str>>,
    places: HashMap<Box<str>, u32>,
}

impl Model {
    /// A blank screen of `area`.
    pub fn blank(area: Rect) -> Model {
        Model {
            area,
            cells: vec![BLANK; area.area() as usize],
            ..Model::default()
        }
    }

    pub fn area(&self) -> Rect {
        self.area
    }

    fn width(&self) -> usize {
        self.area.width as usize
    }

    /// Row `y` as ratatui cells.
    pub fn row(&self, y: usize) -> Vec<Cell> {
        let width = self.width();
        self.cells[y * width..(y + 1) * width]
            .iter()
            .map(|shown| self.cell(shown))
            .collect()
    }

    /// Whether the cell at (`x`, `y`) shows `cell` already.
    pub fn shows(&self, x: usize, y: usize, cell: &Cell) -> bool {
        let width = self.width();
        let Some(shown) = self.cells.get(y * width + x).filter(|_| x < width) else {
            return false;
        };
        let symbol = match shown.symbol.checked_sub(LONG) {
            Some(place) => self
                .long
                .get(place as usize)
                .is_some_and(|s| **s == *cell.symbol()),
            None => char::from_u32(shown.symbol)
                .is_some_and(|c| c.encode_utf8(&mut [0; 4]) == cell.symbol()),
        };
        symbol && shown.fg == cell.fg && shown.bg == cell.bg && shown.modifier == cell.modifier
    }

    /// Makes row `y` show `row`.
    pub fn set_row(&mut self, y: usize, row: &[Cell]) {
        if self.long.len() > self.cells.len() {
            self.rebuild_long();
        }
        let width = self.width();
        for (x, cell) in row.iter().enumerate().take(width) {
            let shown = self.shown(cell);
            self.cells[y * width + x] = shown;
        }
    }

    fn cell(&self, shown: &Shown) -> Cell {
        let mut cell = Cell::default();
        match shown.symbol.checked_sub(LONG) {
            Some(place) => {
                cell.set_symbol(self.long.get(place as usize).map_or(" ", |s| s));
            }
            None => {
                cell.set_char(char::from_u32(shown.symbol).unwrap_or(' '));
            }
        }
        cell.fg = shown.fg;
        cell.bg = shown.bg;
        cell.modifier = shown.modifier;
        cell
    }

    fn shown(&mut self, cell: &Cell) -> Shown {
        let symbol = cell.symbol();
        let mut chars = symbol.chars();
        let symbol = match (chars.next(), chars.next()) {
            (Some(c), None) => c as u32,
            _ => LONG + self.place(symbol),
        };
        Shown {
            symbol,
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }

    fn place(&mut self, symbol: &str) -> u32 {
        if let Some(&place) = self.places.get(symbol) {
            return place;
        }
        let place = self.long.len() as u32;
        self.long.push(symbol.into());
        self.places.insert(symbol.into(), place);
        place
    }

    /// Keeps only the longer symbols still on screen.
    fn rebuild_long(&mut self) {
        let old = std::mem::take(&mut self.long);
        self.places.clear();
        let mut cells = std::mem::take(&mut self.cells);
        for shown in &mut cells {
            if let Some(place) = shown.symbol.checked_sub(LONG) {
                let symbol = old.get(place as usize).map_or(" ", |s| s);
                shown.symbol = LONG + self.place(symbol);
            }
        }
        self.cells = cells;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(symbol: &str, fg: Color, modifier: Modifier) -> Cell {
        let mut cell = Cell::default();
        cell.set_symbol(symbol);
        cell.fg = fg;
        cell.modifier = modifier;
        cell
    }

    #[test]
    fn a_row_reads_back_as_written() {
        let mut model = Model::blank(Rect::new(0, 0, 7, 2));
        let row = [
            cell("中", Color::Red, Modifier::BOLD),
            Cell::default(),
            cell("e\u{301}", Color::Reset, Modifier::empty()),
            cell("👩\u{200d}💻", Color::Indexed(208), Modifier::REVERSED),
            cell("a", Color::Rgb(1, 2, 3), Modifier::ITALIC),
            cell(" ", Color::Reset, Modifier::UNDERLINED),
            // Not a blank to ratatui.
            cell("", Color::Reset, Modifier::empty()),
        ];
        model.set_row(1, &row);
        assert_eq!(model.row(1), row);
        assert_eq!(model.row(0), vec![Cell::default(); 7]);
        for (x, cell) in row.iter().enumerate() {
            assert!(model.shows(x, 1, cell), "{x}");
            assert_eq!(model.shows(x, 0, cell), *cell == Cell::default(), "{x}");
        }
        // The same symbol in another colour, another symbol, off the row.
        assert!(!model.shows(4, 1, &cell("a", Color::Reset, Modifier::ITALIC)));
        assert!(!model.shows(2, 1, &cell("e", Color::Reset, Modifier::empty())));
        assert!(!model.shows(3, 1, &cell("👩", Color::Indexed(208), Modifier::REVERSED)));
        assert!(!model.shows(7, 0, &Cell::default()));
        assert_eq!(std::mem::size_of::<Shown>(), 16);
    }

    #[test]
    fn the_table_of_longer_symbols_never_outgrows_the_screen() {
        let mut model = Model::blank(Rect::new(0, 0, 2, 1));
        let kept = cell("e\u{301}", Color::Reset, Modifier::empty());
        for i in 0..50u32 {
            let other = char::from_u32(0x4e00 + i).expect("a character");
            let passing = cell(&format!("{other}\u{301}"), Color::Reset, Modifier::empty());
            model.set_row(0, &[kept.clone(), passing.clone()]);
            assert_eq!(model.row(0), [kept.clone(), passing]);
            assert!(model.long.len() <= 2 * model.cells.len() + 1);
        }
    }
}
