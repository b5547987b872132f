//! The sentences made from the model's typed values: findings, value
//! errors, what a field expects. The model only says what it found; this
//! words it. Template text (labels, a check's own message) stays as the
//! template wrote it.

use super::formulas::formula_error;
use super::values::{expectation, number, value_error};
use crate::lang::Lang;
use crate::model::finding::FindingKind;
use crate::model::lint::{Lint, NumberSlip};
use crate::model::schema::Severity;

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => lang.pick("错误", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
        Severity::Notice => lang.pick("提示", "notice"),
    }
}

fn lint(l: &Lint, lang: Lang) -> String {
    match (l, lang) {
        // The bracket slip alone keeps the sentence it always had.
        (
            Lint::DocumentNumber {
                found,
                fixed,
                slips,
            },
            Lang::Zh,
        ) if slips == &[NumberSlip::Brackets] => {
            format!("文号年份“{found}”应使用六角括号，写作“{fixed}”")
        }
        (
            Lint::DocumentNumber {
                found,
                fixed,
                slips,
            },
            Lang::En,
        ) if slips == &[NumberSlip::Brackets] => {
            format!("The year in the document number \"{found}\" takes 〔〕: write \"{fixed}\"")
        }
        (
            Lint::DocumentNumber {
                found,
                fixed,
                slips,
            },
            Lang::Zh,
        ) => {
            let what: Vec<&str> = slips.iter().map(|s| number_slip(*s, lang)).collect();
            format!("文号“{found}”{}，应写作“{fixed}”", what.join("，"))
        }
        (
            Lint::DocumentNumber {
                found,
                fixed,
                slips,
            },
            Lang::En,
        ) => {
            let what: Vec<&str> = slips.iter().map(|s| number_slip(*s, lang)).collect();
            format!(
                "The document number \"{found}\" {}: write \"{fixed}\"",
                what.join(", ")
            )
        }
        (Lint::ControlCharacters, Lang::Zh) => {
            "含有控制字符（如 ESC），导出后可能显示为乱码，请删除".into()
        }
        (Lint::ControlCharacters, Lang::En) => {
            "Contains control characters (such as ESC) that export as garbage; delete them".into()
        }
    }
}

/// What a finding's fixing command is called with its key, after the
/// finding's sentence: `；按 Alt-N 删除这些编号`.
pub fn fix_key(kind: &FindingKind, key: &str, lang: Lang) -> Option<String> {
    match (kind, lang) {
        (FindingKind::TypedNumbers { .. }, Lang::Zh) => {
            Some(format!("；在编辑器中按 {key} 删除这些编号"))
        }
        (FindingKind::TypedNumbers { .. }, Lang::En) => {
            Some(format!("; press {key} in the editor to remove them"))
        }
        _ => None,
    }
}

/// The same, shorter, before the sentence where a line may be cut (the
/// editor's message line): `按 Alt-N 删除编号：`.
pub fn fix_key_lead(kind: &FindingKind, key: &str, lang: Lang) -> Option<String> {
    match (kind, lang) {
        (FindingKind::TypedNumbers { .. }, Lang::Zh) => Some(format!("按 {key} 删除编号：")),
        (FindingKind::TypedNumbers { .. }, Lang::En) => Some(format!("{key} removes them: ")),
        _ => None,
    }
}

/// One slip of a document number, as part of its sentence.
fn number_slip(slip: NumberSlip, lang: Lang) -> &'static str {
    match slip {
        NumberSlip::Brackets => lang.pick("年份应使用六角括号〔〕", "takes 〔〕 around the year"),
        NumberSlip::Unclosed => {
            lang.pick("年份缺少右括号“〕”", "lacks the closing 〕 after the year")
        }
        NumberSlip::Space => lang.pick("中间不应有空格", "has a space in it"),
    }
}

/// `第2条` / `item 2: ` before a list item's finding.
fn item(item: Option<usize>, lang: Lang) -> String {
    match (item, lang) {
        (None, _) => String::new(),
        (Some(n), Lang::Zh) => format!("第{n}条"),
        (Some(n), Lang::En) => format!("Item {n}: "),
    }
}

