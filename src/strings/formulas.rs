//! The sentences for a template's formula that failed: which formula, what
//! stopped it (a limit with its value, an unknown name …), and where: the
//! Chinese sentence names the line and character from the engine's
//! position, never its English words; the English one ends with them.

use crate::lang::Lang;
use crate::model::formula::{FormulaError, Limit, Problem};

/// The guard a formula went over, with its value.
fn limit(l: Limit, lang: Lang) -> String {
    let n = l.value();
    match (l, lang) {
        (Limit::Operations, Lang::Zh) => format!("运算次数上限（{n} 次）"),
        (Limit::Operations, Lang::En) => format!("the limit of {n} operations"),
        (Limit::ExpressionDepth, Lang::Zh) => format!("嵌套层数上限（{n} 层）"),
        (Limit::ExpressionDepth, Lang::En) => format!("the limit of {n} levels of nesting"),
        (Limit::StringSize, Lang::Zh) => format!("文字长度上限（{n} 字节）"),
        (Limit::StringSize, Lang::En) => format!("the limit of {n} bytes of text"),
        (Limit::ArraySize, Lang::Zh) => format!("列表长度上限（{n} 项）"),
        (Limit::ArraySize, Lang::En) => format!("the limit of {n} list items"),
        (Limit::MapSize, Lang::Zh) => format!("映射条目数上限（{n} 个）"),
        (Limit::MapSize, Lang::En) => format!("the limit of {n} map entries"),
    }
}

/// What stopped a formula, other than a limit.
fn problem(p: &Problem, lang: Lang) -> String {
    match (p, lang) {
        (Problem::Limit(l), Lang::Zh) => format!("超出{}", limit(*l, lang)),
        (Problem::Limit(l), Lang::En) => format!("over {}", limit(*l, lang)),
        (Problem::UnknownName(n), Lang::Zh) => format!("没有名为“{n}”的字段、表格或合计"),
        (Problem::UnknownName(n), Lang::En) => {
            format!("there is no field, table or total named \"{n}\"")
        }
        (Problem::UnknownFunction(f), Lang::Zh) => {
            format!("没有函数 {}，或它不接受这些类型的值", signature_zh(f))
        }
        (Problem::UnknownFunction(f), Lang::En) => {
            format!("there is no function {f}, or it does not take values of these kinds")
        }
        (Problem::WrongType { expected, found }, Lang::Zh) => format!(
            "值的类型不对，应为{}，实际是{}",
            kind_zh(expected),
            kind_zh(found)
        ),
        (Problem::WrongType { expected, found }, Lang::En) => {
            format!("a value has the wrong type: expected {expected}, found {found}")
        }
        (Problem::OutOfBounds, Lang::Zh) => "下标超出范围".into(),
        (Problem::OutOfBounds, Lang::En) => "an index is out of range".into(),
        (Problem::Other, Lang::Zh) => "写法或数据有误".into(),
        (Problem::Other, Lang::En) => "see the brackets".into(),
    }
}

/// A formula's source on one line, and cut short if long: a template's
/// formula may be written over lines, and a runaway one may be huge.
fn source(formula: &str) -> String {
    const SHOWN: usize = 60;
    let line = formula.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= SHOWN {
        return line;
    }
    let head: String = line.chars().take(SHOWN).collect();
    format!("{head}…")
}

