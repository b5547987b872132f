//! The linker options `build.rs` gives the binary: the link order and the
//! packed relocations only where Rust's own lld links a native x86_64
//! Linux build, and never where a user's build would then fail to link —
//! a cross build, a distribution's rustc without lld, an older rustc, a
//! linker chosen in the config or in RUSTFLAGS, a C library older than
//! glibc 2.36 (or none that says it is glibc). And the libraries the
//! binary loads at every start.

#[path = "../link/args.rs"]
mod args;

use args::{Build, link_args};

const X86: &str = "x86_64-unknown-linux-gnu";

/// A default build on this project's machines.
fn usual() -> Build<'static> {
    Build {
        target: X86,
        host: X86,
        configured_linker: false,
        rustflags: "",
        rustc_version: "rustc 1.95.0 (59807616e 2026-04-14)\n",
        lld_shim: true,
        libc_version: "glibc 2.36\n",
        hot_symbols: Some("/src/zi,ping/link/hot-symbols.txt"),
        hot_rodata: Some("/src/zi,ping/link/hot-rodata.ld"),
    }
}

const ORDER: [&str; 5] = [
    "-Xlinker",
    "--symbol-ordering-file=/src/zi,ping/link/hot-symbols.txt",
    "-Wl,--no-warn-symbol-ordering",
    "-Xlinker",
    "--script=/src/zi,ping/link/hot-rodata.ld",
];
const RELR: &str = "-Wl,-z,pack-relative-relocs";

#[test]
fn a_default_build_gets_the_order_and_packed_relocations() {
    let mut want: Vec<&str> = ORDER.to_vec();
    want.push(RELR);
    assert_eq!(link_args(&usual()), want);
    let nightly = Build {
        rustc_version: "rustc 1.97.0-nightly (abc 2026-10-01)",
        libc_version: "glibc 2.41",
        ..usual()
    };
    assert_eq!(link_args(&nightly), want, "newer versions");
}

#[test]
fn a_build_that_may_not_link_with_lld_gets_nothing() {
    let cases: [(&str, Build); 12] = [
        (
            "cross build to aarch64",
            Build {
                target: "aarch64-unknown-linux-gnu",
                ..usual()
            },
        ),
        (
            "cross build from aarch64",
            Build {
                host: "aarch64-unknown-linux-gnu",
                ..usual()
            },
        ),
        (
            "musl",
            Build {
                target: "x86_64-unknown-linux-musl",
                host: "x86_64-unknown-linux-musl",
                ..usual()
            },
        ),
        (
            "macOS",
            Build {
                target: "x86_64-apple-darwin",
                host: "x86_64-apple-darwin",
                ..usual()
            },
        ),
        (
            "zigbuild's linker",
            Build {
                configured_linker: true,
                ..usual()
            },
        ),
        (
            "lld turned off",
            Build {
                rustflags: "-C\x1flinker-features=-lld",
                ..usual()
            },
        ),
        (
            "gold chosen",
            Build {
                rustflags: "-Clink-arg=-fuse-ld=gold",
                ..usual()
            },
        ),
        (
            "a linker named",
            Build {
                rustflags: "-Copt-level=3\x1f-Clinker=clang",
                ..usual()
            },
        ),
        (
            "self-contained off",
            Build {
                rustflags: "-Clink-self-contained=-linker",
                ..usual()
            },
        ),
        (
            "rustc 1.89",
            Build {
                rustc_version: "rustc 1.89.0 (29483883e 2025-08-04)",
                ..usual()
            },
        ),
        (
            "no lld shim (a distribution's rustc)",
            Build {
                lld_shim: false,
                ..usual()
            },
        ),
        (
            "rustc that prints nothing",
            Build {
                rustc_version: "",
                ..usual()
            },
        ),
    ];
    for (what, build) in cases {
        assert_eq!(link_args(&build), Vec::<String>::new(), "{what}");
    }
}

#[test]
fn flags_that_choose_no_linker_keep_the_options() {
    let build = Build {
        rustflags: "-Ctarget-cpu=native\x1f-Clink-arg=-Wl,--as-needed\x1f-Cstrip=none",
        ..usual()
    };
    assert_eq!(link_args(&build).len(), ORDER.len() + 1);
}

#[test]
fn packed_relocations_only_on_glibc_2_36_or_later() {
    for (libc, packed) in [
        ("glibc 2.36\n", true),
        ("glibc 2.40", true),
        ("glibc 2.35", false),
        ("glibc 2.28", false),
        ("glibc 3.0", true),
        ("", false),
        ("musl 1.2.4", false),
        ("glibc", false),
    ] {
        let args = link_args(&Build {
            libc_version: libc,
            ..usual()
        });
        assert_eq!(args.iter().any(|a| a == RELR), packed, "{libc:?}");
        assert!(
            args.starts_with(&ORDER.map(String::from)),
            "{libc:?}: order kept"
        );
    }
}

#[test]
fn without_the_list_only_the_relocations() {
    let build = Build {
        hot_symbols: None,
        hot_rodata: None,
        ..usual()
    };
    assert_eq!(link_args(&build), vec![RELR]);
    // Each of the two orders goes without the other.
    let no_script = Build {
        hot_rodata: None,
        ..usual()
    };
    assert_eq!(link_args(&no_script), [&ORDER[..3], &[RELR]].concat());
    let no_list = Build {
        hot_symbols: None,
        ..usual()
    };
    assert_eq!(link_args(&no_list), [&ORDER[3..], &[RELR]].concat());
}

/// Every start maps each shared library the binary names, and relocating
/// libm alone left about 0.3 MB resident; zopfli, its only user, is
/// vendored with its own log2 (vendor/zopfli/UPSTREAM.md). A new
/// dependency that calls `f64::ln` or `powf` brings it back: then either
/// take that call out or write down here why libm is worth its memory.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_does_not_load_libm() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_ziping")).expect("the built binary");
    let names = |library: &[u8]| binary.windows(library.len()).any(|w| w == library);
    assert!(
        names(b"libc.so.6\0"),
        "the check reads the dynamic section's names"
    );
    assert!(!names(b"libm.so.6\0"), "the binary needs libm again");
}
