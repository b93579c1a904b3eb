//! The one writer every CoAP and auth output goes through: bytes pass to a `dyn Sink` (the
//! FFI's measure-or-write output, a MAC, a caller's slice), at most `limit` of them, and the
//! first failure is remembered instead of returned at every call ([`Wire::finish`] reports
//! it). Builders therefore validate everything first, then write without a branch per call,
//! and exist once (no copy per sink type).

use crate::Error;
use crate::sink::Sink;

/// A sticky-error writer over a sink; see the module docs.
pub struct Wire<'a> {
    sink: &'a mut dyn Sink,
    left: usize,
    limit_error: Error,
    status: Result<(), Error>,
}

impl<'a> Wire<'a> {
    /// Writes to `sink` without a length limit.
    pub fn new(sink: &'a mut dyn Sink) -> Self {
        Wire::limited(sink, usize::MAX, Error::Overflow)
    }

    /// Writes to `sink`; more than `limit` bytes in all is `limit_error`.
    pub fn limited(sink: &'a mut dyn Sink, limit: usize, limit_error: Error) -> Self {
        Wire {
            sink,
            left: limit,
            limit_error,
            status: Ok(()),
        }
    }

    /// Appends `bytes`, unless an earlier write failed (then nothing happens).
    #[inline(never)]
    pub fn put(&mut self, bytes: &[u8]) {
        if self.status.is_err() {
            return;
        }
        self.status = match self.left.checked_sub(bytes.len()) {
            Some(left) => {
                self.left = left;
                self.sink.put(bytes)
            }
            None => Err(self.limit_error),
        };
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

/// Any sink, sized or not, as a sized one, so that generic callers (a MAC's
/// [`crate::mac::Message`]) can hand it to a builder that takes `&mut dyn Sink`.
pub struct Forward<'s, S: Sink + ?Sized>(pub &'s mut S);

impl<S: Sink + ?Sized> Sink for Forward<'_, S> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.0.put(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    #[test]
    fn first_failure_sticks_and_limit_counts_every_byte() {
        let mut buf = [0u8; 8];
        let mut s = SliceWriter::new(&mut buf);
        let mut w = Wire::limited(&mut s, 5, Error::CoapDatagramTooLarge);
        w.put(b"abc");
        w.hex(&[0xa5]);
        assert!(matches!(w.status, Ok(())));
        w.byte(b'x');
        w.put(b"");
        w.fail(Error::InvalidArgument);
        assert_eq!(w.finish(), Err(Error::CoapDatagramTooLarge));
        assert_eq!(s.written(), b"abca5");
        let mut buf = [0u8; 2];
        let mut s = SliceWriter::new(&mut buf);
        let mut w = Wire::new(&mut s);
        w.zeros(3);
        w.put(b"z");
        assert_eq!(w.finish(), Err(Error::BufferTooSmall));
        assert_eq!(s.written(), b"");
    }
}
