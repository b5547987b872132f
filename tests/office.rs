//! The Word export opened by a real office suite: LibreOffice headless
//! prints the .docx to PDF and `pdftotext` reads it back, so what is
//! checked is what a clerk sees, not only the XML ziping wrote.
//!
//! Skipped locally without LibreOffice and poppler (a message says so);
//! CI installs them and sets `ZIPING_REQUIRE_OFFICE=1`, and then they must
//! run.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

#[path = "common/locale.rs"]
mod locale;
#[path = "common/office.rs"]
mod office;
#[path = "common/projects.rs"]
mod projects;

use locale::run_in as run;
use projects::{forms, sample, tables_project};

/// `ziping export FILE --format docx`, printed to PDF by LibreOffice.
fn printed(home: &Path, file: &str) -> PathBuf {
    let docx = home.join(Path::new(file).with_extension("docx"));
    let out = run(
        home,
        &[
            "export",
            file,
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    office::convert(&docx, "pdf", home)
}

/// Text with all whitespace gone: pdftotext puts spaces between Chinese
/// and digits and breaks lines where the page does.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A page's text without its page number (`— 3 —`).
fn without_page_number(page: &str) -> String {
    page.lines()
        .filter(|line| {
            let inner = squeezed(line);
            let digits = inner.trim_matches('—');
            !(inner.starts_with('—')
                && !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn stdout(home: &Path, args: &[&str]) -> String {
    let out = run(home, args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout
}

/// Where two strings part, with some of each around it.
fn first_difference(a: &str, b: &str) -> String {
    let same = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let around = |s: &str| {
        s.chars()
            .skip(same.saturating_sub(20))
            .take(40)
            .collect::<String>()
    };
    format!(
        "at character {same}:\n  printed: {}\n  text:    {}",
        around(a),
        around(b)
    )
}

#[test]
fn the_sample_prints_as_the_text_export_on_pages_of_22_lines_of_28_characters() {
    if !office::available("the_sample_prints_as_the_text_export") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let pages = office::pdf_pages(&printed(home.path(), &file));

    // Page numbers in order, one a page.
    for (n, page) in pages.iter().enumerate() {
        let number = format!("—{}—", n + 1);
        assert!(
            page.lines().any(|l| squeezed(l) == number),
            "page {} has no {number}:\n{page}",
            n + 1
        );
    }
    // The page as the style sets it: no page holds more than 22 lines and
    // full ones hold 22; a full line holds 28 characters (29 when a comma
    // hangs past its end, fewer where digits are narrower).
    let lines_of = |page: &String| {
        let body = without_page_number(page);
        body.lines().filter(|l| !l.trim().is_empty()).count()
    };
    let counts: Vec<usize> = pages.iter().map(lines_of).collect();
    assert!(counts.iter().all(|&n| n <= 22), "lines a page: {counts:?}");
    assert_eq!(counts.iter().max(), Some(&22), "lines a page: {counts:?}");
    let mut lengths = std::collections::HashMap::new();
    for page in &pages {
        for line in page
            .lines()
            .map(squeezed)
            .filter(|l| l.chars().count() >= 20)
        {
            *lengths.entry(line.chars().count()).or_insert(0) += 1;
        }
    }
    let commonest = lengths.iter().max_by_key(|(_, n)| **n).map(|(len, _)| *len);
    assert_eq!(commonest, Some(28), "characters a line: {lengths:?}");

    let printed: String = pages
        .iter()
        .map(|p| squeezed(&without_page_number(p)))
        .collect();
    let text = squeezed(&stdout(home.path(), &["export", &file]));
    assert!(printed == text, "{}", first_difference(&printed, &text));

    // The text hard-wrapped at 28 characters (56 columns), 22 lines a
    // page, is about how many pages the office suite should print.
    let lines = stdout(home.path(), &["export", &file, "--wrap", "56"])
        .lines()
        .count();
    let expected = lines as f64 / 22.0;
    let got = pages.len() as f64;
    assert!(
        (expected * 0.85..=expected * 1.2 + 1.0).contains(&got),
        "{got} pages for {lines} lines of 28 characters (about {expected:.1} pages at 22 lines)"
    );
}

#[test]
fn a_projects_tables_print_their_cells_in_form_order() {
    if !office::available("a_projects_tables_print_their_cells_in_form_order") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = tables_project(home.path());
    let pdf = printed(home.path(), &file);
    // Raw order: the order the office suite wrote the text in, a table
    // cell after cell, whatever their places on the page.
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-raw", "-"])
        .output()
        .unwrap();
    let printed = squeezed(&String::from_utf8(out.stdout).unwrap());

    let forms = forms(&home.path().join(&file));
    assert_eq!(forms.len(), 2, "the funding block and the indicator table");
    let mut from = 0;
    for form in &forms {
        for row in &form.rows {
            for cell in row.cells.iter().filter(|c| !c.text.is_empty()) {
                let want = squeezed(&cell.text);
                let Some(at) = printed[from..].find(&want) else {
                    panic!(
                        "cell {want:?} ({}) not printed after character {from}:\n{}",
                        row.title,
                        &printed[from..]
                    );
                };
                from += at + want.len();
            }
        }
    }
}
