//! Option numbers and the option header: the 4-bit delta and length nibbles with their
//! 1-byte (13) and 2-byte (14) extensions (RFC 7252 §3.1). 15 is reserved in both nibbles
//! (0xFF is the payload marker).

use crate::Error;
use crate::coap::encode::PAYLOAD_MARKER;
use crate::coap::wire::Wire;

/// Uri-Path (one option per path segment).
pub const URI_PATH: u16 = 11;
/// Content-Format (uint).
pub const CONTENT_FORMAT: u16 = 12;
/// Uri-Query (one option per `key=value`).
pub const URI_QUERY: u16 = 15;
/// Accept (uint).
pub const ACCEPT: u16 = 17;
/// Auth token option of iotkit-embedded v3.x (contradicts the docs, see docs/API.md).
pub const AUTH_TOKEN_V3: u16 = 61;
/// Auth token option as documented by Alibaba (and used by iotkit v2.3.0 and LinkSDK).
pub const AUTH_TOKEN: u16 = 2088;
/// Encrypted seq option (symmetric mode).
pub const SEQ: u16 = 2089;
/// Cloud message id in a publish response.
pub const CLOUD_MESSAGE_ID: u16 = 2090;

/// Largest option value length the header can express (14-extension: 269 + 65535).
pub const VALUE_MAX: usize = 269 + 65535;

/// The nibble of an option-header field and its extension bytes (big-endian, `n` of them) for
/// `value` <= [`VALUE_MAX`].
fn extend(value: usize) -> (u8, [u8; 2], usize) {
    if let Ok(small @ 0..13) = u8::try_from(value) {
        return (small, [0, 0], 0);
    }
    let v = value.wrapping_sub(13);
    if let Ok(byte) = u8::try_from(v) {
        return (13, [byte, 0], 1);
    }
    let word = u16::try_from(v.wrapping_sub(256)).unwrap_or(u16::MAX);
    (14, word.to_be_bytes(), 2)
}

/// Writes the header of an option `delta` numbers after the previous one, with a value of
/// `len` bytes (the value itself is the caller's to write). A `len` above [`VALUE_MAX`] is
/// [`Error::InvalidArgument`], recorded on the wire.
pub fn put_option_header(w: &mut Wire<'_>, delta: u16, len: usize) {
    if len > VALUE_MAX {
        return w.fail(Error::InvalidArgument);
    }
    let (dn, de, dl) = extend(usize::from(delta));
    let (ln, le, ll) = extend(len);
    w.byte((dn << 4) | ln);
    w.put(de.get(..dl).unwrap_or_default());
    w.put(le.get(..ll).unwrap_or_default());
}

/// Bytes an option header takes (for length arithmetic without writing).
pub fn option_header_len(delta: u16, len: usize) -> Result<usize, Error> {
    if len > VALUE_MAX {
        return Err(Error::InvalidArgument);
    }
    let (_, _, dl) = extend(usize::from(delta));
    let (_, _, ll) = extend(len);
    Ok(1usize.saturating_add(dl).saturating_add(ll))
}

/// The shortest big-endian form of a uint option value (RFC 7252 §3.2: 0 is empty).
/// Returns the 4-byte buffer and how many of its trailing bytes are the value.
pub fn uint_bytes(value: u32) -> ([u8; 4], usize) {
    let bytes = value.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    (bytes, bytes.len().saturating_sub(skip))
}

/// Decodes a uint option value (up to 8 bytes, big-endian; longer is `None`).
pub fn uint_value(value: &[u8]) -> Option<u64> {
    if value.len() > 8 {
        return None;
    }
    Some(value.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
}

/// One option of a decoded message: number and borrowed value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoapOption<'a> {
    /// Option number.
    pub number: u16,
    /// Raw value bytes.
    pub value: &'a [u8],
}

/// Reads one nibble's extension from `rest`; `None` for a truncated or reserved (15) form.
fn read_extended(nibble: u8, rest: &mut &[u8]) -> Option<usize> {
    match nibble {
        0..=12 => Some(usize::from(nibble)),
        13 => {
            let (b, tail) = rest.split_first()?;
            *rest = tail;
            Some(usize::from(*b).saturating_add(13))
        }
        14 => {
            let (pair, tail) = rest.split_first_chunk::<2>()?;
            *rest = tail;
            Some(usize::from(u16::from_be_bytes(*pair)).saturating_add(269))
        }
        _ => None,
    }
}

/// Walks the option area of a datagram. Yields `Err` (once, then stops) on malformed input;
/// a validated message's iterator never does.
#[derive(Clone, Debug)]
pub struct OptionIter<'a> {
    rest: &'a [u8],
    number: u16,
    failed: bool,
}

impl<'a> OptionIter<'a> {
    /// Iterates over `area`, which must hold only options (no payload marker).
    pub fn new(area: &'a [u8]) -> Self {
        OptionIter {
            rest: area,
            number: 0,
            failed: false,
        }
    }

