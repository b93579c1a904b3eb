//! The iotkit-embedded 3.x family alone (3.2.0, 3.1.0, 3.0.1, the `sign_mqtt.c` bundle):
//! `IOT_Sign_MQTT` and `_sign_get_clientid` of a build known at compile time. The legacy
//! headers' `IOT_Sign_MQTT` macro calls the first; the swap-in kit's replacement of the SDK's
//! `dev_sign_mqtt.c` calls both. Only the 3.x writer is linked (no general resolver, no
//! MD5/SHA-1).

use crate::boundary::{Span, TextOut, emit_text_of, input_all};
use crate::legacy::{c_string_max, iotwire_legacy_dev_meta_t, iotwire_legacy_sign_mqtt_t, sign};
use crate::legacy_sdk::{legacy_profile, with_build};
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::mqtt::iotkit3;
use iotwire::mqtt::legacy_out::{CText, Failure, legacy_code};
use iotwire::mqtt::params::{LegacyProfile, LegacySdk};

/// An iotkit 3.x profile from the C selectors, or `None`.
fn v3_profile(sdk: u32, build: u32) -> Option<LegacyProfile> {
    match legacy_profile(sdk, build) {
        Ok(Some(p)) if iotkit3::is_iotkit3(p) => Some(p),
        _ => None,
    }
}

/// @brief `IOT_Sign_MQTT` of an iotkit-embedded 3.x build, byte-identical to it, linking only
/// the 3.x code (of all four SDKs: the SDK is an argument). For 3.2.0, the default and the SDK
/// the swap-in kit targets, iotwire_legacy_v3_2_0_sign_mqtt() links 3.2.0's code only.
///
/// The same contract as iotwire_legacy_sign_mqtt() (legacy return codes; `signout` untouched on
/// an invalid region or NULL/overlapping arguments, zeroed and partly filled on later errors,
/// as legacy did), for the builds of the 3.x family only.
/// @param[in] sdk `IOTWIRE_LEGACY_SDK_V3_2_0`, `_V3_1_0`, `_V3_0_1` or `_BUNDLE`.
/// @param[in] build `IOTWIRE_LEGACY_BUILD_*` bits of the build's switches.
/// @param[in] region `IOTX_CLOUD_REGION_*` value (0..=5).
/// @param[in] custom_domain [nullable] NUL-terminated host for region 5 (what
///            `IOT_Ioctl(IOTX_IOCTL_SET_MQTT_DOMAIN)` stored), used verbatim; at most 62 bytes.
/// @param[in] meta ProductKey, DeviceName, DeviceSecret (NUL-terminated members).
/// @param[out] signout Result.
/// @return 0, or the build's negative legacy code (3.1/3.2: -275 input, -264 custom domain
///         missing, -775 hostname too long; 3.0.1: -1, -1105, -1100; the bundle: -1);
///         IOTWIRE_ERR_INVALID_SELECTOR for another `sdk` or unknown `build` bits.
///
/// @code{c}
/// iotwire_legacy_sign_mqtt_t out;
/// int32_t rc = iotwire_legacy_v3_sign_mqtt(IOTWIRE_LEGACY_SDK_V3_2_0,
///     IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE,
///     0, NULL, &meta, &out);
/// @endcode
///
/// # Safety
/// `meta` and `signout` must be NULL or point to valid structs of the legacy layout;
/// `custom_domain` must be NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_legacy_v3_sign_mqtt(
    sdk: u32,
    build: u32,
    region: i32,
    custom_domain: *const c_char,
    meta: *const iotwire_legacy_dev_meta_t,
    signout: *mut iotwire_legacy_sign_mqtt_t,
) -> i32 {
    let Some(profile) = v3_profile(sdk, build) else {
        return IOTWIRE_ERR_INVALID_SELECTOR;
    };
    // SAFETY: forwarded caller contract.
    unsafe {
        sign(
            profile.sdk,
            region,
            custom_domain,
            meta,
            signout,
            // Inlined with iotkit3::sign (and its writers): IOT_Sign_MQTT's flash depends on
            // one function body (scripts/size-table.sh, row iot-sign-header).
            #[inline(always)]
            |domain, meta, out| iotkit3::sign(profile, region, domain, meta, out),
        )
    }
}

