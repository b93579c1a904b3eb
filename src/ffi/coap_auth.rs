//! `iotwire_coap_auth_*` and `iotwire_coap_dtls_psk_*`: Alibaba CoAP authentication
//! (`POST /auth`) and DTLS-PSK credentials.
//!
//! The request is described by one options struct; the sign content, the sign, the payload
//! and the whole datagram are separate outputs of the same description, so a caller can show
//! exactly what was signed. The datagram and the reply handling use the caller-owned
//! `iotwire_coap_session_t` (message id, token, auth token, AES key, seq).

use crate::core::coap_auth::dtls_psk::{self, Form, PskParams};
use crate::core::coap_auth::{AuthParams, Format, Profile, payload, sign};
use crate::core::mac::SignMethod;
use crate::ffi::boundary::{BytesOut, Span, TextOut, emit_bytes, emit_text, input};
use crate::ffi::status::*;
use crate::ffi::types::iotwire_str_t;
use core::ffi::c_char;

/// CoAP profile: the documented request (default).
pub const IOTWIRE_COAP_PROFILE_DOC: u32 = 0;
/// CoAP profile: iotkit-embedded 3.2.0 byte compatibility.
pub const IOTWIRE_COAP_PROFILE_V3_2_0: u32 = 1;
/// CoAP profile: iotkit-embedded 2.3.0 byte compatibility.
pub const IOTWIRE_COAP_PROFILE_V2_3_0: u32 = 2;

/// Payload format `application/json` (the CoAP Content-Format number, 50).
pub const IOTWIRE_COAP_FORMAT_JSON: u32 = 50;
/// Payload format `application/cbor` (the CoAP Content-Format number, 60).
pub const IOTWIRE_COAP_FORMAT_CBOR: u32 = 60;

/// Auth flag: symmetric-encryption mode (port 5682): send and sign `seq`.
pub const IOTWIRE_COAP_AUTH_FLAG_SEQ: u32 = 1;
/// Auth flag: send and sign `ackMode` (the value in `ack_mode`).
pub const IOTWIRE_COAP_AUTH_FLAG_ACK_MODE: u32 = 2;

/// Capacity that holds any auth sign content, NUL included.
pub const IOTWIRE_COAP_AUTH_SIGN_CONTENT_MAX_SIZE: usize = 192;
/// Capacity that holds any auth sign (hex of a MAC), NUL included.
pub const IOTWIRE_COAP_AUTH_SIGN_MAX_SIZE: usize = 65;
/// Capacity that holds any auth payload (JSON or CBOR).
pub const IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE: usize = 320;

/// DTLS-PSK form: documented (`psk = MAC(DeviceSecret, "<pk>&<dn><ts>")`, raw bytes).
pub const IOTWIRE_COAP_DTLS_PSK_FORM_DOC: u32 = 0;
/// DTLS-PSK form: SDK (`psk` = upper-case hex text of `MAC(ds, "id<pk>&<dn>timestamp<ts>")`).
pub const IOTWIRE_COAP_DTLS_PSK_FORM_SDK: u32 = 1;

/// Capacity that holds any DTLS-PSK identity, NUL included.
pub const IOTWIRE_COAP_DTLS_PSK_IDENTITY_MAX_SIZE: usize = 97;
/// Capacity that holds any DTLS-PSK key (64 bytes: the SDK form with hmacsha256).
pub const IOTWIRE_COAP_DTLS_PSK_KEY_MAX_SIZE: usize = 64;

