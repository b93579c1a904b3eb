//! The auth sign: `MAC(DeviceSecret, content)`, lower-case hex, where content is every
//! submitted member except `version`, `sign`, `resources` and `signmethod`, sorted by name
//! and written as `name value` with no separator. The members this library sends sort as
//! `ackMode < clientId < deviceName < productKey < seq < timestamp`.

use crate::Error;
use crate::coap::wire::{Forward, Wire};
use crate::coap_auth::params::AuthParams;
use crate::mac::{AnyMethod, Digest, MacSet, Message};
use crate::sink::Sink;

/// The sign content as a MAC message: streamed, never buffered.
pub struct Content<'p, 'a>(pub &'p AuthParams<'a>);

impl Message for Content<'_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, s: &mut S) -> Result<(), Error> {
        write_content(self.0, &mut Forward(s))
    }
}

/// Writes the sign content (validate first).
pub fn write_content(p: &AuthParams<'_>, sink: &mut dyn Sink) -> Result<(), Error> {
    let mut w = Wire::new(sink);
    crate::coap_auth::payload::write_sign_content(p, &mut w)?;
    w.finish()
}

/// Validates and computes the raw MAC.
pub fn compute(p: &AuthParams<'_>) -> Result<Digest, Error> {
    p.validate()?;
    AnyMethod::compute(p.method(), p.device_secret, &mut Content(p))
}

/// Length of the sign text (two hex digits per MAC byte).
pub fn sign_len(p: &AuthParams<'_>) -> usize {
    p.method().mac_len().saturating_mul(2)
}

/// Writes the lower-case hex of a MAC (the case every CoAP SDK sends).
pub fn write_sign(digest: &Digest, sink: &mut dyn Sink) -> Result<(), Error> {
    let mut w = Wire::new(sink);
    w.hex(digest.as_bytes());
    w.finish()
}
