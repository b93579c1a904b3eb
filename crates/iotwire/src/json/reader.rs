//! A strict, allocation-free JSON (RFC 8259) reader for the small replies the platform sends
//! (auth tokens, registration secrets, activation data).
//!
//! [`parse_object`] validates the whole document once (one object, nothing after it, nesting
//! at most [`MAX_DEPTH`]); lookups then walk the borrowed bytes again instead of building a
//! tree, so memory use is a few words whatever the input. Why not serde-json-core: it needs a
//! struct per reply and unescapes into fixed-size `heapless` strings, and duplicate keys
//! silently take the last value. Here a key that occurs twice is an error, because a spoofed
//! reply could otherwise make two readers of the same bytes disagree.
//!
//! Size: one scanner ([`Cursor::skip_value`]) validates every kind of value, and a member's
//! [`Value`] is classified from its first byte after that scan, so there is no second parser
//! for values; UTF-8 is checked inside the string scan (not with `core::str::from_utf8`, whose
//! code and table are larger than this whole reader's string handling). [`Object::lookup`]
//! finds several keys in one walk.

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

/// The text between a string's quotes, with its escapes still in place. Only the scanner
/// makes one, so its escapes and UTF-8 are valid.
#[derive(Clone, Copy, Debug)]
pub struct RawStr<'a> {
    raw: &'a [u8],
}

/// What [`Object::lookup`] finds for one key: absent, its value's JSON text (validated), or
/// an error (the key twice). [`string_of`], [`object_of`], [`integer_of`] and [`value_of`]
/// turn it into a value.
pub type Lookup<'a> = Result<Option<&'a [u8]>, Error>;

/// Checks that `input` is exactly one JSON object (surrounding whitespace allowed).
pub fn parse_object(input: &[u8]) -> Result<Object<'_>, Error> {
    parse_lookup(input, &[], &mut [])
}

/// [`parse_object`] and [`Object::lookup`] of the object's own members in one walk: the walk
/// that validates the members also finds `keys`, so the document is read once.
pub fn parse_lookup<'a>(
    input: &'a [u8],
    keys: &[&[u8]],
    found: &mut [Lookup<'a>],
) -> Result<Object<'a>, Error> {
    let mut c = Cursor::new(input);
    if c.ws() != b'{' {
        return Err(Error::InvalidJson);
    }
    let start = c.pos;
    c.advance();
    let mut members = Members {
        c,
        done: false,
        first: true,
    };
    members.find(keys, found)?;
    let mut c = members.c;
    let bytes = c.slice(start)?;
    c.ws();
    if c.pos < input.len() {
        return Err(Error::InvalidJson);
    }
    Ok(Object { bytes })
}

impl<'a> Object<'a> {
    /// The value of member `key` (compared after unescaping), `None` if absent. A key present
    /// twice is [`Error::InvalidJson`].
    pub fn get(&self, key: &[u8]) -> Result<Option<Value<'a>>, Error> {
        value_of(self.find(key))
    }

    /// [`Object::lookup`] of one key.
    fn find(&self, key: &[u8]) -> Lookup<'a> {
        let mut found = [Ok(None)];
        self.lookup(&[key], &mut found)?;
        let [one] = found;
        one
    }

    /// Finds every key of `keys` in one walk over the members: `found[i]` becomes the text of
    /// the value of `keys[i]`, `Ok(None)` if absent, [`Error::InvalidJson`] if present twice
    /// (what [`Object::get`] reports). `found` must start as `Ok(None)`.
    pub fn lookup(&self, keys: &[&[u8]], found: &mut [Lookup<'a>]) -> Result<(), Error> {
        self.members().find(keys, found)
    }

    /// The string member `key`: missing is [`Error::MissingField`], another type is
    /// [`Error::InvalidJson`].
    pub fn string(&self, key: &[u8]) -> Result<RawStr<'a>, Error> {
        string_of(self.find(key))
    }

    /// The object member `key`: missing is [`Error::MissingField`], another type is
    /// [`Error::InvalidJson`].
    pub fn object(&self, key: &[u8]) -> Result<Object<'a>, Error> {
        object_of(self.find(key))
    }

    /// The integer member `key` (no fraction or exponent, within `i64`): missing is
    /// [`Error::MissingField`], anything else is [`Error::InvalidJson`].
    pub fn integer(&self, key: &[u8]) -> Result<i64, Error> {
        integer_of(self.find(key))
    }

    /// The object's text, from `{` to `}` inclusive.
    pub fn text(&self) -> &'a [u8] {
        self.bytes
    }

    /// Iterates over the members in document order.
    pub fn members(&self) -> Members<'a> {
        let mut c = Cursor::new(self.bytes);
        c.pos = 1; // past `{`
        Members {
            c,
            done: false,
            first: true,
        }
    }
}

