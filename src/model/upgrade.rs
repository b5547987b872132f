//! Moving a project onto a newer version of its template. A project carries
//! its own copy of the template, so a file always opens as it was written;
//! upgrading is a choice the writer makes after seeing, in plain words, what
//! would change. Sections and fields are matched by id, and no value is ever
//! dropped: one whose field the new template lacks stays in `values` as an
//! orphan (see `Project::orphans`), where it is reported and can be copied.

use std::collections::HashMap;

use super::project::{Project, default_entry};
use super::repeat::with_instances;
use super::schema::{Field, Kind, Template};

/// One difference between the project's template and the newer one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The template's own name changed.
    Renamed {
        from: String,
        to: String,
    },
    SectionAdded {
        heading: String,
    },
    SectionRemoved {
        heading: String,
    },
    /// Same section id, another heading.
    SectionRetitled {
        from: String,
        to: String,
    },
    FieldAdded {
        label: String,
    },
    /// `has_value`: something was written there; it is kept as an orphan.
    FieldRemoved {
        label: String,
        has_value: bool,
    },
    /// Same field id, another label.
    Relabelled {
        from: String,
        to: String,
    },
    /// Same field id, another kind; the value is kept as typed and checked
    /// against the new kind.
    KindChanged {
        label: String,
        from: Kind,
        to: Kind,
    },
    /// Same id, label and kind, but other rules differ (required, unit,
    /// limits, options, the table's layout, a formula …).
    RulesChanged {
        label: String,
    },
    /// The title or closing lines changed.
    TitleChanged,
    /// The template's cross-checks changed.
    ChecksChanged,
}

/// What moving `project` onto `new` would change, in reading order: the
/// template, then sections, then fields.
pub fn changes(project: &Project, new: &Template) -> Vec<Change> {
    let old = &project.template;
    // The sections the report added (its projects) move with it.
    let new = &with_instances(old, new);
    let mut out = Vec::new();
    if old.name != new.name {
        out.push(Change::Renamed {
            from: old.name.clone(),
            to: new.name.clone(),
        });
    }
    if old.title != new.title || old.closing != new.closing {
        out.push(Change::TitleChanged);
    }
    if old.checks != new.checks {
        out.push(Change::ChecksChanged);
    }
    section_changes(old, new, &mut out);
    field_changes(project, new, &mut out);
    out
}

fn section_changes(old: &Template, new: &Template, out: &mut Vec<Change>) {
    let headings = |t: &Template| -> Vec<(String, String)> {
        t.walk()
            .iter()
            .map(|s| (s.section.id.clone(), s.section.heading.clone()))
            .collect()
    };
    let (before, after) = (headings(old), headings(new));
    let before_by_id: HashMap<&str, &str> = before
        .iter()
        .map(|(id, h)| (id.as_str(), h.as_str()))
        .collect();
    for (id, heading) in &after {
        match before_by_id.get(id.as_str()) {
            None => out.push(Change::SectionAdded {
                heading: heading.clone(),
            }),
            Some(from) if from != heading => out.push(Change::SectionRetitled {
                from: (*from).to_string(),
                to: heading.clone(),
            }),
            Some(_) => {}
        }
    }
    for (id, heading) in &before {
        if !after.iter().any(|(a, _)| a == id) {
            out.push(Change::SectionRemoved {
                heading: heading.clone(),
            });
        }
    }
}

fn field_changes(project: &Project, new: &Template, out: &mut Vec<Change>) {
    let old = &project.template;
    for field in new.fields() {
        let Some(before) = old.field(&field.id) else {
            out.push(Change::FieldAdded {
                label: field.label.clone(),
            });
            continue;
        };
        if before.label != field.label {
            out.push(Change::Relabelled {
                from: before.label.clone(),
                to: field.label.clone(),
            });
        }
        if before.kind() != field.kind() {
            out.push(Change::KindChanged {
                label: field.label.clone(),
                from: before.kind(),
                to: field.kind(),
            });
        } else if !same_rules(before, field) {
            out.push(Change::RulesChanged {
                label: field.label.clone(),
            });
        }
    }
    for field in old.fields().filter(|f| new.field(&f.id).is_none()) {
        out.push(Change::FieldRemoved {
            label: field.label.clone(),
            has_value: project.entry(&field.id).is_some_and(|e| !e.is_empty()),
        });
    }
}

/// Everything but the label (reported on its own) and the hint (guidance,
/// not a rule: a reworded hint is no reason to ask the writer anything).
fn same_rules(a: &Field, b: &Field) -> bool {
    let plain = |f: &Field| Field {
        label: String::new(),
        hint: String::new(),
        ..f.clone()
    };
    plain(a) == plain(b)
}

/// `project` on `new`: every value kept as it is (orphans included), the
/// sections it added to a repeated one added again (see
/// [`with_instances`]), and fields new to it given their defaults. The metadata is left alone; saving
/// stamps it as for any other edit.
pub fn apply(project: Project, new: Template) -> Project {
    let mut upgraded = Project {
        template: with_instances(&project.template, &new),
        ..project
    };
    let missing: Vec<(String, _)> = upgraded
        .template
        .fields()
        .filter(|f| !upgraded.values.contains_key(&f.id))
        .map(|f| (f.id.clone(), default_entry(f)))
        .collect();
    upgraded.values.extend(missing);
    upgraded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::new_project;
    use crate::model::schema::FieldKind;

    #[test]
    fn sections_kinds_and_rules_are_compared_by_id() {
        let project = new_project("hunan-narrative");
        let mut new = project.template.clone();
        new.sections[0].heading = "封面".into();
        let moved = new.sections.remove(1);
        let field = &mut new.sections[0].fields[0];
        field.kind = FieldKind::Narrative {
            max_len: field.max_len(),
        };
        new.sections[0].fields[1].required = !new.sections[0].fields[1].required;
        let old = &project.template;
        let changes = changes(&project, &new);
        let want = [
            Change::SectionRetitled {
                from: old.sections[0].heading.clone(),
                to: "封面".into(),
            },
            Change::SectionRemoved {
                heading: moved.heading.clone(),
            },
            Change::KindChanged {
                label: old.sections[0].fields[0].label.clone(),
                from: old.sections[0].fields[0].kind(),
                to: Kind::Narrative,
            },
            Change::RulesChanged {
                label: old.sections[0].fields[1].label.clone(),
            },
        ];
        for change in &want {
            assert!(changes.contains(change), "{change:?} in {changes:?}");
        }
    }
}
