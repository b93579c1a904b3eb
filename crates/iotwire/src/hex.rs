//! Hex encoding straight into a [`Sink`] (no intermediate buffer), in the case each legacy
//! path used: upper for HMAC-SHA256 credentials, lower for the HMAC-MD5/SHA1 ones.

use crate::Error;
use crate::sink::{Sink, Text};

/// Letter case of hex digits `a`..`f`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HexCase {
    /// `0123456789abcdef`
    Lower,
    /// `0123456789ABCDEF`
    Upper,
}

impl HexCase {
    fn alphabet(self) -> &'static [u8; 16] {
        match self {
            HexCase::Lower => b"0123456789abcdef",
            HexCase::Upper => b"0123456789ABCDEF",
        }
    }
}

/// Appends the hex text of `bytes` (two characters per byte).
pub fn put_hex<S: Sink>(sink: &mut S, bytes: &[u8], case: HexCase) -> Result<(), Error> {
    let alphabet = case.alphabet();
    for byte in bytes {
        let hi = alphabet
            .get(usize::from(byte >> 4))
            .copied()
            .unwrap_or(b'0');
        let lo = alphabet
            .get(usize::from(byte & 0x0f))
            .copied()
            .unwrap_or(b'0');
        sink.put(&[hi, lo])?;
    }
    Ok(())
}

/// [`put_hex`] into a [`Text`]: infallible, one copy for every caller, and one `put` per 32
/// bytes (the text is a password or a PSK: the stack buffer is wiped after use).
#[inline(never)]
pub fn put_hex_text(t: &mut dyn Text, bytes: &[u8], case: HexCase) {
    // Digits by arithmetic, no table lookup: '0' + n, plus the distance to 'A' (or 'a') for
    // n > 9, selected by the borrow of 9 - n.
    let letters: u8 = match case {
        HexCase::Upper => b'A' - b'0' - 10,
        HexCase::Lower => b'a' - b'0' - 10,
    };
    let digit = |n: u8| {
        (b'0'.wrapping_add(n)).wrapping_add((9u8.wrapping_sub(n) >> 7).wrapping_mul(letters))
    };
    let mut text = [0u8; 64];
    for chunk in bytes.chunks(32) {
        for (pair, byte) in text.chunks_exact_mut(2).zip(chunk) {
            if let [hi, lo] = pair {
                *hi = digit(byte >> 4);
                *lo = digit(byte & 0x0f);
            }
        }
        t.put(
            text.get(..chunk.len().saturating_mul(2))
                .unwrap_or_default(),
        );
    }
    zeroize::Zeroize::zeroize(&mut text);
}

/// Decodes hex text (either case) into `out`, returning the decoded prefix.
pub fn decode_hex<'a>(text: &[u8], out: &'a mut [u8]) -> Result<&'a [u8], Error> {
    if !text.len().is_multiple_of(2) {
        return Err(Error::InvalidArgument);
    }
    let n = text.len() / 2;
    let dst = out.get_mut(..n).ok_or(Error::BufferTooSmall)?;
    for (slot, pair) in dst.iter_mut().zip(text.chunks_exact(2)) {
        let (hi, lo) = match pair {
            [h, l] => (nibble(*h)?, nibble(*l)?),
            _ => return Err(Error::InvalidArgument),
        };
        *slot = (hi << 4) | lo;
    }
    Ok(dst)
}

fn nibble(c: u8) -> Result<u8, Error> {
    match c {
        b'0'..=b'9' => Ok(c.wrapping_sub(b'0')),
        b'a'..=b'f' => Ok(c.wrapping_sub(b'a').wrapping_add(10)),
        b'A'..=b'F' => Ok(c.wrapping_sub(b'A').wrapping_add(10)),
        _ => Err(Error::InvalidArgument),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    #[test]
    fn round_trip_both_cases() {
        let mut buf = [0u8; 8];
        let mut w = SliceWriter::new(&mut buf);
        put_hex(&mut w, &[0x0f, 0xa5, 0x00, 0xff], HexCase::Upper).unwrap();
        assert_eq!(w.written(), b"0FA500FF");
        let mut out = [0u8; 4];
        assert_eq!(
            decode_hex(b"0fA500ff", &mut out).unwrap(),
            &[0x0f, 0xa5, 0, 0xff]
        );
        assert!(decode_hex(b"0g", &mut out).is_err());
        assert!(decode_hex(b"abc", &mut out).is_err());
    }
}