/// The engine's own words, on one line, for the brackets at the end of
/// the English sentence.
fn detail(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where in the formula the engine stopped, for the end of the Chinese
/// sentence: `（第1行第5个字符处）`, taken from the engine's `(line 1,
/// position 5)`; nothing when it names no place. Its English words are
/// never shown in a Chinese sentence.
fn at(text: &str) -> String {
    let number = |key: &str| -> Option<usize> {
        let rest = &text[text.rfind(key)? + key.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    match (number("line "), number("position ")) {
        (Some(line), Some(column)) => format!("（第{line}行第{column}个字符处）"),
        (Some(line), None) => format!("（第{line}行）"),
        _ => String::new(),
    }
}

/// The engine's name of a kind of value, in Chinese.
fn kind_zh(name: &str) -> String {
    let words = [
        ("()", "空值"),
        ("bool", "真假值"),
        ("string", "文字"),
        ("ImmutableString", "文字"),
        ("char", "字符"),
        ("decimal", "数值"),
        ("Decimal", "数值"),
        ("rust_decimal::Decimal", "数值"),
        ("i64", "整数"),
        ("int", "整数"),
        ("map", "映射"),
        ("Map", "映射"),
        ("array", "列表"),
        ("Array", "列表"),
    ];
    let name = name.trim();
    words
        .iter()
        .find(|(en, _)| *en == name)
        .map_or_else(|| name.to_string(), |(_, zh)| (*zh).to_string())
}

/// A function's signature (`nope (decimal, string)`) with its kinds in
/// Chinese: `nope（数值, 文字）`.
fn signature_zh(signature: &str) -> String {
    let Some((name, args)) = signature.split_once('(') else {
        return signature.to_string();
    };
    let args: Vec<String> = args
        .trim_end_matches(')')
        .split(',')
        .filter(|a| !a.trim().is_empty())
        .map(kind_zh)
        .collect();
    format!("{}（{}）", name.trim(), args.join("，"))
}

/// Why a template's formula failed: the formula, what stopped it, and the
/// engine's own words in brackets at the end.
pub(super) fn formula_error(e: &FormulaError, lang: Lang) -> String {
    match (e, lang) {
        (
            FormulaError::Syntax {
                formula,
                problem: Problem::Other,
                detail: d,
            },
            Lang::Zh,
        ) => format!("公式“{}”写法有误{}", source(formula), at(d)),
        (
            FormulaError::Syntax {
                formula,
                problem: Problem::Other,
                detail: d,
            },
            Lang::En,
        ) => format!(
            "The formula \"{}\" is not written correctly ({})",
            source(formula),
            detail(d)
        ),
        (
            FormulaError::Syntax {
                formula,
                problem: p,
                detail: d,
            },
            Lang::Zh,
        ) => format!(
            "公式“{}”写法有误：{}{}",
            source(formula),
            problem(p, lang),
            at(d)
        ),
        (
            FormulaError::Syntax {
                formula,
                problem: p,
                detail: d,
            },
            Lang::En,
        ) => format!(
            "The formula \"{}\" is not written correctly: {} ({})",
            source(formula),
            problem(p, lang),
            detail(d)
        ),
        (
            FormulaError::Eval {
                formula,
                problem: Problem::Limit(l),
                detail: d,
            },
            Lang::Zh,
        ) => format!(
            "公式“{}”超出{}，已停止计算{}",
            source(formula),
            limit(*l, lang),
            at(d)
        ),
        (
            FormulaError::Eval {
                formula,
                problem: Problem::Limit(l),
                detail: d,
            },
            Lang::En,
        ) => format!(
            "The formula \"{}\" went over {} and was stopped ({})",
            source(formula),
            limit(*l, lang),
            detail(d)
        ),
        (
            FormulaError::Eval {
                formula,
                problem: Problem::Other,
                detail: d,
            },
            Lang::Zh,
        ) => format!("公式“{}”无法计算{}", source(formula), at(d)),
        (
            FormulaError::Eval {
                formula,
                problem: Problem::Other,
                detail: d,
            },
            Lang::En,
        ) => format!(
            "The formula \"{}\" cannot be computed ({})",
            source(formula),
            detail(d)
        ),
        (
            FormulaError::Eval {
                formula,
                problem: p,
                detail: d,
            },
            Lang::Zh,
        ) => format!(
            "公式“{}”无法计算：{}{}",
            source(formula),
            problem(p, lang),
            at(d)
        ),
        (
            FormulaError::Eval {
                formula,
                problem: p,
                detail: d,
            },
            Lang::En,
        ) => format!(
            "The formula \"{}\" cannot be computed: {} ({})",
            source(formula),
            problem(p, lang),
            detail(d)
        ),
        (FormulaError::NotAFigure(v), Lang::Zh) => format!("公式的结果 {v} 不是数值或文字"),
        (FormulaError::NotAFigure(v), Lang::En) => {
            format!("The formula gave {v}, which is neither a number nor text")
        }
        (FormulaError::NotBool { formula, value }, Lang::Zh) => {
            format!("检查条件“{}”的结果 {value} 不是真假值", source(formula))
        }
        (FormulaError::NotBool { formula, value }, Lang::En) => format!(
            "The check \"{}\" gave {value}, which is not true or false",
            source(formula)
        ),
    }
}
