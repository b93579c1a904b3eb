//! What the platform accepts in each input, as data: a length range and a set of character
//! classes per kind of text, checked by one function ([`check`]). (Each rule as its own loop
//! and closure cost several hundred bytes of Thumb code in all; the rules are the same.)

use crate::Error;

/// Longest ProductKey the legacy structs hold (`IOTX_PRODUCT_KEY_LEN`).
pub const PRODUCT_KEY_MAX: usize = 20;
/// Longest DeviceName (`IOTX_DEVICE_NAME_LEN`); also the platform's limit.
pub const DEVICE_NAME_MAX: usize = 32;
/// Shortest DeviceName the platform accepts.
pub const DEVICE_NAME_MIN: usize = 4;
/// Longest client id (the part before `|`) the platform accepts.
pub const CLIENT_ID_MAX: usize = 64;
/// Longest caller-given host we accept (DNS limit).
pub const HOST_MAX: usize = 253;
/// Longest extra client-id parameter text.
pub const EXTRA_PARAMS_MAX: usize = 128;
/// Longest instance id, random and similar tokens.
pub const TOKEN_MAX: usize = 64;
/// Longest device token (connwl password).
pub const DEVICE_TOKEN_MAX: usize = 256;
/// Longest secret accepted (keys longer than a hash block are hashed per RFC 2104).
pub const SECRET_MAX: usize = 256;

/// Character classes; a rule allows the union of some of them.
pub mod class {
    /// `0-9`
    pub const DIGIT: u16 = 1;
    /// `A-Za-z`
    pub const ALPHA: u16 = 2;
    /// `_`
    pub const UNDERSCORE: u16 = 4;
    /// `-`
    pub const DASH: u16 = 8;
    /// `.` and `:`
    pub const DOT_COLON: u16 = 16;
    /// `@`
    pub const AT: u16 = 32;
    /// `[` and `]` (IPv6 literals)
    pub const BRACKET: u16 = 64;
    /// Any other printable ASCII character but `|` and `,`.
    pub const OTHER_GRAPHIC: u16 = 128;
    /// `,`
    pub const COMMA: u16 = 256;
    /// `|`
    pub const PIPE: u16 = 512;
    /// Space, controls and bytes >= 0x80, but not NUL.
    pub const NON_GRAPHIC: u16 = 1024;
    /// Letters and digits.
    pub const ALNUM: u16 = DIGIT | ALPHA;
    /// Every printable ASCII character.
    pub const GRAPHIC: u16 =
        ALNUM | UNDERSCORE | DASH | DOT_COLON | AT | BRACKET | OTHER_GRAPHIC | COMMA | PIPE;
    /// Every byte but NUL (C strings are cut at a NUL).
    pub const NOT_NUL: u16 = GRAPHIC | NON_GRAPHIC;
}

/// The class of one byte (exactly one bit, 0 for NUL).
fn class_of(c: u8) -> u16 {
    match c {
        0 => 0,
        b'0'..=b'9' => class::DIGIT,
        b'A'..=b'Z' | b'a'..=b'z' => class::ALPHA,
        b'_' => class::UNDERSCORE,
        b'-' => class::DASH,
        b'.' | b':' => class::DOT_COLON,
        b'@' => class::AT,
        b'[' | b']' => class::BRACKET,
        b',' => class::COMMA,
        b'|' => class::PIPE,
        0x21..=0x7e => class::OTHER_GRAPHIC,
        _ => class::NON_GRAPHIC,
    }
}

/// True when `s` has `min..=max` bytes, each in one of the `allowed` classes.
#[inline(never)]
pub fn check(s: &[u8], min: usize, max: usize, allowed: u16) -> bool {
    (min..=max).contains(&s.len()) && s.iter().all(|&c| class_of(c) & allowed != 0)
}

fn ok_or(ok: bool, e: Error) -> Result<(), Error> {
    if ok { Ok(()) } else { Err(e) }
}

/// ProductKey: 1..=20 letters and digits (strict) or at most 20 non-NUL bytes (lax; legacy
/// structs held anything, and outputs are C strings that a NUL would cut).
pub fn product_key(pk: &[u8], lax: bool) -> Result<(), Error> {
    let ok = if lax {
        check(pk, 0, PRODUCT_KEY_MAX, class::NOT_NUL)
    } else {
        check(pk, 1, PRODUCT_KEY_MAX, class::ALNUM)
    };
    ok_or(ok, Error::InvalidProductKey)
}

