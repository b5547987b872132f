//! `cargo bench`: the figures that matter over a slow SSH link on a small
//! machine — bytes sent per keystroke, time per keystroke, start-up time,
//! memory, idle CPU, export/check speed, binary size. Prints a table;
//! asserts nothing about the figures (the byte ceilings are asserted by a test:
//! `tests/bytes.rs`), only that the keys went where they were meant to.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::{self, Read, Write};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ziping::export::text::{TextOptions, to_text};
use ziping::model::project::{Entry, Project};
use ziping::model::report::Report;
use ziping::tui::document::RECOVERY_AT_MOST_EVERY;

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
    let keys: Vec<KeyCode> = typed().take(1_000).map(KeyCode::Char).collect();
    let split = timed(&mut section, &keys);
    split.report("keystroke (update + draw), 10,000-char section");

    // The recovery copy while typing on without a pause: written at least
    // every RECOVERY_AT_MOST_EVERY (5 s), so at a steady 3 characters a
    // second (a quick input-method typist) one copy per 15 keystrokes.
    let doc = &mut section.app.session_mut().expect("session").doc;
    let mut copy_bytes = 0;
    let write = median_of(20, || {
        let start = Instant::now();
        let written = doc.write_recovery("2026-01-01T00:00:00Z").expect("copy");
        let took = start.elapsed();
        copy_bytes = std::fs::metadata(&written.path).map_or(0, |m| m.len());
        took
    });
    let per_copy = RECOVERY_AT_MOST_EVERY.as_secs_f64() * 3.0;
    report(
        "recovery copy, 10,000-char section project",
        format!(
            "{} and {:.0} KB per copy",
            ms(write),
            copy_bytes as f64 / 1024.0
        ),
    );
    report(
        "  per keystroke, steady typing at 3 chars/s",
        format!(
            "{} and {:.1} KB",
            ms(write.div_f64(per_copy)),
            copy_bytes as f64 / 1024.0 / per_copy
        ),
    );

    // Time per keystroke typing digits into a table cell, on a project with
    // real-sized tables: a full funding block and seven indicator rows.
    // The cell is the fourth indicator's 分值 (weight), "10"; Enter opens it
    // and Backspace leaves "1", then digits and Backspaces keep it at 10, 1,
    // 15, 1: every key changes a weight, so its score, the subtotals, the
    // total and the grade follow.
    let mut table = Session::open(&tables());
    table.cell("indicators", 3, "weight");
    table.press(KeyCode::Enter);
    table.press(KeyCode::Backspace);
    let keys: Vec<KeyCode> = [
        KeyCode::Char('0'),
        KeyCode::Backspace,
        KeyCode::Char('5'),
        KeyCode::Backspace,
    ]
    .into_iter()
    .cycle()
    .take(200)
    .collect();
    let split = timed(&mut table, &keys);
    let weight =
        ziping::model::cell_path::listing(table.app.session().expect("session").doc.project())
            .into_iter()
            .find(|l| l.path == "indicators.4.weight")
            .expect("weight");
    assert_eq!(weight.value, "1", "the keys went into the cell");
    split.report("keystroke (update + draw), table cell, 7 indicator rows");

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
    // This build's binary, or the one named by ZIPING_BENCH_BINARY: the
    // shipped build (`ZIPING_BENCH_BINARY="$(scripts/build-portable)"`),
    // whose C library is linked in and whose memory is what users see.
    let bin = std::env::var_os("ZIPING_BENCH_BINARY").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_ziping")),
        PathBuf::from,
    );
    println!("whole-process rows: {}", bin.display());
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
    // Typing in a long paragraph, whole processes in a pty: ziping against
    // nano --softwrap and vim where installed, the same text, the same keys.
    for (what, chars) in [
        ("char 1,500 of a 3,000-char paragraph", 3_000),
        ("char 5,000 of a 10,000-char section", 10_000),
    ] {
        let text = long_text(chars);
        for editor in pty::EDITORS {
            match pty::typing(&bin, editor, &text, chars / 2) {
                Ok(typed) => typed.report(editor, what),
                Err(e) => report(
                    &format!("{editor}, {what} (pty)"),
                    format!("not measured: {e}"),
                ),
            }
        }
    }
    // An editor left open on the report with real-sized tables: what it
    // costs while nobody types (many clerks share one server).
    match pty::idle(&bin, &tables(), IDLE_FOR) {
        Ok((cpu, wakeups, bytes)) => report(
            &format!("idle for {} s, tables project (pty)", IDLE_FOR.as_secs()),
            format!(
                "{} CPU ({:.2}% of a core), {wakeups} wakeups, {bytes} bytes out",
                ms(cpu),
                cpu.as_secs_f64() / IDLE_FOR.as_secs_f64() * 100.0
            ),
        ),
        Err(e) => report("idle, whole process", format!("not measured: {e}")),
    }

    // export and check on a project 100 times the sample's text.
    let huge = hundredfold(&sample());
    let chars: usize = huge
        .values
        .values()
        .map(|e| e.to_editor_text().chars().count())
        .sum();
    // As `ziping export` does it: the report (outline, figures), then the text.
    let export = median_of(10, || {
        let start = Instant::now();
        std::hint::black_box(to_text(&huge, &Report::new(&huge), TextOptions::default()));
        start.elapsed()
    });
    report(&format!("export, 100x sample ({chars} chars)"), ms(export));
    let checked = median_of(10, || {
        let start = Instant::now();
        std::hint::black_box(Report::new(&huge));
        start.elapsed()
    });
    report(&format!("check, 100x sample ({chars} chars)"), ms(checked));

    // A formula bomb in the template (`"a".pad(3000000000,"b")` took 47 s
    // and 2.9 GB before the size limits): how long until a limit stops it,
    // for the whole report (`ziping check`), one bomb of each kind.
    for (what, bomb) in [
        ("text", r#""a".pad(3000000000,"b")"#),
        ("list", "[].pad(3000000000, 0)"),
        ("map", "[].pad(50000, #{a: 1, b: 2, c: 3})"),
    ] {
        let armed = bombed(&tables(), bomb);
        let stopped = median_of(10, || {
            let start = Instant::now();
            std::hint::black_box(Report::new(&armed));
            start.elapsed()
        });
        report(
            &format!("check with a {what} bomb in the template"),
            ms(stopped),
        );
    }

    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);
    report(
        "binary size (the whole-process rows' binary)",
        format!("{:.2} MB", size as f64 / 1_048_576.0),
    );
}

