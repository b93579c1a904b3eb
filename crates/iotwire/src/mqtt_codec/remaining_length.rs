//! The "remaining length" of the fixed header (MQTT 3.1.1 section 2.2.3): 7 bits per byte,
//! least significant first, bit 7 = more follows, at most 4 bytes. The encoder is the
//! layout writer's ([`crate::layout::remaining_length`]); the parser is the decoder's.

use crate::Error;

pub use crate::layout::{REMAINING_MAX as MAX, remaining_length as encode};

/// Bytes [`encode`] uses for `len` (1..=4).
pub fn size(len: usize) -> usize {
    encode(len).1
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
    for (&b, width) in bytes.iter().take(4).zip(1..) {
        value |= usize::from(b & 0x7F).wrapping_shl(shift);
        if b & 0x80 == 0 {
            return Ok(Parsed::Complete { value, width });
        }
        shift = shift.wrapping_add(7);
    }
    if bytes.len() >= 4 {
        return Err(Error::MqttMalformed);
    }
    Ok(Parsed::Incomplete)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(len: usize) -> ([u8; 4], usize) {
        let (d, n) = encode(len);
        let mut b = [0u8; 4];
        b[..n].copy_from_slice(&d[..n]);
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
        // What the encoder writes, the parser reads back.
        for n in [
            0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, MAX,
        ] {
            let (d, w) = encode(n);
            assert_eq!(parse(&d[..w]), Ok(Parsed::Complete { value: n, width: w }));
        }
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
