//! `iotwire_http_*`: the HTTPS device access of the Alibaba Cloud IoT Platform (`/auth`,
//! `/topic/...`) and the parsing of its replies. The firmware keeps the TLS connection; these
//! functions write the request bytes and read the reply body.

use crate::boundary::{
    BytesOut, Span, TextOut, emit_bytes_of, emit_text, emit_text_of, input_all, input_bytes,
};
use crate::selectors::*;
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::http::Profile;
use iotwire::http::dynreg::Endpoint;
use iotwire::http::publish::{Publish, PublishParams};
use iotwire::http::response;
use iotwire::http::signed::{self, Kind, Params, Part, SignHex, SignedRequest};
use iotwire::mac::SignMethod;
use iotwire::mqtt::region::Region;
use iotwire::sink::Sink;

/// Profile: the wire form of the platform documentation.
pub const IOTWIRE_HTTP_PROFILE_DOC: u32 = 0;
/// Profile: byte-exact iotkit-embedded v3.2.0 (`Connection: Keep-Alive`, lower-case hex
/// hmacsha1 auth sign, legacy name limits, empty secrets accepted).
pub const IOTWIRE_HTTP_PROFILE_V3_2_0: u32 = 1;

/// Flag: accept legacy ProductKeys/DeviceNames (only lengths 20/32 and body-safe bytes checked).
pub const IOTWIRE_HTTP_FLAG_LAX_NAMES: u32 = 1;

/// Part: the complete request (request line, headers, blank line, body).
pub const IOTWIRE_HTTP_PART_REQUEST: u32 = 0;
/// Part: the body alone (for HTTP clients that write their own head).
pub const IOTWIRE_HTTP_PART_BODY: u32 = 1;
/// Part: the sign (hex HMAC) alone.
pub const IOTWIRE_HTTP_PART_SIGN: u32 = 2;
/// Part: the sign content, the exact bytes the HMAC covers (holds no secret).
pub const IOTWIRE_HTTP_PART_SIGN_CONTENT: u32 = 3;

/// The platform's limit on a publish body: 128 KB.
pub const IOTWIRE_HTTP_PAYLOAD_MAX: usize = 131072;
/// Capacity that holds any token `iotwire_http_parse_response()` accepts, NUL included.
pub const IOTWIRE_HTTP_TOKEN_MAX_SIZE: usize = 257;
/// Capacity that holds any auth request or body this library writes, NUL included.
pub const IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE: usize = 1024;
/// Capacity that holds any publish head with a topic of at most 300 characters, NUL included.
pub const IOTWIRE_HTTP_PUBLISH_HEAD_MAX_SIZE: usize = 1024;

/// Response kind: any reply; only `code` is required.
pub const IOTWIRE_HTTP_RESPONSE_ANY: u32 = 0;
/// Response kind: the `/auth` reply; code 0 must carry `info.token`.
pub const IOTWIRE_HTTP_RESPONSE_AUTH: u32 = 1;
/// Response kind: the `/topic/...` reply; code 0 must carry `info.messageId`.
pub const IOTWIRE_HTTP_RESPONSE_PUBLISH: u32 = 2;

/// @brief Describes the device for `POST /auth`. Initialise with
/// `iotwire_http_auth_options_init()`, then set the strings; empty strings mean "not given".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_http_auth_options_t {
    /// `sizeof(iotwire_http_auth_options_t)`, set by `iotwire_http_auth_options_init()`.
    pub struct_size: u32,
    /// `IOTWIRE_HTTP_PROFILE_*`.
    pub profile: u32,
    /// `IOTWIRE_SIGN_METHOD_DEFAULT` (hmacsha1), `_HMACSHA1` or `_HMACMD5` (documented form
    /// only); hmacsha256 is not offered by the platform for HTTPS.
    pub sign_method: u32,
    /// `IOTWIRE_REGION_SHANGHAI` (the public endpoint) or `IOTWIRE_REGION_CUSTOM` (`host`).
    pub region: u32,
    /// `IOTWIRE_HTTP_FLAG_*` bits.
    pub flags: u32,
    /// Reserved, must be 0.
    pub reserved: u32,
    /// ProductKey.
    pub product_key: iotwire_str_t,
    /// DeviceName.
    pub device_name: iotwire_str_t,
    /// DeviceSecret.
    pub device_secret: iotwire_str_t,
    /// Client id (at most 64 characters); default `<pk>.<dn>`.
    pub client_id: iotwire_str_t,
    /// Milliseconds since the epoch, decimal; optional (the platform then checks it is
    /// within 15 minutes).
    pub timestamp: iotwire_str_t,
    /// Instance endpoint, used verbatim with `IOTWIRE_REGION_CUSTOM`.
    pub host: iotwire_str_t,
}

