//! How a report is printed (the Word export's fonts, sizes and grid), as
//! data: a template's `style` block and the style files under `styles/`
//! and `<config dir>/styles/` are all this partial form. Every key is
//! optional; what a style leaves out comes from the style it `inherits`,
//! and in the end from the GB/T 9704 default, so a province's variant
//! names only what differs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A type size in half-points (Word's unit), written in a style as the
/// Chinese size name (`"三号"`, `"小四"`) or as points (`16`, `10.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size(pub usize);

/// The Chinese type sizes (字号) and their half-points.
const SIZES: [(&str, usize); 16] = [
    ("初号", 84),
    ("小初", 72),
    ("一号", 52),
    ("小一", 48),
    ("二号", 44),
    ("小二", 36),
    ("三号", 32),
    ("小三", 30),
    ("四号", 28),
    ("小四", 24),
    ("五号", 21),
    ("小五", 18),
    ("六号", 15),
    ("小六", 13),
    ("七号", 11),
    ("八号", 10),
];

impl Size {
    /// `"三号"`, `"小四"`, or points as a number string (`"10.5"`).
    pub fn parse(text: &str) -> Option<Size> {
        let text = text.trim();
        if let Some((_, half)) = SIZES.iter().find(|(name, _)| *name == text) {
            return Some(Size(*half));
        }
        let points: f64 = text.trim_end_matches("pt").trim().parse().ok()?;
        Self::points(points)
    }

    fn points(points: f64) -> Option<Size> {
        let half = points * 2.0;
        // Word stores whole half-points; 1 to 1638 pt is what it accepts.
        (half.fract() == 0.0 && (2.0..=3276.0).contains(&half)).then_some(Size(half as usize))
    }

    /// The size's Chinese name where it has one, else its points.
    pub fn name(self) -> String {
        match SIZES.iter().find(|(_, half)| *half == self.0) {
            Some((name, _)) => (*name).to_string(),
            None if self.0.is_multiple_of(2) => format!("{}", self.0 / 2),
            None => format!("{}.5", self.0 / 2),
        }
    }
}

impl Serialize for Size {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for Size {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Size, D::Error> {
        let bad = |shown: String| {
            <D::Error as serde::de::Error>::custom(format!(
                "字号 {shown} 无法识别：请写 \"三号\"、\"小四\" 这样的字号，或磅数如 16、10.5"
            ))
        };
        // Through a JSON value: with serde_json's arbitrary precision (on
        // for rust_decimal) an untagged enum cannot read a number as f64.
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(name) => {
                Size::parse(&name).ok_or_else(|| bad(format!("\"{name}\"")))
            }
            serde_json::Value::Number(n) => n
                .as_f64()
                .and_then(Size::points)
                .ok_or_else(|| bad(n.to_string())),
            other => Err(bad(other.to_string())),
        }
    }
}

/// One kind of text's font: any of its parts may be left to the base.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontSpec {
    /// The font's name as Word lists it (`仿宋_GB2312`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Size>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    /// Why the style prints it so (for people reading the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl FontSpec {
    /// This font with what it leaves out taken from `base`.
    fn over(&self, base: &FontSpec) -> FontSpec {
        FontSpec {
            font: self.font.clone().or_else(|| base.font.clone()),
            size: self.size.or(base.size),
            bold: self.bold.or(base.bold),
            note: self.note.clone().or_else(|| base.note.clone()),
        }
    }
}

/// A print style, whole or partial.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintStyle {
    /// What the style is, for a list of styles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The style this one changes: a built-in one or a file in
    /// `<config dir>/styles/` (without `.json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherits: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<FontSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<FontSpec>,
    /// The attachment label above the title (附件-1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<FontSpec>,
    /// Heading levels 1, 2, 3 … (一、 （一） 1、 （1）); deeper levels take
    /// the last one given. A partial style's entry changes that level only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<FontSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<FontSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<FontSpec>,
    /// Lines per page (the document grid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<u32>,
    /// Characters per line of body text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<u32>,
}

impl PrintStyle {
    /// This style laid over `base`: what it gives wins, field by field and
    /// heading level by level. The result inherits nothing.
    pub fn over(&self, base: &PrintStyle) -> PrintStyle {
        fn font(mine: &Option<FontSpec>, base: &Option<FontSpec>) -> Option<FontSpec> {
            match (mine, base) {
                (Some(m), Some(b)) => Some(m.over(b)),
                (m, b) => m.clone().or_else(|| b.clone()),
            }
        }
        let levels = self.headings.len().max(base.headings.len());
        let headings = (0..levels)
            .map(|n| match (self.headings.get(n), base.headings.get(n)) {
                (Some(m), Some(b)) => m.over(b),
                (Some(m), None) => m.clone(),
                (None, Some(b)) => b.clone(),
                (None, None) => FontSpec::default(),
            })
            .collect();
        PrintStyle {
            name: self.name.clone().or_else(|| base.name.clone()),
            inherits: None,
            note: self.note.clone().or_else(|| base.note.clone()),
            body: font(&self.body, &base.body),
            title: font(&self.title, &base.title),
            label: font(&self.label, &base.label),
            headings,
            table: font(&self.table, &base.table),
            page_number: font(&self.page_number, &base.page_number),
            lines: self.lines.or(base.lines),
            chars: self.chars.or(base.chars),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read_by_chinese_name_or_points() {
        for (written, half) in [
            ("\"三号\"", Some(32)),
            ("\"小四\"", Some(24)),
            ("\"五号\"", Some(21)),
            ("16", Some(32)),
            ("10.5", Some(21)),
            ("\"12pt\"", Some(24)),
            ("\"三 号\"", None),
            ("10.3", None),
            ("0", None),
            ("\"大号\"", None),
        ] {
            let read = serde_json::from_str::<Size>(written).ok().map(|s| s.0);
            assert_eq!(read, half, "{written}");
        }
        assert_eq!(Size(21).name(), "五号");
        assert_eq!(Size(23).name(), "11.5");
    }

    #[test]
    fn a_partial_style_changes_only_what_it_names() {
        let base: PrintStyle = serde_json::from_str(
            r#"{"name": "基础", "body": {"font": "仿宋_GB2312", "size": "三号"},
                "headings": [{"font": "黑体"}, {"font": "楷体_GB2312"}, {"font": "仿宋_GB2312", "bold": true}],
                "lines": 22, "chars": 28}"#,
        )
        .expect("base");
        let mine: PrintStyle = serde_json::from_str(
            r#"{"inherits": "基础", "body": {"font": "仿宋"},
                "headings": [{}, {"font": "楷体"}], "chars": 27}"#,
        )
        .expect("partial");
        let style = mine.over(&base);
        let body = style.body.as_ref().expect("body");
        assert_eq!(body.font.as_deref(), Some("仿宋"));
        assert_eq!(body.size, Some(Size(32)), "the size is the base's");
        let fonts: Vec<_> = style.headings.iter().map(|h| h.font.as_deref()).collect();
        assert_eq!(fonts, [Some("黑体"), Some("楷体"), Some("仿宋_GB2312")]);
        assert_eq!(style.headings[2].bold, Some(true));
        assert_eq!((style.lines, style.chars), (Some(22), Some(27)));
        assert_eq!(style.name.as_deref(), Some("基础"));
        assert_eq!(style.inherits, None);
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let err =
            serde_json::from_str::<PrintStyle>(r#"{"body": {"fnot": "仿宋"}}"#).expect_err("typo");
        assert!(err.to_string().contains("fnot"), "{err}");
    }
}
