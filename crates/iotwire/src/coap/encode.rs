//! Writing a datagram in wire order through a [`Sink`]: [`Encoder::new`] writes the 4 header
//! bytes and the token, each `option*` call one option (numbers must not decrease; the delta
//! encoding is computed here), and [`Encoder::payload`] the 0xFF marker plus payload, or
//! nothing for an empty payload. Nothing is buffered: each byte goes straight to the sink.

use crate::Error;
use crate::coap::header::{Header, Token};
use crate::coap::options::{put_option_header, uint_bytes};
use crate::coap::wire::Wire;
use crate::sink::Text;

/// The payload marker.
pub const PAYLOAD_MARKER: u8 = 0xff;

/// An in-progress datagram on a [`Wire`]. Options must be added in ascending number order
/// (equal numbers repeat an option, e.g. one Uri-Path per segment); a decreasing number or an
/// over-long value is remembered as [`Error::InvalidArgument`] and reported by
/// [`Encoder::finish`], like any write failure.
pub struct Encoder<'a> {
    wire: Wire<'a>,
    last: u16,
}

impl<'a> Encoder<'a> {
    /// Writes the header (version 1, type, TKL, code, message id) and the token to `sink`;
    /// the whole datagram may take at most `limit` bytes (more is `limit_error`).
    pub fn new(
        sink: &'a mut dyn Text,
        limit: usize,
        limit_error: Error,
        header: &Header,
        token: &Token,
    ) -> Self {
        let mut wire = Wire::limited(sink, limit, limit_error);
        wire.put(&header.bytes_for(token));
        wire.put(token.as_bytes());
        Encoder { wire, last: 0 }
    }

    /// Writes the header of option `number` with a value of `len` bytes; the caller then
    /// writes exactly `len` value bytes through [`Encoder::wire`] (for values produced on the
    /// fly, e.g. encrypted).
    #[inline(never)]
    pub fn option_header(&mut self, number: u16, len: usize) {
        match number.checked_sub(self.last) {
            Some(delta) => put_option_header(&mut self.wire, delta, len),
            None => self.wire.fail(Error::InvalidArgument),
        }
        self.last = number;
    }

    /// Writes an opaque or string option. Out of line: builders call it from many places.
    #[inline(never)]
    pub fn option(&mut self, number: u16, value: &[u8]) {
        self.option_header(number, value.len());
        self.wire.put(value);
    }

    /// Writes a uint option in its shortest form (RFC 7252 §3.2).
    pub fn option_uint(&mut self, number: u16, value: u32) {
        let (bytes, len) = uint_bytes(value);
        let start = bytes.len().saturating_sub(len);
        self.option(number, bytes.get(start..).unwrap_or(&[]));
    }

    /// The writer, for option values written after [`Encoder::option_header`] and for a
    /// payload written after [`Encoder::payload_marker`].
    pub fn wire(&mut self) -> &mut Wire<'a> {
        &mut self.wire
    }

    /// Writes the payload marker and `payload`; an empty payload writes nothing (a marker
    /// followed by nothing is a format error in RFC 7252).
    pub fn payload(&mut self, payload: &[u8]) {
        if !payload.is_empty() {
            self.payload_marker();
            self.wire.put(payload);
        }
    }

    /// Writes only the payload marker, for a payload the caller writes through
    /// [`Encoder::wire`] (at least one byte).
    pub fn payload_marker(&mut self) {
        self.wire.byte(PAYLOAD_MARKER);
    }

    /// `Ok` if the whole datagram was written, else the first failure.
    pub fn finish(self) -> Result<(), Error> {
        self.wire.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::header::{Code, MessageType};
    use crate::coap::options::{ACCEPT, CONTENT_FORMAT, URI_PATH};
    use crate::coap::wire::TestBuf;

    #[test]
    fn auth_request_prefix_matches_legacy_bytes() {
        let mut w = TestBuf::default();
        let h = Header {
            message_type: MessageType::Confirmable,
            code: Code::POST,
            message_id: 1000,
        };
        let mut e = Encoder::new(
            &mut w,
            usize::MAX,
            Error::Overflow,
            &h,
            &Token::from_counter(0x0102_0304),
        );
        e.option(URI_PATH, b"auth");
        e.option_uint(CONTENT_FORMAT, 50);
        e.option_uint(ACCEPT, 50);
        e.payload(b"{}");
        e.finish().unwrap();
        // From vector coap-flow-v320-01 auth_request_hex.
        assert_eq!(
            w.0,
            b"\x44\x02\x03\xe8\x04\x03\x02\x01\xb4auth\x11\x32\x51\x32\xff{}"
        );
    }

    #[test]
    fn empty_payload_has_no_marker() {
        let mut w = TestBuf::default();
        let h = Header {
            message_type: MessageType::NonConfirmable,
            code: Code::GET,
            message_id: 7,
        };
        let mut e = Encoder::new(&mut w, 4, Error::CoapDatagramTooLarge, &h, &Token::EMPTY);
        e.payload(b"");
        e.finish().unwrap();
        assert_eq!(w.0, [0x50, 0x01, 0x00, 0x07]);
    }

    #[test]
    fn decreasing_option_and_limit_are_reported_once() {
        let h = Header {
            message_type: MessageType::Confirmable,
            code: Code::POST,
            message_id: 1,
        };
        let mut w = TestBuf::default();
        let mut e = Encoder::new(&mut w, 64, Error::CoapDatagramTooLarge, &h, &Token::EMPTY);
        e.option(CONTENT_FORMAT, b"");
        e.option(URI_PATH, b"x");
        e.payload(&[1; 80]);
        assert_eq!(e.finish(), Err(Error::InvalidArgument));
        let mut w = TestBuf::default();
        let mut e = Encoder::new(&mut w, 8, Error::CoapDatagramTooLarge, &h, &Token::EMPTY);
        e.payload(b"12345");
        assert_eq!(e.finish(), Err(Error::CoapDatagramTooLarge));
    }
}
