//! The JSON report writer: one document written straight into a [`Sink`], so a report is
//! measured and written by the same code (the C ABI's size query) and needs no buffer.
//!
//! Whatever bytes a report quotes, the document stays valid JSON (RFC 8259): text that is not
//! UTF-8 is written as lower-case hex under the key with `_hex` appended, `"`, `\` and control
//! characters are escaped, everything else is copied.

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::sink::{Sink, format_decimal, format_unsigned};

/// Writes one JSON document. Keys are `&'static str` of plain ASCII (no escaping needed);
/// values are escaped as they are written.
pub struct JsonWriter<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    /// A value was written at the current level: the next key or element needs a comma.
    comma: bool,
}

impl<'s, S: Sink + ?Sized> JsonWriter<'s, S> {
    /// A writer at the start of a document.
    pub fn new(sink: &'s mut S) -> Self {
        JsonWriter { sink, comma: false }
    }

    /// Starts a value (an array element, or the value after a key).
    fn value_start(&mut self) -> Result<(), Error> {
        if self.comma {
            self.sink.put(b",")?;
        }
        self.comma = true;
        Ok(())
    }

    /// `"key":` (a comma first when the level already has a member).
    pub fn key(&mut self, key: &str) -> Result<(), Error> {
        self.key_parts(key, "")
    }

    /// `"<key><suffix>":`.
    fn key_parts(&mut self, key: &str, suffix: &str) -> Result<(), Error> {
        if self.comma {
            self.sink.put(b",")?;
        }
        self.sink.put(b"\"")?;
        self.sink.put(key.as_bytes())?;
        self.sink.put(suffix.as_bytes())?;
        self.sink.put(b"\":")?;
        self.comma = false;
        Ok(())
    }

    /// `{`.
    pub fn open(&mut self) -> Result<(), Error> {
        self.value_start()?;
        self.comma = false;
        self.sink.put(b"{")
    }

    /// `}`.
    pub fn close(&mut self) -> Result<(), Error> {
        self.comma = true;
        self.sink.put(b"}")
    }

    /// `[`.
    pub fn open_array(&mut self) -> Result<(), Error> {
        self.value_start()?;
        self.comma = false;
        self.sink.put(b"[")
    }

    /// `]`.
    pub fn close_array(&mut self) -> Result<(), Error> {
        self.comma = true;
        self.sink.put(b"]")
    }

    /// `"key":{` — a member that is an object.
    pub fn open_field(&mut self, key: &str) -> Result<(), Error> {
        self.key(key)?;
        self.open()
    }

    /// `"key":[` — a member that is an array.
    pub fn open_array_field(&mut self, key: &str) -> Result<(), Error> {
        self.key(key)?;
        self.open_array()
    }

    /// A string value from UTF-8 text.
    pub fn str(&mut self, text: &str) -> Result<(), Error> {
        self.value_start()?;
        self.sink.put(b"\"")?;
        Escape(&mut *self.sink).put(text.as_bytes())?;
        self.sink.put(b"\"")
    }

    /// `"key":"text"` made of pieces written one after the other; when a piece is not UTF-8,
    /// `"key_hex":"<hex of all pieces>"`.
    pub fn field_parts(&mut self, key: &str, parts: &[&[u8]]) -> Result<(), Error> {
        let text = parts.iter().all(|p| core::str::from_utf8(p).is_ok());
        if text {
            self.key(key)?;
        } else {
            self.key_parts(key, "_hex")?;
        }
        self.value_start()?;
        self.sink.put(b"\"")?;
        for p in parts {
            if text {
                Escape(&mut *self.sink).put(p)?;
            } else {
                put_hex(&mut DynSink(&mut *self.sink), p, HexCase::Lower)?;
            }
        }
        self.sink.put(b"\"")
    }

