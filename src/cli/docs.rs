//! `ziping completions SHELL` and `ziping man`: generated from the same
//! command definition that parses the command line, worded in the user's
//! language, so they cannot fall behind it.

use std::io::Write;

use clap_complete::Shell;

use crate::lang::Lang;
use crate::storage;

use super::help;

/// The shell's completion script, descriptions in `lang`.
pub fn completions(shell: Shell, lang: Lang) -> Result<(), String> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut help::command(lang), "ziping", &mut script);
    write_out(&script)
}

/// The man page (section 1) in roff.
pub fn man(lang: Lang) -> Result<(), String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(help::command(lang))
        .render(&mut page)
        .map_err(|e| format!("无法生成手册页：{}", storage::io_problem(&e)))?;
    write_out(&page)
}

/// Standard output as it is (a script, not text to make safe for a
/// terminal); a reader that went away has what it wanted.
fn write_out(bytes: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("无法写出结果：{}", storage::io_problem(&e))),
    }
}
