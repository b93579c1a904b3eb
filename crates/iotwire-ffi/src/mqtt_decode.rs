//! `iotwire_mqtt_decode`: the packets a broker sends, decoded in place (topic and payload are
//! offsets into the caller's buffer); CONNACK return codes as statuses; the caller-owned
//! packet id counter.

use crate::boundary::Span;
use crate::status::*;
use iotwire::mqtt_codec::decode as decode_mod;
use iotwire::mqtt_codec::{Decoded, Packet, connack, decode, packet_id};

/// Packet type CONNACK.
pub const IOTWIRE_MQTT_PACKET_CONNACK: u32 = 2;
/// Packet type PUBLISH.
pub const IOTWIRE_MQTT_PACKET_PUBLISH: u32 = 3;
/// Packet type PUBACK.
pub const IOTWIRE_MQTT_PACKET_PUBACK: u32 = 4;
/// Packet type SUBACK.
pub const IOTWIRE_MQTT_PACKET_SUBACK: u32 = 9;
/// Packet type UNSUBACK.
pub const IOTWIRE_MQTT_PACKET_UNSUBACK: u32 = 11;
/// Packet type PINGRESP.
pub const IOTWIRE_MQTT_PACKET_PINGRESP: u32 = 13;

/// `iotwire_mqtt_packet_t.flags`: PUBLISH DUP.
pub const IOTWIRE_MQTT_PACKET_FLAG_DUP: u32 = 1;
/// `iotwire_mqtt_packet_t.flags`: PUBLISH RETAIN (a retained message delivered on subscribe).
pub const IOTWIRE_MQTT_PACKET_FLAG_RETAIN: u32 = 2;
/// `iotwire_mqtt_packet_t.flags`: CONNACK session present.
pub const IOTWIRE_MQTT_PACKET_FLAG_SESSION_PRESENT: u32 = 4;

/// CONNACK context: an ordinary connect (standard MQTT meanings).
pub const IOTWIRE_MQTT_CONNACK_CONTEXT_CONNECT: u32 = 0;
/// CONNACK context: a dynamic-registration connect (authType register or regnwl), where
/// 2 and 4 have the platform's registration meanings.
pub const IOTWIRE_MQTT_CONNACK_CONTEXT_DYNREG: u32 = 1;

/// @brief One decoded packet. Topic, payload and SUBACK codes are not copied: they are
/// `[offset, offset + len)` ranges of the buffer given to `iotwire_mqtt_decode()`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_mqtt_packet_t {
    /// `IOTWIRE_MQTT_PACKET_*`.
    pub packet_type: u32,
    /// PUBLISH QoS (0 or 1); 0 otherwise.
    pub qos: u32,
    /// `IOTWIRE_MQTT_PACKET_FLAG_*` bits.
    pub flags: u32,
    /// CONNACK return code (0 = accepted; see `iotwire_mqtt_connack_status()`); 0 otherwise.
    pub return_code: u32,
    /// Packet id of PUBLISH (QoS 1), PUBACK, SUBACK, UNSUBACK; 0 otherwise.
    pub packet_id: u16,
    /// Always 0.
    pub reserved: u16,
    /// Bytes of the input this packet occupies; the next packet starts there.
    pub packet_len: usize,
    /// PUBLISH: offset of the topic name in the input.
    pub topic_offset: usize,
    /// PUBLISH: length of the topic name (UTF-8, no wildcards, not NUL-terminated).
    pub topic_len: usize,
    /// PUBLISH: offset of the payload; SUBACK: offset of the return codes.
    pub payload_offset: usize,
    /// PUBLISH: payload length; SUBACK: number of return codes (0, 1, 2 granted QoS, 0x80
    /// failure).
    pub payload_len: usize,
}

// The core's flag bits are the C ones.
const _: () = assert!(
    IOTWIRE_MQTT_PACKET_FLAG_DUP == decode_mod::FLAG_DUP
        && IOTWIRE_MQTT_PACKET_FLAG_RETAIN == decode_mod::FLAG_RETAIN
        && IOTWIRE_MQTT_PACKET_FLAG_SESSION_PRESENT == decode_mod::FLAG_SESSION_PRESENT
);

/// The C view of a decoded packet: the same fields in the same layout.
fn describe(p: &Packet) -> iotwire_mqtt_packet_t {
    iotwire_mqtt_packet_t {
        packet_type: p.kind,
        qos: p.qos,
        flags: p.flags,
        return_code: p.return_code,
        packet_id: p.packet_id,
        reserved: p.reserved,
        packet_len: p.len,
        topic_offset: p.topic_offset,
        topic_len: p.topic_len,
        payload_offset: p.payload_offset,
        payload_len: p.payload_len,
    }
}

