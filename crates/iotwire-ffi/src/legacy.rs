//! The C side of every legacy `IOT_Sign_MQTT`: the `iotx_dev_meta_info_t` and
//! `iotx_sign_mqtt_t` layouts, and the pointer checks every legacy sign export shares
//! ([`sign`]). The exports are in `legacy_v3.rs` (the iotkit-embedded 3.x family) and
//! `legacy_sign.rs` (`IOT_Sign_MQTT` and every legacy SDK).
//!
//! They keep the legacy contract, not the iotwire one: they return the legacy SDK's codes (0,
//! -275/-264/-775.. for v3.1/v3.2, -1/-11xx for v3.0.1, -1 for the bundle) and, like legacy,
//! leave `signout` partly filled when an error is found after the client id and password were
//! written. Unlike legacy they never crash on NULL `signout`, never read past a member without
//! NUL, and hash keys longer than 64 bytes (RFC 2104).

use crate::boundary::Span;
use core::ffi::c_char;
use iotwire::mqtt::legacy_out::{self, Failure, Meta, SIGN_OUT_LEN, SignOut};
use iotwire::mqtt::params::LegacySdk;

/// Layout of `iotx_dev_meta_info_t` up to `device_secret` (the v3.x trailing `module[65]` is
/// never read, so both the v3.x and the bundle struct can be passed).
#[repr(C)]
pub struct iotwire_legacy_dev_meta_t {
    /// `char product_key[IOTX_PRODUCT_KEY_LEN + 1]`
    pub product_key: [c_char; 21],
    /// `char product_secret[IOTX_PRODUCT_SECRET_LEN + 1]` (not used for signing)
    pub product_secret: [c_char; 65],
    /// `char device_name[IOTX_DEVICE_NAME_LEN + 1]`
    pub device_name: [c_char; 33],
    /// `char device_secret[IOTX_DEVICE_SECRET_LEN + 1]`
    pub device_secret: [c_char; 65],
}

/// Layout of `iotx_sign_mqtt_t` (396 bytes, 2-byte alignment).
#[repr(C)]
pub struct iotwire_legacy_sign_mqtt_t {
    /// `char hostname[DEV_SIGN_HOSTNAME_MAXLEN]`
    pub hostname: [c_char; 64],
    /// `uint16_t port`
    pub port: u16,
    /// `char clientid[DEV_SIGN_CLIENT_ID_MAXLEN]`
    pub clientid: [c_char; 200],
    /// `char username[DEV_SIGN_USERNAME_MAXLEN]`
    pub username: [c_char; 64],
    /// `char password[DEV_SIGN_PASSWORD_MAXLEN]`
    pub password: [c_char; 65],
}

// The core fills the struct as bytes (SignOut::cleared).
const _: () = assert!(core::mem::size_of::<iotwire_legacy_sign_mqtt_t>() == SIGN_OUT_LEN);

/// Longest custom domain scanned for its NUL; longer ones fail like an over-long hostname.
const CUSTOM_DOMAIN_SCAN: usize = 256;

/// The bytes of a C char array up to its first NUL, or `None` when it has none.
fn c_field(field: &[c_char]) -> Option<&[u8]> {
    let n = field.iter().position(|&c| c == 0)?;
    // c_char and u8 have the same size; reinterpret through a byte view of the prefix.
    let bytes: &[c_char] = field.get(..n)?;
    Some(as_bytes(bytes))
}

fn as_bytes(chars: &[c_char]) -> &[u8] {
    // SAFETY: `c_char` is `i8` or `u8`: same size, alignment and validity as `u8`.
    unsafe { core::slice::from_raw_parts(chars.as_ptr().cast::<u8>(), chars.len()) }
}

/// Reads a NUL-terminated custom domain; without a NUL in the first 256 bytes, those 256
/// bytes are returned (far over any hostname field, so the sign fails as "hostname too long").
///
/// # Safety
/// `p` must point to a NUL-terminated string.
unsafe fn c_string<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: forwarded caller contract.
    unsafe { c_string_max(p, CUSTOM_DOMAIN_SCAN) }
}

/// The bytes of the NUL-terminated string at `p` before its NUL, scanning at most `max`
/// bytes (then those `max` bytes: no read past them, whatever the caller passed).
///
/// # Safety
/// `p` must point to a NUL-terminated string, or to `max` readable bytes.
pub(crate) unsafe fn c_string_max<'a>(p: *const c_char, max: usize) -> &'a [u8] {
    let mut len = max;
    for i in 0..max {
        // SAFETY: the string is NUL-terminated and we stop at the first NUL, so every byte
        // read belongs to the string.
        if unsafe { p.add(i).read() } == 0 {
            len = i;
            break;
        }
    }
    // SAFETY: the `len` bytes were just read one by one, so they are readable.
    unsafe { core::slice::from_raw_parts(p.cast::<u8>(), len) }
}

/// Checks the caller's pointers and runs `write`: an invalid region, NULL `meta` or
/// `signout`, a member without NUL, or overlapping structs give the "input invalid" code of
/// `sdk` before anything is written; `write`'s failures map to `sdk`'s codes.
///
/// # Safety
/// `meta` and `signout` must be NULL or point to valid structs of the legacy layout;
/// `custom_domain` must be NULL or NUL-terminated.
pub(crate) unsafe fn sign<F>(
    sdk: LegacySdk,
    region: i32,
    custom_domain: *const c_char,
    meta: *const iotwire_legacy_dev_meta_t,
    signout: *mut iotwire_legacy_sign_mqtt_t,
    write: F,
) -> i32
where
    F: FnOnce(Option<&[u8]>, &Meta<'_>, SignOut<'_>) -> Result<(), Failure>,
{
    let invalid = legacy_out::legacy_code(sdk, Failure::InputInvalid);
    if !legacy_out::region_valid(region) || meta.is_null() || signout.is_null() {
        return invalid;
    }
    // SAFETY: non-NULL and pointing to a valid legacy meta struct (caller contract).
    let meta_ref = unsafe { &*meta };
    let (Some(product_key), Some(device_name), Some(device_secret)) = (
        c_field(&meta_ref.product_key),
        c_field(&meta_ref.device_name),
        c_field(&meta_ref.device_secret),
    ) else {
        return invalid;
    };
    let domain = if custom_domain.is_null() || region != legacy_out::REGION_CUSTOM {
        None
    } else {
        // SAFETY: non-NULL and NUL-terminated (caller contract).
        Some(unsafe { c_string(custom_domain) })
    };
    let out_span = Span::of_raw(signout.cast_const());
    let meta_span = Span::of_raw(meta);
    if out_span.overlaps(meta_span) || domain.is_some_and(|d| Span::of(d).overlaps(out_span)) {
        return invalid;
    }
    // SAFETY: non-NULL, valid, and disjoint from every input (checked), so the exclusive
    // borrow aliases nothing we read; viewed as its bytes (same size, checked at compile time
    // below; alignment 1; every byte pattern is a valid struct).
    let raw = unsafe { &mut *signout.cast::<[u8; SIGN_OUT_LEN]>() };
    let Some(out) = SignOut::cleared(raw) else {
        return invalid;
    };
    let meta = Meta {
        product_key,
        device_name,
        device_secret,
    };
    match write(domain, &meta, out) {
        Ok(()) => 0,
        Err(f) => legacy_out::legacy_code(sdk, f),
    }
}
