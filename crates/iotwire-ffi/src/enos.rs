//! `iotwire_enos_*`: EnOS (Envision) device access: the DTLS-PSK of the EnOS CoAP server, the
//! MQTT credentials of the EnOS C device SDK, and the CoAP activation request and reply.
//!
//! One options struct describes the device; one function per output writes that output into
//! a caller buffer, as for `iotwire_mqtt_*`. A separate struct (not an `IOTWIRE_LEGACY_SDK_*`
//! profile of `iotwire_mqtt_options_t`) because EnOS differs in every input: a DeviceKey
//! instead of a DeviceName, no regions (the broker host is always given), a plain SHA-256
//! instead of an HMAC, and a PSK lifetime; and so that a firmware built with only the `enos`
//! feature links none of the Alibaba code.

use crate::boundary::{
    BytesOut, Span, TextOut, emit_bytes, emit_bytes_of, emit_text_of, input_all, input_bytes,
};
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::Error;
use iotwire::coap::header::Token;
use iotwire::enos::device::{Device, SecureMode};
use iotwire::enos::{activate, mqtt, psk};
use iotwire::sink::{Sink, Text};

/// PSK secure mode 2: 一机一密, the key comes from the DeviceSecret.
pub const IOTWIRE_ENOS_SECURE_MODE_DEVICE_SECRET: u32 = 2;
/// PSK secure mode 3: 一型一密, the key comes from the ProductSecret; then activate.
pub const IOTWIRE_ENOS_SECURE_MODE_PRODUCT_SECRET: u32 = 3;
/// Shortest PSK lifetime the EnOS CoAP server accepts, in seconds.
pub const IOTWIRE_ENOS_LIFETIME_MIN: u32 = 30;
/// Longest PSK lifetime the EnOS CoAP server accepts, in seconds.
pub const IOTWIRE_ENOS_LIFETIME_MAX: u32 = 86_400;
/// Flag: MQTT over plaintext TCP (port 11883) instead of TLS (18883), as the SDK without
/// `SUPPORT_TLS`. New devices connect over TLS.
pub const IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT: u32 = 1;
/// MQTT port with TLS.
pub const IOTWIRE_ENOS_MQTT_PORT_TLS: u16 = 18883;
/// MQTT port without TLS.
pub const IOTWIRE_ENOS_MQTT_PORT_PLAIN: u16 = 11883;

/// Size of the raw DTLS-PSK key in bytes.
pub const IOTWIRE_ENOS_PSK_KEY_SIZE: usize = 16;
/// Capacity that holds any PSK identity, NUL included (20 + 32 + 1 + 5 + 3 separators).
pub const IOTWIRE_ENOS_PSK_IDENTITY_MAX_SIZE: usize = 62;
/// Capacity that holds any EnOS MQTT client id, NUL included.
pub const IOTWIRE_ENOS_MQTT_CLIENT_ID_MAX_SIZE: usize = 111;
/// Capacity that holds any EnOS MQTT username, NUL included.
pub const IOTWIRE_ENOS_MQTT_USERNAME_MAX_SIZE: usize = 54;
/// Capacity that holds the EnOS MQTT password, NUL included.
pub const IOTWIRE_ENOS_MQTT_PASSWORD_MAX_SIZE: usize = 65;
/// Capacity that holds any EnOS MQTT sign content, NUL included.
pub const IOTWIRE_ENOS_MQTT_SIGN_CONTENT_MAX_SIZE: usize = 155;
/// Capacity that holds any EnOS MQTT host, NUL included.
pub const IOTWIRE_ENOS_MQTT_HOST_MAX_SIZE: usize = 254;

/// @brief Describes an EnOS device. Initialise with `iotwire_enos_options_init()`, then set
/// what applies; empty strings mean "not given".
///
/// Fields are only ever appended; `struct_size` tells the library which ones the caller knows.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_enos_options_t {
    /// `sizeof(iotwire_enos_options_t)`, set by `iotwire_enos_options_init()`.
    pub struct_size: u32,
    /// `IOTWIRE_ENOS_SECURE_MODE_*` of the DTLS-PSK (default device secret).
    pub secure_mode: u32,
    /// DTLS-PSK lifetime in seconds, `IOTWIRE_ENOS_LIFETIME_MIN..=MAX`; 0 = not set.
    pub lifetime_s: u32,
    /// `IOTWIRE_ENOS_FLAG_*` bits.
    pub flags: u32,
    /// MQTT port; 0 for 18883 (TLS) or 11883 (plaintext flag).
    pub port: u16,
    /// Reserved, must be 0.
    pub reserved: u16,
    /// ProductKey: 1..=20 of `[A-Za-z0-9_-]`.
    pub product_key: iotwire_str_t,
    /// DeviceKey: 1..=32 of `[A-Za-z0-9_-]` (e.g. the module's IMEI).
    pub device_key: iotwire_str_t,
    /// DeviceSecret (PSK secure mode 2, MQTT password).
    pub device_secret: iotwire_str_t,
    /// ProductSecret (PSK secure mode 3).
    pub product_secret: iotwire_str_t,
    /// MQTT broker host, used verbatim.
    pub host: iotwire_str_t,
}

const OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_enos_options_t>();
const STRINGS: usize = 5;

/// @brief Fills `opts` with the defaults: PSK secure mode 2 (device secret), lifetime not
/// set, MQTT over TLS on port 18883, all strings empty.
///
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_enos_options_t opts;
/// iotwire_enos_options_init(&opts);
/// opts.product_key = iotwire_str("pk123456");
/// opts.device_key = iotwire_str("860123456789012");
/// opts.device_secret = iotwire_str(secret);
/// opts.lifetime_s = 300;
/// @endcode
///
/// # Safety
/// `opts` must be NULL or point to writable memory for one `iotwire_enos_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_options_init(
    opts: *mut iotwire_enos_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_enos_options_t {
        struct_size: OPTIONS_SIZE as u32,
        secure_mode: IOTWIRE_ENOS_SECURE_MODE_DEVICE_SECRET,
        lifetime_s: 0,
        flags: 0,
        port: 0,
        reserved: 0,
        product_key: iotwire_str_t::EMPTY,
        device_key: iotwire_str_t::EMPTY,
        device_secret: iotwire_str_t::EMPTY,
        product_secret: iotwire_str_t::EMPTY,
        host: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

/// The caller's options as a core [`Device`], plus its strings (the caller memory every
/// output reads, for the overlap checks).
pub(crate) struct Borrowed<'a> {
    pub(crate) device: Device<'a>,
    pub(crate) strs: [&'a [u8]; STRINGS],
}

/// Reads the caller's options.
///
/// # Safety
/// `opts` must be NULL or point to a readable `iotwire_enos_options_t` of at least
/// `opts->struct_size` bytes whose strings follow the `iotwire_str_t` contract for `'a`.
pub(crate) unsafe fn borrow<'a>(
    opts: *const iotwire_enos_options_t,
) -> Result<Borrowed<'a>, iotwire_status_t> {
    if opts.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { opts.cast::<u32>().read() } as usize;
    if size < OPTIONS_SIZE {
        return Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    }
    // SAFETY: the caller's struct is at least as large as ours (checked); all fields are plain
    // data valid for any bit pattern; nothing writes while the reference lives.
    let o = unsafe { &*opts };
    if o.reserved != 0 || o.flags & !IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT != 0 {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    let secure_mode =
        SecureMode::from_number(o.secure_mode).map_err(|_| IOTWIRE_ERR_INVALID_SECURE_MODE)?;
    let mut strs: [&[u8]; STRINGS] = [&[]; STRINGS];
    let fields = [
        o.product_key,
        o.device_key,
        o.device_secret,
        o.product_secret,
        o.host,
    ];
    // SAFETY: every string follows the iotwire_str_t contract (caller), which is exactly what
    // `input_all` requires.
    unsafe { input_all(&fields, &mut strs) }?;
    let [product_key, device_key, device_secret, product_secret, host] = strs;
    Ok(Borrowed {
        device: Device {
            product_key,
            device_key,
            device_secret,
            product_secret,
            secure_mode,
            lifetime_s: o.lifetime_s,
            host,
            plaintext_mqtt: o.flags & IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT != 0,
            port: if o.port == 0 { None } else { Some(o.port) },
        },
        strs,
    })
}

