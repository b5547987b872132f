//! Opening a file to read it, the one way ziping does: without waiting (a
//! FIFO at the path would block the open forever), and with the file's
//! metadata taken from the open file, so nothing can be swapped in between
//! looking and reading. A leaf: `storage` and `fingerprint` both use it.

use std::fs::{self, File, Metadata};
use std::io;
use std::path::Path;

/// `path` opened for reading, and what it is (a regular file, a
/// directory, a pipe …): the caller decides what to refuse.
pub fn without_waiting(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}
