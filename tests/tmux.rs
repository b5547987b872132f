//! The real binary in a real terminal, driven through tmux: type Chinese,
//! save, quit, read the JSON back.

mod common;

use common::tmux::*;

#[test]
fn chinese_typed_in_a_real_terminal_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");

    // An empty required field is not done yet, not an error (no ✗).
    tmux.jump_to("preamble", ">  导语 *");
    let text =
        "为贯彻落实预算绩效管理要求，我单位认真开展2023年度绩效自评工作，现将有关情况报告如下：";
    tmux.type_text(text);
    // The field's counter shows every character has arrived (the text
    // itself wraps across rows).
    tmux.wait_for(&format!("{}字", text.chars().count()));
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存到");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "preamble"), text);
}

#[test]
fn external_editor_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let script = dir.path().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf '（编辑器追加）' >> \"$1\"\n").unwrap();
    let command = format!("{} '{}'", binary().display(), path.display());
    let mut env = env_for(dir.path());
    env.push(("EDITOR", format!("sh {}", script.display())));
    env.push(("VISUAL", String::new()));
    let tmux = Tmux::start(100, 30, &command, &env);
    tmux.wait_for("标题与导语");
    tmux.type_text("附件二");
    tmux.wait_for("附件二");
    tmux.keys(&["C-o"]);
    tmux.wait_for("已从外部编辑器取回文字");
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存到");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "attachment"), "附件二（编辑器追加）");
}

#[test]
fn without_visual_or_editor_ctrl_o_runs_the_editor_on_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    // Named as Debian names the system's chosen editor.
    let script = bin.join("editor");
    std::fs::write(&script, "#!/bin/sh\nprintf '（备用编辑器）' >> \"$1\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Set in the command: the pane's shell start-up may set PATH afresh.
    let system = std::env::var("PATH").unwrap_or_default();
    let command = format!(
        "env PATH='{}:{system}' {} '{}'",
        bin.display(),
        binary().display(),
        path.display()
    );
    let mut env = env_for(dir.path());
    env.push(("EDITOR", String::new()));
    env.push(("VISUAL", String::new()));
    let tmux = Tmux::start(100, 30, &command, &env);
    tmux.wait_for("标题与导语");
    tmux.keys(&["C-o"]);
    tmux.wait_for("已从外部编辑器取回文字");
    tmux.keys(&["C-s"]);
    tmux.wait_for("已保存到");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "attachment"), "（备用编辑器）");
}

#[test]
fn unsaved_changes_are_not_lost_to_ctrl_q() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let before = std::fs::read(&path).unwrap();
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(80, 24, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.type_text("附件三");
    tmux.wait_for("附件三");
    tmux.keys(&["C-q"]);
    tmux.wait_for("有未保存的修改");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "nothing written before the answer"
    );
    tmux.type_text("s");
    tmux.wait_until_gone();
    assert_eq!(saved_value(&path, "attachment"), "附件三");
}

#[test]
fn escape_sequences_in_a_project_are_shown_not_sent_by_export_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    // OSC 52 would put text into the terminal's clipboard; ESC [2J clears it.
    let hostile = "导语\u{1b}]52;c;aGk=\u{7}\u{1b}[2J完";
    let status = common::locale::ziping_in(dir.path())
        .arg("set")
        .arg(&path)
        .args(["preamble", hostile])
        .status()
        .unwrap();
    assert!(status.success());
    let command = format!(
        "{} export '{}'; echo EXPORTED; sleep 30",
        binary().display(),
        path.display()
    );
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    let screen = tmux.wait_for("EXPORTED");
    assert!(screen.contains("导语␛]52;c;aGk=␇␛[2J完"), "{screen}");
    // Into a pipe the text goes as typed.
    let piped = common::locale::ziping_in(dir.path())
        .arg("export")
        .arg(&path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&piped.stdout).contains(hostile));
}

