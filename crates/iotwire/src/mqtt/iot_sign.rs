//! `IOT_Sign_MQTT` semantics of the legacy SDKs: the order in which outputs are written (an
//! error leaves the earlier ones filled, as legacy did), the field limits of
//! `iotx_sign_mqtt_t`, and the return codes of each SDK generation.
//!
//! Deliberate differences from legacy: ProductKey + DeviceName of 52 characters produce the
//! intended output (legacy over-read its stack), keys longer than 64 bytes are hashed per
//! RFC 2104 (legacy emitted 64 `'0'`), and a string member without NUL inside its array is an
//! input error (legacy read past it).

use crate::Error;
use crate::mqtt::client_id::{write_client_id, write_username};
use crate::mqtt::endpoint::write_host;
use crate::mqtt::legacy_out::{Failure, Meta, SignOut};
use crate::mqtt::params::{Endpoint, LegacyProfile, Mode, Params};
use crate::mqtt::password::write_password;
use crate::mqtt::plan::Plan;
use crate::mqtt::region::Region;
use crate::sink::SliceWriter;

/// `IOT_Sign_MQTT(region, meta, signout)` for `profile`, after the caller has checked that
/// `region` is valid and `meta` exists (those errors must leave `signout` untouched).
pub fn iot_sign_mqtt(
    profile: LegacyProfile,
    region: i32,
    custom_domain: Option<&[u8]>,
    meta: &Meta<'_>,
    mut out: SignOut<'_>,
) -> Result<(), Failure> {
    let endpoint = match (
        u32::try_from(region).ok().and_then(Region::from_index),
        custom_domain,
    ) {
        (Some(r), _) => Some(Endpoint::Region(r)),
        (None, Some(domain)) => Some(Endpoint::Host(domain)),
        (None, None) => None,
    };
    let params = Params {
        mode: Mode::DeviceSecret,
        // The custom-domain error comes after client id and password, as in legacy.
        endpoint: endpoint.unwrap_or(Endpoint::Host(b"")),
        legacy: Some(profile),
        product_key: meta.product_key,
        device_name: meta.device_name,
        device_secret: meta.device_secret,
        ..Params::default()
    };
    let plan = Plan::resolve_legacy_device(&params).map_err(|_| Failure::InputInvalid)?;

    fill(out.clientid, Failure::ClientIdTooLong, |w| {
        write_client_id(&plan, w)
    })?;
    fill(out.password, Failure::SourceTooLong, |w| {
        write_password(&plan, w)
    })?;
    if endpoint.is_none() {
        return Err(Failure::CustomDomainMissing);
    }
    fill(out.hostname, Failure::HostnameTooLong, |w| {
        write_host(&plan, w)
    })?;
    fill(out.username, Failure::UsernameTooLong, |w| {
        write_username(&plan, w)
    })?;
    out.set_port(plan.port);
    Ok(())
}

/// Writes a NUL-terminated string into a fixed array (zeroed beforehand by the caller).
fn fill<F>(field: &mut [u8], failure: Failure, write: F) -> Result<(), Failure>
where
    F: FnOnce(&mut SliceWriter<'_>) -> Result<(), Error>,
{
    let cap = field.len().saturating_sub(1);
    let room = field.get_mut(..cap).ok_or(failure)?;
    let mut w = SliceWriter::new(room);
    let result = write(&mut w).map_err(|_| failure);
    if result.is_err() {
        // Legacy checked lengths before writing and left a failed field empty.
        field.fill(0);
    }
    result
}
