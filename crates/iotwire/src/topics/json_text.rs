//! Caller text inside a JSON string (RFC 8259 section 7): the text must be UTF-8 (checked by
//! the caller with [`is_json_text`]); `"` and `\` are escaped, control characters become `\n`,
//! `\t`, ... or `\u00XX`; everything else is copied, so the payload is valid JSON whatever
//! the caller passes.

use crate::hex::{HexCase, put_hex_text};
use crate::sink::Text;
use crate::utf8::{self, Forbid};

/// Characters with a short escape, and the letter after the backslash for each.
const SHORT: &[u8; 7] = b"\"\\\n\r\t\x08\x0c";
const LETTER: &[u8; 7] = b"\"\\nrtbf";

/// True for text a JSON string may carry once escaped: well-formed UTF-8.
pub fn is_json_text(text: &[u8]) -> bool {
    utf8::valid(text, Forbid::Nothing)
}

/// Writes `text` (UTF-8) escaped, without the surrounding quotes.
pub fn put_escaped(t: &mut dyn Text, text: &[u8]) {
    let mut rest = text;
    while let Some(at) = rest
        .iter()
        .position(|&c| c < 0x20 || c == b'"' || c == b'\\')
    {
        let (literal, tail) = rest.split_at_checked(at).unwrap_or((rest, &[]));
        t.put(literal);
        let Some((&c, tail)) = tail.split_first() else {
            break;
        };
        match SHORT.iter().position(|&s| s == c) {
            Some(i) => t.put(&[b'\\', LETTER.get(i).copied().unwrap_or(b'u')]),
            None => {
                t.put(b"\\u00");
                put_hex_text(t, &[c], HexCase::Lower);
            }
        }
        rest = tail;
    }
    t.put(rest);
}

/// Writes `"key":"<escaped value>"`.
pub fn put_member(t: &mut dyn Text, key: &[u8], value: &[u8]) {
    t.put(b"\"");
    t.put(key);
    t.put(b"\":\"");
    put_escaped(t, value);
    t.put(b"\"");
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(std::vec::Vec<u8>);
    impl Text for Collect {
        fn put(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }
    }

    #[test]
    fn escapes() {
        let mut c = Collect(std::vec::Vec::new());
        put_escaped(
            &mut c,
            "a\"b\\c\n\u{1}\u{7f}\u{e9}\r\t\u{8}\u{c}".as_bytes(),
        );
        assert_eq!(
            c.0,
            "a\\\"b\\\\c\\n\\u0001\u{7f}\u{e9}\\r\\t\\b\\f".as_bytes()
        );
        assert!(!is_json_text(&[0xFF]));
        assert!(is_json_text("\u{e9}".as_bytes()));
    }

    /// Only control characters are escaped: a space (0x20) and `/` stand as they are.
    #[test]
    fn printable_ascii_stands_unescaped() {
        let mut c = Collect(std::vec::Vec::new());
        put_escaped(&mut c, b"a b/c\x1f\x1f");
        assert_eq!(c.0, b"a b/c\\u001f\\u001f");
    }
}
