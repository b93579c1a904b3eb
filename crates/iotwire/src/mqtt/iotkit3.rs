//! The iotkit-embedded 3.x family on its own writer: 3.2.0, 3.1.0, 3.0.1 and the standalone
//! `sign_mqtt.c` bundle (`_v=sdk-c-3.0.1.1`), as `IOT_Sign_MQTT` and `_sign_get_clientid`
//! wrote them (`src/dev_sign/dev_sign_mqtt.c`).
//!
//! Why a path of its own next to the general legacy resolver ([`crate::mqtt::iot_sign`] over
//! [`crate::mqtt::plan`]): firmware built against one of these SDKs knows its build at compile
//! time, and its `IOT_Sign_MQTT` should cost what the legacy one did. The four builds differ
//! only in a few constant strings, so the client id is those constants around three choices
//! (version, securemode, `_ss`), and nothing else is linked: no layout tables, no plan, no
//! validation the SDK did not do, no MD5/SHA-1, no fallible sink (a [`CText`] remembers that it
//! ran out of room instead of returning it from every call). Tests and the `legacy_sign` fuzz
//! target check it byte for byte against the general resolver.
//!
//! Like the SDKs, it validates nothing but lengths: any bytes the SDK accepted in a name, a
//! device id or `customize_info` give the same client id. Unlike them, ProductKey +
//! DeviceName of 52 characters produce the intended output (legacy over-read its `char[53]`).

use crate::hash::Hash;
use crate::hash::sha256::Sha256;
use crate::mqtt::LEGACY_TIMESTAMP;
use crate::mqtt::legacy_out::{CText, Failure, Meta, REGION_CUSTOM, SignOut};
use crate::mqtt::params::{LegacyProfile, LegacySdk};
use crate::mqtt::region::Region;
use crate::sink::Text;

/// True for the builds this module writes (3.2.0, 3.1.0, 3.0.1, the bundle).
pub fn is_iotkit3(profile: LegacyProfile) -> bool {
    matches!(
        profile.sdk,
        LegacySdk::V320 | LegacySdk::V310 | LegacySdk::V301 | LegacySdk::Bundle
    )
}

/// 3.1 and 3.2 (as opposed to 3.0.1 and the bundle).
fn v31_or_later(sdk: LegacySdk) -> bool {
    matches!(sdk, LegacySdk::V320 | LegacySdk::V310)
}

/// `|timestamp=2524608000000,_v=sdk-c-<version>,securemode=` of the build: 3.2.0's (the
/// default SDK, with exports of its own where the SDK is a constant) as one literal, so that
/// its client id writer puts it in one call; the others as three pieces around the version.
#[inline(always)]
fn put_version_item<T: Text + ?Sized>(sdk: LegacySdk, t: &mut T) {
    let version: &[u8] = match sdk {
        LegacySdk::V320 => {
            t.put(b"|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=");
            return;
        }
        LegacySdk::V310 => b"3.1.0",
        LegacySdk::V301 => b"3.0.1",
        _ => b"3.0.1.1",
    };
    t.put(b"|timestamp=2524608000000,_v=sdk-c-");
    t.put(version);
    t.put(b",securemode=");
}

/// The `securemode` value: `MODE_TLS_GUIDER` (-1) under `MQTT_PRE_AUTH` where 3.0.1 and the
/// bundle had it (3.1+ kept 2/3), `MODE_ITLS_DNS_ID2` (8) for iTLS (the bundle's
/// `SUPPORT_ITLS`, or `_sign_get_clientid`'s `enable_itls`, which the SDK sets when
/// `customize_info` contains `authtype=id2`), else 2 with `SUPPORT_TLS`, 3 without.
fn secure_mode(p: LegacyProfile, itls: bool) -> &'static [u8] {
    let pre_auth = p.pre_auth && !v31_or_later(p.sdk);
    let itls = itls || (p.itls && p.sdk == LegacySdk::Bundle);
    if pre_auth {
        b"-1"
    } else if itls {
        b"8"
    } else if p.tls {
        b"2"
    } else {
        b"3"
    }
}

/// The TCP port: 3.1+ used 443 even without TLS; 3.0.1 and the bundle 1883 without.
pub fn port(p: LegacyProfile) -> u16 {
    if p.tls || v31_or_later(p.sdk) {
        443
    } else {
        1883
    }
}