/// @brief `IOT_Sign_MQTT` of an iotkit-embedded 3.2.0 build: iotwire_legacy_v3_sign_mqtt()
/// with the SDK fixed, so that a firmware links the code of 3.2.0 only (what the legacy
/// headers' macro calls for `IOTWIRE_LEGACY_SDK_V3_2_0`, the default; 0.25 KB less flash on
/// Cortex-M than the general export). The other 3.x SDKs share iotwire_legacy_v3_sign_mqtt():
/// one more body per SDK would cost every image that links both.
///
/// Byte-identical to the SDK's `IOT_Sign_MQTT` of the build `build`, with the same contract
/// as iotwire_legacy_v3_sign_mqtt() (legacy return codes; `signout` untouched on an invalid
/// region or NULL arguments, zeroed and partly filled on later errors, as legacy did).
/// @param[in] build `IOTWIRE_LEGACY_BUILD_*` bits of the build's switches.
/// @param[in] region `IOTX_CLOUD_REGION_*` value (0..=5).
/// @param[in] custom_domain [nullable] NUL-terminated host for region 5 (what
///            `IOT_Ioctl(IOTX_IOCTL_SET_MQTT_DOMAIN)` stored), used verbatim; at most 62 bytes.
/// @param[in] meta ProductKey, DeviceName, DeviceSecret (NUL-terminated members).
/// @param[out] signout Result.
/// @return 0, or the SDK's negative code (-275 input, -264 custom domain missing, -775
///         hostname too long); IOTWIRE_ERR_INVALID_SELECTOR for unknown `build` bits.
///
/// @code{c}
/// iotwire_legacy_sign_mqtt_t out;
/// int32_t rc = iotwire_legacy_v3_2_0_sign_mqtt(
///     IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE,
///     0, NULL, &meta, &out);
/// @endcode
///
/// # Safety
/// `meta` and `signout` must be NULL or point to valid structs of the legacy layout;
/// `custom_domain` must be NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_legacy_v3_2_0_sign_mqtt(
    build: u32,
    region: i32,
    custom_domain: *const c_char,
    meta: *const iotwire_legacy_dev_meta_t,
    signout: *mut iotwire_legacy_sign_mqtt_t,
) -> i32 {
    // The same body as iotwire_legacy_v3_sign_mqtt()'s with a constant SDK (a closure of its
    // own, so that `sign` is instantiated, and folded, for this export alone).
    let Some(profile) = with_build(LegacySdk::V320, build) else {
        return IOTWIRE_ERR_INVALID_SELECTOR;
    };
    // SAFETY: forwarded caller contract.
    unsafe {
        sign(
            LegacySdk::V320,
            region,
            custom_domain,
            meta,
            signout,
            #[inline(always)]
            |domain, meta, out| iotkit3::sign(profile, region, domain, meta, out),
        )
    }
}

/// `DEV_SIGN_CLIENT_ID_MAXLEN`, the client id buffer of every iotkit-embedded 3.x SDK
/// (`iotx_sign_mqtt_t.clientid`, the buffer `_sign_get_clientid` fills): the client id
/// exports write `char[IOTWIRE_LEGACY_CLIENT_ID_MAXLEN]`, at most 199 characters and a NUL.
pub const IOTWIRE_LEGACY_CLIENT_ID_MAXLEN: usize = 200;

/// @brief `_sign_get_clientid()` of an iotkit-embedded 3.x build: `<device_id>|timestamp=...,
/// _v=...,securemode=...,...[,<custom_kv>]|` into the SDK's 200-byte buffer, exactly as that
/// build wrote it, with its prototype's arguments and its return codes (the SDK's
/// `IOT_MQTT_Construct` calls it after IOT_Sign_MQTT() with the user's `customize_info`).
///
/// Like the SDK it checks nothing but the length, so any `customize_info` the SDK accepted
/// (spaces, `|`, ...) gives the same client id. Unlike it: a client id over 199 characters
/// leaves `clientid` zeroed (the SDK left it half written), `device_id` is read up to 200
/// bytes at most (the SDK read `IOT_MQTT_Construct`'s unterminated `char[53]` past its end),
/// and a `clientid` that overlaps an input is refused before anything is written.
/// @param[in] sdk `IOTWIRE_LEGACY_SDK_V3_2_0`, `_V3_1_0`, `_V3_0_1` or `_BUNDLE`.
/// @param[in] build `IOTWIRE_LEGACY_BUILD_*` bits of the build's switches.
/// @param[in] device_id `<ProductKey>.<DeviceName>`, NUL-terminated (any bytes).
/// @param[in] custom_kv [nullable] The SDK's `customize_info`, NUL-terminated; appended after
///            a comma (`""` gives `,|`, as in the SDK).
/// @param[in] enable_itls Non-zero: securemode 8 (the SDK sets it when `customize_info`
///            contains `authtype=id2`).
/// @param[out] clientid `char[IOTWIRE_LEGACY_CLIENT_ID_MAXLEN]`: zeroed, then the client id.
/// @return 0, or the build's negative code: 3.1/3.2 `STATE_USER_INPUT_INVALID` (-275) for a
///         NULL `clientid` or `device_id` or overlapping arguments (nothing written) and
///         `STATE_MQTT_SIGN_CLIENTID_BUF_SHORT` (-777) for a client id over 199 characters;
///         3.0.1 and the bundle -1 for both; IOTWIRE_ERR_INVALID_SELECTOR for another `sdk`
///         or unknown `build` bits.
///
/// # Safety
/// `device_id` and `custom_kv` must be NULL or NUL-terminated (or readable for 200 bytes);
/// `clientid` must be NULL or writable for 200 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_legacy_v3_client_id(
    sdk: u32,
    build: u32,
    device_id: *const c_char,
    custom_kv: *const c_char,
    enable_itls: u32,
    clientid: *mut c_char,
) -> i32 {
    let Some(profile) = v3_profile(sdk, build) else {
        return IOTWIRE_ERR_INVALID_SELECTOR;
    };
    // SAFETY: forwarded caller contract.
    unsafe { client_id(profile, |p| p, device_id, custom_kv, enable_itls, clientid) }
}

