//! A strict, allocation-free JSON (RFC 8259) reader for the small replies the platform sends
//! (auth tokens, registration secrets, activation data).
//!
//! [`parse_object`] validates the whole document once (one object, nothing after it, nesting
//! at most [`MAX_DEPTH`]); lookups then walk the borrowed bytes again instead of building a
//! tree, so memory use is a few words whatever the input. Why not serde-json-core: it needs a
//! struct per reply and unescapes into fixed-size `heapless` strings, and duplicate keys
//! silently take the last value. Here a key that occurs twice is an error, because a spoofed
//! reply could otherwise make two readers of the same bytes disagree.

use crate::Error;
use crate::sink::Sink;

/// Deepest nesting of objects and arrays accepted (the platform's replies use 3).
pub const MAX_DEPTH: u32 = 32;

/// A validated JSON object, borrowed from the input.
#[derive(Clone, Copy, Debug)]
pub struct Object<'a> {
    /// From `{` to `}` inclusive.
    bytes: &'a [u8],
}

/// One JSON value, borrowed from the input.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    /// A string, escapes not yet decoded.
    String(RawStr<'a>),
    /// A number's text, grammar-checked (e.g. `-12.5e3`).
    Number(&'a [u8]),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A nested object.
    Object(Object<'a>),
    /// An array's text, from `[` to `]`.
    Array(&'a [u8]),
}

/// The text between a string's quotes, with its escapes still in place.
#[derive(Clone, Copy, Debug)]
pub struct RawStr<'a> {
    raw: &'a [u8],
}

/// Checks that `input` is exactly one JSON object (surrounding whitespace allowed).
pub fn parse_object(input: &[u8]) -> Result<Object<'_>, Error> {
    let mut c = Cursor::new(input);
    c.skip_ws();
    let start = c.pos;
    if c.peek() != Some(b'{') {
        return Err(Error::InvalidJson);
    }
    c.skip_value()?;
    let bytes = input.get(start..c.pos).ok_or(Error::InvalidJson)?;
    c.skip_ws();
    if c.peek().is_some() {
        return Err(Error::InvalidJson);
    }
    Ok(Object { bytes })
}

impl<'a> Object<'a> {
    /// The value of member `key` (compared after unescaping), `None` if absent. A key present
    /// twice is [`Error::InvalidJson`].
    pub fn get(&self, key: &[u8]) -> Result<Option<Value<'a>>, Error> {
        let mut found = None;
        let mut members = self.members();
        while let Some(member) = members.next_member()? {
            let (name, value) = member;
            if name.equals(key) {
                if found.is_some() {
                    return Err(Error::InvalidJson);
                }
                found = Some(value);
            }
        }
        Ok(found)
    }

    /// The string member `key`: missing is [`Error::MissingField`], another type is
    /// [`Error::InvalidJson`].
    pub fn string(&self, key: &[u8]) -> Result<RawStr<'a>, Error> {
        match self.get(key)? {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(Error::InvalidJson),
            None => Err(Error::MissingField),
        }
    }

    /// The object member `key`: missing is [`Error::MissingField`], another type is
    /// [`Error::InvalidJson`].
    pub fn object(&self, key: &[u8]) -> Result<Object<'a>, Error> {
        match self.get(key)? {
            Some(Value::Object(o)) => Ok(o),
            Some(_) => Err(Error::InvalidJson),
            None => Err(Error::MissingField),
        }
    }

    /// The integer member `key` (no fraction or exponent, within `i64`): missing is
    /// [`Error::MissingField`], anything else is [`Error::InvalidJson`].
    pub fn integer(&self, key: &[u8]) -> Result<i64, Error> {
        match self.get(key)? {
            Some(v) => v.as_integer(),
            None => Err(Error::MissingField),
        }
    }

    /// The object's text, from `{` to `}` inclusive.
    pub fn text(&self) -> &'a [u8] {
        self.bytes
    }

    /// Iterates over the members in document order.
    pub fn members(&self) -> Members<'a> {
        let mut c = Cursor::new(self.bytes);
        c.pos = 1; // past `{`
        Members { c, done: false }
    }
}

/// Iterator over an object's `(name, value)` pairs; see [`Object::members`].
#[derive(Debug)]
pub struct Members<'a> {
    c: Cursor<'a>,
    done: bool,
}

