//! A field as its JSON object writes it: one flat object whose keys are the
//! common ones plus those of its kind (`"kind": "money", "unit": "万元"`).
//!
//! Read through this plain struct and converted, rather than a serde
//! internally tagged enum flattened into [`Field`]: flattening buffers the
//! keys, so a wrong value inside them (`"unit": 3`) or an unknown kind would
//! be reported at the field instead of at `…unit` / `…kind`, and
//! serialising would move the kind's keys before `required`, changing the
//! key order of every saved project. Here serde checks the keys and their
//! types as before, and the conversion refuses a key the kind has no place
//! for.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::field::{Deduction, Field, FieldKind, Show, TableSpec};
use super::formula::Formula;
use super::kind::{Bounds, Kind};
use crate::model::numbering::Numbering;

/// The keys a field object may have, in the order they are written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: String,
    label: String,
    kind: Kind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    hint: String,
    #[serde(default, skip_serializing_if = "Show::is_auto")]
    show: Show,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default: Option<String>,
    // The keys that belong to some kinds only; each variant of
    // [`FieldKind`] takes its own, and whatever is left belongs to another
    // kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_len: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    options: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    open: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    multiple: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    boxes: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    numbering: Option<Numbering>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    table: Option<Box<TableSpec>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    formula: Option<Formula>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    editable: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rows: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deduction: Option<Deduction>,
}

impl RawField {
    fn take_bounds(&mut self) -> Bounds {
        Bounds {
            min: self.min.take(),
            max: self.max.take(),
        }
    }

    /// Moves the keys `kind` has into its variant.
    fn take(&mut self, kind: Kind) -> Result<FieldKind, String> {
        Ok(match kind {
            Kind::Text => FieldKind::Text {
                max_len: self.max_len.take(),
            },
            Kind::Narrative => FieldKind::Narrative {
                max_len: self.max_len.take(),
            },
            Kind::List => FieldKind::List {
                max_len: self.max_len.take(),
                numbering: self.numbering.take(),
            },
            Kind::Integer => FieldKind::Integer {
                unit: self.unit.take(),
                bounds: self.take_bounds(),
            },
            Kind::Money => FieldKind::Money {
                unit: self
                    .unit
                    .take()
                    .ok_or("money 字段要有 unit：元、万元 或 亿元")?,
                decimals: self.decimals.take(),
                bounds: self.take_bounds(),
            },
            Kind::Percent => FieldKind::Percent {
                decimals: self.decimals.take(),
                bounds: self.take_bounds(),
            },
            Kind::Year => FieldKind::Year {
                bounds: self.take_bounds(),
            },
            Kind::Date => FieldKind::Date,
            Kind::Choice => FieldKind::Choice {
                options: std::mem::take(&mut self.options),
                open: std::mem::take(&mut self.open),
                multiple: std::mem::take(&mut self.multiple),
                boxes: std::mem::take(&mut self.boxes),
            },
            Kind::Decimal => FieldKind::Decimal {
                unit: self.unit.take(),
                decimals: self.decimals.take(),
                bounds: self.take_bounds(),
            },
            Kind::Comparator => FieldKind::Comparator,
            Kind::Table => FieldKind::Table(self.table.take().ok_or("table 字段要有 table 说明")?),
        })
    }

    /// The first key still set after the kind took its own.
    fn left_over(&self) -> Option<&'static str> {
        [
            ("unit", self.unit.is_some()),
            ("decimals", self.decimals.is_some()),
            ("min", self.min.is_some()),
            ("max", self.max.is_some()),
            ("max_len", self.max_len.is_some()),
            ("options", !self.options.is_empty()),
            ("open", self.open),
            ("multiple", self.multiple),
            ("boxes", self.boxes),
            ("numbering", self.numbering.is_some()),
            ("table", self.table.is_some()),
        ]
        .into_iter()
        .find_map(|(key, set)| set.then_some(key))
    }

    fn put_bounds(&mut self, Bounds { min, max }: Bounds) {
        self.min = min;
        self.max = max;
    }

    /// Writes the keys of `kind` into this (so far kind-less) object.
    fn put(&mut self, kind: FieldKind) {
        match kind {
            FieldKind::Text { max_len } | FieldKind::Narrative { max_len } => {
                self.max_len = max_len;
            }
            FieldKind::List { max_len, numbering } => {
                self.max_len = max_len;
                self.numbering = numbering;
            }
            FieldKind::Integer { unit, bounds: b } => {
                self.put_bounds(b);
                self.unit = unit;
            }
            FieldKind::Money {
                unit,
                decimals,
                bounds: b,
            } => {
                self.put_bounds(b);
                self.unit = Some(unit);
                self.decimals = decimals;
            }
            FieldKind::Percent {
                decimals,
                bounds: b,
            } => {
                self.put_bounds(b);
                self.decimals = decimals;
            }
            FieldKind::Year { bounds: b } => self.put_bounds(b),
            FieldKind::Decimal {
                unit,
                decimals,
                bounds: b,
            } => {
                self.put_bounds(b);
                self.unit = unit;
                self.decimals = decimals;
            }
            FieldKind::Choice {
                options,
                open,
                multiple,
                boxes,
            } => {
                self.options = options;
                self.open = open;
                self.multiple = multiple;
                self.boxes = boxes;
            }
            FieldKind::Table(table) => self.table = Some(table),
            FieldKind::Date | FieldKind::Comparator => {}
        }
    }
}