/// A looked-up member as a [`Value`] (`None` when absent).
pub fn value_of(found: Lookup<'_>) -> Result<Option<Value<'_>>, Error> {
    found?.map(classify).transpose()
}

/// A looked-up member that must be a string (see [`Object::string`]).
pub fn string_of(found: Lookup<'_>) -> Result<RawStr<'_>, Error> {
    match value_of(found)? {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(Error::InvalidJson),
        None => Err(Error::MissingField),
    }
}

/// A looked-up member that must be an object (see [`Object::object`]).
pub fn object_of(found: Lookup<'_>) -> Result<Object<'_>, Error> {
    match value_of(found)? {
        Some(Value::Object(o)) => Ok(o),
        Some(_) => Err(Error::InvalidJson),
        None => Err(Error::MissingField),
    }
}

/// A looked-up member that must be an integer (see [`Object::integer`]).
pub fn integer_of(found: Lookup<'_>) -> Result<i64, Error> {
    value_of(found)?.ok_or(Error::MissingField)?.as_integer()
}

/// The value whose validated JSON text is `text`, told by its first byte.
fn classify(text: &[u8]) -> Result<Value<'_>, Error> {
    Ok(match text.first() {
        Some(b'"') => Value::String(string_text(text).ok_or(Error::InvalidJson)?),
        Some(b'{') => Value::Object(Object { bytes: text }),
        Some(b'[') => Value::Array(text),
        Some(b't') => Value::Bool(true),
        Some(b'f') => Value::Bool(false),
        Some(b'n') => Value::Null,
        _ => Value::Number(text),
    })
}

/// The string whose validated JSON text (quotes included) is `text`; `None` for another
/// type. For parsers that read [`Lookup`] texts without building a [`Value`].
#[inline(never)]
pub(crate) fn string_text(text: &[u8]) -> Option<RawStr<'_>> {
    match text {
        [b'"', raw @ .., b'"'] => Some(RawStr { raw }),
        _ => None,
    }
}

/// The object whose validated JSON text is `text`; `None` for another type.
#[cfg(feature = "http")]
pub(crate) fn object_text(text: &[u8]) -> Option<Object<'_>> {
    (text.first() == Some(&b'{')).then_some(Object { bytes: text })
}

/// The integer (no fraction or exponent, within `i64`) whose validated JSON text is `text`;
/// any other value is [`Error::InvalidJson`].
pub(crate) fn integer_text(text: &[u8]) -> Result<i64, Error> {
    let value = match text.split_first() {
        Some((b'-', digits)) => parse_u64(digits).and_then(|m| 0i64.checked_sub_unsigned(m)),
        _ => parse_u64(text).and_then(|m| i64::try_from(m).ok()),
    };
    value.ok_or(Error::InvalidJson)
}

/// Iterator over an object's `(name, value)` pairs; see [`Object::members`].
#[derive(Debug)]
pub struct Members<'a> {
    c: Cursor<'a>,
    done: bool,
    first: bool,
}

