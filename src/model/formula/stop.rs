//! Why the engine stopped a formula, sorted into the kinds a message can
//! explain, and the limits that stop a runaway template. A leaf: the
//! engine in [`super`] sets the limits and sorts its errors with these.

use rhai::EvalAltResult;

/// What stopped a formula, in the kinds a message can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It went over one of the guards against a runaway template.
    Limit(Limit),
    /// A name that is not a field, table or summary line.
    UnknownName(String),
    /// A function that does not exist for these kinds of values
    /// (`nope (Decimal)`).
    UnknownFunction(String),
    /// A value of the wrong kind: what was wanted, what was there.
    WrongType { expected: String, found: String },
    /// An index past the end of a list or a text.
    OutOfBounds,
    /// Anything else: only the engine's own words say what.
    Other,
}

/// The guards against a runaway template: a formula that would run for
/// minutes and take gigabytes (`"a".pad(3000000000, "b")` took 47 s and
/// 2.9 GB without them) is stopped at once. Real formulas take a few dozen
/// operations and make numbers and short texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Operations,
    ExpressionDepth,
    /// Bytes of one text the formula makes.
    StringSize,
    /// Items of the lists it makes, nested ones counted.
    ArraySize,
    /// Entries of the maps it makes, those inside lists counted.
    MapSize,
}

impl Limit {
    /// The configured value of the limit.
    pub fn value(self) -> usize {
        match self {
            Limit::Operations => MAX_OPERATIONS,
            Limit::ExpressionDepth => MAX_EXPRESSION_DEPTH,
            Limit::StringSize => MAX_STRING_BYTES,
            Limit::ArraySize => MAX_ARRAY_ITEMS,
            Limit::MapSize => MAX_MAP_ENTRIES,
        }
    }
}

/// Operations of one evaluation; real formulas take a few dozen.
pub const MAX_OPERATIONS: usize = 100_000;
/// Nesting of an expression.
pub const MAX_EXPRESSION_DEPTH: usize = 64;
/// 1 MiB: a report's longest texts are tens of KB, so a formula joining
/// them stays far inside, and no text it makes can eat the memory.
pub const MAX_STRING_BYTES: usize = 1 << 20;
/// A table holds hundreds of rows at most; its rows as a list are far
/// inside this, a padded list of billions is not.
pub const MAX_ARRAY_ITEMS: usize = 100_000;
/// Entries of maps, counted over all the maps inside a list: a table's
/// rows are maps of a dozen or so columns each.
pub const MAX_MAP_ENTRIES: usize = 100_000;

/// What a compile error is about.
pub(super) fn parse_problem(error: &rhai::ParseError) -> Problem {
    use rhai::ParseErrorType as P;
    match error.err_type() {
        P::VariableUndefined(name) => Problem::UnknownName(name.clone()),
        P::ExprTooDeep => Problem::Limit(Limit::ExpressionDepth),
        _ => Problem::Other,
    }
}

/// What an evaluation error is about.
pub(super) fn eval_problem(error: &EvalAltResult) -> Problem {
    use EvalAltResult as E;
    match error.unwrap_inner() {
        E::ErrorTooManyOperations(_) => Problem::Limit(Limit::Operations),
        E::ErrorStackOverflow(_) => Problem::Limit(Limit::ExpressionDepth),
        // Rhai names the kind of data in its message, and nowhere else.
        E::ErrorDataTooLarge(what, _) if what.contains("string") => {
            Problem::Limit(Limit::StringSize)
        }
        E::ErrorDataTooLarge(what, _) if what.contains("map") => Problem::Limit(Limit::MapSize),
        E::ErrorDataTooLarge(..) => Problem::Limit(Limit::ArraySize),
        E::ErrorParsing(rhai::ParseErrorType::ExprTooDeep, _) => {
            Problem::Limit(Limit::ExpressionDepth)
        }
        E::ErrorVariableNotFound(name, _) => Problem::UnknownName(name.clone()),
        E::ErrorFunctionNotFound(signature, _) => Problem::UnknownFunction(signature.clone()),
        E::ErrorMismatchDataType(expected, found, _)
        | E::ErrorMismatchOutputType(expected, found, _) => Problem::WrongType {
            expected: expected.clone(),
            found: found.clone(),
        },
        E::ErrorArrayBounds(..) | E::ErrorStringBounds(..) | E::ErrorIndexNotFound(..) => {
            Problem::OutOfBounds
        }
        _ => Problem::Other,
    }
}
