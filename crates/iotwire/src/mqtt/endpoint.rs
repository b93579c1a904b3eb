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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mqtt::params::Params;
    use crate::sink::SliceWriter;

    #[test]
    fn websocket_url_into_a_sink_reports_a_short_buffer() {
        let params = Params {
            product_key: b"a1X2bEnP82z",
            device_name: b"example1",
            device_secret: b"s3cr3t",
            ..Params::default()
        };
        let plan = Plan::resolve(&params).unwrap();
        let url = b"wss://a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com:443";
        let mut buf = [0u8; 80];
        let mut w = SliceWriter::new(&mut buf);
        assert_eq!(write_websocket_url(&plan, &mut w), Ok(()));
        assert_eq!(w.written(), url);
        let mut small = [0u8; 20];
        let mut w = SliceWriter::new(&mut small);
        assert_eq!(
            write_websocket_url(&plan, &mut w),
            Err(Error::BufferTooSmall)
        );
    }
}
