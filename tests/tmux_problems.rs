//! Walking to the problems in a real terminal: the keys as terminals send
//! them (xterm's Shift-F8, and the Linux console's and PuTTY's), read by the
//! real key reader, and the whole message on an 80×24 screen.

mod common;

use common::tmux::*;

#[test]
fn f8_goes_to_the_cell_of_a_funding_total_that_does_not_add_up() {
    let dir = tempfile::tempdir().unwrap();
    // A project whose funding rows do not add up: 80 + 10 of 100.
    let path = dir.path().join("项目.json");
    let file = path.to_str().unwrap();
    for args in [
        &["new", file, "--template", "project-selfeval"][..],
        &[
            "set",
            file,
            "funding.total.budget",
            "100",
            "funding.appropriation.budget",
            "80",
            "funding.carryover.budget",
            "10",
        ],
    ] {
        let out = common::locale::ziping_in(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(80, 24, &command, &env_for(dir.path()));
    tmux.wait_for("项目信息");

    // Wrong values come first: the total's cell, in another section.
    tmux.keys(&["F8"]);
    let screen = tmux.wait_for("第 1/");
    assert!(
        screen.contains("> ✗ 项目资金（万元）") || screen.contains(">✗ 项目资金（万元）"),
        "{screen}"
    );
    // The focused cell's own problem is said without its place, so the
    // focus is on that very cell; and all of it shows, the figures too.
    // The page's rows (right of the outline), run together.
    let flat: String = screen
        .lines()
        .filter_map(|l| l.split_once('|').map(|(_, page)| page))
        .flat_map(str::split_whitespace)
        .collect();
    assert!(
        flat.contains("✗本年财政拨款、上年结转资金、其他资金合计90.00万元，与年度资金总额100.00万元不符，相差10.00万元"),
        "{screen}"
    );
    assert!(!screen.contains("..."), "nothing is cut: {screen}");

    // Shift-F8 walks back, round to the last problem: a required field
    // still empty comes after the wrong values.
    tmux.keys(&["S-F8"]);
    let screen = tmux.wait_for("此项必填");
    assert!(!screen.contains("第 1/"), "{screen}");
    // The Linux console's and PuTTY's Shift-F8 (ESC [32~, read as F15)
    // walks back one more.
    let before = screen;
    tmux.run(&["send-keys", "-t", "t", "-H", "1b", "5b", "33", "32", "7e"]);
    wait_until("F15 moved the walk back", || {
        let now = tmux.screen();
        now != before && now.contains("个问题")
    });
    // And F8 twice goes forward round to the first again.
    tmux.keys(&["F8"]);
    tmux.keys(&["F8"]);
    tmux.wait_for("第 1/");
    tmux.wait_for("相差10.00万元");
}