impl<'a> Members<'a> {
    /// The next member, `Ok(None)` after the last. The object was validated, so errors only
    /// come from a misuse of this module.
    pub fn next_member(&mut self) -> Result<Option<(RawStr<'a>, Value<'a>)>, Error> {
        match self.next_raw()? {
            Some((name, text)) => Ok(Some((name, classify(text)?))),
            None => Ok(None),
        }
    }

    /// The next member's name and its value's JSON text.
    /// Strict: it is also what validates an object's own members ([`parse_lookup`]).
    fn next_raw(&mut self) -> Result<Option<(RawStr<'a>, &'a [u8])>, Error> {
        if self.done {
            return Ok(None);
        }
        let c = &mut self.c;
        if c.ws() == b'}' {
            c.advance();
            self.done = true;
            return Ok(None);
        }
        if !self.first {
            c.eat(b',')?;
        }
        self.first = false;
        let name = c.string()?;
        c.eat(b':')?;
        c.ws();
        // The object itself is one level of nesting.
        let value = c.value(MAX_DEPTH.wrapping_sub(1))?;
        Ok(Some((RawStr { raw: name }, value)))
    }

    /// Walks the remaining members; `found[i]` becomes the text of the value of `keys[i]`
    /// (see [`Object::lookup`]).
    fn find(&mut self, keys: &[&[u8]], found: &mut [Lookup<'a>]) -> Result<(), Error> {
        while let Some((name, value)) = self.next_raw()? {
            // Not `contains`: that links `memchr`.
            #[allow(clippy::manual_contains)]
            let plain = !name.raw.iter().any(|&b| b == b'\\');
            for (key, slot) in keys.iter().zip(found.iter_mut()) {
                let hit = if plain {
                    name.raw == *key
                } else {
                    name.equals(key)
                };
                if hit {
                    *slot = match slot {
                        Ok(None) => Ok(Some(value)),
                        _ => Err(Error::InvalidJson),
                    };
                }
            }
        }
        Ok(())
    }
}

/// The digits of a non-negative decimal integer as a `u64`: `None` if `digits` is empty, has
/// anything but `0`..`9`, or overflows.
pub fn parse_u64(digits: &[u8]) -> Option<u64> {
    // Digit strings of one length compare as their numbers, so a bound on the text replaces
    // overflow checks at every digit (64-bit multiply-with-overflow is long on Cortex-M).
    let n = digits.len();
    if n == 0 || n > 20 || (n == 20 && digits > b"18446744073709551615".as_slice()) {
        return None;
    }
    let mut value: u64 = 0;
    for &d in digits {
        let digit = d.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
    }
    Some(value)
}

impl Value<'_> {
    /// An integer value (no fraction or exponent) that fits `i64`.
    pub fn as_integer(&self) -> Result<i64, Error> {
        let Value::Number(text) = self else {
            return Err(Error::InvalidJson);
        };
        integer_text(text)
    }
}

/// The simple escapes after `\` and the bytes they stand for.
const ESCAPES: &[u8; 8] = b"\"\\/bfnrt";
const UNESCAPED: &[u8; 8] = b"\"\\/\x08\x0c\n\r\t";

