//! `iotwire_explain` and `iotwire_check_connect` (feature `diagnose`, host only): the JSON
//! reports behind `iotwire-cli explain` and `check-connect`. The decoders and the checker are
//! `iotwire::diagnose`; this file only borrows the caller's memory and writes the report
//! through the usual output contract.

use crate::boundary::{Span, TextOut, emit_text, input_all, input_bytes};
use crate::mqtt::{
    IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT, IOTWIRE_MQTT_FLAG_LAX_NAMES, OPTIONS_SIZE,
    iotwire_mqtt_options_t, params_of, string_fields,
};
use crate::status::*;
use core::cell::Cell;
use core::ffi::c_char;
use iotwire::coap::session::KEY_LEN;
use iotwire::diagnose::check_connect::{Device, check_connect};
use iotwire::diagnose::explain::{Selector, explain};
use iotwire::diagnose::guess::Protocol;
use iotwire::mqtt::params::Params;
use iotwire::mqtt::validate;
use zeroize::Zeroize;

/// `iotwire_explain()` protocol: guess it from the bytes (the report says `"guessed":true`).
pub const IOTWIRE_EXPLAIN_GUESS: u32 = 0;
/// `iotwire_explain()` protocol: MQTT 3.1.1 packets (one or more, back to back).
pub const IOTWIRE_EXPLAIN_MQTT: u32 = 1;
/// `iotwire_explain()` protocol: one CoAP datagram.
pub const IOTWIRE_EXPLAIN_COAP: u32 = 2;
/// `iotwire_explain()` protocol: one HTTP/1.1 request.
pub const IOTWIRE_EXPLAIN_HTTP: u32 = 3;