const AUTH_OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_http_auth_options_t>();

/// @brief The outcome of `iotwire_http_parse_response()`. Set `struct_size` to
/// `sizeof(iotwire_http_response_t)` before the call; the library fills the rest.
///
/// Offsets and lengths point into the body that was parsed (the text between the quotes for
/// strings, escapes not decoded), so they stay valid as long as that body does.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_http_response_t {
    /// Set by the caller to `sizeof(iotwire_http_response_t)`.
    pub struct_size: u32,
    /// `IOTWIRE_OK` for code 0, else the code as `IOTWIRE_ERR_HTTP_*` (e.g.
    /// `IOTWIRE_ERR_HTTP_TOKEN_EXPIRED` for 20001, `IOTWIRE_ERR_HTTP_UNKNOWN_CODE` otherwise).
    pub platform_status: i32,
    /// The platform's `code`.
    pub code: i64,
    /// 1 when the token is no longer accepted (20001, 20003): authenticate again, then send
    /// the same message with the new token.
    pub reauth: u32,
    /// 1 when the body has a `message`.
    pub has_message: u32,
    /// 1 when the body has `info.token` (also written to the token buffer).
    pub has_token: u32,
    /// 1 when the body has `info.messageId`.
    pub has_message_id: u32,
    /// 1 when the body has `info.data` other than `null`.
    pub has_data: u32,
    /// Reserved, written as 0.
    pub reserved: u32,
    /// `info.messageId` (0 when absent).
    pub message_id: u64,
    /// Offset of `message` in the body (0 when absent).
    pub message_offset: usize,
    /// Length of `message` in the body (0 when absent).
    pub message_len: usize,
    /// Offset of `info.data` in the body: a string's text without quotes, any other value's
    /// JSON text (0 when absent).
    pub data_offset: usize,
    /// Length of `info.data` (0 when absent).
    pub data_len: usize,
}

