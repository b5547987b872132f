//! Every sentence ziping itself says, in Chinese and in English side by
//! side, so `--lang en` is English end to end and the two languages cannot
//! drift apart: a fixed sentence is a [`Text`] constant named after what it
//! says, a sentence with figures in it a function of them. The only other
//! pairs are the command table's help texts in `tui/command.rs`, declared
//! there once as data; `tests/strings.rs` fails on a literal `pick` pair
//! anywhere else.
//!
//! Template text (labels, a check's own message) is shown as the template
//! wrote it; the template loading checks and the storage errors are Chinese
//! only for now.

mod cli;
mod clipboard;
mod dialogs;
// Reached by its path: it names the figure checks' types.
pub mod figures;
mod findings;
mod formulas;
// Reached by its path: it words the import's summary, and the model's
// holding place through here.
pub mod import;
// Reached by its path like `upgrade`: it names `lock`'s types, and `lock`
// leads through `storage` back to the model, which words through here.
pub mod lock;
mod messages;
// Reached by their paths: they name the model's types (a reading, a
// refused row or section operation), and the model words its findings
// through here.
pub mod cell_reading;
// Reached by its path: only the command line words its help.
pub mod help;
mod reading;
pub mod repeat;
pub mod rows;
mod screens;
// Reached by its path: find and replace words only the editor's search.
pub mod search;
mod values;
// Reached by its path, not re-exported below: `model::validate` words its
// value errors through this module, and `model::upgrade` leads back to
// `model::project`, so a re-export would close an import cycle.
pub mod upgrade;

pub use crate::lang::Text;
pub use cli::*;
pub use clipboard::*;
pub use dialogs::*;
pub use findings::{finding, fix_key, fix_key_lead, severity};
pub use messages::*;
pub use reading::{actual_reading, target_reading};
pub use screens::*;
pub use values::{expectation, value_error};
