//! A project on an "older" version of its template, for the upgrade tests:
//! the frozen schema-1 fixture with its template set to version 0, where
//! 存在的主要问题 was called 存在的问题 and a 旧备注 field (holding text)
//! existed that the built-in does not have.

use ziping::model::project::{Entry, Project};
use ziping::storage;

/// A project file exactly as ziping wrote it when schema 1 was current: a
/// frozen copy of `sample-data/changning-2022.json`. Never edit it — it is
/// the promise that such files keep opening as they were.
pub const FIXTURE: &str = "tests/fixtures/changning-2022-schema1.json";

/// The fixture, opened, with its template made older as described above.
pub fn older_project() -> Project {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let mut project =
        storage::read_project(&fixture).unwrap_or_else(|e| panic!("the fixture opens: {e}"));
    let old = &mut project.template;
    old.version = 0;
    for section in &mut old.sections {
        for field in &mut section.fields {
            if field.id == "problems_text" {
                field.label = "存在的问题".into();
            }
        }
        if section.id == "front" {
            let mut notes = section.fields[section.fields.len() - 1].clone();
            notes.id = "old_notes".into();
            notes.label = "旧备注".into();
            section.fields.push(notes);
        }
    }
    project.set("old_notes", Entry::Text("旧的说明文字".into()));
    project
}
