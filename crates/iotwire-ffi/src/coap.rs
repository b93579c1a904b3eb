//! `iotwire_coap_publish_*` and `iotwire_coap_parse_response`: the Alibaba publish datagram
//! (`POST /topic/${topic}`) built from a session, and any response datagram decoded (code
//! mapped to a typed status, cloud message id, payload decrypted in symmetric mode).

use crate::boundary::{BytesOut, Span, emit_bytes, input, input_bytes};
use crate::coap_session::{iotwire_coap_session_t, session_mut, session_ref};
use crate::status::*;
use crate::types::iotwire_str_t;
use iotwire::coap::header::{MessageType, Token};
use iotwire::coap::publish::{self, Framing, Profile, Publish};
use iotwire::coap::response;
use iotwire::sink::Output;

/// Profile: the documented form (token option 2088, Accept = Content-Format).
pub const IOTWIRE_COAP_PROFILE_DOC: u32 = 0;
/// Profile: iotkit-embedded v3.x bytes (token option 61, Accept 42, seq printed with `%d`).
pub const IOTWIRE_COAP_PROFILE_V3_2_0: u32 = 1;
/// Profile: iotkit-embedded v2.3.0 bytes (token option 2088, Accept 42, seq with `%d`).
pub const IOTWIRE_COAP_PROFILE_V2_3_0: u32 = 2;

/// Content-Format `application/json` (50).
pub const IOTWIRE_COAP_FORMAT_JSON: u32 = 50;
/// Content-Format `application/cbor` (60).
pub const IOTWIRE_COAP_FORMAT_CBOR: u32 = 60;

/// Flag: send NON instead of CON.
pub const IOTWIRE_COAP_FLAG_NON: u32 = 1;
/// Flag: put the auth token and seq into Uri-Query (`token=..`, `seq=<hex of the encrypted
/// seq>`) instead of options 2088/2089.
pub const IOTWIRE_COAP_FLAG_QUERY: u32 = 2;
/// Flag: use `message_id` instead of the session's counter (which then does not advance).
pub const IOTWIRE_COAP_FLAG_MESSAGE_ID: u32 = 4;
/// Flag: use `token`/`token_len` instead of the session's token counter (which then does not
/// advance).
pub const IOTWIRE_COAP_FLAG_TOKEN: u32 = 8;

const KNOWN_FLAGS: u32 = IOTWIRE_COAP_FLAG_NON
    | IOTWIRE_COAP_FLAG_QUERY
    | IOTWIRE_COAP_FLAG_MESSAGE_ID
    | IOTWIRE_COAP_FLAG_TOKEN;

/// Default datagram limit in bytes.
pub const IOTWIRE_COAP_MAX_DATAGRAM_DEFAULT: u32 = 1280;

/// @brief How to build a publish. Initialise with iotwire_coap_publish_options_init(), then
/// set `topic` and `payload` and whatever else applies.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_coap_publish_options_t {
    /// `sizeof(iotwire_coap_publish_options_t)`, set by the init function.
    pub struct_size: u32,
    /// `IOTWIRE_COAP_PROFILE_*`.
    pub profile: u32,
    /// `IOTWIRE_COAP_FLAG_*` bits.
    pub flags: u32,
    /// `IOTWIRE_COAP_FORMAT_JSON` or `IOTWIRE_COAP_FORMAT_CBOR`.
    pub content_format: u32,
    /// Auth token option number: 0 = the profile's (2088, or 61 for v3.2.0), else 61 or 2088.
    pub token_option: u32,
    /// Largest datagram allowed; 0 = IOTWIRE_COAP_MAX_DATAGRAM_DEFAULT.
    pub max_datagram: u32,
    /// Message id used with IOTWIRE_COAP_FLAG_MESSAGE_ID.
    pub message_id: u16,
    /// Token length (0..=8) used with IOTWIRE_COAP_FLAG_TOKEN.
    pub token_len: u8,
    /// Reserved, must be 0.
    pub reserved: u8,
    /// Token bytes used with IOTWIRE_COAP_FLAG_TOKEN.
    pub token: [u8; 8],
    /// MQTT-style topic, e.g. `/sys/<pk>/<dn>/thing/event/property/post`; the library adds the
    /// leading `topic` path segment. No empty segments or wildcards.
    pub topic: iotwire_str_t,
    /// Payload (JSON text or CBOR bytes); encrypted by the library in symmetric mode.
    pub payload: iotwire_str_t,
}

