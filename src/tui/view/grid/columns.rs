//! Which columns of a grid are in view: all when they fit; otherwise the
//! pinned ones (the row labels) and a run that holds the focused column.

/// Columns are separated by this many spaces.
pub const GAP: usize = 1;

/// The columns drawn and how wide.
pub struct Columns {
    /// (index into the columns, width drawn); the last may be cut.
    pub columns: Vec<(usize, usize)>,
    /// Where in `columns` the first scrolled column is, when columns are
    /// scrolled out to the left.
    pub scrolled: Option<usize>,
    /// Whether columns follow on the right, out of view.
    pub more: bool,
}

impl Columns {
    /// Everything when it fits; otherwise the pinned columns and, from the
    /// first column that lets the focused one fit, as many as fit.
    pub fn new(widths: &[usize], pinned: &[bool], focus: usize, width: usize) -> Columns {
        let span = |columns: &[usize]| -> usize {
            columns.iter().map(|&c| widths[c]).sum::<usize>()
                + GAP * columns.len().saturating_sub(1)
        };
        let all: Vec<usize> = (0..widths.len()).collect();
        if span(&all) <= width {
            return Columns {
                columns: all.iter().map(|&c| (c, widths[c])).collect(),
                scrolled: None,
                more: false,
            };
        }
        // One column is kept for the `>` saying more is to the right.
        let room = width.saturating_sub(1);
        let from = |start: usize| -> Vec<usize> {
            all.iter()
                .copied()
                .filter(|&c| pinned[c] || c >= start)
                .collect()
        };
        let start = (0..=focus)
            .find(|&start| {
                let upto: Vec<usize> = from(start).into_iter().filter(|&c| c <= focus).collect();
                span(&upto) <= room
            })
            .unwrap_or(focus);
        let candidates = from(start);
        let mut columns = Vec::new();
        let mut used = 0;
        for &c in &candidates {
            let gap = if columns.is_empty() { 0 } else { GAP };
            let free = room.saturating_sub(used + gap);
            // A cut figure would mislead: only the focused column (or a
            // first column wider than the pane) is drawn cut.
            let cut = free > 0 && (c == focus || columns.is_empty());
            let drawn = match widths[c] {
                w if w <= free => w,
                _ if cut => free,
                _ => break,
            };
            columns.push((c, drawn));
            used += gap + drawn;
        }
        let whole = columns.iter().filter(|&&(c, w)| w == widths[c]).count();
        let scrolled = (0..start)
            .any(|c| !pinned[c])
            .then(|| columns.iter().position(|&(c, _)| !pinned[c]))
            .flatten();
        Columns {
            more: whole < candidates.len(),
            scrolled,
            columns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_grid_scrolls_to_the_focus_keeping_pinned_columns() {
        // Row labels (pinned) 6 wide, then four columns 8 wide.
        let widths = [6, 8, 8, 8, 8];
        let pinned = [true, false, false, false, false];
        let fits = Columns::new(&widths, &pinned, 1, 80);
        assert_eq!(
            (fits.columns.len(), fits.scrolled, fits.more),
            (5, None, false)
        );
        let start = Columns::new(&widths, &pinned, 1, 25);
        assert_eq!(start.columns, vec![(0, 6), (1, 8), (2, 8)]);
        assert_eq!((start.scrolled, start.more), (None, true));
        let end = Columns::new(&widths, &pinned, 4, 25);
        assert_eq!(end.columns, vec![(0, 6), (3, 8), (4, 8)]);
        assert_eq!((end.scrolled, end.more), (Some(1), false));
    }

    #[test]
    fn a_pinned_column_after_others_stays_once_they_scroll_out() {
        // 序号, 一级, 二级, 三级 (pinned), then two more.
        let widths = [4, 8, 8, 10, 8, 8];
        let pinned = [true, false, false, true, false, false];
        let view = Columns::new(&widths, &pinned, 5, 34);
        assert_eq!(view.columns, vec![(0, 4), (3, 10), (4, 8), (5, 8)]);
        assert_eq!(view.scrolled, Some(2));
    }
}