/// DeviceName: 4..=32 of `[A-Za-z0-9_@.:-]` (strict) or at most 32 non-NUL bytes (lax).
pub fn device_name(dn: &[u8], lax: bool) -> Result<(), Error> {
    use class::*;
    let ok = if lax {
        check(dn, 0, DEVICE_NAME_MAX, NOT_NUL)
    } else {
        check(
            dn,
            DEVICE_NAME_MIN,
            DEVICE_NAME_MAX,
            ALNUM | UNDERSCORE | AT | DOT_COLON | DASH,
        )
    };
    ok_or(ok, Error::InvalidDeviceName)
}

/// Client id: 1..=64 printable ASCII characters without `|` (which frames the parameters).
pub fn client_id(id: &[u8]) -> Result<(), Error> {
    ok_or(
        check(id, 1, CLIENT_ID_MAX, class::GRAPHIC & !class::PIPE),
        Error::InvalidClientId,
    )
}

/// Host: 1..=253 characters of `[A-Za-z0-9.-_:[]]` (names and IPv4/IPv6 literals).
pub fn host(h: &[u8]) -> Result<(), Error> {
    use class::*;
    ok_or(
        check(
            h,
            1,
            HOST_MAX,
            ALNUM | DOT_COLON | DASH | UNDERSCORE | BRACKET,
        ),
        Error::InvalidHost,
    )
}

/// A legacy custom domain: copied verbatim like legacy did, but never with a NUL inside.
pub fn legacy_host(h: &[u8]) -> Result<(), Error> {
    ok_or(check(h, 0, usize::MAX, class::NOT_NUL), Error::InvalidHost)
}

/// Timestamp: 1..=20 decimal digits (milliseconds since the epoch).
pub fn timestamp(ts: &[u8]) -> Result<(), Error> {
    ok_or(check(ts, 1, 20, class::DIGIT), Error::InvalidTimestamp)
}

/// A parameter value such as a random or an instance id: 1..=64 of `[A-Za-z0-9_-]`.
pub fn token(t: &[u8]) -> Result<(), Error> {
    use class::*;
    ok_or(
        check(t, 1, TOKEN_MAX, ALNUM | UNDERSCORE | DASH),
        Error::InvalidArgument,
    )
}

/// Device token: 1..=256 printable ASCII characters.
pub fn device_token(t: &[u8]) -> Result<(), Error> {
    ok_or(
        check(t, 1, DEVICE_TOKEN_MAX, class::GRAPHIC),
        Error::MissingField,
    )
}

/// A secret may be empty here (legacy SDKs signed with empty ones; the two-step API needs
/// none): presence is checked where a one-shot MAC needs it. Only absurd lengths are refused.
pub fn secret(s: &[u8]) -> Result<(), Error> {
    ok_or(s.len() <= SECRET_MAX, Error::InvalidArgument)
}

/// Extra client-id parameters: `key=value[,key=value]...`, keys of `[A-Za-z0-9_]`, values
/// printable without `,` or `|`, at most 128 characters in all. Empty means none.
pub fn extra_params(kv: &[u8]) -> Result<(), Error> {
    use class::*;
    if kv.len() > EXTRA_PARAMS_MAX {
        return Err(Error::InvalidExtraParams);
    }
    if kv.is_empty() {
        return Ok(());
    }
    for item in kv.split(|&c| c == b',') {
        let eq = item.iter().position(|&c| c == b'=');
        let (key, value) = match eq {
            Some(at) => item.split_at_checked(at).unwrap_or((item, &[])),
            None => return Err(Error::InvalidExtraParams),
        };
        // `value` starts with the `=`, which the value class allows.
        let ok = check(key, 1, EXTRA_PARAMS_MAX, ALNUM | UNDERSCORE)
            && check(value, 1, EXTRA_PARAMS_MAX, GRAPHIC & !PIPE & !COMMA);
        if !ok {
            return Err(Error::InvalidExtraParams);
        }
    }
    Ok(())
}

/// Legacy `customize_info`: any printable text without `|`, at most 128 characters (the
/// legacy SDK appended it verbatim).
pub fn legacy_extra_params(kv: &[u8]) -> Result<(), Error> {
    ok_or(
        check(kv, 0, EXTRA_PARAMS_MAX, class::GRAPHIC & !class::PIPE),
        Error::InvalidExtraParams,
    )
}