impl<'a> RawStr<'a> {
    /// The text between the quotes, escapes not decoded.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// True when the decoded string equals `text`.
    pub fn equals(&self, text: &[u8]) -> bool {
        /// Consumes the expected text as the decoded bytes arrive.
        struct Expect<'t>(&'t [u8]);
        impl Sink for Expect<'_> {
            fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
                self.0 = self.0.strip_prefix(bytes).ok_or(Error::InvalidArgument)?;
                Ok(())
            }
        }
        let mut rest = Expect(text);
        self.decode(&mut rest).is_ok() && rest.0.is_empty()
    }

    /// Decodes the escapes (`\uXXXX` becomes UTF-8, surrogate pairs joined) into `out`; the
    /// text between escapes goes out in one piece.
    pub fn write_to<S: Sink + ?Sized>(&self, out: &mut S) -> Result<(), Error> {
        /// Lets a sink of any type through the one (non-generic) decoder.
        struct Fwd<'s, S: ?Sized>(&'s mut S);
        impl<S: Sink + ?Sized> Sink for Fwd<'_, S> {
            fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
                self.0.put(bytes)
            }
        }
        self.decode(&mut Fwd(out))
    }

    /// Length of the decoded string in bytes.
    pub fn decoded_len(&self) -> Result<usize, Error> {
        let mut n = crate::sink::Counter::new();
        self.decode(&mut n)?;
        Ok(n.len())
    }

    /// [`RawStr::write_to`] for a sink that is already a trait object.
    #[inline(never)]
    pub(crate) fn decode(&self, out: &mut dyn Sink) -> Result<(), Error> {
        let mut c = Cursor::new(self.raw);
        loop {
            let start = c.pos;
            while !matches!(c.peek(), b'\\' | 0) {
                c.pos = c.pos.wrapping_add(1);
            }
            let plain = c.slice(start)?;
            if !plain.is_empty() {
                out.put(plain)?;
            }
            if c.pos >= self.raw.len() {
                return Ok(());
            }
            c.advance(); // the backslash
            let mut utf8 = [0u8; 4];
            out.put(encode_utf8(c.escape()?, &mut utf8))?;
        }
    }
}

/// The UTF-8 bytes of a code point the scanner accepted (never a surrogate).
fn encode_utf8(cp: u32, buf: &mut [u8; 4]) -> &[u8] {
    let byte = |v: u32| -> u8 {
        let [low, ..] = v.to_le_bytes();
        low
    };
    let (n, lead) = match cp {
        0..=0x7f => (1, 0),
        0x80..=0x7ff => (2, 0xc0),
        0x800..=0xffff => (3, 0xe0),
        _ => (4, 0xf0),
    };
    // Continuation bytes from the last one backwards, 6 bits each; the lead takes the rest.
    let mut rest = cp;
    for slot in buf.iter_mut().take(n).skip(1).rev() {
        *slot = 0x80 | byte(rest & 0x3f);
        rest = rest.wrapping_shr(6);
    }
    if let Some(first) = buf.first_mut() {
        *first = lead | byte(rest);
    }
    buf.get(..n).unwrap_or(&[])
}

