//! Host, port and WebSocket URL.

use crate::Error;
use crate::mqtt::plan::{Host, Plan};
use crate::sink::{Sink, SinkText, Text};

/// Longest host the legacy `char hostname[64]` check let through.
const LEGACY_HOST_MAX: usize = 62;

/// The pieces of the host: at most four, so no writer per rule is needed.
fn host_parts<'a>(plan: &Plan<'_, 'a>) -> [&'a [u8]; 4] {
    let pk = plan.params.product_key;
    match plan.host {
        Host::Region(r) => [pk, b".iot-as-mqtt.", r.name(), b".aliyuncs.com"],
        Host::PkDot(domain) => [pk, b".", domain, b""],
        Host::Fixed(host) => [host, b"", b"", b""],
        Host::Verbatim(host) => [host, b"", b"", b""],
    }
}

/// Writes the MQTT host name into `t`. Over the legacy 62-character limit (legacy profiles)
/// it fails with [`Error::InvalidHost`] before writing.
#[inline(never)]
pub fn write_host_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    plan.endpoint_ready()?;
    let parts = host_parts(plan);
    let len = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
    if plan.legacy_limits && len > LEGACY_HOST_MAX {
        return Err(Error::InvalidHost);
    }
    for part in parts {
        t.put(part);
    }
    Ok(())
}

/// Writes the MQTT-over-WebSocket URL: `wss://<host>:443` for securemode 2, `ws://<host>:443`
/// for securemode 3 (which needs the plaintext opt-in).
pub fn write_websocket_url_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    let scheme: &[u8] = match plan.secure_mode {
        2 => b"wss://",
        3 => b"ws://",
        _ => return Err(Error::InvalidSecureMode),
    };
    plan.endpoint_ready()?;
    t.put(scheme);
    write_host_text(plan, t)?;
    t.put(b":443");
    Ok(())
}

/// [`write_host_text`] into a [`Sink`].
pub fn write_host<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_host_text(plan, &mut t)?;
    t.result()
}

/// [`write_websocket_url_text`] into a [`Sink`].
pub fn write_websocket_url<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_websocket_url_text(plan, &mut t)?;
    t.result()
}
