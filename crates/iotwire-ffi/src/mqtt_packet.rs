//! `iotwire_mqtt_*_encode`: the MQTT 3.1.1 packets a device sends, written into a caller
//! buffer (binary outputs: a size query gives the exact packet length, nothing is written on
//! failure).

use crate::boundary::{Span, input, input_bytes};
use crate::exact_out::{Out, emit_layout};
use crate::status::*;
use crate::types::iotwire_str_t;
use iotwire::Error;
use iotwire::layout::{Frame, Layout, NOTHING};
use iotwire::mqtt_codec::encode_connect::{self, Connect};
use iotwire::mqtt_codec::encode_publish::Publish;
use iotwire::mqtt_codec::encode_subscribe::{FilterList, MAX_FILTERS, MAX_PARTS};
use iotwire::mqtt_codec::{Qos, encode_simple, packet_type};

/// PUBLISH flag: DUP, set when resending a QoS 1 message that was not acknowledged.
pub const IOTWIRE_MQTT_PUBLISH_FLAG_DUP: u32 = 1;
/// PUBLISH flag: RETAIN. The platform does not support retained messages, so asking for it
/// gives IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED; it exists so that the refusal is explicit.
pub const IOTWIRE_MQTT_PUBLISH_FLAG_RETAIN: u32 = 2;
/// Most topic filters one SUBSCRIBE or UNSUBSCRIBE takes.
pub const IOTWIRE_MQTT_MAX_FILTERS: usize = 8;
const _: () = assert!(IOTWIRE_MQTT_MAX_FILTERS == MAX_FILTERS);
/// Capacity that holds any CONNECT `iotwire_mqtt_connect_encode()` writes (longest client id,
/// username and password of the credential API).
pub const IOTWIRE_MQTT_CONNECT_MAX_SIZE: usize = 839;
/// Bytes of a PUBACK.
pub const IOTWIRE_MQTT_PUBACK_SIZE: usize = 4;
/// Bytes of a PINGREQ or DISCONNECT.
pub const IOTWIRE_MQTT_FIXED_PACKET_SIZE: usize = 2;

/// A binary output triple.
fn bytes(ptr: *mut u8, cap: usize, len: *mut usize) -> Out {
    Out { ptr, cap, len }
}

/// Writes the packet `frame` describes (or reports the input error found describing it)
/// under the output contract, as a binary output.
///
/// # Safety
/// As `emit_layout`: `out` NULL or writable for `out_cap` bytes, `out_len` NULL or
/// writable; the frame's parts and `extra` cover every caller range it reads.
unsafe fn emit_frame<const N: usize>(
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
    extra: Span,
    frame: &Result<Frame<'_, N>, Error>,
) -> iotwire_status_t {
    let o = bytes(out, out_cap, out_len);
    let layout: Result<Layout<'_>, Error> = match frame {
        Ok(f) => f.layout(),
        Err(e) => Err(*e),
    };
    // SAFETY: forwarded caller contract.
    unsafe { emit_layout(&o, extra, &layout) }
}

/// No input besides the layout's parts.
fn none() -> Span {
    Span::of_range(0, 0)
}