const PUBLISH_OPTIONS_SIZE: usize = core::mem::size_of::<iotwire_coap_publish_options_t>();

/// @brief Fills `opts` with the defaults: documented profile, CON, JSON, the profile's token
/// option, 1280-byte limit, session counters, empty topic and payload.
///
/// @param[out] opts Options to initialise.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `opts` is NULL.
///
/// @code{c}
/// iotwire_coap_publish_options_t po;
/// iotwire_coap_publish_options_init(&po);
/// po.topic = iotwire_str("/sys/a1NUjcVkHZS/dev00/thing/event/property/post");
/// po.payload = iotwire_str("{\"id\":\"1\",\"params\":{}}");
/// @endcode
///
/// # Safety
/// `opts` must be NULL or writable for one `iotwire_coap_publish_options_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_publish_options_init(
    opts: *mut iotwire_coap_publish_options_t,
) -> iotwire_status_t {
    if opts.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let defaults = iotwire_coap_publish_options_t {
        struct_size: PUBLISH_OPTIONS_SIZE as u32,
        profile: IOTWIRE_COAP_PROFILE_DOC,
        flags: 0,
        content_format: IOTWIRE_COAP_FORMAT_JSON,
        token_option: 0,
        max_datagram: 0,
        message_id: 0,
        token_len: 0,
        reserved: 0,
        token: [0; 8],
        topic: iotwire_str_t::EMPTY,
        payload: iotwire_str_t::EMPTY,
    };
    // SAFETY: non-NULL and writable for one struct (caller contract).
    unsafe { opts.write(defaults) };
    IOTWIRE_OK
}

