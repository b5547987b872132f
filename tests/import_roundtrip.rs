//! `ziping import` on the bundled sample, as a clerk would bring last
//! year's report in: the sample's text as the seed had it, the sample's
//! own text, GB18030 and Word exports, and a .docx LibreOffice made from
//! the text (so the import reads what Word-like programs write, not only
//! what ziping writes). Each must give the sample's values, field by field.

#![allow(clippy::unwrap_used)]

#[path = "common/locale.rs"]
mod locale;
#[path = "common/office.rs"]
mod office;

use std::path::Path;

use locale::run_in;
use serde_json::Value;

const SAMPLE: &str = "sample-data/changning-2022.json";
const SAMPLE_TEXT: &str = "sample-data/changning-2022.txt";

fn repo(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .display()
        .to_string()
}

/// A value with the whitespace at each line's end taken off (list items
/// one by one), so what the comparison sees is what a reader sees.
fn trimmed(value: &Value) -> Value {
    let lines = |s: &str| -> Value {
        Value::String(
            s.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
                .trim_end()
                .to_string(),
        )
    };
    match value {
        Value::String(s) => lines(s),
        Value::Array(items) => Value::Array(items.iter().map(trimmed).collect()),
        other => other.clone(),
    }
}

fn values(file: &Path) -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(file).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["values"].as_object().unwrap().clone()
}

/// Imports `document` in `home` and compares every field with the sample's.
fn imports_as_the_sample(home: &Path, document: &str) {
    let out = home.join(format!("{}.json", document.replace(['/', '.'], "_")));
    let run = run_in(
        home,
        &["import", document, "-o", &out.display().to_string()],
    );
    assert_eq!(run.code, Some(0), "{document}: {}", run.stderr);
    assert!(
        run.stdout.contains("hunan-narrative"),
        "{document}: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("所有文字都已放入字段"),
        "{document}: {}",
        run.stdout
    );
    let got = values(&out);
    let want = values(Path::new(&repo(SAMPLE)));
    for (id, value) in &want {
        let imported = got.get(id).map(trimmed);
        assert_eq!(
            imported.as_ref(),
            Some(&trimmed(value)),
            "{document}: field {id}"
        );
    }
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json.get("unplaced"), None, "{document}: nothing held");
    assert_eq!(
        json.get("headings"),
        None,
        "{document}: the template's own headings"
    );
}

fn export(home: &Path, args: &[&str]) {
    let run = run_in(home, args);
    assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
}

#[test]
fn the_seed_text_imports_as_the_sample() {
    let home = tempfile::tempdir().unwrap();
    imports_as_the_sample(home.path(), &repo(SAMPLE_TEXT));
}

#[test]
fn the_samples_own_exports_import_as_the_sample() {
    let home = tempfile::tempdir().unwrap();
    let sample = repo(SAMPLE);
    export(home.path(), &["export", &sample, "-o", "own.txt"]);
    export(
        home.path(),
        &["export", &sample, "--encoding", "gb18030", "-o", "gb.txt"],
    );
    export(
        home.path(),
        &[
            "export",
            &sample,
            "--encoding",
            "utf-8-bom",
            "--crlf",
            "-o",
            "bom.txt",
        ],
    );
    export(
        home.path(),
        &["export", &sample, "--format", "docx", "-o", "own.docx"],
    );
    export(
        home.path(),
        &["export", &sample, "--format", "md", "-o", "own.md"],
    );
    let gb = std::fs::read(home.path().join("gb.txt")).unwrap();
    assert!(
        std::str::from_utf8(&gb).is_err(),
        "the GB18030 file is no UTF-8"
    );
    for document in ["own.txt", "gb.txt", "bom.txt", "own.docx", "own.md"] {
        imports_as_the_sample(home.path(), document);
    }
}

#[test]
fn a_docx_libreoffice_made_from_the_text_imports_as_the_sample() {
    if !office::available("a_docx_libreoffice_made_from_the_text_imports_as_the_sample") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let text = home.path().join("changning-2022.txt");
    std::fs::copy(repo(SAMPLE_TEXT), &text).unwrap();
    let docx = office::convert(&text, "docx:MS Word 2007 XML", home.path());
    imports_as_the_sample(home.path(), &docx.display().to_string());
}

