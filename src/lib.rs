//! ziping (自评): drafting Chinese government performance self-evaluation
//! reports (绩效自评报告) in the terminal.

pub mod catalog;
pub mod cli;
pub mod clock;
pub mod export;
pub mod fingerprint;
pub mod import;
pub mod lang;
pub mod lock;
pub mod model;
pub mod open;
pub mod paths;
pub mod recent;
pub mod recovery;
pub mod storage;
pub mod strings;
pub mod tui;
