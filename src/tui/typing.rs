//! Undo steps for typing. The text area records one history entry per
//! character, so undo took back a phrase an input method committed one
//! character at a time. Here a batch of input (an input-method commit, a
//! burst of keys) goes in as one entry, and a run of such batches with no
//! cursor move, deletion or pause over [`RUN_PAUSE`] between them is
//! folded into one: each batch joins the run's history entry. (It used to
//! undo the run and insert it again whole, which re-wrapped the paragraph
//! twice a key.)

use std::time::{Duration, Instant};

use ratatui_textarea::{DataCursor, TextArea};

/// A pause in typing longer than this starts a new undo step.
pub const RUN_PAUSE: Duration = Duration::from_secs(1);

/// The run of typing that the next batch may join.
#[derive(Debug, Default)]
pub struct Typing {
    run: Option<Run>,
}

#[derive(Debug)]
struct Run {
    field: String,
    /// The cursor after the run: anywhere else, it has moved.
    end: DataCursor,
    at: Instant,
}

impl Typing {
    /// Types `text` into `editor`, the editor of `field`, at `now`.
    pub fn insert(
        &mut self,
        field: &str,
        editor: &mut TextArea<'static>,
        text: &str,
        now: Instant,
    ) {
        if text.is_empty() {
            return;
        }
        let joins = self.run.take().filter(|run| {
            run.field == field
                && !editor.is_selecting()
                && editor.cursor() == run.end
                && now.saturating_duration_since(run.at) <= RUN_PAUSE
        });
        if !editor.insert_str(text) {
            // Nothing went in (a lone CR): no entry to join, the run goes on.
            self.run = joins;
            return;
        }
        // The history's last entry before this one is the run's: nothing
        // was recorded since (the cursor is where the run left it, and any
        // other edit ends the run). The text area joins the two only if
        // the entry before inserted text right where this batch began.
        if joins.is_some() {
            editor.join_last_edit();
        }
        // A line break (typed into a one-line prompt, never by keys) ends
        // the run, as Enter does.
        self.run = (!text.contains('\n')).then(|| Run {
            field: field.to_string(),
            end: editor.cursor(),
            at: now,
        });
    }

    /// Any other edit or move ends the run: the next batch is a new step.
    pub fn end(&mut self) {
        self.run = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_textarea::CursorMove;

    fn undo_steps(editor: &mut TextArea<'static>) -> Vec<String> {
        let mut seen = vec![editor.lines().join("\n")];
        while editor.undo() {
            seen.push(editor.lines().join("\n"));
        }
        seen
    }

    #[test]
    fn a_batch_that_inserts_nothing_joins_nothing() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let mut editor = TextArea::default();
        let mut typing = Typing::default();
        typing.insert("f", &mut editor, "现将", at(0));
        // After a pause: a step of its own, which a lone CR must not fold
        // into the one before.
        typing.insert("f", &mut editor, "有关", at(3_000));
        typing.insert("f", &mut editor, "\r", at(3_100));
        typing.insert("f", &mut editor, "情况", at(3_200));
        assert_eq!(undo_steps(&mut editor), ["现将有关情况", "现将", ""]);
    }

    #[test]
    fn a_run_of_typing_is_one_undo_step_and_a_pause_or_a_move_starts_another() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let mut editor = TextArea::default();
        let mut typing = Typing::default();
        // An input-method commit, then keys in quick succession.
        typing.insert("f", &mut editor, "现将有关", at(0));
        for (i, c) in ["情", "况", "报", "告"].iter().enumerate() {
            typing.insert("f", &mut editor, c, at(300 + 300 * i as u64));
        }
        // A pause over a second: a new step.
        typing.insert("f", &mut editor, "如下", at(3_000));
        // A cursor move, then typing there: a new step.
        editor.move_cursor(CursorMove::Head);
        typing.insert("f", &mut editor, "【", at(3_100));
        assert_eq!(
            undo_steps(&mut editor),
            [
                "【现将有关情况报告如下",
                "现将有关情况报告如下",
                "现将有关情况报告",
                ""
            ]
        );
    }

    #[test]
    fn an_edit_between_batches_ends_the_run() {
        let now = Instant::now();
        let mut editor = TextArea::default();
        let mut typing = Typing::default();
        typing.insert("f", &mut editor, "甲乙", now);
        // Deleting forward leaves the cursor where it was.
        editor.move_cursor(CursorMove::Back);
        editor.delete_next_char();
        editor.move_cursor(CursorMove::End);
        typing.end();
        typing.insert("f", &mut editor, "丙", now);
        assert_eq!(undo_steps(&mut editor), ["甲丙", "甲", "甲乙", ""]);
        // Even when not told: the run's text is no longer before the cursor.
        let mut editor = TextArea::default();
        typing.end();
        typing.insert("f", &mut editor, "甲乙", now);
        editor.move_cursor(CursorMove::Back);
        editor.delete_char();
        editor.move_cursor(CursorMove::End);
        typing.insert("f", &mut editor, "丙", now);
        assert_eq!(undo_steps(&mut editor), ["乙丙", "乙", "甲乙", ""]);
    }
}
