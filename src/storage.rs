//! Reading and writing files safely: size and encoding checks with messages
//! that name the file, and writes that can never leave a half-written file
//! behind (temp file in the same directory, fsync, rename, fsync directory).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod problem;
mod temp;

pub use problem::io_problem;
pub use temp::{NAME_BUDGET, clean_stale_temps, clean_stale_temps_in, fit_name};
use temp::{Purpose, parent_dir};

use crate::fingerprint::Fingerprint;
use crate::model::format_error::FormatError;
use crate::model::project::{Project, generator};

/// No report or template comes near this; a bigger file is something else.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The byte order mark some editors put at the start of a UTF-8 file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file that could not be used, and why, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}：{problem}", path.display())]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: String,
}

impl LoadError {
    pub fn new(path: &Path, problem: impl Into<String>) -> Self {
        LoadError {
            path: path.to_path_buf(),
            problem: problem.into(),
        }
    }

    fn format(path: &Path, err: FormatError) -> Self {
        LoadError::new(path, err.to_string())
    }
}

/// Reads a text file with the checks every ziping file gets (see
/// [`read_bytes`]), as text.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    decode(path, read_bytes(path)?)
}

/// The bytes of a file, with the checks every ziping file gets. Only a
/// regular file is read: it is opened without waiting (a FIFO would block
/// the open forever) and looked at through the open file, so nothing can
/// be swapped in between; a device such as `/dev/zero` reports no size and
/// never ends; and the read itself stops at the size limit, whatever
/// `stat` said.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let failed = |e: io::Error| LoadError::new(path, io_problem(&e));
    let (file, meta) = crate::open::without_waiting(path).map_err(failed)?;
    if meta.is_dir() {
        return Err(LoadError::new(path, "这是一个目录，不是文件"));
    }
    if !meta.is_file() {
        return Err(LoadError::new(
            path,
            "不是普通文件（可能是管道或设备），ziping 只读取普通文件",
        ));
    }
    let too_large = |size: u64| {
        LoadError::new(
            path,
            format!("文件过大（{size} 字节，上限 {MAX_FILE_BYTES} 字节），不是 ziping 文件"),
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(failed)?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A file's bytes as text, or why they are not.
fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String, LoadError> {
    // Windows Notepad starts a UTF-8 file with a byte order mark; it is
    // not text, and JSON does not allow it, so it is passed over (a save
    // writes the file without it).
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::new(path, "文件是空的"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        LoadError::new(
            path,
            format!(
                "第{line}行不是 UTF-8 编码的文字（可能是 GBK 编码或二进制文件），请另存为 UTF-8"
            ),
        )
    })
}

pub fn read_project(path: &Path) -> Result<Project, LoadError> {
    read_project_fingerprinted(path).map(|(project, _)| project)
}

/// A project and the fingerprint of the very bytes it was parsed from, so
/// a later save can tell whether another program changed the file since.
pub fn read_project_fingerprinted(path: &Path) -> Result<(Project, Fingerprint), LoadError> {
    let bytes = read_bytes(path)?;
    // The bytes as they are on disk (a byte order mark included): what a
    // save compares the file with.
    let fingerprint = Fingerprint::of(&bytes);
    let text = decode(path, bytes)?;
    let project = Project::from_json(&text).map_err(|e| LoadError::format(path, e))?;
    Ok((project, fingerprint))
}

/// Replaces `path` with `bytes` atomically: readers see the old file or the
/// new one, never a mixture, even if the power fails mid-write. A symlink is
/// written through (its target is replaced, the link stays), and an existing
/// file keeps its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    replace(path, bytes, Access::Shared, false).map(|_| ())
}

/// Whether `a` and `b` name the same file, however they are spelled
/// (relative, `..`, a symlink). False when either does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Saves `project` to `path` stamped as modified `now` by this program: the
/// one save path of the editor, `ziping set` and `ziping recover`. On
/// success the project's metadata is the stamped one; on failure the
/// project and the file are as they were. Returns the fingerprint of what
/// was written.
pub fn save_project(
    path: &Path,
    project: &mut Project,
    now: &str,
) -> Result<Fingerprint, LoadError> {
    stamped(project, now, |json| {
        save_with_backup(path, json).map(|_| ())
    })
}

/// Like [`save_project`] to a file that must not exist yet ("save as"):
/// one that appears while writing is not replaced either.
pub fn save_new_project(
    path: &Path,
    project: &mut Project,
    now: &str,
) -> Result<Fingerprint, LoadError> {
    stamped(project, now, |json| create_new(path, json))
}

