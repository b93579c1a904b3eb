//! The character sets the CoAP, auth and EnOS inputs are held to, tested by one function
//! ([`fits`]) instead of a closure per field, and a UTF-8 check ([`utf8`]) for topics and
//! CBOR text (`core::str::from_utf8` with its table is 0.36 KB of Thumb code; this is a
//! quarter of that).

/// `0`-`9`
pub const DIGIT: u8 = 1;
/// `A`-`Z`, `a`-`z`
pub const ALPHA: u8 = 2;
/// `-`, `_`
pub const DASH: u8 = 4;
/// `.`, `:`
pub const DOT: u8 = 8;
/// `@`
pub const AT: u8 = 16;
/// `[`, `]` (IPv6 literals)
pub const BRACKET: u8 = 32;
/// Printable ASCII a JSON string holds without escaping (0x20..=0x7e except `"` and `\`).
pub const JSON: u8 = 64;

/// The sets `c` belongs to.
fn sets_of(c: u8) -> u8 {
    let json = if (0x20..0x7f).contains(&c) && c != b'"' && c != b'\\' {
        JSON
    } else {
        0
    };
    json | match c {
        b'0'..=b'9' => DIGIT,
        b'a'..=b'z' | b'A'..=b'Z' => ALPHA,
        b'-' | b'_' => DASH,
        b'.' | b':' => DOT,
        b'@' => AT,
        b'[' | b']' => BRACKET,
        _ => 0,
    }
}

/// True when `s` has `min..=max` bytes, each in one of the sets `allowed` names.
#[inline(never)]
pub fn fits(s: &[u8], min: usize, max: usize, allowed: u8) -> bool {
    (min..=max).contains(&s.len()) && s.iter().all(|&c| sets_of(c) & allowed != 0)
}

/// True when `s` is well-formed UTF-8 (RFC 3629: shortest form, no surrogates, at most
/// U+10FFFF): exactly what `core::str::from_utf8` accepts.
#[inline(never)]
pub fn utf8(s: &[u8]) -> bool {
    let mut rest = s;
    while let Some((&lead, tail)) = rest.split_first() {
        if lead < 0x80 {
            // ASCII, nearly every byte of a topic: nothing more to check.
            rest = tail;
            continue;
        }
        // Continuation bytes and the smallest code point that needs them.
        let (n, min): (usize, u32) = match lead {
            0xc2..=0xdf => (1, 0x80),
            0xe0..=0xef => (2, 0x800),
            0xf0..=0xf4 => (3, 0x1_0000),
            _ => return false,
        };
        let Some((cont, after)) = tail.split_at_checked(n) else {
            return false;
        };
        let mut cp = u32::from(lead & (0x7f >> n));
        for &c in cont {
            if c & 0xc0 != 0x80 {
                return false;
            }
            cp = (cp << 6) | u32::from(c & 0x3f);
        }
        if cp < min || cp > 0x10_ffff || (0xd800..=0xdfff).contains(&cp) {
            return false;
        }
        rest = after;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_matches_core_on_every_short_sequence() {
        let same = |b: &[u8]| assert_eq!(utf8(b), core::str::from_utf8(b).is_ok(), "{b:02x?}");
        for a in 0..=255u8 {
            same(&[a]);
            for b in 0..=255u8 {
                same(&[a, b]);
            }
        }
        for a in 0xe0..=0xf4u8 {
            for b in 0..=255u8 {
                for c in [0x00, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff] {
                    same(&[a, b, c]);
                    for d in [0x00, 0x80, 0xbf, 0xc0] {
                        same(&[a, b, c, d]);
                    }
                }
            }
        }
        same("a€𝄞é/".as_bytes());
        same(b"\xf4\x90\x80\x80");
        same(b"\xed\xa0\x80");
    }

    #[test]
    fn sets_and_bounds() {
        assert!(fits(b"a1Z9", 1, 4, DIGIT | ALPHA));
        assert!(!fits(b"a1Z9", 1, 3, DIGIT | ALPHA));
        assert!(!fits(b"", 1, 3, DIGIT));
        assert!(fits(b"", 0, 3, DIGIT));
        assert!(fits(b"dn_@.:-", 4, 32, DIGIT | ALPHA | DASH | DOT | AT));
        assert!(!fits(b"dn/x", 1, 32, DIGIT | ALPHA | DASH | DOT | AT));
        assert!(fits(b"[::1]", 1, 9, DIGIT | ALPHA | DASH | DOT | BRACKET));
        assert!(fits(b" !#~", 1, 9, JSON));
        for bad in [b'"', b'\\', 0x1f, 0x7f, 0x80] {
            assert!(!fits(&[bad], 1, 1, JSON), "{bad:#x}");
        }
        for c in 0..=255u8 {
            let want = c.is_ascii_alphanumeric() || b"_@.:-".contains(&c);
            assert_eq!(fits(&[c], 1, 1, DIGIT | ALPHA | DASH | DOT | AT), want);
        }
    }
}
