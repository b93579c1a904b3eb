//! The auth reply payload on its own, for stacks whose CoAP layer has already decoded the
//! datagram (the iotkit-embedded swap-in kit keeps the SDK's CoAP transport, which hands the
//! response callback a decoded message): the same checks as iotwire_coap_auth_parse_response()
//! applies to the payload of a 2.05.

use crate::boundary::{Span, input_bytes};
use crate::coap_auth::{fill_reply, format as parse_format, iotwire_coap_auth_reply_t};
use crate::status::*;
use iotwire::coap_auth::reply::{Reply, parse_payload};

/// @brief Decodes the payload of a 2.05 auth response whose datagram the caller's CoAP stack
/// has already decoded: `token` (1..192 visible ASCII), and in symmetric mode `random`
/// (<= 32) and `seqOffset` (0..2147483647), into `reply`. The CoAP fields of `reply` (code,
/// type, message id, CoAP token) are written as 0: the caller's stack has them.
/// @param[in] payload The response payload.
/// @param[in] payload_len Its length.
/// @param[in] format `IOTWIRE_COAP_FORMAT_JSON` or `IOTWIRE_COAP_FORMAT_CBOR`: the
///            Content-Format of the response (or the Accept of the request without one).
/// @param[out] reply Filled on success only.
/// @retval IOTWIRE_OK a valid token (and whatever else the payload has).
/// @retval IOTWIRE_ERR_NULL_POINTER `reply` NULL, or `payload` NULL with a length.
/// @retval IOTWIRE_ERR_OVERLAP `reply` overlaps `payload`.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown `format`.
/// @retval IOTWIRE_ERR_INVALID_JSON, IOTWIRE_ERR_INVALID_CBOR malformed payload or member types.
/// @retval IOTWIRE_ERR_MISSING_FIELD no or empty `token`.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT token over 192 or random over 32 characters, either
///         not visible ASCII, or `seqOffset` outside 0..2147483647.
///
/// @code{c}
/// iotwire_coap_auth_reply_t r;
/// if (iotwire_coap_auth_parse_payload(msg->payload, msg->payloadlen, IOTWIRE_COAP_FORMAT_JSON, &r) == IOTWIRE_OK &&
///     (r.flags & IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM)) { ... }
/// @endcode
///
/// # Safety
/// `payload` must be NULL or readable for `payload_len` bytes; `reply` must be NULL or
/// writable for one `iotwire_coap_auth_reply_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_auth_parse_payload(
    payload: *const u8,
    payload_len: usize,
    format: u32,
    reply: *mut iotwire_coap_auth_reply_t,
) -> iotwire_status_t {
    let requested = match self::parse_format(format) {
        Ok(f) => f,
        Err(e) => return e,
    };
    if reply.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // SAFETY: forwarded caller contract.
    let bytes = match unsafe { input_bytes(payload, payload_len) } {
        Ok(b) => b,
        Err(e) => return e,
    };
    if Span::of(bytes).overlaps(Span::of_raw(reply.cast_const())) {
        return IOTWIRE_ERR_OVERLAP;
    }
    let mut parsed = Reply::default();
    if let Err(e) = parse_payload(bytes, requested, &mut parsed) {
        return from_error(e);
    }
    // SAFETY: non-NULL, writable for one struct (caller contract), disjoint from the payload
    // (checked), written after the last read of it.
    unsafe { fill_reply(reply, None, &parsed) };
    IOTWIRE_OK
}
