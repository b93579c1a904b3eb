//! Requests as data: every sign content, body and request head is a constant text with slot
//! codes, written by one small interpreter ([`fill`]) from the request's [`Slots`].
//!
//! Why: one function per request part (and per profile) with a `put` per piece cost several
//! kilobytes of Thumb code; the texts themselves are a few hundred bytes of rodata. The
//! templates are ASCII, so bytes from 0x80 up are free for codes:
//!
//! - `0x80 + k` writes slot `k` (`k` = 1..=15); `0x80` writes the fill's argument (the sign in
//!   a body, the `Content-Length` value in a head);
//! - `0xc0 + k` starts a section written only when slot `k` is not empty, `0xd0 + k` one
//!   written only when it is empty; `0xff` ends it (sections do not nest).

use crate::sink::Text;

/// The texts a request's templates refer to, by slot number (see the module doc). A
/// function rather than an array: a request looks its texts up when a template asks, so
/// nothing is copied into a table first.
pub trait Slots {
    /// Slot `k` (1..=15); empty when the request has no such text.
    fn slot(&self, k: usize) -> &[u8];
}

/// Slot: the path (`/auth`, `/topic`, `/auth/register/device`).
pub const PATH: usize = 1;
/// Slot: the topic after `/topic` (publish).
pub const TOPIC: usize = 2;
/// Slot: the region in `iot-auth.<region>.aliyuncs.com` (dynamic registration).
pub const REGION: usize = 3;
/// Slot: the host written verbatim.
pub const HOST: usize = 4;
/// Slot: not empty for iotkit-embedded v3.2.0's forms (`Connection: Keep-Alive`, the space in
/// the auth body).
pub const V320: usize = 5;
/// Slot: extra header lines (dynamic registration's `Accept`).
pub const EXTRA: usize = 6;
/// Slot: the publish token (`password:` header).
pub const TOKEN: usize = 7;
/// Slot: what follows `Content-Type: application/`.
pub const CONTENT_TYPE: usize = 8;
/// Slot: the client id, empty for the default `<pk>.<dn>` (auth); the random (dynamic
/// registration).
pub const ID: usize = 9;
/// Slot: DeviceName.
pub const DEVICE_NAME: usize = 11;
/// Slot: ProductKey.
pub const PRODUCT_KEY: usize = 12;
/// Slot: the timestamp, or empty (auth).
pub const TIMESTAMP: usize = 13;
/// Slot: the sign method's name.
pub const METHOD: usize = 14;

/// Every request head; the argument is the `Content-Length` value.
pub const HEAD: &[u8] =
    b"POST \x81\x82 HTTP/1.1\r\nHost: \xc3iot-auth.\x83.aliyuncs.com\xff\x84\r\n\
\xc5Connection: Keep-Alive\r\n\xff\x86\xc7password:\x87\r\n\xffContent-Type: application/\x88\r\n\
Content-Length: \x80\r\n\r\n";

/// Writes template `t` with `slots`; `arg` stands for code `0x80`. Into an infallible
/// [`Text`]: no error branch per piece (the output contract checks the length once).
#[inline(never)]
pub fn fill(t: &[u8], slots: &dyn Slots, arg: &[u8], s: &mut dyn Text) {
    let mut skip = false;
    let mut rest = t;
    while let Some((&code, tail)) = rest.split_first() {
        if code < 0x80 {
            let n = rest.iter().take_while(|&&c| c < 0x80).count();
            let (text, after) = rest.split_at_checked(n).unwrap_or((rest, &[]));
            if !skip {
                s.put(text);
            }
            rest = after;
            continue;
        }
        rest = tail;
        let k = usize::from(code & 0x0f);
        let value = if k == 0 { arg } else { slots.slot(k) };
        match code {
            0xff => skip = false,
            0xc0..=0xdf => skip = value.is_empty() != (code >= 0xd0),
            _ if !skip => s.put(value),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::{Sink, SliceWriter, Text};

    struct Collect<'a>(SliceWriter<'a>);

    impl Text for Collect<'_> {
        fn put(&mut self, bytes: &[u8]) {
            self.0.put(bytes).unwrap();
        }
    }

    struct Table([&'static [u8]; 16]);

    impl Slots for Table {
        fn slot(&self, k: usize) -> &[u8] {
            self.0[k]
        }
    }

    fn filled(t: &[u8], slots: &Table, arg: &[u8]) -> std::vec::Vec<u8> {
        let mut buf = [0u8; 256];
        let mut w = Collect(SliceWriter::new(&mut buf));
        fill(t, slots, arg, &mut w);
        w.0.written().to_vec()
    }

    #[test]
    fn slots_sections_and_argument() {
        let mut slots = Table([&[]; 16]);
        slots.0[1] = b"one";
        slots.0[15] = b"last";
        assert_eq!(
            filled(b"a\x81b\x8fc\x80d", &slots, b"ARG"),
            b"aoneblastcARGd"
        );
        assert_eq!(
            filled(b"<\xc1[\x81]\xff|\xc2[\x82]\xff>", &slots, b""),
            b"<[one]|>"
        );
        assert_eq!(filled(b"", &slots, b"x"), b"");
        assert_eq!(filled(b"\x82\x80", &slots, b""), b"");
    }
}