/// Time per key, and the parts spent in update and in draw, each sorted.
struct Split {
    times: Vec<Duration>,
    updates: Vec<Duration>,
    draws: Vec<Duration>,
}

impl Split {
    fn report(&self, what: &str) {
        let spread = |l: &[Duration]| {
            format!(
                "median {}, p95 {}, p99 {}",
                ms(percentile(l, 0.5)),
                ms(percentile(l, 0.95)),
                ms(percentile(l, 0.99))
            )
        };
        report(what, spread(&self.times));
        report("  of which update", spread(&self.updates));
        report("  of which draw", spread(&self.draws));
    }
}

/// Presses `keys` one at a time as the event loop does, timing each.
fn timed(session: &mut Session, keys: &[KeyCode]) -> Split {
    let (mut times, mut updates, mut draws) = (Vec::new(), Vec::new(), Vec::new());
    for &code in keys {
        let start = Instant::now();
        session
            .app
            .handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        let updated = start.elapsed();
        session.draw();
        times.push(start.elapsed());
        updates.push(updated);
        draws.push(start.elapsed() - updated);
    }
    for list in [&mut times, &mut updates, &mut draws] {
        list.sort();
    }
    Split {
        times,
        updates,
        draws,
    }
}

/// A 项目支出绩效自评表 with its funding block filled (every fixed row's
/// figures, adding up) and seven indicator rows, one per kind of target.
fn tables() -> Project {
    let mut project = Project::new(template("project-selfeval"), "now");
    let mut set = |path: &str, value: &str| {
        ziping::model::cell_path::assign(&mut project, path, value)
            .unwrap_or_else(|e| panic!("{path} = {value}: {e}"));
    };
    set("project_name", "党员教育培训");
    set("year", "2022");
    set("department", "中共常宁市委组织部");
    set("unit", "中共常宁市委组织部");
    // 年初预算数, 全年预算数, 全年执行数 of each fixed row.
    for (row, figures) in [
        ("total", ["120.00", "128.50", "116.30"]),
        ("appropriation", ["100.00", "105.00", "96.30"]),
        ("carryover", ["20.00", "20.00", "18.00"]),
        ("other", ["0.00", "3.50", "2.00"]),
    ] {
        for (column, figure) in ["initial", "budget", "actual"].into_iter().zip(figures) {
            set(&format!("funding.{row}.{column}"), figure);
        }
    }
    // 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 偏差原因.
    let columns = [
        "level1", "level2", "name", "target", "actual", "weight", "reason",
    ];
    let indicators = "\
        产出指标\t数量指标\t培训党员人次\t≥50个\t52个\t15\t
        产出指标\t数量指标\t举办培训班期数\t≥6期\t5期\t10\t一期因疫情延期至次年
        产出指标\t质量指标\t培训考核合格率\t≥95%\t97%\t10\t
        产出指标\t时效指标\t按时完成率\t=100%\t90%\t10\t两期推迟举办
        产出指标\t成本指标\t人均培训成本\t≤2000元\t1850元\t5\t
        效益指标\t社会效益指标\t党员理论素养提升\t明显提升\t达成\t30\t
        满意度指标\t服务对象满意度指标\t参训党员满意度\t≥90%\t93%\t10\t";
    for (n, row) in indicators.lines().enumerate() {
        for (column, value) in columns.iter().zip(row.trim_start().split('\t')) {
            if !value.is_empty() {
                set(&format!("indicators.{}.{column}", n + 1), value);
            }
        }
    }
    project
}