#[test]
fn another_programs_save_while_the_editor_is_open_is_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.type_text("我的附件");
    tmux.wait_for("我的附件");
    // Another editor saves its version: a changed copy written over the
    // file in place (what `ziping set` does too, by rename, and will do
    // only when forced while an editor holds the file).
    let mut theirs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    theirs["values"]["preamble"] = "另一个编辑器写的导语".into();
    let copy = dir.path().join("theirs.json");
    std::fs::write(&copy, serde_json::to_string_pretty(&theirs).unwrap()).unwrap();
    let copied = std::process::Command::new("cp")
        .arg(&copy)
        .arg(&path)
        .status();
    assert!(copied.unwrap().success());
    let before = std::fs::read(&path).unwrap();
    tmux.keys(&["C-s"]);
    tmux.wait_for("文件已被其他程序修改");
    assert_eq!(std::fs::read(&path).unwrap(), before, "asked, not written");
    // Reload: their text is shown, ours set aside in the recovery copy.
    tmux.type_text("r");
    tmux.wait_for("已重新载入磁盘上的文件");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let mine = dir.path().join("mine.json");
    let recovered = common::locale::ziping_in(dir.path())
        .arg("recover")
        .arg(&path)
        .arg("-o")
        .arg(&mine)
        .output()
        .unwrap();
    assert!(
        recovered.status.success(),
        "{}",
        String::from_utf8_lossy(&recovered.stderr)
    );
    assert_eq!(saved_value(&mine, "attachment"), "我的附件");
    assert_eq!(saved_value(&path, "preamble"), "另一个编辑器写的导语");
}

#[test]
fn opening_a_project_removes_what_a_killed_save_left_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let stale = plant_stale_temp(&path, "Kill09");
    let other = plant_stale_temp(&dir.path().join("其他.json"), "Kill09");
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    wait_until_removed(&stale);
    assert!(other.exists(), "another project's temp is not this one's");
    tmux.keys(&["C-q"]);
    tmux.wait_until_gone();
    // `ziping set` writes, so it cleans up first too.
    let stale = plant_stale_temp(&path, "Kill10");
    let set = common::locale::ziping_in(dir.path())
        .arg("set")
        .arg(&path)
        .args(["attachment", "附件一"])
        .output()
        .unwrap();
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert!(!stale.exists());
    assert!(other.exists());
}

#[test]
fn steady_typing_reaches_the_recovery_copy_within_the_time_bound() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    // No pause could ever write the copy: only the time bound can.
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.json"), r#"{"autosave_seconds": 600}"#).unwrap();
    let command = format!("exec {} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(100, 30, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.jump_to("preamble", ">  导语 *");

    // A key every 200 ms for 8 s, never a pause near 2 s: the pacing is
    // the only sleep.
    let keys: Vec<char> = ('a'..='z').chain('A'..='N').collect();
    let mut sent = Vec::new();
    let start = Instant::now();
    for (i, c) in keys.iter().enumerate() {
        let due = start + Duration::from_millis(200 * i as u64);
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        tmux.type_text(&c.to_string());
        sent.push(Instant::now());
    }
    let killed = Instant::now();
    let pid = tmux.pane_pid().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_until_gone();

    // At most 5 s of typing is lost; 1.5 s more is the margin (a busy
    // machine, the keys' way through tmux).
    let bound = Duration::from_secs(5) + Duration::from_millis(1_500);
    let must_hold: String = keys
        .iter()
        .zip(&sent)
        .take_while(|(_, at)| killed.duration_since(**at) > bound)
        .map(|(c, _)| *c)
        .collect();
    assert!(
        must_hold.len() >= 5,
        "typed too slowly to test: {must_hold:?}"
    );
    let copies = files_under(&dir.path().join("data"));
    assert!(
        copies.iter().any(|(_, text)| text.contains(&must_hold)),
        "no recovery copy holds {must_hold:?}: {copies:?}"
    );
    // The file itself was never saved.
    assert_eq!(saved_value(&path, "preamble"), "");
}

#[test]
fn items_typed_into_a_list_field_keep_its_first_row_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_project(dir.path());
    let command = format!("{} '{}'", binary().display(), path.display());
    let tmux = Tmux::start(80, 24, &command, &env_for(dir.path()));
    tmux.wait_for("标题与导语");
    tmux.jump_to("duties", ">  部门职责 *");
    // Items long enough to wrap, typed in pieces as an input method commits
    // phrases, a blank line (Enter Enter) between them as the hint asks.
    let items = [
        "负责贯彻执行国家有关法律法规和方针政策，拟订本地区相关发展规划并组织实施。",
        "统筹协调全区机关事务管理工作，指导督促各部门落实节约型机关建设要求。",
        "承担公务用车、办公用房和公共机构节能的监督管理，组织开展相关培训。",
    ];
    let mut typed = 0;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            tmux.keys(&["Enter", "Enter"]);
        }
        let chars: Vec<char> = item.chars().collect();
        for phrase in chars.chunks(6) {
            tmux.type_text(&phrase.iter().collect::<String>());
            typed += phrase.len();
            tmux.wait_for(&format!("{typed}字"));
        }
        let screen = tmux.screen();
        let start: String = items[0].chars().take(12).collect();
        assert!(
            screen.contains(&start),
            "the field's first row scrolled away after item {}:\n{screen}",
            i + 1
        );
    }
    tmux.keys(&["C-q", "n"]);
}
