//! `iotwire_dynreg_*` and `iotwire_register_reply_get`: dynamic registration over HTTPS (the
//! request) and the replies that deliver registration results and identities, over HTTPS or
//! MQTT (`/ext/register`, `/ext/regnwl`, `/ext/auth/identity/response`).

use crate::boundary::{Span, TextOut, emit_text, input_bytes};
use crate::http::{IOTWIRE_HTTP_PROFILE_DOC, signed_get, signed_head};
use crate::selectors::*;
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::http::reply::{self, Field};
use iotwire::http::signed::Kind;

/// Reply: the MQTT `/ext/register` payload (authType=register): `deviceSecret`.
pub const IOTWIRE_REPLY_EXT_REGISTER: u32 = 0;
/// Reply: the MQTT `/ext/regnwl` payload (authType=regnwl): `clientId`, `deviceToken`.
pub const IOTWIRE_REPLY_EXT_REGNWL: u32 = 1;
/// Reply: the MQTT `/ext/auth/identity/response` payload (X.509): `productKey`, `deviceName`.
pub const IOTWIRE_REPLY_IDENTITY: u32 = 2;
/// Reply: the HTTPS `/auth/register/device` body: `code` 200, `data.deviceSecret`.
pub const IOTWIRE_REPLY_HTTPS_REGISTER: u32 = 3;

/// Field `deviceSecret` (1..64 printable characters).
pub const IOTWIRE_REPLY_FIELD_DEVICE_SECRET: u32 = 0;
/// Field `clientId` (1..64 printable characters, no `|`).
pub const IOTWIRE_REPLY_FIELD_CLIENT_ID: u32 = 1;
/// Field `deviceToken` (1..256 printable characters).
pub const IOTWIRE_REPLY_FIELD_DEVICE_TOKEN: u32 = 2;
/// Field `productKey` (1..20 letters and digits).
pub const IOTWIRE_REPLY_FIELD_PRODUCT_KEY: u32 = 3;
/// Field `deviceName` (1..32 of `[A-Za-z0-9_@.:-]`).
pub const IOTWIRE_REPLY_FIELD_DEVICE_NAME: u32 = 4;

/// Capacity that holds any field `iotwire_register_reply_get()` writes, NUL included.
pub const IOTWIRE_REPLY_FIELD_MAX_SIZE: usize = 257;
/// Capacity that holds any registration request or body this library writes, NUL included.
pub const IOTWIRE_DYNREG_REQUEST_MAX_SIZE: usize = 768;

/// @brief Describes the device for the HTTPS `POST /auth/register/device`. Initialise with
/// `iotwire_dynreg_https_options_init()`; empty strings mean "not given".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_dynreg_https_options_t {
    /// `sizeof(iotwire_dynreg_https_options_t)`, set by the init function.
    pub struct_size: u32,
    /// `IOTWIRE_HTTP_PROFILE_*` (v3.2.0: hmacsha256 only, legacy name limits).
    pub profile: u32,
    /// `IOTWIRE_SIGN_METHOD_*`; the default is hmacsha256.
    pub sign_method: u32,
    /// `IOTWIRE_REGION_*`: host `iot-auth.<region>.aliyuncs.com`, or `host` with CUSTOM.
    pub region: u32,
    /// `IOTWIRE_HTTP_FLAG_*` bits.
    pub flags: u32,
    /// Reserved, must be 0.
    pub reserved: u32,
    /// ProductKey.
    pub product_key: iotwire_str_t,
    /// DeviceName (pre-registered in the console).
    pub device_name: iotwire_str_t,
    /// ProductSecret.
    pub product_secret: iotwire_str_t,
    /// Random from the device's RNG, fresh for every request: 1..64 of `[A-Za-z0-9_-]`.
    pub random: iotwire_str_t,
    /// Instance endpoint, used verbatim with `IOTWIRE_REGION_CUSTOM`.
    pub host: iotwire_str_t,
}

const DYNREG_OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_dynreg_https_options_t>();

