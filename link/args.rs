//! Which linker options the editor's binary gets (see `build.rs`, which
//! gathers the facts and prints the options). Kept apart from the build
//! script's I/O so that `tests/link_args.rs` can feed it the builds users
//! make: a cross build, a distribution's rustc, a linker of their own.

/// What the build script found out about this build.
pub struct Build<'a> {
    pub target: &'a str,
    pub host: &'a str,
    /// A linker set in cargo's config (`RUSTC_LINKER`; zigbuild sets one).
    pub configured_linker: bool,
    /// RUSTFLAGS as cargo hands them to build scripts, `\x1f`-separated.
    pub rustflags: &'a str,
    /// `rustc --version`, e.g. `rustc 1.95.0 (59807616e 2026-04-14)`.
    pub rustc_version: &'a str,
    /// Whether the sysroot has the `gcc-ld/ld.lld` shim rustc links with.
    pub lld_shim: bool,
    /// `getconf GNU_LIBC_VERSION`, e.g. `glibc 2.36`; empty elsewhere.
    pub libc_version: &'a str,
    /// `link/hot-symbols.txt`, if it is there.
    pub hot_symbols: Option<&'a str>,
    /// `link/hot-rodata.ld`, if it is there.
    pub hot_rodata: Option<&'a str>,
}

const TARGET: &str = "x86_64-unknown-linux-gnu";

/// The `cargo::rustc-link-arg-bins` values for `build`: none unless the
/// linker is known to be Rust's own lld (x86_64 Linux, rustc 1.90 or later
/// with its shim, a native build, no linker of the user's choosing), since
/// another linker would refuse the options.
pub fn link_args(build: &Build) -> Vec<String> {
    let lld = build.target == TARGET
        && build.host == TARGET
        && !build.configured_linker
        && !chooses_linker(build.rustflags)
        && build.lld_shim
        && build
            .rustc_version
            .split_whitespace()
            .nth(1)
            .and_then(version)
            .is_some_and(|found| found >= (1, 90));
    if !lld {
        return Vec::new();
    }
    let mut args = Vec::new();
    if let Some(list) = build.hot_symbols {
        // -Xlinker, not -Wl,…: a comma in the checkout's path stays whole.
        args.push("-Xlinker".to_string());
        args.push(format!("--symbol-ordering-file={list}"));
        // A name the toolchain now spells otherwise is skipped, not an error.
        args.push("-Wl,--no-warn-symbol-ordering".to_string());
    }
    if let Some(script) = build.hot_rodata {
        // The read-only data the same way, by a script that only orders
        // `.rodata` (`INSERT`: lld keeps its own layout for the rest).
        args.push("-Xlinker".to_string());
        args.push(format!("--script={script}"));
    }
    // Packed relative relocations need the loader of glibc 2.36 or later,
    // where the binary runs as where it is built.
    let relr = build
        .libc_version
        .trim()
        .strip_prefix("glibc ")
        .and_then(version)
        .is_some_and(|found| found >= (2, 36));
    if relr {
        args.push("-Wl,-z,pack-relative-relocs".to_string());
    }
    args
}

/// Whether RUSTFLAGS pick a linker or turn Rust's lld off (`-C
/// linker-features=-lld`, the documented way out).
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

/// `major.minor` at the start of a version such as `2.36`, `1.95.0` or
/// `1.97.0-nightly`.
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