/// MQTT keepalive the platform accepts: 30..=1200 seconds.
pub fn keepalive(seconds: u32) -> Result<(), Error> {
    ok_or((30..=1200).contains(&seconds), Error::InvalidKeepalive)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Secrets: empty allowed, up to SECRET_MAX bytes, no more.
    #[test]
    fn secret_lengths() {
        assert!(secret(b"").is_ok());
        assert!(secret(&[b'k'; SECRET_MAX]).is_ok());
        assert_eq!(secret(&[b'k'; SECRET_MAX + 1]), Err(Error::InvalidArgument));
    }

    #[test]
    fn device_name_rules() {
        assert!(device_name(b"example1", false).is_ok());
        assert!(device_name(b"a@b.c:d-e_f", false).is_ok());
        assert_eq!(device_name(b"abc", false), Err(Error::InvalidDeviceName));
        assert_eq!(device_name(b"abc", true), Ok(()));
        assert_eq!(
            device_name(b"with space", false),
            Err(Error::InvalidDeviceName)
        );
        assert_eq!(
            device_name(&[b'a'; 33], true),
            Err(Error::InvalidDeviceName)
        );
        assert!(device_name(&[b'a'; 32], false).is_ok());
        assert_eq!(device_name(b"ab\0c", true), Err(Error::InvalidDeviceName));
        assert_eq!(product_key(b"\0", true), Err(Error::InvalidProductKey));
        assert_eq!(legacy_host(b"a\0b"), Err(Error::InvalidHost));
    }

    #[test]
    fn keepalive_bounds() {
        assert!(keepalive(29).is_err());
        assert!(keepalive(30).is_ok());
        assert!(keepalive(1200).is_ok());
        assert!(keepalive(1201).is_err());
    }

    #[test]
    fn extra_params_shape() {
        assert!(extra_params(b"authtype=id2").is_ok());
        assert!(extra_params(b"a=1,b=2").is_ok());
        assert!(extra_params(b"a=").is_ok());
        assert!(extra_params(b"a=1,b").is_err());
        assert!(extra_params(b"a=1|").is_err());
        assert!(extra_params(b"=1").is_err());
        assert!(extra_params(b"a=1,").is_err());
        assert!(extra_params(b"a b=1").is_err());
        assert!(extra_params(b"a=1 2").is_err());
    }

    #[test]
    fn client_id_rules() {
        assert!(client_id(b"12345").is_ok());
        assert!(client_id(&[b'c'; 64]).is_ok());
        assert!(client_id(&[b'c'; 65]).is_err());
        assert!(client_id(b"a|b").is_err());
        assert!(client_id(b"").is_err());
    }

    /// Every byte value against the charset each rule documents.
    #[test]
    fn classes_match_the_documented_charsets() {
        for c in 0..=255u8 {
            let one = [c];
            let pk_ok = c.is_ascii_alphanumeric();
            assert_eq!(product_key(&one, false).is_ok(), pk_ok, "pk {c}");
            let dn = [b'a', b'b', b'c', c];
            let dn_ok = pk_ok || matches!(c, b'_' | b'@' | b'.' | b':' | b'-');
            assert_eq!(device_name(&dn, false).is_ok(), dn_ok, "dn {c}");
            assert_eq!(device_name(&dn, true).is_ok(), c != 0, "lax dn {c}");
            let host_ok = pk_ok || matches!(c, b'.' | b'-' | b'_' | b':' | b'[' | b']');
            assert_eq!(host(&one).is_ok(), host_ok, "host {c}");
            let graphic = c.is_ascii_graphic();
            assert_eq!(client_id(&one).is_ok(), graphic && c != b'|', "cid {c}");
            assert_eq!(device_token(&one).is_ok(), graphic, "token {c}");
            assert_eq!(timestamp(&one).is_ok(), c.is_ascii_digit(), "ts {c}");
            let token_ok = pk_ok || matches!(c, b'_' | b'-');
            assert_eq!(token(&one).is_ok(), token_ok, "token {c}");
            assert_eq!(
                legacy_extra_params(&one).is_ok(),
                graphic && c != b'|',
                "legacy extras {c}"
            );
            let value = [b'k', b'=', c];
            assert_eq!(
                extra_params(&value).is_ok(),
                graphic && c != b'|' && c != b',',
                "extras value {c}"
            );
        }
    }
}
