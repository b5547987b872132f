use crate::cursor::{DataCursor, ScreenCursor};
use crate::textarea::TextArea;
use crate::util::num_digits;
use crate::wrap::{WrapMode, WrappedLine, Wrapper, effective_wrap_width, wrapped_rows};

#[derive(Debug, Clone, Copy)]
pub(crate) struct ScreenLine {
    pub wrapped: WrappedLine,
    pub screen_width: usize,
    pub cursor_max_col: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DataLine {
    pub first_screen_line: usize,
    pub screen_line_count: usize,
    pub pure_ascii: bool,
}

/// An edit within one line, in bytes: `removed` bytes at `at` replaced by
/// `inserted` bytes, which are `removed_chars` and `inserted_chars` chars.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineEdit {
    pub row: usize,
    pub at: usize,
    pub removed: usize,
    pub inserted: usize,
    pub removed_chars: usize,
    pub inserted_chars: usize,
}

fn is_pure_ascii(line: &str) -> bool {
    line.is_ascii() && !line.contains('\t')
}

/// How the screen map measures: tab length, mask and char width.
#[derive(Clone, Copy)]
struct Measure {
    tab_len: u8,
    mask: Option<char>,
    width: fn(char) -> usize,
}

impl Measure {
    fn char_display_width(&self, c: char, col: usize) -> usize {
        // A masked line is drawn as one mask character per char, so each char is as wide as the mask.
        if let Some(mask) = self.mask {
            (self.width)(mask)
        } else if c == '\t' {
            let tab = self.tab_len.max(1) as usize;
            let pad = tab - (col % tab);
            pad.max(1)
        } else {
            (self.width)(c)
        }
    }

    fn display_width(&self, text: &str) -> usize {
        let mut col = 0usize;
        for c in text.chars() {
            col += self.char_display_width(c, col);
        }
        col
    }

    fn screen_col_for_char_offset(&self, text: &str, char_offset: usize) -> usize {
        let mut col = 0usize;
        for c in text.chars().take(char_offset) {
            col += self.char_display_width(c, col);
        }
        col
    }

    fn char_offset_for_screen_col(&self, text: &str, screen_col: usize) -> usize {
        let mut col = 0usize;
        let mut chars = 0usize;
        for c in text.chars() {
            if col >= screen_col {
                break;
            }
            let width = self.char_display_width(c, col);
            if col + width > screen_col {
                break;
            }
            col += width;
            chars += 1;
        }
        chars
    }
}

