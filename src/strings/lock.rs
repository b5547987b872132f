//! What is said about the one-writer lock: who holds a file, a take-over,
//! a lost lock, other names of the same file.

use crate::lang::Lang;
use crate::lock::{Holder, Owner};

/// `张三@server（进程 1234，自 2026-… 起）`.
pub fn lock_owner(owner: &Owner, lang: Lang) -> String {
    let Owner {
        pid,
        user,
        host,
        since,
        ..
    } = owner;
    match lang {
        Lang::Zh => format!("{user}@{host}（进程 {pid}，自 {since} 起）"),
        Lang::En => format!("{user}@{host} (process {pid}, since {since})"),
    }
}

pub fn lock_holder(holder: &Holder, lang: Lang) -> String {
    match (holder, lang) {
        (Holder::Named(o), _) => lock_owner(o, lang),
        (Holder::OtherName, Lang::Zh) => {
            "另一个 ziping 打开着同一个文件（可能通过另一个名字：硬链接，或改名前的名字；也可能是已被接管、尚未察觉的旧会话）".into()
        }
        (Holder::OtherName, Lang::En) => {
            "another ziping has the same file open (perhaps under another name: a hard link, its name before a rename; or an old session taken over that has not noticed yet)".into()
        }
    }
}

/// `holder` keeps "save as" from writing over the file it chose.
pub fn held_elsewhere(holder_: &Holder, lang: Lang) -> String {
    let holder = lock_holder(holder_, lang);
    match lang {
        Lang::Zh => format!("此文件正被另一处编辑（{holder}），不会覆盖；请换一个文件名"),
        Lang::En => format!("That file is open elsewhere ({holder}); it is not written over"),
    }
}

pub fn took_over_stale_lock(stale: &Owner, lang: Lang) -> String {
    let owner = lock_owner(stale, lang);
    match lang {
        Lang::Zh => format!("上次打开它的 ziping 已结束，已接管它留下的锁：{owner}"),
        Lang::En => format!("The ziping that had it open has ended; took over its lock: {owner}"),
    }
}

pub fn no_lock_file(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法创建锁文件，他人可能同时编辑此文件：{why}"),
        Lang::En => {
            format!("No lock file could be made; someone may edit it at the same time: {why}")
        }
    }
}

/// The save was refused: `by` has taken the file over (or nobody can tell).
pub fn taken_over_by(by: Option<&Owner>, lang: Lang) -> String {
    let by = by.map(|o| lock_owner(o, lang));
    match (lang, by) {
        (Lang::Zh, by) => format!(
            "此文件已由{}接管，本处不能再保存到它；文字仍在这里，并继续写入恢复副本；请另存为",
            by.map(|b| format!(" {b} "))
                .unwrap_or_else(|| "另一处".into())
        ),
        (Lang::En, by) => format!(
            "This file was taken over{}; it is not saved from here any more. Your text stays here and in the recovery copy; save it as another file",
            by.map(|b| format!(" by {b}")).unwrap_or_default()
        ),
    }
}

/// On open: the file has `links` names; a save replaces it under this one.
pub fn other_links(links: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "此文件共有 {links} 个名字（硬链接）：保存后其他链接仍是旧版本；要让它们分开，请用 Alt-S 另存为"
        ),
        Lang::En => format!(
            "This file has {links} names (hard links): after a save the others keep the old text; Alt-S saves it as its own file"
        ),
    }
}

/// `ziping set` / `recover` found the file open in an editor.
pub fn open_in_editor(holder_: &Holder, lang: Lang) -> String {
    let holder = lock_holder(holder_, lang);
    match lang {
        Lang::Zh => format!(
            "此文件正在 ziping 中编辑（{holder}），未写入；请先在那里保存并关闭，或加 --force 强制写入（编辑器保存前会发现文件已被改动）"
        ),
        Lang::En => format!(
            "This file is open in ziping ({holder}); nothing written. Save and close it there, or pass --force (the editor notices the change before it saves)"
        ),
    }
}