/// @brief Writes the CONNECT of a device, with the client id, username and password of the
/// credential API (`iotwire_mqtt_get_client_id()`, `_username()`, `_password()`): clean
/// session (clean session 0 with `IOTWIRE_MQTT_FLAG_KEEP_SESSION`, as iotkit-embedded 3.x
/// connects), no will (the platform refuses one), keepalive `opts->keepalive_s`.
///
/// The password MAC is computed once, on the writing call; the size query computes none. An
/// empty password (X.509) leaves the password flag clear.
/// @param[in] opts Device, secret and connect mode; `keepalive_s` must be 30..=1200.
/// @param[out] out Buffer for the packet, or NULL for a size query;
///             `IOTWIRE_MQTT_CONNECT_MAX_SIZE` always fits.
/// @param[in] out_cap Capacity of `out` (0 with a size query).
/// @param[out] out_len Bytes written, or the exact size needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < packet length; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_KEEPALIVE `keepalive_s` outside 30..=1200 (0 included).
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT a name that is not UTF-8 (lax legacy names).
/// @return Any status of `iotwire_mqtt_get_password()` for options the platform refuses.
///
/// @code{c}
/// uint8_t pkt[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
/// size_t n;
/// opts.keepalive_s = 300;
/// if (iotwire_mqtt_connect_encode(&opts, pkt, sizeof pkt, &n) == IOTWIRE_OK) send(sock, pkt, n, 0);
/// @endcode
///
/// # Safety
/// `opts` must be NULL or a valid options struct (see `iotwire_mqtt_options_t`); `out` must be
/// NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable `size_t`.
#[cfg(all(feature = "mqtt", feature = "mqtt-codec"))]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_connect_encode(
    opts: *const crate::mqtt::iotwire_mqtt_options_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    use iotwire::mqtt::plan::Plan;
    use iotwire::mqtt_codec::connect_plan;
    let out = crate::boundary::BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let mut run = |plan: &Plan<'_, '_>, strs: &[&[u8]]| {
        // SAFETY: with_plan calls this only after it has checked `opts` (non-NULL, valid).
        let keep_session =
            unsafe { (*opts).flags } & crate::mqtt::IOTWIRE_MQTT_FLAG_KEEP_SESSION != 0;
        let len = match connect_plan::packet_len(plan) {
            Ok(n) => n,
            Err(e) => return from_error(e),
        };
        // SAFETY: forwarded caller contract; `strs` are every caller string the plan reads.
        unsafe {
            crate::boundary::emit_bytes_of(out, strs, Some(len), &|s| {
                connect_plan::encode(plan, !keep_session, s)
            })
        }
    };
    // SAFETY: forwarded caller contract.
    unsafe { crate::mqtt::with_plan(opts, &mut run) }
}

/// @brief Writes a CONNECT from explicit strings (any broker): protocol level 4, clean
/// session, no will.
/// @param[in] client_id MQTT client id (UTF-8; may be empty, which MQTT allows with a clean
///            session).
/// @param[in] username User name, or empty for none.
/// @param[in] password Password bytes, or empty for none (needs a username).
/// @param[in] keepalive_s Keepalive, 30..=1200 s (the platform's range).
/// @param[out] out Buffer for the packet, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written, or the exact size needed.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `out` NULL with `out_cap` > 0, or a
///         string `{NULL, len > 0}`.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < packet length; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input string or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_KEEPALIVE `keepalive_s` outside 30..=1200.
/// @retval IOTWIRE_ERR_INVALID_CLIENT_ID client id not UTF-8 or containing NUL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT username not UTF-8, or a password without username.
/// @retval IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE a string over 65535 bytes.
///
/// @code{c}
/// uint8_t pkt[512];
/// size_t n;
/// int32_t rc = iotwire_mqtt_connect_encode_explicit(iotwire_str(cid), iotwire_str(user),
///                                                   iotwire_str(pwd), 300, pkt, sizeof pkt, &n);
/// @endcode
///
/// # Safety
/// Strings follow the `iotwire_str_t` contract; `out` must be NULL or writable for `out_cap`
/// bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_connect_encode_explicit(
    client_id: iotwire_str_t,
    username: iotwire_str_t,
    password: iotwire_str_t,
    keepalive_s: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: caller contract of iotwire_str_t.
    let strs = unsafe { [input(client_id), input(username), input(password)] };
    let [cid, user, pwd] = strs;
    let (cid, user, pwd) = match (cid, user, pwd) {
        (Ok(c), Ok(u), Ok(p)) => (c, u, p),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return e,
    };
    let present = |s: &'static [u8]| if s.is_empty() { None } else { Some(s) };
    let (user, pwd) = (present(user), present(pwd));
    let connect = encode_connect::keepalive(keepalive_s)
        .and_then(|k| encode_connect::check_strings(cid, user, pwd).map(|()| k))
        .map(|keepalive_s| Connect {
            client_id: cid,
            username: user,
            password: pwd,
            keepalive_s,
            clean_session: true,
        });
    let connect = match connect {
        Ok(c) => c,
        Err(e) => return from_error(e),
    };
    let frame = connect.frame();
    // SAFETY: forwarded caller contract; the layout's parts are every input it reads.
    unsafe { emit_frame(out, out_cap, out_len, none(), &frame) }
}

/// The PUBLISH selectors, then the core's checks and lengths; `payload` `None` describes
/// the header alone.
fn publish_of<'a>(
    topic: &'a [u8],
    payload: Option<&'a [u8]>,
    payload_len: usize,
    (qos, flags, packet_id): (u32, u32, u16),
) -> Result<Frame<'a, 3>, Error> {
    if flags & !(IOTWIRE_MQTT_PUBLISH_FLAG_DUP | IOTWIRE_MQTT_PUBLISH_FLAG_RETAIN) != 0 {
        return Err(Error::InvalidArgument);
    }
    let qos = Qos::from_level(qos)?;
    if flags & IOTWIRE_MQTT_PUBLISH_FLAG_RETAIN != 0 {
        return Err(Error::MqttRetainUnsupported);
    }
    let p = Publish {
        topic,
        qos,
        dup: flags & IOTWIRE_MQTT_PUBLISH_FLAG_DUP != 0,
        packet_id,
        payload_len,
    };
    p.frame(payload)
}