/// @brief Decodes the packet at the start of `in` (bytes received from the broker).
///
/// Every length is checked against the packet's own remaining length and the input before
/// anything is read; no input can make it read outside `in[0..in_len)`. On success the
/// packet occupies `out_packet->packet_len` bytes; drop them and decode again for the next.
/// A CONNACK that refuses is still decoded (status OK): map its code with
/// `iotwire_mqtt_connack_status()`.
/// @param[in] in Received bytes (may be NULL when `in_len` is 0).
/// @param[in] in_len Number of bytes.
/// @param[out] out_packet The decoded packet; written only on success.
/// @param[out] out_needed [nullable] Written only with IOTWIRE_ERR_MQTT_NEED_MORE_DATA: the
///             packet's total length when its header is complete, 0 when not yet known (read
///             at least one more byte).
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_MQTT_NEED_MORE_DATA the input ends inside the packet.
/// @retval IOTWIRE_ERR_MQTT_MALFORMED wrong fixed-header flags, remaining length over 4 bytes
///         or wrong for the type, a length past the packet's end, QoS 3, packet id 0, topic
///         empty/not UTF-8/with wildcards, reserved CONNACK bits or codes, bad SUBACK codes,
///         reserved packet types 0 and 15. Close the connection.
/// @retval IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET a type a client never receives (CONNECT,
///         SUBSCRIBE, PUBREC, PUBREL, PUBCOMP, ...).
/// @retval IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED a QoS 2 PUBLISH (never asked for).
/// @retval IOTWIRE_ERR_NULL_POINTER `out_packet` NULL, or `in` NULL with `in_len` > 0.
/// @retval IOTWIRE_ERR_OVERLAP `out_packet` or `out_needed` overlaps the input or each other.
///
/// @code{c}
/// iotwire_mqtt_packet_t p;
/// size_t need;
/// int32_t rc = iotwire_mqtt_decode(rx, rx_len, &p, &need);
/// if (rc == IOTWIRE_ERR_MQTT_NEED_MORE_DATA) { read_more(); }
/// else if (rc == IOTWIRE_OK && p.packet_type == IOTWIRE_MQTT_PACKET_PUBLISH) {
///     handle(rx + p.topic_offset, p.topic_len, rx + p.payload_offset, p.payload_len);
/// }
/// @endcode
///
/// # Safety
/// `in` must be NULL or readable for `in_len` bytes; `out_packet` must be NULL or writable for
/// one `iotwire_mqtt_packet_t`; `out_needed` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_decode(
    r#in: *const u8,
    in_len: usize,
    out_packet: *mut iotwire_mqtt_packet_t,
    out_needed: *mut usize,
) -> iotwire_status_t {
    if out_packet.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // `boundary::input_bytes`, inline: this is a receive loop's hot path.
    let start = r#in as usize;
    if in_len != 0 {
        if r#in.is_null() {
            return IOTWIRE_ERR_NULL_POINTER;
        }
        if in_len > isize::MAX as usize || start.checked_add(in_len).is_none() {
            return IOTWIRE_ERR_INVALID_ARGUMENT;
        }
    }
    // The struct must not overlap the input; `out_needed` neither of them. (An empty input
    // overlaps nothing.)
    let pkt = out_packet as usize;
    let need = out_needed as usize;
    let pkt_size = core::mem::size_of::<iotwire_mqtt_packet_t>();
    let need_size = if out_needed.is_null() {
        0
    } else {
        core::mem::size_of::<usize>()
    };
    if disjoint(start, in_len, pkt, pkt_size)
        && disjoint(need, need_size, start, in_len)
        && disjoint(need, need_size, pkt, pkt_size)
    {
        // Checked above: not NULL when non-empty, in range; readable (caller contract).
        let input = if in_len == 0 {
            &[][..]
        } else {
            // SAFETY: non-NULL, `in_len <= isize::MAX` without address wrap (checked),
            // readable for `in_len` bytes and unmodified during the call (caller contract).
            unsafe { core::slice::from_raw_parts(r#in, in_len) }
        };
        return match decode(input) {
            Ok(Decoded::Complete(p)) => {
                // SAFETY: non-NULL, writable (caller contract), disjoint from the input
                // (checked).
                unsafe { out_packet.write(describe(&p)) };
                IOTWIRE_OK
            }
            Ok(Decoded::Incomplete { needed }) => {
                if !out_needed.is_null() {
                    // SAFETY: non-NULL, writable (caller contract), disjoint from the input.
                    unsafe { out_needed.write(needed.unwrap_or(0)) };
                }
                IOTWIRE_ERR_MQTT_NEED_MORE_DATA
            }
            Err(e) => from_error(e),
        };
    }
    IOTWIRE_ERR_OVERLAP
}

/// True when `[a, a + a_len)` and `[b, b + b_len)` share no byte (an empty range shares
/// none; sums saturate, as `boundary::Span` does).
#[inline(always)]
fn disjoint(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    a_len == 0 || b_len == 0 || a >= b.saturating_add(b_len) || b >= a.saturating_add(a_len)
}

/// @brief Maps a CONNACK return code to a status: 0 gives IOTWIRE_OK, each refusal its own
/// status; on a dynamic-registration connect 2 and 4 have the platform's meanings.
/// @param[in] return_code `iotwire_mqtt_packet_t.return_code` of a CONNACK.
/// @param[in] context `IOTWIRE_MQTT_CONNACK_CONTEXT_CONNECT` or `_DYNREG`.
/// @retval IOTWIRE_OK 0: accepted (with DYNREG: registered; the secret or token follows on
///         `/ext/register` or `/ext/regnwl`).
/// @retval IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION 1.
/// @retval IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER 2 (CONNECT).
/// @retval IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS 2 (DYNREG): a parameter missing or
///         malformed, or plain TCP (registration needs TLS).
/// @retval IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE 3 (both: retry later).
/// @retval IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS 4 (CONNECT).
/// @retval IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED 4 (DYNREG): username or ProductSecret
///         signature refused.
/// @retval IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED 5.
/// @retval IOTWIRE_ERR_MQTT_MALFORMED a reserved code (6..255).
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown `context`.
///
/// @code{c}
/// rc = iotwire_mqtt_connack_status(p.return_code, IOTWIRE_MQTT_CONNACK_CONTEXT_DYNREG);
/// @endcode
#[unsafe(no_mangle)]
pub extern "C" fn iotwire_mqtt_connack_status(return_code: u32, context: u32) -> iotwire_status_t {
    let dynreg = match context {
        IOTWIRE_MQTT_CONNACK_CONTEXT_CONNECT => false,
        IOTWIRE_MQTT_CONNACK_CONTEXT_DYNREG => true,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    let Ok(code) = u8::try_from(return_code) else {
        return IOTWIRE_ERR_MQTT_MALFORMED;
    };
    match connack::check(code, dynreg) {
        Ok(()) => IOTWIRE_OK,
        Err(e) => from_error(e),
    }
}

/// @brief Packet id counter owned by the caller (one per connection; no global state).
/// Zero-initialising it is the same as `iotwire_mqtt_packet_ids_init()`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_mqtt_packet_ids_t {
    /// The next id to hand out (0 means 1).
    pub next: u16,
}

/// @brief Starts a packet id counter at 1.
/// @param[out] ids The counter.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ids` is NULL.
///
/// @code{c}
/// iotwire_mqtt_packet_ids_t ids;
/// iotwire_mqtt_packet_ids_init(&ids);
/// @endcode
///
/// # Safety
/// `ids` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_packet_ids_init(
    ids: *mut iotwire_mqtt_packet_ids_t,
) -> iotwire_status_t {
    if ids.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // SAFETY: non-NULL and writable (caller contract).
    unsafe { ids.write(iotwire_mqtt_packet_ids_t { next: 1 }) };
    IOTWIRE_OK
}

/// @brief Hands out the next packet id: 1, 2, ..., 65535, 1, ... (never 0).
/// @param[in,out] ids The counter.
/// @param[out] out_id The id to use.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ids` or `out_id` is NULL.
/// @retval IOTWIRE_ERR_OVERLAP `out_id` overlaps `ids`.
///
/// @code{c}
/// uint16_t id;
/// iotwire_mqtt_packet_ids_next(&ids, &id);
/// @endcode
///
/// # Safety
/// `ids` must be NULL or a valid, writable counter; `out_id` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_mqtt_packet_ids_next(
    ids: *mut iotwire_mqtt_packet_ids_t,
    out_id: *mut u16,
) -> iotwire_status_t {
    if ids.is_null() || out_id.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    if Span::of_raw(ids.cast_const()).overlaps(Span::of_raw(out_id.cast_const())) {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: non-NULL, valid and writable (caller contract); plain data.
    let mut next = unsafe { ids.read() }.next;
    let id = packet_id::take(&mut next);
    // SAFETY: as above; `out_id` is disjoint from `ids` (checked).
    unsafe {
        ids.write(iotwire_mqtt_packet_ids_t { next });
        out_id.write(id);
    }
    IOTWIRE_OK
}
