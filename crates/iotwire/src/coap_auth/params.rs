//! The auth request's inputs and the rules they must follow before any byte is written.
//!
//! Values are written into the JSON payload without escaping, so every text input is
//! restricted to characters that need none (printable ASCII without `"` and `\`). The legacy
//! SDKs wrote whatever they were given, and a `"` in a client id produced a payload the
//! server could read differently from what was signed.

use crate::Error;
use crate::coap::charset::{ALPHA, AT, DASH, DIGIT, DOT, JSON, fits};
use crate::mac::SignMethod;

/// Longest ProductKey (`IOTX_PRODUCT_KEY_LEN`).
pub const PRODUCT_KEY_MAX: usize = 20;
/// Longest DeviceName (`IOTX_DEVICE_NAME_LEN`, the platform's limit).
pub const DEVICE_NAME_MAX: usize = 32;
/// Shortest DeviceName the platform accepts (documented profile only).
pub const DEVICE_NAME_MIN: usize = 4;
/// Longest clientId ("64字符内"; legacy `device_id` is `char[65]`).
pub const CLIENT_ID_MAX: usize = 64;
/// Longest DeviceSecret accepted (keys longer than a hash block are hashed, RFC 2104).
pub const SECRET_MAX: usize = 256;
/// Longest timestamp (decimal digits).
pub const TIMESTAMP_MAX: usize = 20;

/// Whose bytes the request reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// The documented request: optional `signmethod`, `timestamp`, `ackMode`, CBOR allowed,
    /// strict names. After a symmetric auth the first seq is `seqOffset + 1` ("greater than").
    Doc,
    /// iotkit-embedded 3.2.0 `IOT_CoAP_DeviceNameAuth`: hmacmd5, JSON, only
    /// productKey/deviceName/clientId/sign[/seq]; the first seq is `seqOffset` itself.
    V3_2_0,
    /// iotkit-embedded 2.3.0: the same auth request as 3.2.0.
    V2_3_0,
}

impl Profile {
    /// True for the legacy SDK profiles.
    pub fn is_legacy(self) -> bool {
        self != Profile::Doc
    }
}

/// Payload encoding, sent as both Content-Format and Accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `application/json` (50).
    Json,
    /// `application/cbor` (60).
    Cbor,
}

impl Format {
    /// The CoAP Content-Format number.
    pub fn content_format(self) -> u16 {
        match self {
            Format::Json => 50,
            Format::Cbor => 60,
        }
    }

    /// The format a Content-Format number names, if it is one of the two.
    pub fn from_content_format(cf: u32) -> Option<Format> {
        match cf {
            50 => Some(Format::Json),
            60 => Some(Format::Cbor),
            _ => None,
        }
    }
}

/// Everything an auth request is built from. Empty slices mean "not given".
#[derive(Clone, Copy, Debug)]
pub struct AuthParams<'a> {
    /// Whose bytes to reproduce.
    pub profile: Profile,
    /// Payload encoding.
    pub format: Format,
    /// `None`: no `signmethod` member, hmacmd5 (the server's default). `Some`: sent and used.
    pub sign_method: Option<SignMethod>,
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// DeviceSecret (the HMAC key).
    pub device_secret: &'a [u8],
    /// clientId; empty means `<pk>.<dn>` (what the SDK examples use).
    pub client_id: &'a [u8],
    /// Decimal milliseconds; empty means no `timestamp` member.
    pub timestamp: &'a [u8],
    /// `ackMode` 0 or 1; `None` means no member (the server's default, piggy-backed).
    pub ack_mode: Option<u8>,
    /// `seq` of the symmetric-encryption (port 5682) mode; `None` is DTLS mode.
    pub seq: Option<u32>,
}

impl<'a> AuthParams<'a> {
    /// The effective MAC.
    pub fn method(&self) -> SignMethod {
        self.sign_method.unwrap_or(SignMethod::HmacMd5)
    }

    /// The `seq` as the payload and the sign content print it: the legacy SDKs format the
    /// unsigned counter with `%d` (4294967295 becomes `-1`); the documented profile refuses
    /// values above `i32::MAX` rather than send a negative seq.
    pub fn seq_value(&self) -> Result<Option<i32>, Error> {
        match self.seq {
            None => Ok(None),
            Some(seq) if self.profile.is_legacy() => {
                Ok(Some(i32::from_ne_bytes(seq.to_ne_bytes())))
            }
            Some(seq) => i32::try_from(seq)
                .map(Some)
                .map_err(|_| Error::InvalidArgument),
        }
    }

    /// The clientId pieces: the caller's, or `<pk>`, `.`, `<dn>`.
    pub fn client_id_parts(&self) -> [&'a [u8]; 3] {
        if self.client_id.is_empty() {
            [self.product_key, b".", self.device_name]
        } else {
            [self.client_id, b"", b""]
        }
    }

    fn client_id_len(&self) -> usize {
        self.client_id_parts()
            .iter()
            .fold(0usize, |n, p| n.saturating_add(p.len()))
    }

