//! Pretty JSON in one allocation of its own size.
//!
//! `serde_json::to_string_pretty` grows its buffer by doubling: a 45 KB
//! project ends in a 64 KB buffer, and the last growth holds the 32 KB
//! before it too. Saves and recovery copies run while the user edits, so
//! that growth is the editor's peak memory. Measuring first and writing
//! once costs a second pass of the serialiser (a fraction of a
//! millisecond) and no more memory than the text itself.

use std::io;

use serde::Serialize;

/// `value` as pretty JSON with `extra` bytes of room after it (for a
/// final newline); empty if it cannot be serialised, which plain data
/// structures never are.
pub fn pretty<T: Serialize + ?Sized>(value: &T, extra: usize) -> String {
    let mut length = Length(0);
    if serde_json::to_writer_pretty(&mut length, value).is_err() {
        return String::new();
    }
    let mut bytes = Vec::with_capacity(length.0 + extra);
    if serde_json::to_writer_pretty(&mut bytes, value).is_err() {
        return String::new();
    }
    // serde_json writes UTF-8 only.
    String::from_utf8(bytes).unwrap_or_default()
}

/// A writer that only counts.
struct Length(usize);

impl io::Write for Length {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_serde_jsons_and_fills_its_buffer() {
        let values = serde_json::json!({
            "名称": "中共常宁市委组织部", "金额": [1.5, 2, null], "空": {}
        });
        for extra in [0, 1] {
            let json = pretty(&values, extra);
            assert_eq!(json, serde_json::to_string_pretty(&values).unwrap());
            assert_eq!(json.capacity(), json.len() + extra);
        }
    }

    #[test]
    fn what_cannot_be_serialised_is_empty() {
        // A map keyed by something that is not a string has no JSON.
        let map = std::collections::BTreeMap::from([((1, 2), "x")]);
        assert_eq!(pretty(&map, 1), "");
    }
}
