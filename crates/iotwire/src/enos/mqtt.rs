//! MQTT CONNECT credentials as the EnOS C device SDK builds them
//! (`EnvisionIot/enos-device-sdk-c` `src/dev_sign/dev_sign_mqtt.c`, vectors `enos_sign_mqtt`):
//!
//! - client id `<pk>.<dk>|securemode=2,signmethod=sha256,timestamp=2524608000000|` (the SDK
//!   always writes securemode 2, with or without TLS);
//! - username `<dk>&<pk>`;
//! - password: upper-case hex of the **plain** SHA-256 (no HMAC) of
//!   `clientId<pk>.<dk>deviceKey<dk>productKey<pk>timestamp2524608000000` followed by the
//!   DeviceSecret;
//! - host: the caller's broker host, verbatim; port 18883 (TLS) or 11883 (plaintext).

use crate::Error;
use crate::enos::device::{self, Device};
use crate::hash::Hash;
use crate::hash::sha256::Sha256;
use crate::hex::{HexCase, put_hex_text};
use crate::sink::Text;
use zeroize::Zeroize;

/// The constant timestamp of the SDK (2050-01-01T00:00:00Z in milliseconds).
pub const TIMESTAMP: &[u8] = b"2524608000000";
/// Port of MQTT over TLS.
pub const PORT_TLS: u16 = 18883;
/// Port of MQTT over plaintext TCP.
pub const PORT_PLAIN: u16 = 11883;
/// Length of the password text.
pub const PASSWORD_LEN: usize = 64;

/// The client id (slot 1 the ProductKey, slot 2 the DeviceKey; see [`crate::coap::template`]).
const CLIENT_ID: &[u8] = b"\x81.\x82|securemode=2,signmethod=sha256,timestamp=2524608000000|";
/// The sign content.
const SIGN_CONTENT: &[u8] = b"clientId\x81.\x82deviceKey\x82productKey\x81timestamp2524608000000";

/// Writes the client id.
pub fn write_client_id(d: &Device<'_>, t: &mut dyn Text) -> Result<(), Error> {
    d.check_names()?;
    d.fill(CLIENT_ID, [b"", b""], t);
    Ok(())
}

/// Writes the username `<dk>&<pk>`.
pub fn write_username(d: &Device<'_>, t: &mut dyn Text) -> Result<(), Error> {
    d.check_names()?;
    d.fill(b"\x82&\x81", [b"", b""], t);
    Ok(())
}

/// Writes the sign content: what is hashed before the DeviceSecret (holds no secret).
pub fn write_sign_content(d: &Device<'_>, t: &mut dyn Text) -> Result<(), Error> {
    d.check_names()?;
    d.fill(SIGN_CONTENT, [b"", b""], t);
    Ok(())
}

/// Checks what the password needs, without hashing (for size queries).
pub fn check_password(d: &Device<'_>) -> Result<(), Error> {
    d.check_names()?;
    device::secret(d.device_secret)
}

/// Writes the password; the digest is wiped after use.
pub fn write_password(d: &Device<'_>, t: &mut dyn Text) -> Result<(), Error> {
    check_password(d)?;
    let mut h = Hash::<Sha256>::new();
    write_sign_content(d, &mut h)?;
    h.update(d.device_secret);
    let mut digest = [0u8; 32];
    h.finish_into(&mut digest);
    put_hex_text(t, &digest, HexCase::Upper);
    digest.zeroize();
    Ok(())
}

/// Writes the broker host, verbatim.
pub fn write_host(d: &Device<'_>, t: &mut dyn Text) -> Result<(), Error> {
    device::host(d.host)?;
    t.put(d.host);
    Ok(())
}

/// The TCP port: the override, else 18883 for TLS and 11883 for plaintext.
pub fn port(d: &Device<'_>) -> u16 {
    match (d.port, d.plaintext_mqtt) {
        (Some(p), _) => p,
        (None, false) => PORT_TLS,
        (None, true) => PORT_PLAIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_carry_the_sdk_timestamp() {
        for t in [CLIENT_ID, SIGN_CONTENT] {
            assert!(t.windows(TIMESTAMP.len()).any(|w| w == TIMESTAMP));
        }
    }
}