/// Reads and checks the caller's publish options; `None` for the message id and token means
/// the session's.
///
/// # Safety
/// `opts` must be NULL or point to a readable options struct of at least `struct_size` bytes
/// whose strings follow the `iotwire_str_t` contract for `'a`.
unsafe fn publish_args<'a>(
    opts: *const iotwire_coap_publish_options_t,
) -> Result<(Publish<'a>, Option<u16>, Option<Token>), iotwire_status_t> {
    if opts.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: non-NULL; every version of the struct starts with `uint32_t struct_size`.
    let size = unsafe { opts.cast::<u32>().read() } as usize;
    if size < PUBLISH_OPTIONS_SIZE {
        return Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    }
    // SAFETY: at least as large as ours (checked); plain data, valid for any bit pattern.
    let o = unsafe { &*opts };
    if o.reserved != 0 || o.flags & !KNOWN_FLAGS != 0 {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    let profile = match o.profile {
        IOTWIRE_COAP_PROFILE_DOC => Profile::Doc,
        IOTWIRE_COAP_PROFILE_V3_2_0 => Profile::IotkitV3,
        IOTWIRE_COAP_PROFILE_V2_3_0 => Profile::IotkitV2,
        _ => return Err(IOTWIRE_ERR_INVALID_SELECTOR),
    };
    let token_option = match o.token_option {
        0 => profile.token_option(),
        n @ (61 | 2088) => n as u16,
        _ => return Err(IOTWIRE_ERR_INVALID_SELECTOR),
    };
    if o.content_format != IOTWIRE_COAP_FORMAT_JSON && o.content_format != IOTWIRE_COAP_FORMAT_CBOR
    {
        return Err(IOTWIRE_ERR_INVALID_SELECTOR);
    }
    let content_format = o.content_format as u16;
    let flag = |f: u32| o.flags & f != 0;
    let token = if flag(IOTWIRE_COAP_FLAG_TOKEN) {
        let bytes = o.token.get(..usize::from(o.token_len));
        Some(Token::new(bytes.ok_or(IOTWIRE_ERR_INVALID_ARGUMENT)?).map_err(from_error)?)
    } else {
        None
    };
    // SAFETY: both strings follow the iotwire_str_t contract (caller).
    let (topic, payload) = unsafe { (input(o.topic)?, input(o.payload)?) };
    let publish = Publish {
        topic,
        payload,
        message_type: if flag(IOTWIRE_COAP_FLAG_NON) {
            MessageType::NonConfirmable
        } else {
            MessageType::Confirmable
        },
        content_format,
        accept: profile.accept(content_format),
        token_option,
        in_query: flag(IOTWIRE_COAP_FLAG_QUERY),
        signed_seq: profile.signed_seq(),
        max_datagram: match o.max_datagram {
            0 => publish::DEFAULT_MAX_DATAGRAM,
            n => n as usize,
        },
    };
    let message_id = flag(IOTWIRE_COAP_FLAG_MESSAGE_ID).then_some(o.message_id);
    Ok((publish, message_id, token))
}

/// @brief Builds the publish datagram `POST /topic/${topic}` from the session: CON/NON,
/// Uri-Path `topic` + the topic's segments, Content-Format, Accept, the auth token (option
/// 2088/61 or Uri-Query), and in symmetric mode (the session holds a key) the encrypted seq
/// (option 2089) and an AES-128-CBC payload.
///
/// On success (not on a size query, not on failure) the session's message id, token (unless
/// overridden) and seq advance.
///
/// @param[in,out] session Initialised session with an auth token (and, for symmetric mode, a
///                key and a seq).
/// @param[in] opts Publish options (iotwire_coap_publish_options_init()).
/// @param[out] out Datagram buffer, or NULL with `out_cap` 0 to query the exact size.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Datagram length on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session`, `opts` or `out_len` is NULL, `out` is NULL
///         with `out_cap` > 0, or a string is {NULL, n > 0}.
/// @retval IOTWIRE_ERR_INVALID_STRUCT_SIZE `opts->struct_size` is too small.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR Unknown profile, content format or token option.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT Unknown flag, `reserved` not 0, `token_len` > 8, or
///         a topic that is empty, has an empty segment, a wildcard or is not UTF-8.
/// @retval IOTWIRE_ERR_COAP_NOT_AUTHENTICATED The session has no auth token, or has a key
///         but no seq.
/// @retval IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE The datagram would exceed `max_datagram`.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
/// @retval IOTWIRE_ERR_UNSUPPORTED A key is set but this build lacks `coap-symmetric`.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` is too small.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps the session, the options, an input string or
///         `out_len`, or the topic or payload lies inside the session.
///
/// @code{c}
/// uint8_t dgram[1280];
/// size_t n;
/// int32_t rc = iotwire_coap_publish_build(&session, &po, dgram, sizeof dgram, &n);
/// if (rc == IOTWIRE_OK) udp_send(dgram, n);
/// @endcode
///
/// # Safety
/// `session` is NULL or a writable `iotwire_coap_session_t`; `opts` as for the options
/// init; `out` is NULL or writable for `out_cap` bytes; `out_len` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_publish_build(
    session: *mut iotwire_coap_session_t,
    opts: *const iotwire_coap_publish_options_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    let (publish, message_id, token) = match unsafe { publish_args(opts) } {
        Ok(a) => a,
        Err(e) => return e,
    };
    let session_span = Span::of_raw(session.cast_const());
    if Span::of(publish.topic).overlaps(session_span)
        || Span::of(publish.payload).overlaps(session_span)
    {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: forwarded to the caller's contract; no input lies in the session (checked).
    let s = match unsafe { session_mut(session) } {
        Ok(s) => s,
        Err(e) => return e,
    };
    let used = s.reserve();
    let framing = Framing {
        message_id: message_id.unwrap_or(used.message_id),
        token: token.unwrap_or(used.token),
        auth_token: s.auth_token().unwrap_or(&[]),
        key: s.key(),
        seq: used.seq,
    };
    let spans = [
        session_span,
        Span::of_raw(opts),
        Span::of(publish.topic),
        Span::of(publish.payload),
    ];
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: `b` is the caller's triple; `spans` are every caller range the builder reads.
    let rc = unsafe {
        emit_bytes(b, &spans, None, |o| {
            let measure = matches!(o, Output::Measure(_));
            publish::build(o, &publish, &framing, measure)
        })
    };
    if rc == IOTWIRE_OK && !out.is_null() {
        s.commit(
            &used,
            message_id.is_none(),
            token.is_none(),
            framing.key.is_some(),
        );
    }
    rc
}

/// @brief A decoded response (see iotwire_coap_parse_response()).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_coap_response_t {
    /// What the code means: IOTWIRE_OK for 2.xx and for a bare ACK (0.00, separate
    /// response follows); IOTWIRE_ERR_COAP_UNAUTHORIZED for 4.01 (re-authenticate);
    /// IOTWIRE_ERR_COAP_BAD_REQUEST, _FORBIDDEN, _NOT_FOUND, _METHOD_NOT_ALLOWED,
    /// _NOT_ACCEPTABLE, _UNSUPPORTED_CONTENT_FORMAT, _SERVER_ERROR for 4.00/4.03/4.04/4.05/
    /// 4.06/4.15/5.00; IOTWIRE_ERR_COAP_UNEXPECTED_CODE otherwise (Reset, request, other code).
    pub status: i32,
    /// 0 CON, 1 NON, 2 ACK, 3 RST.
    pub message_type: u8,
    /// Code byte `class << 5 | detail` (2.05 = 0x45 = 69).
    pub code: u8,
    /// Message id.
    pub message_id: u16,
    /// Token length (0..=8).
    pub token_len: u8,
    /// 1 if option 2090 (cloud message id) is present.
    pub has_cloud_message_id: u8,
    /// Token bytes.
    pub token: [u8; 8],
    /// Offset of the option 2090 value in the datagram (valid when present).
    pub cloud_message_id_offset: usize,
    /// Length of the option 2090 value.
    pub cloud_message_id_len: usize,
    /// Offset of the raw (possibly encrypted) payload in the datagram.
    pub payload_offset: usize,
    /// Length of the raw payload (0 = no payload).
    pub payload_raw_len: usize,
}

