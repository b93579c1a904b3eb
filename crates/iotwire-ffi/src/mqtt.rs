//! `iotwire_mqtt_*`: MQTT CONNECT credentials for the Alibaba Cloud IoT Platform.
//!
//! One options struct describes the device and the connect mode; one function per output
//! (host, port, client id, username, password, ...) writes that output into a caller buffer.
//! Each call is independent and stateless.

use crate::boundary::{TextOut, emit_text_of, input_all, input_bytes};
use crate::legacy_sdk::IOTWIRE_LEGACY_SDK_NONE;
#[cfg(feature = "legacy-profiles")]
use crate::legacy_sdk::legacy_profile;
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::Error;
use iotwire::mac::SignMethod;
use iotwire::mqtt::params::{Endpoint, Mode, Params};
use iotwire::mqtt::plan::Plan;
use iotwire::mqtt::region::Region;
use iotwire::mqtt::{client_id, endpoint, password, tls_psk, validate};
use iotwire::sink::Text;

pub use crate::selectors::*;

/// `secure_mode` value meaning "the mode's or profile's default".
pub const IOTWIRE_SECURE_MODE_DEFAULT: i32 = 0;

/// 一机一密: ProductKey + DeviceName + DeviceSecret (securemode 2, or 3 with the opt-in).
pub const IOTWIRE_MQTT_MODE_DEVICE_SECRET: u32 = 0;
/// X.509 certificate: securemode 2, empty password, `x509.itls.cn-shanghai.aliyuncs.com:1883`.
pub const IOTWIRE_MQTT_MODE_X509: u32 = 1;
/// ID² (iTLS): securemode 8, `authtype=id2`, `<pk>.its.cn-shanghai.aliyuncs.com:1883`.
pub const IOTWIRE_MQTT_MODE_ID2: u32 = 2;
/// 一型一密 pre-registered dynamic registration (`authType=register`, ProductSecret, random).
pub const IOTWIRE_MQTT_MODE_REGISTER: u32 = 3;
/// 一型一密 without pre-registration (`authType=regnwl`, ProductSecret, random).
pub const IOTWIRE_MQTT_MODE_REGNWL: u32 = 4;
/// Connect with a regnwl result: securemode -2, `authType=connwl`, password = device token.
pub const IOTWIRE_MQTT_MODE_CONNWL: u32 = 5;

/// Flag: permit plaintext TCP (securemode 3, `ws://`). New devices are TLS only.
pub const IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT: u32 = 1;
/// Flag: accept legacy DeviceNames/ProductKeys (only the length limits 32/20 are checked).
pub const IOTWIRE_MQTT_FLAG_LAX_NAMES: u32 = 2;
/// Flag: `iotwire_mqtt_connect_encode()` asks the broker to keep the session (CONNECT clean
/// session 0, connect flags 0xc0 instead of 0xc2), as iotkit-embedded 3.x does. Other exports
/// ignore it. Libraries older than this flag refuse it (`IOTWIRE_ERR_INVALID_ARGUMENT`).
pub const IOTWIRE_MQTT_FLAG_KEEP_SESSION: u32 = 4;

/// Capacity that holds any password this library writes, NUL included (a MAC needs 65, a
/// connwl device token up to 257).
pub const IOTWIRE_MQTT_PASSWORD_MAX_SIZE: usize = 257;
/// Capacity that holds any sign content, NUL included.
pub const IOTWIRE_MQTT_SIGN_CONTENT_MAX_SIZE: usize = 176;
/// Capacity that holds any TLS-PSK identity, NUL included.
pub const IOTWIRE_MQTT_TLS_PSK_IDENTITY_MAX_SIZE: usize = 97;
/// Capacity that holds any TLS-PSK text, NUL included.
pub const IOTWIRE_MQTT_TLS_PSK_MAX_SIZE: usize = 65;
/// Capacity that holds any username (`dn&pk`), NUL included.
pub const IOTWIRE_MQTT_USERNAME_MAX_SIZE: usize = 54;
/// Capacity that holds any client id this library writes, NUL included.
pub const IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE: usize = 512;
/// Capacity that holds any host or WebSocket URL this library writes, NUL included.
pub const IOTWIRE_MQTT_HOST_MAX_SIZE: usize = 272;

