//! The auth sign: `MAC(DeviceSecret, content)`, lower-case hex, where content is every
//! submitted member except `version`, `sign`, `resources` and `signmethod`, sorted by name
//! and written as `name value` with no separator. The members this library sends sort as
//! `ackMode < clientId < deviceName < productKey < seq < timestamp`.

use crate::Error;
use crate::coap_auth::params::AuthParams;
use crate::hex::{HexCase, put_hex};
use crate::mac::{AnyMethod, Digest, MacSet, Message};
use crate::sink::Sink;

/// The sign content as a MAC message: streamed, never buffered.
pub struct Content<'p, 'a>(pub &'p AuthParams<'a>);

impl Message for Content<'_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, s: &mut S) -> Result<(), Error> {
        write_content(self.0, s)
    }
}

/// Writes the sign content (validate first).
pub fn write_content<S: Sink + ?Sized>(p: &AuthParams<'_>, s: &mut S) -> Result<(), Error> {
    if let Some(mode) = p.ack_mode {
        s.put(b"ackMode")?;
        s.put_decimal(i32::from(mode))?;
    }
    s.put(b"clientId")?;
    p.client_id_parts()
        .iter()
        .try_for_each(|part| s.put(part))?;
    s.put(b"deviceName")?;
    s.put(p.device_name)?;
    s.put(b"productKey")?;
    s.put(p.product_key)?;
    if let Some(seq) = p.seq_value()? {
        s.put(b"seq")?;
        s.put_decimal(seq)?;
    }
    if !p.timestamp.is_empty() {
        s.put(b"timestamp")?;
        s.put(p.timestamp)?;
    }
    Ok(())
}

/// Validates and computes the raw MAC into `out`.
pub fn compute(p: &AuthParams<'_>, out: &mut Digest) -> Result<(), Error> {
    p.validate()?;
    AnyMethod::compute(p.method(), p.device_secret, &mut Content(p), out)
}

/// Length of the sign text (two hex digits per MAC byte).
pub fn sign_len(p: &AuthParams<'_>) -> usize {
    p.method().mac_len().saturating_mul(2)
}

/// Writes the lower-case hex of a MAC (the case every CoAP SDK sends).
pub fn write_sign<S: Sink>(digest: &Digest, s: &mut S) -> Result<(), Error> {
    put_hex(s, digest.as_bytes(), HexCase::Lower)
}
