//! Two linker options that make the editor's resident pages fewer:
//!
//! - the functions the editor runs placed side by side
//!   (`link/hot-symbols.txt`, written by `scripts/hot-symbols`), so that
//!   the few it needs do not make the whole program resident: the kernel
//!   maps code 64 KiB around every page first run (8.7 → 6.0 MB peak RSS);
//! - relative relocations packed (`-z pack-relative-relocs`, DT_RELR): the
//!   loader reads 3 KB of them instead of 290 KB (−0.3 MB), where the C
//!   library building the binary reads them. Such a binary then needs glibc
//!   2.36 where it runs (a build on a newer glibc needed about 2.34
//!   before); the portable build, for older systems, does not take it.
//!
//! Only where the linker is known to be lld: x86_64 Linux with Rust's own
//! linker, the default since Rust 1.90, and no linker of the user's
//! choosing, in the config (`RUSTC_LINKER`; the portable build's zig) or in
//! RUSTFLAGS. Anywhere else the build links as it always did.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "x86_64-unknown-linux-gnu";

fn main() {
    println!("cargo::rerun-if-changed=link/hot-symbols.txt");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    println!("cargo::rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let target = env::var("TARGET").ok();
    // A native build: the C library asked about below is the one linked.
    let native = target.is_some() && target == env::var("HOST").ok();
    if target.as_deref() != Some(TARGET)
        || !native
        || env::var_os("RUSTC_LINKER").is_some()
        || chooses_linker(&env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default())
    {
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
        // -Xlinker, not -Wl,…: a comma in the checkout's path stays whole.
        println!("cargo::rustc-link-arg-bins=-Xlinker");
        println!(
            "cargo::rustc-link-arg-bins=--symbol-ordering-file={}",
            list.display()
        );
        // A name the toolchain now spells otherwise is skipped, not an error.
        println!("cargo::rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    if glibc_at_least(2, 36) {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether RUSTFLAGS (`\x1f`-separated, as cargo hands them to build
/// scripts) pick a linker or turn Rust's lld off (`-C linker-features=-lld`,
/// the documented way out), so the flags above could reach another linker.
fn chooses_linker(flags: &str) -> bool {
    const CHOOSERS: [&str; 5] = [
        "linker=",
        "linker-flavor=",
        "linker-features=",
        "link-self-contained=",
        "-fuse-ld=",
    ];
    flags
        .split('\x1f')
        .any(|flag| CHOOSERS.iter().any(|c| flag.contains(c)))
}

/// Whether the build machine's C library is glibc `major.minor` or later
/// (`getconf GNU_LIBC_VERSION` prints `glibc 2.36`; elsewhere it fails).
fn glibc_at_least(major: u32, minor: u32) -> bool {
    Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| version(text.trim().strip_prefix("glibc ")?))
        .is_some_and(|found| found >= (major, minor))
}

/// `major.minor` at the start of a version such as `2.36` or `1.95.0`.
fn version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    Some((major, minor))
}

/// Whether `rustc` links this target with its own lld: 1.90 or later, with
/// the `gcc-ld` shim it hands the C compiler (a distribution's rustc may
/// leave it out and link with the system's linker).
fn links_with_lld(rustc: &Path) -> bool {
    let release = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| version(text.split_whitespace().nth(1)?));
    let sysroot = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|s| PathBuf::from(s.trim()));
    release.is_some_and(|found| found >= (1, 90))
        && sysroot.is_some_and(|root| {
            root.join("lib/rustlib")
                .join(TARGET)
                .join("bin/gcc-ld/ld.lld")
                .is_file()
        })
}