/// @brief Describes a device and how it connects. Initialise with `iotwire_mqtt_options_init()`,
/// then set what applies; empty strings mean "not given".
///
/// Fields are only ever appended; `struct_size` tells the library which ones the caller knows.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_mqtt_options_t {
    /// `sizeof(iotwire_mqtt_options_t)`, set by `iotwire_mqtt_options_init()`.
    pub struct_size: u32,
    /// `IOTWIRE_MQTT_MODE_*`.
    pub mode: u32,
    /// `IOTWIRE_REGION_*`; `IOTWIRE_REGION_CUSTOM` uses `host`.
    pub region: u32,
    /// `IOTWIRE_SIGN_METHOD_*`.
    pub sign_method: u32,
    /// 2, 3, 8, -2, or `IOTWIRE_SECURE_MODE_DEFAULT`.
    pub secure_mode: i32,
    /// `IOTWIRE_MQTT_FLAG_*` bits.
    pub flags: u32,
    /// `IOTWIRE_LEGACY_SDK_*`: reproduce that SDK's bytes instead of the documented form. Needs
    /// the Cargo feature `legacy-profiles` (part of `legacy-sign` and of the default set);
    /// without it a legacy SDK here gives `IOTWIRE_ERR_UNSUPPORTED`.
    pub legacy_sdk: u32,
    /// `IOTWIRE_LEGACY_BUILD_*` bits of the legacy build being replaced.
    pub legacy_build: u32,
    /// TCP port; 0 for the mode's default.
    pub port: u16,
    /// Reserved, must be 0.
    pub reserved: u16,
    /// Keepalive in seconds, checked against 30..=1200; 0 skips the check.
    pub keepalive_s: u32,
    /// ProductKey.
    pub product_key: iotwire_str_t,
    /// DeviceName.
    pub device_name: iotwire_str_t,
    /// DeviceSecret.
    pub device_secret: iotwire_str_t,
    /// ProductSecret (dynamic registration).
    pub product_secret: iotwire_str_t,
    /// Client id before the `|`; default `<pk>.<dn>`.
    pub client_id: iotwire_str_t,
    /// Host used verbatim with `IOTWIRE_REGION_CUSTOM`.
    pub host: iotwire_str_t,
    /// Timestamp in milliseconds, decimal; optional.
    pub timestamp: iotwire_str_t,
    /// Instance id (ID², dynamic registration on a purchased instance).
    pub instance_id: iotwire_str_t,
    /// Caller-generated random for dynamic registration (fresh for every request).
    pub random: iotwire_str_t,
    /// Device token from regnwl (connwl password).
    pub device_token: iotwire_str_t,
    /// Extra `key=value[,key=value]` appended to the client-id parameters.
    pub extra_params: iotwire_str_t,
}

pub(crate) const OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_mqtt_options_t>();