/// `<device id>|timestamp=..,_v=..,securemode=..,signmethod=hmacsha256,lan=C[,_ss=1],gw=0,
/// ext=0[,authtype=id2][,<custom>]|`. The device id is `id`, followed by `.<dn>` when `dn` is
/// given (`IOT_Sign_MQTT` builds it from the ProductKey and DeviceName); `custom` is
/// `customize_info` (`None` = the SDK's NULL; `Some(b"")` gives `,|` as the SDK did).
///
/// Generic rather than over `dyn Text`, and always inlined (as are [`sign`] and its password
/// writer): `IOT_Sign_MQTT` alone (the legacy headers' case) is then one function with direct
/// calls, whose flash does not depend on LLVM's inlining budget (left to it, this writer and
/// the password's were outlined once `sign` got one `memclr` for the whole struct: +110 B on
/// Cortex-M4F). The exported `_sign_get_clientid` adds a second, small instance.
#[inline(always)]
pub fn write_client_id<T: Text + ?Sized>(
    p: LegacyProfile,
    id: &[u8],
    dn: Option<&[u8]>,
    custom: Option<&[u8]>,
    itls: bool,
    t: &mut T,
) {
    t.put(id);
    if let Some(dn) = dn {
        t.put(b".");
        t.put(dn);
    }
    put_version_item(p.sdk, t);
    t.put(secure_mode(p, itls));
    t.put(b",signmethod=hmacsha256,lan=C");
    if p.auto_subscribe && v31_or_later(p.sdk) {
        t.put(b",_ss=1");
    }
    t.put(b",gw=0,ext=0");
    if p.sdk == LegacySdk::Bundle && p.itls && !p.pre_auth {
        t.put(b",authtype=id2");
    }
    if let Some(custom) = custom {
        t.put(b",");
        t.put(custom);
    }
    t.put(b"|");
}

/// The MQTT password: upper-case hex HMAC-SHA256(DeviceSecret, `clientId<pk>.<dn>deviceName
/// <dn>productKey<pk>timestamp2524608000000`). Always inlined: see [`write_client_id`].
#[inline(always)]
fn write_password(meta: &Meta<'_>, t: &mut dyn Text) {
    let (pk, dn) = (meta.product_key, meta.device_name);
    // A plain hash state keyed in place (see `Hash::hmac_start`): no move of keyed state.
    let mut mac = Hash::<Sha256>::new();
    mac.hmac_start(meta.device_secret);
    // The sign content as data: runs of literal text, each a length byte and its bytes, then
    // a slot (1 ProductKey, 2 DeviceName, 0 end), fed to the MAC run by run. Smaller than a
    // list of ten slices built on the stack; the lengths spare a scan for the slots.
    let mut rest: &[u8] =
        b"\x08clientId\x01\x01.\x02\x0adeviceName\x02\x0aproductKey\x01\x09timestamp\x00";
    while let Some((&n, tail)) = rest.split_first() {
        let (run, tail) = tail.split_at_checked(usize::from(n)).unwrap_or_default();
        mac.update(run);
        rest = match tail.split_first() {
            Some((&1, tail)) => {
                mac.update(pk);
                tail
            }
            Some((&2, tail)) => {
                mac.update(dn);
                tail
            }
            _ => break,
        };
    }
    mac.update(LEGACY_TIMESTAMP);
    let mut digest = zeroize::Zeroizing::new([0u8; 32]);
    mac.hmac_finish(meta.device_secret, &mut digest);
    crate::hex::put_hex_text(t, digest.as_slice(), crate::hex::HexCase::Upper);
}

