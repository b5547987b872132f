//! The fonts and sizes of the Word export, and the page they go on. The
//! default is GB/T 9704-2012 (党政机关公文格式); a province that prints
//! otherwise changes these values, not the code that lays blocks out.

use crate::model::schema::{FontSpec, PrintStyle};

/// Twentieths of a point (twips) in a millimetre: 1440 a inch, 25.4 mm.
fn mm(millimetres: f64) -> i32 {
    // Rounded to the nearest twip; pages are a few thousand twips wide.
    (millimetres * 1440.0 / 25.4).round() as i32
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Font {
    /// The font's name as Word lists it (仿宋_GB2312).
    pub family: String,
    /// Half-points, the unit Word stores.
    pub size: usize,
    pub bold: bool,
    /// Character spacing in twips for text of the body's size, so exactly
    /// `chars` of it fill a line (see [`Page::spacing`]).
    pub spacing: Option<i32>,
}

/// A style whole: every kind of text has its font. Made from a resolved
/// [`PrintStyle`] (see [`super::style_files`]), never written in code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub body: Font,
    pub title: Font,
    /// The attachment label above the title (附件-1).
    pub label: Font,
    /// Heading levels 1, 2, … (一、 （一） 1、 （1）); deeper ones take the
    /// last. Never empty.
    pub headings: Vec<Font>,
    pub table: Font,
    pub page_number: Font,
    /// Lines per page and characters per line (the document grid).
    pub lines: u32,
    pub chars: u32,
}

impl Style {
    /// The style a resolved spec describes; the error names the first key
    /// it lacks (a resolved spec lacks none unless the root style does).
    pub fn from_spec(spec: &PrintStyle) -> Result<Style, String> {
        fn font(spec: Option<&FontSpec>, key: &str) -> Result<Font, String> {
            let missing = |part: &str| format!("排版样式缺少 {key}.{part}");
            let spec = spec.ok_or_else(|| missing("font"))?;
            Ok(Font {
                family: spec.font.clone().ok_or_else(|| missing("font"))?,
                size: spec.size.ok_or_else(|| missing("size"))?.0,
                bold: spec.bold.unwrap_or(false),
                spacing: None,
            })
        }
        let headings = || -> Result<Vec<Font>, String> {
            let fonts = spec.headings.iter().enumerate();
            let fonts = fonts.map(|(n, h)| font(Some(h), &format!("headings[{n}]")));
            let fonts = fonts.collect::<Result<Vec<_>, _>>()?;
            match fonts.is_empty() {
                true => Err("排版样式缺少 headings".into()),
                false => Ok(fonts),
            }
        };
        let count = |n: Option<u32>, key: &str| {
            n.filter(|n| (1..=200).contains(n))
                .ok_or_else(|| format!("排版样式的 {key} 应为 1 到 200 之间的整数"))
        };
        let mut style = Style {
            body: font(spec.body.as_ref(), "body")?,
            title: font(spec.title.as_ref(), "title")?,
            label: font(spec.label.as_ref(), "label")?,
            headings: headings()?,
            table: font(spec.table.as_ref(), "table")?,
            page_number: font(spec.page_number.as_ref(), "page_number")?,
            lines: count(spec.lines, "lines")?,
            chars: count(spec.chars, "chars")?,
        };
        let spacing = page().spacing(style.chars, style.body.size);
        let body_size = style.body.size;
        for f in [&mut style.body, &mut style.label, &mut style.title]
            .into_iter()
            .chain(style.headings.iter_mut())
            .filter(|f| f.size == body_size)
        {
            f.spacing = spacing;
        }
        Ok(style)
    }

    pub fn heading(&self, depth: usize) -> &Font {
        let last = self.headings.len().saturating_sub(1);
        &self.headings[depth.min(last)]
    }
}

/// The A4 page of GB/T 9704, in twips: the type area is 156 × 225 mm.
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
    /// From the page's foot to the page number's line: the number stands
    /// 7 mm below the type area (its line about 5 mm high).
    pub footer: i32,
}

pub fn page() -> Page {
    Page {
        width: 11906,
        height: 16838,
        top: mm(37.0),
        bottom: mm(35.0),
        left: mm(28.0),
        right: mm(26.0),
        footer: mm(35.0 - 7.0 - 5.0),
    }
}

impl Page {
    pub fn text_width(&self) -> i32 {
        self.width as i32 - self.left - self.right
    }

    pub fn text_height(&self) -> i32 {
        self.height as i32 - self.top - self.bottom
    }

    /// The grid's line pitch in twips: the type area's height shared by
    /// `lines`.
    pub fn line_pitch(&self, lines: u32) -> i32 {
        self.text_height() / lines as i32
    }

    /// The character spacing, in twips, that makes `chars` characters of
    /// `size` half-points fill the type area's width: negative to squeeze
    /// 28 三号 characters into 156 mm, positive to spread fewer. Whole
    /// twips rounded down, so the line still holds them; `None` when they
    /// fill it as they are.
    pub fn spacing(&self, chars: u32, size: usize) -> Option<i32> {
        let pitch = f64::from(self.text_width()) / f64::from(chars.max(1));
        let spacing = (pitch - (size * 10) as f64).floor() as i32;
        (spacing != 0).then_some(spacing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::docx::style_files::style_for;

    #[test]
    fn headings_take_their_levels_fonts_and_deeper_ones_the_last() {
        let style = style_for(None, None, None).expect("the default style");
        let font = |depth: usize| {
            let f = style.heading(depth);
            (f.family.as_str(), f.size, f.bold)
        };
        assert_eq!(font(0), ("黑体", 32, false));
        assert_eq!(font(1), ("楷体_GB2312", 32, false));
        assert_eq!(font(2), ("仿宋_GB2312", 32, true), "local practice");
        assert_eq!(font(3), ("仿宋_GB2312", 32, false));
        assert_eq!(font(5), font(3));
    }

    #[test]
    fn body_text_spacing_fits_exactly_the_styles_characters_a_line() {
        let page = page();
        for size in [28, 30, 32] {
            for chars in 20..=36 {
                let pitch = i64::from(size as i32 * 10 + page.spacing(chars, size).unwrap_or(0));
                let width = i64::from(page.text_width());
                let chars = i64::from(chars);
                assert!(
                    chars * pitch <= width && (chars + 1) * pitch > width,
                    "{chars} characters of {size} half-points at {pitch} twips"
                );
            }
        }
    }

    #[test]
    fn a_style_missing_a_part_is_refused_by_name() {
        let spec: PrintStyle = serde_json::from_str(
            r#"{"body": {"font": "仿宋", "size": 16}, "title": {"font": "黑体"}}"#,
        )
        .expect("spec");
        assert_eq!(
            Style::from_spec(&spec).expect_err("no title size"),
            "排版样式缺少 title.size"
        );
    }
}