impl TextArea<'_> {
    fn measure(&self) -> Measure {
        Measure {
            tab_len: self.tab_length(),
            mask: self.mask_char(),
            width: self.char_widths.width,
        }
    }

    fn fallback_rows(&self) -> Vec<WrappedLine> {
        self.lines
            .iter()
            .enumerate()
            .map(|(row, line)| WrappedLine {
                row,
                start_byte: 0,
                end_byte: line.len(),
                start_col: 0,
                end_col: line.chars().count(),
                first_in_row: true,
                last_in_row: true,
                read_to: line.len(),
            })
            .collect()
    }

    /// How lines are wrapped at the width last rendered; `None` without
    /// wrapping (or before the first render).
    fn wrapper(&self) -> Option<Wrapper> {
        if self.wrap_mode() == WrapMode::None {
            return None;
        }
        let width = self.area.get().width;
        if width == 0 {
            return None;
        }
        let line_number_len = self
            .line_number_style()
            .map(|_| num_digits(self.lines.len()));
        Some(Wrapper {
            mode: self.wrap_mode(),
            breaker: self.line_breaker,
            width: effective_wrap_width(width, line_number_len),
            tab_len: self.tab_length(),
            mask: self.mask_char(),
            char_width: self.char_widths.width,
        })
    }

    fn screen_line_of(&self, wrapped: WrappedLine, measure: &Measure) -> ScreenLine {
        let fragment = &self.lines[wrapped.row][wrapped.start_byte..wrapped.end_byte];
        let char_count = wrapped.end_col.saturating_sub(wrapped.start_col);
        let screen_width = measure.display_width(fragment);
        let cursor_max_col = if wrapped.last_in_row {
            screen_width
        } else {
            measure.screen_col_for_char_offset(fragment, char_count.saturating_sub(1))
        };
        ScreenLine {
            wrapped,
            screen_width,
            cursor_max_col,
        }
    }

    pub(crate) fn screen_map_load(&self) {
        let rows = match self.wrapper() {
            Some(wrapper) => wrapped_rows(&self.lines, &wrapper),
            None => self.fallback_rows(),
        };

        let measure = self.measure();
        let mut screen_lines = Vec::with_capacity(rows.len());
        let mut data_pointers = vec![DataLine::default(); self.lines.len()];

        for (screen_idx, wrapped) in rows.into_iter().enumerate() {
            if data_pointers[wrapped.row].screen_line_count == 0 {
                data_pointers[wrapped.row].first_screen_line = screen_idx;
                data_pointers[wrapped.row].pure_ascii = is_pure_ascii(&self.lines[wrapped.row]);
            }
            data_pointers[wrapped.row].screen_line_count += 1;
            screen_lines.push(self.screen_line_of(wrapped, &measure));
        }

        *self.screen_lines.borrow_mut() = screen_lines;
        *self.data_pointers.borrow_mut() = data_pointers;
    }

    /// Updates the screen map after `edit`, which changed one line and no
    /// others. With a line breaker only the rows from the first one whose
    /// decision read the edited bytes are wrapped again, up to the first
    /// row that ends where an old row ended (the rest of the line wraps as
    /// before, shifted); with a built-in mode the edited line is wrapped
    /// again. Either way the other lines' rows are kept.
    pub(crate) fn screen_map_edit(&self, edit: LineEdit) {
        let Some(wrapper) = self.wrapper() else {
            return self.screen_map_load();
        };
        if self.data_pointers.borrow().len() != self.lines.len() {
            return self.screen_map_load();
        }
        let LineEdit {
            row,
            at,
            removed,
            inserted,
            removed_chars,
            inserted_chars,
        } = edit;
        let line = &self.lines[row];
        let (first, count) = {
            let pointer = &self.data_pointers.borrow()[row];
            (pointer.first_screen_line, pointer.screen_line_count)
        };
        let mut screen_lines = self.screen_lines.borrow_mut();
        let old = &screen_lines[first..first + count];

        let (restart, rows, resume) = if wrapper.breaker.is_some() {
            let restart = old
                .iter()
                .position(|l| l.wrapped.read_to >= at)
                .unwrap_or(count.saturating_sub(1));
            let (start, start_col) = old
                .get(restart)
                .map_or((0, 0), |l| (l.wrapped.start_byte, l.wrapped.start_col));
            // Where the old rows start, in the new text's bytes: the old
            // row starting at `old_start` now starts at `old_start - removed + inserted`.
            let edit_end = at + inserted;
            let mut next_old = restart + 1;
            let mut resume = count;
            let rows = wrapper.rows_from(row, line, start, start_col, |end, _| {
                if end < edit_end {
                    return false;
                }
                let old_end = end + removed - inserted;
                while next_old < count && old[next_old].wrapped.start_byte < old_end {
                    next_old += 1;
                }
                let realigned = next_old < count && old[next_old].wrapped.start_byte == old_end;
                if realigned {
                    resume = next_old;
                }
                realigned
            });
            (restart, rows, resume)
        } else {
            (0, wrapper.rows_of(row, line), count)
        };

        let measure = self.measure();
        let shift = |v: usize, by_removed: usize, by_inserted: usize| v + by_inserted - by_removed;
        let mut replacement: Vec<ScreenLine> = rows
            .into_iter()
            .map(|wrapped| self.screen_line_of(wrapped, &measure))
            .collect();
        replacement.extend(old[resume..].iter().map(|l| {
            let mut l = *l;
            let w = &mut l.wrapped;
            w.start_byte = shift(w.start_byte, removed, inserted);
            w.end_byte = shift(w.end_byte, removed, inserted);
            w.read_to = shift(w.read_to, removed, inserted);
            w.start_col = shift(w.start_col, removed_chars, inserted_chars);
            w.end_col = shift(w.end_col, removed_chars, inserted_chars);
            l
        }));
        let new_count = restart + replacement.len();
        screen_lines.splice(first + restart..first + count, replacement);
        drop(screen_lines);

        let mut pointers = self.data_pointers.borrow_mut();
        pointers[row].screen_line_count = new_count;
        pointers[row].pure_ascii = is_pure_ascii(line);
        for pointer in pointers.iter_mut().skip(row + 1) {
            pointer.first_screen_line = pointer.first_screen_line + new_count - count;
        }
    }

    pub(crate) fn screen_lines_count(&self) -> usize {
        self.screen_lines.borrow().len()
    }

    pub(crate) fn screen_line_width(&self, row: usize) -> usize {
        self.screen_lines.borrow()[row].screen_width
    }

    pub(crate) fn screen_line_max_cursor_col(&self, row: usize) -> usize {
        self.screen_lines.borrow()[row].cursor_max_col
    }

    pub(crate) fn screen_line(&self, row: usize) -> ScreenLine {
        self.screen_lines.borrow()[row]
    }

    pub(crate) fn screen_to_array(&self, screen: ScreenCursor) -> DataCursor {
        if let Some(dc) = screen.dc {
            return dc;
        }

        let line = self.screen_line(screen.row);
        let fragment =
            &self.lines[line.wrapped.row][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset = self
            .measure()
            .char_offset_for_screen_col(fragment, screen.col);
        DataCursor(line.wrapped.row, line.wrapped.start_col + char_offset)
    }

    pub(crate) fn array_to_screen(&self, array: DataCursor) -> ScreenCursor {
        let data_line = &self.data_pointers.borrow()[array.0];
        let screen_lines = self.screen_lines.borrow();

        let mut screen_idx = data_line.first_screen_line;
        for idx in
            data_line.first_screen_line..data_line.first_screen_line + data_line.screen_line_count
        {
            let line = screen_lines[idx];
            let contains = if line.wrapped.last_in_row {
                line.wrapped.start_col <= array.1 && array.1 <= line.wrapped.end_col
            } else {
                line.wrapped.start_col <= array.1 && array.1 < line.wrapped.end_col
            };
            if contains {
                screen_idx = idx;
                break;
            }
        }

        let line = screen_lines[screen_idx];
        let fragment = &self.lines[array.0][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset = array.1.saturating_sub(line.wrapped.start_col);
        let col = self
            .measure()
            .screen_col_for_char_offset(fragment, char_offset);

        ScreenCursor {
            row: screen_idx,
            col,
            // From the row's start: counting from the line's would cost the
            // whole paragraph on every cursor lookup.
            char: self.lines[array.0][line.wrapped.start_byte..]
                .chars()
                .nth(char_offset),
            dc: Some(array),
        }
    }

    pub(crate) fn data_cursor(&self, screen: ScreenCursor) -> DataCursor {
        screen.to_array_cursor(self)
    }

    pub(crate) fn increment_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 + 1))
    }

    pub(crate) fn decrement_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::layout::Rect;

    fn make_textarea(lines: &[&str], wrap_mode: WrapMode, width: u16) -> TextArea<'static> {
        let mut textarea = TextArea::from(lines.iter().copied());
        textarea.set_wrap_mode(wrap_mode);
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width,
            height: 40,
        });
        textarea.screen_map_load();
        textarea
    }

    fn assert_round_trips(textarea: &TextArea<'_>) {
        for (row, line) in textarea.lines.iter().enumerate() {
            for col in 0..=line.chars().count() {
                let dc = DataCursor(row, col);
                let sc = textarea.array_to_screen(dc);
                assert_eq!(textarea.screen_to_array(sc), dc);

                let detached = ScreenCursor { dc: None, ..sc };
                assert_eq!(textarea.screen_to_array(detached), dc);
                assert_eq!(
                    textarea.array_to_screen(textarea.screen_to_array(detached)),
                    sc
                );
            }
        }
    }

    #[test]
    fn screen_map_round_trips_ascii_word_wrap() {
        let textarea = make_textarea(
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
            ],
            WrapMode::Word,
            24,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_cjk_glyph_wrap() {
        let textarea = make_textarea(
            &["混合中文字符和ASCIIabc来验证屏幕坐标与数据坐标的往返转换。"],
            WrapMode::Glyph,
            12,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_multilingual_word_or_glyph_wrap() {
        let textarea = make_textarea(
            &[
                "ASCII and русский текст can share one buffer.",
                "第二行 mixed-width 内容 with English words.",
            ],
            WrapMode::WordOrGlyph,
            18,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }
}