/// An EnOS text output: its writer, and the length it has without running it (the password,
/// whose hash should run once), after its checks.
struct TextKind {
    write: fn(&Device<'_>, &mut dyn Text) -> Result<(), Error>,
    measured: fn(&Device<'_>) -> Result<Option<usize>, Error>,
}

fn not_measured(_: &Device<'_>) -> Result<Option<usize>, Error> {
    Ok(None)
}

fn password_len(d: &Device<'_>) -> Result<Option<usize>, Error> {
    mqtt::check_password(d).map(|()| Some(mqtt::PASSWORD_LEN))
}

/// Body of the text exports computed from the options alone: one copy for all six.
///
/// # Safety
/// As `iotwire_enos_get_psk_identity()`.
unsafe fn text_export(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    kind: TextKind,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let measured = match (kind.measured)(&b.device) {
        Ok(m) => m,
        Err(e) => return from_error(e),
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `strs` are every caller range the writer reads.
    unsafe { emit_text_of(t, &b.strs, &[], measured, &|o| (kind.write)(&b.device, o)) }
}

/// @brief Writes the DTLS-PSK identity, `{ProductKey},{DeviceKey},{SecureMode},{Lifetime}`,
/// e.g. `pk123456,860123456789012,2,300`.
/// @param[in] opts Device, secure mode and lifetime (no secret needed).
/// @param[out] out Buffer for the NUL-terminated identity, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_PSK_IDENTITY_MAX_SIZE` always fits.
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `opts->struct_size` is too small.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT unknown flag bits or `reserved` not 0.
/// @retval IOTWIRE_ERR_INVALID_SECURE_MODE `secure_mode` is not 2 or 3.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY ProductKey empty, over 20 or not `[A-Za-z0-9_-]`.
/// @retval IOTWIRE_ERR_INVALID_DEVICE_KEY DeviceKey empty, over 32 or not `[A-Za-z0-9_-]`.
/// @retval IOTWIRE_ERR_INVALID_LIFETIME `lifetime_s` outside 30..=86400.
///
/// @code{c}
/// char identity[IOTWIRE_ENOS_PSK_IDENTITY_MAX_SIZE];
/// size_t len;
/// if (iotwire_enos_get_psk_identity(&opts, identity, sizeof identity, &len) == IOTWIRE_OK)
///     dtls_set_psk_identity(identity, len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_enos_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_get_psk_identity(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        text_export(
            opts,
            out,
            out_cap,
            out_len,
            TextKind {
                write: psk::write_identity,
                measured: not_measured,
            },
        )
    }
}

/// @brief Writes the 16-byte DTLS-PSK key: bytes 9..24 (1-based) of SHA-256 of the
/// DeviceSecret (secure mode 2) or the ProductSecret (secure mode 3). Raw bytes, not hex;
/// wipe them after the handshake.
/// @param[in] opts Device, secure mode, lifetime and the secret of that mode.
/// @param[out] out Buffer for the key, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_PSK_KEY_SIZE` fits.
/// @param[out] out_len 16, also for a size query (binary output: no NUL).
/// @return As `iotwire_enos_get_psk_identity()`; IOTWIRE_ERR_MISSING_FIELD when the secret of
///         the secure mode is empty.
///
/// @code{c}
/// uint8_t key[IOTWIRE_ENOS_PSK_KEY_SIZE];
/// size_t len;
/// if (iotwire_enos_get_psk_key(&opts, key, sizeof key, &len) == IOTWIRE_OK)
///     dtls_set_psk(key, len);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_enos_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_get_psk_key(
    opts: *const iotwire_enos_options_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut key = psk::PskKey::new();
    if let Err(e) = psk::key(&b.device, &mut key) {
        return from_error(e);
    }
    let o = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `strs` are every caller range the key came from.
    unsafe {
        emit_bytes_of(o, &b.strs, Some(psk::KEY_LEN), &|s| {
            Sink::put(s, key.as_bytes())
        })
    }
}

/// @brief Writes the EnOS MQTT client id,
/// `<pk>.<dk>|securemode=2,signmethod=sha256,timestamp=2524608000000|` (as the EnOS C SDK).
/// @param[in] opts Device.
/// @param[out] out Buffer for the NUL-terminated client id, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_MQTT_CLIENT_ID_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_get_psk_identity()` (the lifetime and secure mode are not used).
///
/// @code{c}
/// char cid[IOTWIRE_ENOS_MQTT_CLIENT_ID_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_enos_mqtt_get_client_id(&opts, cid, sizeof cid, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_get_psk_identity()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_mqtt_get_client_id(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        text_export(
            opts,
            out,
            out_cap,
            out_len,
            TextKind {
                write: mqtt::write_client_id,
                measured: not_measured,
            },
        )
    }
}

