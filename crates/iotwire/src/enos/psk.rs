//! The DTLS-PSK of the EnOS CoAP server (seed: EnOS "CoAP连接通信"): identity
//! `{ProductKey},{DeviceKey},{SecureMode},{Lifetime}` and key = bytes 9..24 (1-based, i.e.
//! `[8, 24)`) of SHA-256 of the DeviceSecret (SecureMode 2) or ProductSecret (SecureMode 3).
//! The key is the raw 16 digest bytes, never their hex text.

use crate::Error;
use crate::coap::key::sha256_middle_into;
use crate::coap::wire::decimal;
use crate::enos::device::{self, Device, SecureMode};
use crate::sink::Text;
use zeroize::Zeroize;

/// Shortest lifetime the server accepts, in seconds.
pub const LIFETIME_MIN: u32 = 30;
/// Longest lifetime the server accepts, in seconds (one day).
pub const LIFETIME_MAX: u32 = 86_400;
/// Length of the PSK in bytes.
pub const KEY_LEN: usize = 16;

/// Lifetime: 30..=86400 seconds.
pub fn lifetime(seconds: u32) -> Result<(), Error> {
    if (LIFETIME_MIN..=LIFETIME_MAX).contains(&seconds) {
        Ok(())
    } else {
        Err(Error::InvalidLifetime)
    }
}

/// The 16-byte PSK, wiped when dropped.
pub struct PskKey([u8; KEY_LEN]);

impl Default for PskKey {
    fn default() -> Self {
        Self::new()
    }
}

impl PskKey {
    /// An all-zero key, for [`key`] to fill in place.
    pub const fn new() -> Self {
        PskKey([0; KEY_LEN])
    }

    /// The key bytes.
    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl Drop for PskKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// Writes the identity; checks the names and the lifetime, not the secret (the identity does
/// not depend on it).
pub fn write_identity(d: &Device<'_>, t: &mut dyn Text) -> Result<(), Error> {
    d.check_names()?;
    lifetime(d.lifetime_s)?;
    let mut digits = [0u8; 11];
    let mode: &[u8] = match d.secure_mode {
        SecureMode::DeviceSecret => b"2",
        SecureMode::ProductSecret => b"3",
    };
    let lifetime = decimal(d.lifetime_s, false, &mut digits);
    d.fill(b"\x81,\x82,\x83,\x84", [mode, lifetime], t);
    Ok(())
}

/// The secret the key is derived from, by secure mode.
pub fn secret<'a>(d: &Device<'a>) -> &'a [u8] {
    match d.secure_mode {
        SecureMode::DeviceSecret => d.device_secret,
        SecureMode::ProductSecret => d.product_secret,
    }
}

/// Derives the key into `key` (in place: a key returned by value would leave a copy on the
/// stack): digest bytes 8..24 (0-based; the seed's "第9到第24字节" counts from 1) of
/// SHA-256(secret). Everything the identity needs is checked too, so a key never exists for
/// an identity the library would refuse.
pub fn key(d: &Device<'_>, key: &mut PskKey) -> Result<(), Error> {
    d.check_names()?;
    lifetime(d.lifetime_s)?;
    let secret = secret(d);
    device::secret(secret)?;
    sha256_middle_into(&[secret], &mut key.0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetime_bounds() {
        assert_eq!(lifetime(29), Err(Error::InvalidLifetime));
        assert!(lifetime(30).is_ok());
        assert!(lifetime(86_400).is_ok());
        assert_eq!(lifetime(86_401), Err(Error::InvalidLifetime));
        assert_eq!(lifetime(0), Err(Error::InvalidLifetime));
    }
}
