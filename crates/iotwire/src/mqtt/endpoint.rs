//! Host, port and WebSocket URL.

use crate::Error;
use crate::mqtt::plan::{Host, Plan};
use crate::sink::{Limited, Sink};

/// Longest host the legacy `char hostname[64]` check let through.
const LEGACY_HOST_MAX: usize = 62;

fn put_host<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    match plan.host {
        Host::PkDot(domain) => {
            s.put(plan.params.product_key)?;
            s.put(b".")?;
            s.put(domain)
        }
        Host::Fixed(host) => s.put(host),
        Host::Verbatim(host) => s.put(host),
    }
}

/// Writes the MQTT host name.
///
/// Over the legacy 62-character limit it fails with [`Error::InvalidHost`] after a partial
/// write, like [`super::client_id::write_client_id`].
pub fn write_host<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    plan.endpoint_ready()?;
    let limit = if plan.legacy_limits {
        LEGACY_HOST_MAX
    } else {
        usize::MAX
    };
    put_host(plan, &mut Limited::new(s, limit, Error::InvalidHost))
}

/// Writes the MQTT-over-WebSocket URL: `wss://<host>:443` for securemode 2, `ws://<host>:443`
/// for securemode 3 (which needs the plaintext opt-in).
pub fn write_websocket_url<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let scheme: &[u8] = match plan.secure_mode {
        2 => b"wss://",
        3 => b"ws://",
        _ => return Err(Error::InvalidSecureMode),
    };
    s.put(scheme)?;
    write_host(plan, s)?;
    s.put(b":443")
}