/// @brief Fills `opts` with the defaults: device-secret mode, Shanghai, hmacsha256,
/// securemode 2, keepalive 300 s, documented form, all strings empty.
///
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_mqtt_options_t opts;
/// iotwire_mqtt_options_init(&opts);
/// opts.product_key = iotwire_str("a1X2bEnP82z");
/// opts.device_name = iotwire_str("example1");
/// opts.device_secret = iotwire_str(secret);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or point to writable memory for one `iotwire_mqtt_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_options_init(
    opts: *mut iotwire_mqtt_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_mqtt_options_t {
        struct_size: OPTIONS_SIZE as u32,
        mode: IOTWIRE_MQTT_MODE_DEVICE_SECRET,
        region: IOTWIRE_REGION_SHANGHAI,
        sign_method: IOTWIRE_SIGN_METHOD_DEFAULT,
        secure_mode: IOTWIRE_SECURE_MODE_DEFAULT,
        flags: 0,
        legacy_sdk: IOTWIRE_LEGACY_SDK_NONE,
        legacy_build: 0,
        port: 0,
        reserved: 0,
        keepalive_s: 300,
        product_key: iotwire_str_t::EMPTY,
        device_name: iotwire_str_t::EMPTY,
        device_secret: iotwire_str_t::EMPTY,
        product_secret: iotwire_str_t::EMPTY,
        client_id: iotwire_str_t::EMPTY,
        host: iotwire_str_t::EMPTY,
        timestamp: iotwire_str_t::EMPTY,
        instance_id: iotwire_str_t::EMPTY,
        random: iotwire_str_t::EMPTY,
        device_token: iotwire_str_t::EMPTY,
        extra_params: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

fn sign_method(v: u32) -> Result<Option<SignMethod>, iotwire_status_t> {
    match v {
        IOTWIRE_SIGN_METHOD_DEFAULT => Ok(None),
        IOTWIRE_SIGN_METHOD_HMACMD5 => Ok(Some(SignMethod::HmacMd5)),
        IOTWIRE_SIGN_METHOD_HMACSHA1 => Ok(Some(SignMethod::HmacSha1)),
        IOTWIRE_SIGN_METHOD_HMACSHA256 => Ok(Some(SignMethod::HmacSha256)),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

fn mode(v: u32) -> Result<Mode, iotwire_status_t> {
    match v {
        IOTWIRE_MQTT_MODE_DEVICE_SECRET => Ok(Mode::DeviceSecret),
        IOTWIRE_MQTT_MODE_X509 => Ok(Mode::X509),
        IOTWIRE_MQTT_MODE_ID2 => Ok(Mode::Id2),
        IOTWIRE_MQTT_MODE_REGISTER => Ok(Mode::Register),
        IOTWIRE_MQTT_MODE_REGNWL => Ok(Mode::RegisterNoWhitelist),
        IOTWIRE_MQTT_MODE_CONNWL => Ok(Mode::Connwl),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// The eleven `iotwire_str_t` members, `product_key` through `extra_params`, as one array: they
/// are consecutive members of one type in a `repr(C)` struct (no padding between them; checked
/// below), so one loop borrows them all.
pub(crate) fn string_fields(o: &iotwire_mqtt_options_t) -> &[iotwire_str_t; 11] {
    const _: () = assert!(
        core::mem::offset_of!(iotwire_mqtt_options_t, extra_params)
            - core::mem::offset_of!(iotwire_mqtt_options_t, product_key)
            == 10 * core::mem::size_of::<iotwire_str_t>()
    );
    // SAFETY: the eleven members from `product_key` are laid out back to back (the assertion
    // above), so they form an `[iotwire_str_t; 11]` borrowed for as long as `o`.
    unsafe { &*core::ptr::addr_of!(o.product_key).cast::<[iotwire_str_t; 11]>() }
}

/// The `legacy_sdk`/`legacy_build` selectors: `None` for the documented form.
#[cfg(feature = "legacy-profiles")]
fn legacy(
    sdk: u32,
    build: u32,
) -> Result<Option<iotwire::mqtt::params::LegacyProfile>, iotwire_status_t> {
    legacy_profile(sdk, build)
}

/// Without the `legacy-profiles` feature a legacy SDK selector is valid but unsupported.
#[cfg(not(feature = "legacy-profiles"))]
fn legacy(
    sdk: u32,
    build: u32,
) -> Result<Option<iotwire::mqtt::params::LegacyProfile>, iotwire_status_t> {
    match (sdk, build) {
        (IOTWIRE_LEGACY_SDK_NONE, 0) => Ok(None),
        (1..=7, 0..=0xF) => Err(IOTWIRE_ERR_UNSUPPORTED),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// Reads the caller's options, resolves them and runs `f` with the plan and the caller's
/// strings (for the overlap checks). Continuation-passing: the parameters live in this
/// frame and are never moved (a returned struct of eleven slices costs a `memcpy`, and with
/// it compiler_builtins' 0.3 KB `memcpy` in a firmware that has no other use for it).
///
/// # Safety
/// `opts` must be NULL or point to a readable `iotwire_mqtt_options_t` of at least
/// `opts->struct_size` bytes whose strings follow the `iotwire_str_t` contract.
#[inline(never)]
pub(crate) unsafe fn with_plan(
    opts: *const iotwire_mqtt_options_t,
    f: &mut dyn FnMut(&Plan<'_, '_>, &[&[u8]]) -> iotwire_status_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { opts.cast::<u32>().read() } as usize;
    if size < OPTIONS_SIZE {
        return IOTWIRE_ERR_INVALID_STRUCT_SIZE;
    }
    // SAFETY: the caller's struct is at least as large as ours (checked), so our view stays
    // inside it; all fields are plain data valid for any bit pattern. The reference is used
    // only in this function (borrowing, not copying, keeps ~130 B off firmware stacks), and
    // nothing writes while it lives.
    let o = unsafe { &*opts };
    if o.reserved != 0
        || o.flags
            & !(IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT
                | IOTWIRE_MQTT_FLAG_LAX_NAMES
                | IOTWIRE_MQTT_FLAG_KEEP_SESSION)
            != 0
    {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    let mut strs: [&[u8]; 11] = [&[]; 11];
    // SAFETY: `o` is a valid options struct (above); its eleven strings follow the
    // iotwire_str_t contract (caller), which is what `input_all` requires.
    if let Err(e) = unsafe { input_all(string_fields(o), &mut strs) } {
        return e;
    }
    match params_of(o, &strs) {
        Ok(params) => match Plan::resolve(&params) {
            Ok(plan) => f(&plan, &strs),
            Err(e) => from_error(e),
        },
        Err(e) => e,
    }
}

/// The core parameters of the options, with the strings borrowed by [`with_plan`].
#[inline(always)]
pub(crate) fn params_of<'a>(
    o: &iotwire_mqtt_options_t,
    strs: &[&'a [u8]; 11],
) -> Result<Params<'a>, iotwire_status_t> {
    let [
        product_key,
        device_name,
        device_secret,
        product_secret,
        client_id,
        host,
        timestamp,
        instance_id,
        random,
        device_token,
        extra_params,
    ] = *strs;
    let endpoint = match (o.region, host.is_empty()) {
        (IOTWIRE_REGION_CUSTOM, false) => Endpoint::Host(host),
        (IOTWIRE_REGION_CUSTOM, true) => return Err(IOTWIRE_ERR_MISSING_FIELD),
        (r, true) => Endpoint::Region(Region::from_index(r).ok_or(IOTWIRE_ERR_INVALID_SELECTOR)?),
        (_, false) => return Err(IOTWIRE_ERR_INVALID_ARGUMENT),
    };
    Ok(Params {
        mode: mode(o.mode)?,
        endpoint,
        sign_method: sign_method(o.sign_method)?,
        secure_mode: if o.secure_mode == IOTWIRE_SECURE_MODE_DEFAULT {
            None
        } else {
            Some(o.secure_mode)
        },
        allow_plaintext: o.flags & IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT != 0,
        lax_names: o.flags & IOTWIRE_MQTT_FLAG_LAX_NAMES != 0,
        port: if o.port == 0 { None } else { Some(o.port) },
        keepalive_s: if o.keepalive_s == 0 {
            None
        } else {
            Some(o.keepalive_s)
        },
        legacy: legacy(o.legacy_sdk, o.legacy_build)?,
        product_key,
        device_name,
        device_secret,
        product_secret,
        client_id,
        timestamp,
        instance_id,
        random,
        device_token,
        extra_params,
    })
}

/// Writes one text of the credentials (`write`) under the output contract.
type Writer = fn(&Plan<'_, '_>, &[u8], &mut dyn Text) -> Result<(), Error>;
/// Its length without writing it, where that avoids computing a MAC twice.
type Measure = fn(&Plan<'_, '_>) -> Result<usize, Error>;

/// The common body of the text exports: borrow, resolve, then emit. Each export passes plain
/// function pointers (no closures, so no per-export shims), and a firmware links only the
/// writers of the exports it calls.
///
/// # Safety
/// As for [`borrow`] and [`emit_text`]; `extra` is caller memory `write` reads besides the
/// options (the two-step MAC).
#[inline(never)]
unsafe fn mqtt_text(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    extra: &[u8],
    measure: Option<Measure>,
    write: Writer,
) -> iotwire_status_t {
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let mut run = |plan: &Plan<'_, '_>, strs: &[&[u8]]| {
        let measured = match measure.map(|m| m(plan)) {
            Some(Ok(n)) => Some(n),
            Some(Err(e)) => return from_error(e),
            None => None,
        };
        // SAFETY: forwarded caller contract; `strs` and `extra` are every caller range
        // `write` reads.
        unsafe { emit_text_of(t, strs, extra, measured, &|s| write(plan, extra, s)) }
    };
    // SAFETY: forwarded caller contract.
    unsafe { with_plan(opts, &mut run) }
}

fn client_id_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    client_id::write_client_id_text(plan, t)
}
fn username_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    client_id::write_username_text(plan, t)
}
fn host_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    endpoint::write_host_text(plan, t)
}
fn sign_content_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    password::write_sign_content_text(plan, t)
}
fn websocket_url_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    endpoint::write_websocket_url_text(plan, t)
}
fn psk_identity_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    tls_psk::write_identity_text(plan, t)
}
fn password_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    password::write_password_text(plan, t)
}
fn psk_of(plan: &Plan<'_, '_>, _: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    tls_psk::write_psk_text(plan, t)
}
fn password_from_mac_of(plan: &Plan<'_, '_>, mac: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    password::write_password_from_mac_text(plan, mac, t)
}