/// `IOT_Sign_MQTT(region, meta, signout)` of build `p`, after the caller has checked `region`
/// (0..=5) and `meta` (those errors leave `signout` untouched), on the zeroed struct
/// ([`SignOut::cleared`], as the SDK): the client id and the password are written before the
/// host can fail (custom region without a domain, or a domain over 62 characters), then the
/// username and the port.
/// With the struct limits (ProductKey < 21, DeviceName < 33 bytes) nothing else can fail.
/// Always inlined: see [`write_client_id`].
#[inline(always)]
pub fn sign(
    p: LegacyProfile,
    region: i32,
    custom_domain: Option<&[u8]>,
    meta: &Meta<'_>,
    mut out: SignOut<'_>,
) -> Result<(), Failure> {
    let (pk, dn) = (meta.product_key, meta.device_name);

    let mut t = CText::new(out.clientid);
    write_client_id(p, pk, Some(dn), None, false, &mut t);
    t.check(Failure::ClientIdTooLong)?;
    let mut t = CText::new(out.password);
    write_password(meta, &mut t);
    t.check(Failure::SourceTooLong)?;
    // Legacy refused `strlen + 1 >= 64` (custom) and `strlen(pk) + strlen(domain) + 2 >= 64`:
    // at most 62 characters, so the text gets 63 bytes (62 and the NUL).
    let mut t = CText::new(out.hostname.get_mut(..63).unwrap_or_default());
    if region == REGION_CUSTOM {
        t.put(custom_domain.ok_or(Failure::CustomDomainMissing)?);
    } else {
        let region = u32::try_from(region).ok().and_then(Region::from_index);
        t.put(pk);
        t.put(b".iot-as-mqtt.");
        t.put(region.ok_or(Failure::InputInvalid)?.name());
        t.put(b".aliyuncs.com");
    }
    t.check(Failure::HostnameTooLong)?;
    let mut t = CText::new(out.username.get_mut(..63).unwrap_or_default());
    t.put(dn);
    t.put(b"&");
    t.put(pk);
    t.check(Failure::UsernameTooLong)?;
    out.set_port(port(p));
    Ok(())
}

/// What [`write_dynreg`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DynregPart {
    /// Upper-case hex HMAC-SHA256(ProductSecret, `deviceName<dn>productKey<pk>random<r>`): the
    /// MQTT registration password and the HTTPS registration sign.
    Sign,
    /// `<pk>.<dn>|authType=register,random=<r>,signmethod=hmacsha256,securemode=2|`
    ClientId,
    /// The HTTPS request body `productKey=<pk>&deviceName=<dn>&random=<r>&sign=<sign>&
    /// signMethod=hmacsha256`.
    HttpsBody,
}

/// The inputs of a dynamic registration (`dynreg.c`).
#[derive(Clone, Copy, Debug)]
pub struct Dynreg<'a> {
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// ProductSecret (the MAC key).
    pub product_secret: &'a [u8],
    /// The random: 3.2.0's MQTT path sends the hex of `HAL_Random()`'s bytes; its HTTPS path
    /// sent a constant, for which the caller's HAL random must stand in.
    pub random: &'a [u8],
}

/// Writes `part` of the iotkit-embedded 3.x dynamic registration (`dynreg.c`: `_calc_dynreg_sign`,
/// `_mqtt_dynreg_sign_password`, `_mqtt_dynreg_sign_clientid`, `_http_dynamic_register`'s body).
pub fn write_dynreg(d: &Dynreg<'_>, part: DynregPart, t: &mut dyn Text) {
    let (pk, dn, r) = (d.product_key, d.device_name, d.random);
    match part {
        DynregPart::ClientId => {
            for piece in [
                pk,
                b".",
                dn,
                b"|authType=register,random=",
                r,
                b",signmethod=hmacsha256,securemode=2|",
            ] {
                t.put(piece);
            }
        }
        DynregPart::Sign => write_dynreg_sign(d, t),
        DynregPart::HttpsBody => {
            for piece in [
                b"productKey=".as_slice(),
                pk,
                b"&deviceName=",
                dn,
                b"&random=",
                r,
            ] {
                t.put(piece);
            }
            t.put(b"&sign=");
            write_dynreg_sign(d, t);
            t.put(b"&signMethod=hmacsha256");
        }
    }
}

#[inline(never)]
fn write_dynreg_sign(d: &Dynreg<'_>, t: &mut dyn Text) {
    let mut mac = Hash::<Sha256>::new();
    mac.hmac_start(d.product_secret);
    for part in [
        b"deviceName".as_slice(),
        d.device_name,
        b"productKey",
        d.product_key,
        b"random",
        d.random,
    ] {
        mac.update(part);
    }
    let mut digest = zeroize::Zeroizing::new([0u8; 32]);
    mac.hmac_finish(d.product_secret, &mut digest);
    crate::hex::put_hex_text(t, digest.as_slice(), crate::hex::HexCase::Upper);
}