/// A project's tables through its Word export (cells merged down and
/// across) and back; figures compare as figures (the export writes 100 as
/// 100.00).
#[test]
fn tables_come_back_from_the_word_export_and_from_libreoffice() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    export(
        h,
        &["new", "--template", "project-selfeval-split", "p.json"],
    );
    let filled = [
        ("project_name", "党员教育培训"),
        ("year", "2022"),
        ("unit", "中共常宁市委组织部"),
        ("funding.total.initial", "100"),
        ("funding.total.budget", "100.00"),
        ("funding.total.actual", "85"),
        ("funding.appropriation.budget", "80"),
        ("indicators.1.level1", "产出指标"),
        ("indicators.1.level2", "数量指标"),
        ("indicators.1.name", "培训党员人次"),
        ("indicators.1.nature", "定量"),
        ("indicators.1.value", "50"),
        ("indicators.1.unit", "个"),
        ("indicators.1.direction", "正向"),
        ("indicators.1.actual", "40个"),
        ("indicators.1.weight", "50"),
        ("indicators.2.level1", "产出指标"),
        ("indicators.2.level2", "数量指标"),
        ("indicators.2.name", "培训人数"),
        ("indicators.2.nature", "定量"),
        ("indicators.2.value", "20"),
        ("indicators.2.unit", "人"),
        ("indicators.2.weight", "10"),
        ("indicators.3.level1", "效益指标"),
        ("indicators.3.level2", "社会效益指标"),
        ("indicators.3.name", "党员素质"),
        ("indicators.3.nature", "定性"),
        ("indicators.3.value", "明显提升"),
        ("indicators.3.actual", "达成"),
        ("indicators.3.weight", "30"),
    ];
    let mut args = vec!["set", "p.json"];
    for (path, value) in filled {
        args.extend([path, value]);
    }
    export(h, &args);
    export(h, &["export", "p.json", "--format", "docx", "-o", "p.docx"]);
    let mut documents = vec![h.join("p.docx")];
    if office::available("tables_come_back_from_the_word_export_and_from_libreoffice") {
        let dir = h.join("lo");
        std::fs::create_dir(&dir).unwrap();
        documents.push(office::convert(
            &h.join("p.docx"),
            "docx:MS Word 2007 XML",
            &dir,
        ));
    }
    let want = values(&h.join("p.json"));
    for (n, document) in documents.iter().enumerate() {
        let out = format!("q{n}.json");
        let run = run_in(h, &["import", &document.display().to_string(), "-o", &out]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(
            run.stdout.contains("project-selfeval-split"),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("5 行表格"), "{}", run.stdout);
        let got = values(&h.join(&out));
        for id in ["funding", "indicators"] {
            assert_eq!(
                figures(&got[id]),
                figures(&want[id]),
                "{}: {id}",
                document.display()
            );
        }
        let fields = run_in(h, &["fields", &out]);
        assert!(
            fields.stdout.contains("indicators.3.value"),
            "{}",
            fields.stdout
        );
    }
}

/// A table's cells with figures as numbers (`100.00` and `100` alike).
fn figures(table: &Value) -> Value {
    match table {
        Value::String(s) => match s.parse::<f64>() {
            Ok(n) => serde_json::json!(n),
            Err(_) => Value::String(s.clone()),
        },
        Value::Array(items) => Value::Array(items.iter().map(figures).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), figures(v))).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn old_word_files_are_refused_with_how_to_save_them_as_docx() {
    let home = tempfile::tempdir().unwrap();
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend([0u8; 512]);
    std::fs::write(home.path().join("去年.doc"), &ole).unwrap();
    let run = run_in(home.path(), &["import", "去年.doc", "-o", "new.json"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("另存为") && run.stderr.contains(".docx"),
        "{}",
        run.stderr
    );
    assert!(!home.path().join("new.json").exists());
}

#[test]
fn the_output_is_never_overwritten_and_is_required() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("new.json"), "mine").unwrap();
    let run = run_in(
        home.path(),
        &["import", &repo(SAMPLE_TEXT), "-o", "new.json"],
    );
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("不会覆盖"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(home.path().join("new.json")).unwrap(),
        "mine"
    );
    let run = run_in(home.path(), &["import", &repo(SAMPLE_TEXT)]);
    assert_eq!(run.code, Some(2), "-o is required");
}

