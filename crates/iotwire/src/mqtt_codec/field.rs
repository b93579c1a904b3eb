//! MQTT's data representations (MQTT 3.1.1 section 1.5): two-byte integers and
//! length-prefixed strings, and the rules a "UTF-8 encoded string" must follow.

use crate::Error;
use crate::sink::Sink;

/// Longest string or binary field (its length is a u16).
pub const STRING_MAX: usize = 65_535;

/// Writes a big-endian u16 (packet ids, keepalive, string lengths).
pub fn put_u16<S: Sink + ?Sized>(s: &mut S, v: u16) -> Result<(), Error> {
    s.put(&v.to_be_bytes())
}

/// The u16 length prefix of a field, or [`Error::MqttPacketTooLarge`].
pub fn prefix_of(len: usize) -> Result<u16, Error> {
    u16::try_from(len).map_err(|_| Error::MqttPacketTooLarge)
}

/// Writes a length-prefixed field.
pub fn put_field<S: Sink + ?Sized>(s: &mut S, bytes: &[u8]) -> Result<(), Error> {
    put_u16(s, prefix_of(bytes.len())?)?;
    s.put(bytes)
}

/// Bytes a length-prefixed field of `len` bytes takes.
pub fn field_size(len: usize) -> Result<usize, Error> {
    prefix_of(len)?;
    len.checked_add(2).ok_or(Error::Overflow)
}

/// True for text MQTT accepts as a UTF-8 string: well-formed UTF-8 (which already excludes
/// surrogates), no U+0000 (MQTT-1.5.3-2), at most 65535 bytes.
pub fn is_mqtt_text(bytes: &[u8]) -> bool {
    bytes.len() <= STRING_MAX && !bytes.contains(&0) && core::str::from_utf8(bytes).is_ok()
}

/// Reads a big-endian u16 at `at`, or `None` past the end.
pub fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let end = at.checked_add(2)?;
    let b = bytes.get(at..end)?;
    let hi = *b.first()?;
    let lo = *b.get(1)?;
    Some(u16::from_be_bytes([hi, lo]))
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
        assert_eq!(read_u16(&[1, 2, 3], 1), Some(0x0203));
        assert_eq!(read_u16(&[1, 2, 3], 2), None);
        assert_eq!(read_u16(&[1, 2, 3], usize::MAX), None);
    }
}