/// Stamps `project` as modified `now` by this program and writes it with
/// `write`; on failure the stamp is taken back.
fn stamped(
    project: &mut Project,
    now: &str,
    write: impl FnOnce(&[u8]) -> Result<(), LoadError>,
) -> Result<Fingerprint, LoadError> {
    let previous = project.meta.clone();
    project.meta.modified = now.to_string();
    project.meta.generator = generator();
    let json = project.to_json();
    let saved = write(json.as_bytes());
    if saved.is_err() {
        project.meta = previous;
    }
    saved.map(|()| Fingerprint::of(json.as_bytes()))
}

/// Like [`write_atomic`] for a file only its owner may read (the data
/// directory's recovery copies and recent list hold a project's text and
/// the paths opened): created 0600 and kept so, whatever it was before.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    replace(path, bytes, Access::Private, false).map(|_| ())
}

/// Like [`write_private`], but the name itself is replaced: a symlink there
/// is replaced, never followed. For the files ziping alone names, which may
/// sit in a folder others write to (a recovery copy beside the project).
pub fn write_private_no_follow(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let fail = |e: io::Error| LoadError::new(path, io_problem(&e));
    let temp = write_temp(path, bytes, Access::Private).map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_dir(path).map_err(fail)
}

/// Creates `dir` (and its parents) readable by its owner only (0700), and
/// makes it so if it was there already (where the user may).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        // Narrowing an older, wider folder is best effort: one the user
        // does not own still takes the copy, which is private itself.
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
        Ok(())
    }
    #[cfg(not(unix))]
    builder.create(dir)
}

/// A new file only its owner may read (0600 from creation); refuses one
/// that exists, so a planted link is never followed.
pub fn create_private_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Who may read a file ziping writes.
#[derive(Debug, Clone)]
enum Access {
    /// Like any file the user makes (0666 less the umask), or, replacing
    /// one, as it was ([`Access::As`]).
    Shared,
    /// Its owner only (0600), from the moment it exists.
    Private,
    /// As the file it replaces: its permissions and its group (the team a
    /// report is shared with), from the moment it exists.
    As(fs::Metadata),
}

/// Saves a project: like [`write_atomic`], and the version being replaced
/// is kept as `NAME.bak` beside it. Returns the backup's path, if one was made.
pub fn save_with_backup(path: &Path, bytes: &[u8]) -> Result<Option<PathBuf>, LoadError> {
    replace(path, bytes, Access::Shared, true)
}

/// `report.json` → `report.json.bak`.
/// A new, empty file beside `target`, named after it and OS-locked (see
/// [`temp`]), with `mode`: for what is written whole and then renamed
/// into place outside this module (the lock file).
pub(crate) fn locked_temp_beside(target: &Path, mode: u32) -> io::Result<tempfile::NamedTempFile> {
    temp::create(target, Purpose::Text, mode)
}

