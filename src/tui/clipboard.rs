//! Copying. ziping keeps its own clipboard (what Ctrl-V pastes, in any
//! field) and also sends each copy to the terminal's clipboard with OSC 52
//! (`ESC ] 52 ; c ; BASE64 BEL`): the terminal on the user's own machine
//! puts it in the desktop clipboard, so text gets from an SSH session to
//! the laptop with no X forwarding. Nothing comes back: a terminal that
//! ignores OSC 52 says nothing, so the message only says what was sent.
//!
//! In between: tmux passes OSC 52 on (and keeps it as a paste buffer) only
//! with `set-clipboard on` — its default, `external`, ignores applications;
//! GNU screen does not pass it on at all. And terminals refuse payloads over
//! a size (hterm and others at 100,000 bytes of base64), so a longer copy
//! stays in ziping's own clipboard only.

/// The longest OSC 52 payload (base64 bytes) sent.
pub const MAX_PAYLOAD: usize = 100_000;

/// A terminal multiplexer between ziping and the terminal, which decides
/// whether OSC 52 gets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Multiplexer {
    #[default]
    None,
    Tmux,
    Screen,
}

impl Multiplexer {
    /// From the environment: `$TMUX`, else `$STY` (GNU screen's session).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Multiplexer {
        let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
        if set("TMUX") {
            Multiplexer::Tmux
        } else if set("STY") {
            Multiplexer::Screen
        } else {
            Multiplexer::None
        }
    }
}

/// What became of a copy on its way to the terminal's clipboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// The sequence to write to the terminal.
    Osc52(String),
    /// Over [`MAX_PAYLOAD`]: kept in ziping's clipboard only.
    TooLong { bytes: usize },
    /// OSC 52 is turned off in config.json.
    Off,
}

/// `text` on its way to the terminal's clipboard.
pub fn send(text: &str, osc52: bool) -> Sent {
    if !osc52 {
        return Sent::Off;
    }
    let payload = base64(text.as_bytes());
    if payload.len() > MAX_PAYLOAD {
        return Sent::TooLong {
            bytes: payload.len(),
        };
    }
    Sent::Osc52(format!("\x1b]52;c;{payload}\x07"))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648() {
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("自评", "6Ieq6K+E"),
        ] {
            assert_eq!(base64(input.as_bytes()), want, "{input}");
        }
    }

    #[test]
    fn a_copy_is_sent_unless_off_or_too_long() {
        assert_eq!(
            send("自评", true),
            Sent::Osc52("\x1b]52;c;6Ieq6K+E\x07".into())
        );
        assert_eq!(send("自评", false), Sent::Off);
        // 25,000 Chinese characters are 75,000 bytes, 100,000 in base64.
        assert!(matches!(send(&"字".repeat(25_000), true), Sent::Osc52(_)));
        assert_eq!(
            send(&"字".repeat(25_001), true),
            Sent::TooLong { bytes: 100_004 }
        );
    }

    #[test]
    fn the_multiplexer_is_told_by_its_variables() {
        let of = |vars: &[(&str, &str)]| {
            Multiplexer::from_env(|name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_string())
            })
        };
        assert_eq!(
            of(&[("TMUX", "/tmp/tmux-0/default,1,0")]),
            Multiplexer::Tmux
        );
        assert_eq!(of(&[("STY", "123.pts-0.host")]), Multiplexer::Screen);
        assert_eq!(of(&[("TMUX", "")]), Multiplexer::None);
    }
}