    fn step(&mut self) -> Option<CoapOption<'a>> {
        let (first, mut rest) = self.rest.split_first()?;
        let delta = read_extended(first >> 4, &mut rest)?;
        let len = read_extended(first & 0x0f, &mut rest)?;
        let number = u16::try_from(usize::from(self.number).checked_add(delta)?).ok()?;
        let (value, tail) = rest.split_at_checked(len)?;
        self.rest = tail;
        self.number = number;
        Some(CoapOption { number, value })
    }
}

/// Splits what follows the token into the option area and the payload, walking every option
/// once (the same step [`OptionIter`] takes), so that a later [`OptionIter`] over the area
/// cannot fail. A truncated or reserved option, a number above 65535, and a payload marker
/// followed by nothing are [`Error::CoapMalformed`].
pub fn split_payload(rest: &[u8]) -> Result<(&[u8], &[u8]), Error> {
    let mut it = OptionIter::new(rest);
    loop {
        match it.rest.split_first() {
            None => return Ok((rest, &[])),
            Some((&PAYLOAD_MARKER, payload)) if !payload.is_empty() => {
                let area = rest.len().saturating_sub(it.rest.len());
                return Ok((rest.get(..area).unwrap_or_default(), payload));
            }
            Some((&PAYLOAD_MARKER, _)) => return Err(Error::CoapMalformed),
            Some(_) => {
                it.step().ok_or(Error::CoapMalformed)?;
            }
        }
    }
}

impl<'a> Iterator for OptionIter<'a> {
    type Item = Result<CoapOption<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        match self.step() {
            Some(opt) => Some(Ok(opt)),
            None => {
                self.failed = true;
                Some(Err(Error::CoapMalformed))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::wire::TestBuf;

    fn header(delta: u16, len: usize) -> std::vec::Vec<u8> {
        let mut s = TestBuf::default();
        let mut w = Wire::new(&mut s);
        put_option_header(&mut w, delta, len);
        w.finish().unwrap();
        assert_eq!(option_header_len(delta, len).unwrap(), s.0.len());
        s.0
    }

    #[test]
    fn nibbles_and_extensions() {
        assert_eq!(header(11, 5), [0xb5]);
        assert_eq!(header(44, 12), [0xdc, 0x1f]);
        assert_eq!(header(2028, 16), [0xed, 0x06, 0xdf, 0x03]);
        assert_eq!(header(2071, 12), [0xec, 0x07, 0x0a]);
        assert_eq!(header(12, 268), [0xcd, 0xff]);
        assert_eq!(header(13, 269), [0xde, 0x00, 0x00, 0x00]);
        assert_eq!(header(65535, VALUE_MAX), [0xee, 0xfe, 0xf2, 0xff, 0xff]);
        assert!(option_header_len(0, VALUE_MAX + 1).is_err());
        // RFC 7252 section 3.1: the 14 extension reaches 269 + 65535 = 65,804 bytes.
        assert_eq!(option_header_len(0, 65_804), Ok(3));
        assert_eq!(option_header_len(0, 65_805), Err(Error::InvalidArgument));
    }

    #[test]
    fn uint_values_up_to_eight_bytes() {
        assert_eq!(uint_value(&[]), Some(0));
        assert_eq!(uint_value(&[1, 2]), Some(0x0102));
        assert_eq!(
            uint_value(&[0xff, 0, 0, 0, 0, 0, 0, 1]),
            Some(0xff00_0000_0000_0001)
        );
        assert_eq!(uint_value(&[0; 9]), None);
    }

    #[test]
    fn iterator_rejects_reserved_and_truncated() {
        let mut it = OptionIter::new(&[0xf0]);
        assert_eq!(it.next(), Some(Err(Error::CoapMalformed)));
        assert_eq!(it.next(), None);
        assert!(OptionIter::new(&[0x0f]).next().unwrap().is_err());
        assert!(OptionIter::new(&[0xd1]).next().unwrap().is_err());
        assert!(OptionIter::new(&[0x13, 1, 2]).next().unwrap().is_err());
        let opts: std::vec::Vec<_> = OptionIter::new(&[0xb1, b'a', 0x11, b'b'])
            .map(|o| o.unwrap())
            .collect();
        assert_eq!(opts[1].number, 12);
        assert_eq!(opts[1].value, b"b");
    }

    #[test]
    fn uint_forms() {
        assert_eq!(uint_bytes(0).1, 0);
        assert_eq!(uint_bytes(50), ([0, 0, 0, 50], 1));
        assert_eq!(uint_bytes(0x1_0000).1, 3);
        assert_eq!(uint_value(&[1, 0]), Some(256));
        assert_eq!(uint_value(&[0; 9]), None);
    }
}
