//! Asks the linker to place the functions the editor runs side by side
//! (`link/hot-symbols.txt`, written by `scripts/hot-symbols`), so that the
//! few it needs do not make the whole program resident: the kernel maps
//! code 64 KiB around every page first run.
//!
//! Only where the linker is known to be lld, which takes
//! `--symbol-ordering-file`: x86_64 Linux with Rust's own linker, the
//! default since Rust 1.90, and no linker of the user's choosing. Anywhere
//! else the build links as it always did.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "x86_64-unknown-linux-gnu";

fn main() {
    println!("cargo::rerun-if-changed=link/hot-symbols.txt");
    println!("cargo::rerun-if-changed=build.rs");
    if env::var("TARGET").as_deref() != Ok(TARGET) || env::var_os("RUSTC_LINKER").is_some() {
        return;
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    if !links_with_lld(Path::new(&rustc)) {
        return;
    }
    let list = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("link")
        .join("hot-symbols.txt");
    if list.is_file() {
        println!(
            "cargo::rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        // A name the toolchain now spells otherwise is skipped, not an error.
        println!("cargo::rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether `rustc` links this target with its own lld: 1.90 or later, with
/// the `gcc-ld` shim it hands the C compiler (a distribution's rustc may
/// leave it out and link with the system's linker).
fn links_with_lld(rustc: &Path) -> bool {
    let minor = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|version| {
            let numbers = version.split_whitespace().nth(1)?.to_owned();
            let mut parts = numbers.split('.');
            let major: u32 = parts.next()?.parse().ok()?;
            let minor: u32 = parts.next()?.parse().ok()?;
            (major == 1).then_some(minor)
        });
    let sysroot = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|s| PathBuf::from(s.trim()));
    minor.is_some_and(|m| m >= 90)
        && sysroot.is_some_and(|root| {
            root.join("lib/rustlib")
                .join(TARGET)
                .join("bin/gcc-ld/ld.lld")
                .is_file()
        })
}
