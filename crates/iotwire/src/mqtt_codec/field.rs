//! MQTT's data representations (MQTT 3.1.1 section 1.5): two-byte integers and
//! length-prefixed strings, and the rules a "UTF-8 encoded string" must follow.

use crate::utf8::{self, Forbid};

/// Longest string or binary field (its length is a u16).
pub use crate::layout::FIELD_MAX as STRING_MAX;

/// True for text MQTT accepts as a UTF-8 string: well-formed UTF-8 (which already excludes
/// surrogates), no U+0000 (MQTT-1.5.3-2), at most 65535 bytes.
pub fn is_mqtt_text(bytes: &[u8]) -> bool {
    bytes.len() <= STRING_MAX && utf8::valid(bytes, Forbid::Nul)
}

/// Reads a big-endian u16 at `at`, or `None` past the end.
pub fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let end = at.checked_add(2)?;
    let b = bytes.get(at..end)?.first_chunk::<2>()?;
    Some(u16::from_be_bytes(*b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert!(is_mqtt_text(b""));
        assert!(is_mqtt_text("a/\u{6d4b}".as_bytes()));
        assert!(!is_mqtt_text(b"a\0b"));
        assert!(!is_mqtt_text(&[0xC0, 0x80]));
        assert!(!is_mqtt_text(&[0xED, 0xA0, 0x80]));
        assert!(is_mqtt_text(&[b'x'; STRING_MAX]));
        assert!(!is_mqtt_text(&[b'x'; STRING_MAX + 1]));
        assert_eq!(read_u16(&[1, 2, 3], 1), Some(0x0203));
        assert_eq!(read_u16(&[1, 2, 3], 2), None);
        assert_eq!(read_u16(&[1, 2, 3], usize::MAX), None);
    }
}
