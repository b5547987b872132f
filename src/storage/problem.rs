//! What the operating system said, in words for the user: the kinds of
//! failure users meet, in Chinese, with the system's own code (or, for a
//! kind not worded here, its own words) in brackets at the end, so a
//! message never has raw English inside it and still says exactly what the
//! system reported.
//!
//! A leaf: the rest of `storage` uses it, it uses nothing of theirs.

use std::io::{self, ErrorKind};

/// Explains an I/O error in words, without Rust's debug formatting:
/// `符号链接层数过多（os error 40）`.
pub fn io_problem(err: &io::Error) -> String {
    let code = os_code(err);
    match (words(err, code), code) {
        (Some(words), Some(code)) => format!("{words}（os error {code}）"),
        (Some(words), None) => words.to_string(),
        // The system's own words, whole, at the end.
        (None, Some(_)) => format!("系统报告错误（{err}）"),
        // Not from the system: ziping's own message, or a library's.
        (None, None) => err.to_string(),
    }
}

/// The system's error number, also when a library wrapped the error
/// (tempfile adds the path it was working on).
fn os_code(err: &io::Error) -> Option<i32> {
    if let Some(code) = err.raw_os_error() {
        return Some(code);
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = err.get_ref().map(|e| e as _);
    while let Some(inner) = source {
        if let Some(code) = inner
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
        {
            return Some(code);
        }
        source = inner.source();
    }
    None
}

fn words(err: &io::Error, code: Option<i32>) -> Option<&'static str> {
    // Errors std gives no stable kind of their own, by their number.
    #[cfg(unix)]
    if let Some(code) = code {
        use rustix::io::Errno;
        let errno = Errno::from_raw_os_error(code);
        let words = match errno {
            Errno::LOOP => Some("符号链接层数过多"),
            Errno::NAMETOOLONG => Some("文件名或路径过长"),
            Errno::IO => Some("读写磁盘时出错，请检查磁盘或网络存储"),
            Errno::MFILE | Errno::NFILE => Some("打开的文件过多"),
            Errno::PERM => Some("不允许这样操作，请检查文件属性和权限"),
            Errno::NOLCK => Some("文件系统不支持文件锁"),
            Errno::NOTTY => Some("不是终端"),
            Errno::NXIO | Errno::NODEV => Some("设备不存在或已断开"),
            _ => None,
        };
        if words.is_some() {
            return words;
        }
    }
    #[cfg(not(unix))]
    let _ = code;
    Some(match err.kind() {
        ErrorKind::NotFound => "文件不存在",
        ErrorKind::PermissionDenied => "没有权限，请检查文件和目录的读写权限",
        ErrorKind::AlreadyExists => "文件已存在，不会覆盖",
        ErrorKind::StorageFull => "磁盘已满",
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
        ErrorKind::FileTooLarge => "文件超过系统允许的大小",
        ErrorKind::QuotaExceeded => "超出磁盘配额",
        ErrorKind::IsADirectory => "这是一个目录，不是文件",
        ErrorKind::NotADirectory => "路径中有一部分不是目录",
        ErrorKind::DirectoryNotEmpty => "目录不是空的",
        ErrorKind::InvalidFilename => "文件名无效",
        ErrorKind::ResourceBusy => "文件或设备正忙",
        ErrorKind::ExecutableFileBusy => "文件正作为程序运行，不能写入",
        ErrorKind::CrossesDevices => "不能跨文件系统移动文件",
        ErrorKind::TooManyLinks => "链接数过多",
        ErrorKind::StaleNetworkFileHandle => "网络文件系统上的文件已失效，请重新打开",
        ErrorKind::InvalidData => "文件内容无效",
        ErrorKind::UnexpectedEof => "文件意外结束",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::Interrupted => "操作被中断，请重试",
        ErrorKind::WouldBlock => "资源暂时不可用，请重试",
        ErrorKind::TimedOut => "操作超时",
        ErrorKind::Unsupported => "系统不支持这项操作",
        ErrorKind::WriteZero => "无法写入",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_system_says_is_put_in_words_with_its_code_at_the_end() {
        #[cfg(unix)]
        {
            use rustix::io::Errno;
            let cases = [
                (Errno::LOOP, "符号链接层数过多"),
                (Errno::NAMETOOLONG, "文件名或路径过长"),
                (Errno::ISDIR, "这是一个目录"),
                (Errno::NOTDIR, "不是目录"),
                (Errno::NOSPC, "磁盘已满"),
                (Errno::ROFS, "只读"),
                (Errno::ACCESS, "没有权限"),
                (Errno::BUSY, "正忙"),
                (Errno::TXTBSY, "作为程序运行"),
                (Errno::XDEV, "跨文件系统"),
                (Errno::NOENT, "文件不存在"),
                (Errno::DQUOT, "配额"),
                (Errno::INTR, "中断"),
                (Errno::NOMEM, "内存不足"),
                (Errno::IO, "读写磁盘时出错"),
            ];
            for (errno, want) in cases {
                let code = errno.raw_os_error();
                let got = io_problem(&io::Error::from_raw_os_error(code));
                assert!(got.contains(want), "{errno:?}: {got}");
                assert!(got.ends_with(&format!("（os error {code}）")), "{got}");
                let english = got.trim_end_matches(&format!("（os error {code}）"));
                assert!(!english.is_ascii(), "{got}");
                assert!(
                    !english.chars().any(|c| c.is_ascii_alphabetic()),
                    "no English before the brackets: {got}"
                );
            }
            assert_eq!(
                io_problem(&io::Error::from_raw_os_error(Errno::LOOP.raw_os_error())),
                format!(
                    "符号链接层数过多（os error {}）",
                    Errno::LOOP.raw_os_error()
                )
            );
            // Wrapped by a library: the code is found inside.
            let inner = io::Error::from_raw_os_error(Errno::ACCESS.raw_os_error());
            let wrapped = io::Error::new(inner.kind(), inner);
            assert!(io_problem(&wrapped).starts_with("没有权限"));
            assert!(io_problem(&wrapped).contains("os error"));
        }
        // Kinds without a code, and ziping's own messages, as they are.
        let kinds = [
            (ErrorKind::OutOfMemory, "内存不足"),
            (ErrorKind::InvalidData, "文件内容无效"),
            (ErrorKind::InvalidFilename, "文件名无效"),
        ];
        for (kind, want) in kinds {
            assert_eq!(io_problem(&io::Error::from(kind)), want);
        }
        let own = io::Error::other("临时文件一再被其他进程清理");
        assert_eq!(io_problem(&own), "临时文件一再被其他进程清理");
    }
}
