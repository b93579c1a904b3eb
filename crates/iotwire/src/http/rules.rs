//! What a text may contain: character classes as one table, and the one length-and-class
//! check every HTTPS input and every reply field goes through.
//!
//! One table lookup per byte instead of a `matches!` per rule: each rule was a separate loop
//! with its own comparisons, and a closure-generic checker was instantiated once per field.

use crate::Error;
use crate::json::RawStr;
use crate::sink::Sink;

/// A set of bytes, as bits of [`CLASSES`]: a byte is in a set when it is printable ASCII
/// (0x21..=0x7e) and has every bit of the set. [`GRAPHIC`] (no bits) is every printable byte.
pub type Class = u8;

/// Printable ASCII without space.
pub const GRAPHIC: Class = 0;
/// `[A-Za-z0-9]` (ProductKey).
pub const ALNUM: Class = 1;
/// `[A-Za-z0-9_@.:-]` (DeviceName).
pub const NAME: Class = 2;
/// Printable without `|` (client id: `|` frames its parameters).
pub const NO_PIPE: Class = 4;
/// Printable without `"`, `\`, `&`, `=`, `%`, `+`: stands unescaped inside a JSON string and a
/// form value (the legacy SDKs pasted names unescaped).
pub const BODY: Class = 8;
/// `[A-Za-z0-9._:\[\]-]` (host names and IP literals).
pub const HOST: Class = 16;
/// `[0-9]` (timestamps).
pub const DIGIT: Class = 32;
/// `[A-Za-z0-9_-]` (randoms).
pub const TOKEN: Class = 64;
/// Printable without `+`, `#` (wildcards), `?`, `%`, `"`, `\` (a request path).
pub const PATH: Class = 128;

const fn classes_of(c: u8) -> Class {
    let alnum = c.is_ascii_alphanumeric();
    let mut m = 0;
    if alnum {
        m |= ALNUM;
    }
    if alnum || matches!(c, b'_' | b'@' | b'.' | b':' | b'-') {
        m |= NAME;
    }
    if c != b'|' {
        m |= NO_PIPE;
    }
    if !matches!(c, b'"' | b'\\' | b'&' | b'=' | b'%' | b'+') {
        m |= BODY;
    }
    if alnum || matches!(c, b'.' | b'-' | b'_' | b':' | b'[' | b']') {
        m |= HOST;
    }
    if c.is_ascii_digit() {
        m |= DIGIT;
    }
    if alnum || matches!(c, b'_' | b'-') {
        m |= TOKEN;
    }
    if !matches!(c, b'+' | b'#' | b'?' | b'%' | b'"' | b'\\') {
        m |= PATH;
    }
    m
}

/// The classes of each printable byte, from 0x21 (`!`) to 0x7e (`~`). Evaluated by the
/// compiler: an out-of-range index here would fail the build, not panic at run time.
#[allow(
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
static CLASSES: [Class; 94] = {
    let mut t = [0; 94];
    let mut i = 0;
    while i < t.len() {
        // i < 94, so 0x21 + i is a printable byte.
        t[i] = classes_of(0x21 + i as u8);
        i += 1;
    }
    t
};

/// True when `c` is printable and in `class`.
pub fn in_class(c: u8, class: Class) -> bool {
    CLASSES
        .get(usize::from(c.wrapping_sub(0x21)))
        .is_some_and(|&m| m & class == class)
}

/// True when `s` has `min..=max` bytes, each in `class`.
#[inline(never)]
pub fn fits(s: &[u8], min: usize, max: usize, class: Class) -> bool {
    (min..=max).contains(&s.len()) && s.iter().all(|&c| in_class(c, class))
}

/// [`fits`] as a result: `Ok` or `error`.
pub fn check(s: &[u8], min: usize, max: usize, class: Class, error: Error) -> Result<(), Error> {
    if fits(s, min, max, class) {
        Ok(())
    } else {
        Err(error)
    }
}

/// A JSON string whose decoded text has `1..=max` bytes of `class`, else
/// [`Error::ReplyFieldInvalid`]. Decoded into the check, never copied.
#[inline(never)]
pub fn check_text(s: &RawStr<'_>, max: usize, class: Class) -> Result<(), Error> {
    let mut check = Fits::new(max, class);
    s.decode(&mut check)?;
    check.finish()
}

/// Checks a text that arrives in pieces (a decoded JSON string) against `1..=max` bytes of
/// `class`, without copying it: write it in, then call [`Fits::finish`].
pub struct Fits {
    left: usize,
    empty: bool,
    class: Class,
}

impl Fits {
    /// Expects `1..=max` bytes of `class`.
    pub fn new(max: usize, class: Class) -> Self {
        Fits {
            left: max,
            empty: true,
            class,
        }
    }

    /// [`Error::ReplyFieldInvalid`] for an empty text.
    pub fn finish(self) -> Result<(), Error> {
        if self.empty {
            Err(Error::ReplyFieldInvalid)
        } else {
            Ok(())
        }
    }
}

impl Sink for Fits {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.left = self
            .left
            .checked_sub(bytes.len())
            .ok_or(Error::ReplyFieldInvalid)?;
        self.empty &= bytes.is_empty();
        if fits(bytes, 0, usize::MAX, self.class) {
            Ok(())
        } else {
            Err(Error::ReplyFieldInvalid)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every class against the rule it names, written out independently for all 256 bytes.
    #[test]
    fn table_matches_the_rules() {
        for c in 0..=255u8 {
            let g = (0x21..=0x7e).contains(&c);
            let a = c.is_ascii_alphanumeric();
            assert_eq!(in_class(c, GRAPHIC), g, "{c}");
            assert_eq!(in_class(c, ALNUM), a, "{c}");
            assert_eq!(in_class(c, NAME), a || b"_@.:-".contains(&c), "{c}");
            assert_eq!(in_class(c, NO_PIPE), g && c != b'|', "{c}");
            assert_eq!(in_class(c, BODY), g && !b"\"\\&=%+".contains(&c), "{c}");
            assert_eq!(in_class(c, HOST), a || b".-_:[]".contains(&c), "{c}");
            assert_eq!(in_class(c, DIGIT), c.is_ascii_digit(), "{c}");
            assert_eq!(in_class(c, TOKEN), a || b"_-".contains(&c), "{c}");
            assert_eq!(in_class(c, PATH), g && !b"+#?%\"\\".contains(&c), "{c}");
            assert_eq!(
                in_class(c, NO_PIPE | BODY),
                g && !b"|\"\\&=%+".contains(&c),
                "{c}"
            );
        }
    }

    #[test]
    fn lengths_and_pieces() {
        assert!(fits(b"", 0, 3, ALNUM));
        assert!(!fits(b"", 1, 3, ALNUM));
        assert!(!fits(b"abcd", 1, 3, ALNUM));
        assert!(!fits(b"a b", 1, 3, GRAPHIC));
        let mut f = Fits::new(4, DIGIT);
        f.put(b"12").unwrap();
        f.put(b"").unwrap();
        f.put(b"34").unwrap();
        assert!(f.finish().is_ok());
        let mut f = Fits::new(3, DIGIT);
        assert_eq!(f.put(b"1234"), Err(Error::ReplyFieldInvalid));
        assert_eq!(Fits::new(3, DIGIT).finish(), Err(Error::ReplyFieldInvalid));
        let mut f = Fits::new(3, DIGIT);
        assert_eq!(f.put(b"1a"), Err(Error::ReplyFieldInvalid));
    }
}
