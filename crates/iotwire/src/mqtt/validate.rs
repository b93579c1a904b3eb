//! What the platform rejects, checked before anything is written. Each check names the rule it
//! enforces; the lax variants keep only the bounds the legacy structs imposed.

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

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// Lax names may be anything a legacy struct held, except NUL: outputs are C strings, and an
/// embedded NUL would silently cut them.
fn no_nul(s: &[u8]) -> bool {
    !s.contains(&0)
}

/// ProductKey: 1..=20 letters and digits (strict) or at most 20 non-NUL bytes (lax).
pub fn product_key(pk: &[u8], lax: bool) -> Result<(), Error> {
    let ok = pk.len() <= PRODUCT_KEY_MAX
        && no_nul(pk)
        && (lax || (!pk.is_empty() && pk.iter().all(|&c| is_alnum(c))));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidProductKey)
    }
}

/// DeviceName: 4..=32 of `[A-Za-z0-9_@.:-]` (strict) or at most 32 non-NUL bytes (lax).
pub fn device_name(dn: &[u8], lax: bool) -> Result<(), Error> {
    let charset = |c: u8| is_alnum(c) || matches!(c, b'_' | b'@' | b'.' | b':' | b'-');
    let ok = dn.len() <= DEVICE_NAME_MAX
        && no_nul(dn)
        && (lax || (dn.len() >= DEVICE_NAME_MIN && dn.iter().all(|&c| charset(c))));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidDeviceName)
    }
}

/// Client id: 1..=64 printable ASCII characters without `|` (which frames the parameters).
pub fn client_id(id: &[u8]) -> Result<(), Error> {
    let ok = !id.is_empty()
        && id.len() <= CLIENT_ID_MAX
        && id.iter().all(|&c| c.is_ascii_graphic() && c != b'|');
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidClientId)
    }
}

/// Host: 1..=253 characters of `[A-Za-z0-9.-_:[]]` (names and IPv4/IPv6 literals).
pub fn host(h: &[u8]) -> Result<(), Error> {
    let charset = |c: u8| is_alnum(c) || matches!(c, b'.' | b'-' | b'_' | b':' | b'[' | b']');
    let ok = !h.is_empty() && h.len() <= HOST_MAX && h.iter().all(|&c| charset(c));
    if ok { Ok(()) } else { Err(Error::InvalidHost) }
}

/// A legacy custom domain: copied verbatim like legacy did, but never with a NUL inside.
pub fn legacy_host(h: &[u8]) -> Result<(), Error> {
    if no_nul(h) {
        Ok(())
    } else {
        Err(Error::InvalidHost)
    }
}

/// Timestamp: 1..=20 decimal digits (milliseconds since the epoch).
pub fn timestamp(ts: &[u8]) -> Result<(), Error> {
    let ok = !ts.is_empty() && ts.len() <= 20 && ts.iter().all(u8::is_ascii_digit);
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidTimestamp)
    }
}

/// A parameter value such as a random or an instance id: 1..=64 of `[A-Za-z0-9_-]`.
pub fn token(t: &[u8]) -> Result<(), Error> {
    let ok = !t.is_empty()
        && t.len() <= TOKEN_MAX
        && t.iter().all(|&c| is_alnum(c) || matches!(c, b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

/// Device token: 1..=256 printable ASCII characters.
pub fn device_token(t: &[u8]) -> Result<(), Error> {
    let ok = !t.is_empty() && t.len() <= DEVICE_TOKEN_MAX && t.iter().all(u8::is_ascii_graphic);
    if ok { Ok(()) } else { Err(Error::MissingField) }
}

/// A secret may be empty here (legacy SDKs signed with empty ones; the two-step API needs
/// none): presence is checked where a one-shot MAC needs it (`Plan::one_shot_key`). Only
/// absurd lengths are refused.
pub fn secret(s: &[u8]) -> Result<(), Error> {
    if s.len() > SECRET_MAX {
        Err(Error::InvalidArgument)
    } else {
        Ok(())
    }
}

/// Extra client-id parameters: `key=value[,key=value]...`, keys of `[A-Za-z0-9_]`, values
/// printable without `,` or `|`, at most 128 characters in all. Empty means none.
pub fn extra_params(kv: &[u8]) -> Result<(), Error> {
    if kv.is_empty() {
        return Ok(());
    }
    if kv.len() > EXTRA_PARAMS_MAX {
        return Err(Error::InvalidExtraParams);
    }
    for item in kv.split(|&c| c == b',') {
        let mut halves = item.splitn(2, |&c| c == b'=');
        let key = halves.next().unwrap_or(&[]);
        let value = halves.next().ok_or(Error::InvalidExtraParams)?;
        let key_ok = !key.is_empty() && key.iter().all(|&c| is_alnum(c) || c == b'_');
        let value_ok = value.iter().all(|&c| c.is_ascii_graphic() && c != b'|');
        if !key_ok || !value_ok {
            return Err(Error::InvalidExtraParams);
        }
    }
    Ok(())
}

/// Legacy `customize_info`: any printable text without `|`, at most 128 characters (the
/// legacy SDK appended it verbatim).
pub fn legacy_extra_params(kv: &[u8]) -> Result<(), Error> {
    let ok = kv.len() <= EXTRA_PARAMS_MAX && kv.iter().all(|&c| c.is_ascii_graphic() && c != b'|');
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidExtraParams)
    }
}

/// MQTT keepalive the platform accepts: 30..=1200 seconds.
pub fn keepalive(seconds: u32) -> Result<(), Error> {
    if (30..=1200).contains(&seconds) {
        Ok(())
    } else {
        Err(Error::InvalidKeepalive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(extra_params(b"a=1,b").is_err());
        assert!(extra_params(b"a=1|").is_err());
        assert!(extra_params(b"=1").is_err());
    }

    #[test]
    fn client_id_rules() {
        assert!(client_id(b"12345").is_ok());
        assert!(client_id(&[b'c'; 64]).is_ok());
        assert!(client_id(&[b'c'; 65]).is_err());
        assert!(client_id(b"a|b").is_err());
        assert!(client_id(b"").is_err());
    }
}
