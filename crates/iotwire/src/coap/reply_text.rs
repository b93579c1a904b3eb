//! What the CoAP auth reply and the EnOS activation reply share: reading a member that
//! [`parse_lookup`](crate::json::reader::parse_lookup) found (the walk that validates a reply
//! also finds its members, so a reply is read once), and decoding a text member (JSON escapes
//! resolved) into a bounded buffer of visible ASCII, once, before anything is stored or copied
//! out.

use crate::Error;
use crate::json::RawStr;
use crate::json::reader::{Lookup, string_text};
use crate::sink::Sink;

/// A looked-up member that is a string if present: its raw text, `None` if absent; present
/// twice or of another type is [`Error::InvalidJson`].
pub fn optional_string(found: Lookup<'_>) -> Result<Option<RawStr<'_>>, Error> {
    found?
        .map(|text| string_text(text).ok_or(Error::InvalidJson))
        .transpose()
}

/// Collects decoded text into `buf`; more than fits is [`Error::InvalidArgument`], and so is
/// anything but visible ASCII (0x21..=0x7e) when `visible`. One sink type for every text:
/// one copy of the JSON unescaping.
struct Collect<'b> {
    buf: &'b mut [u8],
    len: usize,
    visible: bool,
}

impl Sink for Collect<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        for &c in bytes {
            let slot = self.buf.get_mut(self.len).ok_or(Error::InvalidArgument)?;
            if self.visible && !(0x21..=0x7e).contains(&c) {
                return Err(Error::InvalidArgument);
            }
            *slot = c;
            self.len = self.len.saturating_add(1);
        }
        Ok(())
    }
}

/// Decodes the JSON string `text` into `buf` (visible ASCII only, when `visible`); returns
/// its length. Too long or a character outside the set is [`Error::InvalidArgument`].
#[inline(never)]
pub fn decode(text: RawStr<'_>, buf: &mut [u8], visible: bool) -> Result<usize, Error> {
    let mut c = Collect {
        buf,
        len: 0,
        visible,
    };
    text.decode(&mut c)?;
    Ok(c.len)
}

/// Copies raw bytes (a CBOR text, a number's text) into `buf` under the same rules as
/// [`decode`].
pub fn copy(bytes: &[u8], buf: &mut [u8], visible: bool) -> Result<usize, Error> {
    let mut c = Collect {
        buf,
        len: 0,
        visible,
    };
    c.put(bytes)?;
    Ok(c.len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::reader::parse_lookup;

    #[test]
    fn looked_up_strings() {
        let keys: [&[u8]; 4] = [b"s", b"n", b"o", b"d"];
        let mut found = [Ok(None); 4];
        parse_lookup(
            br#"{"s":"x","n":1,"o":{"a":2},"d":"1","d":"2"}"#,
            &keys,
            &mut found,
        )
        .unwrap();
        let [s, n, o, d] = found;
        assert_eq!(optional_string(o).err(), Some(Error::InvalidJson));
        assert_eq!(optional_string(s).unwrap().unwrap().raw(), b"x");
        assert_eq!(optional_string(n).err(), Some(Error::InvalidJson));
        assert_eq!(optional_string(d).err(), Some(Error::InvalidJson));
        assert!(optional_string(Ok(None)).unwrap().is_none());
    }

    #[test]
    fn decodes_bounded_visible_text() {
        let keys: [&[u8]; 3] = [b"t", b"s", b"e"];
        let mut found = [Ok(None); 3];
        parse_lookup(br#"{"t":"a\u0041\/","s":"a b","e":""}"#, &keys, &mut found).unwrap();
        let text = |f: Lookup<'static>| optional_string(f).unwrap().unwrap();
        let mut buf = [0u8; 3];
        assert_eq!(decode(text(found[0]), &mut buf, true), Ok(3));
        assert_eq!(&buf, b"aA/");
        assert_eq!(
            decode(text(found[0]), &mut [0u8; 2], true),
            Err(Error::InvalidArgument)
        );
        assert_eq!(
            decode(text(found[1]), &mut buf, true),
            Err(Error::InvalidArgument)
        );
        assert_eq!(decode(text(found[1]), &mut buf, false), Ok(3));
        assert_eq!(decode(text(found[2]), &mut buf, true), Ok(0));
        assert_eq!(copy(b"x\x7f", &mut buf, true), Err(Error::InvalidArgument));
    }
}