fn selector(protocol: u32) -> Result<Selector, iotwire_status_t> {
    match protocol {
        IOTWIRE_EXPLAIN_GUESS => Ok(Selector::Guess),
        IOTWIRE_EXPLAIN_MQTT => Ok(Selector::Is(Protocol::Mqtt)),
        IOTWIRE_EXPLAIN_COAP => Ok(Selector::Is(Protocol::Coap)),
        IOTWIRE_EXPLAIN_HTTP => Ok(Selector::Is(Protocol::Http)),
        _ => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// Writes a status/count output after a successful emit.
///
/// # Safety
/// `ptr` must be NULL or writable for one `T`.
unsafe fn write_optional<T>(ptr: *mut T, value: T) {
    if !ptr.is_null() {
        // SAFETY: non-NULL and writable (caller contract); checked by the caller of this
        // function not to overlap any input or the output.
        unsafe { ptr.write(value) };
    }
}

/// The span of an optional output, for the overlap check (empty when NULL).
fn optional_span<T>(ptr: *const T) -> Span {
    if ptr.is_null() {
        Span::of(&[])
    } else {
        Span::of_raw(ptr)
    }
}

/// @brief Explains captured bytes (what a device sent or received) as one JSON object:
/// an MQTT packet sequence (type, flags, every CONNECT field with the client id split into its
/// id and `key=value` parameters, PUBLISH, CONNACK, ...), a CoAP datagram (type, code, message
/// id, token, every option with number, name and value, payload) or an HTTP request (method,
/// target, headers, body, its JSON).
///
/// Malformed input is explained too: the report then has
/// `"error":{"at":<byte offset>,"why":"<rule>"[,"need":<bytes>]}` and `*out_verdict` says the
/// input does not decode; the call itself still succeeds. With a 16-byte `key` (CoAP
/// symmetric mode), option 2089 (seq) and the payload are decrypted as the library decrypts
/// them (AES-128-CBC, strict PKCS#7); a failed decryption is reported, not an error.
///
/// Report: `{"protocol":"mqtt|coap|http","guessed":true|false[,"also_decodes_as":".."],
/// "input_length":N, ...}`; docs/API.md ("Diagnostics") lists every member.
///
/// @param[in] protocol `IOTWIRE_EXPLAIN_GUESS` or `IOTWIRE_EXPLAIN_MQTT` / `_COAP` / `_HTTP`.
/// @param[in] input The captured bytes (may be NULL when `input_len` is 0).
/// @param[in] input_len Number of bytes.
/// @param[in] key [nullable] CoAP symmetric-mode AES key, or NULL with `key_len` 0.
/// @param[in] key_len 0 or 16.
/// @param[out] out Buffer for the NUL-terminated JSON, or NULL for a size query.
/// @param[in] out_cap Capacity of `out` (0 with a size query).
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @param[out] out_verdict [nullable] Written on success: `IOTWIRE_OK` when the input decodes,
///             else `IOTWIRE_ERR_MQTT_MALFORMED`, `IOTWIRE_ERR_COAP_MALFORMED` or
///             `IOTWIRE_ERR_HTTP_MALFORMED_REQUEST` (the report's `error` says where).
/// @retval IOTWIRE_OK The report was written (or measured), whatever the input holds.
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `out` NULL with `out_cap` > 0, or
///         `input`/`key` NULL with a length > 0.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR `protocol` is not an `IOTWIRE_EXPLAIN_*` value.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `key_len` is neither 0 nor 16.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out`, `out_len` or `out_verdict` overlap each other or an
///         input.
///
/// @code{c}
/// size_t need, len;
/// int32_t verdict;
/// iotwire_explain(IOTWIRE_EXPLAIN_GUESS, pkt, pkt_len, NULL, 0, NULL, 0, &need, NULL);
/// char *json = malloc(need);
/// if (iotwire_explain(IOTWIRE_EXPLAIN_GUESS, pkt, pkt_len, NULL, 0, json, need, &len,
///                     &verdict) == IOTWIRE_OK) puts(json);
/// @endcode
///
/// # Safety
/// `input` and `key` must be NULL or readable for their lengths; `out` NULL or writable for
/// `out_cap` bytes; `out_len` and `out_verdict` NULL or writable.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn iotwire_explain(
    protocol: u32,
    input: *const u8,
    input_len: usize,
    key: *const u8,
    key_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    out_verdict: *mut i32,
) -> iotwire_status_t {
    let sel = match selector(protocol) {
        Ok(s) => s,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let input = match unsafe { input_bytes(input, input_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract.
    let key_bytes = match unsafe { input_bytes(key, key_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut key_copy: [u8; KEY_LEN] = match key_bytes.len() {
        0 => [0; KEY_LEN],
        _ => match key_bytes.try_into() {
            Ok(k) => k,
            Err(_) => return IOTWIRE_ERR_INVALID_ARGUMENT,
        },
    };
    let key = if key_bytes.is_empty() {
        None
    } else {
        Some(&key_copy)
    };
    let verdict = Cell::new(IOTWIRE_OK);
    let spans = [
        Span::of(input),
        Span::of(key_bytes),
        optional_span(out_verdict),
    ];
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let verdict_span = optional_span(out_verdict);
    let rc = if verdict_span.overlaps(Span::of(input))
        || verdict_span.overlaps(Span::of(key_bytes))
        || verdict_span.overlaps(optional_span(out_len))
    {
        IOTWIRE_ERR_OVERLAP
    } else {
        // SAFETY: forwarded caller contract; `spans` lists every caller range the closure
        // reads, plus `out_verdict`, which must stay clear of the output.
        unsafe {
            emit_text(t, &spans, None, |s| {
                let v = explain(input, sel, key, s)?;
                verdict.set(v.map_or_else(from_error, |()| IOTWIRE_OK));
                Ok(())
            })
        }
    };
    key_copy.zeroize();
    if rc == IOTWIRE_OK {
        // SAFETY: NULL or writable (caller contract); it overlaps no input, neither `out`'s
        // written bytes nor `out_len` (checked above and by `emit_text`).
        unsafe { write_optional(out_verdict, verdict.get()) };
    }
    rc
}

/// @brief Checks a captured MQTT CONNECT the way the platform does, and names each field it
/// would refuse: `{"verdict":"ok"|"refused","problems":[{"field","expected","got","why"
/// [,"at"]}],"notes":[...],"mode":..,"sign_method":..,"sign_content":..}`.
///
/// Recomputed from the packet and `device`: protocol (MQTT 3.1.1 or 3.1), will (refused),
/// keepalive (30..1200 s), client-id syntax `<id>|k=v,...|` (id at most 64 characters),
/// `securemode` for the mode the client id names (`authType=register|regnwl|connwl`,
/// `authtype=id2`, else device secret), `signmethod` (absent means hmacmd5), `timestamp`,
/// `random`, user name `<DeviceName>&<ProductKey>`, and the password: the HMAC of the sign
/// content the packet's own values give (hex, either case), keyed with the DeviceSecret or,
/// for dynamic registration, the ProductSecret; for connwl the device token. When the password
/// differs, the known single deviations are tried (another sign method, the legacy timestamp
/// signed but not sent or the reverse, `<pk>.<dn>` signed under another client id) and the
/// deviating field is named; otherwise the password is (another secret). With `legacy_sdk`
/// set, differences from that SDK build's CONNECT are added as notes.
///
/// Read from `device`: `product_key`, `device_name` (required), `device_secret`,
/// `product_secret`, `device_token` (each optional: without it that check becomes a note),
/// `legacy_sdk`, `legacy_build`, `flags`; the other members are not used.
///
/// @param[in] device The device the CONNECT should authenticate (an options struct).
/// @param[in] packet The captured CONNECT (may be followed by other bytes).
/// @param[in] packet_len Number of bytes.
/// @param[out] out Buffer for the NUL-terminated JSON, or NULL for a size query.
/// @param[in] out_cap Capacity of `out` (0 with a size query).
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @param[out] out_problems [nullable] Written on success: the number of problems (0 = the
///             platform would accept the CONNECT).
/// @retval IOTWIRE_OK The report was written (or measured), whatever the verdict.
/// @retval IOTWIRE_ERR_NULL_POINTER `device` or `out_len` NULL, `out` NULL with `out_cap` >
///         0, or a string or `packet` NULL with a length > 0.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `device->struct_size` is too small.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY, IOTWIRE_ERR_INVALID_DEVICE_NAME The name is
///         empty, too long (20 / 32) or holds a NUL.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR An unknown region, mode or legacy SDK in `device`.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT Unknown `flags` bits or a non-zero `reserved`.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < length + 1; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out`, `out_len` or `out_problems` overlap each other or an
///         input.
///
/// @code{c}
/// iotwire_mqtt_options_t dev;
/// iotwire_mqtt_options_init(&dev);
/// dev.product_key = iotwire_str(pk);
/// dev.device_name = iotwire_str(dn);
/// dev.device_secret = iotwire_str(ds);
/// size_t need, len;
/// uint32_t problems;
/// iotwire_check_connect(&dev, pkt, pkt_len, NULL, 0, &need, NULL);
/// char *json = malloc(need);
/// iotwire_check_connect(&dev, pkt, pkt_len, json, need, &len, &problems);
/// @endcode
///
/// # Safety
/// `device` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `packet`
/// NULL or readable for `packet_len` bytes; `out` NULL or writable for `out_cap` bytes;
/// `out_len` and `out_problems` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_check_connect(
    device: *const iotwire_mqtt_options_t,
    packet: *const u8,
    packet_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    out_problems: *mut u32,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let packet = match unsafe { input_bytes(packet, packet_len) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    let t = TextOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let mut strs: [&[u8]; 11] = [&[]; 11];
    // SAFETY: forwarded caller contract.
    let o = match unsafe { read_device(device, &mut strs) } {
        Ok(o) => o,
        Err(e) => return e,
    };
    match params_of(o, &strs) {
        // SAFETY: forwarded caller contract (the options' strings are `strs`).
        Ok(p) => unsafe { check_with(&p, &strs, packet, device, t, out_problems) },
        Err(e) => e,
    }
}

/// Reads the caller's options as every `iotwire_mqtt_*` export does (the checks of
/// `mqtt::with_plan`), without resolving a plan: the checker needs the device's names and
/// secrets, and the packet says the mode.
///
/// # Safety
/// `opts` must be NULL or point to a readable `iotwire_mqtt_options_t` of at least
/// `opts->struct_size` bytes whose strings follow the `iotwire_str_t` contract for `'a`.
unsafe fn read_device<'a>(
    opts: *const iotwire_mqtt_options_t,
    strs: &mut [&'a [u8]; 11],
) -> Result<&'a iotwire_mqtt_options_t, iotwire_status_t> {
    if opts.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { opts.cast::<u32>().read() } as usize;
    if size < OPTIONS_SIZE {
        return Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    }
    // SAFETY: the caller's struct is at least as large as ours (checked), so the view stays
    // inside it; all fields are plain data valid for any bit pattern, and nothing writes to it
    // while this export runs.
    let o = unsafe { &*opts };
    if o.reserved != 0
        || o.flags & !(IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT | IOTWIRE_MQTT_FLAG_LAX_NAMES) != 0
    {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: `o` is a valid options struct (above); its eleven strings follow the
    // iotwire_str_t contract (caller), which is what `input_all` requires.
    unsafe { input_all(string_fields(o), strs) }?;
    Ok(o)
}

/// The body of [`iotwire_check_connect`] once the options are read.
///
/// # Safety
/// As for [`iotwire_check_connect`]; `strs` are the options' strings.
unsafe fn check_with(
    p: &Params<'_>,
    strs: &[&[u8]],
    packet: &[u8],
    device: *const iotwire_mqtt_options_t,
    t: TextOut,
    out_problems: *mut u32,
) -> iotwire_status_t {
    if p.product_key.is_empty() || validate::product_key(p.product_key, true).is_err() {
        return IOTWIRE_ERR_INVALID_PRODUCT_KEY;
    }
    if p.device_name.is_empty() || validate::device_name(p.device_name, true).is_err() {
        return IOTWIRE_ERR_INVALID_DEVICE_NAME;
    }
    let dev = Device {
        product_key: p.product_key,
        device_name: p.device_name,
        device_secret: p.device_secret,
        product_secret: p.product_secret,
        device_token: p.device_token,
        profile: p.legacy,
    };
    let problems = Cell::new(0u32);
    let counts_span = optional_span(out_problems);
    // The options' strings, the packet and `out_problems`.
    let mut spans = [counts_span; 13];
    let inputs = strs.iter().copied().chain([packet]).map(Span::of);
    for (slot, span) in spans.iter_mut().zip(inputs) {
        *slot = span;
    }
    let clash = spans
        .iter()
        .take(12)
        .chain([optional_span(t.len), Span::of_raw(device)].iter())
        .any(|s| counts_span.overlaps(*s));
    if clash {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: forwarded caller contract; `spans` lists every caller range the closure reads,
    // plus `out_problems`, which must stay clear of the output.
    let rc = unsafe {
        emit_text(t, &spans, None, |s| {
            let counts = check_connect(packet, &dev, s)?;
            problems.set(counts.problems);
            Ok(())
        })
    };
    if rc == IOTWIRE_OK {
        // SAFETY: NULL or writable (caller contract); it overlaps no input, neither `out`'s
        // written bytes nor `out_len` (checked above and by `emit_text`).
        unsafe { write_optional(out_problems, problems.get()) };
    }
    rc
}
