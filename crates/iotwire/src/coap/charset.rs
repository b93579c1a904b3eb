//! The character sets the CoAP, auth and EnOS inputs are held to, tested by one function
//! ([`fits`]) instead of a closure per field. (UTF-8, for topics and CBOR text, is
//! [`crate::utf8`]'s.)

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

#[cfg(test)]
mod tests {
    use super::*;

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
