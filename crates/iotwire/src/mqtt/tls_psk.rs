//! MQTT over TLS-PSK (`TLS_PSK_WITH_AES_128_CBC_SHA`), as iotkit 3.2.0's mbedTLS wrapper and
//! LinkSDK 4.x derive it:
//! identity `devicename|<signmethod>|<pk>&<dn>|<timestamp>`, PSK = the ASCII upper-case hex of
//! `MAC(DeviceSecret, "id<pk>&<dn>timestamp<timestamp>")` (the hex text itself is the key).

use crate::Error;
use crate::hex::{HexCase, put_hex_text};
use crate::mac;
use crate::mqtt::params::Mode;
use crate::mqtt::plan::Plan;
use crate::sink::{Sink, SinkText, Text};
use zeroize::Zeroize;

/// The timestamp of a PSK identity: the plan's, or the legacy constant.
fn timestamp<'a>(plan: &Plan<'_, 'a>) -> &'a [u8] {
    if plan.timestamp.is_empty() {
        crate::mqtt::LEGACY_TIMESTAMP
    } else {
        plan.timestamp
    }
}

/// TLS-PSK exists only for device-secret connects.
fn psk_mode(plan: &Plan<'_, '_>) -> Result<(), Error> {
    plan.complete()?;
    if plan.params.mode == Mode::DeviceSecret {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

/// The PSK key: always the DeviceSecret, which must be given.
fn psk_key<'a>(plan: &Plan<'_, 'a>) -> Result<&'a [u8], Error> {
    psk_mode(plan)?;
    if !mac::is_supported(plan.method) {
        return Err(Error::Unsupported);
    }
    if plan.params.device_secret.is_empty() {
        return Err(Error::MissingField);
    }
    Ok(plan.params.device_secret)
}

/// Writes the PSK identity into `t`.
pub fn write_identity_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    psk_mode(plan)?;
    let p = &plan.params;
    for part in [
        b"devicename|".as_slice(),
        plan.method.name(),
        b"|",
        p.product_key,
        b"&",
        p.device_name,
        b"|",
        timestamp(plan),
    ] {
        t.put(part);
    }
    Ok(())
}

/// [`write_identity_text`] into a [`Sink`].
pub fn write_identity<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_identity_text(plan, &mut t)?;
    t.result()
}

/// Length of the PSK text, without computing the MAC.
pub fn psk_len(plan: &Plan<'_, '_>) -> Result<usize, Error> {
    psk_key(plan)?;
    Ok(plan.method.mac_len().saturating_mul(2))
}

/// Writes the PSK (hex text of the MAC) into `t`.
pub fn write_psk_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    let p = &plan.params;
    let mut digest = [0u8; 32];
    let content = |h: &mut dyn Text| {
        for part in [
            b"id".as_slice(),
            p.product_key,
            b"&",
            p.device_name,
            b"timestamp",
            timestamp(plan),
        ] {
            h.put(part);
        }
    };
    let result = mac::mac_text(plan.method, psk_key(plan)?, &content, &mut digest);
    if result.is_ok() {
        put_hex_text(
            t,
            digest.get(..plan.method.mac_len()).unwrap_or_default(),
            HexCase::Upper,
        );
    }
    digest.zeroize();
    result
}

/// [`write_psk_text`] into a [`Sink`].
pub fn write_psk<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_psk_text(plan, &mut t)?;
    t.result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mqtt::params::Params;
    use crate::sink::SliceWriter;

    #[test]
    fn only_device_secret_connects_have_a_psk() {
        for (mode, ok) in [
            (Mode::DeviceSecret, true),
            (Mode::Register, false),
            (Mode::Id2, false),
        ] {
            let p = Params {
                mode,
                product_key: b"a1X2bEnP82z",
                device_name: b"example1",
                device_secret: b"s3cr3t",
                product_secret: b"ps3cr3t",
                random: b"r4nd0m",
                ..Params::default()
            };
            let plan = Plan::resolve(&p).unwrap();
            let mut buf = [0u8; 256];
            let want = if ok {
                Ok(())
            } else {
                Err(Error::InvalidArgument)
            };
            assert_eq!(
                write_identity(&plan, &mut SliceWriter::new(&mut buf)),
                want,
                "{mode:?}"
            );
            assert_eq!(
                write_psk(&plan, &mut SliceWriter::new(&mut buf)),
                want,
                "{mode:?}"
            );
            assert_eq!(psk_len(&plan).map(|_| ()), want, "{mode:?}");
        }
    }
}
