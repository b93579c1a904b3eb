//! Host, port and WebSocket URL.

use crate::Error;
use crate::mqtt::plan::{Host, Plan};
use crate::sink::{Sink, SinkText, Text};

/// Longest host the legacy `char hostname[64]` check let through.
#[cfg(feature = "legacy-profiles")]
const LEGACY_HOST_MAX: usize = 62;

/// Writes the host: `<pk>.iot-as-mqtt.<region>.aliyuncs.com`, `<pk>.<domain>`, or a host as is.
fn put_host(plan: &Plan<'_, '_>, t: &mut dyn Text) {
    let pk = plan.params.product_key;
    match plan.host {
        Host::Region(r) => {
            t.put(pk);
            t.put(b".iot-as-mqtt.");
            t.put(r.name());
            t.put(b".aliyuncs.com");
        }
        Host::PkDot(domain) => {
            t.put(pk);
            t.put(b".");
            t.put(domain);
        }
        Host::Fixed(host) => t.put(host),
        Host::Verbatim(host) => t.put(host),
    }
}

/// Writes the MQTT host name into `t`. Over the legacy 62-character limit (legacy profiles)
/// it fails with [`Error::InvalidHost`] before writing.
#[inline(never)]
pub fn write_host_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    plan.endpoint_ready()?;
    #[cfg(feature = "legacy-profiles")]
    if plan.legacy_limits {
        let mut n = crate::sink::Counter::new();
        put_host(plan, &mut n);
        if n.len() > LEGACY_HOST_MAX {
            return Err(Error::InvalidHost);
        }
    }
    put_host(plan, t);
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
