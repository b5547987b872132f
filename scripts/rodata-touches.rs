//! The read-only data a run of the editor reads, as the input sections
//! that hold it: reads, on standard input, valgrind's `--tool=lackey
//! --trace-mem=yes` output or lines `P <address>` (hex, link-time) of
//! pages read, and prints, one a line in address order, a linker script
//! pattern for each input section of `.rodata` that the program read, as
//! lld's link map (`-Map`) names it. Built and run by
//! `scripts/hot-symbols`, which turns the lines into
//! `link/hot-rodata.ld`.
//!
//! Arguments: `MAP ENTRY`, the map and the link-time address (hex) of the
//! entry point. The program is a static PIE, which valgrind loads at a
//! base of its own: the first instruction traced is the entry point.
//!
//! Or `--resident PID FILE`: prints a `P` line for each page of FILE's
//! first segment (at offset 0, and at address 0 in a static PIE) that is
//! resident in process PID, from `/proc/PID/pagemap` (root only). With
//! readahead off and FILE out of the page cache, the pages resident are
//! those read, where lackey took minutes a key.
use std::collections::HashMap;
use std::io::{BufRead, Read, Seek, SeekFrom, Write};

fn hex(text: &str) -> Option<u64> {
    u64::from_str_radix(text.trim_start_matches("0x"), 16).ok()
}

/// One input section: where it starts, how long it is, its pattern.
struct Section {
    start: u64,
    size: u64,
    pattern: Option<String>,
}

/// The input sections of `.rodata` in the map (`VMA LMA Size Align
/// Out/In` lines), in address order, each with the pattern that picks it
/// out: its name alone where the name is the map's only one, else with
/// its archive and member (glibc's objects all have a `.rodata`), else
/// none.
fn sections(map: &str) -> Vec<Section> {
    // The columns where an output section's, an input section's and a
    // symbol's name begin, as the map's header line has them.
    let header = map.lines().next().unwrap_or_default();
    let column = |title: &str| header.find(title).unwrap_or(usize::MAX);
    let (out, input) = (column("Out"), column("In "));
    let mut found = Vec::new();
    let mut inside = false;
    for line in map.lines().skip(1) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 5 {
            continue;
        }
        // Where the fifth field, the name, begins.
        let after_align = fields[..4].iter().fold(0, |at, f| {
            line[at..].find(f).map_or(at, |i| at + i + f.len())
        });
        let name_at = line.len() - line[after_align..].trim_start().len();
        if name_at == out {
            inside = fields[4] == ".rodata";
            continue;
        }
        if !inside || name_at != input {
            continue;
        }
        let what = &line[name_at..];
        let Some((object, name)) = what.split_once(":(") else {
            continue;
        };
        let (Some(start), Some(size)) = (hex(fields[0]), hex(fields[2])) else {
            continue;
        };
        found.push((
            start,
            size,
            object.to_string(),
            name.trim_end_matches(')').to_string(),
        ));
    }
    let mut times: HashMap<&str, usize> = HashMap::new();
    for (_, _, _, name) in &found {
        *times.entry(name).or_default() += 1;
    }
    let member = |object: &str| {
        let (archive, member) = object.strip_suffix(')')?.split_once(".a(")?;
        let archive = archive.rsplit('/').next()?;
        Some(format!("*{archive}.a:{member}"))
    };
    found
        .iter()
        .map(|(start, size, object, name)| Section {
            start: *start,
            size: *size,
            pattern: if times[name.as_str()] == 1 {
                Some(format!("*(\"{name}\")"))
            } else {
                member(object).map(|file| format!("{file}(\"{name}\")"))
            },
        })
        .collect()
}

/// The `P` lines of `--resident PID FILE`.
fn resident(pid: &str, file: &str) -> std::io::Result<()> {
    const PAGE: u64 = 4096;
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps"))?;
    let mut pagemap = std::fs::File::open(format!("/proc/{pid}/pagemap"))?;
    let mut out = std::io::stdout().lock();
    // "start-end perms offset dev inode path"; only the first segment's
    // mapping, at offset 0, whose offsets are its addresses.
    for line in maps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 6 || fields[5] != file || hex(fields[2]) != Some(0) {
            continue;
        }
        let Some((Some(start), Some(end))) = fields[0]
            .split_once('-')
            .map(|(start, end)| (hex(start), hex(end)))
        else {
            continue;
        };
        let mut entries = vec![0u8; ((end - start) / PAGE * 8) as usize];
        pagemap.seek(SeekFrom::Start(start / PAGE * 8))?;
        pagemap.read_exact(&mut entries)?;
        for (i, entry) in entries.chunks_exact(8).enumerate() {
            let entry = u64::from_le_bytes(entry.try_into().unwrap_or_default());
            // Bit 63: present.
            if entry >> 63 == 1 {
                writeln!(out, "P {:x}", i as u64 * PAGE)?;
            }
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args[0] == "--resident" {
        resident(&args[1], &args[2]).unwrap_or_else(|e| panic!("{}: {e}", args[1]));
        return;
    }
    let map = std::fs::read_to_string(&args[0]).unwrap_or_else(|e| panic!("{}: {e}", args[0]));
    let entry = hex(&args[1]).unwrap_or_else(|| panic!("not hex: {}", args[1]));
    let sections = sections(&map);
    let (Some(first), Some(last)) = (sections.first(), sections.last()) else {
        panic!("{}: no .rodata in the map", args[0]);
    };
    let (lo, hi) = (first.start, last.start + last.size);
    let mut read = vec![false; sections.len()];
    let mut first = None;
    let mut line = String::new();
    let mut input = std::io::stdin().lock();
    while input.read_line(&mut line).unwrap_or(0) > 0 {
        // "I  addr,size", " L addr,size", " M addr,size", " S addr,size",
        // or "P addr" (a page read, at its link-time address).
        let page = line.strip_prefix("P ").map(|addr| format!(" L {},4096", addr.trim()));
        let text = page.as_deref().unwrap_or(&line);
        let base = if page.is_some() { Some(0) } else { first };
        let (kind, rest) = text.split_at(text.len().min(3));
        let (addr, size) = rest.trim().split_once(',').unwrap_or(("", ""));
        if let Some(addr) = hex(addr) {
            match (kind, base) {
                ("I  ", None) => first = addr.checked_sub(entry),
                (" L " | " M ", Some(base)) => {
                    let at = addr.wrapping_sub(base);
                    let end = at + size.parse::<u64>().unwrap_or(1).max(1);
                    if at < hi && end > lo {
                        // The sections from the last one starting at or
                        // before `at` to the last one starting before `end`.
                        let from = sections.partition_point(|s| s.start <= at).max(1) - 1;
                        let to = sections.partition_point(|s| s.start < end);
                        for i in from..to {
                            let s = &sections[i];
                            if s.start < end && at < s.start + s.size {
                                read[i] = true;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        line.clear();
    }
    let mut out = std::io::stdout().lock();
    for (section, _) in sections.iter().zip(&read).filter(|(_, read)| **read) {
        if let Some(pattern) = &section.pattern {
            let _ = writeln!(out, "{pattern}");
        }
    }
}
