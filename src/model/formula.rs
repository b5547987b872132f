//! Formulas and check conditions written in templates, evaluated with the
//! Rhai expression engine (expressions only: no statements, loops or
//! function definitions). Numbers are exact decimals (`rust_decimal`): with
//! Rhai's `no_float` and `decimal` features a literal such as `0.8` is a
//! Decimal, never a binary float.
//!
//! A blank input makes a result blank rather than wrong: arithmetic or a
//! comparison involving a blank value is [`Outcome::Blank`], so a score is
//! not computed and a check is not judged until its figures are filled in.

use std::cell::RefCell;
use std::collections::HashMap;

use rhai::packages::{Package, StandardPackage};
use rhai::{AST, Array, Dynamic, Engine, EvalAltResult, ImmutableString, Map, Position, Scope};
use rust_decimal::Decimal;

mod stop;

pub use stop::{
    Limit, MAX_ARRAY_ITEMS, MAX_EXPRESSION_DEPTH, MAX_MAP_ENTRIES, MAX_OPERATIONS,
    MAX_STRING_BYTES, Problem,
};
use stop::{eval_problem, parse_problem};

use super::schema::Formula;
use super::target::{NOT_APPLICABLE, Op, QUALITATIVE, RANGE, Target};
use super::text::leading_number;
use super::value::Value;

/// The result of evaluating a formula.
#[derive(Debug, Clone)]
pub enum Outcome {
    Value(Dynamic),
    /// An input was blank, or the figures allow no answer (division by
    /// zero): nothing to show or to judge yet.
    Blank,
    /// A mistake in the template's formula, reported to the writer.
    Failed(FormulaError),
}

/// A mistake in a template's formula or check, found while computing. The
/// engine's own words are kept as `detail` (they name the position), for
/// the end of a message; what the writer is told comes from `problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormulaError {
    /// The formula does not compile.
    Syntax {
        formula: String,
        problem: Problem,
        detail: String,
    },
    /// It compiled but could not be evaluated with these figures.
    Eval {
        formula: String,
        problem: Problem,
        detail: String,
    },
    /// A column's formula gave something that is neither number nor text.
    NotAFigure(String),
    /// A check's condition gave something that is not true or false.
    NotBool { formula: String, value: String },
}

/// Raised by comparisons with a blank, which Rhai would otherwise answer
/// with `false` (and so judge a check on a value nobody typed yet).
const BLANK_MARK: &str = "\u{0}blank";

/// The two engines, sharing one standard package. Loading a template
/// checks every name a formula uses (strict variables); evaluating compiles
/// without that check, so a formula's compiled form does not depend on the
/// scope it first meets and can be cached by its source alone (a template
/// may name, say, a later table's total in a check's message).
struct Engines {
    strict: Engine,
    lenient: Engine,
}

thread_local! {
    // Built once per thread, and each formula is compiled once: a keystroke
    // in a table recomputes every figure of the report.
    static ENGINES: Engines = {
        let package = StandardPackage::new().as_shared_module();
        Engines {
            strict: engine(package.clone(), true),
            lenient: engine(package, false),
        }
    };
    static COMPILED: RefCell<HashMap<String, Compiled>> = RefCell::new(HashMap::new());
}

/// A formula compiled, or why not with the engine's words.
type Compiled = Result<AST, (Problem, String)>;

/// Compiled formulas kept at most: more than any set of templates holds, so
/// the cache only empties when something generates formulas without end.
const COMPILED_LIMIT: usize = 4_096;

