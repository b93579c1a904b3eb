//! What the CoAP auth reply and the EnOS activation reply share: finding several members of a
//! JSON object in one walk, and decoding a text member (JSON escapes resolved) into a bounded
//! buffer of visible ASCII, once, before anything is stored or copied out.

use crate::Error;
use crate::json::{Object, RawStr, Value};
use crate::sink::Sink;

/// A member looked up by [`find_members`].
#[derive(Clone, Copy, Debug)]
pub enum Found<'a> {
    /// Not in the object.
    Absent,
    /// Present once.
    Once(Value<'a>),
    /// Present twice or more (refused: two readers of one reply must not disagree).
    Twice,
}

/// Finds every name of `keys` (compared after unescaping) in one walk over `o`'s members:
/// `found[i]` says what `keys[i]` is. `found` must start as [`Found::Absent`].
#[inline(never)]
pub fn find_members<'a>(
    o: &Object<'a>,
    keys: &[&[u8]],
    found: &mut [Found<'a>],
) -> Result<(), Error> {
    let mut members = o.members();
    while let Some((name, value)) = members.next_member()? {
        let mut buf = [0u8; 16];
        let Ok(len) = decode(name, &mut buf, false) else {
            continue;
        };
        let name = buf.get(..len).unwrap_or_default();
        let Some(slot) = keys
            .iter()
            .position(|k| *k == name)
            .and_then(|i| found.get_mut(i))
        else {
            continue;
        };
        *slot = match slot {
            Found::Absent => Found::Once(value),
            _ => Found::Twice,
        };
    }
    Ok(())
}

/// Collects decoded text into `buf`; more than fits is [`Error::InvalidArgument`], and so is
/// anything but visible ASCII (0x21..=0x7e) when `visible`. One sink type for member names and
/// values: one copy of the JSON unescaping.
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
    text.write_to(&mut c)?;
    Ok(c.len)
}

/// Copies raw bytes (a CBOR text) into `buf` under the same rules as [`decode`].
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
    use crate::json::parse_object;

    #[test]
    fn finds_escaped_names_and_duplicates() {
        let o =
            parse_object(br#"{"a":1,"b\u0032":"x","c":[1],"c":2,"zzzzzzzzzzzzzzzzz":3}"#).unwrap();
        let mut found = [Found::Absent; 4];
        find_members(&o, &[b"b2", b"c", b"a", b"d"], &mut found).unwrap();
        assert!(matches!(found[0], Found::Once(Value::String(_))));
        assert!(matches!(found[1], Found::Twice));
        assert!(matches!(found[2], Found::Once(Value::Number(b"1"))));
        assert!(matches!(found[3], Found::Absent));
    }

    #[test]
    fn decodes_bounded_visible_text() {
        let o = parse_object(br#"{"t":"a\u0041\/","s":"a b","e":""}"#).unwrap();
        let mut found = [Found::Absent; 3];
        find_members(&o, &[b"t", b"s", b"e"], &mut found).unwrap();
        let text = |f: Found<'static>| match f {
            Found::Once(Value::String(s)) => s,
            _ => panic!("not a string"),
        };
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