/// @brief `_sign_get_clientid()` of an iotkit-embedded 3.2.0 build: iotwire_legacy_v3_client_id()
/// with the SDK fixed, so that a firmware links the code of 3.2.0 only (the swap-in kit's
/// `_sign_get_clientid` on a 3.2.0 tree). The same arguments, output and return codes.
/// @param[in] build `IOTWIRE_LEGACY_BUILD_*` bits of the build's switches.
/// @param[in] device_id `<ProductKey>.<DeviceName>`, NUL-terminated (any bytes).
/// @param[in] custom_kv [nullable] The SDK's `customize_info`, NUL-terminated.
/// @param[in] enable_itls Non-zero: securemode 8.
/// @param[out] clientid `char[IOTWIRE_LEGACY_CLIENT_ID_MAXLEN]`: zeroed, then the client id.
/// @return 0, -275 (NULL or overlapping arguments: nothing written), -777 (over 199
///         characters: `clientid` zeroed); IOTWIRE_ERR_INVALID_SELECTOR for unknown `build` bits.
///
/// @code{c}
/// char id[IOTWIRE_LEGACY_CLIENT_ID_MAXLEN];
/// int32_t rc = iotwire_legacy_v3_2_0_client_id(IOTWIRE_LEGACY_BUILD_SUPPORT_TLS,
///     "a1X2bEnP82z.example1", NULL, 0, id);
/// @endcode
///
/// # Safety
/// As iotwire_legacy_v3_client_id().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_legacy_v3_2_0_client_id(
    build: u32,
    device_id: *const c_char,
    custom_kv: *const c_char,
    enable_itls: u32,
    clientid: *mut c_char,
) -> i32 {
    let Some(profile) = with_build(LegacySdk::V320, build) else {
        return IOTWIRE_ERR_INVALID_SELECTOR;
    };
    // SAFETY: forwarded caller contract.
    unsafe {
        client_id(
            profile,
            // The SDK as a constant inside the writer (the profile is read there).
            |p| LegacyProfile {
                sdk: LegacySdk::V320,
                ..p
            },
            device_id,
            custom_kv,
            enable_itls,
            clientid,
        )
    }
}

/// The body of both client id exports. Generic over `fixed` (what the writer sees of
/// `profile`), so that each export has its own writer and 3.2.0's folds its constant SDK.
/// The SDK's own contract, not the output triple: the caller's buffer is the SDK's
/// `char[200]`, filled as a C text by the writer IOT_Sign_MQTT() uses for its field, so no
/// size query and no second writer run are linked.
///
/// # Safety
/// As iotwire_legacy_v3_client_id().
#[inline(always)]
unsafe fn client_id(
    profile: LegacyProfile,
    fixed: impl Fn(LegacyProfile) -> LegacyProfile,
    device_id: *const c_char,
    custom_kv: *const c_char,
    enable_itls: u32,
    clientid: *mut c_char,
) -> i32 {
    // 3.1 and 3.2 return their STATE_* codes; 3.0.1 and the bundle returned FAIL_RETURN.
    let code = |f| match profile.sdk {
        LegacySdk::V320 | LegacySdk::V310 => legacy_code(profile.sdk, f),
        _ => -1,
    };
    if clientid.is_null() || device_id.is_null() {
        return code(Failure::InputInvalid);
    }
    // SAFETY: NUL-terminated or readable for the scanned bytes (caller contract).
    let id = unsafe { c_string_max(device_id, IOTWIRE_LEGACY_CLIENT_ID_MAXLEN) };
    let custom = if custom_kv.is_null() {
        None
    } else {
        // SAFETY: as for `device_id`. More than 199 bytes cannot fit anyway.
        Some(unsafe { c_string_max(custom_kv, IOTWIRE_LEGACY_CLIENT_ID_MAXLEN) })
    };
    let out = clientid.cast::<[u8; IOTWIRE_LEGACY_CLIENT_ID_MAXLEN]>();
    let out_span = Span::of_raw(out.cast_const());
    if out_span.overlaps(Span::of(id)) || custom.is_some_and(|c| out_span.overlaps(Span::of(c))) {
        return code(Failure::InputInvalid);
    }
    // SAFETY: non-NULL, writable for 200 bytes (caller contract), alignment 1, disjoint from
    // both inputs (checked), so the exclusive borrow aliases nothing read.
    let buf = unsafe { &mut *out };
    // The SDK's first step; CText writes into a zeroed array and wipes it on failure.
    buf.fill(0);
    let mut t = CText::new(buf);
    iotkit3::write_client_id(fixed(profile), id, None, custom, enable_itls != 0, &mut t);
    match t.check(Failure::ClientIdTooLong) {
        Ok(()) => 0,
        Err(f) => code(f),
    }
}

