//! Figures in prose (issue 18): the quantities a paragraph claims
//! ([`scan`]), and what they are checked against — an indicator's 实际完成值
//! or a funding cell, the list a count introduces, the report's year.
//!
//! This parent only declares its children: they import one another, never
//! it, so no import cycle runs through here.

pub mod check;
pub mod cited;
pub mod counts;
pub mod issue;
pub mod link;
pub mod list;
pub mod prose;
pub mod scan;
pub mod words;
pub mod years;