/// @brief Describes an Alibaba CoAP auth request. Initialise with
/// `iotwire_coap_auth_options_init()`, then set what applies; empty strings mean "not given".
///
/// Fields are only ever appended; `struct_size` tells the library which ones the caller knows.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_coap_auth_options_t {
    /// `sizeof(iotwire_coap_auth_options_t)`, set by `iotwire_coap_auth_options_init()`.
    pub struct_size: u32,
    /// `IOTWIRE_COAP_PROFILE_*`.
    pub profile: u32,
    /// `IOTWIRE_SIGN_METHOD_*` (0 default: no `signmethod` member, hmacmd5; 1 hmacmd5,
    /// 2 hmacsha1, 3 hmacsha256: sent as `signmethod`).
    pub sign_method: u32,
    /// `IOTWIRE_COAP_FORMAT_JSON` or `IOTWIRE_COAP_FORMAT_CBOR` (Content-Format and Accept).
    pub format: u32,
    /// `IOTWIRE_COAP_AUTH_FLAG_*` bits.
    pub flags: u32,
    /// `seq` (with `IOTWIRE_COAP_AUTH_FLAG_SEQ`): the legacy SDKs send a random value below
    /// 10000; legacy profiles print it with `%d`.
    pub seq: u32,
    /// `ackMode` 0 or 1 (with `IOTWIRE_COAP_AUTH_FLAG_ACK_MODE`).
    pub ack_mode: u32,
    /// Reserved, must be 0.
    pub reserved: u32,
    /// ProductKey.
    pub product_key: iotwire_str_t,
    /// DeviceName.
    pub device_name: iotwire_str_t,
    /// DeviceSecret.
    pub device_secret: iotwire_str_t,
    /// clientId (at most 64 characters); default `<pk>.<dn>`.
    pub client_id: iotwire_str_t,
    /// Timestamp in milliseconds, decimal; optional (documented profile only).
    pub timestamp: iotwire_str_t,
}

const AUTH_OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_coap_auth_options_t>();