fn engine(package: rhai::Shared<rhai::Module>, strict: bool) -> Engine {
    let mut engine = Engine::new_raw();
    engine.register_global_module(package);
    engine.set_strict_variables(strict);
    // Registered comparisons with a blank must win over Rhai's built-in
    // "different types are unequal".
    engine.set_fast_operators(false);
    // Guards against a runaway template (see [`Limit`]).
    engine.set_max_operations(MAX_OPERATIONS as u64);
    engine.set_max_expr_depths(MAX_EXPRESSION_DEPTH);
    engine.set_max_string_size(MAX_STRING_BYTES);
    engine.set_max_array_size(MAX_ARRAY_ITEMS);
    engine.set_max_map_size(MAX_MAP_ENTRIES);
    for op in ["==", "!=", "<", "<=", ">", ">="] {
        engine.register_fn(op, blank_compare::<(), ()>);
        engine.register_fn(op, blank_compare::<(), Decimal>);
        engine.register_fn(op, blank_compare::<Decimal, ()>);
        engine.register_fn(op, blank_compare::<(), i64>);
        engine.register_fn(op, blank_compare::<i64, ()>);
        engine.register_fn(op, blank_compare::<(), bool>);
        engine.register_fn(op, blank_compare::<bool, ()>);
    }
    engine.register_fn("is_blank", |value: Dynamic| value.is_unit());
    engine.register_fn("num", |text: ImmutableString| number_in(&text));
    engine.register_fn("num", |value: Dynamic| value);
    engine.register_fn("sum", |items: Array| total(items.into_iter()));
    engine.register_fn("sum", |items: Array, key: ImmutableString| {
        total(items.into_iter().map(|item| {
            item.read_lock::<Map>()
                .and_then(|map| map.get(key.as_str()).cloned())
                .unwrap_or(Dynamic::UNIT)
        }))
    });
    engine
}

fn blank_compare<A, B>(_: A, _: B) -> Result<bool, Box<EvalAltResult>> {
    Err(EvalAltResult::ErrorRuntime(BLANK_MARK.into(), Position::NONE).into())
}

/// The number a text starts with (`40个` → 40), or blank.
fn number_in(text: &str) -> Dynamic {
    leading_number(text).map_or(Dynamic::UNIT, |(n, _)| Dynamic::from(n))
}

/// The sum of the numbers among `items`; blanks are skipped (a blank 其他资金
/// row counts as nothing), anything else makes the sum blank.
fn total(items: impl Iterator<Item = Dynamic>) -> Dynamic {
    let mut sum = Decimal::ZERO;
    for item in items {
        match to_decimal(&item) {
            Some(n) => sum += n,
            None if item.is_unit() => {}
            None => return Dynamic::UNIT,
        }
    }
    Dynamic::from(sum)
}

/// A number from a formula's result: Decimal or integer.
pub fn to_decimal(value: &Dynamic) -> Option<Decimal> {
    value
        .clone()
        .try_cast::<Decimal>()
        .or_else(|| value.as_int().ok().map(Decimal::from))
}

/// Checks a formula's syntax and that every name it uses is one of `names`,
/// so a template mistake is found when the template is loaded.
pub fn compile_check(formula: &Formula, names: &[&str]) -> Result<(), String> {
    let mut scope = Scope::new();
    for name in names {
        scope.push_dynamic(*name, Dynamic::UNIT);
    }
    ENGINES.with(|engines| {
        engines
            .strict
            .compile_expression_with_scope(&scope, formula.source())
            .map(|_| ())
            .map_err(|e| {
                let words = match parse_problem(&e) {
                    Problem::UnknownName(name) => format!("公式中的名称“{name}”不存在"),
                    Problem::Limit(limit) => format!("公式嵌套过深（上限 {} 层）", limit.value()),
                    _ => "公式写法有误".to_string(),
                };
                format!("{words}（{e}）")
            })
    })
}

/// Evaluates a formula with the values in `scope`. The compiled form is
/// cached by source text: templates are data, so the same few dozen
/// formulas are evaluated over and over (once per row per keystroke). The
/// scope is borrowed mutably, not copied — it holds every table of the
/// report — and left as it was found.
pub fn eval(formula: &Formula, scope: &mut Scope<'static>) -> Outcome {
    let source = formula.source();
    ENGINES.with(|engines| {
        let engine = &engines.lenient;
        let compiled = COMPILED.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(found) = cache.get(&source) {
                return found.clone();
            }
            let compiled = engine
                .compile_expression(&source)
                .map_err(|e| (parse_problem(&e), e.to_string()));
            if cache.len() >= COMPILED_LIMIT {
                cache.clear();
            }
            cache.insert(source.clone(), compiled.clone());
            compiled
        });
        let ast = match compiled {
            Ok(ast) => ast,
            Err((problem, detail)) => {
                return Outcome::Failed(FormulaError::Syntax {
                    formula: source,
                    problem,
                    detail,
                });
            }
        };
        let names = scope.len();
        let result = engine.eval_ast_with_scope::<Dynamic>(scope, &ast);
        scope.rewind(names);
        match result {
            Ok(value) if value.is_unit() => Outcome::Blank,
            Ok(value) => Outcome::Value(value),
            Err(e) if is_blank_error(&e) => Outcome::Blank,
            Err(e) => Outcome::Failed(FormulaError::Eval {
                formula: source,
                problem: eval_problem(&e),
                detail: e.to_string(),
            }),
        }
    })
}

