//! The Word export read back: `ziping export --format docx` of the sample
//! (and of a 项目支出 project with both tables), opened with docx-rs's
//! reader, checked for the GB/T 9704-2012 layout and against the text
//! export paragraph by paragraph and the form layout cell by cell.

// The helpers run only inside tests: a missing binary or temp dir should
// fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

#[path = "common/locale.rs"]
mod locale;
#[path = "common/projects.rs"]
mod projects;

use serde_json::Value;

use locale::run_in as run;
use projects::{forms, sample, tables_project};
use ziping::export::form::Form;

/// Twips in `mm` millimetres, as Word stores lengths.
fn mm(mm: f64) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

/// `ziping export FILE --format docx -o out.docx`, read back as the JSON
/// docx-rs makes of a document.
fn docx(home: &Path, file: &str) -> Value {
    let out = run(
        home,
        &["export", file, "--format", "docx", "-o", "out.docx"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let bytes = fs::read(home.join("out.docx")).unwrap();
    let doc = docx_rs::read_docx(&bytes).unwrap();
    serde_json::from_str(&doc.json()).unwrap()
}

fn body(doc: &Value) -> &Vec<Value> {
    doc["document"]["children"].as_array().unwrap()
}

/// The body's paragraphs (not those inside tables), in order.
fn paragraphs(doc: &Value) -> Vec<&Value> {
    body(doc)
        .iter()
        .filter(|c| c["type"] == "paragraph")
        .map(|c| &c["data"])
        .collect()
}

/// The text of a paragraph's runs (a field's result included).
fn text(p: &Value) -> String {
    let mut out = String::new();
    for run in p["children"].as_array().unwrap() {
        for child in run["data"]["children"].as_array().into_iter().flatten() {
            if child["type"] == "text" {
                out.push_str(child["data"]["text"].as_str().unwrap());
            }
        }
    }
    out
}

/// The font and size (half-points) of a paragraph's first run, and bold.
fn font(p: &Value) -> (String, u64, bool) {
    let props = &p["children"][0]["data"]["runProperty"];
    (
        props["fonts"]["eastAsia"].as_str().unwrap().to_string(),
        props["sz"].as_u64().unwrap(),
        props["bold"].as_bool().unwrap_or(false),
    )
}

fn find<'a>(doc: &'a Value, wanted: &str) -> &'a Value {
    paragraphs(doc)
        .into_iter()
        .find(|p| text(p) == wanted)
        .unwrap_or_else(|| panic!("no paragraph {wanted}"))
}

#[test]
fn the_page_is_a4_with_the_standards_margins_and_a_grid_of_22_lines_by_28_characters() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let doc = docx(home.path(), &file);
    let section = &doc["document"]["sectionProperty"];
    assert_eq!(section["pageSize"]["w"], 11906, "A4 is 210 mm wide");
    assert_eq!(section["pageSize"]["h"], 16838, "A4 is 297 mm high");
    let margin = &section["pageMargin"];
    for (side, want) in [
        ("top", 37.0),
        ("bottom", 35.0),
        ("left", 28.0),
        ("right", 26.0),
    ] {
        assert_eq!(margin[side].as_i64(), Some(mm(want)), "{side} margin");
    }
    let grid = &section["docGrid"];
    assert_eq!(grid["gridType"], "lines");
    // 22 lines fill the type area's 225 mm, and a 23rd would not fit.
    let pitch = grid["linePitch"].as_i64().unwrap();
    assert!(22 * pitch <= mm(225.0) && 23 * pitch > mm(225.0), "{pitch}");
    // Body text is 16 pt spaced so 28 characters fill 156 mm and a 29th
    // does not fit (see src/export/docx.rs for why not a character grid).
    let body = find(&doc, "一、基本情况");
    let props = &body["children"][0]["data"]["runProperty"];
    let pitch = 320 + props["characterSpacing"].as_i64().unwrap();
    assert!(
        28 * pitch <= mm(156.0) && 29 * pitch > mm(156.0),
        "a character every {pitch} twips"
    );
}

