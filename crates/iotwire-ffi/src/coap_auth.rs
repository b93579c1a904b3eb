//! `iotwire_coap_auth_*` and `iotwire_coap_dtls_psk_*`: Alibaba CoAP authentication
//! (`POST /auth`) and DTLS-PSK credentials.
//!
//! The request is described by one options struct; the sign content, the sign, the payload
//! and the whole datagram are separate outputs of the same description, so a caller can show
//! exactly what was signed. The datagram and the reply handling use the caller-owned
//! `iotwire_coap_session_t` (message id, token, auth token, AES key, seq).

use crate::boundary::{BytesOut, Span, TextOut, emit_bytes, emit_text, input, input_bytes};
use crate::coap::{
    IOTWIRE_COAP_FORMAT_JSON, IOTWIRE_COAP_PROFILE_DOC, IOTWIRE_COAP_PROFILE_V2_3_0,
    IOTWIRE_COAP_PROFILE_V3_2_0,
};
use crate::coap_session::{iotwire_coap_session_t, session_mut};
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::Error;
use iotwire::coap::decode::Message;
use iotwire::coap::header::Token;
use iotwire::coap_auth::dtls_psk::{self, Form, PskParams};
use iotwire::coap_auth::reply::Reply;
use iotwire::coap_auth::response;
use iotwire::coap_auth::{AuthParams, Format, Profile, payload, request, sign};
use iotwire::mac::SignMethod;

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
/// Capacity that holds any auth request datagram (payload + header, token and options).
pub const IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE: usize = 352;

/// Reply flag: `random` was present (symmetric mode).
pub const IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM: u32 = 1;
/// Reply flag: `seqOffset` was present (symmetric mode).
pub const IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET: u32 = 2;

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
    /// `IOTWIRE_COAP_FORMAT_JSON` or `IOTWIRE_COAP_FORMAT_CBOR` (Content-Format and Accept;
    /// CBOR needs the Cargo feature `coap-cbor`, which the full build has).
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

/// True when an input the export reads (the auth strings and `more`) lies in the session it
/// changes: refused, since the session is borrowed exclusively while the inputs are read.
fn inputs_in_session(session: Span, p: &AuthParams<'_>, more: &[u8]) -> bool {
    auth_spans(p, Span::of(more))
        .iter()
        .any(|s| s.overlaps(session))
}

/// The caller ranges an auth request reads (its five strings) and `extra`, for the overlap
/// checks.
#[inline(never)]
fn auth_spans(p: &AuthParams<'_>, extra: Span) -> [Span; 6] {
    [
        Span::of(p.product_key),
        Span::of(p.device_name),
        Span::of(p.device_secret),
        Span::of(p.client_id),
        Span::of(p.timestamp),
        extra,
    ]
}