/// @brief Writes the MQTT client id, `<clientId>|securemode=2,signmethod=hmacsha256|`.
///
/// The parameter order is the documented one (securemode, signmethod, timestamp, extras)
/// or, with `legacy_sdk`, exactly the legacy SDK's.
/// @param[in] opts Device and connect mode.
/// @param[out] out Buffer for the NUL-terminated client id, or NULL for a size query.
/// @param[in] out_cap Capacity of `out` (0 with a size query).
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY, IOTWIRE_ERR_INVALID_DEVICE_NAME,
///         IOTWIRE_ERR_INVALID_CLIENT_ID, IOTWIRE_ERR_INVALID_SECURE_MODE,
///         IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED, IOTWIRE_ERR_MISSING_FIELD, ...
///         the options are not something the platform accepts.
///
/// @code{c}
/// size_t need;
/// iotwire_mqtt_get_client_id(&opts, NULL, 0, &need);   // size query
/// char cid[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];
/// size_t len;
/// if (iotwire_mqtt_get_client_id(&opts, cid, sizeof cid, &len) == IOTWIRE_OK) mqtt_connect(cid, ...);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_client_id(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { mqtt_text(opts, out, out_cap, out_len, &[], None, client_id_of) }
}

/// @brief Writes the MQTT username, `<DeviceName>&<ProductKey>`.
/// @param[in] opts Device and connect mode.
/// @param[out] out Buffer for the NUL-terminated username, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_client_id()`.
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_username(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { mqtt_text(opts, out, out_cap, out_len, &[], None, username_of) }
}