/// @brief Writes the EnOS MQTT username, `<DeviceKey>&<ProductKey>`.
/// @param[in] opts Device.
/// @param[out] out Buffer for the NUL-terminated username, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_MQTT_USERNAME_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_mqtt_get_client_id()`.
///
/// @code{c}
/// char user[IOTWIRE_ENOS_MQTT_USERNAME_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_enos_mqtt_get_username(&opts, user, sizeof user, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_get_psk_identity()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_mqtt_get_username(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        text_export(
            opts,
            out,
            out_cap,
            out_len,
            TextKind {
                write: mqtt::write_username,
                measured: not_measured,
            },
        )
    }
}

/// @brief Writes the EnOS MQTT sign content,
/// `clientId<pk>.<dk>deviceKey<dk>productKey<pk>timestamp2524608000000`: what is hashed
/// before the DeviceSecret. Holds no secret (useful to see why a CONNECT is refused).
/// @param[in] opts Device.
/// @param[out] out Buffer for the NUL-terminated content, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_MQTT_SIGN_CONTENT_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_mqtt_get_client_id()`.
///
/// @code{c}
/// char content[IOTWIRE_ENOS_MQTT_SIGN_CONTENT_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_enos_mqtt_get_sign_content(&opts, content, sizeof content, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_get_psk_identity()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_mqtt_get_sign_content(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        text_export(
            opts,
            out,
            out_cap,
            out_len,
            TextKind {
                write: mqtt::write_sign_content,
                measured: not_measured,
            },
        )
    }
}

/// @brief Writes the EnOS MQTT password: the upper-case hex of the plain SHA-256 (not an
/// HMAC: `signmethod=sha256`) of the sign content followed by the DeviceSecret, 64 characters.
/// @param[in] opts Device and DeviceSecret.
/// @param[out] out Buffer for the NUL-terminated password, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_MQTT_PASSWORD_MAX_SIZE` fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_mqtt_get_client_id()`; IOTWIRE_ERR_MISSING_FIELD when the
///         DeviceSecret is empty.
///
/// @code{c}
/// char pwd[IOTWIRE_ENOS_MQTT_PASSWORD_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_enos_mqtt_get_password(&opts, pwd, sizeof pwd, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_get_psk_identity()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_mqtt_get_password(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        text_export(
            opts,
            out,
            out_cap,
            out_len,
            TextKind {
                write: mqtt::write_password,
                measured: password_len,
            },
        )
    }
}

/// @brief Writes the EnOS MQTT broker host: `opts->host`, verbatim (EnOS has no region table).
/// @param[in] opts Device and host.
/// @param[out] out Buffer for the NUL-terminated host, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_MQTT_HOST_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_mqtt_get_client_id()`, but only the host is checked:
///         IOTWIRE_ERR_MISSING_FIELD when it is empty, IOTWIRE_ERR_INVALID_HOST when it is
///         over 253 characters or not a host name or IP literal.
///
/// @code{c}
/// char host[IOTWIRE_ENOS_MQTT_HOST_MAX_SIZE];
/// size_t len;
/// int32_t rc = iotwire_enos_mqtt_get_host(&opts, host, sizeof host, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_get_psk_identity()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_mqtt_get_host(
    opts: *const iotwire_enos_options_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        text_export(
            opts,
            out,
            out_cap,
            out_len,
            TextKind {
                write: mqtt::write_host,
                measured: not_measured,
            },
        )
    }
}

/// @brief The EnOS MQTT port: `opts->port` if set, else 18883 (TLS) or 11883 with
/// `IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT`.
/// @param[in] opts Device options (only `port`, `flags` and the struct itself are checked).
/// @param[out] out_port The port.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_port` is NULL.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE, IOTWIRE_ERR_INVALID_ARGUMENT,
///         IOTWIRE_ERR_INVALID_SECURE_MODE the options struct is malformed.
///
/// @code{c}
/// uint16_t port;
/// if (iotwire_enos_mqtt_get_port(&opts, &port) == IOTWIRE_OK) tcp_connect(host, port);
/// @endcode
///
/// # Safety
/// `opts` as for `iotwire_enos_get_psk_identity()`; `out_port` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_mqtt_get_port(
    opts: *const iotwire_enos_options_t,
    out_port: *mut u16,
) -> iotwire_status_t {
    if out_port.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    // SAFETY: non-NULL and writable (caller contract).
    unsafe { out_port.write(mqtt::port(&b.device)) };
    IOTWIRE_OK
}