/// `project` with a report-wide check whose condition sets off `bomb`.
fn bombed(project: &Project, bomb: &str) -> Project {
    let mut json: serde_json::Value = serde_json::from_str(&project.to_json()).expect("json");
    let check = serde_json::json!({
        "at": "funding",
        "assert": format!("{bomb}.len() == 0"),
        "severity": "error",
        "message": "不应出现",
    });
    json["template"]["checks"]
        .as_array_mut()
        .expect("checks")
        .push(check);
    Project::from_json(&json.to_string()).expect("the armed project loads")
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

/// A paragraph of `chars` characters, made of the sample's 机构人员 text (as the
/// in-process 10,000-char row is).
fn long_text(chars: usize) -> String {
    let seed = sample().text("organisation_text").replace('\n', "");
    seed.repeat(chars / seed.chars().count().max(1) + 1)
        .chars()
        .take(chars)
        .collect()
}

/// How long the idle editor is watched.
const IDLE_FOR: Duration = Duration::from_secs(3);

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
            let start = Instant::now();
            let (mut master, mut child) = spawn(bin, &file, dir.path())?;
            // The status line is the last thing drawn in the first frame.
            read_until(&mut master, "Ctrl-Q".as_bytes(), Duration::from_secs(10))?;
            times.push(start.elapsed());
            rss = rss.max(peak_rss(child.id())?);
            master.write_all(b"\x11")?;
            child.wait()?;
        }
        times.sort();
        Ok((percentile(&times, 0.5), rss))
    }

    /// CPU time (user + system), wakeups (voluntary context switches) and
    /// bytes written of the editor on `project` during `quiet`, measured
    /// from its first frame.
    pub fn idle(
        bin: &Path,
        project: &Project,
        quiet: Duration,
    ) -> io::Result<(Duration, u64, usize)> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("t.json");
        std::fs::write(&file, project.to_json())?;
        let (mut master, mut child) = spawn(bin, &file, dir.path())?;
        read_until(&mut master, "Ctrl-Q".as_bytes(), Duration::from_secs(10))?;
        // Whatever the first frame still had on its way.
        std::thread::sleep(Duration::from_millis(200));
        let _ = drain(&mut master)?;
        let before = usage(child.id())?;
        std::thread::sleep(quiet);
        let after = usage(child.id())?;
        let bytes = drain(&mut master)?;
        master.write_all(b"\x11")?;
        child.wait()?;
        Ok((after.0.saturating_sub(before.0), after.1 - before.1, bytes))
    }

    /// The editor on `file` in a fresh pty, with its own config and data
    /// folders under `dir` and the Chinese defaults.
    fn spawn(bin: &Path, file: &Path, dir: &Path) -> io::Result<(File, std::process::Child)> {
        let (master, slave) = open()?;
        let child = Command::new(bin)
            .arg(file)
            .env("ZIPING_CONFIG_DIR", dir.join("c"))
            .env("ZIPING_DATA_DIR", dir.join("d"))
            .env("LANG", "C.UTF-8")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave))
            .spawn()?;
        Ok((master, child))
    }

    /// Reads what is waiting on the pty, without blocking; returns how much.
    fn drain(master: &mut File) -> io::Result<usize> {
        let mut total = 0;
        let mut buf = [0u8; 65536];
        loop {
            let mut fds = [PollFd::new(&*master, PollFlags::IN)];
            let zero = Timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            if poll(&mut fds, Some(&zero))? == 0 {
                return Ok(total);
            }
            total += master.read(&mut buf)?;
        }
    }

    /// CPU time and voluntary context switches of process `pid` so far.
    fn usage(pid: u32) -> io::Result<(Duration, u64)> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
        // The fields after the command name, which is in parentheses.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split_whitespace()
            .collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        // utime and stime are fields 14 and 15, counted from the pid;
        // clock ticks are 1/100 s on Linux.
        let cpu = Duration::from_millis((ticks(11) + ticks(12)) * 10);
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let switches = status
            .lines()
            .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        Ok((cpu, switches))
    }

    /// The editors timed (those not installed are skipped), and `cat`, whose keys the pty's line discipline
    /// echoes itself: the floor of what any editor can show here (on a
    /// shared machine its p99 is the scheduler's, not an editor's).
    pub const EDITORS: [&str; 4] = ["ziping", "nano --softwrap", "vim", "cat"];

    /// A key's redraw is over once the editor has been quiet this long.
    const QUIET: Duration = Duration::from_millis(40);

    /// Keys typed per editor and text.
    const KEYS: usize = 200;

    /// What typing into an editor cost: per key, the time from writing it
    /// to the last byte of its redraw and the bytes of that redraw; the
    /// process's peak RSS (KiB).
    pub struct Typed {
        times: Vec<Duration>,
        bytes: Vec<usize>,
        rss: u64,
    }

    impl Typed {
        pub fn report(&self, editor: &str, what: &str) {
            let mut times = self.times.clone();
            times.sort();
            report(
                &format!("{editor}, {what} (pty)"),
                format!(
                    "p50 {}, p99 {}; bytes/key {}; peak RSS {:.1} MB",
                    ms(percentile(&times, 0.5)),
                    ms(percentile(&times, 0.99)),
                    mean_max(&self.bytes),
                    self.rss as f64 / 1024.0
                ),
            );
        }
    }

    /// Types [`KEYS`] Chinese characters at char `at` of `text` in `editor`
    /// (one of [`EDITORS`]) in a fresh pty. ziping gets the text as a
    /// field of the sample and is taken there with its own keys (Ctrl-G,
    /// the field's id, Ctrl-Home, Right); nano and vim open it as a file at
    /// that character; cat only echoes.
    pub fn typing(bin: &Path, editor: &str, text: &str, at: usize) -> io::Result<Typed> {
        let dir = tempfile::tempdir()?;
        // Keys to get to the place, each whole (a piece never cuts an
        // escape sequence in two).
        let mut setup: Vec<Vec<u8>> = Vec::new();
        let mut command = match editor {
            "ziping" => {
                let mut project = sample();
                project.set("organisation_text", Entry::Text(text.to_string()));
                let file = dir.path().join("t.json");
                std::fs::write(&file, project.to_json())?;
                setup.push(b"\x07organisation_text\r".to_vec());
                setup.push(b"\x1b[1;5H".to_vec());
                setup.extend(std::iter::repeat_n(b"\x1b[C".to_vec(), at));
                let mut command = Command::new(bin);
                command
                    .arg(file)
                    .env("ZIPING_CONFIG_DIR", dir.path().join("c"))
                    .env("ZIPING_DATA_DIR", dir.path().join("d"));
                command
            }
            _ => {
                let name = editor.split(' ').next().unwrap_or(editor);
                let found = std::env::var_os("PATH").is_some_and(|paths| {
                    std::env::split_paths(&paths).any(|d| d.join(name).is_file())
                });
                if !found {
                    return Err(io::Error::other(format!("{name} is not installed")));
                }
                let file = dir.path().join("t.txt");
                std::fs::write(&file, text)?;
                let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
                let mut command = Command::new(name);
                match name {
                    // Reads the pty itself: no file, nothing to move to.
                    "cat" => {}
                    "vim" => {
                        command.args(["-u", "NONE", "-i", "NONE", "-n", "-N"]);
                        command.arg(format!("+call cursor(1, {})", byte + 1));
                        command.arg(file);
                        setup.push(b"i".to_vec());
                    }
                    _ => {
                        command.args(["--softwrap", "--ignorercfiles"]);
                        command.arg(format!("+1,{}", at + 1));
                        command.arg(file);
                    }
                }
                command.env("HOME", dir.path());
                command
            }
        };
        let (master, slave) = open()?;
        let mut master = master;
        let mut child = command
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave))
            .spawn()?;
        // cat draws nothing first; the kernel echoes keys even before it
        // runs.
        let first = if editor == "cat" { 0 } else { 10 };
        settle(&mut master, Duration::from_secs(first))?;
        // In pieces, reading the redraws in between: an editor blocked on
        // writing to a full pty reads no more keys, and our write would wait
        // for it for ever.
        for keys in setup.chunks(64) {
            master.write_all(&keys.concat())?;
            settle(&mut master, Duration::from_secs(1))?;
        }
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        let mut buf = [0u8; 4];
        for c in typed().take(KEYS) {
            let start = Instant::now();
            master.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            // A loaded machine may take a while to answer at all.
            let mut fds = [PollFd::new(&master, PollFlags::IN)];
            let second = Timespec {
                tv_sec: 1,
                tv_nsec: 0,
            };
            poll(&mut fds, Some(&second))?;
            let (last, n) = redraw(&mut master)?;
            times.push(last.duration_since(start));
            bytes.push(n);
        }
        let rss = peak_rss(child.id())?;
        let _ = child.kill();
        child.wait()?;
        Ok(Typed { times, bytes, rss })
    }

    /// Reads a redraw: until the pty has been quiet for [`QUIET`]; returns
    /// when its last byte came and how many came.
    fn redraw(master: &mut File) -> io::Result<(Instant, usize)> {
        let mut last = Instant::now();
        let mut total = 0;
        let mut buf = [0u8; 65536];
        loop {
            let timeout = Timespec {
                tv_sec: 0,
                tv_nsec: QUIET.as_nanos() as i64,
            };
            let mut fds = [PollFd::new(&*master, PollFlags::IN)];
            if poll(&mut fds, Some(&timeout))? == 0 {
                return Ok((last, total));
            }
            let n = master.read(&mut buf)?;
            last = Instant::now();
            total += n;
        }
    }

    /// Waits up to `first` for the editor to answer (a process starting
    /// says nothing for a while), then reads until it is quiet.
    fn settle(master: &mut File, first: Duration) -> io::Result<()> {
        let timeout = Timespec {
            tv_sec: first.as_secs() as i64,
            tv_nsec: i64::from(first.subsec_nanos()),
        };
        let mut fds = [PollFd::new(&*master, PollFlags::IN)];
        if poll(&mut fds, Some(&timeout))? == 0 {
            return Ok(());
        }
        let start = Instant::now();
        while redraw(master)?.1 > 0 {
            if start.elapsed() > Duration::from_secs(60) {
                return Err(io::Error::other("never quiet"));
            }
        }
        Ok(())
    }

    /// A process's peak resident set (VmHWM, KiB).
    fn peak_rss(pid: u32) -> io::Result<u64> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        Ok(status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0))
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
