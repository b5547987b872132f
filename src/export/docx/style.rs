//! The fonts and sizes of the Word export, and the page they go on. The
//! default is GB/T 9704-2012 (党政机关公文格式); a province that prints
//! otherwise changes these values, not the code that lays blocks out.

/// Twentieths of a point (twips) in a millimetre: 1440 a inch, 25.4 mm.
fn mm(millimetres: f64) -> i32 {
    // Rounded to the nearest twip; pages are a few thousand twips wide.
    (millimetres * 1440.0 / 25.4).round() as i32
}

/// Chinese type sizes (字号) in half-points, the unit Word stores.
pub mod size {
    /// 二号, 22 pt: the title.
    pub const ER: usize = 44;
    /// 三号, 16 pt: the body and the headings.
    pub const SAN: usize = 32;
    /// 四号, 14 pt: page numbers.
    pub const SI: usize = 28;
    /// 小四, 12 pt: tables, one size below the body.
    pub const XIAO_SI: usize = 24;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Font {
    /// The font's name as Word lists it (仿宋_GB2312).
    pub family: String,
    /// Half-points (see [`size`]).
    pub size: usize,
    pub bold: bool,
}

impl Font {
    fn new(family: &str, size: usize) -> Font {
        Font {
            family: family.to_string(),
            size,
            bold: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub body: Font,
    pub title: Font,
    /// The attachment label above the title (附件-1).
    pub label: Font,
    /// Heading levels 1 to 4 (一、 （一） 1、 （1）); deeper ones take the last.
    pub headings: [Font; 4],
    pub table: Font,
    pub page_number: Font,
    /// Lines per page and characters per line (the document grid).
    pub lines: u32,
    pub chars: u32,
}

impl Default for Style {
    /// GB/T 9704-2012: body 3号 仿宋_GB2312, title 2号 方正小标宋简体,
    /// 22 lines of 28 characters. Level 3 in bold is local practice (湖南
    /// and most provinces print 1、 headings so), not the standard's.
    fn default() -> Style {
        let fangsong = Font::new("仿宋_GB2312", size::SAN);
        Style {
            body: fangsong.clone(),
            title: Font::new("方正小标宋简体", size::ER),
            label: Font::new("黑体", size::SAN),
            headings: [
                Font::new("黑体", size::SAN),
                Font::new("楷体_GB2312", size::SAN),
                Font {
                    bold: true,
                    ..fangsong.clone()
                },
                fangsong.clone(),
            ],
            table: Font::new("仿宋_GB2312", size::XIAO_SI),
            page_number: Font::new("宋体", size::SI),
            lines: 22,
            chars: 28,
        }
    }
}

impl Style {
    pub fn heading(&self, depth: usize) -> &Font {
        &self.headings[depth.min(self.headings.len() - 1)]
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

    /// The grid's character pitch as Word stores it: how much wider (here
    /// narrower) each character is than the body font, in 4096ths of a
    /// point, so `chars` of them fill the type area's width.
    pub fn char_space(&self, chars: u32, body: &Font) -> isize {
        let pitch = f64::from(self.text_width()) / f64::from(chars) / 20.0;
        let font = body.size as f64 / 2.0;
        ((pitch - font) * 4096.0).round() as isize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_take_their_levels_fonts_and_deeper_ones_the_last() {
        let style = Style::default();
        let font = |depth: usize| {
            let f = style.heading(depth);
            (f.family.as_str(), f.size, f.bold)
        };
        assert_eq!(font(0), ("黑体", size::SAN, false));
        assert_eq!(font(1), ("楷体_GB2312", size::SAN, false));
        assert_eq!(font(2), ("仿宋_GB2312", size::SAN, true), "local practice");
        assert_eq!(font(3), ("仿宋_GB2312", size::SAN, false));
        assert_eq!(font(5), font(3));
    }
}