/// Capacity that holds the activation request datagram for any valid device.
pub const IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE: usize = 106;
/// Capacity that holds any DeviceSecret the activation reply may carry, NUL included.
pub const IOTWIRE_ENOS_DEVICE_SECRET_MAX_SIZE: usize = 65;
/// Capacity that holds any assetId the activation reply may carry, NUL included.
pub const IOTWIRE_ENOS_ASSET_ID_MAX_SIZE: usize = 65;
/// Capacity that holds any message id the activation reply may carry, NUL included.
pub const IOTWIRE_ENOS_ID_MAX_SIZE: usize = 65;

/// @brief Writes the CoAP activation request (一型一密, after the DTLS handshake with the
/// ProductSecret PSK): CON `GET /topic/ext/session/{pk}/{dk}/thing/activate/info`, one
/// Uri-Path option per segment, no payload and no other option.
///
/// The exchange is a one-off right after the handshake, so the caller picks the message id
/// and token (RFC 7252 §5.3.1: a random token of a few bytes) and matches the reply's with
/// them.
/// @param[in] opts ProductKey and DeviceKey (nothing else is read).
/// @param[in] message_id CoAP message id.
/// @param[in] token [nullable] CoAP token, 0..=8 bytes.
/// @param[in] token_len Length of `token`.
/// @param[out] out Buffer for the datagram, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE` fits.
/// @param[out] out_len Datagram length (also for a size query: binary output, no NUL).
/// @return As `iotwire_enos_get_psk_identity()` without the lifetime check;
///         IOTWIRE_ERR_INVALID_ARGUMENT for a token over 8 bytes.
///
/// @code{c}
/// uint8_t dgram[IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE];
/// size_t len;
/// if (iotwire_enos_activate_build_request(&opts, mid, tok, sizeof tok, dgram, sizeof dgram,
///                                         &len) == IOTWIRE_OK)
///     dtls_send(dgram, len);
/// @endcode
///
/// # Safety
/// `opts` as for `iotwire_enos_get_psk_identity()`; `token` must be NULL or readable for
/// `token_len` bytes; `out` must be NULL or writable for `out_cap` bytes; `out_len` must be
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_activate_build_request(
    opts: *const iotwire_enos_options_t,
    message_id: u16,
    token: *const u8,
    token_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: `token` is NULL or readable for `token_len` bytes (caller contract).
    let token_bytes = match unsafe { input_bytes(token, token_len) } {
        Ok(t) => t,
        Err(e) => return e,
    };
    let token = match Token::new(token_bytes) {
        Ok(t) => t,
        Err(e) => return from_error(e),
    };
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut spans = [Span::of(token_bytes); STRINGS + 1];
    for (slot, s) in spans.iter_mut().zip(b.strs) {
        *slot = Span::of(s);
    }
    let o = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; `spans` lists every caller range read.
    unsafe {
        emit_bytes(o, &spans, None, |s| {
            activate::write_request(&b.device, message_id, &token, s)
        })
    }
}

