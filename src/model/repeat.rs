//! Sections a report has as many times as it needs: a unit's report with
//! one section per project. A project stores its template resolved, so an
//! added instance is a copy of the template's section (the prototype) put
//! into the project's template, every id in it suffixed (`project_2`,
//! `funding_2`), with the template's checks that concern only the
//! prototype copied and renamed. Report, outline, export, check and the
//! editor then see a template with more sections, and need nothing new.

use std::collections::HashSet;

use rhai::{Dynamic, Map};
use rust_decimal::Decimal;

use super::project::{Project, default_entry};
use super::schema::{CrossCheck, Each, Field, FieldKind, Formula, ROW_NAMES, Section, Template};
use super::text::{formula_names, placeholders, rename_names};

/// Why an instance was not added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepeatRefusal {
    /// No section has this id; the repeated ones are listed.
    NoSuchSection { id: String, repeated: Vec<String> },
    /// The section exists but does not repeat.
    NotRepeated(String),
    /// The report already has the most instances the template allows.
    Full { label: String, max: usize },
    /// The template's own section, which the copies are made from.
    First { id: String, label: String },
    /// The instance holds text (the labels of the fields that do): removed
    /// only when asked to by force.
    HoldsText { id: String, fields: Vec<String> },
}

/// The id of the prototype `section` is an instance of, if it repeats.
fn prototype_of(section: &Section) -> Option<&str> {
    let repeat = section.repeat.as_ref()?;
    Some(repeat.of.as_deref().unwrap_or(&section.id))
}

/// The list of sections that holds the one with `id`.
fn holder<'a>(sections: &'a mut Vec<Section>, id: &str) -> Option<&'a mut Vec<Section>> {
    if sections.iter().any(|s| s.id == id) {
        return Some(sections);
    }
    sections
        .iter_mut()
        .find_map(|s| holder(&mut s.sections, id))
}

/// The section with `id`, or why it cannot repeat.
fn repeated<'t>(template: &'t Template, id: &str) -> Result<&'t Section, RepeatRefusal> {
    let walk = template.walk();
    let Some(section) = walk.iter().find(|r| r.section.id == id).map(|r| r.section) else {
        return Err(RepeatRefusal::NoSuchSection {
            id: id.to_string(),
            repeated: repeated_ids(template),
        });
    };
    match section.repeat {
        Some(_) => Ok(section),
        None => Err(RepeatRefusal::NotRepeated(id.to_string())),
    }
}

/// The names formulas see for the repeated sections: each template
/// section's id as `#{count}`, the instances the report has
/// (`project.count`), so a check can hold 实施项目个数 to the projects
/// written.
pub fn names(template: &Template) -> Vec<(String, Dynamic)> {
    let walk = template.walk();
    let sections: Vec<&Section> = walk.iter().map(|r| r.section).collect();
    sections
        .iter()
        .filter(|s| s.repeat.as_ref().is_some_and(|r| r.of.is_none()))
        .map(|proto| {
            let count = sections
                .iter()
                .filter(|s| prototype_of(s) == Some(proto.id.as_str()))
                .count();
            let mut map = Map::new();
            map.insert("count".into(), Dynamic::from(Decimal::from(count)));
            (proto.id.clone(), Dynamic::from(map))
        })
        .collect()
}

/// The ids of every section that repeats, instances included, in outline order.
pub fn repeated_ids(template: &Template) -> Vec<String> {
    template
        .walk()
        .iter()
        .filter(|r| r.section.repeat.is_some())
        .map(|r| r.section.id.clone())
        .collect()
}

/// The names a formula can read that the template declares: every field
/// id and every table's summary line.
fn declared_names(sections: &[Section]) -> Vec<String> {
    let mut names = Vec::new();
    for section in sections {
        for field in section.all_fields() {
            names.push(field.id.clone());
            if let Some(spec) = field.table() {
                names.extend(spec.summary.iter().map(|f| f.id.clone()));
            }
        }
        names.extend(section_ids(section));
    }
    names
}

