//! The input checks the requests share: names that a body embeds without escaping, the
//! secret and a caller-given host.

use crate::Error;
use crate::http::rules::{ALNUM, BODY, HOST, NAME, check};
use crate::mqtt::validate::{
    DEVICE_NAME_MAX, DEVICE_NAME_MIN, HOST_MAX, PRODUCT_KEY_MAX, SECRET_MAX,
};

/// ProductKey and DeviceName: strict (1..=20 letters and digits; 4..=32 of
/// `[A-Za-z0-9_@.:-]`) or lax (the legacy limits, possibly empty, and only bytes that can
/// stand unescaped in a JSON string and a form value: the legacy SDKs pasted names
/// unescaped, so a quote would have changed the request's meaning).
pub fn product_key_and_device_name(pk: &[u8], dn: &[u8], lax: bool) -> Result<(), Error> {
    let (pk_min, dn_min, pk_class, dn_class) = if lax {
        (0, 0, BODY, BODY)
    } else {
        (1, DEVICE_NAME_MIN, ALNUM, NAME)
    };
    check(
        pk,
        pk_min,
        PRODUCT_KEY_MAX,
        pk_class,
        Error::InvalidProductKey,
    )?;
    check(
        dn,
        dn_min,
        DEVICE_NAME_MAX,
        dn_class,
        Error::InvalidDeviceName,
    )
}

/// The secret: at most `max` bytes (else [`Error::InvalidArgument`]), and not empty when
/// `required` ([`Error::MissingField`]).
pub fn secret(s: &[u8], max: usize, required: bool) -> Result<(), Error> {
    if s.len() > max.min(SECRET_MAX) {
        return Err(Error::InvalidArgument);
    }
    if required && s.is_empty() {
        return Err(Error::MissingField);
    }
    Ok(())
}

/// A caller-given host: 1..=253 characters of `[A-Za-z0-9._:[]-]` (names and IP literals).
pub fn host(h: &[u8]) -> Result<(), Error> {
    check(h, 1, HOST_MAX, HOST, Error::InvalidHost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_takes_exactly_the_smaller_limit() {
        let s = [b'k'; SECRET_MAX + 1];
        // The caller's limit when it is the smaller one, else SECRET_MAX.
        assert_eq!(secret(&s[..10], 10, true), Ok(()));
        assert_eq!(secret(&s[..11], 10, true), Err(Error::InvalidArgument));
        assert_eq!(secret(&s[..SECRET_MAX], usize::MAX, true), Ok(()));
        assert_eq!(
            secret(&s[..SECRET_MAX + 1], usize::MAX, true),
            Err(Error::InvalidArgument)
        );
        assert_eq!(secret(b"", 10, true), Err(Error::MissingField));
        assert_eq!(secret(b"", 10, false), Ok(()));
    }

    #[test]
    fn host_takes_names_and_ip_literals_only() {
        for ok in [
            &b"iot-auth.cn-shanghai.aliyuncs.com"[..],
            b"[::1]:8443",
            b"10.0.0.1",
            b"h",
        ] {
            assert_eq!(host(ok), Ok(()), "{ok:?}");
        }
        let long = [b'a'; HOST_MAX + 1];
        assert_eq!(host(&long[..HOST_MAX]), Ok(()));
        for bad in [&b""[..], b"a b", b"host/path", b"h\"", &long[..]] {
            assert_eq!(host(bad), Err(Error::InvalidHost), "{bad:?}");
        }
    }
}