/// Body of the three reply getters.
///
/// # Safety
/// As `iotwire_enos_activate_get_device_secret()`.
unsafe fn reply_field(
    opts: *const iotwire_enos_options_t,
    datagram: *const u8,
    datagram_len: usize,
    field: activate::Field,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: `datagram` is NULL or readable for `datagram_len` bytes (caller contract).
    let dgram = match unsafe { input_bytes(datagram, datagram_len) } {
        Ok(d) => d,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let b = match unsafe { borrow(opts) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut reply = activate::Reply::default();
    if let Err(e) = activate::parse_datagram(dgram, &b.device, &mut reply) {
        return from_error(e);
    }
    if !reply.has(field) {
        return IOTWIRE_ERR_MISSING_FIELD;
    }
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; the options' strings and the datagram are every
    // caller range read (the field itself was copied out of the datagram).
    unsafe {
        emit_text_of(t, &b.strs, dgram, None, &|o| {
            Sink::put(o, reply.field(field))
        })
    }
}

/// @brief Copies the DeviceSecret (`params.deviceSecret`) out of the activation reply.
///
/// The whole reply is checked first, for every getter alike: a well-formed CoAP datagram
/// with code 2.05, Content-Format absent or JSON, a strict JSON payload with `params`
/// holding `deviceSecret` and `assetId` of 1..=64 printable ASCII characters (after
/// unescaping), `productKey`/`deviceKey` naming the device of `opts` (when both sides have
/// them), `method` `thing.activate.info` and `code` 200 when present. Nothing is copied
/// from a reply that fails any check. Wipe the copy when it is stored.
/// @param[in] opts The device that asked; empty `product_key`/`device_key` skip the match.
/// @param[in] datagram The reply datagram (after DTLS decryption).
/// @param[in] datagram_len Its length.
/// @param[out] out Buffer for the NUL-terminated DeviceSecret, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_DEVICE_SECRET_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, `out` NULL with `out_cap` > 0,
///         or `datagram` NULL with `datagram_len` > 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for every text output.
/// @retval IOTWIRE_ERR_COAP_MALFORMED the datagram is not CoAP.
/// @retval IOTWIRE_ERR_COAP_UNAUTHORIZED, IOTWIRE_ERR_COAP_NOT_FOUND, ... the platform
///         answered with that documented error code.
/// @retval IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED any other answer than 2.05 (including an
///         empty ACK: parse the separate response), or a `code` other than 200.
/// @retval IOTWIRE_ERR_INVALID_JSON not one strict JSON object, a member of the wrong type,
///         a duplicate key, or a non-JSON Content-Format.
/// @retval IOTWIRE_ERR_MISSING_FIELD `params`, `deviceSecret` or `assetId` missing.
/// @retval IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD a field empty, over 64 characters or not
///         printable ASCII, or another `method`.
/// @retval IOTWIRE_ERR_ENOS_DEVICE_MISMATCH the reply names another device.
///
/// @code{c}
/// char ds[IOTWIRE_ENOS_DEVICE_SECRET_MAX_SIZE];
/// size_t len;
/// rc = iotwire_enos_activate_get_device_secret(&opts, rx, rx_len, ds, sizeof ds, &len);
/// @endcode
///
/// # Safety
/// `opts` as for `iotwire_enos_get_psk_identity()`; `datagram` must be NULL or readable for
/// `datagram_len` bytes; `out` must be NULL or writable for `out_cap` bytes; `out_len` must be
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_activate_get_device_secret(
    opts: *const iotwire_enos_options_t,
    datagram: *const u8,
    datagram_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        reply_field(
            opts,
            datagram,
            datagram_len,
            activate::Field::DeviceSecret,
            out,
            out_cap,
            out_len,
        )
    }
}

/// @brief Copies the assetId (`params.assetId`) out of the activation reply, after the same
/// checks as `iotwire_enos_activate_get_device_secret()`.
/// @param[in] opts The device that asked; empty names skip the match.
/// @param[in] datagram The reply datagram.
/// @param[in] datagram_len Its length.
/// @param[out] out Buffer for the NUL-terminated assetId, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_ASSET_ID_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_activate_get_device_secret()`.
///
/// @code{c}
/// char asset[IOTWIRE_ENOS_ASSET_ID_MAX_SIZE];
/// rc = iotwire_enos_activate_get_asset_id(&opts, rx, rx_len, asset, sizeof asset, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_activate_get_device_secret()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_activate_get_asset_id(
    opts: *const iotwire_enos_options_t,
    datagram: *const u8,
    datagram_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        reply_field(
            opts,
            datagram,
            datagram_len,
            activate::Field::AssetId,
            out,
            out_cap,
            out_len,
        )
    }
}

/// @brief Copies the message id (`id`, a string or an integer's decimal text) out of the
/// activation reply, after the same checks as `iotwire_enos_activate_get_device_secret()`.
/// @param[in] opts The device that asked; empty names skip the match.
/// @param[in] datagram The reply datagram.
/// @param[in] datagram_len Its length.
/// @param[out] out Buffer for the NUL-terminated id, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`; `IOTWIRE_ENOS_ID_MAX_SIZE` always fits.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @return As `iotwire_enos_activate_get_device_secret()`; IOTWIRE_ERR_MISSING_FIELD when
///         the (optional) `id` is absent.
///
/// @code{c}
/// char id[IOTWIRE_ENOS_ID_MAX_SIZE];
/// rc = iotwire_enos_activate_get_id(&opts, rx, rx_len, id, sizeof id, &len);
/// @endcode
///
/// # Safety
/// As `iotwire_enos_activate_get_device_secret()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_enos_activate_get_id(
    opts: *const iotwire_enos_options_t,
    datagram: *const u8,
    datagram_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        reply_field(
            opts,
            datagram,
            datagram_len,
            activate::Field::Id,
            out,
            out_cap,
            out_len,
        )
    }
}