impl<'a> Members<'a> {
    /// The next member, `Ok(None)` after the last. The object was validated, so errors only
    /// come from a misuse of this module.
    pub fn next_member(&mut self) -> Result<Option<(RawStr<'a>, Value<'a>)>, Error> {
        if self.done {
            return Ok(None);
        }
        let c = &mut self.c;
        c.skip_ws();
        match c.peek() {
            Some(b'}') => {
                self.done = true;
                return Ok(None);
            }
            Some(b',') => {
                c.bump();
                c.skip_ws();
            }
            _ => {}
        }
        let name = c.string()?;
        c.skip_ws();
        c.expect(b':')?;
        c.skip_ws();
        let value = c.value()?;
        Ok(Some((name, value)))
    }
}

impl<'a> Value<'a> {
    /// An integer value (no fraction or exponent) that fits `i64`.
    pub fn as_integer(&self) -> Result<i64, Error> {
        let Value::Number(text) = self else {
            return Err(Error::InvalidJson);
        };
        let (negative, digits) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, *text),
        };
        let mut value: i64 = 0;
        for &d in digits {
            if !d.is_ascii_digit() {
                return Err(Error::InvalidJson);
            }
            let digit = i64::from(d.wrapping_sub(b'0'));
            value = value.checked_mul(10).ok_or(Error::InvalidJson)?;
            value = if negative {
                value.checked_sub(digit)
            } else {
                value.checked_add(digit)
            }
            .ok_or(Error::InvalidJson)?;
        }
        Ok(value)
    }
}

impl<'a> RawStr<'a> {
    /// The text between the quotes, escapes not decoded.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// True when the decoded string equals `text`.
    pub fn equals(&self, text: &[u8]) -> bool {
        let mut rest = text.iter();
        let mut same = true;
        let done = self.decode(&mut |b| {
            if rest.next() != Some(&b) {
                same = false;
            }
            Ok(())
        });
        done.is_ok() && same && rest.next().is_none()
    }

    /// Decodes the escapes (`\uXXXX` becomes UTF-8, surrogate pairs joined) into `out`.
    pub fn write_to<S: Sink + ?Sized>(&self, out: &mut S) -> Result<(), Error> {
        self.decode(&mut |b| out.put_byte(b))
    }

    /// Length of the decoded string in bytes.
    pub fn decoded_len(&self) -> Result<usize, Error> {
        let mut n: usize = 0;
        self.decode(&mut |_| {
            n = n.checked_add(1).ok_or(Error::Overflow)?;
            Ok(())
        })?;
        Ok(n)
    }

    fn decode(&self, emit: &mut dyn FnMut(u8) -> Result<(), Error>) -> Result<(), Error> {
        let mut c = Cursor::new(self.raw);
        while let Some(b) = c.bump() {
            if b != b'\\' {
                emit(b)?;
                continue;
            }
            let simple = match c.bump() {
                Some(b'"') => b'"',
                Some(b'\\') => b'\\',
                Some(b'/') => b'/',
                Some(b'b') => 0x08,
                Some(b'f') => 0x0c,
                Some(b'n') => b'\n',
                Some(b'r') => b'\r',
                Some(b't') => b'\t',
                Some(b'u') => {
                    let cp = c.code_point()?;
                    let mut utf8 = [0u8; 4];
                    for &u in cp.encode_utf8(&mut utf8).as_bytes() {
                        emit(u)?;
                    }
                    continue;
                }
                _ => return Err(Error::InvalidJson),
            };
            emit(simple)?;
        }
        Ok(())
    }
}

