//! The part of CBOR (RFC 8949) the auth exchange needs: writing a map of text strings and
//! small unsigned integers, and reading the server's reply map without allocating.
//!
//! The reader validates the whole item once (definite lengths only, nesting at most
//! [`MAX_DEPTH`], nothing after it), then lookups walk the borrowed bytes again, like the
//! JSON reader. Indefinite lengths, reserved additional-information values and a stray
//! "break" are errors; a text key that occurs twice is an error (two readers of one reply
//! must not disagree).

use crate::Error;
use crate::coap::wire::Wire;

/// Deepest nesting accepted in a reply (the auth reply is flat).
pub const MAX_DEPTH: u32 = 8;

/// Major type 0: unsigned integer.
pub const MAJOR_UINT: u8 = 0;
const MAJOR_NINT: u8 = 1;
const MAJOR_BYTES: u8 = 2;
/// Major type 3: text string.
pub const MAJOR_TEXT: u8 = 3;
const MAJOR_ARRAY: u8 = 4;
/// Major type 5: map.
pub const MAJOR_MAP: u8 = 5;
const MAJOR_TAG: u8 = 6;

/// Writes an item head: major type and argument in the shortest form.
pub fn put_head(w: &mut Wire<'_>, major: u8, value: u32) {
    let m = major << 5;
    let be = value.to_be_bytes();
    let (info, n) = match value {
        0..=23 => (be[3], 0),
        24..=0xff => (24, 1),
        0x100..=0xffff => (25, 2),
        _ => (26, 4),
    };
    w.byte(m | info);
    w.put(be.get(4usize.saturating_sub(n)..).unwrap_or_default());
}

/// One decoded value, borrowed from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// Major type 0.
    Unsigned(u64),
    /// Major type 1: the value is `-1 - n`; `n` is kept to avoid overflow.
    Negative(u64),
    /// Major type 3 (valid UTF-8).
    Text(&'a [u8]),
    /// Anything else (byte strings, arrays, maps, tags, simple values, floats).
    Other,
}

/// A validated CBOR map, borrowed from the input.
#[derive(Clone, Copy, Debug)]
pub struct Map<'a> {
    /// The bytes after the map's head.
    body: &'a [u8],
    pairs: u64,
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: u64) -> Result<&'a [u8], Error> {
        let end = usize::try_from(n)
            .ok()
            .and_then(|n| self.pos.checked_add(n))
            .ok_or(Error::InvalidCbor)?;
        let bytes = self.buf.get(self.pos..end).ok_or(Error::InvalidCbor)?;
        self.pos = end;
        Ok(bytes)
    }

    /// Reads a head: (major type, additional info, argument). Additional information 28..=30
    /// is reserved and 31 (indefinite length or break) is never in a reply we accept.
    fn head(&mut self) -> Result<(u8, u8, u64), Error> {
        let [b] = *self.take(1)?.first_chunk::<1>().ok_or(Error::InvalidCbor)?;
        let info = b & 0x1f;
        let arg = match info {
            0..=23 => u64::from(info),
            24..=27 => self
                .take(1u64.wrapping_shl(u32::from(info.wrapping_sub(24))))?
                .iter()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b)),
            _ => return Err(Error::InvalidCbor),
        };
        Ok((b >> 5, info, arg))
    }

    /// Reads one complete item, returning its value.
    fn item(&mut self, depth: u32) -> Result<Value<'a>, Error> {
        let (major, info, arg) = self.head()?;
        match major {
            MAJOR_UINT => Ok(Value::Unsigned(arg)),
            MAJOR_NINT => Ok(Value::Negative(arg)),
            MAJOR_BYTES => {
                self.take(arg)?;
                Ok(Value::Other)
            }
            MAJOR_TEXT => {
                let text = self.take(arg)?;
                if !crate::utf8::valid(text, crate::utf8::Forbid::Nothing) {
                    return Err(Error::InvalidCbor);
                }
                Ok(Value::Text(text))
            }
            MAJOR_ARRAY | MAJOR_MAP | MAJOR_TAG => {
                let depth = depth.checked_add(1).ok_or(Error::InvalidCbor)?;
                if depth > MAX_DEPTH {
                    return Err(Error::InvalidCbor);
                }
                let items = match major {
                    MAJOR_ARRAY => arg,
                    MAJOR_MAP => arg.checked_mul(2).ok_or(Error::InvalidCbor)?,
                    _ => 1,
                };
                // Every item takes at least one byte, so a count larger than what is left
                // fails fast instead of looping.
                let left = self.buf.len().saturating_sub(self.pos);
                if items > u64::try_from(left).unwrap_or(u64::MAX) {
                    return Err(Error::InvalidCbor);
                }
                let mut i = 0u64;
                while i < items {
                    self.item(depth)?;
                    i = i.saturating_add(1);
                }
                Ok(Value::Other)
            }
            // Major 7: simple values and floats; their argument was already consumed.
            _ => {
                // Two-byte simple values below 32 are not well-formed (RFC 8949 3.3).
                if info == 24 && arg < 32 {
                    return Err(Error::InvalidCbor);
                }
                Ok(Value::Other)
            }
        }
    }
}

