//! DTLS-PSK credentials for the Alibaba CoAP endpoint (port 5684).
//!
//! Both forms share the identity `devicename|<signmethod>|<pk>&<dn>|<timestamp>`:
//! - documented ("CoAP连接通信"): key = the raw bytes of `MAC(DeviceSecret, "<pk>&<dn><ts>")`;
//! - SDK (iotkit 3.x `HAL_DTLS_mbedtls.c`, LinkSDK `core_auth_tls_psk`): key = the ASCII
//!   upper-case hex of `MAC(DeviceSecret, "id<pk>&<dn>timestamp<ts>")`, i.e. 64 text bytes
//!   with hmacsha256 (the text itself is handed to the DTLS library).
//!
//! The timestamp defaults to 2524608000000, the constant the SDKs send.

use crate::Error;
use crate::coap::charset::{ALPHA, AT, DASH, DIGIT, DOT, fits};
use crate::coap::template::fill;
use crate::coap::wire::Wire;
use crate::hex::{HexCase, put_hex};
use crate::mac::{self, SignMethod};
use crate::sink::{Sink, SinkText, Text};
use zeroize::Zeroize;

/// The SDKs' constant timestamp.
pub const DEFAULT_TIMESTAMP: &[u8] = b"2524608000000";

/// Which derivation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Documented: raw MAC bytes are the key.
    Doc,
    /// SDK: the upper-case hex text of the MAC is the key.
    Sdk,
}

/// The inputs.
#[derive(Clone, Copy, Debug)]
pub struct PskParams<'a> {
    /// Derivation form.
    pub form: Form,
    /// MAC (hmacsha256 unless the caller chose another).
    pub method: SignMethod,
    /// ProductKey: 1..=20 letters and digits.
    pub product_key: &'a [u8],
    /// DeviceName: 4..=32 of `[A-Za-z0-9_@.:-]` (no `|` or `&`, which frame the identity).
    pub device_name: &'a [u8],
    /// DeviceSecret (required).
    pub device_secret: &'a [u8],
    /// Decimal milliseconds; empty means [`DEFAULT_TIMESTAMP`].
    pub timestamp: &'a [u8],
}

impl<'a> PskParams<'a> {
    fn timestamp(&self) -> &'a [u8] {
        if self.timestamp.is_empty() {
            DEFAULT_TIMESTAMP
        } else {
            self.timestamp
        }
    }

    /// Checks the names and the timestamp (what the identity needs).
    pub fn validate_identity(&self) -> Result<(), Error> {
        if !fits(self.product_key, 1, 20, DIGIT | ALPHA) {
            return Err(Error::InvalidProductKey);
        }
        if !fits(self.device_name, 4, 32, DIGIT | ALPHA | DASH | DOT | AT) {
            return Err(Error::InvalidDeviceName);
        }
        if !fits(self.timestamp, 0, 20, DIGIT) {
            return Err(Error::InvalidTimestamp);
        }
        Ok(())
    }

    /// Checks everything the key needs.
    pub fn validate_key(&self) -> Result<(), Error> {
        self.validate_identity()?;
        if self.device_secret.is_empty() {
            return Err(Error::MissingField);
        }
        if self.device_secret.len() > 256 {
            return Err(Error::InvalidArgument);
        }
        if !mac::is_supported(self.method) {
            return Err(Error::Unsupported);
        }
        Ok(())
    }

    /// Length of the key in bytes.
    pub fn key_len(&self) -> usize {
        match self.form {
            Form::Doc => self.method.mac_len(),
            Form::Sdk => self.method.mac_len().saturating_mul(2),
        }
    }
}

/// The identity (slots: 1 ProductKey, 2 DeviceName, 3 timestamp, 4 sign method; see
/// [`crate::coap::template`]).
const IDENTITY: &[u8] = b"devicename|\x84|\x81&\x82|\x83";
/// The MAC input of each form.
const CONTENT_DOC: &[u8] = b"\x81&\x82\x83";
const CONTENT_SDK: &[u8] = b"id\x81&\x82timestamp\x83";

/// Writes `template` with the slots of `p`.
fn write(p: &PskParams<'_>, template: &[u8], t: &mut dyn Text) {
    let slots = [
        b"",
        p.product_key,
        p.device_name,
        p.timestamp(),
        p.method.name(),
    ];
    fill(template, &slots, false, &mut Wire::new(t));
}