/// Reads the caller's auth options.
///
/// # Safety
/// `opts` must be NULL or point to a readable `iotwire_coap_auth_options_t` of at least
/// `opts->struct_size` bytes whose strings follow the `iotwire_str_t` contract for `'a`.
pub(crate) unsafe fn borrow_auth<'a>(
    opts: *const iotwire_coap_auth_options_t,
) -> Result<AuthParams<'a>, iotwire_status_t> {
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
    let mut strs: [&[u8]; 5] = [&[]; 5];
    let fields = [
        o.product_key,
        o.device_name,
        o.device_secret,
        o.client_id,
        o.timestamp,
    ];
    for (s, f) in strs.iter_mut().zip(fields) {
        // SAFETY: every string follows the iotwire_str_t contract (caller).
        *s = unsafe { input(f)? };
    }
    let [
        product_key,
        device_name,
        device_secret,
        client_id,
        timestamp,
    ] = strs;
    Ok(AuthParams {
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
/// @retval IOTWIRE_ERR_UNSUPPORTED the sign method, or CBOR (Cargo feature `coap-cbor`), was
///         compiled out.
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
    let p = match unsafe { borrow_auth(opts) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    if let Err(e) = p.validate() {
        return from_error(e);
    }
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe {
        emit_text(t, &auth_spans(&p, Span::of(&[])), None, |s| {
            sign::write_content(&p, s)
        })
    }
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
    let p = match unsafe { borrow_auth(opts) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    let mut digest = sign::SignMac::new();
    if let Err(e) = sign::compute_into(&p, &mut digest) {
        return from_error(e);
    }
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let len = sign::sign_len(&p);
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe {
        emit_text(t, &auth_spans(&p, Span::of(&[])), Some(len), |s| {
            sign::write_sign(&digest, s)
        })
    }
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
    let p = match unsafe { borrow_auth(opts) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    let mut digest = sign::SignMac::new();
    if let Err(e) = sign::compute_into(&p, &mut digest) {
        return from_error(e);
    }
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe {
        emit_bytes(out, &auth_spans(&p, Span::of(&[])), None, |s| {
            payload::write_payload(&p, digest.as_bytes(), s)
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

/// Validates, signs once, and writes the datagram with `message_id` and `token`.
///
/// # Safety
/// As `iotwire_coap_auth_build_request()`; `extra` are further caller ranges for the overlap
/// check.
unsafe fn datagram_export(
    p: &AuthParams<'_>,
    message_id: u16,
    token: &Token,
    extra: Span,
    out: BytesOut,
) -> iotwire_status_t {
    let mut digest = sign::SignMac::new();
    if let Err(e) = sign::compute_into(p, &mut digest) {
        return from_error(e);
    }
    let spans = auth_spans(p, extra);
    // SAFETY: forwarded caller contract; `spans` lists every caller range the writer reads.
    unsafe {
        emit_bytes(out, &spans, None, |s| {
            request::write_request(p, digest.as_bytes(), message_id, token, s)
        })
    }
}

/// @brief Writes the complete auth datagram with a caller-chosen message id and CoAP token:
/// CON POST, Uri-Path `auth`, Content-Format and Accept (50 or 60), payload marker, payload.
/// For callers with their own message-id/token bookkeeping; iotwire_coap_auth_build() takes
/// both from a session instead.
/// @param[in] opts The auth request.
/// @param[in] message_id CoAP message id.
/// @param[in] token CoAP token bytes (may be NULL when `token_len` is 0).
/// @param[in] token_len 0..8.
/// @param[out] out Buffer for the datagram, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE` fits any.
/// @param[out] out_len Bytes written, or the exact size needed for a size query.
/// @return As `iotwire_coap_auth_get_sign_content()`; IOTWIRE_ERR_INVALID_ARGUMENT when
///         `token_len` > 8; IOTWIRE_ERR_NULL_POINTER for `token` NULL with `token_len` > 0.
///
/// @code{c}
/// static const uint8_t tok[4] = {0x04, 0x03, 0x02, 0x01};
/// uint8_t dgram[IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
/// size_t n;
/// int32_t rc = iotwire_coap_auth_build_request(&auth, 1000, tok, sizeof tok, dgram, sizeof dgram, &n);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct; `token` must be NULL or readable for
/// `token_len` bytes; `out` must be NULL or writable for `out_cap` bytes; `out_len` must be
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_build_request(
    opts: *const iotwire_coap_auth_options_t,
    message_id: u16,
    token: *const u8,
    token_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let p = match unsafe { borrow_auth(opts) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let token_bytes = match unsafe { input_bytes(token, token_len) } {
        Ok(t) => t,
        Err(e) => return e,
    };
    let token = match Token::new(token_bytes) {
        Ok(t) => t,
        Err(e) => return from_error(e),
    };
    let out = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract.
    unsafe { datagram_export(&p, message_id, &token, Span::of(token_bytes), out) }
}

/// @brief Writes the complete auth datagram (as iotwire_coap_auth_build_request()) with the
/// session's next message id and CoAP token, and consumes them when the datagram was
/// written (a size query or a failure leaves the session as it was).
/// @param[in,out] session An initialised session.
/// @param[in] opts The auth request.
/// @param[out] out Buffer for the datagram, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE` fits any.
/// @param[out] out_len Bytes written, or the exact size needed for a size query.
/// @return As `iotwire_coap_auth_get_sign_content()`; IOTWIRE_ERR_COAP_INVALID_SESSION when
///         `session` was not initialised; IOTWIRE_ERR_INVALID_ARGUMENT when it is misaligned;
///         IOTWIRE_ERR_OVERLAP when `out` overlaps the session or an input string lies inside
///         it.
///
/// @code{c}
/// iotwire_coap_session_t session;
/// iotwire_coap_session_init(&session, (uint16_t)rand());
/// uint8_t dgram[IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
/// size_t n;
/// if (iotwire_coap_auth_build(&session, &auth, dgram, sizeof dgram, &n) == IOTWIRE_OK) udp_send(dgram, n);
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to a `iotwire_coap_session_t` nothing else accesses during
/// the call; otherwise as `iotwire_coap_auth_build_request()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_build(
    session: *mut iotwire_coap_session_t,
    opts: *const iotwire_coap_auth_options_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let session_span = Span::of_raw(session.cast_const());
    // SAFETY: forwarded caller contract.
    let p = match unsafe { borrow_auth(opts) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    if inputs_in_session(session_span, &p, &[]) {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: forwarded caller contract; no input lies in the session (checked).
    let s = match unsafe { session_mut(session) } {
        Ok(s) => s,
        Err(e) => return e,
    };
    let reserved = s.reserve();
    let query = out.is_null();
    let out = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; the session is a further caller range the output
    // must not overlap.
    let rc =
        unsafe { datagram_export(&p, reserved.message_id, &reserved.token, session_span, out) };
    if rc == IOTWIRE_OK && !query {
        s.commit(&reserved, true, true, false);
    }
    rc
}

/// @brief What a 2.05 auth response carried. Written only on success.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_coap_auth_reply_t {
    /// The response code byte (`class << 5 | detail`): 0x45 for 2.05.
    pub code: u8,
    /// CoAP message type: 0 CON (separate response), 1 NON, 2 ACK (piggy-backed).
    pub message_type: u8,
    /// CoAP message id (matches the request's for a piggy-backed ACK).
    pub message_id: u16,
    /// `IOTWIRE_COAP_AUTH_REPLY_HAS_*` bits.
    pub flags: u32,
    /// `seqOffset` (with `IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET`).
    pub seq_offset: u32,
    /// CoAP token length (0..8), to match the response to the request.
    pub coap_token_len: u32,
    /// CoAP token bytes.
    pub coap_token: [u8; 8],
    /// Length of `auth_token` (without NUL).
    pub auth_token_len: usize,
    /// Length of `random` (without NUL; 0 when absent).
    pub random_len: usize,
    /// The auth token, NUL-terminated (at most 192 characters).
    pub auth_token: [c_char; 193],
    /// `random`, NUL-terminated (at most 32 characters).
    pub random: [c_char; 33],
}

/// Fills the caller's reply from a parsed response, in place: zeroed first (which also ends
/// the texts), then field by field, so no second copy of the token is built and moved.
///
/// # Safety
/// `dst` must be non-NULL, aligned and writable for one `iotwire_coap_auth_reply_t`, and
/// disjoint from the datagram `m` borrows.
pub(crate) unsafe fn fill_reply(
    dst: *mut iotwire_coap_auth_reply_t,
    m: Option<&Message<'_>>,
    r: &Reply,
) {
    // SAFETY: writable for one struct (caller contract); every field is an integer or an
    // integer array, so all-zero bytes are a valid value, and after this a reference to it is
    // a reference to an initialised struct.
    let reply = unsafe {
        dst.write_bytes(0, 1);
        &mut *dst
    };
    // Without the datagram (iotwire_coap_auth_parse_payload()) the CoAP fields stay 0.
    if let Some(m) = m {
        reply.code = m.header.code.0;
        reply.message_type = m.header.message_type.bits();
        reply.message_id = m.header.message_id;
        reply.coap_token_len = m.token.len() as u32;
        for (d, s) in reply.coap_token.iter_mut().zip(m.token) {
            *d = *s;
        }
    }
    reply.auth_token_len = r.token().len();
    copy_text(r.token(), &mut reply.auth_token);
    if let Some(random) = r.random() {
        reply.random_len = random.len();
        copy_text(random, &mut reply.random);
        reply.flags |= IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM;
    }
    if let Some(offset) = r.seq_offset {
        reply.seq_offset = offset;
        reply.flags |= IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET;
    }
}

/// Copies `text` into the start of a zeroed C array longer than any text it gets (so a NUL
/// stays after it).
fn copy_text(text: &[u8], dst: &mut [c_char]) {
    for (d, s) in dst.iter_mut().zip(text) {
        *d = *s as c_char;
    }
}

/// Parses a datagram and fills a reply, without writing anything on failure.
///
/// # Safety
/// `reply` must be NULL or writable for one `iotwire_coap_auth_reply_t`.
unsafe fn parse_export(
    bytes: &[u8],
    requested: Format,
    on_ok: &mut dyn FnMut(&Reply) -> Result<(), Error>,
    reply: *mut iotwire_coap_auth_reply_t,
    reply_optional: bool,
) -> iotwire_status_t {
    if reply.is_null() && !reply_optional {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    if !reply.is_null() && Span::of(bytes).overlaps(Span::of_raw(reply.cast_const())) {
        return IOTWIRE_ERR_OVERLAP;
    }
    let mut parsed = Reply::default();
    let m = match response::parse(bytes, requested, &mut parsed).and_then(|m| {
        on_ok(&parsed)?;
        Ok(m)
    }) {
        Ok(m) => m,
        Err(e) => return from_error(e),
    };
    if !reply.is_null() {
        // SAFETY: non-NULL, writable for one struct (caller contract), disjoint from the
        // datagram (checked).
        unsafe { fill_reply(reply, Some(&m), &parsed) };
    }
    IOTWIRE_OK
}

/// @brief Decodes an auth response datagram: a 2.05 gives the auth token (and, in symmetric
/// mode, `random` and `seqOffset`); the documented error codes give typed statuses.
///
/// The payload is read in the format the response's Content-Format option names, or without
/// that option in `format` (what the request's Accept asked for).
/// @param[in] datagram The received datagram.
/// @param[in] datagram_len Its length.
/// @param[in] format `IOTWIRE_COAP_FORMAT_JSON` or `IOTWIRE_COAP_FORMAT_CBOR`.
/// @param[out] reply Filled on success only.
/// @retval IOTWIRE_OK 2.05 with a valid token.
/// @retval IOTWIRE_ERR_NULL_POINTER `reply` NULL, or `datagram` NULL with a length.
/// @retval IOTWIRE_ERR_OVERLAP `reply` overlaps `datagram`.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown `format`.
/// @retval IOTWIRE_ERR_COAP_MALFORMED not a well-formed CoAP datagram.
/// @retval IOTWIRE_ERR_COAP_EMPTY_ACK an empty ACK (`ackMode` 1): the response follows.
/// @retval IOTWIRE_ERR_COAP_BAD_REQUEST, IOTWIRE_ERR_COAP_UNAUTHORIZED (sign refused),
///         IOTWIRE_ERR_COAP_FORBIDDEN, IOTWIRE_ERR_COAP_NOT_FOUND,
///         IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED, IOTWIRE_ERR_COAP_NOT_ACCEPTABLE,
///         IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT, IOTWIRE_ERR_COAP_SERVER_ERROR (retry
///         later) the documented codes 4.00 ... 5.00.
/// @retval IOTWIRE_ERR_COAP_UNEXPECTED_CODE any other code, a Reset or a request.
/// @retval IOTWIRE_ERR_INVALID_JSON, IOTWIRE_ERR_INVALID_CBOR malformed payload or member
///         types.
/// @retval IOTWIRE_ERR_MISSING_FIELD no or empty `token`.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT token over 192 or random over 32 characters, either
///         not visible ASCII, `seqOffset` outside 0..2147483647, or an unknown Content-Format.
/// @retval IOTWIRE_ERR_UNSUPPORTED a CBOR reply in a build without the Cargo feature
///         `coap-cbor`.
///
/// @code{c}
/// iotwire_coap_auth_reply_t reply;
/// int32_t rc = iotwire_coap_auth_parse_response(buf, n, IOTWIRE_COAP_FORMAT_JSON, &reply);
/// if (rc == IOTWIRE_OK) printf("token %s\n", reply.auth_token);
/// @endcode
///
/// # Safety
/// `datagram` must be NULL or readable for `datagram_len` bytes; `reply` must be NULL or
/// writable for one `iotwire_coap_auth_reply_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_parse_response(
    datagram: *const u8,
    datagram_len: usize,
    format: u32,
    reply: *mut iotwire_coap_auth_reply_t,
) -> iotwire_status_t {
    let requested = match self::format(format) {
        Ok(f) => f,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let bytes = match unsafe { input_bytes(datagram, datagram_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    // SAFETY: `reply` is NULL or writable (caller contract).
    unsafe { parse_export(bytes, requested, &mut |_| Ok(()), reply, false) }
}

/// @brief Decodes an auth response (as iotwire_coap_auth_parse_response(), in the format
/// `opts` requested) and stores what it grants into the session: the auth token and, for a
/// symmetric-mode request (`IOTWIRE_COAP_AUTH_FLAG_SEQ`), the AES-128 key derived from the
/// DeviceSecret and `random` plus the seq base from `seqOffset` (documented profile: first
/// seq `seqOffset + 1`; legacy profiles: `seqOffset`). The session's previous credentials are
/// forgotten; on any failure the session is unchanged.
/// @param[in,out] session An initialised session.
/// @param[in] opts The auth request this responds to (profile, format, DeviceSecret, seq flag).
/// @param[in] datagram The received datagram.
/// @param[in] datagram_len Its length.
/// @param[out] reply Filled on success; may be NULL.
/// @return As iotwire_coap_auth_parse_response(); IOTWIRE_ERR_MISSING_FIELD when a symmetric
///         request's reply lacks `random` or `seqOffset`; IOTWIRE_ERR_UNSUPPORTED for
///         symmetric mode without the `coap-symmetric` feature; session errors as
///         iotwire_coap_auth_build(); IOTWIRE_ERR_OVERLAP when `reply`, `datagram` or an input
///         string overlaps the session.
///
/// @code{c}
/// n = udp_recv(buf, sizeof buf);
/// rc = iotwire_coap_auth_accept_response(&session, &auth, buf, n, NULL);
/// if (rc == IOTWIRE_ERR_COAP_EMPTY_ACK) { ... wait for the separate response ... }
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to a `iotwire_coap_session_t` nothing else accesses during
/// the call; `opts` NULL or a valid options struct; `datagram` NULL or readable for
/// `datagram_len` bytes; `reply` NULL or writable for one `iotwire_coap_auth_reply_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_accept_response(
    session: *mut iotwire_coap_session_t,
    opts: *const iotwire_coap_auth_options_t,
    datagram: *const u8,
    datagram_len: usize,
    reply: *mut iotwire_coap_auth_reply_t,
) -> iotwire_status_t {
    let session_span = Span::of_raw(session.cast_const());
    if !reply.is_null() && session_span.overlaps(Span::of_raw(reply.cast_const())) {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: forwarded caller contract.
    let p = match unsafe { borrow_auth(opts) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let bytes = match unsafe { input_bytes(datagram, datagram_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    if inputs_in_session(session_span, &p, bytes) {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: forwarded caller contract; no input lies in the session (checked).
    let s = match unsafe { session_mut(session) } {
        Ok(s) => s,
        Err(e) => return e,
    };
    let mut store = |r: &Reply| response::accept(s, &p, r);
    // SAFETY: `reply` is NULL or writable (caller contract), outside the session (checked).
    unsafe { parse_export(bytes, p.format, &mut store, reply, true) }
}