/// The body of both PUBLISH exports (one copy: they differ only in the payload).
///
/// # Safety
/// As `emit_layout`.
unsafe fn publish_export(
    topic: &[u8],
    payload: Option<&[u8]>,
    payload_len: usize,
    selectors: (u32, u32, u16),
    (out, out_cap, out_len): (*mut u8, usize, *mut usize),
) -> iotwire_status_t {
    let frame = publish_of(topic, payload, payload_len, selectors);
    if let Err(e) = frame {
        return from_error(e);
    }
    // SAFETY: forwarded caller contract; the layout's parts are every input it reads.
    unsafe { emit_frame(out, out_cap, out_len, none(), &frame) }
}

/// @brief Writes a PUBLISH with QoS 0 or 1 (the platform has no QoS 2 and no retain).
/// @param[in] topic Topic name (no wildcards).
/// @param[in] payload Payload bytes (may be NULL when `payload_len` is 0).
/// @param[in] payload_len Payload length.
/// @param[in] qos 0 or 1; 2 gives IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED, others
///            IOTWIRE_ERR_INVALID_SELECTOR.
/// @param[in] flags `IOTWIRE_MQTT_PUBLISH_FLAG_*`: DUP (QoS 1 only); RETAIN is refused.
/// @param[in] packet_id Non-zero for QoS 1 (see `iotwire_mqtt_packet_ids_next()`), 0 for QoS 0.
/// @param[out] out Buffer for the packet, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written, or the exact size needed.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `out` NULL with `out_cap` > 0, or an input
///         `{NULL, len > 0}`.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < packet length; nothing written.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps the topic, the payload or `out_len`.
/// @retval IOTWIRE_ERR_INVALID_TOPIC empty topic, wildcard, NUL or not UTF-8.
/// @retval IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED `qos` is 2.
/// @retval IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED RETAIN asked for.
/// @retval IOTWIRE_ERR_MQTT_INVALID_PACKET_ID 0 with QoS 1, or non-zero with QoS 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT unknown flag bits, or DUP with QoS 0.
/// @retval IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE over 268435455 bytes of remaining length.
///
/// @code{c}
/// uint16_t id;
/// iotwire_mqtt_packet_ids_next(&ids, &id);
/// rc = iotwire_mqtt_publish_encode(iotwire_str(topic), (const uint8_t *)"{}", 2, 1, 0, id,
///                                  pkt, sizeof pkt, &n);
/// @endcode
///
/// # Safety
/// `topic` follows the `iotwire_str_t` contract; `payload` must be NULL or readable for
/// `payload_len` bytes; `out` must be NULL or writable for `out_cap` bytes; `out_len` must be
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_publish_encode(
    topic: iotwire_str_t,
    payload: *const u8,
    payload_len: usize,
    qos: u32,
    flags: u32,
    packet_id: u16,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: caller contract for both inputs.
    let (topic, payload) = match unsafe { (input(topic), input_bytes(payload, payload_len)) } {
        (Ok(t), Ok(p)) => (t, p),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let selectors = (qos, flags, packet_id);
    // SAFETY: forwarded caller contract.
    unsafe {
        publish_export(
            topic,
            Some(payload),
            payload_len,
            selectors,
            (out, out_cap, out_len),
        )
    }
}

/// @brief Writes only the part of a PUBLISH before the payload, so that a large payload can be
/// sent from where it lies (send the header, then the `payload_len` payload bytes).
/// @param[in] topic Topic name (no wildcards).
/// @param[in] payload_len Length of the payload that will follow.
/// @param[in] qos As `iotwire_mqtt_publish_encode()`.
/// @param[in] flags As `iotwire_mqtt_publish_encode()`.
/// @param[in] packet_id As `iotwire_mqtt_publish_encode()`.
/// @param[out] out Buffer for the header, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written, or the exact size needed.
/// @return As `iotwire_mqtt_publish_encode()`.
///
/// @code{c}
/// rc = iotwire_mqtt_publish_header_encode(iotwire_str(topic), image_len, 1, 0, id, hdr,
///                                         sizeof hdr, &n);
/// send(sock, hdr, n, 0);
/// send(sock, image, image_len, 0);
/// @endcode
///
/// # Safety
/// `topic` follows the `iotwire_str_t` contract; `out` must be NULL or writable for `out_cap`
/// bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_publish_header_encode(
    topic: iotwire_str_t,
    payload_len: usize,
    qos: u32,
    flags: u32,
    packet_id: u16,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: caller contract.
    let topic = match unsafe { input(topic) } {
        Ok(t) => t,
        Err(e) => return e,
    };
    let selectors = (qos, flags, packet_id);
    // SAFETY: forwarded caller contract.
    unsafe { publish_export(topic, None, payload_len, selectors, (out, out_cap, out_len)) }
}