/// @brief Writes the MQTT host: `<pk>.iot-as-mqtt.<region>.aliyuncs.com`, the X.509 or ID²
/// endpoint, or `host` verbatim with `IOTWIRE_REGION_CUSTOM`.
/// @param[in] opts Device and connect mode.
/// @param[out] out Buffer for the NUL-terminated host, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_client_id()`; IOTWIRE_ERR_INVALID_SELECTOR for X.509/ID²
///         outside Shanghai without an instance host.
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_host(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { mqtt_text(opts, out, out_cap, out_len, &[], None, host_of) }
}

/// @brief Writes the sign content: the exact string the password MAC covers, e.g.
/// `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]` (empty for X.509 and connwl).
///
/// Step 1 of the two-step API: compute the MAC over these bytes wherever the key lives
/// (e.g. a secure element), then call `iotwire_mqtt_get_password_from_mac()`. Also useful
/// to see why a CONNECT is refused: it holds no secret.
/// @param[in] opts Device and connect mode (no secret needed).
/// @param[out] out Buffer for the NUL-terminated content, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_client_id()`.
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_sign_content(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { mqtt_text(opts, out, out_cap, out_len, &[], None, sign_content_of) }
}

/// @brief Writes the MQTT-over-WebSocket URL: `wss://<host>:443` (securemode 2) or
/// `ws://<host>:443` (securemode 3, needs `IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT`).
/// @param[in] opts Device and connect mode.
/// @param[out] out Buffer for the NUL-terminated URL, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_client_id()`.
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_websocket_url(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { mqtt_text(opts, out, out_cap, out_len, &[], None, websocket_url_of) }
}

/// @brief Writes the MQTT TLS-PSK identity, `devicename|<signmethod>|<pk>&<dn>|<timestamp>`
/// (timestamp defaults to 2524608000000, as the SDKs send it).
/// @param[in] opts Device (device-secret mode).
/// @param[out] out Buffer for the NUL-terminated identity, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_client_id()`.
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_tls_psk_identity(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { mqtt_text(opts, out, out_cap, out_len, &[], None, psk_identity_of) }
}

/// @brief Writes the MQTT password: upper-case hex HMAC of the sign content keyed with the
/// DeviceSecret (ProductSecret for dynamic registration), the device token (connwl), or the
/// empty string (X.509). Legacy profiles use their own case (v2.3.0: lower-case HMAC-SHA1).
///
/// Keys longer than the hash block are hashed first (RFC 2104).
/// @param[in] opts Device, secret and connect mode.
/// @param[out] out Buffer for the NUL-terminated password, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_MQTT_PASSWORD_MAX_SIZE` fits every MAC password.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_client_id()`; IOTWIRE_ERR_UNSUPPORTED if the sign method
///         was compiled out.
///
/// @code{c}
/// char pwd[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_mqtt_get_password(&opts, pwd, sizeof pwd, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_mqtt_get_client_id()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_password(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        mqtt_text(
            opts,
            out,
            out_cap,
            out_len,
            &[],
            Some(password::password_len),
            password_of,
        )
    }
}

