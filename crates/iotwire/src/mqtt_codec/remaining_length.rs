//! The "remaining length" of the fixed header (MQTT 3.1.1 section 2.2.3): 7 bits per byte,
//! least significant first, bit 7 = more follows, at most 4 bytes.

use crate::Error;
use crate::sink::Sink;

/// The largest remaining length four bytes can carry.
pub const MAX: usize = 268_435_455;

/// Writes `len` as a remaining length; over [`MAX`] is [`Error::MqttPacketTooLarge`].
pub fn put<S: Sink + ?Sized>(s: &mut S, len: usize) -> Result<(), Error> {
    if len > MAX {
        return Err(Error::MqttPacketTooLarge);
    }
    let mut rest = len;
    loop {
        let digit = u8::try_from(rest % 128).map_err(|_| Error::Overflow)?;
        rest /= 128;
        if rest == 0 {
            return s.put_byte(digit);
        }
        s.put_byte(digit | 0x80)?;
    }
}

/// Bytes [`put`] writes for `len` (1..=4).
pub fn size(len: usize) -> usize {
    match len {
        0..=127 => 1,
        128..=16_383 => 2,
        16_384..=2_097_151 => 3,
        _ => 4,
    }
}

/// Bytes of a whole packet with remaining length `rem`: type byte, length field, body.
pub fn total_len(rem: usize) -> Result<usize, Error> {
    rem.checked_add(size(rem))
        .and_then(|n| n.checked_add(1))
        .ok_or(Error::Overflow)
}

/// What the bytes after the first header byte say about the remaining length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parsed {
    /// The value and how many bytes encoded it.
    Complete {
        /// Remaining length.
        value: usize,
        /// Bytes of the length field (1..=4).
        width: usize,
    },
    /// The field continues past the end of the input.
    Incomplete,
}

/// Parses a remaining length from `bytes` (the input after the first header byte). A fifth
/// byte is [`Error::MqttMalformed`]. Non-minimal encodings (e.g. `80 00`) are accepted, as
/// the standard only requires the minimum from senders.
pub fn parse(bytes: &[u8]) -> Result<Parsed, Error> {
    let mut value: usize = 0;
    let mut shift: u32 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if i >= 4 {
            return Err(Error::MqttMalformed);
        }
        let digit = usize::from(b & 0x7F);
        value |= digit.checked_shl(shift).ok_or(Error::Overflow)?;
        shift = shift.saturating_add(7);
        if b & 0x80 == 0 {
            return Ok(Parsed::Complete {
                value,
                width: i.saturating_add(1),
            });
        }
    }
    if bytes.len() >= 4 {
        return Err(Error::MqttMalformed);
    }
    Ok(Parsed::Incomplete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    fn enc(len: usize) -> ([u8; 4], usize) {
        let mut b = [0u8; 4];
        let mut w = SliceWriter::new(&mut b);
        put(&mut w, len).unwrap();
        let n = w.len();
        (b, n)
    }

    #[test]
    fn spec_table_boundaries() {
        // MQTT 3.1.1 Table 2.4.
        assert_eq!(enc(0), ([0, 0, 0, 0], 1));
        assert_eq!(enc(127), ([0x7F, 0, 0, 0], 1));
        assert_eq!(enc(128), ([0x80, 0x01, 0, 0], 2));
        assert_eq!(enc(16_383), ([0xFF, 0x7F, 0, 0], 2));
        assert_eq!(enc(16_384), ([0x80, 0x80, 0x01, 0], 3));
        assert_eq!(enc(2_097_151), ([0xFF, 0xFF, 0x7F, 0], 3));
        assert_eq!(enc(2_097_152), ([0x80, 0x80, 0x80, 0x01], 4));
        assert_eq!(enc(MAX), ([0xFF, 0xFF, 0xFF, 0x7F], 4));
        for n in [0, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, MAX] {
            assert_eq!(enc(n).1, size(n));
        }
    }

    #[test]
    fn too_large_and_malformed() {
        let mut b = [0u8; 8];
        let mut w = SliceWriter::new(&mut b);
        assert_eq!(put(&mut w, MAX + 1), Err(Error::MqttPacketTooLarge));
        assert_eq!(
            parse(&[0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            Err(Error::MqttMalformed)
        );
        assert_eq!(parse(&[0xFF, 0xFF, 0xFF, 0xFF]), Err(Error::MqttMalformed));
        assert_eq!(parse(&[0xFF, 0xFF]), Ok(Parsed::Incomplete));
        assert_eq!(parse(&[]), Ok(Parsed::Incomplete));
        assert_eq!(
            parse(&[0xFF, 0xFF, 0xFF, 0x7F]),
            Ok(Parsed::Complete {
                value: MAX,
                width: 4
            })
        );
    }
}
