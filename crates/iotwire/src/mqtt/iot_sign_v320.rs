//! The exported `IOT_Sign_MQTT`: iotkit-embedded v3.2.0 in its default build (`SUPPORT_TLS` +
//! `MQTT_AUTO_SUBSCRIBE`), written straight into `iotx_sign_mqtt_t`.
//!
//! Why a second path next to [`crate::mqtt::iot_sign`]: firmware that links only this
//! symbol should pay for only this profile. The general path resolves any legacy SDK through
//! the layout tables and the plan (about 3 KB of Thumb code and tables); here the profile is
//! fixed, so the client-id parameters are one constant. The two paths must agree byte for byte
//! on every input: `tests/legacy_fast_path.rs` and the `legacy_sign` fuzz target compare
//! `IOT_Sign_MQTT` with `iotwire_legacy_sign_mqtt(V3_2_0, TLS | AUTO_SUBSCRIBE)`.
//!
//! With the struct limits of the C side (ProductKey < 21, DeviceName < 33 bytes), every field
//! fits its array, so the only failure after the caller's checks is the custom region, for
//! which the exported symbol has no domain: like v3.2.0 it returns -264 after writing the
//! client id and the password.

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::hmac::HmacSha256;
use crate::mqtt::LEGACY_TIMESTAMP;
use crate::mqtt::iot_sign::{Failure, Meta, SignOut, fill};
use crate::mqtt::region::Region;
use crate::sink::Sink;

/// What v3.2.0's default build appends to `<pk>.<dn>` (`src/dev_sign/dev_sign_mqtt.c`).
const CLIENT_ID_PARAMS: &[u8] = b"|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=2,\
signmethod=hmacsha256,lan=C,_ss=1,gw=0,ext=0|";

/// v3.2.0 connects over TLS on 443 in every region.
const PORT: u16 = 443;

/// `IOT_Sign_MQTT(region, meta, signout)` for the v3.2.0 default build; `region` is the
/// already-checked legacy value (0..=5, 5 = custom), `None` for the custom region.
pub fn iot_sign_mqtt_v320(
    region: Option<Region>,
    meta: &Meta<'_>,
    out: SignOut<'_>,
) -> Result<(), Failure> {
    out.hostname.fill(0);
    *out.port = 0;
    out.clientid.fill(0);
    out.username.fill(0);
    out.password.fill(0);
    let (pk, dn) = (meta.product_key, meta.device_name);

    fill(out.clientid, Failure::ClientIdTooLong, |w| {
        put_device_id(w, pk, dn)?;
        w.put(CLIENT_ID_PARAMS)
    })?;
    fill(out.password, Failure::SourceTooLong, |w| {
        let mut mac = HmacSha256::new(meta.device_secret);
        mac.put(b"clientId")?;
        put_device_id(&mut mac, pk, dn)?;
        mac.put(b"deviceName")?;
        mac.put(dn)?;
        mac.put(b"productKey")?;
        mac.put(pk)?;
        mac.put(b"timestamp")?;
        mac.put(LEGACY_TIMESTAMP)?;
        let digest = zeroize::Zeroizing::new(mac.finish());
        put_hex(w, digest.as_slice(), HexCase::Upper)
    })?;
    let Some(region) = region else {
        return Err(Failure::CustomDomainMissing);
    };
    fill(out.hostname, Failure::HostnameTooLong, |w| {
        w.put(pk)?;
        w.put_byte(b'.')?;
        w.put(region.mqtt_domain())
    })?;
    fill(out.username, Failure::UsernameTooLong, |w| {
        w.put(dn)?;
        w.put_byte(b'&')?;
        w.put(pk)
    })?;
    *out.port = PORT;
    Ok(())
}

/// `<pk>.<dn>`, the device id of the client id and of the sign content.
fn put_device_id<S: Sink + ?Sized>(s: &mut S, pk: &[u8], dn: &[u8]) -> Result<(), Error> {
    s.put(pk)?;
    s.put_byte(b'.')?;
    s.put(dn)
}