#[test]
fn the_title_is_centred_headings_have_their_levels_fonts_and_the_closing_is_right() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let doc = docx(home.path(), &file);

    let label = find(&doc, "附件-1");
    assert_eq!(label["property"]["alignment"], "left");
    assert_eq!(font(label), ("黑体".into(), 32, false), "3号 黑体");

    let title = find(
        &doc,
        "中共常宁市委组织部2022年度部门整体支出绩效目标自评报告",
    );
    assert_eq!(title["property"]["alignment"], "center");
    assert_eq!(font(title), ("方正小标宋简体".into(), 44, false), "2号");

    let level1 = find(&doc, "一、基本情况");
    assert_eq!(font(level1), ("黑体".into(), 32, false));
    let level2 = find(&doc, "（一）机构人员情况");
    assert_eq!(font(level2), ("楷体_GB2312".into(), 32, false));
    let body = find(&doc, "预算准确率有待提高。预算项目存在超支或节约的现象。");
    assert_eq!(font(body), ("仿宋_GB2312".into(), 32, false), "3号 仿宋");
    // Two characters of the grid (156 mm / 28) in, headings as the body.
    let two = 2 * ((11906 - mm(28.0) - mm(26.0)) / 28);
    for p in [level1, level2, body] {
        let indent = &p["property"]["indent"]["specialIndent"];
        assert_eq!(indent["val"].as_i64(), Some(two), "{}", text(p));
    }

    // 右空四字: the unit and the date right-aligned, four characters in.
    let all = paragraphs(&doc);
    let closing = &all[all.len() - 2..];
    assert_eq!(text(closing[0]), "中共常宁市委组织部");
    assert_eq!(
        text(closing[1]),
        "2023年4月6日",
        "the date in Arabic numerals"
    );
    for p in closing {
        assert_eq!(p["property"]["alignment"], "right");
        assert_eq!(p["property"]["indent"]["end"].as_i64(), Some(2 * two));
    }
}

#[test]
fn page_numbers_are_a_page_field_odd_pages_right_even_pages_left_one_character_in() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let doc = docx(home.path(), &file);
    assert_eq!(doc["settings"]["evenAndOddHeaders"], true);
    let section = &doc["document"]["sectionProperty"];
    for (key, side, inset) in [("footer", "right", "end"), ("evenFooter", "left", "start")] {
        let p = &section[key][1]["children"][0]["data"];
        assert_eq!(text(p), "— 1 —", "{key}");
        assert_eq!(p["property"]["alignment"], side, "{key}");
        // One 4号 character: 14 pt.
        assert_eq!(p["property"]["indent"][inset], 280, "{key}");
        assert_eq!(font(p), ("宋体".into(), 28, false), "4号 宋体");
        let field: Vec<&Value> = p["children"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|run| run["data"]["children"].as_array().unwrap())
            .filter(|c| c["type"] == "instrTextString")
            .map(|c| &c["data"])
            .collect();
        assert_eq!(field, [&Value::from("PAGE")], "{key}: a PAGE field");
    }
}

#[test]
fn its_paragraphs_are_the_text_exports_without_the_indent() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let doc = docx(home.path(), &file);
    let text_export = run(home.path(), &["export", &file]);
    assert_eq!(text_export.code, Some(0), "{}", text_export.stderr);
    let want: Vec<&str> = text_export
        .stdout
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_start_matches('\u{3000}'))
        .collect();
    let got: Vec<String> = paragraphs(&doc).into_iter().map(text).collect();
    assert_eq!(got, want);
}

#[test]
fn the_docx_goes_into_a_pipe_and_wrap_is_refused_for_it() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let out = run(home.path(), &["export", &file, "--format", "docx"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.starts_with("PK"), "a zip into the pipe");
    let wrap = run(
        home.path(),
        &["export", &file, "--format", "docx", "--wrap", "40"],
    );
    assert_ne!(wrap.code, Some(0));
    assert!(wrap.stderr.contains("--wrap"), "{}", wrap.stderr);
}

/// What a Word cell holds: its text, columns spanned, vertical merge,
/// alignment of its first paragraph and its font size.
#[derive(Debug, PartialEq)]
struct Cell {
    text: String,
    span: u64,
    merge: Option<String>,
    align: Option<String>,
}