/// Keeps the file's version as it is now under a name of its own,
/// `NAME.theirs-1.bak`, `-2` …, which later saves leave alone: the version
/// another program wrote, about to be saved over at the user's word.
pub fn keep_aside(path: &Path) -> Result<PathBuf, LoadError> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let name = fit_name(&name, 255 - ".theirs-999.bak".len());
    let failed = |e: io::Error| LoadError::new(path, io_problem(&e));
    for n in 1..1000 {
        let aside = path.with_file_name(format!("{name}.theirs-{n}.bak"));
        // Exclusive: a name taken (or a link planted there) is passed by.
        match fs::hard_link(path, &aside) {
            Ok(()) => return Ok(aside),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // No hard links here: a copy, as exclusive.
            Err(_) => {
                let bytes = read_bytes(path)?;
                match create_new(&aside, &bytes) {
                    Ok(()) => return Ok(aside),
                    Err(_) if aside.exists() => continue,
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Err(failed(io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// A name too long for `.bak` to be added is shortened first (see
/// [`fit_name`]).
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{}.bak", fit_name(&name, 255 - ".bak".len())))
}

fn replace(
    path: &Path,
    bytes: &[u8],
    access: Access,
    backup: bool,
) -> Result<Option<PathBuf>, LoadError> {
    let fail =
        |e: io::Error| LoadError::new(path, format!("保存失败：{}；原文件未改动", io_problem(&e)));
    if let Some(problem) = planted_link(path) {
        return Err(LoadError::new(path, problem));
    }
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // The new text is safely on disk before the old file is touched, so a
    // full disk fails here with nothing changed.
    let existing = fs::metadata(&target).ok();
    // A file being replaced keeps its permissions: its new version has
    // them from the first byte on, so a private report is never readable
    // by others, not even as a temp file.
    let access = match (&existing, access) {
        (Some(meta), Access::Shared) => Access::As(meta.clone()),
        (_, access) => access,
    };
    let temp = write_temp(&target, bytes, access).map_err(fail)?;
    let backup = match (&existing, backup) {
        (Some(_), true) => Some(keep_backup(&target).map_err(fail)?),
        _ => None,
    };
    temp.persist(&target).map_err(|e| fail(e.error))?;
    sync_dir(&target).map_err(fail)?;
    Ok(backup)
}

/// Why `path` must not be written through, if it is a symlink another user
/// may have planted: one that is neither yours nor root's, in a directory
/// others may write to (a sticky `/tmp`-like folder, a group's team folder)
/// or that is not yours. Writing
/// through it would replace whatever it points at — your own files included.
/// Your own links, and links in your own folders, are followed as ever.
fn planted_link(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let link = fs::symlink_metadata(path).ok()?;
        if !link.file_type().is_symlink() {
            return None;
        }
        let me = rustix::process::getuid().as_raw();
        if link.uid() == me || link.uid() == 0 {
            return None;
        }
        // Shared: others or a group may put files in it (a sticky /tmp,
        // a 2770 team folder), or it is someone else's.
        let dir = fs::metadata(parent_dir(path)).ok()?;
        let shared = dir.mode() & 0o022 != 0 || dir.uid() != me;
        shared.then(|| {
            "这是别的用户放在共享目录里的符号链接，写入会改动它指向的文件；已拒绝，请换一个位置"
                .to_string()
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Points `NAME.bak` at the current version: a hard link when the file
/// system has them (instant, no copy), otherwise a copy. Either is staged
/// under an unpredictable name created exclusively — a link planted at a
/// name ziping would use is never followed — then renamed over the backup.
/// The staged file is named after the project and locked, like the new
/// text's (see [`temp`]).
fn keep_backup(target: &Path) -> io::Result<PathBuf> {
    let backup = backup_path(target);
    let linked = temp::create_with(target, Purpose::Backup, |path| {
        fs::hard_link(target, path)?;
        fs::File::open(path).inspect_err(|_| {
            let _ = fs::remove_file(path);
        })
    });
    let staged = match linked {
        Ok(linked) => linked,
        Err(_) => {
            let mut copy = temp::create(target, Purpose::Backup, 0o600)?;
            io::copy(&mut fs::File::open(target)?, copy.as_file_mut())?;
            copy.as_file()
                .set_permissions(fs::metadata(target)?.permissions())?;
            copy
        }
    };
    staged.persist(&backup).map_err(|e| e.error)?;
    Ok(backup)
}

/// Writes a new file, refusing to replace one that exists (even one that
/// appears while writing).
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let temp = write_temp(path, bytes, Access::Shared)
        .map_err(|e| LoadError::new(path, io_problem(&e)))?;
    temp.persist_noclobber(path).map_err(|e| {
        let problem = if e.error.kind() == io::ErrorKind::AlreadyExists {
            "文件已存在，不会覆盖；请换一个文件名".to_string()
        } else {
            io_problem(&e.error)
        };
        LoadError::new(path, problem)
    })?;
    sync_dir(path).map_err(|e| LoadError::new(path, io_problem(&e)))
}

/// The new text beside `path`, on disk, under a locked temp named after
/// it: a save killed here leaves a file the next open removes.
fn write_temp(path: &Path, bytes: &[u8], access: Access) -> io::Result<tempfile::NamedTempFile> {
    // A new shared file is like any file the user creates (0666 less the
    // umask); a private one is its owner's from the start.
    let mode = match &access {
        Access::Shared => 0o666,
        Access::Private => 0o600,
        Access::As(meta) => permission_bits(&meta.permissions()),
    };
    let mut temp = temp::create(path, Purpose::Text, mode)?;
    if let Access::As(meta) = access {
        // While the temp is still empty: the group of the file it replaces
        // (a new file gets the writer's), and the permissions exactly (the
        // umask may have narrowed them) — never after the text is in it.
        let permissions = match same_group(temp.as_file(), &meta) {
            true => meta.permissions(),
            // Not allowed to give it that group: the owner only, rather
            // than the text readable by a group it was never shared with.
            false => owner_only(&meta.permissions()),
        };
        temp.as_file().set_permissions(permissions)?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Gives `file` the group `like` has; whether it has it now.
#[cfg(unix)]
fn same_group(file: &fs::File, like: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let has = |f: &fs::File| f.metadata().is_ok_and(|m| m.gid() == like.gid());
    if has(file) {
        return true;
    }
    let group = rustix::fs::Gid::from_raw(like.gid());
    rustix::fs::fchown(file, None, Some(group)).is_ok() && has(file)
}

#[cfg(not(unix))]
fn same_group(_: &fs::File, _: &fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn owner_only(permissions: &fs::Permissions) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(permissions.mode() & 0o700)
}

#[cfg(not(unix))]
fn owner_only(permissions: &fs::Permissions) -> fs::Permissions {
    permissions.clone()
}

#[cfg(unix)]
fn permission_bits(permissions: &fs::Permissions) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    permissions.mode() & 0o7777
}

#[cfg(not(unix))]
fn permission_bits(_: &fs::Permissions) -> u32 {
    0o666
}

/// Makes the rename itself durable.
fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(parent_dir(path))?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests;