/// Common body of SUBSCRIBE (`qos` given) and UNSUBSCRIBE: borrows the caller's
/// `filter_count` filters into the packet's parts, then writes the packet.
///
/// # Safety
/// As `iotwire_mqtt_subscribe_encode()`.
unsafe fn filter_export(
    filters: *const iotwire_str_t,
    filter_count: usize,
    qos: Option<Qos>,
    packet_id: u16,
    (out, out_cap, out_len): (*mut u8, usize, *mut usize),
) -> iotwire_status_t {
    if filters.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    if filter_count == 0 || filter_count > IOTWIRE_MQTT_MAX_FILTERS || !filters.is_aligned() {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    let array_len = filter_count.saturating_mul(core::mem::size_of::<iotwire_str_t>());
    // SAFETY: readable for `filter_count` elements (caller contract); this checks the range.
    let array = match unsafe { input_bytes(filters.cast(), array_len) } {
        Ok(a) => a,
        Err(e) => return e,
    };
    // SAFETY: non-NULL, aligned, `filter_count` readable elements whose range was checked.
    let items = unsafe { core::slice::from_raw_parts(filters, filter_count) };
    let mut parts = [NOTHING; MAX_PARTS];
    let mut list = FilterList::new(&mut parts);
    for item in items {
        // SAFETY: each element follows the iotwire_str_t contract (caller).
        match unsafe { input(*item) } {
            // At most IOTWIRE_MQTT_MAX_FILTERS (checked), so the list has room.
            Ok(f) => {
                let _ = list.push(f);
            }
            Err(e) => return e,
        }
    }
    let layout = match qos {
        Some(q) => list.subscribe(q, packet_id),
        None => list.unsubscribe(packet_id),
    };
    // SAFETY: forwarded caller contract; the layout's parts are the filters, and the array is
    // the one other input.
    unsafe { emit_layout(&bytes(out, out_cap, out_len), Span::of(array), &layout) }
}

/// @brief Writes a SUBSCRIBE for 1..=`IOTWIRE_MQTT_MAX_FILTERS` topic filters.
///
/// The platform delivers at the publisher's QoS whatever is asked; QoS 2 is refused.
/// @param[in] filters Array of `filter_count` topic filters (`+` whole levels, `#` last).
/// @param[in] filter_count Number of filters, 1..=`IOTWIRE_MQTT_MAX_FILTERS`.
/// @param[in] qos Requested QoS for every filter: 0 or 1.
/// @param[in] packet_id Non-zero packet id.
/// @param[out] out Buffer for the packet, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written, or the exact size needed.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `filters` or `out_len` NULL, `out` NULL with
///         `out_cap` > 0, or a filter `{NULL, len > 0}`.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `filter_count` 0 or over the maximum.
/// @retval IOTWIRE_ERR_INVALID_TOPIC a filter breaks MQTT's filter rules.
/// @retval IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED `qos` is 2.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR `qos` above 2.
/// @retval IOTWIRE_ERR_MQTT_INVALID_PACKET_ID `packet_id` is 0.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for every output.
///
/// @code{c}
/// iotwire_str_t f[1] = { iotwire_str("/a1X2bEnP82z/example1/user/get") };
/// rc = iotwire_mqtt_subscribe_encode(f, 1, 1, id, pkt, sizeof pkt, &n);
/// @endcode
///
/// # Safety
/// `filters` must be NULL or point to `filter_count` readable `iotwire_str_t`, each following
/// its contract; `out` must be NULL or writable for `out_cap` bytes; `out_len` must be NULL or
/// a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_subscribe_encode(
    filters: *const iotwire_str_t,
    filter_count: usize,
    qos: u32,
    packet_id: u16,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let qos = match Qos::from_level(qos) {
        Ok(q) => q,
        Err(e) => return from_error(e),
    };
    // SAFETY: forwarded caller contract.
    unsafe {
        filter_export(
            filters,
            filter_count,
            Some(qos),
            packet_id,
            (out, out_cap, out_len),
        )
    }
}