fn word_cells(table: &Value) -> Vec<Vec<Cell>> {
    table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row["data"]["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|cell| {
                    let cell = &cell["data"];
                    let paragraphs: Vec<&Value> = cell["children"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| &p["data"])
                        .collect();
                    let texts: Vec<String> = paragraphs.iter().map(|p| text(p)).collect();
                    let first = paragraphs[0];
                    Cell {
                        text: texts.join("\n"),
                        span: cell["property"]["gridSpan"].as_u64().unwrap_or(1),
                        merge: cell["property"]["verticalMerge"].as_str().map(String::from),
                        align: first["property"]["alignment"].as_str().map(String::from),
                    }
                })
                .collect()
        })
        .collect()
}

/// The cells Word should have for `form`: per row, each cell starting at
/// a column, with its text where it starts and `continue` below.
fn form_cells(form: &Form) -> Vec<Vec<Cell>> {
    form.owners()
        .iter()
        .enumerate()
        .map(|(r, line)| {
            line.iter()
                .enumerate()
                .filter_map(|(c, owner)| {
                    let (start, i) = owner.unwrap();
                    let cell = form.cell((start, i));
                    (cell.column == c).then(|| {
                        let heading = start == 0;
                        let here = start == r;
                        Cell {
                            text: if here {
                                cell.text.clone()
                            } else {
                                String::new()
                            },
                            span: cell.columns as u64,
                            merge: match (here, cell.rows > 1) {
                                (false, _) => Some("continue".into()),
                                (true, true) => Some("restart".into()),
                                (true, false) => None,
                            },
                            align: (here && !cell.text.is_empty()).then(|| {
                                match (heading, cell.right) {
                                    (true, _) => "center",
                                    (false, true) => "right",
                                    (false, false) => "left",
                                }
                                .to_string()
                            }),
                        }
                    })
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_tables_are_word_tables_cell_by_cell_as_the_form_lays_them_out() {
    let home = tempfile::tempdir().unwrap();
    let file = tables_project(home.path());
    let doc = docx(home.path(), &file);
    let tables: Vec<&Value> = body(&doc)
        .iter()
        .filter(|c| c["type"] == "table")
        .map(|c| &c["data"])
        .collect();
    let forms = forms(&home.path().join(&file));
    assert_eq!(tables.len(), 2, "the funding block and the indicators");
    assert_eq!(tables.len(), forms.len());
    for (table, form) in tables.iter().zip(&forms) {
        assert_eq!(word_cells(table), form_cells(form));
    }
    let indicators = word_cells(tables[1]);
    // 产出指标 spans its two rows and its 小计; 数量指标 its two rows.
    assert_eq!(indicators[1][0].text, "产出指标");
    assert_eq!(indicators[1][0].merge.as_deref(), Some("restart"));
    assert_eq!(indicators[1][1].merge.as_deref(), Some("restart"));
    for row in &indicators[2..4] {
        assert_eq!(row[0].merge.as_deref(), Some("continue"));
    }
    // 总分 inside the table, its figure right-aligned.
    let total = indicators.iter().find(|row| row[0].text == "总分").unwrap();
    assert_eq!(total[1].text, "48.50");
    assert_eq!(total[1].align.as_deref(), Some("right"));
    // The table font is 小四 (12 pt), one size below the body.
    let first = &tables[1]["rows"][0]["data"]["cells"][0]["data"]["children"][0]["data"];
    assert_eq!(font(first).1, 24);

    // Around the tables, the paragraphs are the text export's: the
    // caption, the notes (注), the headings.
    let text_export = run(home.path(), &["export", &file]);
    let want: Vec<&str> = text_export
        .stdout
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(['+', '|']))
        .map(|l| l.trim_start_matches('\u{3000}'))
        .collect();
    let got: Vec<String> = paragraphs(&doc).into_iter().map(text).collect();
    assert_eq!(got, want);
}

/// The fonts of the body, a level-1 and a level-2 heading.
fn three_fonts(doc: &Value) -> [(String, u64, bool); 3] {
    [
        font(find(
            doc,
            "预算准确率有待提高。预算项目存在超支或节约的现象。",
        )),
        font(find(doc, "一、基本情况")),
        font(find(doc, "（一）机构人员情况")),
    ]
}

fn docx_with(home: &Path, file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["export", file, "--format", "docx", "-o", "styled.docx"];
    args.extend(extra);
    let out = run(home, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let bytes = fs::read(home.join("styled.docx")).unwrap();
    serde_json::from_str(&docx_rs::read_docx(&bytes).unwrap().json()).unwrap()
}

#[test]
fn fonts_are_data_a_builtin_style_a_users_file_and_a_template_block() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let standard = three_fonts(&docx_with(home.path(), &file, &[]));
    assert_eq!(standard[0], ("仿宋_GB2312".into(), 32, false));

    let common = three_fonts(&docx_with(home.path(), &file, &["--style", "common-fonts"]));
    assert_eq!(common[0], ("仿宋".into(), 32, false));
    assert_eq!(common[1], ("黑体".into(), 32, false), "as the default");
    assert_eq!(common[2], ("楷体".into(), 32, false));

    // A user's file of the default's name changes it for every export.
    let styles = home.path().join("config/styles");
    fs::create_dir_all(&styles).unwrap();
    fs::write(
        styles.join("gbt9704.json"),
        r#"{"inherits": "gbt9704", "headings": [{"bold": true}], "body": {"size": "小三"}}"#,
    )
    .unwrap();
    let mine = three_fonts(&docx_with(home.path(), &file, &[]));
    assert_eq!(mine[0], ("仿宋_GB2312".into(), 30, false));
    assert_eq!(mine[1], ("黑体".into(), 32, true), "level 1 bold");
    assert_eq!(
        mine[2],
        ("楷体_GB2312".into(), 32, false),
        "level 2 as it was"
    );

    // A template's block, carried in the project, over what it inherits.
    let mut project: Value =
        serde_json::from_str(&fs::read_to_string(home.path().join(&file)).unwrap()).unwrap();
    project["template"]["style"] =
        serde_json::json!({"inherits": "common-fonts", "headings": [{"font": "方正黑体"}]});
    fs::write(home.path().join("t.json"), project.to_string()).unwrap();
    let doc = docx_with(home.path(), "t.json", &[]);
    assert_eq!(font(find(&doc, "一、基本情况")).0, "方正黑体");
    assert_eq!(three_fonts(&doc)[2].0, "楷体", "from common-fonts");
}

#[test]
fn a_broken_style_is_named_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let file = sample(home.path());
    let styles = home.path().join("config/styles");
    fs::create_dir_all(&styles).unwrap();
    fs::write(styles.join("mine.json"), r#"{"body": {"size": "大号"}}"#).unwrap();
    for (style, says) in [("mine", "大号"), ("guangdong", "common-fonts")] {
        let out = run(
            home.path(),
            &[
                "export", &file, "--format", "docx", "--style", style, "-o", "x.docx",
            ],
        );
        assert_eq!(out.code, Some(2), "{style}");
        assert!(out.stderr.contains(says), "{style}: {}", out.stderr);
        assert!(!home.path().join("x.docx").exists(), "{style}");
    }
    let text = run(home.path(), &["export", &file, "--style", "common-fonts"]);
    assert_eq!(text.code, Some(2));
    assert!(text.stderr.contains("--format docx"), "{}", text.stderr);
}

/// The document's XML as Word reads it (docx-rs's reader skips header rows).
fn document_xml(file: &Path) -> String {
    let mut archive = zip::ZipArchive::new(fs::File::open(file).unwrap()).unwrap();
    std::io::read_to_string(archive.by_name("word/document.xml").unwrap()).unwrap()
}

#[test]
fn the_heading_rows_repeat_on_every_page_a_table_runs_onto() {
    let home = tempfile::tempdir().unwrap();
    let file = tables_project(home.path());
    docx(home.path(), &file);
    let xml = document_xml(&home.path().join("out.docx"));
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    let forms = forms(&home.path().join(&file));
    assert_eq!(tables.len(), forms.len());
    for (table, form) in tables.iter().zip(&forms) {
        let headings = form
            .rows
            .iter()
            .take_while(|r| r.kind == ziping::export::form::RowKind::Heading)
            .count();
        assert!(headings > 0, "{:?}", form.caption);
        // Row by row: the leading heading rows repeat, the others do not.
        let rows: Vec<bool> = table
            .split("<w:tr>")
            .skip(1)
            .map(|row| {
                row.split("</w:trPr>")
                    .next()
                    .unwrap()
                    .contains("<w:tblHeader")
            })
            .collect();
        assert_eq!(rows.len(), form.rows.len());
        let want: Vec<bool> = (0..rows.len()).map(|r| r < headings).collect();
        assert_eq!(rows, want, "{:?}", form.caption);
    }
}
