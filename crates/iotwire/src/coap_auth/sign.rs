//! The auth sign: `MAC(DeviceSecret, content)`, lower-case hex, where content is every
//! submitted member except `version`, `sign`, `resources` and `signmethod`, sorted by name
//! and written as `name value` with no separator. The members this library sends sort as
//! `ackMode < clientId < deviceName < productKey < seq < timestamp`.

use crate::Error;
use crate::coap::wire::Wire;
use crate::coap_auth::params::AuthParams;
use crate::coap_auth::payload::write_sign_content;
use crate::mac;
use crate::sink::Text;
use zeroize::Zeroize;

/// The sign's MAC (16, 20 or 32 bytes), wiped when dropped.
pub struct SignMac {
    mac: [u8; 32],
    len: usize,
}

impl SignMac {
    /// An empty MAC, for [`compute_into`] to fill in place.
    pub const fn new() -> Self {
        SignMac {
            mac: [0; 32],
            len: 0,
        }
    }

    /// The MAC bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.mac.get(..self.len).unwrap_or_default()
    }
}

impl Default for SignMac {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for SignMac {
    fn drop(&mut self) {
        self.mac.zeroize();
    }
}

/// Writes the sign content (validate first).
pub fn write_content(p: &AuthParams<'_>, text: &mut dyn Text) -> Result<(), Error> {
    let mut w = Wire::new(text);
    write_sign_content(p, &mut w)?;
    w.finish()
}

/// Validates and computes the MAC into the caller's `sign`; the content is streamed into the
/// keyed hash state and never exists as text. In place: a MAC returned by value leaves a copy
/// in a dead frame that nothing wipes (the residue probe found one).
pub fn compute_into(p: &AuthParams<'_>, sign: &mut SignMac) -> Result<(), Error> {
    p.validate()?;
    let method = p.method();
    let content = |t: &mut dyn Text| {
        // Cannot fail: validate() checked the seq, the only fallible member.
        let _ = write_sign_content(p, &mut Wire::new(t));
    };
    mac::mac_text(method, p.device_secret, &content, &mut sign.mac)?;
    sign.len = method.mac_len();
    Ok(())
}

/// Length of the sign text (two hex digits per MAC byte).
pub fn sign_len(p: &AuthParams<'_>) -> usize {
    p.method().mac_len().saturating_mul(2)
}

/// Writes the lower-case hex of a MAC (the case every CoAP SDK sends).
pub fn write_sign(sign: &SignMac, text: &mut dyn Text) -> Result<(), Error> {
    let mut w = Wire::new(text);
    w.hex(sign.as_bytes());
    w.finish()
}