impl TryFrom<RawField> for Field {
    type Error = String;

    /// Serde reports the message at the field's JSON path, so it names the
    /// key itself.
    fn try_from(mut raw: RawField) -> Result<Field, String> {
        let kind = raw.take(raw.kind)?;
        if let Some(key) = raw.left_over() {
            return Err(format!("{key} 不适用于 {} 字段", raw.kind.name()));
        }
        Ok(Field {
            id: raw.id,
            label: raw.label,
            kind,
            required: raw.required,
            hint: raw.hint,
            show: raw.show,
            default: raw.default,
            formula: raw.formula,
            editable: raw.editable,
            rows: raw.rows,
            deduction: raw.deduction,
        })
    }
}

impl From<Field> for RawField {
    fn from(field: Field) -> RawField {
        let mut raw = RawField {
            id: field.id,
            label: field.label,
            kind: field.kind.kind(),
            required: field.required,
            hint: field.hint,
            show: field.show,
            default: field.default,
            unit: None,
            decimals: None,
            min: None,
            max: None,
            max_len: None,
            options: Vec::new(),
            open: false,
            multiple: false,
            boxes: false,
            numbering: None,
            table: None,
            formula: field.formula,
            editable: field.editable,
            rows: field.rows,
            deduction: field.deduction,
        };
        raw.put(field.kind);
        raw
    }
}

/// What `#[serde(try_from, into)]` would generate, written out so that
/// `field.rs` need not name this module (which names it back).
impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        Field::try_from(RawField::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawField::from(self.clone()).serialize(serializer)
    }
}

#[cfg(test)]
impl Field {
    /// A field `f` of `kind` with `keys` (its own options, or any other key)
    /// written as a template would, for tests across the model.
    pub fn of(kind: Kind, keys: serde_json::Value) -> Field {
        let mut json = serde_json::json!({"id": "f", "label": "字段", "kind": kind});
        if let (Some(object), serde_json::Value::Object(keys)) = (json.as_object_mut(), keys) {
            object.extend(keys);
        }
        serde_json::from_value(json).expect("a well-formed test field")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::model::format_error::FormatError;
    use crate::model::schema::Template;

    fn read(path: &str) -> String {
        let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).expect(&path)
    }

    /// Every template shipped: the built-ins and those embedded in the
    /// sample and the frozen fixture project.
    fn shipped_templates() -> Vec<(String, Value)> {
        let dir = format!("{}/templates", env!("CARGO_MANIFEST_DIR"));
        let mut templates: Vec<(String, Value)> = std::fs::read_dir(&dir)
            .expect("templates")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .map(|path| {
                let name = path.display().to_string();
                let text = std::fs::read_to_string(&path).expect(&name);
                (name, serde_json::from_str(&text).expect("json"))
            })
            .collect();
        assert!(templates.len() >= 4, "{templates:?}");
        // An extension is tested as the whole template it resolves to.
        let bases = templates.clone();
        for (name, template) in &mut templates {
            if let Some(base_id) = template.get("inherits").and_then(Value::as_str) {
                let base = bases.iter().map(|(_, b)| b).find(|b| b["id"] == base_id);
                let base = base.unwrap_or_else(|| panic!("{name}: no base {base_id}"));
                *template = crate::model::inherit::merge(base, template).expect(name);
            }
        }
        for project in [
            "sample-data/changning-2022.json",
            "tests/fixtures/changning-2022-schema1.json",
        ] {
            let mut json: Value = serde_json::from_str(&read(project)).expect(project);
            templates.push((project.into(), json["template"].take()));
        }
        templates
    }