/// The sentence for a finding.
pub fn finding(kind: &FindingKind, lang: Lang) -> String {
    if let Some(sentence) = super::reading::finding(kind, lang) {
        return sentence;
    }
    match (kind, lang) {
        (FindingKind::Missing, Lang::Zh) => "此项必填".into(),
        (FindingKind::Missing, Lang::En) => "Required".into(),
        (FindingKind::Invalid { item: i, error }, _) => {
            format!("{}{}", item(*i, lang), value_error(error, lang))
        }
        (
            FindingKind::TooLong {
                item: i,
                count,
                max,
            },
            Lang::Zh,
        ) => {
            format!("{}共{count}字，超过{max}字上限", item(*i, lang))
        }
        (
            FindingKind::TooLong {
                item: i,
                count,
                max,
            },
            Lang::En,
        ) => {
            format!(
                "{}{count} characters, over the limit of {max}",
                item(*i, lang)
            )
        }
        (
            FindingKind::Rounded {
                typed,
                exact,
                shown,
                decimals,
            },
            Lang::Zh,
        ) => format!("填写的“{typed}”按{decimals}位小数显示为“{shown}”，计算仍用原值{exact}"),
        (
            FindingKind::Rounded {
                typed,
                exact,
                shown,
                decimals,
            },
            Lang::En,
        ) => format!(
            "\"{typed}\" is shown with {decimals} decimals as \"{shown}\"; figures are computed from the exact {exact}"
        ),
        (FindingKind::TypedNumbers { items, example }, Lang::Zh) => {
            let items: Vec<String> = items.iter().map(ToString::to_string).collect();
            format!(
                "第{}条开头有手输的编号（如“{example}”），导出时改用自动编号，不会重复",
                items.join("、")
            )
        }
        (FindingKind::TypedNumbers { items, example }, Lang::En) => {
            let items: Vec<String> = items.iter().map(ToString::to_string).collect();
            let (which, start) = if items.len() == 1 {
                ("Item", "starts")
            } else {
                ("Items", "start")
            };
            format!(
                "{which} {} {start} with a typed number (such as \"{example}\"); the export numbers them itself, without repeating",
                items.join(", ")
            )
        }
        (FindingKind::Figure { item, issue }, _) => super::figures::finding(*item, issue, lang),
        (FindingKind::Lint { item: i, lint: l }, _) => {
            format!("{}{}", item(*i, lang), lint(l, lang))
        }
        (FindingKind::WrongType { found, expected }, Lang::Zh) => {
            format!(
                "文件中的值 {found} 类型不对，应为{}",
                expectation(expected, lang)
            )
        }
        (FindingKind::WrongType { found, expected }, Lang::En) => format!(
            "The value {found} in the file has the wrong type; expected {}",
            expectation(expected, lang)
        ),
        (FindingKind::TableUnreadable, Lang::Zh) => {
            "文件中的表格数据无法读取，应为 {\"rows\": …}；原内容已保留".into()
        }
        (FindingKind::TableUnreadable, Lang::En) => {
            "The table in the file cannot be read (expected {\"rows\": …}); it is kept as it is"
                .into()
        }
        (FindingKind::TableShape { fixed_rows }, Lang::Zh) => {
            let shape = if *fixed_rows {
                "按行 id 存放"
            } else {
                "为列表"
            };
            format!("表格的行应{shape}，文件中的形状不对；原内容已保留")
        }
        (FindingKind::TableShape { fixed_rows }, Lang::En) => {
            let shape = if *fixed_rows {
                "keyed by row id"
            } else {
                "a list"
            };
            format!("The table's rows should be {shape}; the file has another shape, kept as it is")
        }
        (FindingKind::UnusedCell { column }, Lang::Zh) => {
            format!("此行没有“{column}”，填写的内容不会使用")
        }
        (FindingKind::UnusedCell { column }, Lang::En) => {
            format!("This row has no \"{column}\"; what is typed there is not used")
        }
        (FindingKind::ComputedTyped { column }, Lang::Zh) => {
            format!("“{column}”由公式计算，请勿填写")
        }
        (FindingKind::ComputedTyped { column }, Lang::En) => {
            format!("\"{column}\" is computed; do not type into it")
        }
        (
            FindingKind::WrongSubgroup {
                sub,
                group,
                allowed,
                open: false,
            },
            Lang::Zh,
        ) => {
            format!("“{sub}”不属于“{group}”，应为：{}", allowed.join("、"))
        }
        (
            FindingKind::WrongSubgroup {
                sub,
                group,
                allowed,
                open: false,
            },
            Lang::En,
        ) => format!(
            "\"{sub}\" is not part of \"{group}\"; expected one of: {}",
            allowed.join(", ")
        ),
        (
            FindingKind::WrongSubgroup {
                sub,
                group,
                allowed,
                open: true,
            },
            Lang::Zh,
        ) => format!(
            "“{sub}”不是模板为“{group}”列出的二级指标（{}），按表中所写计入",
            allowed.join("、")
        ),
        (
            FindingKind::WrongSubgroup {
                sub,
                group,
                allowed,
                open: true,
            },
            Lang::En,
        ) => format!(
            "The template does not list \"{sub}\" among the second-level indicators under \"{group}\" ({}); it is used as written",
            allowed.join(", ")
        ),
        (
            FindingKind::UnusualLabel {
                label,
                column,
                usual,
            },
            Lang::Zh,
        ) => format!(
            "“{label}”不是模板列出的{column}（{}），按表中所写计入",
            usual.join("、")
        ),
        (
            FindingKind::UnusualLabel {
                label,
                column,
                usual,
            },
            Lang::En,
        ) => format!(
            "The template does not list \"{label}\" among its {column} ({}); it is used as written",
            usual.join(", ")
        ),
        (
            FindingKind::GroupWeightsDiffer {
                group,
                weight,
                others,
            },
            Lang::Zh,
        ) => format!(
            "“{group}”的分值写法不一：按{}计，另有{}",
            number(weight),
            others.iter().map(number).collect::<Vec<_>>().join("、")
        ),
        (
            FindingKind::GroupWeightsDiffer {
                group,
                weight,
                others,
            },
            Lang::En,
        ) => format!(
            "The group \"{group}\" is given different weights: {} counts, also written {}",
            number(weight),
            others.iter().map(number).collect::<Vec<_>>().join(", ")
        ),
        (
            FindingKind::ScoreBelowRule {
                typed,
                rule,
                floor: None,
            },
            Lang::Zh,
        ) => format!("填写的得分{typed}低于按规则计算的得分{rule}，按填写的得分计"),
        (
            FindingKind::ScoreBelowRule {
                typed,
                rule,
                floor: None,
            },
            Lang::En,
        ) => format!(
            "The score typed {typed} is below the {rule} the rules give; the typed score counts"
        ),
        (
            FindingKind::ScoreBelowRule {
                typed,
                rule,
                floor: Some(floor),
            },
            Lang::Zh,
        ) => format!("填写的得分{typed}低于按规则计算的得分{floor}至{rule}，按填写的得分计"),
        (
            FindingKind::ScoreBelowRule {
                typed,
                rule,
                floor: Some(floor),
            },
            Lang::En,
        ) => format!(
            "The score typed {typed} is below the {floor} to {rule} the rules give; the typed score counts"
        ),
        (
            FindingKind::DeductionUnexplained {
                typed,
                rule,
                reason,
            },
            Lang::Zh,
        ) => format!("得分{typed}低于按规则计算的{rule}，请在“{reason}”中说明扣分原因"),
        (
            FindingKind::DeductionUnexplained {
                typed,
                rule,
                reason,
            },
            Lang::En,
        ) => format!(
            "The score {typed} is below the {rule} the rules give: please give the reason for the deduction in \"{reason}\""
        ),
        (FindingKind::ScoreAboveRule { typed, rule }, Lang::Zh) => {
            format!("填写的得分{typed}高于按规则计算的得分{rule}，请改正")
        }
        (FindingKind::ScoreAboveRule { typed, rule }, Lang::En) => {
            format!("The score typed {typed} is above the {rule} the rules give: please correct it")
        }
        (FindingKind::Formula { template, error }, Lang::Zh) => format!(
            "模板“{}”（{}）的公式出错，请修改模板：{}",
            template.name,
            template.id,
            formula_error(error, lang)
        ),
        (FindingKind::Formula { template, error }, Lang::En) => format!(
            "A formula of the template \"{}\" ({}) failed; please fix the template: {}",
            template.name,
            template.id,
            formula_error(error, lang)
        ),
        (FindingKind::Check { zh, .. }, Lang::Zh) => zh.clone(),
        (FindingKind::Check { zh, en }, Lang::En) => en.clone().unwrap_or_else(|| zh.clone()),
        (FindingKind::Orphan, Lang::Zh) => "模板中没有这个字段，它的内容已保留但不会导出".into(),
        (FindingKind::Orphan, Lang::En) => {
            "The template has no such field; its content is kept but not exported".into()
        }
        (FindingKind::Unplaced { row, column: None }, Lang::Zh) => {
            format!("模板中没有“{row}”这一行，它的内容已保留但不会显示或导出")
        }
        (FindingKind::Unplaced { row, column: None }, Lang::En) => format!(
            "The template has no row \"{row}\"; its content is kept but not shown or exported"
        ),
        (
            FindingKind::Unplaced {
                row,
                column: Some(c),
            },
            Lang::Zh,
        ) => {
            format!("第“{row}”行的“{c}”列不在模板中，内容已保留但不会显示或导出")
        }
        (
            FindingKind::Unplaced {
                row,
                column: Some(c),
            },
            Lang::En,
        ) => format!(
            "Row \"{row}\" has a column \"{c}\" the template does not; it is kept but not shown or exported"
        ),
        (FindingKind::Carried, Lang::Zh) => {
            "沿用去年的文字，尚未修改；请按今年的情况改写，或确认不变".into()
        }
        (FindingKind::Carried, Lang::En) => {
            "Kept from last year and not edited yet: rewrite it for this year, or confirm it unchanged".into()
        }
        (
            FindingKind::Held {
                index,
                reason,
                under,
                preview,
            },
            _,
        ) => super::import::held_notice(*index, *reason, under.as_deref(), preview, lang),
        // Worded by the reading's sentences above.
        (
            FindingKind::TargetDefault { .. }
            | FindingKind::TargetNotApplicable { .. }
            | FindingKind::ActualMissing
            | FindingKind::ActualUnknown { .. }
            | FindingKind::UnitsDiffer { .. },
            _,
        ) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_severity_has_a_word_in_both_languages() {
        let words: Vec<(&str, &str)> = [Severity::Error, Severity::Warning, Severity::Notice]
            .into_iter()
            .map(|s| (severity(s, Lang::Zh), severity(s, Lang::En)))
            .collect();
        assert_eq!(
            words,
            vec![("错误", "error"), ("警告", "warning"), ("提示", "notice")]
        );
    }

    #[test]
    fn document_number_slips_are_named() {
        let lints = |text: &str, lang: Lang| -> Vec<String> {
            crate::model::lint::prose(text)
                .iter()
                .map(|l| lint(l, lang))
                .collect()
        };
        let cases = [
            (
                "湘财预[2018]3号",
                "文号年份“[2018]3号”应使用六角括号，写作“〔2018〕3号”",
                "The year in the document number \"[2018]3号\" takes 〔〕: write \"〔2018〕3号\"",
            ),
            (
                "湘政发〔2019〕65 号",
                "文号“〔2019〕65 号”中间不应有空格，应写作“〔2019〕65号”",
                "The document number \"〔2019〕65 号\" has a space in it: write \"〔2019〕65号\"",
            ),
            (
                "湘办发〔201910号",
                "文号“〔201910号”年份缺少右括号“〕”，应写作“〔2019〕10号”",
                "The document number \"〔201910号\" lacks the closing 〕 after the year: write \"〔2019〕10号\"",
            ),
            (
                "湘办发［201910 号",
                "文号“［201910 号”年份应使用六角括号〔〕，年份缺少右括号“〕”，中间不应有空格，应写作“〔2019〕10号”",
                "The document number \"［201910 号\" takes 〔〕 around the year, lacks the closing 〕 after the year, has a space in it: write \"〔2019〕10号\"",
            ),
        ];
        for (text, zh, en) in cases {
            assert_eq!(lints(text, Lang::Zh), vec![zh.to_string()], "{text}");
            assert_eq!(lints(text, Lang::En), vec![en.to_string()], "{text}");
        }
    }
}
