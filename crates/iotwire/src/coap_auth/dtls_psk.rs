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
use crate::hex::{HexCase, put_hex};
use crate::mac::{self, AnyMethod, Digest, MacSet, Parts, SignMethod};
use crate::sink::Sink;

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

/// Writes the identity.
pub fn write_identity<S: Sink>(p: &PskParams<'_>, s: &mut S) -> Result<(), Error> {
    p.validate_identity()?;
    for part in [
        b"devicename|".as_slice(),
        p.method.name(),
        b"|",
        p.product_key,
        b"&",
        p.device_name,
        b"|",
        p.timestamp(),
    ] {
        s.put(part)?;
    }
    Ok(())
}

/// Computes the MAC and writes the key bytes.
pub fn write_key<S: Sink>(p: &PskParams<'_>, s: &mut S) -> Result<(), Error> {
    p.validate_key()?;
    let ts = p.timestamp();
    match p.form {
        Form::Doc => {
            let parts = [p.product_key, b"&", p.device_name, ts];
            let mut d = Digest::new();
            AnyMethod::compute(p.method, p.device_secret, &mut Parts(&parts), &mut d)?;
            s.put(d.as_bytes())
        }
        Form::Sdk => {
            let parts = [
                b"id".as_slice(),
                p.product_key,
                b"&",
                p.device_name,
                b"timestamp",
                ts,
            ];
            let mut d = Digest::new();
            AnyMethod::compute(p.method, p.device_secret, &mut Parts(&parts), &mut d)?;
            put_hex(s, d.as_bytes(), HexCase::Upper)
        }
    }
}
