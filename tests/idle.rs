//! An idle editor costs nothing: with no timer due the event loop waits
//! without a timeout, draws nothing and writes nothing; a pause in typing
//! asks only for the timers that are due; and work that falls due with a
//! keystroke (a recovery copy) waits until that keystroke's frame is out.

// Test scaffolding: a broken fixture should fail the test loudly.
#![allow(clippy::expect_used)]

mod common;

use std::cell::RefCell;
use std::io::{self, Write};
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

use common::*;
use crossterm::event::{Event, KeyCode};
use ziping::tui::backend::LeanBackend;
use ziping::tui::display::Display;
use ziping::tui::document::RECOVERY_EVERY_EDITS;
use ziping::tui::pause::SETTLE;
use ziping::tui::{Events, event_loop};

/// What reached the terminal: bytes, and flushes (one per frame drawn).
/// With `watch` set, each flush also notes how many keys the script had
/// given and how many files were in `watch` as the frame went out.
#[derive(Debug, Default)]
struct Wire {
    bytes: usize,
    flushes: usize,
    keys: usize,
    watch: Option<PathBuf>,
    at_flush: Vec<(usize, usize)>,
}

#[derive(Clone, Default)]
struct Counted(Rc<RefCell<Wire>>);

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().bytes += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        let mut wire = self.0.borrow_mut();
        wire.flushes += 1;
        if let Some(dir) = &wire.watch {
            let files = std::fs::read_dir(dir).map_or(0, |d| d.count());
            let keys = wire.keys;
            wire.at_flush.push((keys, files));
        }
        Ok(())
    }
}

/// One step of the script: what to answer when the loop asks.
enum Step {
    Key(Event),
    /// Waits out the timeout asked for, as the terminal would, then none.
    Wait,
    /// Wakes for nothing (a signal that changed nothing).
    Spurious,
}

/// Plays `steps`, recording every timeout asked for and what had gone out
/// to the terminal at that moment; stops the loop when they run out.
struct Recorder {
    steps: std::collections::VecDeque<Step>,
    wire: Counted,
    asked: Vec<(Option<Duration>, usize, usize)>,
}

impl Events for Recorder {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        let wire = self.wire.0.borrow();
        self.asked.push((timeout, wire.bytes, wire.flushes));
        drop(wire);
        match self.steps.pop_front() {
            Some(Step::Key(e)) => {
                self.wire.0.borrow_mut().keys += 1;
                Ok(Some(e))
            }
            Some(Step::Wait) => {
                std::thread::sleep(timeout.expect("a wait with nothing due blocks forever"));
                Ok(None)
            }
            Some(Step::Spurious) => Ok(None),
            None => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "script ended")),
        }
    }
}

fn run(h: &mut Harness, steps: Vec<Step>) -> Recorder {
    run_watching(h, steps, None)
}

/// [`run`], noting at every frame the files in `watch`.
fn run_watching(h: &mut Harness, steps: Vec<Step>, watch: Option<PathBuf>) -> Recorder {
    let wire = Counted::default();
    wire.0.borrow_mut().watch = watch;
    let mut terminal =
        Display::new(LeanBackend::with_size(wire.clone(), 80, 24)).expect("terminal");
    let mut events = Recorder {
        steps: steps.into(),
        wire,
        asked: Vec::new(),
    };
    let result = event_loop(&mut terminal, &mut h.app, &mut events, &mut h.host);
    assert_eq!(
        result.expect_err("the script ends it").kind(),
        io::ErrorKind::UnexpectedEof
    );
    events
}

#[test]
fn an_idle_editor_waits_without_a_timeout_and_sends_nothing() {
    let mut h = Harness::sample(80, 24);
    let rec = run(&mut h, vec![Step::Spurious, Step::Spurious]);
    let (first, bytes, flushes) = rec.asked[0];
    assert_eq!(first, None, "nothing is due: no timeout");
    assert!(bytes > 0 && flushes == 1, "the first frame is drawn once");
    for (timeout, b, f) in &rec.asked[1..] {
        assert_eq!(*timeout, None);
        assert_eq!(
            (*b, *f),
            (bytes, flushes),
            "woken for nothing: no draw, no byte"
        );
    }
}

#[test]
fn after_typing_the_loop_waits_only_for_the_timers_due_then_sleeps() {
    let mut h = Harness::sample(80, 24);
    // The key, nothing queued behind it; the report settles, then the
    // recovery copy is written (2 s after the key): two timers.
    let steps = vec![
        Step::Key(key(KeyCode::Char('字'))),
        Step::Wait,
        Step::Wait,
        Step::Wait,
        Step::Spurious,
    ];
    let rec = run(&mut h, steps);
    let timeouts: Vec<Option<Duration>> = rec.asked.iter().map(|a| a.0).collect();
    assert_eq!(timeouts[0], None, "idle before the key");
    assert_eq!(
        timeouts[1],
        Some(Duration::ZERO),
        "anything queued behind the key"
    );
    let waits: Vec<Duration> = timeouts[2..].iter().map_while(|t| *t).collect();
    assert_eq!(
        waits.len(),
        2,
        "the two timers, no fixed tick: {timeouts:?}"
    );
    assert!(waits[0] <= SETTLE, "settling first: {timeouts:?}");
    assert!(
        waits[1] > Duration::from_secs(1),
        "then straight to the recovery copy: {timeouts:?}"
    );
    let (last, bytes, flushes) = *rec.asked.last().expect("asked");
    assert_eq!(
        last, None,
        "both timers done: it sleeps again ({timeouts:?})"
    );
    let before = &rec.asked[rec.asked.len() - 2];
    assert_eq!(
        (before.1, before.2),
        (bytes, flushes),
        "the spurious wake drew nothing"
    );
    let written = std::fs::read_dir(h.dir.path().join("data"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert!(written > 0, "the recovery copy was written while waiting");
}

#[test]
fn a_recovery_copy_due_after_a_key_waits_until_that_key_is_drawn() {
    let mut h = Harness::sample(80, 24);
    let copies = h.dir.path().join("data").join("recovery");
    // A typist: each key alone, nothing queued behind it, until the edit
    // that makes a copy due at once.
    let mut steps = Vec::new();
    for _ in 0..RECOVERY_EVERY_EDITS {
        steps.push(Step::Key(key(KeyCode::Char('字'))));
        steps.push(Step::Spurious);
    }
    steps.push(Step::Spurious);
    let rec = run_watching(&mut h, steps, Some(copies.clone()));
    let at_flush = &rec.wire.0.borrow().at_flush;
    // (keys given, copies in the folder) as each frame went out.
    let tail = &at_flush[at_flush.len().saturating_sub(4)..];
    let frame_of = |keys: usize| {
        at_flush
            .iter()
            .find(|(k, _)| *k == keys)
            .expect("a frame after each key")
            .1
    };
    // Compared with the key before, not with none: on a slow machine the
    // 5 s limit may have had a copy written earlier.
    assert_eq!(
        frame_of(RECOVERY_EVERY_EDITS),
        frame_of(RECOVERY_EVERY_EDITS - 1),
        "the key's frame went out before the copy was written: {tail:?}"
    );
    let written = std::fs::read_dir(&copies).map_or(0, |d| d.count());
    assert!(written > 0, "then the copy was written: {tail:?}");
}