    /// An unsigned number.
    pub fn uint(&mut self, n: u32) -> Result<(), Error> {
        self.value_start()?;
        let mut digits = [0u8; 11];
        self.sink.put(format_unsigned(n, &mut digits))
    }

    /// A signed number.
    pub fn int(&mut self, n: i32) -> Result<(), Error> {
        self.value_start()?;
        let mut digits = [0u8; 11];
        self.sink.put(format_decimal(n, &mut digits))
    }

    /// A byte count or offset (clamped to `u32::MAX`; reports are about small messages).
    pub fn size(&mut self, n: usize) -> Result<(), Error> {
        self.uint(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// `true` / `false`.
    pub fn bool(&mut self, b: bool) -> Result<(), Error> {
        self.value_start()?;
        self.sink.put(if b { b"true" } else { b"false" })
    }

    /// `null`.
    pub fn null(&mut self) -> Result<(), Error> {
        self.value_start()?;
        self.sink.put(b"null")
    }

    /// Already-validated JSON text (e.g. an object checked by the strict JSON reader).
    pub fn raw(&mut self, json: &[u8]) -> Result<(), Error> {
        self.value_start()?;
        self.sink.put(json)
    }

    /// A string value of lower-case hex.
    pub fn hex(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.value_start()?;
        self.sink.put(b"\"")?;
        put_hex(&mut DynSink(&mut *self.sink), bytes, HexCase::Lower)?;
        self.sink.put(b"\"")
    }

    /// `"key":"text"`.
    pub fn field_str(&mut self, key: &str, text: &str) -> Result<(), Error> {
        self.key(key)?;
        self.str(text)
    }

    /// `"key":"text"` when `bytes` are UTF-8, else `"key_hex":"<hex>"`.
    pub fn field_text(&mut self, key: &str, bytes: &[u8]) -> Result<(), Error> {
        match core::str::from_utf8(bytes) {
            Ok(text) => self.field_str(key, text),
            Err(_) => self.field_hex_suffixed(key, bytes),
        }
    }

    /// `"key_hex":"<hex>"`.
    fn field_hex_suffixed(&mut self, key: &str, bytes: &[u8]) -> Result<(), Error> {
        self.key_parts(key, "_hex")?;
        self.hex(bytes)
    }

    /// `"key":"<hex>"`.
    pub fn field_hex(&mut self, key: &str, bytes: &[u8]) -> Result<(), Error> {
        self.key(key)?;
        self.hex(bytes)
    }

    /// `"key":"<hex>"` in the given letter case (a password as the platform compares it).
    pub fn field_hex_case(&mut self, key: &str, bytes: &[u8], case: HexCase) -> Result<(), Error> {
        self.key(key)?;
        self.value_start()?;
        self.sink.put(b"\"")?;
        put_hex(&mut DynSink(&mut *self.sink), bytes, case)?;
        self.sink.put(b"\"")
    }

    /// `"key":n`.
    pub fn field_uint(&mut self, key: &str, n: u32) -> Result<(), Error> {
        self.key(key)?;
        self.uint(n)
    }

    /// `"key":n` (signed).
    pub fn field_int(&mut self, key: &str, n: i32) -> Result<(), Error> {
        self.key(key)?;
        self.int(n)
    }

    /// `"key":n` for a byte count or offset.
    pub fn field_size(&mut self, key: &str, n: usize) -> Result<(), Error> {
        self.key(key)?;
        self.size(n)
    }

    /// `"key":true|false`.
    pub fn field_bool(&mut self, key: &str, b: bool) -> Result<(), Error> {
        self.key(key)?;
        self.bool(b)
    }

    /// `"key":<json>` for already-validated JSON text.
    pub fn field_raw(&mut self, key: &str, json: &[u8]) -> Result<(), Error> {
        self.key(key)?;
        self.raw(json)
    }

    /// A text member whose bytes `produce` writes (e.g. a decryption), run twice: once to
    /// learn whether the bytes are UTF-8, once to write them as `"key"` text or `"key_hex"`.
    /// `produce` must write the same bytes both times.
    pub fn field_streamed(
        &mut self,
        key: &str,
        produce: &mut dyn FnMut(&mut dyn Sink) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut check = Utf8Check::new();
        produce(&mut check)?;
        if check.valid() {
            self.key(key)?;
            self.value_start()?;
            self.sink.put(b"\"")?;
            produce(&mut Escape(&mut *self.sink))?;
        } else {
            self.key_parts(key, "_hex")?;
            self.value_start()?;
            self.sink.put(b"\"")?;
            produce(&mut HexOf(&mut *self.sink))?;
        }
        self.sink.put(b"\"")
    }
}

/// A `dyn Sink` as a sized sink (for the generic writers).
pub struct DynSink<'a, S: Sink + ?Sized>(pub &'a mut S);

impl<S: Sink + ?Sized> Sink for DynSink<'_, S> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.0.put(bytes)
    }
}

