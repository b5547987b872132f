//! A real office suite, headless: LibreOffice converts files the way a
//! clerk's Word-like program would write or print them, and `pdftotext`
//! reads the PDF back.
//!
//! Locally without the suite the tests that need it skip with a message;
//! CI sets `ZIPING_REQUIRE_OFFICE=1` (in `.ci/run`), and then a missing
//! suite fails the test instead.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether CI demands the suite.
fn required() -> bool {
    std::env::var("ZIPING_REQUIRE_OFFICE").is_ok_and(|v| v == "1")
}

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `true` when LibreOffice and poppler are installed; otherwise prints why
/// the calling test skips, or panics under `ZIPING_REQUIRE_OFFICE=1`.
pub fn available(test: &str) -> bool {
    let soffice = have("soffice", "--version");
    let pdftotext = have("pdftotext", "-v");
    if soffice && pdftotext {
        return true;
    }
    let missing = match (soffice, pdftotext) {
        (false, false) => "soffice and pdftotext",
        (false, true) => "soffice",
        _ => "pdftotext",
    };
    assert!(
        !required(),
        "{test}: ZIPING_REQUIRE_OFFICE=1 but {missing} is missing \
         (apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk)"
    );
    eprintln!("{test}: skipped, {missing} not installed");
    false
}

/// Converts `input` with LibreOffice headless to `to` (`"pdf"`, `"docx"`,
/// `"docx:MS Word 2007 XML"` …) into `outdir`, and returns the new file.
///
/// Each call gets a user profile of its own under `outdir`: conversions
/// sharing one profile fail when the tests run in parallel.
pub fn convert(input: &Path, to: &str, outdir: &Path) -> PathBuf {
    let profile = outdir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(input)
        .output()
        .expect("run soffice");
    let ext = to.split(':').next().unwrap_or(to);
    let result = outdir.join(input.with_extension(ext).file_name().unwrap());
    assert!(
        out.status.success() && result.exists(),
        "soffice --convert-to {to} {} failed: {}\n{}",
        input.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    result
}

/// The text of a PDF, page by page (`pdftotext` separates pages with a
/// form feed).
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext {} failed", pdf.display());
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}