/// A paragraph with no field is in the summary, in `check` as a notice
/// (never an error: the exit code stays 0 when nothing else is wrong),
/// and gone after `--delete-row unplaced.1`.
#[test]
fn held_text_is_reported_checked_and_deleted() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let text = std::fs::read_to_string(repo(SAMPLE_TEXT)).unwrap();
    let text = text.replace("一、基本情况\n", "一、基本情况\n本部门情况如下。\n");
    std::fs::write(h.join("去年.txt"), text).unwrap();
    let run = run_in(h, &["import", "去年.txt", "-o", "new.json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("1 段文字没有对应的字段"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("本部门情况如下。（所在章节没有可以填写正文的字段）"),
        "{}",
        run.stdout
    );
    let (code, json) = locale::check_json(&h.join("new.json"), h);
    assert_eq!(code, Some(0), "{json}");
    let held: Vec<&Value> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "held")
        .collect();
    assert_eq!(held.len(), 1, "{json}");
    assert_eq!(held[0]["severity"], "notice");
    assert_eq!(held[0]["path"], "unplaced.1");
    assert!(
        held[0]["message"]
            .as_str()
            .unwrap()
            .contains("“本部门情况如下。”"),
        "{json}"
    );
    let run = run_in(h, &["set", "new.json", "--delete-row", "unplaced.1"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let (_, json) = locale::check_json(&h.join("new.json"), h);
    assert!(!json.to_string().contains("\"held\""), "{json}");
    let saved = std::fs::read_to_string(h.join("new.json")).unwrap();
    assert!(
        !saved.contains("unplaced"),
        "an empty holding place is left out of the file"
    );
}

/// The sample's text with a 目录 in front, as LibreOffice writes one into a
/// .docx (a content control whose lines link to `__RefHeading___Toc…`
/// bookmarks): its lines name every heading, and read as headings they
/// would take the whole outline before the body is reached.
#[test]
fn a_docx_with_a_libreoffice_contents_imports_as_the_sample() {
    if !office::available("a_docx_with_a_libreoffice_contents_imports_as_the_sample") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo(SAMPLE_TEXT)).unwrap();
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let heading = |line: &str| {
        let numbered = |open: &str, close: char| {
            line.strip_prefix(open)
                .and_then(|rest| rest.split_once(close))
                .is_some_and(|(n, _)| {
                    !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c))
                })
        };
        numbered("", '、') || numbered("（", '）')
    };
    let mut entries = String::new();
    let mut body = String::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if heading(line) {
            entries.push_str(&format!(
                "<text:p><text:a xlink:type=\"simple\" xlink:href=\"#__RefHeading___Toc{i}_1\">{}<text:tab/>1</text:a></text:p>",
                escape(line)
            ));
            body.push_str(&format!(
                "<text:p><text:bookmark-start text:name=\"__RefHeading___Toc{i}_1\"/>{}<text:bookmark-end text:name=\"__RefHeading___Toc{i}_1\"/></text:p>",
                escape(line)
            ));
        } else {
            body.push_str(&format!("<text:p>{}</text:p>", escape(line)));
        }
    }
    assert!(
        entries.matches("<text:a").count() >= 5,
        "the sample's headings"
    );
    let fodt = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:table-of-content text:name="目录1"><text:table-of-content-source text:outline-level="2"><text:index-title-template>目录</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title text:name="目录1_Head"><text:p>目录</text:p></text:index-title>{entries}</text:index-body></text:table-of-content>
{body}
</office:text></office:body></office:document>"#
    );
    let source = home.path().join("changning-2022.fodt");
    std::fs::write(&source, fodt).unwrap();
    let docx = office::convert(&source, "docx:MS Word 2007 XML", home.path());
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains("<w:sdt>") && xml.contains("w:anchor=\"__RefHeading___Toc"),
        "LibreOffice wrote its 目录 as this test expects"
    );
    imports_as_the_sample(home.path(), &docx.display().to_string());
}