/// `iotwire_legacy_v3_dynreg_get` part: upper-case hex HMAC-SHA256(ProductSecret,
/// `deviceName<dn>productKey<pk>random<r>`), the MQTT registration password and the HTTPS
/// registration sign.
pub const IOTWIRE_LEGACY_V3_DYNREG_SIGN: u32 = 0;
/// `iotwire_legacy_v3_dynreg_get` part: the MQTT registration client id
/// `<pk>.<dn>|authType=register,random=<r>,signmethod=hmacsha256,securemode=2|`.
pub const IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID: u32 = 1;
/// `iotwire_legacy_v3_dynreg_get` part: the HTTPS request body
/// `productKey=<pk>&deviceName=<dn>&random=<r>&sign=<sign>&signMethod=hmacsha256`.
pub const IOTWIRE_LEGACY_V3_DYNREG_HTTPS_BODY: u32 = 2;

/// @brief One part of iotkit-embedded 3.x's dynamic registration (`dynreg.c`), byte-identical
/// to it: the sign (MQTT password, HTTPS sign), the MQTT client id, or the HTTPS body.
///
/// Unlike 3.2.0's HTTPS path, which signed the constant random `8Ygb7ULYh53B6OA`, the random is
/// the caller's: pass a fresh one from the HAL's random source (3.2.0's MQTT path sent the
/// 8 upper-case hex characters of the bytes of `HAL_Random(0xffffffff)`).
/// @param[in] part `IOTWIRE_LEGACY_V3_DYNREG_SIGN`, `_CLIENT_ID` or `_HTTPS_BODY`.
/// @param[in] product_key ProductKey.
/// @param[in] device_name DeviceName.
/// @param[in] product_secret ProductSecret (the MAC key; not read for the client id).
/// @param[in] random The registration random.
/// @param[out] out Buffer for the NUL-terminated text, or NULL for a size query.
/// @param[in] out_cap Capacity of `out` (0 with a size query).
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown `part`.
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `out` NULL with `out_cap` > 0, or a NULL
///         string with a non-zero length.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL the text and its NUL do not fit `out_cap` (the SDK's
///         `clientid[200]` and `password[65]` limits: pass those capacities).
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input or `out_len`.
///
/// # Safety
/// The strings must follow the `iotwire_str_t` contract; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_legacy_v3_dynreg_get(
    part: u32,
    product_key: iotwire_str_t,
    device_name: iotwire_str_t,
    product_secret: iotwire_str_t,
    random: iotwire_str_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let part = match part {
        IOTWIRE_LEGACY_V3_DYNREG_SIGN => iotkit3::DynregPart::Sign,
        IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID => iotkit3::DynregPart::ClientId,
        IOTWIRE_LEGACY_V3_DYNREG_HTTPS_BODY => iotkit3::DynregPart::HttpsBody,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    let mut strs: [&[u8]; 4] = [&[]; 4];
    // SAFETY: the four strings follow the iotwire_str_t contract (caller).
    if let Err(e) = unsafe {
        input_all(
            &[product_key, device_name, product_secret, random],
            &mut strs,
        )
    } {
        return e;
    }
    let [product_key, device_name, product_secret, random] = strs;
    let d = iotkit3::Dynreg {
        product_key,
        device_name,
        product_secret,
        random,
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `strs` are the only caller memory the writer reads.
    unsafe {
        emit_text_of(t, &strs, &[], None, &|s| {
            iotkit3::write_dynreg(&d, part, s);
            Ok(())
        })
    }
}
