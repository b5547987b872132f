//! What a project file held when this session last read or wrote it, so a
//! save can tell whether another program (`ziping set`, another editor, a
//! rename) changed the file since — and ask instead of silently writing
//! over that change.
//!
//! A fingerprint is the file's size and a hash of its bytes, taken of the
//! very bytes that were parsed or written (never of a second read, which
//! could already see someone else's version). The modification time is
//! deliberately not part of it: it is neither needed nor enough. Not enough,
//! because clocks are coarse (a same-size edit within one tick of a coarse
//! file system leaves it equal) and `cp -p`, rsync, tar and version control
//! set it to whatever they like; not needed, because the bytes decide, and
//! reading them is cheap — a save is rare and a project is at most 32 MB,
//! usually well under one. So a save always compares the bytes, unless the
//! size alone already shows a change. A file whose bytes came back the same
//! (`touch`, a save of identical text) is not a change: writing over it
//! loses nothing.
//!
//! This is a leaf: it imports nothing of the crate, so `storage` and
//! `recovery` can both use it.

use std::io::{self, Read};
use std::path::Path;

/// The size and hash of a project file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

/// What another program did to a file since it was fingerprinted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drift {
    /// It holds other bytes now (or can no longer be read to tell).
    Changed,
    /// Nothing is at its path any more: deleted, or renamed away.
    Missing,
}

impl Fingerprint {
    /// The fingerprint of `bytes`, as read from or written to the file.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: fnv1a(bytes),
        }
    }

    /// How the file at `path` differs from what this fingerprint was taken
    /// of, or `None` if it holds the same bytes. A symlink is followed, as
    /// a save writes through it.
    pub fn drift(&self, path: &Path) -> Option<Drift> {
        // A FIFO now at the path must not block the save (see `open`).
        let (file, meta) = match crate::open::without_waiting(path) {
            Ok(opened) => opened,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Some(Drift::Missing),
            Err(_) => return Some(Drift::Changed),
        };
        // A pipe or a device now at the path is not what was loaded.
        if !meta.is_file() || meta.len() != self.len {
            return Some(Drift::Changed);
        }
        // One byte past the known size, in case the file grows while read.
        let mut bytes = Vec::new();
        let read = file.take(self.len + 1).read_to_end(&mut bytes);
        match read {
            Ok(_) if Fingerprint::of(&bytes) == *self => None,
            _ => Some(Drift::Changed),
        }
    }
}

/// FNV-1a: a stable hash (std's hasher may change between Rust releases,
/// which would orphan recovery files named by it).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV-1a 64-bit reference.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_same_bytes_are_no_drift_whatever_the_clock_says() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        fs::write(&path, "{\"a\": 1}").expect("write");
        let known = Fingerprint::of(b"{\"a\": 1}");
        assert_eq!(known.drift(&path), None);
        // Rewritten with the same text (a touch, a save of nothing new).
        fs::write(&path, "{\"a\": 1}").expect("write");
        assert_eq!(known.drift(&path), None);
    }

    #[test]
    fn other_bytes_of_the_same_size_are_a_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        fs::write(&path, "{\"a\": 1}").expect("write");
        let known = Fingerprint::of(b"{\"a\": 1}");
        let modified = fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        // Same size, and the old modification time put back (as `cp -p`
        // or a coarse clock would leave it): only the bytes tell.
        fs::write(&path, "{\"a\": 2}").expect("write");
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(modified))
            .expect("set mtime");
        assert_eq!(known.drift(&path), Some(Drift::Changed));
    }

    #[test]
    fn a_longer_or_shorter_file_or_none_is_a_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        let known = Fingerprint::of(b"{\"a\": 1}");
        assert_eq!(known.drift(&path), Some(Drift::Missing));
        fs::write(&path, "{\"a\": 10}").expect("write");
        assert_eq!(known.drift(&path), Some(Drift::Changed));
        fs::write(&path, "{}").expect("write");
        assert_eq!(known.drift(&path), Some(Drift::Changed));
        fs::remove_file(&path).expect("remove");
        fs::create_dir(&path).expect("a directory in its place");
        assert_eq!(known.drift(&path), Some(Drift::Changed));
    }
}