    /// Every field object of a template's JSON: the sections' fields and
    /// the columns and summary lines of their tables.
    fn field_objects(template: &Value) -> Vec<&Value> {
        fn list<'v>(v: &'v Value, key: &str) -> Vec<&'v Value> {
            v.get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .collect()
        }
        let mut sections = list(template, "sections");
        let mut fields = Vec::new();
        while let Some(section) = sections.pop() {
            sections.extend(list(section, "sections"));
            for field in list(section, "fields") {
                fields.push(field);
                if let Some(table) = field.get("table") {
                    fields.extend(list(table, "columns"));
                    fields.extend(list(table, "summary"));
                }
            }
        }
        fields
    }

    /// Serialised to text and read back: the JSON a saved file holds.
    fn written(field: &Field) -> Value {
        serde_json::from_str(&serde_json::to_string(field).expect("writes")).expect("reads")
    }

    /// `json` as a save writes it: rust_decimal writes a bound or weight as
    /// a string ("min": "0"), which reads back the same; everything else as
    /// the template wrote it.
    fn as_saved(json: &Value) -> Value {
        match json {
            Value::Object(object) => Value::Object(
                object
                    .iter()
                    .map(|(key, value)| match value {
                        Value::Number(n) if matches!(key.as_str(), "min" | "max" | "weight") => {
                            (key.clone(), Value::String(n.to_string()))
                        }
                        _ => (key.clone(), as_saved(value)),
                    })
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(as_saved).collect()),
            _ => json.clone(),
        }
    }

    #[test]
    fn every_field_of_every_shipped_template_round_trips() {
        for (name, template) in shipped_templates() {
            let fields = field_objects(&template);
            assert!(fields.len() > 10, "{name}");
            for json in fields {
                let field: Field = serde_json::from_value(json.clone()).expect(&name);
                assert_eq!(written(&field), as_saved(json), "{name}");
            }
            let typed: Template = serde_json::from_value(template).expect(&name);
            crate::model::validate::check_template(&typed).expect(&name);
        }
    }

    /// Reads one field object, as the loader would.
    fn field(json: &Value) -> Result<Field, FormatError> {
        FormatError::deserialize(&json.to_string())
    }

    #[test]
    fn each_kind_takes_its_own_keys_and_refuses_the_others_by_name() {
        let own: [(Kind, &[&str]); 12] = [
            (Kind::Text, &["max_len"]),
            (Kind::Narrative, &["max_len"]),
            (Kind::List, &["max_len", "numbering"]),
            (Kind::Integer, &["unit", "min", "max"]),
            (Kind::Money, &["unit", "decimals", "min", "max"]),
            (Kind::Percent, &["decimals", "min", "max"]),
            (Kind::Year, &["min", "max"]),
            (Kind::Date, &[]),
            (Kind::Choice, &["options", "open", "multiple", "boxes"]),
            (Kind::Decimal, &["unit", "decimals", "min", "max"]),
            (Kind::Comparator, &[]),
            (Kind::Table, &["table"]),
        ];
        let table = json!({"columns": [{"id": "c", "label": "列", "kind": "text"}]});
        let keys = [
            ("unit", json!("元")),
            ("decimals", json!(3)),
            ("min", json!(1)),
            ("max", json!(9.5)),
            ("max_len", json!(20)),
            ("options", json!(["甲", "乙"])),
            ("open", json!(true)),
            ("multiple", json!(true)),
            ("boxes", json!(true)),
            ("numbering", json!("paren_chinese")),
            ("table", table.clone()),
        ];
        for (kind, allowed) in own {
            // The keys a kind cannot do without.
            let mut base = json!({"id": "f", "label": "字段", "kind": kind});
            match kind {
                Kind::Money => base["unit"] = json!("万元"),
                Kind::Table => base["table"] = table.clone(),
                _ => {}
            }
            if let Err(e) = field(&base) {
                panic!("{}: {e}", kind.name());
            }
            for (key, value) in &keys {
                let mut json = base.clone();
                json[*key] = value.clone();
                let read = field(&json);
                if allowed.contains(key) {
                    let read = read.unwrap_or_else(|e| panic!("{}.{key}: {e}", kind.name()));
                    assert_eq!(written(&read), as_saved(&json));
                } else {
                    let message = read.expect_err(key).message;
                    assert!(
                        message.starts_with(key) && message.contains(kind.name()),
                        "{}.{key}: {message}",
                        kind.name()
                    );
                }
            }
        }
    }

    #[test]
    fn missing_and_unknown_keys_are_named() {
        let cases = [
            (json!({"id": "f", "label": "x", "kind": "money"}), "unit"),
            (json!({"id": "f", "label": "x", "kind": "table"}), "table"),
            (
                json!({"id": "f", "label": "x", "kind": "text", "colour": "red"}),
                "colour",
            ),
        ];
        for (json, key) in cases {
            let message = field(&json).expect_err(key).message;
            assert!(message.contains(key), "{key}: {message}");
        }
    }

    #[test]
    fn a_wrong_value_is_still_placed_at_its_key() {
        let json = json!({"id": "f", "label": "x", "kind": "money", "unit": 3});
        assert_eq!(field(&json).expect_err("unit").place, "unit");
        let json = json!({"id": "f", "label": "x", "kind": "number"});
        assert_eq!(field(&json).expect_err("kind").place, "kind");
    }
}
