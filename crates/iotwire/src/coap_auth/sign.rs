//! The auth sign: `MAC(DeviceSecret, content)`, lower-case hex, where content is every
//! submitted member except `version`, `sign`, `resources` and `signmethod`, sorted by name
//! and written as `name value` with no separator. The members this library sends sort as
//! `ackMode < clientId < deviceName < productKey < seq < timestamp`.

use crate::Error;
use crate::coap::wire::{Forward, Wire};
use crate::coap_auth::params::AuthParams;
use crate::mac::{AnyMethod, Digest, MacSet, Message};
use crate::sink::{Sink, format_decimal};

/// The sign content as a MAC message: streamed, never buffered.
pub struct Content<'p, 'a>(pub &'p AuthParams<'a>);

impl Message for Content<'_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, s: &mut S) -> Result<(), Error> {
        write_content(self.0, &mut Forward(s))
    }
}

/// Writes the sign content (validate first).
#[inline(never)]
pub fn write_content(p: &AuthParams<'_>, sink: &mut dyn Sink) -> Result<(), Error> {
    let seq = p.seq_value()?;
    let mut w = Wire::new(sink);
    let mut digits = [0u8; 11];
    if let Some(mode) = p.ack_mode {
        w.put(b"ackMode");
        w.put(format_decimal(i32::from(mode), &mut digits));
    }
    w.put(b"clientId");
    p.client_id_parts().iter().for_each(|part| w.put(part));
    w.put(b"deviceName");
    w.put(p.device_name);
    w.put(b"productKey");
    w.put(p.product_key);
    if let Some(seq) = seq {
        w.put(b"seq");
        w.put(format_decimal(seq, &mut digits));
    }
    if !p.timestamp.is_empty() {
        w.put(b"timestamp");
        w.put(p.timestamp);
    }
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
