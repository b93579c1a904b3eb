//! MQTT over TLS-PSK (`TLS_PSK_WITH_AES_128_CBC_SHA`), as iotkit 3.2.0's mbedTLS wrapper and
//! LinkSDK 4.x derive it:
//! identity `devicename|<signmethod>|<pk>&<dn>|<timestamp>`, PSK = the ASCII upper-case hex of
//! `MAC(DeviceSecret, "id<pk>&<dn>timestamp<timestamp>")` (the hex text itself is the key).

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::mac::{self, AnyMethod, MacSet, Parts};
use crate::mqtt::params::Mode;
use crate::mqtt::plan::Plan;
use crate::sink::Sink;

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

/// Writes the PSK identity.
pub fn write_identity<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    psk_mode(plan)?;
    let p = &plan.params;
    s.put(b"devicename|")?;
    s.put(plan.method.name())?;
    s.put(b"|")?;
    s.put(p.product_key)?;
    s.put(b"&")?;
    s.put(p.device_name)?;
    s.put(b"|")?;
    s.put(timestamp(plan))
}

/// Length of the PSK text, without computing the MAC.
pub fn psk_len(plan: &Plan<'_, '_>) -> Result<usize, Error> {
    psk_key(plan)?;
    Ok(plan.method.mac_len().saturating_mul(2))
}

/// Writes the PSK (hex text of the MAC).
pub fn write_psk<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let p = &plan.params;
    let parts = [
        b"id".as_slice(),
        p.product_key,
        b"&",
        p.device_name,
        b"timestamp",
        timestamp(plan),
    ];
    let digest = AnyMethod::compute(plan.method, psk_key(plan)?, &mut Parts(&parts))?;
    put_hex(s, digest.as_bytes(), HexCase::Upper)
}