/// @brief Writes the TLS-PSK key: the upper-case hex of
/// `HMAC(DeviceSecret, "id<pk>&<dn>timestamp<ts>")` (64 characters with hmacsha256, 40 with
/// hmacsha1, 32 with hmacmd5); the ASCII text itself is the PSK.
///
/// TLS-PSK exists only for device-secret connects; other modes give
/// IOTWIRE_ERR_INVALID_ARGUMENT, an empty DeviceSecret IOTWIRE_ERR_MISSING_FIELD.
/// @param[in] opts Device and secret.
/// @param[out] out Buffer for the NUL-terminated PSK text, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_password()`.
///
/// # Safety
/// As `iotwire_mqtt_get_client_id()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_tls_psk(
    opts: *const iotwire_mqtt_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        mqtt_text(
            opts,
            out,
            out_cap,
            out_len,
            &[],
            Some(tls_psk::psk_len),
            psk_of,
        )
    }
}

/// @brief Step 2 of the two-step API: writes the password from a MAC computed outside the
/// library over the bytes of `iotwire_mqtt_get_sign_content()` (same hex case as
/// `iotwire_mqtt_get_password()`, so both paths give identical passwords).
/// @param[in] opts Device and connect mode (the secret is not needed).
/// @param[in] mac The raw MAC (16, 20 or 32 bytes for hmacmd5/hmacsha1/hmacsha256); for modes
///            whose password is no MAC (X.509, connwl) pass `mac_len` 0.
/// @param[in] mac_len Length of `mac`.
/// @param[out] out Buffer for the NUL-terminated password, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_mqtt_get_password()`; IOTWIRE_ERR_INVALID_MAC_LENGTH when `mac_len`
///         does not match the sign method.
///
/// @code{c}
/// uint8_t mac[32];
/// secure_element_hmac_sha256(content, content_len, mac);   // your own HMAC
/// rc = iotwire_mqtt_get_password_from_mac(&opts, mac, sizeof mac, pwd, sizeof pwd, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_mqtt_get_client_id()`; `mac` must be NULL or readable for `mac_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_password_from_mac(
    opts: *const iotwire_mqtt_options_t,
    mac: *const u8,
    mac_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: `mac` is NULL or readable for `mac_len` bytes (caller contract).
    let mac = match unsafe { input_bytes(mac, mac_len) } {
        Ok(m) => m,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract; `mac` is passed for the overlap check.
    unsafe { mqtt_text(opts, out, out_cap, out_len, mac, None, password_from_mac_of) }
}

/// @brief The TCP port: 1883 for the documented endpoints, or the legacy SDK's (443 with
/// `SUPPORT_TLS`), unless `opts->port` overrides it.
/// @param[in] opts Device and connect mode.
/// @param[out] out_port The port.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_port` is NULL.
/// @return Any validation status of `iotwire_mqtt_get_client_id()`.
///
/// # Safety
/// `opts` as for `iotwire_mqtt_get_client_id()`; `out_port` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_get_port(
    opts: *const iotwire_mqtt_options_t,
    out_port: *mut u16,
) -> iotwire_status_t {
    if out_port.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let mut port = |plan: &Plan<'_, '_>, _: &[&[u8]]| {
        // SAFETY: non-NULL (checked above) and writable (caller contract).
        unsafe { out_port.write(plan.port) };
        IOTWIRE_OK
    };
    // SAFETY: forwarded caller contract.
    unsafe { with_plan(opts, &mut port) }
}

/// @brief Checks an MQTT keepalive against the platform's 30..=1200 s.
/// @param[in] seconds Keepalive in seconds.
/// @retval IOTWIRE_OK Accepted by the platform.
/// @retval IOTWIRE_ERR_INVALID_KEEPALIVE The platform refuses the CONNECT.
#[unsafe(no_mangle)]
pub extern "C" fn iotwire_mqtt_check_keepalive(seconds: u32) -> iotwire_status_t {
    match validate::keepalive(seconds) {
        Ok(()) => IOTWIRE_OK,
        Err(e) => from_error(e),
    }
}
