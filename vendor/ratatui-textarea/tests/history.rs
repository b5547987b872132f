use ratatui_textarea::{CursorMove, TextArea};

// Regression test for #4
#[test]
fn disable_history() {
    let mut t = TextArea::default();
    t.set_max_histories(0);
    assert!(t.insert_str("hello"));
    assert_eq!(t.lines(), ["hello"]);
}

#[test]
fn join_last_edit_makes_adjacent_insertions_one_undo_step() {
    // Typed in two batches at the same place: joined, one undo takes both.
    let mut t = TextArea::from(["报告"]);
    t.insert_str("现将");
    t.insert_char('有');
    assert!(t.join_last_edit());
    t.insert_str("关");
    assert!(t.join_last_edit());
    assert_eq!(t.lines(), ["现将有关报告"]);
    assert!(t.undo());
    assert_eq!(t.lines(), ["报告"]);
    assert_eq!(t.cursor(), (0, 0));
    assert!(t.redo());
    assert_eq!(t.lines(), ["现将有关报告"]);
    assert_eq!(t.cursor(), (0, 4));
    assert!(!t.redo());
}

#[test]
fn join_last_edit_leaves_apart_what_is_not_one_run() {
    // The cursor moved between the insertions.
    let mut t = TextArea::from(["ab"]);
    t.insert_str("x");
    t.move_cursor(CursorMove::End);
    t.insert_str("y");
    assert!(!t.join_last_edit());
    assert!(t.undo());
    assert_eq!(t.lines(), ["xab"]);

    // A deletion between them.
    let mut t = TextArea::default();
    t.insert_str("ab");
    t.delete_char();
    t.insert_str("c");
    assert!(!t.join_last_edit());
    assert!(t.undo());
    assert_eq!(t.lines(), ["a"]);

    // An insertion across lines.
    let mut t = TextArea::default();
    t.insert_str("a");
    t.insert_str("b\nc");
    assert!(!t.join_last_edit());
    assert!(t.undo());
    assert_eq!(t.lines(), ["a"]);

    // Only one edit.
    let mut t = TextArea::default();
    t.insert_str("a");
    assert!(!t.join_last_edit());
}