/// Where the scanner is in the input. All reads are `get`s: out of range reads as 0, which no
/// JSON token starts with and no string may contain, so the end needs no separate check.
#[derive(Clone, Copy, Debug)]
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, pos: 0 }
    }

    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    fn advance(&mut self) {
        self.pos = self.pos.wrapping_add(1);
    }

    fn bump(&mut self) -> u8 {
        let b = self.peek();
        self.advance();
        b
    }

    /// Skips whitespace, then consumes `want`.
    fn eat(&mut self, want: u8) -> Result<(), Error> {
        if self.ws() == want {
            self.advance();
            Ok(())
        } else {
            Err(Error::InvalidJson)
        }
    }

    /// Skips whitespace; returns the next byte without consuming it.
    #[inline(never)]
    fn ws(&mut self) -> u8 {
        loop {
            let b = self.peek();
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return b;
            }
            self.advance();
        }
    }

    fn slice(&self, start: usize) -> Result<&'a [u8], Error> {
        self.bytes.get(start..self.pos).ok_or(Error::InvalidJson)
    }

    /// A string token (whitespace before it skipped), validated (escapes, no control
    /// characters, UTF-8); returns the text between the quotes and leaves the cursor after the
    /// closing one.
    #[inline(never)]
    fn string(&mut self) -> Result<&'a [u8], Error> {
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            match self.bump() {
                b'"' => break,
                b'\\' => {
                    self.escape()?;
                }
                0x00..=0x1f => return Err(Error::InvalidJson),
                0x80..=0xff => self.utf8_tail()?,
                _ => {}
            }
        }
        self.bytes
            .get(start..self.pos.wrapping_sub(1))
            .ok_or(Error::InvalidJson)
    }

    /// The bytes after a non-ASCII lead byte (consumed): a well-formed UTF-8 sequence
    /// ([`crate::utf8::sequence_len`]).
    fn utf8_tail(&mut self) -> Result<(), Error> {
        let lead = self.pos.wrapping_sub(1);
        let n = crate::utf8::sequence_len(self.bytes.get(lead..).unwrap_or_default());
        if n == 0 {
            return Err(Error::InvalidJson);
        }
        self.pos = lead.wrapping_add(n);
        Ok(())
    }

    /// The code point an escape stands for (its `\` consumed): a simple escape's byte, or a
    /// `\u` escape's code point.
    #[inline(never)]
    fn escape(&mut self) -> Result<u32, Error> {
        let e = self.bump();
        if e == b'u' {
            return self.code_point();
        }
        let i = ESCAPES
            .iter()
            .position(|&x| x == e)
            .ok_or(Error::InvalidJson)?;
        Ok(UNESCAPED.get(i).copied().map_or(0, u32::from))
    }

    /// The code point of a `\u` escape whose `\u` was consumed, joining a surrogate pair; a
    /// lone surrogate is an error.
    fn code_point(&mut self) -> Result<u32, Error> {
        let high = self.hex4()?;
        if !(0xd800..0xe000).contains(&high) {
            return Ok(high);
        }
        if high >= 0xdc00 || self.bump() != b'\\' || self.bump() != b'u' {
            return Err(Error::InvalidJson);
        }
        let low = self.hex4()?.wrapping_sub(0xdc00);
        if low >= 0x400 {
            return Err(Error::InvalidJson);
        }
        Ok(0x10000 | high.wrapping_sub(0xd800).wrapping_shl(10) | low)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v: u32 = 0;
        for _ in 0..4 {
            let c = self.bump();
            let lower = c | 0x20;
            let d = if c.is_ascii_digit() {
                c.wrapping_sub(b'0')
            } else if (b'a'..=b'f').contains(&lower) {
                lower.wrapping_sub(b'a' - 10)
            } else {
                return Err(Error::InvalidJson);
            };
            v = v.wrapping_shl(4) | u32::from(d);
        }
        Ok(v)
    }

    /// One or more digits.
    fn digits(&mut self) -> Result<(), Error> {
        let start = self.pos;
        while self.peek().is_ascii_digit() {
            self.advance();
        }
        if self.pos == start {
            return Err(Error::InvalidJson);
        }
        Ok(())
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<(), Error> {
        if self.peek() == b'-' {
            self.advance();
        }
        if self.peek() == b'0' {
            self.advance();
        } else {
            self.digits()?;
        }
        if self.peek() == b'.' {
            self.advance();
            self.digits()?;
        }
        if self.peek() | 0x20 == b'e' {
            self.advance();
            if matches!(self.peek(), b'+' | b'-') {
                self.advance();
            }
            self.digits()?;
        }
        Ok(())
    }

    /// `true`, `false` or `null`, chosen by its first byte.
    fn literal(&mut self, first: u8) -> Result<(), Error> {
        let word: &[u8] = match first {
            b't' => b"true",
            b'f' => b"false",
            _ => b"null",
        };
        let end = self.pos.wrapping_add(word.len());
        if self.bytes.get(self.pos..end) != Some(word) {
            return Err(Error::InvalidJson);
        }
        self.pos = end;
        Ok(())
    }

    /// The text of one value at the cursor (whitespace skipped before), validated by
    /// [`Cursor::skip_value`].
    fn value(&mut self, max_depth: u32) -> Result<&'a [u8], Error> {
        let start = self.pos;
        self.skip_value(max_depth)?;
        self.slice(start)
    }

    /// Skips and validates one value of any kind without recursion: the open containers are
    /// a bit stack (1 = object), so nesting costs one bit, not one stack frame.
    fn skip_value(&mut self, max_depth: u32) -> Result<(), Error> {
        let mut kinds: u32 = 0;
        let mut depth: u32 = 0;
        loop {
            // At a value position.
            match self.ws() {
                open @ (b'{' | b'[') => {
                    if depth >= max_depth {
                        return Err(Error::InvalidJson);
                    }
                    self.advance();
                    // `}` and `]` are two past `{` and `[` in ASCII.
                    if self.ws() == open.wrapping_add(2) {
                        self.advance();
                    } else {
                        kinds = kinds.wrapping_shl(1) | u32::from(open == b'{');
                        depth = depth.wrapping_add(1);
                        if open == b'{' {
                            self.member_name()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                first @ (b't' | b'f' | b'n') => self.literal(first)?,
                _ => self.number()?,
            }
            // After a value: close containers or move to the next element.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let in_object = kinds & 1 == 1;
                let c = self.ws();
                self.advance();
                if c == b',' {
                    if in_object {
                        self.member_name()?;
                    }
                    break;
                }
                if c != if in_object { b'}' } else { b']' } {
                    return Err(Error::InvalidJson);
                }
                kinds = kinds.wrapping_shr(1);
                depth = depth.wrapping_sub(1);
            }
        }
    }

    /// `"name" :` inside an object.
    fn member_name(&mut self) -> Result<(), Error> {
        self.string()?;
        self.eat(b':')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    /// Every kind of value through the members iterator, which ends with `None`.
    #[test]
    fn members_tell_each_value_kind() {
        let o = parse_object(
            br#"{"s":"x","n":-1.5,"t":true,"f":false,"z":null,"o":{"k":1},"a":[1,2]}"#,
        )
        .unwrap();
        let mut m = o.members();
        let mut kinds = std::vec::Vec::new();
        while let Some((name, value)) = m.next_member().unwrap() {
            let kind = match value {
                Value::String(v) => std::format!("string {:?}", v.raw()),
                Value::Number(t) => std::format!("number {t:?}"),
                Value::Bool(b) => std::format!("bool {b}"),
                Value::Null => "null".into(),
                Value::Object(v) => std::format!("object {:?}", v.text()),
                Value::Array(t) => std::format!("array {t:?}"),
            };
            kinds.push((name.raw().to_vec(), kind));
        }
        let want: [(&[u8], std::string::String); 7] = [
            (b"s", std::format!("string {:?}", b"x")),
            (b"n", std::format!("number {:?}", b"-1.5")),
            (b"t", "bool true".into()),
            (b"f", "bool false".into()),
            (b"z", "null".into()),
            (b"o", std::format!("object {:?}", br#"{"k":1}"#)),
            (b"a", std::format!("array {:?}", b"[1,2]")),
        ];
        assert_eq!(kinds.len(), want.len());
        for ((name, kind), (want_name, want_kind)) in kinds.iter().zip(want.iter()) {
            assert_eq!(name.as_slice(), *want_name);
            assert_eq!(kind, want_kind);
        }
        assert!(m.next_member().unwrap().is_none());
    }

    /// An escaped member name matches its decoded text exactly, not a longer key.
    #[test]
    fn escaped_names_match_whole_keys() {
        let o = parse_object(br#"{"a\u0062":1}"#).unwrap();
        assert_eq!(o.integer(b"ab"), Ok(1));
        assert!(o.get(b"abc").unwrap().is_none());
        assert!(o.get(b"a").unwrap().is_none());
    }

    /// `\uXXXX` escapes of each UTF-8 length.
    #[test]
    fn escapes_of_every_utf8_length() {
        let o = parse_object(br#"{"k":"\u0041\u00e9\u20ac\ud83d\ude00"}"#).unwrap();
        assert_eq!(
            decoded(o.string(b"k").unwrap()),
            "A\u{e9}\u{20ac}\u{1f600}".as_bytes()
        );
    }

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

    /// UTF-8 inside strings is checked in the scan itself: every boundary of Unicode table
    /// 3-7 against `core::str::from_utf8`.
    #[test]
    fn utf8_boundaries_match_core() {
        let mut seqs: std::vec::Vec<std::vec::Vec<u8>> = std::vec::Vec::new();
        for lead in 0x80..=0xffu8 {
            for second in [0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0] {
                seqs.push(std::vec![lead, second]);
                for third in [0x7f, 0x80, 0xbf, 0xc0] {
                    seqs.push(std::vec![lead, second, third]);
                    seqs.push(std::vec![lead, second, third, 0x80]);
                    seqs.push(std::vec![lead, second, third, 0xc0]);
                }
            }
            seqs.push(std::vec![lead]);
        }
        for seq in seqs {
            let mut doc = b"{\"k\":\"".to_vec();
            doc.extend_from_slice(&seq);
            doc.extend_from_slice(b"\"}");
            assert_eq!(
                parse_object(&doc).is_ok(),
                core::str::from_utf8(&seq).is_ok(),
                "{seq:02x?}"
            );
        }
    }

    /// One walk validates and finds: the same members, the same errors as [`parse_object`]
    /// followed by [`Object::lookup`].
    #[test]
    fn parse_lookup_agrees_with_parse_then_lookup() {
        for doc in [
            &br#"{"code":0,"info":{"token":"t"},"message":"m"}"#[..],
            br#"{"code":0,"code":1}"#,
            br#"{"\u0063ode":5,"x":[1,{"code":2}]}"#,
            br#"{"info":null}"#,
            br#"{"code":0} x"#,
            br#"{"code":0,}"#,
            br#"[]"#,
        ] {
            let keys: [&[u8]; 3] = [b"code", b"info", b"message"];
            let mut fused = [Ok(None); 3];
            let a = parse_lookup(doc, &keys, &mut fused).map(|o| o.text());
            let b = parse_object(doc).map(|o| o.text());
            assert_eq!(a, b);
            if let Ok(o) = parse_object(doc) {
                let mut two_pass = [Ok(None); 3];
                o.lookup(&keys, &mut two_pass).unwrap();
                assert_eq!(fused, two_pass, "{:?}", core::str::from_utf8(doc));
            }
        }
        let mut found = [Ok(None); 2];
        parse_lookup(br#"{"a":"x","b":2,"a":3}"#, &[b"a", b"b"], &mut found).unwrap();
        assert_eq!(found, [Err(Error::InvalidJson), Ok(Some(&b"2"[..]))]);
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
        // The innermost container may also be a non-empty one.
        let mut full = deep.clone();
        full.splice(5 + n..5 + n, [b'1']);
        assert!(parse_object(&full).is_ok());
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
        assert_eq!(parse_u64(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_u64(b"18446744073709551616"), None);
        assert_eq!(parse_u64(b"99999999999999999999"), None);
        assert_eq!(parse_u64(b"00000000000000000001"), Some(1));
        assert_eq!(parse_u64(b"000000000000000000001"), None);
        assert_eq!(parse_u64(b""), None);
        assert_eq!(parse_u64(b"1a"), None);
        assert_eq!(parse_u64(b"0"), Some(0));
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
            br#"{"a":1 "b":2}"#,
            br#"{,"a":1}"#,
            br#"{"a":1,,"b":2}"#,
            br#" { } "#,
            br#"{"a":{}, "b":[], "c":{"d":{"e":[{}]}}}"#,
        ] {
            let ours = parse_object(doc).is_ok();
            let theirs = serde_json::from_slice::<serde_json::Value>(doc)
                .map(|v| v.is_object())
                .unwrap_or(false);
            assert_eq!(ours, theirs, "{:?}", core::str::from_utf8(doc));
        }
    }
}
