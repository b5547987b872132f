//! `cargo bench`: the figures that matter over a slow SSH link on a small
//! machine — bytes sent per keystroke, time per keystroke, start-up time,
//! memory, export/check speed, binary size. Prints a table; asserts nothing
//! (the byte ceilings are asserted by a test: `tests/bytes.rs`).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::{self, Read, Write};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ziping::export::text::{TextOptions, to_text};
use ziping::model::check::check;
use ziping::model::project::{Entry, Project};

#[path = "probe.rs"]
mod probe;

use probe::{HEIGHT, SAMPLE, Session, WIDTH, sample, template, typed};

fn mean_max(values: &[usize]) -> String {
    let mean = values.iter().sum::<usize>() as f64 / values.len().max(1) as f64;
    format!("mean {mean:.0}, max {}", values.iter().max().unwrap_or(&0))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn median_of(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    times.sort();
    percentile(&times, 0.5)
}

fn report(what: &str, figure: String) {
    println!("{what:<58} {figure}");
}

fn main() {
    // `cargo bench -- <filter>` passes arguments; there is one table.
    println!(
        "ziping benchmarks at {WIDTH}x{HEIGHT} ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // Typing 200 Chinese characters at the end of an empty field.
    let mut short = Session::open(&Project::new(template("hunan-narrative"), "now"));
    short.focus("organisation_text", 0, 0);
    let bytes: Vec<usize> = typed().take(200).map(|c| short.key(c)).collect();
    report("bytes/keystroke, end of a short field", mean_max(&bytes));

    // Typing in the middle of the seed's longest paragraph (1,948 chars).
    let mut long = Session::open(&sample());
    long.focus("achievements", 4, 974);
    let bytes: Vec<usize> = typed().take(200).map(|c| long.key(c)).collect();
    report(
        "bytes/keystroke, middle of the 1,948-char paragraph",
        mean_max(&bytes),
    );

    // Time per keystroke on a 10,000-character section.
    let mut big = sample();
    let text: String = big
        .text("organisation_text")
        .repeat(40)
        .chars()
        .take(10_000)
        .collect();
    big.set("organisation_text", Entry::Text(text));
    let mut section = Session::open(&big);
    section.focus("organisation_text", 0, 5_000);
    let (mut times, mut updates, mut draws) = (Vec::new(), Vec::new(), Vec::new());
    for c in typed().take(1_000) {
        let start = Instant::now();
        section.app.handle(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
        let updated = start.elapsed();
        section.draw();
        times.push(start.elapsed());
        updates.push(updated);
        draws.push(start.elapsed() - updated);
    }
    for list in [&mut times, &mut updates, &mut draws] {
        list.sort();
    }
    let spread = |l: &[Duration]| {
        format!(
            "median {}, p99 {}",
            ms(percentile(l, 0.5)),
            ms(percentile(l, 0.99))
        )
    };
    report(
        "keystroke (update + draw), 10,000-char section",
        spread(&times),
    );
    report("  of which update", spread(&updates));
    report("  of which draw", spread(&draws));

    // Start to first frame, in-process: read the sample, build the UI, draw.
    let first_frame = median_of(30, || {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.json");
        std::fs::copy(SAMPLE, &path).expect("copy");
        let start = Instant::now();
        let session = Session::at(dir, &path);
        let took = start.elapsed();
        drop(session);
        took
    });
    report("start to first frame, in-process (sample)", ms(first_frame));

    // Whole process in a pseudo-terminal, and the floor of the method.
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_ziping"));
    match (pty::first_frame(&bin, SAMPLE), pty::echo_floor()) {
        (Ok((time, rss)), Ok(floor)) => {
            report(
                "start to first frame, whole process (sample, pty)",
                ms(time),
            );
            report("  floor: cat echoing one byte in the same pty", ms(floor));
            report(
                "peak RSS with the sample open",
                format!("{:.1} MB", rss as f64 / 1024.0),
            );
        }
        (Err(e), _) | (_, Err(e)) => report(
            "start to first frame, whole process",
            format!("not measured: {e}"),
        ),
    }

    // export and check on a project 100 times the sample's text.
    let huge = hundredfold(&sample());
    let chars: usize = huge
        .values
        .values()
        .map(|e| e.to_editor_text().chars().count())
        .sum();
    let export = median_of(10, || {
        let start = Instant::now();
        std::hint::black_box(to_text(&huge, TextOptions::default()));
        start.elapsed()
    });
    report(&format!("export, 100x sample ({chars} chars)"), ms(export));
    let checked = median_of(10, || {
        let start = Instant::now();
        std::hint::black_box(check(&huge));
        start.elapsed()
    });
    report(&format!("check, 100x sample ({chars} chars)"), ms(checked));

    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);
    report(
        "binary size (bench profile = release)",
        format!("{:.2} MB", size as f64 / 1_048_576.0),
    );
}

/// The sample with every prose field's text repeated 100 times.
fn hundredfold(project: &Project) -> Project {
    let mut big = project.clone();
    for entry in big.values.values_mut() {
        let bigger = match &*entry {
            Entry::Text(t) if t.chars().count() > 20 => {
                Entry::Text(vec![t.as_str(); 100].join("\n"))
            }
            Entry::Items(items) => Entry::Items(
                items
                    .iter()
                    .cycle()
                    .take(items.len() * 100)
                    .cloned()
                    .collect(),
            ),
            other => other.clone(),
        };
        *entry = bigger;
    }
    big
}

/// Running a whole process in a pseudo-terminal of our own.
mod pty {
    use super::*;
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::fs::{Mode, OFlags};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use rustix::termios::{Winsize, tcsetwinsize};
    use std::fs::File;
    use std::os::fd::OwnedFd;

    fn open() -> io::Result<(File, OwnedFd)> {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY)?;
        grantpt(&master)?;
        unlockpt(&master)?;
        let name = ptsname(&master, Vec::new())?;
        let slave = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY,
            Mode::empty(),
        )?;
        tcsetwinsize(
            &slave,
            Winsize {
                ws_row: HEIGHT,
                ws_col: WIDTH,
                ws_xpixel: 0,
                ws_ypixel: 0,
            },
        )?;
        Ok((File::from(master), slave))
    }

    /// Reads from the pty until `marker` has been seen or `limit` passes.
    fn read_until(master: &mut File, marker: &[u8], limit: Duration) -> io::Result<()> {
        let start = Instant::now();
        let mut seen = Vec::new();
        let mut buf = [0u8; 65536];
        while !seen.windows(marker.len()).any(|w| w == marker) {
            let left = limit
                .checked_sub(start.elapsed())
                .ok_or_else(|| io::Error::other("timed out"))?;
            let timeout = Timespec {
                tv_sec: left.as_secs() as i64,
                tv_nsec: i64::from(left.subsec_nanos()),
            };
            let mut fds = [PollFd::new(&*master, PollFlags::IN)];
            if poll(&mut fds, Some(&timeout))? == 0 {
                return Err(io::Error::other("timed out"));
            }
            let n = master.read(&mut buf)?;
            seen.extend_from_slice(&buf[..n]);
        }
        Ok(())
    }

    /// Median time to the first complete frame, and peak RSS (KiB).
    pub fn first_frame(bin: &Path, sample: &str) -> io::Result<(Duration, u64)> {
        let mut times = Vec::new();
        let mut rss = 0;
        for _ in 0..10 {
            let dir = tempfile::tempdir()?;
            let file = dir.path().join("s.json");
            std::fs::copy(sample, &file)?;
            let (mut master, slave) = open()?;
            let start = Instant::now();
            let mut child = Command::new(bin)
                .arg(&file)
                .env("ZIPING_CONFIG_DIR", dir.path().join("c"))
                .env("ZIPING_DATA_DIR", dir.path().join("d"))
                .env("LANG", "C.UTF-8")
                .env_remove("LANGUAGE")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .stdin(Stdio::from(slave.try_clone()?))
                .stdout(Stdio::from(slave.try_clone()?))
                .stderr(Stdio::from(slave))
                .spawn()?;
            // The status line is the last thing drawn in the first frame.
            read_until(&mut master, "Ctrl-Q".as_bytes(), Duration::from_secs(10))?;
            times.push(start.elapsed());
            let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()))?;
            rss = rss.max(
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                    .unwrap_or(0),
            );
            master.write_all(b"\x11")?;
            child.wait()?;
        }
        times.sort();
        Ok((percentile(&times, 0.5), rss))
    }

    /// Median time for `cat` to start and echo a byte: the method's floor.
    pub fn echo_floor() -> io::Result<Duration> {
        let mut times = Vec::new();
        for _ in 0..10 {
            let (mut master, slave) = open()?;
            let start = Instant::now();
            let mut child = Command::new("cat")
                .stdin(Stdio::from(slave.try_clone()?))
                .stdout(Stdio::from(slave.try_clone()?))
                .stderr(Stdio::from(slave))
                .spawn()?;
            master.write_all(b"z\n")?;
            read_until(&mut master, b"z\r\nz", Duration::from_secs(10))?;
            times.push(start.elapsed());
            master.write_all(b"\x04")?;
            let _ = child.kill();
            child.wait()?;
        }
        times.sort();
        Ok(percentile(&times, 0.5))
    }
}
