//! Where Word keeps text that a reader of paragraphs and plain cells would
//! miss, each as Word or WPS writes it (docx-rs's writer, read back by its
//! reader, the same path as a user's file).

use docx_rs::{
    Delete, Docx, Hyperlink, HyperlinkType, Insert, Paragraph, Run, StructuredDataTag, Style,
    StyleType, Table, TableCell, TableRow,
};

use super::pieces;
use crate::import::Piece;

fn run(text: &str) -> Run {
    Run::new().add_text(text)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text))
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(para(text))
}

fn read(docx: Docx) -> Vec<Piece> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .expect("docx-rs writes the file");
    pieces(bytes.get_ref()).expect("the file reads")
}

/// A 目录 line as Word writes it: a link to the heading's `_Toc` bookmark.
fn toc_entry(words: &str) -> Paragraph {
    Paragraph::new()
        .add_hyperlink(Hyperlink::new("_Toc1571", HyperlinkType::Anchor).add_run(run(words)))
}

#[test]
fn text_is_read_wherever_word_keeps_it() {
    let cases: Vec<(&str, Docx, Vec<Piece>)> = vec![
        (
            "a hyperlink in the middle of a sentence",
            Docx::new().add_paragraph(
                para("详见")
                    .add_hyperlink(
                        Hyperlink::new("https://czj.example.gov.cn", HyperlinkType::External)
                            .add_run(run("区财政局网站")),
                    )
                    .add_run(run("公开的决算。")),
            ),
            vec![Piece::para("详见区财政局网站公开的决算。")],
        ),
        (
            "a content control around a heading and a table (a WPS form)",
            Docx::new()
                .add_paragraph(para("一、部门概况"))
                .add_structured_data_tag(
                    StructuredDataTag::new()
                        .add_paragraph(para("（一）部门职责"))
                        .add_table(Table::new(vec![TableRow::new(vec![
                            cell("年度预算"),
                            cell("1200.5"),
                        ])])),
                ),
            vec![
                Piece::para("一、部门概况"),
                Piece::para("（一）部门职责"),
                Piece::table(&[&["年度预算", "1200.5"]]),
            ],
        ),
        (
            // docx-rs's reader puts such runs among the paragraph's own.
            "a content control inside a sentence",
            Docx::new().add_paragraph(
                para("全年支出")
                    .add_structured_data_tag(StructuredDataTag::new().add_run(run("1180.2")))
                    .add_run(run("万元。")),
            ),
            vec![Piece::para("全年支出1180.2万元。")],
        ),
        (
            "a content control and a table inside cells",
            Docx::new().add_table(Table::new(vec![TableRow::new(vec![
                TableCell::new()
                    .add_structured_data_tag(StructuredDataTag::new().add_run(run("95.5"))),
                TableCell::new()
                    .add_paragraph(para("产出指标"))
                    .add_table(Table::new(vec![
                        TableRow::new(vec![cell("数量指标"), cell("3个")]),
                        TableRow::new(vec![cell("质量指标"), cell("")]),
                    ])),
            ])])),
            vec![Piece::table(&[&[
                "95.5",
                "产出指标\n数量指标　3个\n质量指标",
            ]])],
        ),
        (
            "tracked changes: what was inserted stays, what was deleted goes",
            Docx::new().add_paragraph(
                para("预算")
                    .add_delete(Delete::new().add_run(Run::new().add_delete_text("执行")))
                    .add_insert(Insert::new(run("完成")))
                    .add_run(run("率98%。")),
            ),
            vec![Piece::para("预算完成率98%。")],
        ),
        (
            "an automatic 目录 in its content control, and an entry outside one",
            Docx::new()
                .add_structured_data_tag(
                    StructuredDataTag::new()
                        .add_paragraph(para("目录"))
                        .add_paragraph(toc_entry("一、部门基本情况\t1")),
                )
                .add_paragraph(toc_entry("二、绩效自评情况\t3"))
                .add_paragraph(para("一、部门基本情况")),
            vec![Piece::para("一、部门基本情况")],
        ),
        (
            "a 目录 without links (Word's 'use hyperlinks' off), known by its styles",
            Docx::new()
                .add_style(Style::new("a6", StyleType::Paragraph).name("TOC Heading"))
                .add_style(Style::new("10", StyleType::Paragraph).name("toc 1"))
                .add_paragraph(para("目录").style("a6"))
                .add_paragraph(para("一、部门基本情况\t1").style("10"))
                .add_paragraph(para("一、部门基本情况")),
            vec![Piece::para("一、部门基本情况")],
        ),
        (
            "a cross-reference to a heading inside a sentence is read",
            Docx::new().add_paragraph(
                para("详见")
                    .add_hyperlink(
                        Hyperlink::new("_Toc1571", HyperlinkType::Anchor)
                            .add_run(run("二、绩效自评情况")),
                    )
                    .add_run(run("。")),
            ),
            vec![Piece::para("详见二、绩效自评情况。")],
        ),
        (
            "a content control left unfilled shows its prompt, which is no text",
            Docx::new()
                .add_style(Style::new("a5", StyleType::Character).name("Placeholder Text"))
                .add_paragraph(para("填报人："))
                .add_structured_data_tag(
                    StructuredDataTag::new().add_run(run("单击或点击此处输入文字。").style("a5")),
                )
                .add_table(Table::new(vec![TableRow::new(vec![
                    cell("联系电话"),
                    TableCell::new().add_structured_data_tag(
                        StructuredDataTag::new()
                            .add_run(run("单击或点击此处输入文字。").style("a5")),
                    ),
                ])])),
            vec![Piece::para("填报人："), Piece::table(&[&["联系电话", ""]])],
        ),
    ];
    for (what, docx, expected) in cases {
        assert_eq!(read(docx), expected, "{what}");
    }
}