/// Checks that `input` is exactly one well-formed CBOR map and returns it.
pub fn parse_map(input: &[u8]) -> Result<Map<'_>, Error> {
    let mut c = Cursor { buf: input, pos: 0 };
    let (major, _, pairs) = c.head()?;
    if major != MAJOR_MAP {
        return Err(Error::InvalidCbor);
    }
    let body_start = c.pos;
    let mut whole = Cursor { buf: input, pos: 0 };
    whole.item(0)?;
    if whole.pos != input.len() {
        return Err(Error::InvalidCbor);
    }
    let body = input.get(body_start..).ok_or(Error::InvalidCbor)?;
    Ok(Map { body, pairs })
}

impl<'a> Map<'a> {
    /// Calls `f` with every key/value pair in order.
    pub fn for_each(&self, mut f: impl FnMut(Value<'a>, Value<'a>)) -> Result<(), Error> {
        let mut c = Cursor {
            buf: self.body,
            pos: 0,
        };
        let mut i = 0u64;
        while i < self.pairs {
            let k = c.item(1)?;
            let v = c.item(1)?;
            f(k, v);
            i = i.saturating_add(1);
        }
        Ok(())
    }

    /// The value of the text key `key`, `None` if absent; a text key present twice is
    /// [`Error::InvalidCbor`].
    pub fn get(&self, key: &[u8]) -> Result<Option<Value<'a>>, Error> {
        let mut found = None;
        let mut twice = false;
        self.for_each(|k, v| {
            if k == Value::Text(key) {
                twice |= found.is_some();
                found = Some(v);
            }
        })?;
        if twice {
            return Err(Error::InvalidCbor);
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::wire::TestBuf;

    #[test]
    fn heads_use_the_shortest_form() {
        let mut s = TestBuf::default();
        let mut w = Wire::new(&mut s);
        for v in [23, 24, 256, 65536] {
            put_head(&mut w, MAJOR_UINT, v);
        }
        put_head(&mut w, MAJOR_TEXT, 2);
        w.finish().unwrap();
        assert_eq!(s.0, &[0x17, 0x18, 24, 0x19, 1, 0, 0x1a, 0, 1, 0, 0, 0x62]);
    }

    #[test]
    fn reads_a_reply_map_and_refuses_malformed_ones() {
        // {"token": "ab", "seqOffset": 1, "x": [1, {}]} written by hand (RFC 8949 encoding).
        let m = [
            0xa3, 0x65, b't', b'o', b'k', b'e', b'n', 0x62, b'a', b'b', 0x69, b's', b'e', b'q',
            b'O', b'f', b'f', b's', b'e', b't', 0x01, 0x61, b'x', 0x82, 0x01, 0xa0,
        ];
        let map = parse_map(&m).unwrap();
        assert_eq!(map.get(b"token").unwrap(), Some(Value::Text(b"ab")));
        assert_eq!(map.get(b"seqOffset").unwrap(), Some(Value::Unsigned(1)));
        assert_eq!(map.get(b"random").unwrap(), None);
        assert!(parse_map(&m[..m.len() - 1]).is_err());
        let mut trailing = [0u8; 27];
        trailing[..26].copy_from_slice(&m);
        assert!(parse_map(&trailing).is_err());
        assert!(parse_map(&[0xbf, 0xff]).is_err()); // indefinite map
        assert!(parse_map(&[0xa1, 0x61, b'a', 0x61]).is_err()); // truncated
        assert!(parse_map(&[0xa2, 0x61, b'a', 0x00, 0x61, b'a', 0x01]).is_ok());
        let dup = parse_map(&[0xa2, 0x61, b'a', 0x00, 0x61, b'a', 0x01]).unwrap();
        assert!(dup.get(b"a").is_err());
        assert!(parse_map(&[0xa1, 0x61, 0xff, 0x00]).is_err()); // not UTF-8
        assert!(parse_map(&[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).is_err());
    }

    /// The 1-, 2-, 4- and 8-byte arguments (additional information 24..=27), big-endian.
    #[test]
    fn long_arguments() {
        for (bytes, want) in [
            (&[0xa1, 0x61, b'k', 0x18, 0x2a][..], 42u64),
            (&[0xa1, 0x61, b'k', 0x19, 0x01, 0x02], 0x0102),
            (
                &[0xa1, 0x61, b'k', 0x1a, 0x01, 0x02, 0x03, 0x04],
                0x0102_0304,
            ),
            (
                &[0xa1, 0x61, b'k', 0x1b, 1, 2, 3, 4, 5, 6, 7, 8],
                0x0102_0304_0506_0708,
            ),
        ] {
            let map = parse_map(bytes).unwrap();
            assert_eq!(
                map.get(b"k").unwrap(),
                Some(Value::Unsigned(want)),
                "{bytes:02x?}"
            );
        }
        // Reserved additional information 28..=30.
        assert!(parse_map(&[0xa1, 0x61, b'k', 0x1c]).is_err());
    }

    /// Byte strings are skipped whole; nesting stops at MAX_DEPTH; a count larger than
    /// the bytes left fails at once; two-byte simple values below 32 are refused.
    #[test]
    fn byte_strings_depth_counts_and_simple_values() {
        let bytes = parse_map(&[0xa2, 0x61, b'b', 0x42, 0xff, 0x00, 0x61, b'k', 0x01]).unwrap();
        assert_eq!(bytes.get(b"k").unwrap(), Some(Value::Unsigned(1)));
        assert_eq!(bytes.get(b"b").unwrap(), Some(Value::Other));
        // The map, then arrays nested to a total depth of MAX_DEPTH: accepted; one more: not.
        let nested = |arrays: usize| {
            let mut v = std::vec![0xa1, 0x61, b'k'];
            v.extend(std::iter::repeat_n(0x81, arrays));
            v.push(0x00);
            v
        };
        let max = usize::try_from(MAX_DEPTH).unwrap();
        assert!(parse_map(&nested(max - 1)).is_ok());
        assert!(parse_map(&nested(max)).is_err());
        // An array announcing as many items as bytes are left is read; one more is refused.
        assert!(parse_map(&[0xa1, 0x61, b'k', 0x82, 0x00, 0x00]).is_ok());
        assert!(parse_map(&[0xa1, 0x61, b'k', 0x83, 0x00, 0x00]).is_err());
        // Simple values: 0xf8 with an argument below 32 is not well-formed; 32 is.
        assert!(parse_map(&[0xa1, 0x61, b'k', 0xf8, 0x1f]).is_err());
        assert!(parse_map(&[0xa1, 0x61, b'k', 0xf8, 0x20]).is_ok());
        assert!(parse_map(&[0xa1, 0x61, b'k', 0xf5]).is_ok()); // true
        assert_eq!(
            parse_map(&[0xa1, 0x61, b'k', 0x20])
                .unwrap()
                .get(b"k")
                .unwrap(),
            Some(Value::Negative(0))
        );
    }
}