    /// Checks every rule; builders call it before writing anything.
    pub fn validate(&self) -> Result<(), Error> {
        let legacy = self.profile.is_legacy();
        // Legacy profiles take any value JSON holds without escaping; the documented one
        // also holds the names to the platform's character sets.
        let (names, dn_min) = if legacy {
            (JSON, 1)
        } else {
            (DIGIT | ALPHA, DEVICE_NAME_MIN)
        };
        if !fits(self.product_key, 1, PRODUCT_KEY_MAX, names) {
            return Err(Error::InvalidProductKey);
        }
        let dn_sets = if legacy {
            JSON
        } else {
            names | DASH | DOT | AT
        };
        if !fits(self.device_name, dn_min, DEVICE_NAME_MAX, dn_sets) {
            return Err(Error::InvalidDeviceName);
        }
        if !fits(self.client_id, 0, CLIENT_ID_MAX, JSON) || self.client_id_len() > CLIENT_ID_MAX {
            return Err(Error::InvalidClientId);
        }
        // The legacy SDKs sign with whatever secret they hold, even an empty one, and the
        // vectors pin that; a documented request needs a real secret.
        if self.device_secret.is_empty() && !legacy {
            return Err(Error::MissingField);
        }
        if self.device_secret.len() > SECRET_MAX {
            return Err(Error::InvalidArgument);
        }
        if !fits(self.timestamp, 0, TIMESTAMP_MAX, DIGIT) {
            return Err(Error::InvalidTimestamp);
        }
        // The legacy request has no `signmethod` other than hmacmd5, no timestamp, no
        // `ackMode` and no CBOR: asking for them cannot reproduce it.
        let legacy_extras = self.sign_method.is_some_and(|m| m != SignMethod::HmacMd5)
            || !self.timestamp.is_empty()
            || self.ack_mode.is_some()
            || self.format != Format::Json;
        if matches!(self.ack_mode, Some(m) if m > 1) || (legacy && legacy_extras) {
            return Err(Error::InvalidArgument);
        }
        self.seq_value()?;
        let cbor_missing = self.format == Format::Cbor && !cfg!(feature = "coap-cbor");
        if cbor_missing || !crate::mac::is_supported(self.method()) {
            return Err(Error::Unsupported);
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn doc() -> AuthParams<'static> {
        AuthParams {
            profile: Profile::Doc,
            format: Format::Json,
            sign_method: None,
            product_key: b"a1NUjcVkHZS",
            device_name: b"ff1a11e7c08d4b3db2b1500d8e0e55",
            device_secret: b"secret",
            client_id: b"",
            timestamp: b"",
            ack_mode: None,
            seq: None,
        }
    }

    #[test]
    fn json_breaking_characters_are_refused() {
        let mut p = doc();
        p.client_id = b"a\"b";
        assert_eq!(p.validate(), Err(Error::InvalidClientId));
        p.client_id = b"a\\b";
        assert_eq!(p.validate(), Err(Error::InvalidClientId));
        p.client_id = b"ok";
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn legacy_refuses_documented_extras_and_formats_seq_with_percent_d() {
        let mut p = doc();
        p.profile = Profile::V3_2_0;
        p.seq = Some(u32::MAX);
        assert_eq!(p.seq_value(), Ok(Some(-1)));
        p.format = Format::Cbor;
        assert_eq!(p.validate(), Err(Error::InvalidArgument));
        let mut d = doc();
        d.seq = Some(u32::MAX);
        assert_eq!(d.validate(), Err(Error::InvalidArgument));
    }

    #[test]
    fn documented_device_name_takes_each_allowed_class() {
        let mut p = doc();
        // Each class of `[A-Za-z0-9_@.:-]` on its own: dropping one from the set refuses it.
        for dn in [&b"aBc9"[..], b"dev_", b"dev-", b"dev.", b"dev:", b"dev@"] {
            p.device_name = dn;
            assert_eq!(p.validate(), Ok(()), "{dn:?}");
        }
        for dn in [&b"dev/"[..], b"dev ", b"dev|", b"dev"] {
            p.device_name = dn;
            assert_eq!(p.validate(), Err(Error::InvalidDeviceName), "{dn:?}");
        }
    }

    #[test]
    fn client_id_and_secret_length_bounds() {
        let mut p = doc();
        p.client_id = &[b'c'; CLIENT_ID_MAX];
        assert_eq!(p.validate(), Ok(()));
        p.client_id = &[b'c'; CLIENT_ID_MAX + 1];
        assert_eq!(p.validate(), Err(Error::InvalidClientId));
        let mut p = doc();
        p.device_secret = &[b's'; SECRET_MAX];
        assert_eq!(p.validate(), Ok(()));
        p.device_secret = &[b's'; SECRET_MAX + 1];
        assert_eq!(p.validate(), Err(Error::InvalidArgument));
    }

    #[test]
    fn legacy_accepts_hmacmd5_named_and_refuses_each_extra_alone() {
        let legacy = || AuthParams {
            profile: Profile::V3_2_0,
            ..doc()
        };
        let mut p = legacy();
        assert_eq!(p.validate(), Ok(()));
        // Naming the legacy method is no extra; any other method is.
        p.sign_method = Some(SignMethod::HmacMd5);
        assert_eq!(p.validate(), Ok(()));
        p.sign_method = Some(SignMethod::HmacSha256);
        assert_eq!(p.validate(), Err(Error::InvalidArgument));
        let mut p = legacy();
        p.timestamp = b"1700000000000";
        assert_eq!(p.validate(), Err(Error::InvalidArgument));
        let mut p = legacy();
        p.ack_mode = Some(0);
        assert_eq!(p.validate(), Err(Error::InvalidArgument));
        // The documented profile takes all three.
        let mut d = doc();
        d.sign_method = Some(SignMethod::HmacSha256);
        d.timestamp = b"1700000000000";
        d.ack_mode = Some(0);
        assert_eq!(d.validate(), Ok(()));
    }
}