/// @brief Writes an UNSUBSCRIBE for 1..=`IOTWIRE_MQTT_MAX_FILTERS` topic filters.
/// @param[in] filters Array of `filter_count` topic filters.
/// @param[in] filter_count Number of filters.
/// @param[in] packet_id Non-zero packet id.
/// @param[out] out Buffer for the packet, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written, or the exact size needed.
/// @return As `iotwire_mqtt_subscribe_encode()` (no QoS).
///
/// @code{c}
/// rc = iotwire_mqtt_unsubscribe_encode(f, 1, id, pkt, sizeof pkt, &n);
/// @endcode
///
/// # Safety
/// As `iotwire_mqtt_subscribe_encode()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_unsubscribe_encode(
    filters: *const iotwire_str_t,
    filter_count: usize,
    packet_id: u16,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe {
        filter_export(
            filters,
            filter_count,
            None,
            packet_id,
            (out, out_cap, out_len),
        )
    }
}

/// @brief Writes a PUBACK (`40 02 <id>`) for a received QoS 1 PUBLISH.
/// @param[in] packet_id The PUBLISH's non-zero packet id.
/// @param[out] out Buffer for the 4 bytes, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written (4), or the size needed.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_MQTT_INVALID_PACKET_ID `packet_id` is 0.
/// @retval IOTWIRE_ERR_NULL_POINTER, IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for
///         every output.
///
/// @code{c}
/// uint8_t ack[IOTWIRE_MQTT_PUBACK_SIZE];
/// rc = iotwire_mqtt_puback_encode(pkt.packet_id, ack, sizeof ack, &n);
/// @endcode
///
/// # Safety
/// `out` must be NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable
/// `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_puback_encode(
    packet_id: u16,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract; no inputs.
    unsafe {
        emit_frame(
            out,
            out_cap,
            out_len,
            none(),
            &encode_simple::puback(packet_id),
        )
    }
}

/// @brief Writes a PINGREQ (`C0 00`); send one when nothing else went out for a keepalive.
/// @param[out] out Buffer for the 2 bytes, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written (2), or the size needed.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER, IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for
///         every output.
///
/// @code{c}
/// uint8_t ping[IOTWIRE_MQTT_FIXED_PACKET_SIZE];
/// rc = iotwire_mqtt_pingreq_encode(ping, sizeof ping, &n);
/// @endcode
///
/// # Safety
/// `out` must be NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable
/// `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_pingreq_encode(
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let frame = Ok(encode_simple::bare(packet_type::PINGREQ));
    // SAFETY: forwarded caller contract; no inputs.
    unsafe { emit_frame(out, out_cap, out_len, none(), &frame) }
}

/// @brief Writes a DISCONNECT (`E0 00`).
/// @param[out] out Buffer for the 2 bytes, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Bytes written (2), or the size needed.
/// @return As `iotwire_mqtt_pingreq_encode()`.
///
/// @code{c}
/// uint8_t bye[IOTWIRE_MQTT_FIXED_PACKET_SIZE];
/// if (iotwire_mqtt_disconnect_encode(bye, sizeof bye, &n) == IOTWIRE_OK) send(sock, bye, n, 0);
/// @endcode
///
/// # Safety
/// `out` must be NULL or writable for `out_cap` bytes; `out_len` must be NULL or a writable
/// `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_disconnect_encode(
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let frame = Ok(encode_simple::bare(packet_type::DISCONNECT));
    // SAFETY: forwarded caller contract; no inputs.
    unsafe { emit_frame(out, out_cap, out_len, none(), &frame) }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "mqtt")]
    #[test]
    fn connect_max_size_matches_the_credential_limits() {
        use crate::mqtt::*;
        // type + 2 length bytes + variable header + three length-prefixed fields (no NULs).
        let rem = 10
            + (2 + IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE - 1)
            + (2 + IOTWIRE_MQTT_USERNAME_MAX_SIZE - 1)
            + (2 + IOTWIRE_MQTT_PASSWORD_MAX_SIZE - 1);
        assert!((128..16384).contains(&rem));
        assert_eq!(super::IOTWIRE_MQTT_CONNECT_MAX_SIZE, 1 + 2 + rem);
    }
}