fn is_blank_error(error: &EvalAltResult) -> bool {
    match error {
        EvalAltResult::ErrorRuntime(value, _) => value.to_string() == BLANK_MARK,
        EvalAltResult::ErrorFunctionNotFound(signature, _) => signature.contains("()"),
        EvalAltResult::ErrorMismatchDataType(_, actual, _) => actual == "()",
        EvalAltResult::ErrorDotExpr(message, _) => message.contains("'()'"),
        // Division by zero or overflow: the figures give no answer.
        EvalAltResult::ErrorArithmetic(..) => true,
        _ => false,
    }
}

/// How a typed value appears in formulas: numbers as Decimal, text as a
/// string, a target as a map `#{op, value, unit}` (or `#{op: "定性", text}`);
/// a blank text is `""` and any other blank is `()`.
pub fn to_dynamic(value: Option<&Value>, text_kind: bool) -> Dynamic {
    let Some(value) = value else {
        return if text_kind {
            Dynamic::from("")
        } else {
            Dynamic::UNIT
        };
    };
    match value {
        Value::Text(s) | Value::Choice(s) => Dynamic::from(s.clone()),
        // An array, so a formula asks `"自评" in 评价方式`.
        Value::Choices(chosen) => {
            Dynamic::from_array(chosen.iter().cloned().map(Dynamic::from).collect())
        }
        Value::Integer(n) => Dynamic::from(Decimal::from(*n)),
        Value::Decimal(d) => Dynamic::from(*d),
        Value::Year(y) => Dynamic::from(i64::from(*y)),
        Value::Date(d) => Dynamic::from(d.to_string()),
        Value::Target(t) => Dynamic::from(target_map(t)),
    }
}

