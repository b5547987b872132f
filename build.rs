//! Three linker options that make the editor's resident pages fewer:
//!
//! - the functions the editor runs placed side by side
//!   (`link/hot-symbols.txt`, written by `scripts/hot-symbols`), so that
//!   the few it needs do not make the whole program resident: the kernel
//!   maps code 64 KiB around every page first run (8.7 → 6.0 MB peak RSS);
//! - the read-only data the editor reads placed side by side the same
//!   way, by a linker script that only orders `.rodata`
//!   (`link/hot-rodata.ld`, written by the same script): most of it is
//!   constants without a name, which the list of names cannot move;
//! - relative relocations packed (`-z pack-relative-relocs`, DT_RELR): the
//!   loader reads 3 KB of them instead of 290 KB (−0.3 MB), where the C
//!   library building the binary reads them. Linked against libc.so, such
//!   a binary then needs glibc 2.36 where it runs (a build on a newer glibc
//!   needed about 2.34 before); the shipped build has glibc linked in
//!   (`scripts/build-portable`), which reads them itself, so it needs no C
//!   library where it runs.
//!
//! Only where the linker is known to be lld (`link/args.rs` decides); this
//! file gathers what it decides on.

#[path = "link/args.rs"]
mod args;

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=link/hot-symbols.txt");
    println!("cargo::rerun-if-changed=link/hot-rodata.ld");
    println!("cargo::rerun-if-changed=link/args.rs");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    println!("cargo::rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let var = |name: &str| env::var(name).unwrap_or_default();
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = |program: &std::ffi::OsStr, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .ok()
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .unwrap_or_default()
    };
    let sysroot = PathBuf::from(output(&rustc, &["--print", "sysroot"]).trim());
    let list = PathBuf::from(var("CARGO_MANIFEST_DIR"))
        .join("link")
        .join("hot-symbols.txt");
    let list_text = list.display().to_string();
    let script = list.with_file_name("hot-rodata.ld");
    let script_text = script.display().to_string();
    let (target, host, rustflags) = (var("TARGET"), var("HOST"), var("CARGO_ENCODED_RUSTFLAGS"));
    let (rustc_version, libc_version) = (
        output(&rustc, &["--version"]),
        output("getconf".as_ref(), &["GNU_LIBC_VERSION"]),
    );
    let build = args::Build {
        target: &target,
        host: &host,
        configured_linker: env::var_os("RUSTC_LINKER").is_some(),
        rustflags: &rustflags,
        rustc_version: &rustc_version,
        lld_shim: sysroot
            .join("lib/rustlib")
            .join(&target)
            .join("bin/gcc-ld/ld.lld")
            .is_file(),
        libc_version: &libc_version,
        hot_symbols: list.is_file().then_some(list_text.as_str()),
        hot_rodata: script.is_file().then_some(script_text.as_str()),
    };
    for arg in args::link_args(&build) {
        println!("cargo::rustc-link-arg-bins={arg}");
    }
}