fn section_ids(section: &Section) -> Vec<String> {
    let mut ids = vec![section.id.clone()];
    ids.extend(section.sections.iter().flat_map(section_ids));
    ids
}

/// Adds an instance of the repeated section `id` right after it and
/// returns the new section's id. The copy is of the template's section,
/// never of an instance with text in it, so it starts with the defaults.
pub fn add_after(project: &mut Project, id: &str) -> Result<String, RepeatRefusal> {
    let taken: HashSet<String> = project
        .values
        .keys()
        .chain(project.headings.keys())
        .cloned()
        .collect();
    let new_id = add_copy(&mut project.template, id, &taken, None)?;
    let walk = project.template.walk();
    if let Some(copy) = walk.iter().find(|r| r.section.id == new_id) {
        for field in copy.section.all_fields() {
            project
                .values
                .insert(field.id.clone(), default_entry(field));
        }
    }
    Ok(new_id)
}

/// `new` (a newer template a project moves to) with the instances `old`
/// had added, under the same ids and in the same places, so what was
/// typed in them stays in view: a copy made afresh of the new prototype.
pub fn with_instances(old: &Template, new: &Template) -> Template {
    let mut out = new.clone();
    let walk = old.walk();
    for (i, r) in walk.iter().enumerate() {
        let Some(of) = r.section.repeat.as_ref().and_then(|r| r.of.as_deref()) else {
            continue;
        };
        let Some(n) = r.section.id.strip_prefix(&format!("{of}_")) else {
            continue;
        };
        let Ok(n) = n.parse() else { continue };
        // After the sibling it followed, if that is there by now.
        let before = walk[..i]
            .iter()
            .rev()
            .find(|b| b.parent == r.parent)
            .map(|b| b.section.id.as_str())
            .filter(|b| out.walk().iter().any(|s| s.section.id == *b))
            .unwrap_or(of);
        // A prototype the new template dropped leaves the values orphans,
        // as any field it drops does.
        let _ = add_copy(&mut out, before, &HashSet::new(), Some(n));
    }
    out
}

/// Puts a renamed copy of the prototype of `id` after it: numbered `carry`
/// (an instance carried to a newer template, whatever `max` says), else
/// after the highest so far and past any id in `taken`.
fn add_copy(
    template: &mut Template,
    id: &str,
    taken: &HashSet<String>,
    carry: Option<usize>,
) -> Result<String, RepeatRefusal> {
    let section = repeated(template, id)?;
    let proto_id = prototype_of(section).unwrap_or(id).to_string();
    let repeat = section.repeat.clone();
    let walk = template.walk();
    let group: Vec<&Section> = walk
        .iter()
        .map(|r| r.section)
        .filter(|s| prototype_of(s) == Some(proto_id.as_str()))
        .collect();
    let Some(proto) = group
        .iter()
        .find(|s| s.id == proto_id)
        .map(|s| (*s).clone())
    else {
        // The template's section was taken out of the file by hand: there is
        // nothing to copy from.
        return Err(RepeatRefusal::NotRepeated(id.to_string()));
    };
    let max = repeat.as_ref().map_or(1, |r| r.max);
    if carry.is_none() && group.len() >= max {
        let label = repeat.map(|r| r.label).unwrap_or_default();
        return Err(RepeatRefusal::Full { label, max });
    }
    let all_names = declared_names(&template.sections);
    let old = declared_names(std::slice::from_ref(&proto));
    let free = |n: usize| {
        old.iter().all(|o| {
            let new = format!("{o}_{n}");
            !taken.contains(&new) && !all_names.contains(&new)
        })
    };
    // After the highest instance so far, so a removed one's id is never
    // reused while later ones exist.
    let highest = group
        .iter()
        .filter_map(|s| s.id.strip_prefix(&format!("{proto_id}_"))?.parse().ok())
        .max()
        .unwrap_or(1usize);
    let n = match carry {
        Some(n) if free(n) => n,
        Some(_) => return Err(RepeatRefusal::NotRepeated(id.to_string())),
        None => (highest + 1..).find(|&n| free(n)).unwrap_or(highest + 1),
    };
    // Formulas read fields and summary lines; a section's id is a name
    // only for the template's section (`project.count`, all instances), so
    // it is renamed as an id, never in a formula.
    let sections = section_ids(&proto);
    let inside: HashSet<&str> = old
        .iter()
        .map(String::as_str)
        .filter(|o| !sections.iter().any(|s| s == o))
        .collect();
    let rename = |name: &str| inside.contains(name).then(|| format!("{name}_{n}"));
    let copy = copied_section(&proto, &rename, &format!("_{n}"), &proto_id);
    let checks: Vec<CrossCheck> = template
        .checks
        .iter()
        .filter(|c| concerns_only(c, template, &inside, &all_names))
        .map(|c| copied_check(c, template, &rename, n))
        .collect();
    let new_id = copy.id.clone();
    let Some(list) = holder(&mut template.sections, id) else {
        return Err(RepeatRefusal::NotRepeated(id.to_string()));
    };
    let at = list
        .iter()
        .position(|s| s.id == id)
        .map_or(list.len(), |i| i + 1);
    list.insert(at, copy);
    template.checks.extend(checks);
    Ok(new_id)
}

