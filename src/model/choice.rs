//! A choice field as a form prints it: every option with its check box,
//! and the step to the next option that the editor's key takes.

use super::project::Entry;
use super::schema::Field;
use super::text::{CHOICE_SEPARATOR, split_choices};

/// One check box: the option and whether it is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckBox {
    pub label: String,
    pub ticked: bool,
}

/// What is chosen in a choice field, as typed (a multiple choice's
/// options in the order typed). Whatever else the file holds there — a
/// list in a field that takes one, a number — is chosen too, so the boxes
/// print it beside the options (the check flags it) rather than drop it.
pub fn chosen(field: &Field, entry: Option<&Entry>) -> Vec<String> {
    let text = match entry {
        Some(Entry::Items(items)) => {
            return items
                .iter()
                .flat_map(|i| split_choices(i))
                .map(String::from)
                .collect();
        }
        Some(Entry::Text(text)) => text.as_str(),
        Some(Entry::Other(value)) if !value.is_null() => return vec![value.to_string()],
        _ => return Vec::new(),
    };
    if field.is_multiple() {
        split_choices(text).map(String::from).collect()
    } else {
        let text = text.trim();
        (!text.is_empty())
            .then(|| text.to_string())
            .into_iter()
            .collect()
    }
}

/// The field's options, each ticked when chosen, then whatever else was
/// chosen (an open choice's own words), ticked: nothing typed is hidden.
pub fn boxes(field: &Field, entry: Option<&Entry>) -> Vec<CheckBox> {
    let chosen = chosen(field, entry);
    let options = field.options().iter().map(|option| CheckBox {
        ticked: chosen.contains(option),
        label: option.clone(),
    });
    let others = chosen
        .iter()
        .filter(|c| !field.options().contains(c))
        .map(|c| CheckBox {
            label: c.clone(),
            ticked: true,
        });
    options.chain(others).collect()
}

/// The boxes on one line, `mark(ticked)` before each label.
pub fn box_line(boxes: &[CheckBox], mark: impl Fn(bool) -> char) -> String {
    boxes
        .iter()
        .map(|b| format!("{}{}", mark(b.ticked), b.label))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field's text after one press of the "next option" key. A single
/// choice moves to the option after the one chosen (after the last: none);
/// a multiple choice adds the first option not yet chosen, and once all
/// are, clears them, so every press does something visible.
pub fn next_option(field: &Field, entry: Option<&Entry>) -> String {
    let chosen = chosen(field, entry);
    let options = field.options();
    if field.is_multiple() {
        return match options.iter().find(|o| !chosen.contains(o)) {
            Some(next) => {
                let mut chosen = chosen;
                chosen.push(next.clone());
                chosen.join(CHOICE_SEPARATOR)
            }
            None => String::new(),
        };
    }
    let at = chosen
        .first()
        .and_then(|c| options.iter().position(|o| o == c));
    let next = match at {
        Some(i) => options.get(i + 1),
        None => options.first(),
    };
    next.cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(multiple: bool, open: bool) -> Field {
        serde_json::from_value(json!({
            "id": "method", "label": "评价方式", "kind": "choice",
            "options": ["单位自评", "部门评价", "财政评价"],
            "multiple": multiple, "open": open, "boxes": true
        }))
        .expect("field")
    }

    fn text(s: &str) -> Entry {
        Entry::Text(s.into())
    }

    fn items(v: &[&str]) -> Entry {
        Entry::Items(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn every_option_gets_a_box_and_what_was_chosen_is_ticked() {
        let single = field(false, false);
        let multi = field(true, false);
        let open = field(true, true);
        let cases: [(&Field, Option<Entry>, &str); 9] = [
            (&single, None, "□单位自评 □部门评价 □财政评价"),
            (
                &single,
                Some(text("部门评价")),
                "□单位自评 ☑部门评价 □财政评价",
            ),
            (
                &multi,
                Some(items(&["财政评价", "单位自评"])),
                "☑单位自评 □部门评价 ☑财政评价",
            ),
            // A file written when the field took one option, or typed text.
            (
                &multi,
                Some(text("单位自评，部门评价")),
                "☑单位自评 ☑部门评价 □财政评价",
            ),
            (&multi, Some(items(&[])), "□单位自评 □部门评价 □财政评价"),
            // An open choice's own words are printed, never dropped.
            (
                &open,
                Some(items(&["专家评审"])),
                "□单位自评 □部门评价 □财政评价 ☑专家评审",
            ),
            // So is a closed one's stray text (the check flags it).
            (
                &single,
                Some(text("第三方")),
                "□单位自评 □部门评价 □财政评价 ☑第三方",
            ),
            // A list in a field that takes one (a template changed under a
            // file), blanks in a list, a number: all shown, none dropped.
            (
                &single,
                Some(items(&["部门评价", " ", "财政评价"])),
                "□单位自评 ☑部门评价 ☑财政评价",
            ),
            (
                &multi,
                Some(Entry::Other(serde_json::json!(3))),
                "□单位自评 □部门评价 □财政评价 ☑3",
            ),
        ];
        for (field, entry, want) in cases {
            let line = box_line(&boxes(field, entry.as_ref()), |t| if t { '☑' } else { '□' });
            assert_eq!(line, want, "{entry:?}");
        }
    }

    #[test]
    fn the_next_option_key_steps_through_the_options() {
        let single = field(false, false);
        let multi = field(true, false);
        let cases: [(&Field, Option<Entry>, &str); 7] = [
            (&single, None, "单位自评"),
            (&single, Some(text("单位自评")), "部门评价"),
            (&single, Some(text("财政评价")), ""),
            (&single, Some(text("别的")), "单位自评"),
            (&multi, None, "单位自评"),
            (&multi, Some(items(&["部门评价"])), "部门评价、单位自评"),
            (
                &multi,
                Some(items(&["部门评价", "单位自评", "财政评价"])),
                "",
            ),
        ];
        for (field, entry, want) in cases {
            assert_eq!(next_option(field, entry.as_ref()), want, "{entry:?}");
        }
    }
}
