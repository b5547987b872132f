//! The plain text for older Windows: `--encoding gb18030` (what Notepad
//! on an older Chinese Windows reads), `--encoding utf-8-bom`, and
//! `--crlf` line ends; refused for the other formats. With `--wrap N` the
//! title is centred and the 落款 right-aligned in the N columns.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;

#[path = "common/locale.rs"]
mod locale;

use locale::run_in as run;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sample-data/changning-2022.json"
);

#[test]
fn gb18030_with_crlf_is_the_same_text_in_the_windows_encoding() {
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["export", SAMPLE]);
    assert_eq!(plain.code, Some(0), "{}", plain.stderr);
    let out = run(
        home.path(),
        &[
            "export",
            SAMPLE,
            "--encoding",
            "gb18030",
            "--crlf",
            "-o",
            "g.txt",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let bytes = fs::read(home.path().join("g.txt")).unwrap();
    // 附 in GB18030 (GBK's range) is B8 BD: not UTF-8.
    assert!(bytes.starts_with(&[0xB8, 0xBD]), "{:02X?}", &bytes[..4]);
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad, "every character has its GB18030 code");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends CR LF"
    );
    assert_eq!(text.replace("\r\n", "\n"), plain.stdout);
}

#[test]
fn utf8_with_a_byte_order_mark_starts_with_it_and_is_otherwise_the_same() {
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["export", SAMPLE]);
    let out = run(
        home.path(),
        &["export", SAMPLE, "--encoding", "utf-8-bom", "-o", "b.txt"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let bytes = fs::read(home.path().join("b.txt")).unwrap();
    assert_eq!(bytes[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(
        String::from_utf8(bytes[3..].to_vec()).unwrap(),
        plain.stdout
    );
}

#[test]
fn text_file_options_are_refused_for_the_word_and_markdown_exports() {
    let home = tempfile::tempdir().unwrap();
    for (format, option) in [("docx", "--crlf"), ("md", "--crlf")] {
        let out = run(home.path(), &["export", SAMPLE, "--format", format, option]);
        assert_eq!(out.code, Some(2), "{format} {option}");
        assert!(out.stderr.contains("只用于纯文本导出"), "{}", out.stderr);
    }
    let out = run(
        home.path(),
        &["export", SAMPLE, "--format", "md", "--encoding", "gb18030"],
    );
    assert!(out.stderr.contains("--encoding"), "{}", out.stderr);
}

#[test]
fn with_a_line_width_the_title_is_centred_and_the_closing_stands_four_characters_from_the_right() {
    use unicode_width::UnicodeWidthStr;
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("s.json");
    fs::copy(SAMPLE, &file).unwrap();
    let file = file.to_str().unwrap();
    let set = run(home.path(), &["set", file, "report_date", "2023年4月6日"]);
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    let out = run(home.path(), &["export", file, "--wrap", "60"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    // The 附件 label stays at the left; the title is centred in 60 columns.
    assert_eq!(lines[0], "附件-1", "{}", out.stdout);
    let title = lines[1];
    let pad = title.len() - title.trim_start().len();
    assert_eq!(pad, (60 - title.trim_start().width()) / 2, "{title:?}");
    // 落款: unit and date, each ending eight columns (四字) from the right.
    let closing = &lines[lines.len() - 2..];
    assert!(closing[1].trim_start() == "2023年4月6日", "{closing:?}");
    for line in closing {
        assert_eq!(line.width(), 60 - 8, "{line:?}");
    }
    // Without a width nothing is padded.
    let plain = run(home.path(), &["export", file]);
    assert!(
        plain.stdout.lines().all(|l| !l.starts_with(' ')),
        "{}",
        plain.stdout
    );
}