/// Removes the added instance `id`: its section, its values, its
/// headings and its checks. One holding text is refused unless `force`,
/// so nothing typed goes without being asked for.
pub fn remove(project: &mut Project, id: &str, force: bool) -> Result<(), RepeatRefusal> {
    let section = repeated(&project.template, id)?;
    if section.repeat.as_ref().is_some_and(|r| r.of.is_none()) {
        let label = section.repeat.as_ref().map(|r| r.label.clone());
        return Err(RepeatRefusal::First {
            id: id.to_string(),
            label: label.unwrap_or_default(),
        });
    }
    let fields: Vec<&Field> = section.all_fields().collect();
    let filled: Vec<String> = fields
        .iter()
        .filter(|f| project.entry(&f.id).is_some_and(|e| !e.is_empty()))
        .map(|f| f.label.clone())
        .collect();
    if !filled.is_empty() && !force {
        return Err(RepeatRefusal::HoldsText {
            id: id.to_string(),
            fields: filled,
        });
    }
    let field_ids: HashSet<String> = fields.iter().map(|f| f.id.clone()).collect();
    for section_id in section_ids(section) {
        project.headings.shift_remove(&section_id);
    }
    project.values.retain(|k, _| !field_ids.contains(k));
    project
        .template
        .checks
        .retain(|c| !field_ids.contains(&c.at));
    if let Some(list) = holder(&mut project.template.sections, id) {
        list.retain(|s| s.id != id);
    }
    Ok(())
}

/// The prototype with every id it declares renamed (its sections' by
/// `suffix`), and the formulas and the heading pattern naming them renamed
/// alike.
fn copied_section(
    proto: &Section,
    rename: &dyn Fn(&str) -> Option<String>,
    suffix: &str,
    of: &str,
) -> Section {
    let mut copy = proto.clone();
    rename_section(&mut copy, rename, suffix);
    if let Some(repeat) = copy.repeat.as_mut() {
        repeat.of = Some(of.to_string());
        repeat.heading = repeat.heading.as_deref().map(|h| rename_message(h, rename));
    }
    copy
}

fn rename_section(section: &mut Section, rename: &dyn Fn(&str) -> Option<String>, suffix: &str) {
    section.id.push_str(suffix);
    for field in &mut section.fields {
        rename_field(field, rename, &[]);
    }
    for sub in &mut section.sections {
        rename_section(sub, rename, suffix);
    }
}