/// Escapes UTF-8 text for the inside of a JSON string.
struct Escape<'a, S: Sink + ?Sized>(&'a mut S);

impl<S: Sink + ?Sized> Sink for Escape<'_, S> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let mut rest = bytes;
        while !rest.is_empty() {
            let plain = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at_checked(plain).unwrap_or((rest, &[]));
            self.0.put(run)?;
            let Some((&special, after)) = tail.split_first() else {
                break;
            };
            match special {
                b'"' => self.0.put(b"\\\"")?,
                b'\\' => self.0.put(b"\\\\")?,
                b'\n' => self.0.put(b"\\n")?,
                b'\r' => self.0.put(b"\\r")?,
                b'\t' => self.0.put(b"\\t")?,
                c => {
                    self.0.put(b"\\u00")?;
                    put_hex(&mut DynSink(&mut *self.0), &[c], HexCase::Lower)?;
                }
            }
            rest = after;
        }
        Ok(())
    }
}

/// Writes the hex of every byte it is given.
struct HexOf<'a, S: Sink + ?Sized>(&'a mut S);

impl<S: Sink + ?Sized> Sink for HexOf<'_, S> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        put_hex(&mut DynSink(&mut *self.0), bytes, HexCase::Lower)
    }
}

/// Checks that a byte stream, given in any pieces, is UTF-8 (writes nothing).
pub struct Utf8Check {
    pending: [u8; 4],
    pending_len: usize,
    bad: bool,
}

impl Utf8Check {
    /// An empty stream (valid).
    pub fn new() -> Self {
        Utf8Check {
            pending: [0; 4],
            pending_len: 0,
            bad: false,
        }
    }

    /// True when everything seen is UTF-8 and no sequence is left open.
    pub fn valid(&self) -> bool {
        !self.bad && self.pending_len == 0
    }

    fn push(&mut self, b: u8) {
        if self.bad {
            return;
        }
        let Some(slot) = self.pending.get_mut(self.pending_len) else {
            self.bad = true;
            return;
        };
        *slot = b;
        self.pending_len = self.pending_len.saturating_add(1);
        let seq = self.pending.get(..self.pending_len).unwrap_or(&[]);
        match core::str::from_utf8(seq) {
            Ok(_) => self.pending_len = 0,
            // An error with a length is an invalid sequence; without one, it is unfinished.
            Err(e) if e.error_len().is_some() => self.bad = true,
            Err(_) if self.pending_len >= 4 => self.bad = true,
            Err(_) => {}
        }
    }
}

impl Default for Utf8Check {
    fn default() -> Self {
        Self::new()
    }
}

impl Sink for Utf8Check {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        for &b in bytes {
            self.push(b);
        }
        Ok(())
    }
}

/// Compares what is written with an expected byte string (optionally ignoring ASCII case),
/// without keeping a copy: lets a checker compare a long generated text with captured bytes.
pub struct Compare<'a> {
    expected: &'a [u8],
    at: usize,
    ignore_case: bool,
    differs: bool,
}

