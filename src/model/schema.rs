//! The declarations of a template as its JSON file writes them, and the
//! methods that only read them. Nothing here validates or evaluates: that
//! is [`super::validate`] (loading) and the evaluating modules (values,
//! formulas, checks), which all read these types, so the declarations
//! import none of them and no module cycle runs through a template.

mod check;
mod field;
mod field_json;
mod formula;
mod kind;
mod print_style;
mod reading;
mod template;

pub use check::{CrossCheck, Each, Severity};
pub use field::{
    DEFAULT_DECIMALS, Deduction, Field, FieldKind, Group, Groups, ROW_NAMES, RowSpec, Show,
    TableSpec,
};
pub use formula::Formula;
pub use kind::{Bounds, Kind};
pub use print_style::{FontSpec, PrintStyle, Size};
pub use reading::{READ_NAME, ReadingSpec, SPLIT_TARGET_NAME, SplitColumns};
pub use template::{Repeat, Section, SectionRef, TEMPLATE_FORMAT, Template};