fn offset_in(outer: &[u8], inner: &[u8]) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// @brief Decodes a datagram from the platform. Any well-formed CoAP message is accepted; the
/// meaning of its code is `response->status`. With a session holding a key, a non-empty
/// payload is decrypted (strict PKCS#7); otherwise it is copied as is.
///
/// `response` and the payload are written only when IOTWIRE_OK is returned (also for a size
/// query). Match `response->message_id` / `token` to your request yourself.
///
/// @param[in] session Session whose key decrypts the payload, or NULL for no decryption.
/// @param[in] datagram The received datagram.
/// @param[in] datagram_len Its length.
/// @param[out] response Decoded header, status, token and offsets.
/// @param[out] payload_out Payload (decrypted), or NULL with `payload_cap` 0 to query the
///             exact size; `datagram_len` bytes are always enough.
/// @param[in] payload_cap Capacity of `payload_out`.
/// @param[out] payload_len Payload length on success.
/// @retval IOTWIRE_OK The datagram was understood (check `response->status`).
/// @retval IOTWIRE_ERR_NULL_POINTER `response` or `payload_len` is NULL, `datagram` is NULL
///         with a length, or `payload_out` is NULL with `payload_cap` > 0.
/// @retval IOTWIRE_ERR_COAP_MALFORMED Not a well-formed CoAP message.
/// @retval IOTWIRE_ERR_COAP_BAD_PADDING Symmetric mode and the payload does not decrypt to
///         valid PKCS#7.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` is not NULL and was never initialised.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `payload_cap` is too small.
/// @retval IOTWIRE_ERR_OVERLAP An output overlaps an input or another output.
///
/// @code{c}
/// iotwire_coap_response_t resp;
/// uint8_t body[1280];
/// size_t body_len;
/// int32_t rc = iotwire_coap_parse_response(&session, rx, rx_len, &resp, body, sizeof body, &body_len);
/// if (rc == IOTWIRE_OK && resp.status == IOTWIRE_ERR_COAP_UNAUTHORIZED) { reauthenticate(); }
/// @endcode
///
/// # Safety
/// `session` is NULL or a readable `iotwire_coap_session_t`; `datagram` is NULL or readable
/// for `datagram_len` bytes; `response` is NULL or writable; `payload_out` is NULL or
/// writable for `payload_cap` bytes; `payload_len` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_parse_response(
    session: *const iotwire_coap_session_t,
    datagram: *const u8,
    datagram_len: usize,
    response: *mut iotwire_coap_response_t,
    payload_out: *mut u8,
    payload_cap: usize,
    payload_len: *mut usize,
) -> iotwire_status_t {
    if response.is_null() || payload_len.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // SAFETY: forwarded to the caller's contract.
    let d = match unsafe { input_bytes(datagram, datagram_len) } {
        Ok(d) => d,
        Err(e) => return e,
    };
    let key = if session.is_null() {
        None
    } else {
        // SAFETY: forwarded to the caller's contract.
        match unsafe { session_ref(session) } {
            Ok(s) => s.key(),
            Err(e) => return e,
        }
    };
    let resp_span = Span::of_raw(response.cast_const());
    let session_span = if session.is_null() {
        Span::of(&[])
    } else {
        Span::of_raw(session)
    };
    // The payload buffer and `payload_len` are checked against `response` by `emit_bytes`
    // (it is passed there as an input range).
    if Span::of(d).overlaps(resp_span) || session_span.overlaps(resp_span) {
        return IOTWIRE_ERR_OVERLAP;
    }
    let r = match response::parse(d) {
        Ok(r) => r,
        Err(e) => return from_error(e),
    };
    let m = r.message;
    let payload = m.payload;
    let b = BytesOut {
        out: payload_out,
        cap: payload_cap,
        len: payload_len,
    };
    // SAFETY: `b` is the caller's triple; the spans are every caller range read.
    let rc = unsafe {
        emit_bytes(b, &[Span::of(d), session_span, resp_span], None, |o| {
            let measure = matches!(o, Output::Measure(_));
            write_payload(o, key, payload, measure)
        })
    };
    if rc != IOTWIRE_OK {
        return rc;
    }
    let mut token = [0u8; 8];
    for (t, b) in token.iter_mut().zip(m.token) {
        *t = *b;
    }
    let status = match response::code_status(m.header.message_type, m.header.code) {
        Ok(()) => IOTWIRE_OK,
        Err(e) => from_error(e),
    };
    let cloud = r.cloud_message_id;
    let decoded = iotwire_coap_response_t {
        status,
        message_type: m.header.message_type.bits(),
        code: m.header.code.0,
        message_id: m.header.message_id,
        token_len: u8::try_from(m.token.len()).unwrap_or(0),
        has_cloud_message_id: u8::from(cloud.is_some()),
        token,
        cloud_message_id_offset: cloud.map_or(0, |c| offset_in(d, c)),
        cloud_message_id_len: cloud.map_or(0, <[u8]>::len),
        payload_offset: if payload.is_empty() {
            0
        } else {
            offset_in(d, payload)
        },
        payload_raw_len: payload.len(),
    };
    // SAFETY: non-NULL, writable (caller contract), disjoint from every input (checked).
    unsafe { response.write(decoded) };
    IOTWIRE_OK
}

#[cfg(feature = "coap-symmetric")]
fn write_payload(
    o: &mut Output<'_>,
    key: Option<&[u8; 16]>,
    payload: &[u8],
    measure: bool,
) -> Result<(), iotwire::Error> {
    use iotwire::sink::Sink;
    match key {
        Some(k) if !payload.is_empty() => iotwire::coap::cbc::decrypt_to(o, k, payload, measure),
        _ => o.put(payload),
    }
}

#[cfg(not(feature = "coap-symmetric"))]
fn write_payload(
    o: &mut Output<'_>,
    key: Option<&[u8; 16]>,
    payload: &[u8],
    _measure: bool,
) -> Result<(), iotwire::Error> {
    use iotwire::sink::Sink;
    match key {
        Some(_) if !payload.is_empty() => Err(iotwire::Error::Unsupported),
        _ => o.put(payload),
    }
}