impl<'a> Compare<'a> {
    /// Compares with `expected`.
    pub fn new(expected: &'a [u8], ignore_case: bool) -> Self {
        Compare {
            expected,
            at: 0,
            ignore_case,
            differs: false,
        }
    }

    /// True when exactly `expected` was written.
    pub fn equal(&self) -> bool {
        !self.differs && self.at == self.expected.len()
    }
}

impl Sink for Compare<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self.at.saturating_add(bytes.len());
        match self.expected.get(self.at..end) {
            Some(want) => {
                let same = if self.ignore_case {
                    want.eq_ignore_ascii_case(bytes)
                } else {
                    want == bytes
                };
                self.differs |= !same;
            }
            None => self.differs = true,
        }
        self.at = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    fn doc(f: impl FnOnce(&mut JsonWriter<'_, SliceWriter<'_>>)) -> std::string::String {
        let mut buf = [0u8; 512];
        let mut s = SliceWriter::new(&mut buf);
        let mut w = JsonWriter::new(&mut s);
        f(&mut w);
        std::string::String::from_utf8(s.written().to_vec()).unwrap()
    }

    #[test]
    fn nesting_and_commas() {
        let text = doc(|w| {
            w.open().unwrap();
            w.field_str("a", "x\"y\\z\n\u{1}").unwrap();
            w.open_array_field("b").unwrap();
            w.uint(1).unwrap();
            w.open().unwrap();
            w.field_int("c", -2).unwrap();
            w.close().unwrap();
            w.str("é").unwrap();
            w.close_array().unwrap();
            w.field_text("d", &[0xff, 0x00]).unwrap();
            w.field_bool("e", true).unwrap();
            w.close().unwrap();
        });
        assert_eq!(
            text,
            r#"{"a":"x\"y\\z\n\u0001","b":[1,{"c":-2},"é"],"d_hex":"ff00","e":true}"#
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["a"], "x\"y\\z\n\u{1}");
    }

    #[test]
    fn streamed_text_picks_text_or_hex() {
        let text = doc(|w| {
            w.open().unwrap();
            w.field_streamed("ok", &mut |s| {
                s.put(&[0xe6])?;
                s.put(&[0xb5, 0x8b])
            })
            .unwrap();
            w.field_streamed("bad", &mut |s| s.put(&[0xe6, b'a']))
                .unwrap();
            w.field_streamed("open", &mut |s| s.put(&[0xe6, 0xb5]))
                .unwrap();
            w.close().unwrap();
        });
        assert_eq!(
            text,
            "{\"ok\":\"\u{6d4b}\",\"bad_hex\":\"e661\",\"open_hex\":\"e6b5\"}"
        );
    }

    #[test]
    fn compare_sink() {
        let mut c = Compare::new(b"ABcd", true);
        c.put(b"ab").unwrap();
        c.put(b"CD").unwrap();
        assert!(c.equal());
        let mut c = Compare::new(b"ABcd", false);
        c.put(b"ABcd").unwrap();
        assert!(c.equal());
        let mut c = Compare::new(b"ABcd", false);
        c.put(b"ABc").unwrap();
        assert!(!c.equal());
        c.put(b"dd").unwrap();
        assert!(!c.equal());
    }

    #[test]
    fn hex_fields_take_the_asked_case_and_spaces_stay_plain() {
        let text = doc(|w| {
            w.open().unwrap();
            w.field_hex_case("up", &[0xab, 0x0f], HexCase::Upper)
                .unwrap();
            w.field_hex_case("low", &[0xab, 0x0f], HexCase::Lower)
                .unwrap();
            w.field_str("s", "a b").unwrap();
            w.close().unwrap();
        });
        assert_eq!(text, r#"{"up":"AB0F","low":"ab0f","s":"a b"}"#);
    }
}
