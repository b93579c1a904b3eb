//! One writer for the MQTT packets a client sends: a packet is described as data -- its first
//! byte and a list of [`Part`]s (raw bytes, length-prefixed fields, inline numbers) -- and
//! [`Layout::packet`] checks every length once. So the exact size is known before anything
//! is written, and the write itself cannot fail halfway: the C ABI reserves exactly that many
//! bytes of the caller's buffer and then fills them. The packet types are only different part
//! lists ([`Frame`]s); no code is generated per type.

use crate::Error;

/// Longest MQTT string or binary field (its length is a u16).
pub const FIELD_MAX: usize = 65_535;
/// The largest remaining length an MQTT fixed header can carry (four 7-bit digits).
pub const REMAINING_MAX: usize = 268_435_455;

/// One piece of an output: up to two bytes of its own (an inline number, or a field's
/// length prefix), then a borrowed body. One shape for every kind, so measuring, writing and
/// the overlap check need no per-kind code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    /// Bytes of `value` written before the body, or [`FIELD`]: the body's length as a u16.
    head: u8,
    value: [u8; 2],
    body: &'a [u8],
}

/// [`Part::head`] of a field (its prefix is computed from the body, not stored).
const FIELD: u8 = 3;

/// An empty part: writes nothing (an absent field, an unused slot).
pub const NOTHING: Part<'static> = Part::raw(&[]);

impl<'a> Part<'a> {
    /// Bytes as they are.
    pub const fn raw(body: &'a [u8]) -> Self {
        Part {
            head: 0,
            value: [0; 2],
            body,
        }
    }
    /// An MQTT string or binary field: a big-endian u16 of the length, then the bytes. Over
    /// 65535 bytes, [`Layout::packet`] refuses it.
    pub const fn field(body: &'a [u8]) -> Self {
        Part {
            head: FIELD,
            value: [0; 2],
            body,
        }
    }
    /// A big-endian u16 (packet id, keepalive).
    pub const fn u16(v: u16) -> Self {
        Part {
            head: 2,
            value: v.to_be_bytes(),
            body: &[],
        }
    }
    /// One byte (flags, a requested QoS).
    pub const fn byte(v: u8) -> Self {
        Part {
            head: 1,
            value: [v, 0],
            body: &[],
        }
    }
    /// The borrowed bytes (the caller memory this part reads).
    pub fn body(&self) -> &'a [u8] {
        self.body
    }
    /// The bytes before the body and how many of them there are.
    fn head(&self) -> ([u8; 2], usize) {
        if self.head == FIELD {
            // Saturates only for a field `Layout::packet` refuses.
            let n = u16::try_from(self.body.len()).unwrap_or(u16::MAX);
            (n.to_be_bytes(), 2)
        } else {
            (self.value, usize::from(self.head))
        }
    }
}

/// A packet described as data, before its lengths are checked: the first byte, the parts,
/// and how many bytes follow the parts on the wire without being written here (a PUBLISH
/// payload sent from where it lies). [`Frame::layout`] checks it.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a, const N: usize> {
    /// Packet type and flags.
    pub first: u8,
    /// Everything after the remaining length.
    pub parts: [Part<'a>; N],
    /// Bytes after the parts that count in the remaining length but are not written.
    pub unwritten: usize,
}

impl<const N: usize> Frame<'_, N> {
    /// The checked layout (see [`Layout::packet`]).
    pub fn layout(&self) -> Result<Layout<'_>, Error> {
        Layout::packet(self.first, &self.parts, self.unwritten)
    }
}

/// An output whose lengths were checked. With an MQTT fixed header, `unwritten` bytes follow
/// the parts on the wire but are not written here (a PUBLISH payload sent from where it lies).
#[derive(Clone, Copy, Debug)]
pub struct Layout<'a> {
    header: [u8; 5],
    header_len: usize,
    parts: &'a [Part<'a>],
    len: usize,
}

/// The remaining-length digits of `rem` (at most [`REMAINING_MAX`]): 7 bits per byte, least
/// significant first, bit 7 = more follows. Returns the digits and how many are used.
pub fn remaining_length(rem: usize) -> ([u8; 4], usize) {
    let mut digits = [0u8; 4];
    let mut rest = rem;
    let mut width: usize = 0;
    for d in digits.iter_mut() {
        // The low 7 bits: the narrowing cannot lose anything.
        let low = u8::try_from(rest & 0x7F).unwrap_or(0);
        rest >>= 7;
        width = width.saturating_add(1);
        if rest == 0 {
            *d = low;
            break;
        }
        *d = low | 0x80;
    }
    (digits, width)
}

