//! A document's bytes as paragraphs and tables: a Word document (.docx)
//! through docx-rs's reader, plain text in whatever encoding Chinese
//! Windows wrote it (UTF-8 with or without its mark, UTF-16, GB18030/GBK),
//! Markdown as its text. The old binary Word and WPS formats are refused
//! with the way to save them as .docx.

use std::path::Path;

use encoding_rs::GB18030;

use super::{Piece, Refusal, docx};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// Every .docx is a zip archive.
const ZIP: &[u8] = b"PK\x03\x04";
/// The compound file the old .doc and .wps formats are.
const COMPOUND: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The document at `path` (its bytes `bytes`) as pieces in reading order.
pub fn pieces(path: &Path, bytes: &[u8]) -> Result<Vec<Piece>, Refusal> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if bytes.starts_with(COMPOUND) || matches!(extension.as_str(), "doc" | "wps" | "et") {
        return Err(Refusal::OldWord);
    }
    if bytes.starts_with(ZIP) {
        return docx::pieces(bytes);
    }
    let text = text(bytes)?;
    Ok(if matches!(extension.as_str(), "md" | "markdown") {
        markdown(&text)
    } else {
        lines(&text)
    })
}

/// The bytes as text: a byte-order mark decides (Notepad's "Unicode" is
/// UTF-16 with one); else UTF-8 if it is valid, else GB18030 (which GBK
/// and GB2312 are subsets of) if it decodes without a fault.
pub fn text(bytes: &[u8]) -> Result<String, Refusal> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return String::from_utf8(rest.to_vec()).map_err(|_| Refusal::NotText);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, faulty) = encoding.decode_with_bom_removal(bytes);
        return if faulty {
            Err(Refusal::NotText)
        } else {
            Ok(text.into_owned())
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, faulty) = GB18030.decode_without_bom_handling(bytes);
    if faulty {
        return Err(Refusal::NotText);
    }
    Ok(text.into_owned())
}

/// Plain text: each line a paragraph (blank lines only separate).
fn lines(text: &str) -> Vec<Piece> {
    text.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty())
        .map(|l| Piece::Para(l.to_string()))
        .collect()
}

/// Markdown as a reader sees it: headings without their `#`, emphasis
/// without its `**`, pipe tables as tables (their `---` row left out).
fn markdown(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    // Whether the line before was a table's row, and its first: a table
    // goes on only on the next line, and the delimiter row
    // (`| --- | :-: |`) follows its first row; anywhere else such a row
    // is data.
    let (mut in_table, mut after_header) = (false, false);
    for line in text.lines().map(str::trim) {
        if line.starts_with('|') {
            let cells = table_cells(line);
            // A line of only pipes (`|`, `| |`) starts no table.
            if !in_table && cells.iter().all(String::is_empty) {
                continue;
            }
            let delimiter = after_header && delimiter_row(&cells);
            after_header = false;
            if delimiter {
                continue;
            }
            match out.last_mut() {
                Some(Piece::Table(rows)) if in_table => rows.push(cells),
                _ => {
                    out.push(Piece::Table(vec![cells]));
                    after_header = true;
                }
            }
            in_table = true;
            continue;
        }
        (in_table, after_header) = (false, false);
        let line = line.trim_start_matches('#').trim_start();
        let line = line.strip_prefix("- ").unwrap_or(line);
        let line = line.replace("**", "");
        if !line.is_empty() {
            out.push(Piece::Para(line));
        }
    }
    out
}

/// A pipe table row's cells, as many as the row has between its outer
/// pipes (an empty first or last cell included), `\|` read as a pipe in
/// a cell and `<br>` as a line break.
fn table_cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = match inner.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => inner,
    };
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cell.push('|');
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .into_iter()
        .map(|c| {
            ["<br>", "<br/>", "<br />"]
                .iter()
                .fold(c, |c, br| c.replace(br, "\n"))
                .trim()
                .to_string()
        })
        .collect()
}

/// Whether `cells` are a delimiter row: each `---`, `:--`, `--:` or `:-:`.
fn delimiter_row(cells: &[String]) -> bool {
    cells.iter().all(|c| {
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.chars().all(|ch| ch == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_a_clerk_saves_in_is_read() {
        let text = "一、基本情况\n部门职责";
        let (gb, _, _) = GB18030.encode(text);
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let bom: Vec<u8> = UTF8_BOM.iter().copied().chain(text.bytes()).collect();
        for bytes in [text.as_bytes().to_vec(), bom, gb.to_vec(), utf16le, utf16be] {
            assert_eq!(super::text(&bytes).ok().as_deref(), Some(text), "{bytes:?}");
        }
    }

    #[test]
    fn old_word_and_wps_files_are_refused() {
        let mut ole = COMPOUND.to_vec();
        ole.extend([0; 64]);
        for name in ["去年.doc", "去年.wps", "去年.txt"] {
            assert_eq!(
                pieces(Path::new(name), &ole).err(),
                Some(Refusal::OldWord),
                "{name}"
            );
        }
    }

    /// (the Markdown, the tables it holds)
    #[test]
    fn pipe_tables_keep_every_cell_and_row() {
        let cases: [(&str, Vec<Vec<&str>>); 8] = [
            (
                "| 指标 | 分值 |\n| --- | :-: |\n| 数量 | 10 |",
                vec![vec!["指标", "分值"], vec!["数量", "10"]],
            ),
            // An empty first or last cell stays, and the row keeps its columns.
            (
                "| 指标 | 分值 | 得分 |\n|---|---|---|\n|  | 10 |  |",
                vec![vec!["指标", "分值", "得分"], vec!["", "10", ""]],
            ),
            (
                "|指标|分值|得分|\n|---|---|---|\n||10||",
                vec![vec!["指标", "分值", "得分"], vec!["", "10", ""]],
            ),
            // A row of dashes after the delimiter row is data (无, 不适用).
            (
                "| 指标 | 偏差 |\n|---|---|\n| 质量 | - |\n| - | - |",
                vec![vec!["指标", "偏差"], vec!["质量", "-"], vec!["-", "-"]],
            ),
            // An empty row is a row.
            (
                "| 指标 | 分值 |\n|---|---|\n| | |\n| 时效 | 5 |",
                vec![vec!["指标", "分值"], vec!["", ""], vec!["时效", "5"]],
            ),
            // A pipe written \| stays in its cell; <br> breaks the line.
            (
                "| 指标 | 说明 |\n|---|---|\n| 成本 | 甲\\|乙<br>丙 |",
                vec![vec!["指标", "说明"], vec!["成本", "甲|乙\n丙"]],
            ),
            // A line of only pipes is no row; a break at a cell's end no line.
            (
                "|\n| 指标 | 说明 |\n| 成本 | 甲<br> |",
                vec![vec!["指标", "说明"], vec!["成本", "甲"]],
            ),
            // A blank line ends a table: two tables, not one.
            (
                "| 甲 | 1 |\n| 乙 | 2 |\n\n| 丙 | 3 |",
                vec![vec!["甲", "1"], vec!["乙", "2"]],
            ),
        ];
        for (text, first) in cases {
            let pieces = markdown(text);
            let Some(Piece::Table(rows)) = pieces.first() else {
                panic!("{text}: {pieces:?}");
            };
            assert_eq!(rows, &first, "{text}");
        }
        assert_eq!(
            markdown("| 甲 | 1 |\n\n| 丙 | 3 |").len(),
            2,
            "a blank line between"
        );
    }
}
