//! Bytes sent to the terminal per keystroke, through the real backend at
//! 100×30: deterministic, so a ceiling (with headroom over what is measured
//! today) guards against regressions. `cargo bench` reports the figures.

#[path = "../benches/probe.rs"]
mod probe;

use probe::{Session, sample, template, typed};
use ziping::model::project::Project;

fn mean(values: &[usize]) -> usize {
    values.iter().sum::<usize>() / values.len().max(1)
}

#[test]
fn typing_at_the_end_of_a_short_field_sends_little() {
    let mut s = Session::open(&Project::new(template("hunan-narrative"), "now"));
    s.focus("organisation_text", 0, 0);
    let bytes: Vec<usize> = typed().take(200).map(|c| s.key(c)).collect();
    assert!(mean(&bytes) <= 25, "mean {} bytes: {bytes:?}", mean(&bytes));
}

#[test]
fn typing_in_the_middle_of_the_longest_paragraph_sends_little() {
    let mut s = Session::open(&sample());
    s.focus("achievements", 4, 974);
    let bytes: Vec<usize> = typed().take(200).map(|c| s.key(c)).collect();
    assert!(
        mean(&bytes) <= 400,
        "mean {} bytes: {bytes:?}",
        mean(&bytes)
    );
}