/// The profile selector.
pub(crate) fn profile(v: u32) -> Result<Profile, iotwire_status_t> {
    match v {
        IOTWIRE_HTTP_PROFILE_DOC => Ok(Profile::Doc),
        IOTWIRE_HTTP_PROFILE_V3_2_0 => Ok(Profile::V320),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// The sign-method selector (`None` for the default).
pub(crate) fn sign_method(v: u32) -> Result<Option<SignMethod>, iotwire_status_t> {
    match v {
        IOTWIRE_SIGN_METHOD_DEFAULT => Ok(None),
        IOTWIRE_SIGN_METHOD_HMACMD5 => Ok(Some(SignMethod::HmacMd5)),
        IOTWIRE_SIGN_METHOD_HMACSHA1 => Ok(Some(SignMethod::HmacSha1)),
        IOTWIRE_SIGN_METHOD_HMACSHA256 => Ok(Some(SignMethod::HmacSha256)),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// Reads the `struct_size` that starts every options struct and checks it.
///
/// # Safety
/// `ptr` must be NULL or point to at least 4 readable bytes.
pub(crate) unsafe fn check_struct_size<T>(ptr: *const T) -> Result<u32, iotwire_status_t> {
    if ptr.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { ptr.cast::<u32>().read_unaligned() };
    if (size as usize) < core::mem::size_of::<T>() {
        return Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    }
    Ok(size)
}

/// The part selector.
pub(crate) fn part_of(v: u32) -> Result<Part, iotwire_status_t> {
    match v {
        IOTWIRE_HTTP_PART_REQUEST => Ok(Part::Request),
        IOTWIRE_HTTP_PART_BODY => Ok(Part::Body),
        IOTWIRE_HTTP_PART_SIGN => Ok(Part::Sign),
        IOTWIRE_HTTP_PART_SIGN_CONTENT => Ok(Part::SignContent),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// Emits `part` of a signed HTTPS request: the sign content, the sign, the body or the whole
/// request. The MAC is computed once, before the output is measured, and its hex text is
/// wiped when this returns. One copy serves both signed requests.
///
/// # Safety
/// As for [`emit_text`]; `strs` must be every caller range `r` reads.
pub(crate) unsafe fn emit_signed_part(
    t: TextOut,
    strs: &[&[u8]],
    part: Part,
    r: &SignedRequest<'_>,
) -> iotwire_status_t {
    let mut sign = SignHex::new();
    if part != Part::SignContent
        && let Err(e) = r.sign_into(&mut sign)
    {
        return from_error(e);
    }
    let hex = sign.text();
    // SAFETY: forwarded caller contract.
    unsafe {
        emit_text_of(t, strs, &[], None, &|s| {
            r.write(part, hex, s);
            Ok(())
        })
    }
}

/// @brief Fills `opts` with the defaults: documented form, hmacsha1, the public cn-shanghai
/// endpoint, all strings empty.
///
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_http_auth_options_t opts;
/// iotwire_http_auth_options_init(&opts);
/// opts.product_key = iotwire_str("a1X2bEnP82z");
/// opts.device_name = iotwire_str("example1");
/// opts.device_secret = iotwire_str(secret);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or point to writable memory for one `iotwire_http_auth_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_http_auth_options_init(
    opts: *mut iotwire_http_auth_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_http_auth_options_t {
        struct_size: AUTH_OPTIONS_SIZE as u32,
        profile: IOTWIRE_HTTP_PROFILE_DOC,
        sign_method: IOTWIRE_SIGN_METHOD_DEFAULT,
        region: IOTWIRE_REGION_SHANGHAI,
        flags: 0,
        reserved: 0,
        product_key: iotwire_str_t::EMPTY,
        device_name: iotwire_str_t::EMPTY,
        device_secret: iotwire_str_t::EMPTY,
        client_id: iotwire_str_t::EMPTY,
        timestamp: iotwire_str_t::EMPTY,
        host: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

/// The first fields of both signed-request options structs (`iotwire_http_auth_options_t`,
/// `iotwire_dynreg_https_options_t`): the same types in the same order, so either struct can
/// be read through this view (checked at compile time below). Reading the fields through
/// one view instead of copying them out of each struct keeps one copy of this code.
#[repr(C)]
pub(crate) struct SignedHead {
    struct_size: u32,
    profile: u32,
    sign_method: u32,
    region: u32,
    flags: u32,
    reserved: u32,
    /// ProductKey, DeviceName, the secret, the id (client id / random), then the timestamp
    /// (auth) or the host (registration).
    strings: [iotwire_str_t; 5],
}

macro_rules! same_head {
    ($t:ty, $($field:ident),*) => {
        const _: () = {
            assert!(core::mem::size_of::<$t>() >= core::mem::size_of::<SignedHead>());
            assert!(core::mem::align_of::<$t>() >= core::mem::align_of::<SignedHead>());
            let s = core::mem::size_of::<iotwire_str_t>();
            let base = core::mem::offset_of!(SignedHead, strings);
            let mut i = 0;
            $(
                assert!(core::mem::offset_of!($t, $field) == base + i * s);
                i += 1;
            )*
            assert!(i == 5);
            assert!(core::mem::offset_of!($t, reserved) == core::mem::offset_of!(SignedHead, reserved));
            assert!(core::mem::offset_of!($t, flags) == core::mem::offset_of!(SignedHead, flags));
            assert!(core::mem::offset_of!($t, region) == core::mem::offset_of!(SignedHead, region));
            assert!(core::mem::offset_of!($t, sign_method) == core::mem::offset_of!(SignedHead, sign_method));
            assert!(core::mem::offset_of!($t, profile) == core::mem::offset_of!(SignedHead, profile));
        };
    };
}
same_head!(
    iotwire_http_auth_options_t,
    product_key,
    device_name,
    device_secret,
    client_id,
    timestamp
);
same_head!(
    crate::dynreg::iotwire_dynreg_https_options_t,
    product_key,
    device_name,
    product_secret,
    random,
    host
);

/// Checks `opts->struct_size` against `T` and views the struct's first fields.
///
/// # Safety
/// `opts` must be NULL or point to a readable struct of at least `opts->struct_size` bytes;
/// `T` must be one of the two structs `same_head!` checks.
pub(crate) unsafe fn signed_head<'o, T>(
    opts: *const T,
) -> Result<&'o SignedHead, iotwire_status_t> {
    // SAFETY: forwarded caller contract.
    unsafe { check_struct_size(opts)? };
    // SAFETY: non-NULL and at least as large as `T` (checked), which starts with the fields
    // of `SignedHead` at the same offsets and is at least as large and as aligned (asserted
    // at compile time); all fields are plain data valid for any bits.
    Ok(unsafe { &*opts.cast::<SignedHead>() })
}

/// The body of `iotwire_http_get_auth()` and `iotwire_dynreg_https_get()`: checks the options
/// in the documented order, resolves the request and emits `part`. One copy serves both.
///
/// # Safety
/// The strings of `o` follow the `iotwire_str_t` contract; `t` as for [`emit_text`].
#[inline(never)]
pub(crate) unsafe fn signed_get(
    kind: Kind,
    o: Result<&SignedHead, iotwire_status_t>,
    last: iotwire_str_t,
    part: u32,
    t: TextOut,
) -> iotwire_status_t {
    let o = match o {
        Ok(o) => o,
        Err(e) => return e,
    };
    if o.reserved != 0 || o.flags & !IOTWIRE_HTTP_FLAG_LAX_NAMES != 0 {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    // Auth: ..., timestamp, host; registration: ..., host, (no timestamp).
    let [pk, dn, secret, id, fifth] = o.strings;
    let mut strs: [&[u8]; 6] = [&[]; 6];
    // SAFETY: the strings follow the iotwire_str_t contract (caller).
    if let Err(e) = unsafe { input_all(&[pk, dn, secret, id, fifth, last], &mut strs) } {
        return e;
    }
    let [product_key, device_name, secret, id, fifth, last] = strs;
    let (timestamp, host) = match kind {
        Kind::Auth => (fifth, last),
        Kind::Dynreg => (last, fifth),
    };
    let profile = match profile(o.profile) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let sign_method = match sign_method(o.sign_method) {
        Ok(m) => m,
        Err(e) => return e,
    };
    // HTTPS auth is offered on the public instance in cn-shanghai only; instances use `host`.
    let custom = o.region == IOTWIRE_REGION_CUSTOM;
    if kind == Kind::Auth && o.region != IOTWIRE_REGION_SHANGHAI && !custom {
        return IOTWIRE_ERR_INVALID_SELECTOR;
    }
    let endpoint = match (custom, host.is_empty()) {
        (true, false) => Endpoint::Host(host),
        (true, true) => return IOTWIRE_ERR_MISSING_FIELD,
        (false, false) => return IOTWIRE_ERR_INVALID_ARGUMENT,
        (false, true) => match Region::from_index(o.region) {
            Some(r) => Endpoint::Region(r),
            None => return IOTWIRE_ERR_INVALID_SELECTOR,
        },
    };
    let part = match part_of(part) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let params = Params {
        kind,
        profile,
        sign_method,
        endpoint,
        lax_names: o.flags & IOTWIRE_HTTP_FLAG_LAX_NAMES != 0,
        product_key,
        device_name,
        secret,
        id,
        timestamp,
    };
    let request = match signed::resolve(&params) {
        Ok(r) => r,
        Err(e) => return from_error(e),
    };
    // SAFETY: forwarded caller contract; `strs` are every caller range read.
    unsafe { emit_signed_part(t, &strs, part, &request) }
}

/// @brief Writes a part of the `POST /auth` request: the complete request, the JSON body, the
/// sign, or the sign content.
///
/// Documented form: `POST /auth HTTP/1.1`, `Host`, `Content-Type: application/json`,
/// `Content-Length`, then
/// `{"version":"default","clientId":..,"signmethod":..,"sign":..,"productKey":..,"deviceName":..[,"timestamp":..]}`
/// with an upper-case hex sign. `IOTWIRE_HTTP_PROFILE_V3_2_0` gives v3.2.0's bytes: a
/// `Connection: Keep-Alive` header, a space after the first comma, a lower-case sign.
/// sign = HMAC(DeviceSecret, `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]`).
/// @param[in] opts Device and form.
/// @param[in] part `IOTWIRE_HTTP_PART_REQUEST`, `_BODY`, `_SIGN` or `_SIGN_CONTENT`.
/// @param[out] out Buffer for the NUL-terminated text, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE` fits any part.
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `opts->struct_size` too small.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR Unknown part, profile or sign method, hmacsha256, a
///         region other than Shanghai/custom.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY, IOTWIRE_ERR_INVALID_DEVICE_NAME,
///         IOTWIRE_ERR_INVALID_CLIENT_ID, IOTWIRE_ERR_INVALID_TIMESTAMP,
///         IOTWIRE_ERR_INVALID_HOST, IOTWIRE_ERR_MISSING_FIELD (no secret) The inputs.
/// @retval IOTWIRE_ERR_UNSUPPORTED The sign method was compiled out.
///
/// @code{c}
/// char req[IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE];
/// size_t len;
/// if (iotwire_http_get_auth(&opts, IOTWIRE_HTTP_PART_REQUEST, req, sizeof req, &len) == IOTWIRE_OK)
///     tls_write(conn, req, len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_http_get_auth(
    opts: *const iotwire_http_auth_options_t,
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
    // The host follows the five strings of the shared head; read only once the size is known.
    let host = match head {
        // SAFETY: `opts` is non-NULL and as large as the struct (checked by `signed_head`).
        Ok(_) => unsafe { (*opts).host },
        Err(_) => iotwire_str_t::EMPTY,
    };
    // SAFETY: forwarded caller contract.
    unsafe { signed_get(Kind::Auth, head, host, part, t) }
}

/// Borrows and validates the publish inputs.
///
/// # Safety
/// The strings follow the `iotwire_str_t` contract for `'a`.
unsafe fn borrow_publish<'a>(
    profile_sel: u32,
    host: iotwire_str_t,
    topic: iotwire_str_t,
    token: iotwire_str_t,
    payload_len: usize,
) -> Result<(Publish<'a>, [&'a [u8]; 3]), iotwire_status_t> {
    let mut strs: [&[u8]; 3] = [&[]; 3];
    // SAFETY: forwarded caller contract.
    unsafe { input_all(&[host, topic, token], &mut strs)? };
    let [host, topic, token] = strs;
    let params = PublishParams {
        profile: profile(profile_sel)?,
        host: if host.is_empty() { None } else { Some(host) },
        topic,
        token,
        payload_len,
    };
    let p = Publish::resolve(&params).map_err(from_error)?;
    Ok((p, strs))
}

/// @brief Writes the head of `POST /topic/${topic}` (request line, `Host`, `password:<token>`,
/// `Content-Type: application/octet-stream`, `Content-Length`, blank line); send the payload
/// right after it. No copy of the payload is made.
///
/// `IOTWIRE_HTTP_PROFILE_V3_2_0` adds v3.2.0's `Connection: Keep-Alive` after `Host`.
/// @param[in] profile `IOTWIRE_HTTP_PROFILE_*`.
/// @param[in] host Instance endpoint, or empty for `iot-as-http.cn-shanghai.aliyuncs.com`.
/// @param[in] topic The MQTT topic, e.g. `/a1GFjLP3xxC/device123/user/update`; no
///            wildcards, `?` or `%`.
/// @param[in] token `info.token` of the auth reply (1..256 printable characters).
/// @param[in] payload_len Length of the payload that follows, at most
///            `IOTWIRE_HTTP_PAYLOAD_MAX`.
/// @param[out] out Buffer for the NUL-terminated head, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_HTTP_PUBLISH_HEAD_MAX_SIZE` fits any head
///            with a topic of up to 300 characters.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `out` NULL with `out_cap` > 0, or a
///         (NULL, len > 0) string.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR Unknown profile.
/// @retval IOTWIRE_ERR_HTTP_INVALID_TOPIC The topic cannot be a request path.
/// @retval IOTWIRE_ERR_MISSING_FIELD Empty token.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT Token over 256 characters or not printable.
/// @retval IOTWIRE_ERR_INVALID_HOST Malformed host.
/// @retval IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE `payload_len` over 128 KB.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP As for every text output.
///
/// @code{c}
/// char head[IOTWIRE_HTTP_PUBLISH_HEAD_MAX_SIZE];
/// size_t len;
/// rc = iotwire_http_publish_head(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(""),
///                                iotwire_str("/a1X2bEnP82z/example1/user/update"),
///                                iotwire_str(token), msg_len, head, sizeof head, &len);
/// if (rc == IOTWIRE_OK) { tls_write(conn, head, len); tls_write(conn, msg, msg_len); }
/// @endcode
///
/// # Safety
/// The strings follow the `iotwire_str_t` contract; `out` must be NULL or writable for
/// `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_http_publish_head(
    profile: u32,
    host: iotwire_str_t,
    topic: iotwire_str_t,
    token: iotwire_str_t,
    payload_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let (p, strs) = match unsafe { borrow_publish(profile, host, topic, token, payload_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `strs` are every caller range read.
    unsafe {
        emit_text_of(t, &strs, &[], None, &|s| {
            p.write_head(s);
            Ok(())
        })
    }
}

/// @brief Writes the complete `POST /topic/${topic}` request, head and payload, as bytes (no
/// NUL): for callers that send one buffer. Same head as `iotwire_http_publish_head()`.
///
/// The payload is sent exactly as given (v3.2.0 could append a NUL; this never does).
/// @param[in] profile `IOTWIRE_HTTP_PROFILE_*`.
/// @param[in] host Instance endpoint, or empty for the public one.
/// @param[in] topic The MQTT topic.
/// @param[in] token `info.token` of the auth reply.
/// @param[in] payload The message, any bytes; NULL only with `payload_len` 0.
/// @param[in] payload_len Its length, at most `IOTWIRE_HTTP_PAYLOAD_MAX`.
/// @param[out] out Buffer for the request, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the exact length needed for a size query.
/// @return As `iotwire_http_publish_head()`; IOTWIRE_ERR_OVERLAP also when `out` overlaps
///         the payload.
///
/// @code{c}
/// static uint8_t req[IOTWIRE_HTTP_PUBLISH_HEAD_MAX_SIZE + 256];
/// size_t len;
/// rc = iotwire_http_publish_request(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(""), topic, token,
///                                   (const uint8_t *)"{\"temp\":0}", 10, req, sizeof req, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_http_publish_head()`; `payload` must be NULL or readable for `payload_len`
/// bytes; `out` must be NULL or writable for `out_cap` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_http_publish_request(
    profile: u32,
    host: iotwire_str_t,
    topic: iotwire_str_t,
    token: iotwire_str_t,
    payload: *const u8,
    payload_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let payload = match unsafe { input_bytes(payload, payload_len) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let (p, [host, topic, token]) =
        match unsafe { borrow_publish(profile, host, topic, token, payload.len()) } {
            Ok(b) => b,
            Err(e) => return e,
        };
    let b_out = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; the strings and the payload are every caller range
    // read.
    unsafe {
        emit_bytes_of(b_out, &[host, topic, token, payload], None, &|s| {
            p.write_head(s);
            Sink::put(s, payload)
        })
    }
}

// The statuses of the documented platform codes and of an unknown one are consecutive, in the
// order of `response::code_rank`.
const _: () = assert!(
    IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS == IOTWIRE_ERR_HTTP_COMMON_ERROR - 8
        && IOTWIRE_ERR_HTTP_UNKNOWN_CODE == IOTWIRE_ERR_HTTP_COMMON_ERROR - 9
        && IOTWIRE_ERR_HTTP_TOKEN_EXPIRED == IOTWIRE_ERR_HTTP_COMMON_ERROR - 3
);

/// `IOTWIRE_OK` for platform code 0, else the code's `IOTWIRE_ERR_HTTP_*` status (the same as
/// `from_error(outcome)`, computed from the rank without the table of errors).
fn platform_status(code: i64) -> iotwire_status_t {
    if code == 0 {
        return IOTWIRE_OK;
    }
    // code_rank is at most 9.
    IOTWIRE_ERR_HTTP_COMMON_ERROR - response::code_rank(code).min(9) as i32
}

/// Offset of `sub` inside `base` (both borrowed from the same body).
fn offset_in(base: &[u8], sub: &[u8]) -> usize {
    (sub.as_ptr() as usize).wrapping_sub(base.as_ptr() as usize)
}

/// @brief Parses the reply body of `/auth` or `/topic/...`:
/// `{"code":N,"message":"...","info":{"token"|"messageId"|"data"}}`.
///
/// A body that parses gives IOTWIRE_OK whatever its `code`: the platform's verdict is
/// `resp->platform_status` (IOTWIRE_OK for 0, IOTWIRE_ERR_HTTP_* otherwise), and
/// `resp->reauth` says whether to authenticate again and resend the same message (20001,
/// 20003). `info.token` is decoded into `token`; a reply without one writes the empty string.
/// @param[in] kind `IOTWIRE_HTTP_RESPONSE_ANY`, `_AUTH` (code 0 needs `info.token`) or
///            `_PUBLISH` (code 0 needs `info.messageId`).
/// @param[in] body The reply body; it need not be NUL-terminated.
/// @param[in] body_len Its length.
/// @param[in,out] resp Caller sets `struct_size`; filled only on IOTWIRE_OK.
/// @param[out] token Buffer for the NUL-terminated token, or NULL for a size query.
/// @param[in] token_cap Capacity of `token`; `IOTWIRE_HTTP_TOKEN_MAX_SIZE` fits any token.
/// @param[out] token_len Token length, or the capacity needed for a size query.
/// @retval IOTWIRE_OK The body is a reply; see `resp->platform_status`.
/// @retval IOTWIRE_ERR_NULL_POINTER `resp` or `token_len` NULL, `token` NULL with
///         `token_cap` > 0, or `body` NULL with `body_len` > 0.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `resp->struct_size` too small.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR Unknown `kind`.
/// @retval IOTWIRE_ERR_INVALID_JSON Not one JSON object, `code` not an integer, a member of
///         the wrong type, a key twice.
/// @retval IOTWIRE_ERR_MISSING_FIELD No `code`, or a success reply without what `kind` needs.
/// @retval IOTWIRE_ERR_REPLY_FIELD_INVALID The token is over 256 characters or not printable.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP As for every text output
///         (`resp` counts as an input); nothing written.
///
/// @code{c}
/// iotwire_http_response_t r;
/// char token[IOTWIRE_HTTP_TOKEN_MAX_SIZE];
/// size_t token_len;
/// r.struct_size = sizeof r;
/// rc = iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_PUBLISH, body, body_len, &r,
///                                  token, sizeof token, &token_len);
/// if (rc == IOTWIRE_OK && r.reauth) { authenticate(); resend(msg); }
/// @endcode
///
/// # Safety
/// `body` must be NULL or readable for `body_len` bytes; `resp` must be NULL or point to a
/// writable struct of `resp->struct_size` bytes; `token` must be NULL or writable for
/// `token_cap` bytes; `token_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_http_parse_response(
    kind: u32,
    body: *const u8,
    body_len: usize,
    resp: *mut iotwire_http_response_t,
    token: *mut c_char,
    token_cap: usize,
    token_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let body = match unsafe { input_bytes(body, body_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let caller_size = match unsafe { check_struct_size(resp.cast_const()) } {
        Ok(n) => n,
        Err(e) => return e,
    };
    let kind = match kind {
        IOTWIRE_HTTP_RESPONSE_ANY => response::Kind::Any,
        IOTWIRE_HTTP_RESPONSE_AUTH => response::Kind::Auth,
        IOTWIRE_HTTP_RESPONSE_PUBLISH => response::Kind::Publish,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    let resp_span = Span::of_raw(resp.cast_const());
    if resp_span.overlaps(Span::of(body)) {
        return IOTWIRE_ERR_OVERLAP;
    }
    let r = match response::parse(body, kind) {
        Ok(r) => r,
        Err(e) => return from_error(e),
    };
    let t = TextOut {
        out: token,
        cap: token_cap,
        len: token_len,
    };
    // SAFETY: forwarded caller contract; `resp` is listed so the token may not overlap it.
    let rc = unsafe {
        emit_text(t, &[Span::of(body), resp_span], None, |s| match r.token {
            Some(tok) => tok.write_to(s),
            None => Ok(()),
        })
    };
    if rc != IOTWIRE_OK {
        return rc;
    }
    let (message_offset, message_len) = r
        .message
        .map_or((0, 0), |m| (offset_in(body, m.raw()), m.raw().len()));
    let (data_offset, data_len) = r.data.map_or((0, 0), |d| (offset_in(body, d), d.len()));
    let filled = iotwire_http_response_t {
        struct_size: caller_size,
        platform_status: platform_status(r.code),
        code: r.code,
        reauth: u32::from(r.needs_reauth()),
        has_message: u32::from(r.message.is_some()),
        has_token: u32::from(r.token.is_some()),
        has_message_id: u32::from(r.message_id.is_some()),
        has_data: u32::from(r.data.is_some()),
        reserved: 0,
        message_id: r.message_id.unwrap_or(0),
        message_offset,
        message_len,
        data_offset,
        data_len,
    };
    // SAFETY: non-NULL, at least our size (checked), disjoint from the body and the token
    // output (checked); written with write_unaligned in case the caller's struct is not.
    unsafe { resp.write_unaligned(filled) };
    IOTWIRE_OK
}