/// Sum of the parts' lengths; a field over 65535 bytes is [`Error::MqttPacketTooLarge`].
fn parts_len(parts: &[Part<'_>]) -> Result<usize, Error> {
    let mut total: usize = 0;
    for p in parts {
        if p.head == FIELD && p.body.len() > FIELD_MAX {
            return Err(Error::MqttPacketTooLarge);
        }
        // Each part is a slice plus at most 2, so this only saturates on absurd input, which
        // every caller's limit refuses.
        total = total
            .saturating_add(p.head().1)
            .saturating_add(p.body.len());
    }
    Ok(total)
}

impl<'a> Layout<'a> {
    /// An MQTT packet: first byte `first`, the remaining length (parts plus `unwritten`, at
    /// most 268435455, else [`Error::MqttPacketTooLarge`]), the parts. Fields over 65535
    /// bytes are [`Error::MqttPacketTooLarge`].
    // Out of line: every packet type calls it, and inlined it is a copy per export.
    #[inline(never)]
    pub fn packet(first: u8, parts: &'a [Part<'a>], unwritten: usize) -> Result<Self, Error> {
        let written = parts_len(parts)?;
        let rem = written.saturating_add(unwritten);
        if rem > REMAINING_MAX {
            return Err(Error::MqttPacketTooLarge);
        }
        let (digits, width) = remaining_length(rem);
        let [d0, d1, d2, d3] = digits;
        let header_len = width.saturating_add(1);
        Ok(Layout {
            header: [first, d0, d1, d2, d3],
            header_len,
            parts,
            len: header_len.saturating_add(written),
        })
    }

    /// The parts after the header.
    pub fn parts(&self) -> &'a [Part<'a>] {
        self.parts
    }

    /// Bytes [`Layout::write`] writes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for an empty output.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Writes the output at the start of `dst` and returns its length; a `dst` shorter than
    /// [`Layout::len`] is [`Error::BufferTooSmall`], with nothing written.
    pub fn write(&self, dst: &mut [u8]) -> Result<usize, Error> {
        let mut out = dst
            .get_mut(..self.len)
            .ok_or(Error::BufferTooSmall)?
            .iter_mut();
        put(
            &mut out,
            self.header.get(..self.header_len).unwrap_or_default(),
        );
        for p in self.parts {
            let (head, n) = p.head();
            put(&mut out, head.get(..n).unwrap_or_default());
            put(&mut out, p.body);
        }
        Ok(self.len)
    }
}

/// Copies `src` into the next bytes of `out` (sized by [`Layout::len`], so all of it fits).
/// A byte loop rather than `copy_from_slice`: outputs are mostly short fields, and a
/// firmware that needs no `memcpy` otherwise saves compiler_builtins' 0.3 KB one.
#[inline(never)]
fn put(out: &mut core::slice::IterMut<'_, u8>, src: &[u8]) {
    for &b in src {
        if let Some(d) = out.next() {
            *d = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_exactly_its_length() {
        let parts = [Part::field(b"a/b"), Part::u16(7), Part::raw(b"hi")];
        let f = Layout::packet(0x32, &parts, 0).unwrap();
        let mut buf = [0xEEu8; 16];
        assert_eq!(f.len(), 11);
        assert_eq!(f.write(&mut buf[..10]), Err(Error::BufferTooSmall));
        assert_eq!(buf, [0xEE; 16]);
        assert_eq!(f.write(&mut buf), Ok(11));
        assert_eq!(
            &buf[..12],
            &[0x32, 9, 0, 3, b'a', b'/', b'b', 0, 7, b'h', b'i', 0xEE]
        );
        // An unwritten tail counts in the remaining length only.
        let f = Layout::packet(0x30, &parts[..1], 200).unwrap();
        assert_eq!(f.len(), 1 + 2 + 5);
        assert_eq!(f.write(&mut buf), Ok(8));
        assert_eq!(&buf[..8], &[0x30, 0xCD, 0x01, 0, 3, b'a', b'/', b'b']);
        // Inline numbers and empty parts.
        let parts = [Part::byte(7), NOTHING, Part::u16(0x0102)];
        let f = Layout::packet(0x40, &parts, 0).unwrap();
        assert_eq!(f.write(&mut buf), Ok(5));
        assert_eq!(&buf[..5], &[0x40, 3, 7, 1, 2]);
    }

    #[test]
    fn limits() {
        let long = vec![0u8; FIELD_MAX + 1];
        assert_eq!(
            Layout::packet(0x10, &[Part::field(&long)], 0).map(|f| f.len()),
            Err(Error::MqttPacketTooLarge)
        );
        assert!(Layout::packet(0x10, &[Part::raw(&long)], 0).is_ok());
        assert!(Layout::packet(0x30, &[], REMAINING_MAX).is_ok());
        assert_eq!(
            Layout::packet(0x30, &[Part::raw(b"x")], REMAINING_MAX).map(|f| f.len()),
            Err(Error::MqttPacketTooLarge)
        );
        assert_eq!(
            Layout::packet(0x30, &[], usize::MAX).map(|f| f.len()),
            Err(Error::MqttPacketTooLarge)
        );
    }

    #[test]
    fn remaining_length_table() {
        // MQTT 3.1.1 Table 2.4.
        let enc = |n| {
            let (d, w) = remaining_length(n);
            d[..w].to_vec()
        };
        assert_eq!(enc(0), [0]);
        assert_eq!(enc(127), [0x7F]);
        assert_eq!(enc(128), [0x80, 0x01]);
        assert_eq!(enc(16_383), [0xFF, 0x7F]);
        assert_eq!(enc(16_384), [0x80, 0x80, 0x01]);
        assert_eq!(enc(2_097_151), [0xFF, 0xFF, 0x7F]);
        assert_eq!(enc(2_097_152), [0x80, 0x80, 0x80, 0x01]);
        assert_eq!(enc(REMAINING_MAX), [0xFF, 0xFF, 0xFF, 0x7F]);
    }

    #[test]
    fn a_packet_keeps_its_parts_and_is_never_empty() {
        let topic = [b't'];
        let parts = [Part::field(&topic), Part::raw(b"x")];
        let f = Layout::packet(0x30, &parts, 0).unwrap();
        // The C ABI's overlap check walks these: they must be the caller's parts.
        assert_eq!(f.parts().len(), 2);
        assert_eq!(f.parts()[0].body().as_ptr(), topic.as_ptr());
        assert!(!f.is_empty());
        let f = Layout::packet(0xC0, &[], 0).unwrap();
        assert!(f.parts().is_empty());
        assert!(!f.is_empty(), "a header alone is two bytes");
    }
}