/// A field's id and formulas; a table's columns are names of its rows, so
/// in its column formulas they shadow any field of the same id.
fn rename_field(field: &mut Field, rename: &dyn Fn(&str) -> Option<String>, shadowed: &[&str]) {
    field.id = rename(&field.id).unwrap_or_else(|| field.id.clone());
    let outer = |name: &str| {
        if shadowed.contains(&name) {
            None
        } else {
            rename(name)
        }
    };
    field.formula = field.formula.as_ref().map(|f| rename_formula(f, &outer));
    if let Some(deduction) = field.deduction.as_mut() {
        deduction.floor = deduction.floor.as_ref().map(|f| rename_formula(f, &outer));
    }
    if let FieldKind::Table(spec) = &mut field.kind {
        let columns: Vec<String> = spec.columns.iter().map(|c| c.id.clone()).collect();
        let mut row_scope: Vec<&str> = columns.iter().map(String::as_str).collect();
        row_scope.extend(ROW_NAMES);
        for column in &mut spec.columns {
            // A column's id is a name in its row, not the report's.
            let id = column.id.clone();
            rename_field(column, rename, &row_scope);
            column.id = id;
        }
        for line in &mut spec.summary {
            rename_field(line, rename, &[]);
        }
    }
}

fn rename_formula(formula: &Formula, rename: &dyn Fn(&str) -> Option<String>) -> Formula {
    match formula {
        Formula::Line(line) => Formula::Line(rename_names(line, rename)),
        Formula::Lines(lines) => {
            Formula::Lines(lines.iter().map(|l| rename_names(l, rename)).collect())
        }
    }
}

/// A message's or heading's `{…}` placeholders are formulas (or field ids).
fn rename_message(message: &str, rename: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..=open]);
        out.push_str(&rename_names(&rest[open + 1..open + close], rename));
        out.push('}');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The names a check reads as the report's, not as its own table's
/// columns or rows (those shadow them while it is judged per row, column
/// or group).
fn own_names(check: &CrossCheck, template: &Template) -> Vec<String> {
    let mut shadowed: Vec<String> = ROW_NAMES.iter().map(|s| s.to_string()).collect();
    if check.each != Each::Report
        && let Some(spec) = template.field(&check.at).and_then(Field::table)
    {
        shadowed.extend(spec.columns.iter().map(|c| c.id.clone()));
        shadowed.extend(spec.rows.iter().map(|r| r.id.clone()));
        shadowed.push("group".to_string());
    }
    let mut sources = vec![check.assert.source()];
    // A message whose braces do not pair is refused when the template
    // loads; here it reads no names.
    let parts = |m: &str| -> Vec<String> {
        let found = placeholders(m).unwrap_or_default();
        found.into_iter().map(str::to_string).collect()
    };
    sources.extend(parts(&check.message));
    sources.extend(check.message_en.iter().flat_map(|m| parts(m)));
    let mut names = Vec::new();
    for source in &sources {
        for name in formula_names(source) {
            if !shadowed.iter().any(|s| s == name) && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Whether a check belongs to the prototype alone: it is reported at one of
/// its fields and every name of the template it reads is one of its own.
fn concerns_only(
    check: &CrossCheck,
    template: &Template,
    inside: &HashSet<&str>,
    declared: &[String],
) -> bool {
    inside.contains(check.at.as_str())
        && own_names(check, template)
            .iter()
            .filter(|n| declared.contains(n))
            .all(|n| inside.contains(n.as_str()))
}

fn copied_check(
    check: &CrossCheck,
    template: &Template,
    rename: &dyn Fn(&str) -> Option<String>,
    n: usize,
) -> CrossCheck {
    let own = own_names(check, template);
    let outer = |name: &str| {
        if own.iter().any(|n| n == name) {
            rename(name)
        } else {
            None
        }
    };
    CrossCheck {
        id: check.id.as_ref().map(|id| format!("{id}_{n}")),
        at: rename(&check.at).unwrap_or_else(|| check.at.clone()),
        assert: rename_formula(&check.assert, &outer),
        message: rename_message(&check.message, &outer),
        message_en: check.message_en.as_ref().map(|m| rename_message(m, &outer)),
        ..check.clone()
    }
}

#[cfg(test)]
#[path = "repeat_tests.rs"]
mod tests;
