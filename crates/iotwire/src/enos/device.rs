//! The inputs of every EnOS output, and the naming rules the outputs rely on.
//!
//! ProductKey and DeviceKey: 1..=20 and 1..=32 characters (the EnOS C SDK's
//! `IOTX_PRODUCT_KEY_LEN` / `IOTX_DEVICE_KEY_LEN`) of `[A-Za-z0-9_-]`, the set the EnOS console
//! allows for a self-defined DeviceKey. The set leaves out every separator the outputs are
//! framed with (`,` in the PSK identity, `/` in the CoAP Uri-Path, `.` `|` `&` in the MQTT client
//! id and username), so no input can shift a field boundary. IMEIs (15 digits, the seed's
//! recommendation) fit.

use crate::Error;
use crate::coap::charset::{ALPHA, BRACKET, DASH, DIGIT, DOT, fits};
use crate::coap::template::fill;
use crate::coap::wire::Wire;
use crate::sink::Text;

/// Longest ProductKey (`IOTX_PRODUCT_KEY_LEN` of the EnOS C SDK).
pub const PRODUCT_KEY_MAX: usize = 20;
/// Longest DeviceKey (`IOTX_DEVICE_KEY_LEN` of the EnOS C SDK).
pub const DEVICE_KEY_MAX: usize = 32;
/// Longest secret accepted (the SDK's `IOTX_DEVICE_SECRET_LEN` is 64; hashing has no limit,
/// this only refuses absurd inputs).
pub const SECRET_MAX: usize = 256;
/// Longest host accepted (DNS limit).
pub const HOST_MAX: usize = 253;

/// How the DTLS-PSK key is derived (the identity's `SecureMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecureMode {
    /// 一机一密: the key comes from the DeviceSecret (SecureMode 2).
    DeviceSecret,
    /// 一型一密: the key comes from the ProductSecret (SecureMode 3); the device then fetches
    /// its DeviceSecret with the activation request.
    ProductSecret,
}

impl SecureMode {
    /// The number written into the PSK identity.
    pub fn number(self) -> i32 {
        match self {
            SecureMode::DeviceSecret => 2,
            SecureMode::ProductSecret => 3,
        }
    }

    /// 2 or 3; anything else is [`Error::InvalidSecureMode`].
    pub fn from_number(n: u32) -> Result<Self, Error> {
        match n {
            2 => Ok(SecureMode::DeviceSecret),
            3 => Ok(SecureMode::ProductSecret),
            _ => Err(Error::InvalidSecureMode),
        }
    }
}

/// Everything an EnOS output may depend on. Empty byte strings mean "not given".
#[derive(Clone, Copy, Debug)]
pub struct Device<'a> {
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceKey.
    pub device_key: &'a [u8],
    /// DeviceSecret (PSK secure mode 2, MQTT password).
    pub device_secret: &'a [u8],
    /// ProductSecret (PSK secure mode 3).
    pub product_secret: &'a [u8],
    /// PSK secure mode.
    pub secure_mode: SecureMode,
    /// PSK lifetime in seconds (0: not given).
    pub lifetime_s: u32,
    /// MQTT broker host, used verbatim (EnOS has no region table).
    pub host: &'a [u8],
    /// MQTT over plaintext TCP (port 11883) instead of TLS (18883).
    pub plaintext_mqtt: bool,
    /// MQTT port override.
    pub port: Option<u16>,
}

/// ProductKey: 1..=20 of `[A-Za-z0-9_-]`.
pub fn product_key(pk: &[u8]) -> Result<(), Error> {
    if fits(pk, 1, PRODUCT_KEY_MAX, DIGIT | ALPHA | DASH) {
        Ok(())
    } else {
        Err(Error::InvalidProductKey)
    }
}

/// DeviceKey: 1..=32 of `[A-Za-z0-9_-]`.
pub fn device_key(dk: &[u8]) -> Result<(), Error> {
    if fits(dk, 1, DEVICE_KEY_MAX, DIGIT | ALPHA | DASH) {
        Ok(())
    } else {
        Err(Error::InvalidDeviceKey)
    }
}

/// A secret that a one-shot output hashes: present and of sane length.
pub fn secret(s: &[u8]) -> Result<(), Error> {
    if s.is_empty() {
        Err(Error::MissingField)
    } else if s.len() > SECRET_MAX {
        Err(Error::InvalidArgument)
    } else {
        Ok(())
    }
}

/// Host: 1..=253 characters of `[A-Za-z0-9.-_:[]]` (names and IPv4/IPv6 literals).
pub fn host(h: &[u8]) -> Result<(), Error> {
    if h.is_empty() {
        Err(Error::MissingField)
    } else if fits(h, 1, HOST_MAX, DIGIT | ALPHA | DASH | DOT | BRACKET) {
        Ok(())
    } else {
        Err(Error::InvalidHost)
    }
}

impl Device<'_> {
    /// Checks both names (every output contains them).
    pub fn check_names(&self) -> Result<(), Error> {
        product_key(self.product_key)?;
        device_key(self.device_key)
    }

    /// Writes `template` (codes of [`crate::coap::template`]) with the ProductKey as slot 1,
    /// the DeviceKey as slot 2 and `more` as slots 3 and 4: every EnOS text is one template.
    #[inline(never)]
    pub(crate) fn fill(&self, template: &[u8], more: [&[u8]; 2], t: &mut dyn Text) {
        let [third, fourth] = more;
        let slots = [b"", self.product_key, self.device_key, third, fourth];
        fill(template, &slots, false, &mut Wire::new(t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_refuse_separators_and_bounds() {
        assert!(product_key(b"pk123456").is_ok());
        assert!(device_key(b"dk_device-01").is_ok());
        assert!(device_key(b"860123456789012").is_ok());
        for bad in [
            &b""[..],
            b"a,b",
            b"a/b",
            b"a.b",
            b"a|b",
            b"a&b",
            b"a b",
            b"a\0",
        ] {
            assert_eq!(device_key(bad), Err(Error::InvalidDeviceKey));
            assert_eq!(product_key(bad), Err(Error::InvalidProductKey));
        }
        assert!(device_key(&[b'a'; 32]).is_ok());
        assert_eq!(device_key(&[b'a'; 33]), Err(Error::InvalidDeviceKey));
        assert!(product_key(&[b'a'; 20]).is_ok());
        assert_eq!(product_key(&[b'a'; 21]), Err(Error::InvalidProductKey));
    }

    #[test]
    fn secret_is_required_and_at_most_256_bytes() {
        assert_eq!(secret(&[b's'; SECRET_MAX]), Ok(()));
        assert_eq!(secret(&[b's'; SECRET_MAX + 1]), Err(Error::InvalidArgument));
        assert_eq!(secret(b""), Err(Error::MissingField));
        assert_eq!(secret(b"s"), Ok(()));
    }

    #[test]
    fn secure_mode_numbers_are_2_and_3_and_round_trip() {
        assert_eq!(SecureMode::DeviceSecret.number(), 2);
        assert_eq!(SecureMode::ProductSecret.number(), 3);
        for m in [SecureMode::DeviceSecret, SecureMode::ProductSecret] {
            let n = u32::try_from(m.number()).unwrap();
            assert_eq!(SecureMode::from_number(n), Ok(m));
        }
    }
}
