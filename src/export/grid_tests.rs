use proptest::prelude::*;

use super::*;
use crate::export::form::{FormCell, FormColumn, FormRow};

fn cell(column: usize, columns: usize, rows: usize, text: &str) -> FormCell {
    FormCell {
        column,
        columns,
        rows,
        text: text.to_string(),
        right: false,
        label: false,
    }
}

fn row(kind: RowKind, title: &str, cells: Vec<FormCell>) -> FormRow {
    FormRow {
        kind,
        title: title.to_string(),
        cells,
    }
}

/// The example of the module's documentation.
fn example() -> Form {
    let heading = |h: &str| FormColumn {
        heading: Some(h.to_string()),
    };
    let figure = |column: usize, text: &str| FormCell {
        right: true,
        ..cell(column, 1, 1, text)
    };
    Form {
        caption: None,
        columns: vec![
            heading("一级指标"),
            heading("二级指标"),
            heading("三级指标"),
            heading("分值"),
        ],
        rows: vec![
            row(
                RowKind::Heading,
                "",
                vec![
                    cell(0, 1, 1, "一级指标"),
                    cell(1, 1, 1, "二级指标"),
                    cell(2, 1, 1, "三级指标"),
                    cell(3, 1, 1, "分值"),
                ],
            ),
            row(
                RowKind::Body,
                "第1行",
                vec![
                    cell(0, 1, 3, "产出指标"),
                    cell(1, 1, 2, "数量指标"),
                    cell(2, 1, 1, "培训党员人次"),
                    figure(3, "50.00"),
                ],
            ),
            row(
                RowKind::Body,
                "第2行",
                vec![cell(2, 1, 1, "培训场次"), figure(3, "10.00")],
            ),
            row(
                RowKind::Subtotal,
                "产出指标小计",
                vec![
                    FormCell {
                        label: true,
                        ..cell(1, 2, 1, "小计")
                    },
                    figure(3, "60.00"),
                ],
            ),
        ],
    }
}

#[test]
fn cells_spanning_rows_and_columns_are_drawn_as_on_the_form() {
    let want = "\
+----------+----------+--------------+-------+
| 一级指标 | 二级指标 | 三级指标     | 分值  |
+----------+----------+--------------+-------+
| 产出指标 | 数量指标 | 培训党员人次 | 50.00 |
|          |          +--------------+-------+
|          |          | 培训场次     | 10.00 |
|          +----------+--------------+-------+
|          | 小计                    | 60.00 |
+----------+-------------------------+-------+";
    assert_eq!(draw(&example(), None), want);
    // Wide enough already: a width changes nothing.
    assert_eq!(draw(&example(), Some(80)), want);
}

#[test]
fn a_narrower_width_wraps_text_inside_its_column_keeping_figures_whole() {
    let drawn = draw(&example(), Some(36));
    let want = "\
+--------+--------+--------+-------+
| 一级指 | 二级指 | 三级指 | 分值  |
| 标     | 标     | 标     |       |
+--------+--------+--------+-------+
| 产出指 | 数量指 | 培训党 | 50.00 |
| 标     | 标     | 员人次 |       |
|        |        +--------+-------+
|        |        | 培训场 | 10.00 |
|        |        | 次     |       |
|        +--------+--------+-------+
|        | 小计            | 60.00 |
+--------+-----------------+-------+";
    assert_eq!(drawn, want);
}

#[test]
fn too_narrow_a_width_lists_the_rows_and_says_so() {
    let want = "\
（此表在16列内排
不下，以下逐行列
出）
第1行
\u{3000}\u{3000}一级指标：产
\u{3000}\u{3000}出指标
\u{3000}\u{3000}二级指标：数
\u{3000}\u{3000}量指标
\u{3000}\u{3000}三级指标：培
\u{3000}\u{3000}训党员人次
\u{3000}\u{3000}分值：50.00
第2行
\u{3000}\u{3000}一级指标：产
\u{3000}\u{3000}出指标
\u{3000}\u{3000}二级指标：数
\u{3000}\u{3000}量指标
\u{3000}\u{3000}三级指标：培
\u{3000}\u{3000}训场次
\u{3000}\u{3000}分值：10.00
产出指标小计：分
值 60.00";
    assert_eq!(draw(&example(), Some(16)), want);
}

#[test]
fn ambiguous_characters_get_twins_of_one_width_everywhere() {
    let cases = [
        ("≥50个", ">=50个"),
        ("≦90万元", "<=90万元"),
        ("—", "－"),
        ("“好”与‘较好’", "「好」与『较好』"),
        ("等……", "等......"),
        ("①②⑳", "(1)(2)(20)"),
        ("第Ⅲ类", "第III类"),
        ("□是 ■否", "[ ]是 [x]否"),
        ("25℃", "25摄氏度"),
        ("§", "〓"),
        (
            "培训党员33016人次，占比56.7%",
            "培训党员33016人次，占比56.7%",
        ),
    ];
    for (text, want) in cases {
        let got = unambiguous(text);
        assert_eq!(got, want, "{text}");
        assert_eq!(got.width(), got.width_cjk(), "{got}");
    }
}

/// Cell texts as tables hold them: words, figures, comparators, blanks.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[产出效益满意度指标培训党员人次，。（）]{1,30}",
        "[≥≤=]?[0-9]{1,7}(\\.[0-9]{1,3})?(个|万元|%|人次)?",
        "[a-zA-Z0-9 ]{1,20}",
        "[—“”…·①Ω]{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the cells hold and whatever the width, every line of the
    /// grid is as wide as every other and fits the width; or the rows are
    /// listed, within the width too (one character may stand alone wider
    /// than nothing else allows).
    #[test]
    fn a_drawn_table_fits_its_width(
        texts in proptest::collection::vec(text(), 9),
        width in 8usize..120,
    ) {
        let mut form = example();
        for (n, c) in form.rows.iter_mut().flat_map(|r| r.cells.iter_mut()).enumerate() {
            c.text = texts[n % texts.len()].clone();
        }
        let drawn = draw(&form, Some(width));
        let lines: Vec<&str> = drawn.lines().collect();
        if lines[0].starts_with('+') {
            for line in &lines {
                prop_assert_eq!(line.width(), lines[0].width(), "{}", drawn);
                prop_assert!(line.width() <= width, "{}", drawn);
                prop_assert_eq!(line.width(), line.width_cjk(), "{}", drawn);
            }
        } else {
            for line in &lines {
                prop_assert!(line.width() <= width.max(INDENT.width() + 2), "{}", drawn);
            }
        }
    }
}