/// Where the scanner is in the input. All reads are `get`s: out of range is end of input.
#[derive(Clone, Copy, Debug)]
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos = self.pos.saturating_add(1);
        Some(b)
    }

    fn expect(&mut self, want: u8) -> Result<(), Error> {
        if self.bump() == Some(want) {
            Ok(())
        } else {
            Err(Error::InvalidJson)
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn slice(&self, start: usize) -> Result<&'a [u8], Error> {
        self.bytes.get(start..self.pos).ok_or(Error::InvalidJson)
    }

    /// A string token; the cursor ends after the closing quote.
    fn string(&mut self) -> Result<RawStr<'a>, Error> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.bump().ok_or(Error::InvalidJson)? {
                b'"' => break,
                b'\\' => match self.bump() {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                    Some(b'u') => {
                        self.code_point()?;
                    }
                    _ => return Err(Error::InvalidJson),
                },
                0x00..=0x1f => return Err(Error::InvalidJson),
                _ => {}
            }
        }
        let end = self.pos.checked_sub(1).ok_or(Error::InvalidJson)?;
        let raw = self.bytes.get(start..end).ok_or(Error::InvalidJson)?;
        if core::str::from_utf8(raw).is_err() {
            return Err(Error::InvalidJson);
        }
        Ok(RawStr { raw })
    }

    /// The code point of a `\u` escape whose `\u` was consumed, joining a surrogate pair.
    fn code_point(&mut self) -> Result<char, Error> {
        let high = self.hex4()?;
        let cp = if (0xd800..0xdc00).contains(&high) {
            self.expect(b'\\')?;
            self.expect(b'u')?;
            let low = self.hex4()?;
            if !(0xdc00..0xe000).contains(&low) {
                return Err(Error::InvalidJson);
            }
            let hi = high.wrapping_sub(0xd800);
            let lo = low.wrapping_sub(0xdc00);
            0x10000u32.wrapping_add(hi.wrapping_shl(10) | lo)
        } else {
            high
        };
        char::from_u32(cp).ok_or(Error::InvalidJson)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v: u32 = 0;
        for _ in 0..4 {
            let d = self
                .bump()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or(Error::InvalidJson)?;
            v = v.wrapping_shl(4) | d;
        }
        Ok(v)
    }

    fn digits(&mut self) -> Result<(), Error> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(Error::InvalidJson);
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
        }
        Ok(())
    }

    fn number(&mut self) -> Result<&'a [u8], Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        if self.peek() == Some(b'0') {
            self.bump();
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.bump();
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            self.digits()?;
        }
        self.slice(start)
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
        let end = self.pos.checked_add(word.len()).ok_or(Error::InvalidJson)?;
        if self.bytes.get(self.pos..end) != Some(word) {
            return Err(Error::InvalidJson);
        }
        self.pos = end;
        Ok(())
    }

    /// One value at the cursor (containers validated by [`Cursor::skip_value`]).
    fn value(&mut self) -> Result<Value<'a>, Error> {
        match self.peek() {
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'{') => {
                let start = self.pos;
                self.skip_value()?;
                Ok(Value::Object(Object {
                    bytes: self.slice(start)?,
                }))
            }
            Some(b'[') => {
                let start = self.pos;
                self.skip_value()?;
                Ok(Value::Array(self.slice(start)?))
            }
            Some(b't') => self.literal(b"true").map(|()| Value::Bool(true)),
            Some(b'f') => self.literal(b"false").map(|()| Value::Bool(false)),
            Some(b'n') => self.literal(b"null").map(|()| Value::Null),
            Some(b'-' | b'0'..=b'9') => Ok(Value::Number(self.number()?)),
            _ => Err(Error::InvalidJson),
        }
    }

    /// Skips and validates one value of any kind without recursion: the open containers are
    /// a bit stack (1 = object), so nesting costs one bit, not one stack frame.
    fn skip_value(&mut self) -> Result<(), Error> {
        let mut kinds: u32 = 0;
        let mut depth: u32 = 0;
        loop {
            // At a value position.
            self.skip_ws();
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    if depth >= MAX_DEPTH {
                        return Err(Error::InvalidJson);
                    }
                    self.bump();
                    kinds = kinds.wrapping_shl(1) | u32::from(open == b'{');
                    depth = depth.wrapping_add(1);
                    self.skip_ws();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.bump();
                        kinds = kinds.wrapping_shr(1);
                        depth = depth.wrapping_sub(1);
                    } else {
                        if open == b'{' {
                            self.member_name()?;
                        }
                        continue;
                    }
                }
                _ => {
                    self.scalar()?;
                }
            }
            // After a value: close containers or move to the next element.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                self.skip_ws();
                let in_object = kinds & 1 == 1;
                match self.bump() {
                    Some(b',') => {
                        if in_object {
                            self.skip_ws();
                            self.member_name()?;
                        }
                        break;
                    }
                    Some(b'}') if in_object => {}
                    Some(b']') if !in_object => {}
                    _ => return Err(Error::InvalidJson),
                }
                kinds = kinds.wrapping_shr(1);
                depth = depth.wrapping_sub(1);
            }
        }
    }

    /// `"name" :` inside an object.
    fn member_name(&mut self) -> Result<(), Error> {
        self.string()?;
        self.skip_ws();
        self.expect(b':')
    }

    fn scalar(&mut self) -> Result<(), Error> {
        match self.value()? {
            Value::Object(_) | Value::Array(_) => Err(Error::InvalidJson),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    fn decoded(s: RawStr<'_>) -> std::vec::Vec<u8> {
        let mut buf = [0u8; 64];
        let mut w = SliceWriter::new(&mut buf);
        s.write_to(&mut w).unwrap();
        w.written().to_vec()
    }

    #[test]
    fn reads_nested_members() {
        let doc = br#" {"code":0,"message":"success","info":{"token":"a.b\/c","messageId":1234567890123}} "#;
        let o = parse_object(doc).unwrap();
        assert_eq!(o.integer(b"code").unwrap(), 0);
        let info = o.object(b"info").unwrap();
        assert_eq!(decoded(info.string(b"token").unwrap()), b"a.b/c");
        assert_eq!(info.integer(b"messageId").unwrap(), 1_234_567_890_123);
        assert_eq!(o.string(b"absent").unwrap_err(), Error::MissingField);
        assert_eq!(o.string(b"code").unwrap_err(), Error::InvalidJson);
    }

    #[test]
    fn decodes_escapes_and_surrogates() {
        let o = parse_object(br#"{"k":"\u00e9\ud83d\ude00\n\"","\u0074oken":"x"}"#).unwrap();
        assert_eq!(decoded(o.string(b"k").unwrap()), "é😀\n\"".as_bytes());
        assert_eq!(o.string(b"k").unwrap().decoded_len().unwrap(), 2 + 4 + 2);
        // Keys compare after decoding.
        assert_eq!(decoded(o.string(b"token").unwrap()), b"x");
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in [
            &b""[..],
            b"[]",
            b"{",
            b"{}x",
            b"{\"a\"}",
            b"{\"a\":}",
            b"{\"a\":1,}",
            b"{\"a\":[1,,2]}",
            b"{\"a\":[1 2]}",
            b"{\"a\":01}",
            b"{\"a\":1.}",
            b"{\"a\":tru}",
            b"{\"a\":\"\x01\"}",
            b"{\"a\":\"\\x\"}",
            b"{\"a\":\"\\ud800\"}",
            b"{\"a\":\"\xff\"}",
            b"{\"a\":{\"b\":1]}",
            b"{1:2}",
        ] {
            assert_eq!(
                parse_object(bad).unwrap_err(),
                Error::InvalidJson,
                "{:?}",
                core::str::from_utf8(bad)
            );
        }
    }

    #[test]
    fn duplicate_keys_are_an_error() {
        let o = parse_object(br#"{"token":"a","token":"b"}"#).unwrap();
        assert_eq!(o.get(b"token").unwrap_err(), Error::InvalidJson);
    }

    #[test]
    fn depth_is_limited_not_recursive() {
        let mut deep = std::vec::Vec::new();
        deep.extend_from_slice(b"{\"a\":");
        let n = usize::try_from(MAX_DEPTH - 1).unwrap();
        deep.extend(std::iter::repeat_n(b'[', n));
        deep.extend(std::iter::repeat_n(b']', n));
        deep.push(b'}');
        assert!(parse_object(&deep).is_ok());
        let mut deeper = deep.clone();
        deeper.splice(5..5, [b'[']);
        deeper.splice(deeper.len() - 1..deeper.len() - 1, [b']']);
        assert_eq!(parse_object(&deeper).unwrap_err(), Error::InvalidJson);
    }

    #[test]
    fn integers_are_range_checked() {
        let o = parse_object(br#"{"a":9223372036854775807,"b":9223372036854775808,"c":-9223372036854775808,"d":1.5,"e":1e3}"#).unwrap();
        assert_eq!(o.integer(b"a").unwrap(), i64::MAX);
        assert_eq!(o.integer(b"b").unwrap_err(), Error::InvalidJson);
        assert_eq!(o.integer(b"c").unwrap(), i64::MIN);
        assert_eq!(o.integer(b"d").unwrap_err(), Error::InvalidJson);
        assert_eq!(o.integer(b"e").unwrap_err(), Error::InvalidJson);
    }

    #[test]
    fn agrees_with_serde_json_on_validity() {
        // Independent oracle on a handful of tricky documents.
        for doc in [
            &br#"{"a":[{"b":[[],{}]},-0.0e-0,"\u0000",true,false,null]}"#[..],
            br#"{"a":[}"#,
            br#"{"a":"\uDFFF"}"#,
            br#"{"a" : 1 , "b" : [ 1 , 2 ] }"#,
            b"{\"a\":\"\t\"}",
        ] {
            let ours = parse_object(doc).is_ok();
            let theirs = serde_json::from_slice::<serde_json::Value>(doc)
                .map(|v| v.is_object())
                .unwrap_or(false);
            assert_eq!(ours, theirs, "{:?}", core::str::from_utf8(doc));
        }
    }
}
