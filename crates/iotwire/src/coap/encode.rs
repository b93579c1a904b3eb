//! Writing a datagram in wire order through a [`Sink`]: [`Encoder::new`] writes the 4 header
//! bytes and the token, each `option*` call one option (numbers must not decrease; the delta
//! encoding is computed here), and [`Encoder::payload`] the 0xFF marker plus payload, or
//! nothing for an empty payload. Nothing is buffered: each byte goes straight to the sink.

use crate::Error;
use crate::coap::header::{Header, Token};
use crate::coap::options::{put_option_header, uint_bytes};
use crate::sink::Sink;

/// The payload marker.
pub const PAYLOAD_MARKER: u8 = 0xff;

/// An in-progress datagram. Options must be added in ascending number order (equal numbers
/// repeat an option, e.g. one Uri-Path per segment).
pub struct Encoder<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    last: u16,
}

impl<'s, S: Sink + ?Sized> Encoder<'s, S> {
    /// Writes the header (version 1, type, TKL, code, message id) and the token.
    pub fn new(sink: &'s mut S, header: &Header, token: &Token) -> Result<Self, Error> {
        sink.put(&header.to_bytes(token.len())?)?;
        sink.put(token.as_bytes())?;
        Ok(Encoder { sink, last: 0 })
    }

    /// Writes the header of option `number` with a value of `len` bytes; the caller then
    /// writes exactly `len` value bytes through [`Encoder::sink`] (for values produced on the
    /// fly, e.g. encrypted).
    pub fn option_header(&mut self, number: u16, len: usize) -> Result<(), Error> {
        let delta = number
            .checked_sub(self.last)
            .ok_or(Error::InvalidArgument)?;
        put_option_header(self.sink, delta, len)?;
        self.last = number;
        Ok(())
    }

    /// Writes an opaque or string option.
    pub fn option(&mut self, number: u16, value: &[u8]) -> Result<(), Error> {
        self.option_header(number, value.len())?;
        self.sink.put(value)
    }

    /// Writes a uint option in its shortest form (RFC 7252 §3.2).
    pub fn option_uint(&mut self, number: u16, value: u32) -> Result<(), Error> {
        let (bytes, len) = uint_bytes(value);
        let start = bytes.len().saturating_sub(len);
        self.option(number, bytes.get(start..).unwrap_or(&[]))
    }

    /// The underlying sink, for option values written after [`Encoder::option_header`].
    pub fn sink(&mut self) -> &mut S {
        self.sink
    }

    /// Writes the payload marker and `payload`; an empty payload writes nothing (a marker
    /// followed by nothing is a format error in RFC 7252).
    pub fn payload(self, payload: &[u8]) -> Result<(), Error> {
        if payload.is_empty() {
            return Ok(());
        }
        self.sink.put_byte(PAYLOAD_MARKER)?;
        self.sink.put(payload)
    }

    /// Writes only the payload marker and hands back the sink for a payload produced on the
    /// fly. The caller must write at least one byte.
    pub fn payload_marker(self) -> Result<&'s mut S, Error> {
        self.sink.put_byte(PAYLOAD_MARKER)?;
        Ok(self.sink)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::header::{Code, MessageType};
    use crate::coap::options::{ACCEPT, CONTENT_FORMAT, URI_PATH};
    use crate::sink::SliceWriter;

    #[test]
    fn auth_request_prefix_matches_legacy_bytes() {
        let mut buf = [0u8; 64];
        let mut w = SliceWriter::new(&mut buf);
        let h = Header {
            message_type: MessageType::Confirmable,
            code: Code::POST,
            message_id: 1000,
        };
        let mut e = Encoder::new(&mut w, &h, &Token::from_counter(0x0102_0304)).unwrap();
        e.option(URI_PATH, b"auth").unwrap();
        e.option_uint(CONTENT_FORMAT, 50).unwrap();
        e.option_uint(ACCEPT, 50).unwrap();
        assert_eq!(e.option(URI_PATH, b"x"), Err(Error::InvalidArgument));
        e.payload(b"{}").unwrap();
        // From vector coap-flow-v320-01 auth_request_hex.
        assert_eq!(
            w.written(),
            b"\x44\x02\x03\xe8\x04\x03\x02\x01\xb4auth\x11\x32\x51\x32\xff{}"
        );
    }

    #[test]
    fn empty_payload_has_no_marker() {
        let mut buf = [0u8; 8];
        let mut w = SliceWriter::new(&mut buf);
        let h = Header {
            message_type: MessageType::NonConfirmable,
            code: Code::GET,
            message_id: 7,
        };
        Encoder::new(&mut w, &h, &Token::EMPTY)
            .unwrap()
            .payload(b"")
            .unwrap();
        assert_eq!(w.written(), &[0x50, 0x01, 0x00, 0x07]);
    }
}
