//! Caller text inside a JSON string (RFC 8259 section 7): the text must be UTF-8; `"` and `\`
//! are escaped, control characters become `\n`, `\t`, ... or `\u00XX`; everything else is
//! copied, so the payload is valid JSON whatever the caller passes.

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::sink::Sink;
use crate::utf8::{self, Forbid};

fn escape_of(c: u8) -> Option<&'static [u8]> {
    match c {
        b'"' => Some(b"\\\""),
        b'\\' => Some(b"\\\\"),
        b'\n' => Some(b"\\n"),
        b'\r' => Some(b"\\r"),
        b'\t' => Some(b"\\t"),
        0x08 => Some(b"\\b"),
        0x0C => Some(b"\\f"),
        _ => None,
    }
}

/// Writes `text` escaped (without the surrounding quotes). Not UTF-8 is
/// [`Error::InvalidArgument`].
pub fn put_escaped<S: Sink>(s: &mut S, text: &[u8]) -> Result<(), Error> {
    if !utf8::valid(text, Forbid::Nothing) {
        return Err(Error::InvalidArgument);
    }
    let mut start = 0;
    for (i, &c) in text.iter().enumerate() {
        let short = escape_of(c);
        if short.is_none() && c >= 0x20 {
            continue;
        }
        s.put(text.get(start..i).unwrap_or(&[]))?;
        match short {
            Some(e) => s.put(e)?,
            None => {
                s.put(b"\\u00")?;
                put_hex(s, &[c], HexCase::Lower)?;
            }
        }
        start = i.saturating_add(1);
    }
    s.put(text.get(start..).unwrap_or(&[]))
}

/// Writes `"key":"<escaped value>"`.
pub fn put_member<S: Sink>(s: &mut S, key: &[u8], value: &[u8]) -> Result<(), Error> {
    s.put(b"\"")?;
    s.put(key)?;
    s.put(b"\":\"")?;
    put_escaped(s, value)?;
    s.put(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    #[test]
    fn escapes() {
        let mut b = [0u8; 64];
        let mut w = SliceWriter::new(&mut b);
        put_escaped(&mut w, "a\"b\\c\n\u{1}\u{7f}\u{e9}".as_bytes()).unwrap();
        assert_eq!(w.written(), "a\\\"b\\\\c\\n\\u0001\u{7f}\u{e9}".as_bytes());
        let mut w = SliceWriter::new(&mut b);
        assert_eq!(put_escaped(&mut w, &[0xFF]), Err(Error::InvalidArgument));
    }
}
