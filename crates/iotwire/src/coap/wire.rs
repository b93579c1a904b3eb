//! The one writer every CoAP and auth output goes through: bytes pass to a
//! [`Text`](crate::sink::Text) (the FFI's measure-or-write output, a MAC's hash state, a
//! caller's slice through [`SinkText`](crate::sink::SinkText)), at most `limit` of them, and
//! the first failure (the limit, or a check a builder makes as it goes) is remembered instead
//! of returned at every call; [`Wire::finish`] reports it. Builders therefore have no error
//! branch per call, and exist once (no copy per destination type).

use crate::Error;
use crate::sink::{Text, format_unsigned};

/// A sticky-error writer over a sink; see the module docs.
pub struct Wire<'a> {
    text: &'a mut dyn Text,
    left: usize,
    limit_error: Error,
    status: Result<(), Error>,
}

impl<'a> Wire<'a> {
    /// Writes to `text` without a length limit.
    pub fn new(text: &'a mut dyn Text) -> Self {
        Wire::limited(text, usize::MAX, Error::Overflow)
    }

    /// Writes to `text`; more than `limit` bytes in all is `limit_error`.
    pub fn limited(text: &'a mut dyn Text, limit: usize, limit_error: Error) -> Self {
        Wire {
            text,
            left: limit,
            limit_error,
            status: Ok(()),
        }
    }

    /// Appends `bytes`, unless an earlier write failed (then nothing happens).
    #[inline(never)]
    pub fn put(&mut self, bytes: &[u8]) {
        if self.status.is_err() || bytes.is_empty() {
            return;
        }
        match self.left.checked_sub(bytes.len()) {
            Some(left) => {
                self.left = left;
                self.text.put(bytes);
            }
            None => self.status = Err(self.limit_error),
        }
    }

    /// Appends one byte.
    pub fn byte(&mut self, byte: u8) {
        self.put(&[byte]);
    }

    /// Appends `count` zero bytes (the placeholder of a size-query pass).
    pub fn zeros(&mut self, mut count: usize) {
        while count > 0 {
            let n = count.min(16);
            self.put([0u8; 16].get(..n).unwrap_or_default());
            count = count.saturating_sub(n);
        }
    }

    /// Appends the lower-case hex of `bytes`.
    pub fn hex(&mut self, bytes: &[u8]) {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        for b in bytes {
            let digit = |n: u8| DIGITS.get(usize::from(n & 15)).copied().unwrap_or(b'0');
            self.put(&[digit(b >> 4), digit(*b)]);
        }
    }

    /// Records `error` as this output's failure (if none came first).
    pub fn fail(&mut self, error: Error) {
        if self.status.is_ok() {
            self.status = Err(error);
        }
    }

    /// `Ok` if every write succeeded, else the first failure.
    pub fn finish(self) -> Result<(), Error> {
        self.status
    }
}

/// The decimal text of `value` in `buf`, read as a signed 32-bit integer when `signed` (what
/// the legacy SDKs print with `%d`). One digit loop for every number CoAP and auth write.
pub fn decimal(value: u32, signed: bool, buf: &mut [u8; 11]) -> &[u8] {
    let negative = signed && value >> 31 == 1;
    let magnitude = if negative {
        value.wrapping_neg()
    } else {
        value
    };
    let digits = format_unsigned(magnitude, buf).len();
    let start = buf.len().saturating_sub(digits);
    if !negative {
        return buf.get(start..).unwrap_or_default();
    }
    // u32::MAX has 10 digits, so the 11th byte is free for the sign.
    let start = start.saturating_sub(1);
    if let Some(sign) = buf.get_mut(start) {
        *sign = b'-';
    }
    buf.get(start..).unwrap_or_default()
}

/// A growing byte buffer as a [`Text`], for unit tests.
#[cfg(test)]
#[derive(Default)]
pub(crate) struct TestBuf(pub std::vec::Vec<u8>);

#[cfg(test)]
impl Text for TestBuf {
    fn put(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::{SinkText, SliceWriter};

    #[test]
    fn decimal_texts() {
        let mut b = [0u8; 11];
        assert_eq!(decimal(u32::MAX, true, &mut b), b"-1");
        assert_eq!(decimal(u32::MAX, false, &mut b), b"4294967295");
        assert_eq!(decimal(0x8000_0000, true, &mut b), b"-2147483648");
        assert_eq!(decimal(0x7fff_ffff, true, &mut b), b"2147483647");
        assert_eq!(decimal(0, false, &mut b), b"0");
        assert_eq!(decimal(10, true, &mut b), b"10");
    }

    #[test]
    fn first_failure_sticks_and_limit_counts_every_byte() {
        let mut buf = [0u8; 8];
        let mut s = SliceWriter::new(&mut buf);
        let mut t = SinkText::new(&mut s);
        let mut w = Wire::limited(&mut t, 5, Error::CoapDatagramTooLarge);
        w.put(b"abc");
        w.hex(&[0xa5]);
        assert!(matches!(w.status, Ok(())));
        w.byte(b'x');
        w.put(b"");
        w.fail(Error::InvalidArgument);
        assert_eq!(w.finish(), Err(Error::CoapDatagramTooLarge));
        assert!(t.result().is_ok());
        assert_eq!(s.written(), b"abca5");
        let mut buf = [0u8; 20];
        let mut s = SliceWriter::new(&mut buf);
        let mut t = SinkText::new(&mut s);
        let mut w = Wire::new(&mut t);
        w.zeros(17);
        w.put(b"z");
        assert!(w.finish().is_ok());
        assert_eq!(s.written(), b"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0z");
    }
}
