//! The login name a lock file gives for its holder.
//!
//! Read from `/etc/passwd`, then `$LOGNAME` / `$USER`, not through the C
//! library's NSS (`getpwuid_r`): the binary shipped for x86_64 Linux has
//! glibc linked in (see `scripts/build-portable`), and NSS modules such as
//! `libnss_systemd` or `libnss_sss` loaded into it would come from another
//! glibc than its own, which glibc does not support. An account from LDAP
//! or SSSD has no line in `/etc/passwd`, but login and sshd set `LOGNAME`
//! and `USER` to the name they looked up, so it is still named.

/// This process's login name, or `uid N` when nothing names it.
pub fn user_name() -> String {
    #[cfg(unix)]
    {
        let uid = rustix::process::getuid().as_raw();
        let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
        let from_env = ["LOGNAME", "USER"]
            .iter()
            .find_map(|var| std::env::var(var).ok());
        choose(name_in_passwd(&passwd, uid), from_env.as_deref(), uid)
    }
    #[cfg(not(unix))]
    std::env::var("USERNAME").unwrap_or_else(|_| "?".into())
}

#[cfg(unix)]
/// The user database's name first; the environment's only if it is a
/// plausible login name (no spaces, nothing to confuse a reader of the
/// lock message); else the number.
fn choose(passwd: Option<&str>, env: Option<&str>, uid: u32) -> String {
    let plausible = |name: &&str| {
        !name.is_empty()
            && name.chars().count() <= 64
            && !name.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    passwd
        .or(env.filter(plausible))
        .map_or_else(|| format!("uid {uid}"), str::to_string)
}

#[cfg(unix)]
/// The name on the first `/etc/passwd` line (`name:x:uid:gid:…`) with
/// `uid`; `+`/`-` lines (NIS compat) are not names.
fn name_in_passwd(passwd: &str, uid: u32) -> Option<&str> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let found = fields.nth(1)?.trim().parse::<u32>().ok()?;
        (found == uid && !name.is_empty() && !name.starts_with(['+', '-', '#'])).then_some(name)
    })
}

#[cfg(unix)]
#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "\
root:x:0:0:root:/root:/bin/bash
# a comment:x:1000:
+nis:x:1000:1000::/:
zhang:x:1000:1000:张三,,,:/home/zhang:/bin/bash
broken line
li:x:notanumber:1001::/home/li:/bin/sh
wang:x:1001:1001::/home/wang:/bin/sh
:x:1002:1002::/:
zhao:x:1003:1003::/home/zhao:/bin/sh\r
zhang2:x:1000:1000::/home/zhang2:/bin/sh
";

    #[test]
    fn the_passwd_line_with_the_uid_names_the_user() {
        let table: [(u32, Option<&str>); 6] = [
            (0, Some("root")),
            // The first real line wins; comments and NIS lines are skipped.
            (1000, Some("zhang")),
            (1001, Some("wang")),
            // A line with no name names nobody; a file saved on Windows
            // still gives the name.
            (1002, None),
            (1003, Some("zhao")),
            (4242, None),
        ];
        for (uid, name) in table {
            assert_eq!(name_in_passwd(PASSWD, uid), name, "uid {uid}");
        }
        assert_eq!(name_in_passwd("", 0), None);
    }

    #[test]
    fn the_environment_names_an_account_passwd_does_not_have() {
        let table: [(Option<&str>, Option<&str>, &str); 6] = [
            (Some("zhang"), Some("other"), "zhang"),
            // An LDAP account: only login's LOGNAME / USER name it.
            (None, Some("ldap.user"), "ldap.user"),
            (None, Some("李四"), "李四"),
            (None, None, "uid 4242"),
            (None, Some(""), "uid 4242"),
            (None, Some("two words\n"), "uid 4242"),
        ];
        for (passwd, env, want) in table {
            assert_eq!(choose(passwd, env, 4242), want, "{passwd:?} {env:?}");
        }
    }
}
