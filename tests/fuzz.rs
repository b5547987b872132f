//! Property tests: random key sequences at random terminal sizes never panic
//! and what is saved loads back the same; random bytes given to the project
//! loader give an error, never a crash.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

/// One step of a session: a key, a paste, or a terminal resize.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('字'),
            Just('，'),
            Just('\n'),
            Just('\r'),
            Just('\u{1b}'),
            Just('\t'),
            Just(' '),
            prop::char::range('0', '9'),
            prop::char::range('a', 'z'),
            prop::char::range('\u{4e00}', '\u{4e80}'),
        ],
        0..40,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn step() -> impl Strategy<Value = Step> {
    let plain = prop_oneof![
        prop::char::range('\u{4e00}', '\u{4e80}').prop_map(KeyCode::Char),
        prop::char::range('0', '9').prop_map(KeyCode::Char),
        prop::sample::select(vec!['.', '%', '-', 'a', 's', 'd', 'r', 'c', 'q', 'y', 'n'])
            .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Esc,
            KeyCode::F(1),
            KeyCode::F(2),
        ]),
    ];
    let ctrl = prop::sample::select(vec![
        'z', 'y', 'g', 'a', 'x', 'c', 'v', 'k', 'w', 'q', 's', 'e',
    ]);
    prop_oneof![
        6 => plain.prop_map(|code| Step::Key(code, KeyModifiers::NONE)),
        2 => ctrl.prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => prop::sample::select(vec![KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down])
            .prop_map(|code| Step::Key(code, KeyModifiers::SHIFT)),
        1 => text().prop_map(Step::Paste),
        1 => (1u16..130, 1u16..45).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_sizes_never_panic_and_saves_load_back(
        template in prop::sample::select(vec!["hunan-narrative", "hunan-form"]),
        size in (1u16..130, 1u16..45),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        let mut h = Harness::new_project(template, size.0, size.1);
        for step in steps {
            match step {
                Step::Key(code, mods) => { h.run(vec![Event::Key(KeyEvent::new(code, mods))]); }
                Step::Paste(text) => { h.run(vec![Event::Paste(text)]); }
                Step::Resize(w, hh) => {
                    h.terminal.backend_mut().resize(w, hh);
                    h.run(vec![]);
                }
            }
            if h.app.quit {
                return Ok(());
            }
        }
        // Close whatever dialog is open, then save and read the file back.
        h.run(vec![key(KeyCode::Esc), key(KeyCode::Esc), ctrl('s')]);
        if h.app.quit {
            return Ok(());
        }
        let session = h.app.session().expect("session");
        prop_assert!(!session.doc.is_dirty(), "saved: {:?}", h.app.status);
        let loaded = ziping::storage::read_project(session.doc.path()).expect("saved file loads");
        prop_assert_eq!(&loaded.values, &session.doc.project().values);
    }

    #[test]
    fn random_bytes_give_an_error_not_a_crash(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("random.json");
        std::fs::write(&path, &bytes).expect("write");
        // Either outcome is fine; a panic fails the test.
        let _ = ziping::storage::read_project(&path);
    }

    #[test]
    fn damaged_sample_files_give_an_error_not_a_crash(
        cut in 0usize..60_000,
        flips in prop::collection::vec((0usize..60_000, any::<u8>()), 0..8),
    ) {
        let mut bytes = std::fs::read(repo("sample-data/changning-2022.json")).expect("sample");
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        if let Ok(project) = ziping::model::project::Project::from_json(&String::from_utf8_lossy(&bytes)) {
            // Whatever loads can be checked and exported.
            let _ = ziping::model::report::Report::new(&project);
            let report = ziping::model::report::Report::new(&project);
            let _ = ziping::export::text::to_text(&project, &report, Default::default());
        }
    }
}