/// Writes the identity.
pub fn write_identity<S: Sink>(p: &PskParams<'_>, s: &mut S) -> Result<(), Error> {
    p.validate_identity()?;
    let mut t = SinkText::new(s);
    write(p, IDENTITY, &mut t);
    t.result()
}

/// Computes the MAC (streaming the content into it, on the same MAC path as the auth sign)
/// and writes the key bytes; the MAC is wiped.
pub fn write_key<S: Sink>(p: &PskParams<'_>, s: &mut S) -> Result<(), Error> {
    p.validate_key()?;
    let content = match p.form {
        Form::Doc => CONTENT_DOC,
        Form::Sdk => CONTENT_SDK,
    };
    let mut mac = [0u8; 32];
    let written = mac::mac_text(
        p.method,
        p.device_secret,
        &|t: &mut dyn Text| write(p, content, t),
        &mut mac,
    )
    .and_then(|()| {
        let d = mac.get(..p.method.mac_len()).unwrap_or_default();
        match p.form {
            Form::Doc => s.put(d),
            Form::Sdk => put_hex(s, d, HexCase::Upper),
        }
    });
    mac.zeroize();
    written
}

#[cfg(test)]
mod validation_tests {
    use super::*;
    use crate::sink::SliceWriter;

    fn params() -> PskParams<'static> {
        PskParams {
            form: Form::Sdk,
            method: SignMethod::HmacSha256,
            product_key: b"a1NUjcVkHZS",
            device_name: b"dev1",
            device_secret: b"secret",
            timestamp: b"",
        }
    }

    #[test]
    fn identity_takes_each_device_name_class_and_refuses_the_separators() {
        let mut p = params();
        // Each class of `[A-Za-z0-9_@.:-]` on its own: dropping one from the set refuses it.
        for dn in [&b"aBc9"[..], b"dev_", b"dev-", b"dev.", b"dev:", b"dev@"] {
            p.device_name = dn;
            assert_eq!(p.validate_identity(), Ok(()), "{dn:?}");
        }
        p.device_name = &[b'd'; 32];
        assert_eq!(p.validate_identity(), Ok(()));
        // `|` and `&` frame the identity; 3 and 33 bytes are outside 4..=32.
        for dn in [&b"de|v"[..], b"de&v", b"de/v", b"de v", b"dev", &[b'd'; 33]] {
            p.device_name = dn;
            assert_eq!(
                p.validate_identity(),
                Err(Error::InvalidDeviceName),
                "{dn:?}"
            );
            let mut buf = [0u8; 128];
            let mut w = SliceWriter::new(&mut buf);
            assert_eq!(write_identity(&p, &mut w), Err(Error::InvalidDeviceName));
            assert!(w.written().is_empty());
        }
    }

    #[test]
    fn identity_product_key_and_timestamp_bounds() {
        let mut p = params();
        p.product_key = &[b'k'; 20];
        assert_eq!(p.validate_identity(), Ok(()));
        for pk in [&b""[..], &[b'k'; 21], b"a-b", b"a.b", b"a@b"] {
            p.product_key = pk;
            assert_eq!(
                p.validate_identity(),
                Err(Error::InvalidProductKey),
                "{pk:?}"
            );
        }
        let mut p = params();
        p.timestamp = b"12345678901234567890";
        assert_eq!(p.validate_identity(), Ok(()));
        for ts in [&b"123456789012345678901"[..], b"12a", b"-1"] {
            p.timestamp = ts;
            assert_eq!(
                p.validate_identity(),
                Err(Error::InvalidTimestamp),
                "{ts:?}"
            );
        }
    }

    #[test]
    fn key_secret_is_required_and_at_most_256_bytes() {
        let mut p = params();
        p.device_secret = &[b's'; 256];
        assert_eq!(p.validate_key(), Ok(()));
        p.device_secret = &[b's'; 257];
        assert_eq!(p.validate_key(), Err(Error::InvalidArgument));
        p.device_secret = b"";
        assert_eq!(p.validate_key(), Err(Error::MissingField));
        // The key checks the identity's inputs too.
        let mut p = params();
        p.device_name = b"de|v";
        assert_eq!(p.validate_key(), Err(Error::InvalidDeviceName));
    }
}