/// A target as formulas see it: `#{op, value, unit, stated}` (`op` one of
/// `≥ ≤ = > <`; a bare figure read outside an indicator table's `reading`
/// counts as `≥`, with `stated` false), `#{op: "范围", low, high, unit}`,
/// `#{op: "定性", text}` or `#{op: "无"}` for a target marked not
/// applicable.
pub fn target_map(target: &Target) -> Map {
    let mut map = Map::new();
    match target {
        Target::Quantity { op, value, unit } => {
            map.insert(
                "op".into(),
                Dynamic::from(op.unwrap_or(Op::AtLeast).symbol()),
            );
            map.insert("value".into(), Dynamic::from(*value));
            map.insert("unit".into(), Dynamic::from(unit.clone()));
            map.insert("stated".into(), Dynamic::from(op.is_some()));
        }
        Target::Range { low, high, unit } => {
            map.insert("op".into(), Dynamic::from(RANGE));
            map.insert("low".into(), Dynamic::from(*low));
            map.insert("high".into(), Dynamic::from(*high));
            map.insert("unit".into(), Dynamic::from(unit.clone()));
        }
        Target::Quality(words) => {
            map.insert("op".into(), Dynamic::from(QUALITATIVE));
            map.insert("text".into(), Dynamic::from(words.clone()));
        }
        Target::NotApplicable(_) => {
            map.insert("op".into(), Dynamic::from(NOT_APPLICABLE));
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str, scope: &Scope<'static>) -> String {
        let mut scope = scope.clone();
        let names = scope.len();
        let outcome = eval(&Formula::Line(source.into()), &mut scope);
        assert_eq!(scope.len(), names, "eval leaves the scope as it found it");
        match outcome {
            Outcome::Value(v) => v.to_string(),
            Outcome::Blank => "blank".into(),
            Outcome::Failed(_) => "failed".into(),
        }
    }

    #[test]
    fn blanks_propagate_instead_of_answering_false() {
        let mut scope = Scope::new();
        scope.push_dynamic("blank", Dynamic::UNIT);
        scope.push("a", Decimal::new(85, 0));
        scope.push("words", "");
        let cases = [
            ("a / 100 * 10", "8.50"),
            ("blank >= 90", "blank"),
            ("a >= blank", "blank"),
            ("a == blank", "blank"),
            ("blank <= blank", "blank"),
            ("blank || true", "blank"),
            ("a / 0", "blank"),
            ("blank.op", "blank"),
            ("is_blank(blank) || a > 90", "true"),
            ("sum([a, blank, 15])", "100"),
            ("num(\"40个\") + 1", "41"),
            ("words != \"\"", "false"),
            ("a.nope()", "failed"),
        ];
        for (source, want) in cases {
            assert_eq!(run(source, &scope), want, "{source}");
        }
    }

    fn stopped_by(source: &str) -> Problem {
        match eval(&Formula::Line(source.into()), &mut Scope::new()) {
            Outcome::Failed(FormulaError::Eval { problem, .. }) => problem,
            Outcome::Failed(FormulaError::Syntax { problem, .. }) => problem,
            other => panic!("{source}: {other:?}"),
        }
    }

    #[test]
    fn bombs_are_stopped_by_a_limit_at_once() {
        let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        let cases = [
            (r#""a".pad(3000000000, "b")"#, Limit::StringSize),
            (r#""a".pad(3000000000, 'b')"#, Limit::StringSize),
            (r#""a".pad(2000000, "b").len()"#, Limit::StringSize),
            ("[].pad(3000000000, 0).len()", Limit::ArraySize),
            ("[].pad(50000, #{a: 1, b: 2, c: 3}).len()", Limit::MapSize),
            (deep.as_str(), Limit::ExpressionDepth),
        ];
        for (source, limit) in cases {
            let started = std::time::Instant::now();
            assert_eq!(stopped_by(source), Problem::Limit(limit), "{source}");
            // Generous for a debug build on a busy machine; without the
            // limits the first one took 47 s (the bench has the figures).
            assert!(started.elapsed().as_secs() < 5, "{source}: too slow");
        }
        // Within the limits, texts and tables far larger than reports'
        // have work.
        let mut scope = Scope::new();
        scope.push("text", "字".repeat(100_000));
        let row: Map = (0..20)
            .map(|i| (i.to_string().into(), Dynamic::UNIT))
            .collect();
        scope.push("rows", vec![Dynamic::from(row); 2_000]);
        let within = "(text + text).len() + (rows + rows).len()";
        assert_eq!(run(within, &scope), "204000");
    }

    #[test]
    fn engine_errors_are_sorted_into_what_a_message_explains() {
        let mut scope = Scope::new();
        scope.push("a", Decimal::new(85, 0));
        let cases = [
            (
                "a.nope()",
                Problem::UnknownFunction("nope (decimal)".into()),
            ),
            ("[1][5]", Problem::OutOfBounds),
        ];
        for (source, want) in cases {
            let Outcome::Failed(FormulaError::Eval { problem, .. }) =
                eval(&Formula::Line(source.into()), &mut scope.clone())
            else {
                panic!("{source}: not an evaluation error");
            };
            assert_eq!(problem, want, "{source}");
        }
        let err = compile_check(&Formula::Line("actual / budjet".into()), &["actual"])
            .expect_err("unknown name");
        assert!(err.starts_with("公式中的名称“budjet”不存在（"), "{err}");
        assert!(err.ends_with('）'), "{err}");
    }

    #[test]
    fn a_formula_met_first_where_a_name_is_missing_still_works_where_it_is_not() {
        // The compiled form is cached by source: it must not remember the
        // scope it first met (a check's message may name a later table).
        let narrow = Scope::new();
        assert_eq!(run("later_total + 1", &narrow), "failed");
        let mut wide = Scope::new();
        wide.push("later_total", Decimal::new(4, 0));
        assert_eq!(run("later_total + 1", &wide), "5");
    }

    #[test]
    fn unknown_names_are_found_when_compiling() {
        let formula = Formula::Line("actual / budjet".into());
        let err = compile_check(&formula, &["actual", "budget"]).expect_err("typo");
        assert!(err.contains("budjet"), "{err}");
        assert!(compile_check(&formula, &["actual", "budjet"]).is_ok());
        let statement = Formula::Line("let x = 1".into());
        assert!(compile_check(&statement, &[]).is_err());
    }

    #[test]
    fn formulas_may_be_written_as_lines() {
        let json = r#"["if 1 > 0 {", "  2", "} else { 3 }"]"#;
        let formula: Formula = serde_json::from_str(json).expect("lines");
        assert_eq!(run(&formula.source(), &Scope::new()), "2");
    }
}