/// @brief Fills `opts` with the defaults: documented form, hmacsha256, Shanghai, all strings
/// empty.
///
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_dynreg_https_options_t opts;
/// iotwire_dynreg_https_options_init(&opts);
/// opts.product_key = iotwire_str("a1B2c3D4e5F");
/// opts.device_name = iotwire_str("device01");
/// opts.product_secret = iotwire_str(product_secret);
/// opts.random = iotwire_str(random_from_trng);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or point to writable memory for one `iotwire_dynreg_https_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_dynreg_https_options_init(
    opts: *mut iotwire_dynreg_https_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_dynreg_https_options_t {
        struct_size: DYNREG_OPTIONS_SIZE as u32,
        profile: IOTWIRE_HTTP_PROFILE_DOC,
        sign_method: IOTWIRE_SIGN_METHOD_DEFAULT,
        region: IOTWIRE_REGION_SHANGHAI,
        flags: 0,
        reserved: 0,
        product_key: iotwire_str_t::EMPTY,
        device_name: iotwire_str_t::EMPTY,
        product_secret: iotwire_str_t::EMPTY,
        random: iotwire_str_t::EMPTY,
        host: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

/// @brief Writes a part of the HTTPS dynamic-registration request `POST
/// /auth/register/device`: the complete request, the form body, the sign or the sign content.
///
/// Request: `Host: iot-auth.<region>.aliyuncs.com`, `Accept:
/// text/xml,text/javascript,text/html,application/json`, `Content-Type:
/// application/x-www-form-urlencoded`, `Content-Length`, then
/// `productKey=..&deviceName=..&random=..&sign=..&signMethod=hmacsha256`, sign = upper-case
/// hex HMAC(ProductSecret, `deviceName<dn>productKey<pk>random<r>`). The reply goes to
/// `iotwire_register_reply_get()` with `IOTWIRE_REPLY_HTTPS_REGISTER`.
/// @param[in] opts Device, ProductSecret, random and endpoint.
/// @param[in] part `IOTWIRE_HTTP_PART_REQUEST`, `_BODY`, `_SIGN` or `_SIGN_CONTENT`.
/// @param[out] out Buffer for the NUL-terminated text, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_DYNREG_REQUEST_MAX_SIZE` fits any part.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `opts->struct_size` too small.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR Unknown part, profile, sign method or region; v3.2.0
///         with a method other than hmacsha256.
/// @retval IOTWIRE_ERR_MISSING_FIELD No random, no ProductSecret, CUSTOM without host.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT Random not 1..64 of `[A-Za-z0-9_-]`; host given
///         without CUSTOM.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY, IOTWIRE_ERR_INVALID_DEVICE_NAME,
///         IOTWIRE_ERR_INVALID_HOST The inputs.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP As for every text output.
/// @retval IOTWIRE_ERR_UNSUPPORTED The sign method was compiled out.
///
/// @code{c}
/// char req[IOTWIRE_DYNREG_REQUEST_MAX_SIZE];
/// size_t len;
/// if (iotwire_dynreg_https_get(&opts, IOTWIRE_HTTP_PART_REQUEST, req, sizeof req, &len) == IOTWIRE_OK)
///     tls_write(conn, req, len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_dynreg_https_get(
    opts: *const iotwire_dynreg_https_options_t,
    part: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract.
    let head = unsafe { signed_head(opts) };
    // SAFETY: forwarded caller contract (no timestamp in a registration).
    unsafe { signed_get(Kind::Dynreg, head, iotwire_str_t::EMPTY, part, t) }
}

/// @brief Validates a registration or identity reply and writes one of its fields, decoded,
/// into the caller's buffer.
///
/// The whole reply is checked whatever field is asked for: `/ext/register` and the HTTPS
/// reply need a valid `deviceSecret` (the HTTPS one `code` 200 and `data`), `/ext/regnwl`
/// `clientId` and `deviceToken`, the identity response `productKey` and `deviceName`. Lengths
/// are bounded, the payload need not be NUL-terminated, and the value goes nowhere but `out`.
/// Persist a device secret, then wipe `out`.
/// @param[in] reply `IOTWIRE_REPLY_EXT_REGISTER`, `_EXT_REGNWL`, `_IDENTITY` or `_HTTPS_REGISTER`.
/// @param[in] payload The MQTT payload or HTTPS body.
/// @param[in] payload_len Its length.
/// @param[in] field `IOTWIRE_REPLY_FIELD_*`.
/// @param[out] out Buffer for the NUL-terminated value, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_REPLY_FIELD_MAX_SIZE` fits any field.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `out` NULL with `out_cap` > 0, or
///         `payload` NULL with `payload_len` > 0.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR Unknown `reply` or `field`.
/// @retval IOTWIRE_ERR_INVALID_JSON Not one JSON object, a wrongly typed member, a key twice.
/// @retval IOTWIRE_ERR_MISSING_FIELD A required field, or the one asked for, is absent.
/// @retval IOTWIRE_ERR_REPLY_FIELD_INVALID A field is empty, too long or has bad characters.
/// @retval IOTWIRE_ERR_DYNREG_REJECTED The HTTPS reply's `code` is not 200.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP As for every text output.
///
/// @code{c}
/// char secret[IOTWIRE_REPLY_FIELD_MAX_SIZE];
/// size_t len;
/// rc = iotwire_register_reply_get(IOTWIRE_REPLY_EXT_REGISTER, payload, payload_len,
///                                 IOTWIRE_REPLY_FIELD_DEVICE_SECRET, secret, sizeof secret, &len);
/// if (rc == IOTWIRE_OK) { flash_store_secret(secret, len); memset(secret, 0, sizeof secret); }
/// @endcode
///
/// # Safety
/// `payload` must be NULL or readable for `payload_len` bytes; `out` must be NULL or writable
/// for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_register_reply_get(
    reply: u32,
    payload: *const u8,
    payload_len: usize,
    field: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let payload = match unsafe { input_bytes(payload, payload_len) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    let kind = match reply {
        IOTWIRE_REPLY_EXT_REGISTER => reply::Kind::ExtRegister,
        IOTWIRE_REPLY_EXT_REGNWL => reply::Kind::ExtRegnwl,
        IOTWIRE_REPLY_IDENTITY => reply::Kind::Identity,
        IOTWIRE_REPLY_HTTPS_REGISTER => reply::Kind::HttpsRegister,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    let field = match field {
        IOTWIRE_REPLY_FIELD_DEVICE_SECRET => Field::DeviceSecret,
        IOTWIRE_REPLY_FIELD_CLIENT_ID => Field::ClientId,
        IOTWIRE_REPLY_FIELD_DEVICE_TOKEN => Field::DeviceToken,
        IOTWIRE_REPLY_FIELD_PRODUCT_KEY => Field::ProductKey,
        IOTWIRE_REPLY_FIELD_DEVICE_NAME => Field::DeviceName,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    let value = match reply::field(payload, kind, field) {
        Ok(v) => v,
        Err(e) => return from_error(e),
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; the payload is the only caller range read. The
    // value is decoded straight into `out` (no intermediate copy to wipe); on failure `emit`
    // wipes what it wrote.
    unsafe { emit_text(t, &[Span::of(payload)], None, |s| value.write_to(s)) }
}