/// @brief Fills `opts` with the defaults: documented profile, JSON, no `signmethod` member
/// (hmacmd5), DTLS mode (no seq), no `ackMode`, all strings empty.
///
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_coap_auth_options_t auth;
/// iotwire_coap_auth_options_init(&auth);
/// auth.product_key = iotwire_str("a1NUjcVkHZS");
/// auth.device_name = iotwire_str("dev00");
/// auth.device_secret = iotwire_str(secret);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or point to writable memory for one `iotwire_coap_auth_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_options_init(
    opts: *mut iotwire_coap_auth_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_coap_auth_options_t {
        struct_size: AUTH_OPTIONS_SIZE as u32,
        profile: IOTWIRE_COAP_PROFILE_DOC,
        sign_method: 0,
        format: IOTWIRE_COAP_FORMAT_JSON,
        flags: 0,
        seq: 0,
        ack_mode: 0,
        reserved: 0,
        product_key: iotwire_str_t::EMPTY,
        device_name: iotwire_str_t::EMPTY,
        device_secret: iotwire_str_t::EMPTY,
        client_id: iotwire_str_t::EMPTY,
        timestamp: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

/// The `IOTWIRE_SIGN_METHOD_*` numbers (defined with the MQTT API; the same values here).
pub(crate) fn sign_method(v: u32) -> Result<Option<SignMethod>, iotwire_status_t> {
    match v {
        0 => Ok(None),
        1 => Ok(Some(SignMethod::HmacMd5)),
        2 => Ok(Some(SignMethod::HmacSha1)),
        3 => Ok(Some(SignMethod::HmacSha256)),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// The `IOTWIRE_COAP_PROFILE_*` selector.
pub(crate) fn profile(v: u32) -> Result<Profile, iotwire_status_t> {
    match v {
        IOTWIRE_COAP_PROFILE_DOC => Ok(Profile::Doc),
        IOTWIRE_COAP_PROFILE_V3_2_0 => Ok(Profile::V3_2_0),
        IOTWIRE_COAP_PROFILE_V2_3_0 => Ok(Profile::V2_3_0),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// The `IOTWIRE_COAP_FORMAT_*` selector.
pub(crate) fn format(v: u32) -> Result<Format, iotwire_status_t> {
    Format::from_content_format(v).ok_or(IOTWIRE_ERR_INVALID_SELECTOR)
}

/// Borrowed view of the caller's auth options and the spans it reads.
pub(crate) struct AuthBorrowed<'a> {
    pub(crate) params: AuthParams<'a>,
    pub(crate) spans: [Span; 5],
}

/// Reads the caller's auth options.
///
/// # Safety
/// `opts` must be NULL or point to a readable `iotwire_coap_auth_options_t` of at least
/// `opts->struct_size` bytes whose strings follow the `iotwire_str_t` contract for `'a`.
pub(crate) unsafe fn borrow_auth<'a>(
    opts: *const iotwire_coap_auth_options_t,
) -> Result<AuthBorrowed<'a>, iotwire_status_t> {
    if opts.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { opts.cast::<u32>().read() } as usize;
    if size < AUTH_OPTIONS_SIZE {
        return Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    }
    // SAFETY: the caller's struct is at least as large as ours (checked); all fields are plain
    // data valid for any bit pattern; nothing writes while the reference lives.
    let o = unsafe { &*opts };
    let known = IOTWIRE_COAP_AUTH_FLAG_SEQ | IOTWIRE_COAP_AUTH_FLAG_ACK_MODE;
    if o.reserved != 0 || o.flags & !known != 0 {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    let ack_mode = if o.flags & IOTWIRE_COAP_AUTH_FLAG_ACK_MODE != 0 {
        Some(u8::try_from(o.ack_mode).map_err(|_| IOTWIRE_ERR_INVALID_ARGUMENT)?)
    } else {
        None
    };
    // SAFETY: every string follows the iotwire_str_t contract (caller).
    let strs = unsafe {
        [
            input(o.product_key)?,
            input(o.device_name)?,
            input(o.device_secret)?,
            input(o.client_id)?,
            input(o.timestamp)?,
        ]
    };
    let [
        product_key,
        device_name,
        device_secret,
        client_id,
        timestamp,
    ] = strs;
    let params = AuthParams {
        profile: profile(o.profile)?,
        format: format(o.format)?,
        sign_method: sign_method(o.sign_method)?,
        product_key,
        device_name,
        device_secret,
        client_id,
        timestamp,
        ack_mode,
        seq: (o.flags & IOTWIRE_COAP_AUTH_FLAG_SEQ != 0).then_some(o.seq),
    };
    Ok(AuthBorrowed {
        params,
        spans: strs.map(Span::of),
    })
}

/// @brief Writes the auth sign content: the submitted members except `version`, `sign`,
/// `resources` and `signmethod`, sorted by name, as `name value` pairs without separators,
/// e.g. `clientIdpk.dndeviceNamednproductKeypkseq10`.
///
/// Nothing secret is in it: log it to see what the server should have signed.
/// @param[in] opts The auth request.
/// @param[out] out Buffer for the NUL-terminated content, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_AUTH_SIGN_CONTENT_MAX_SIZE` fits any.
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `opts->struct_size` too small.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown profile, format or sign method.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY, IOTWIRE_ERR_INVALID_DEVICE_NAME,
///         IOTWIRE_ERR_INVALID_CLIENT_ID, IOTWIRE_ERR_INVALID_TIMESTAMP,
///         IOTWIRE_ERR_MISSING_FIELD (no DeviceSecret, documented profile),
///         IOTWIRE_ERR_INVALID_ARGUMENT (reserved bits, `ackMode` > 1, a legacy profile with
///         documented-only members or CBOR, seq > 2147483647 in the documented profile).
/// @retval IOTWIRE_ERR_UNSUPPORTED the sign method was compiled out.
///
/// @code{c}
/// char content[IOTWIRE_COAP_AUTH_SIGN_CONTENT_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_coap_auth_get_sign_content(&auth, content, sizeof content, &len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_get_sign_content(
    opts: *const iotwire_coap_auth_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow_auth(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    if let Err(e) = b.params.validate() {
        return from_error(e);
    }
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe { emit_text(t, &b.spans, None, |s| sign::write_content(&b.params, s)) }
}

/// @brief Writes the auth sign: lower-case hex of `MAC(DeviceSecret, sign content)` (32
/// characters with hmacmd5, 40 with hmacsha1, 64 with hmacsha256).
/// @param[in] opts The auth request.
/// @param[out] out Buffer for the NUL-terminated sign, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_AUTH_SIGN_MAX_SIZE` fits any.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_coap_auth_get_sign_content()`.
///
/// @code{c}
/// char sign[IOTWIRE_COAP_AUTH_SIGN_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_coap_auth_get_sign(&auth, sign, sizeof sign, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_coap_auth_get_sign_content()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_get_sign(
    opts: *const iotwire_coap_auth_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow_auth(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let digest = match sign::compute(&b.params) {
        Ok(d) => d,
        Err(e) => return from_error(e),
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let len = sign::sign_len(&b.params);
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe { emit_text(t, &b.spans, Some(len), |s| sign::write_sign(&digest, s)) }
}

/// Validates, signs once, and runs `write` with the digest as a binary output.
///
/// # Safety
/// As `iotwire_coap_auth_get_payload()`.
unsafe fn payload_export(
    opts: *const iotwire_coap_auth_options_t,
    out: BytesOut,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow_auth(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let digest = match sign::compute(&b.params) {
        Ok(d) => d,
        Err(e) => return from_error(e),
    };
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe {
        emit_bytes(out, &b.spans, None, |s| {
            payload::write_payload(&b.params, &digest, s)
        })
    }
}

/// @brief Writes the auth payload: JSON without spaces (`{"productKey":…,"deviceName":…,
/// "clientId":…,"sign":…[,"signmethod":…][,"timestamp":…][,"ackMode":N][,"seq":"N"]}`) or the
/// same members as a CBOR map. Binary output: no NUL is appended.
/// @param[in] opts The auth request.
/// @param[out] out Buffer for the payload bytes, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE` fits any.
/// @param[out] out_len Bytes written, or the exact size needed for a size query.
/// @return As `iotwire_coap_auth_get_sign_content()`.
///
/// @code{c}
/// uint8_t payload[IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_coap_auth_get_payload(&auth, payload, sizeof payload, &len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_get_payload(
    opts: *const iotwire_coap_auth_options_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract.
    unsafe { payload_export(opts, b) }
}

/// @brief Describes the inputs of an Alibaba DTLS-PSK credential. Initialise with
/// `iotwire_coap_dtls_psk_options_init()`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_coap_dtls_psk_options_t {
    /// `sizeof(iotwire_coap_dtls_psk_options_t)`.
    pub struct_size: u32,
    /// `IOTWIRE_COAP_DTLS_PSK_FORM_*`.
    pub form: u32,
    /// `IOTWIRE_SIGN_METHOD_*` (0 default = hmacsha256; 1 hmacmd5, 2 hmacsha1, 3 hmacsha256).
    pub sign_method: u32,
    /// Reserved, must be 0.
    pub reserved: u32,
    /// ProductKey.
    pub product_key: iotwire_str_t,
    /// DeviceName.
    pub device_name: iotwire_str_t,
    /// DeviceSecret.
    pub device_secret: iotwire_str_t,
    /// Timestamp in milliseconds, decimal; empty means 2524608000000 (the SDKs' constant).
    pub timestamp: iotwire_str_t,
}

const PSK_OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_coap_dtls_psk_options_t>();

/// @brief Fills `opts` with the defaults: documented form, hmacsha256, default timestamp.
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_coap_dtls_psk_options_t psk;
/// iotwire_coap_dtls_psk_options_init(&psk);
/// psk.form = IOTWIRE_COAP_DTLS_PSK_FORM_SDK;
/// psk.product_key = iotwire_str("a1X2bEnP82z");
/// @endcode
///
/// # Safety
/// `opts` must be NULL or point to writable memory for one `iotwire_coap_dtls_psk_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_dtls_psk_options_init(
    opts: *mut iotwire_coap_dtls_psk_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_coap_dtls_psk_options_t {
        struct_size: PSK_OPTIONS_SIZE as u32,
        form: IOTWIRE_COAP_DTLS_PSK_FORM_DOC,
        sign_method: 0,
        reserved: 0,
        product_key: iotwire_str_t::EMPTY,
        device_name: iotwire_str_t::EMPTY,
        device_secret: iotwire_str_t::EMPTY,
        timestamp: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

/// Reads the caller's PSK options.
///
/// # Safety
/// As [`borrow_auth`], for `iotwire_coap_dtls_psk_options_t`.
unsafe fn borrow_psk<'a>(
    opts: *const iotwire_coap_dtls_psk_options_t,
) -> Result<(PskParams<'a>, [Span; 4]), iotwire_status_t> {
    if opts.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { opts.cast::<u32>().read() } as usize;
    if size < PSK_OPTIONS_SIZE {
        return Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    }
    // SAFETY: as in `borrow_auth`.
    let o = unsafe { &*opts };
    if o.reserved != 0 {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    let form = match o.form {
        IOTWIRE_COAP_DTLS_PSK_FORM_DOC => Form::Doc,
        IOTWIRE_COAP_DTLS_PSK_FORM_SDK => Form::Sdk,
        _ => return Err(IOTWIRE_ERR_INVALID_SELECTOR),
    };
    let method = sign_method(o.sign_method)?.unwrap_or(SignMethod::HmacSha256);
    // SAFETY: every string follows the iotwire_str_t contract (caller).
    let strs = unsafe {
        [
            input(o.product_key)?,
            input(o.device_name)?,
            input(o.device_secret)?,
            input(o.timestamp)?,
        ]
    };
    let [product_key, device_name, device_secret, timestamp] = strs;
    Ok((
        PskParams {
            form,
            method,
            product_key,
            device_name,
            device_secret,
            timestamp,
        },
        strs.map(Span::of),
    ))
}

/// @brief Writes the DTLS-PSK identity, `devicename|<signmethod>|<pk>&<dn>|<timestamp>` (the
/// same in both forms).
/// @param[in] opts The device and form.
/// @param[out] out Buffer for the NUL-terminated identity, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_DTLS_PSK_IDENTITY_MAX_SIZE` fits any.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE, IOTWIRE_ERR_INVALID_SELECTOR (form, sign method),
///         IOTWIRE_ERR_INVALID_ARGUMENT (reserved), IOTWIRE_ERR_INVALID_PRODUCT_KEY,
///         IOTWIRE_ERR_INVALID_DEVICE_NAME, IOTWIRE_ERR_INVALID_TIMESTAMP.
///
/// @code{c}
/// char identity[IOTWIRE_COAP_DTLS_PSK_IDENTITY_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_coap_dtls_psk_get_identity(&psk, identity, sizeof identity, &len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_dtls_psk_get_identity(
    opts: *const iotwire_coap_dtls_psk_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let (p, spans) = match unsafe { borrow_psk(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe { emit_text(t, &spans, None, |s| dtls_psk::write_identity(&p, s)) }
}

/// @brief Writes the DTLS-PSK key bytes to hand to the DTLS library: the raw MAC (documented
/// form: 16/20/32 bytes) or the upper-case hex text of the MAC (SDK form: 32/40/64 bytes).
/// Binary output: no NUL is appended.
/// @param[in] opts The device, secret and form.
/// @param[out] out Buffer for the key, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_DTLS_PSK_KEY_MAX_SIZE` fits any.
/// @param[out] out_len Bytes written, or the exact size needed for a size query.
/// @return As `iotwire_coap_dtls_psk_get_identity()`; IOTWIRE_ERR_MISSING_FIELD without a
///         DeviceSecret; IOTWIRE_ERR_UNSUPPORTED if the sign method was compiled out.
///
/// @code{c}
/// uint8_t key[IOTWIRE_COAP_DTLS_PSK_KEY_MAX_SIZE];
/// size_t key_len;
/// int32_t rc = iotwire_coap_dtls_psk_get_key(&psk, key, sizeof key, &key_len);
/// @endcode
///
/// # Safety
/// As `iotwire_coap_dtls_psk_get_identity()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_dtls_psk_get_key(
    opts: *const iotwire_coap_dtls_psk_options_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let (p, spans) = match unsafe { borrow_psk(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    if let Err(e) = p.validate_key() {
        return from_error(e);
    }
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe { emit_bytes(b, &spans, Some(p.key_len()), |s| dtls_psk::write_key(&p, s)) }
}
