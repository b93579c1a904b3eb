//! `iotwire_coap_session_*`: the caller-owned CoAP session (message-id/token counters, auth
//! token, symmetric-mode key, seq). The C type is opaque storage of a fixed size; this file
//! is the only place that turns it into the core `Session`.

use crate::boundary::input_bytes;
use crate::status::*;
use crate::types::iotwire_str_t;
use iotwire::coap::session::{KEY_LEN, Session};

/// Bytes of storage in `iotwire_coap_session_t`.
pub const IOTWIRE_COAP_SESSION_SIZE: usize = 256;
/// Longest auth token a session stores (the legacy SDK's limit; issued tokens are ~36 bytes).
pub const IOTWIRE_COAP_AUTH_TOKEN_MAX: usize = 192;
/// Length of the symmetric-mode AES-128 key.
pub const IOTWIRE_COAP_KEY_LEN: usize = 16;

/// @brief A CoAP session: message-id and token counters, the auth token, the symmetric-mode
/// key and the seq counter. Caller-owned (stack, static or inside your own struct), no
/// globals. Treat it as opaque: set it up with iotwire_coap_session_init() and change it only
/// through the iotwire_coap_session_* functions. It holds secrets: call
/// iotwire_coap_session_clear() before its memory is reused or freed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_coap_session_t {
    /// Opaque state; do not read or write.
    pub opaque: [u64; 32],
}

const _: () = {
    assert!(core::mem::size_of::<iotwire_coap_session_t>() == IOTWIRE_COAP_SESSION_SIZE);
    assert!(core::mem::size_of::<Session>() <= IOTWIRE_COAP_SESSION_SIZE);
    assert!(core::mem::align_of::<Session>() <= core::mem::align_of::<iotwire_coap_session_t>());
    assert!(IOTWIRE_COAP_AUTH_TOKEN_MAX == iotwire::coap::session::AUTH_TOKEN_MAX);
    assert!(IOTWIRE_COAP_KEY_LEN == KEY_LEN);
};

/// Borrows an initialised session for writing.
///
/// # Safety
/// `p` must be NULL or point to a writable `iotwire_coap_session_t` that nothing else accesses
/// for `'a`.
pub unsafe fn session_mut<'a>(
    p: *mut iotwire_coap_session_t,
) -> Result<&'a mut Session, iotwire_status_t> {
    if p.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    if !(p as usize).is_multiple_of(core::mem::align_of::<Session>()) {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: non-NULL, aligned (checked), large enough (const assertion), exclusively ours
    // (caller contract); every `Session` field is an integer or byte array, so any bytes are
    // a valid `Session` and the magic check below tells initialised memory apart.
    let s = unsafe { &mut *p.cast::<Session>() };
    if !s.is_valid() {
        return Err(IOTWIRE_ERR_COAP_INVALID_SESSION);
    }
    Ok(s)
}

/// Borrows an initialised session for reading.
///
/// # Safety
/// `p` must be NULL or point to a readable `iotwire_coap_session_t` that nothing writes for
/// `'a`.
pub unsafe fn session_ref<'a>(
    p: *const iotwire_coap_session_t,
) -> Result<&'a Session, iotwire_status_t> {
    if p.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    if !(p as usize).is_multiple_of(core::mem::align_of::<Session>()) {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: as in `session_mut`, shared instead of exclusive.
    let s = unsafe { &*p.cast::<Session>() };
    if !s.is_valid() {
        return Err(IOTWIRE_ERR_COAP_INVALID_SESSION);
    }
    Ok(s)
}

/// @brief Sets up a session: no auth token, no key, no seq; message ids start at
/// `message_id_seed`, CoAP tokens at the legacy `04 03 02 01` (little-endian counter from
/// 0x01020304, +1 per datagram).
///
/// Seed the message id randomly (RFC 7252 §4.4). To reproduce a legacy SDK: v3.2.0 uses
/// `HAL_Random(0xffffffff) % 0xFFFF`, v2.3.0 uses 1. Ids then count up and wrap from 65535
/// to 0 (the legacy SDK stuck at 1 instead).
///
/// @param[out] session Storage to initialise (any previous content is overwritten).
/// @param[in] message_id_seed First message id.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `session` is not 8-byte aligned.
///
/// @code{c}
/// iotwire_coap_session_t session;
/// iotwire_coap_session_init(&session, (uint16_t)my_random());
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to writable memory for one `iotwire_coap_session_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_init(
    session: *mut iotwire_coap_session_t,
    message_id_seed: u16,
) -> iotwire_status_t {
    if session.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    if !(session as usize).is_multiple_of(core::mem::align_of::<Session>()) {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    // SAFETY: non-NULL, aligned, writable for the whole storage (caller contract). The old
    // content is overwritten without being read or dropped.
    unsafe {
        session.write(iotwire_coap_session_t { opaque: [0; 32] });
        session
            .cast::<Session>()
            .write(Session::new(message_id_seed));
    }
    IOTWIRE_OK
}

/// @brief Forgets the session's credentials (auth token, key, seq) with writes the compiler
/// may not remove. The message-id and token counters continue, so datagrams after a
/// re-authentication cannot repeat a recent message id. Call it on 4.01 before
/// re-authenticating, and before the session's memory is freed or reused.
///
/// @param[in,out] session An initialised session.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `session` is misaligned.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
///
/// @code{c}
/// if (resp.status == IOTWIRE_ERR_COAP_UNAUTHORIZED) {
///     iotwire_coap_session_clear(&session);
///     // authenticate again, then resend
/// }
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to a writable `iotwire_coap_session_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_clear(
    session: *mut iotwire_coap_session_t,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    match unsafe { session_mut(session) } {
        Ok(s) => {
            s.clear();
            IOTWIRE_OK
        }
        Err(e) => e,
    }
}

/// @brief Stores the auth token of a successful auth response (it goes into option 2088,
/// option 61 or the Uri-Query of every publish).
///
/// @param[in,out] session An initialised session.
/// @param[in] auth_token The `token` of the auth response, 1..=IOTWIRE_COAP_AUTH_TOKEN_MAX
///            bytes; copied.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` is NULL or `auth_token` is {NULL, n > 0}.
/// @retval IOTWIRE_ERR_MISSING_FIELD `auth_token` is empty.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `auth_token` is longer than
///         IOTWIRE_COAP_AUTH_TOKEN_MAX, or `session` is misaligned.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
///
/// @code{c}
/// iotwire_coap_session_set_auth_token(&session, iotwire_str("MZ8m37hp01w1SSqoDFzo0010500d00.ad2b"));
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to a writable `iotwire_coap_session_t`; `auth_token`
/// follows the `iotwire_str_t` contract.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_set_auth_token(
    session: *mut iotwire_coap_session_t,
    auth_token: iotwire_str_t,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    let token = match unsafe { input_bytes(auth_token.ptr.cast(), auth_token.len) } {
        Ok(t) => t,
        Err(e) => return e,
    };
    if token.len() > IOTWIRE_COAP_AUTH_TOKEN_MAX {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    // The token may lie inside the session: copy it out before the session is borrowed.
    let mut copy = [0u8; IOTWIRE_COAP_AUTH_TOKEN_MAX];
    for (d, b) in copy.iter_mut().zip(token) {
        *d = *b;
    }
    let len = token.len();
    // SAFETY: forwarded to the caller's contract.
    let s = match unsafe { session_mut(session) } {
        Ok(s) => s,
        Err(e) => {
            zeroize::Zeroize::zeroize(&mut copy);
            return e;
        }
    };
    let r = s.set_auth_token(copy.get(..len).unwrap_or(&[]));
    zeroize::Zeroize::zeroize(&mut copy);
    match r {
        Ok(()) => IOTWIRE_OK,
        Err(e) => from_error(e),
    }
}

/// @brief Applies the documented seq rule after an auth response: every seq must be greater
/// than its `seqOffset`, so the next publish uses `seq_offset + 1`, then +1 per publish.
///
/// @param[in,out] session An initialised session.
/// @param[in] seq_offset The `seqOffset` of the auth response.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` is NULL.
/// @retval IOTWIRE_ERR_OVERFLOW `seq_offset` is UINT32_MAX (no greater seq exists).
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `session` is misaligned.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
///
/// @code{c}
/// iotwire_coap_session_set_seq_offset(&session, 1);   // first publish sends seq 2
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to a writable `iotwire_coap_session_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_set_seq_offset(
    session: *mut iotwire_coap_session_t,
    seq_offset: u32,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    match unsafe { session_mut(session) } {
        Ok(s) => match s.set_seq_offset(seq_offset) {
            Ok(()) => IOTWIRE_OK,
            Err(e) => from_error(e),
        },
        Err(e) => e,
    }
}

/// @brief Sets the seq the next publish uses, then +1 per publish. For reproducing the legacy
/// SDKs, which start at `seqOffset` itself (contrary to the documented rule that
/// iotwire_coap_session_set_seq_offset() follows).
///
/// @param[in,out] session An initialised session.
/// @param[in] next_seq The seq of the next publish.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `session` is misaligned.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
///
/// @code{c}
/// iotwire_coap_session_set_next_seq(&session, seq_offset);   // iotkit v3.2.0 behaviour
/// @endcode
///
/// # Safety
/// `session` must be NULL or point to a writable `iotwire_coap_session_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_set_next_seq(
    session: *mut iotwire_coap_session_t,
    next_seq: u32,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    match unsafe { session_mut(session) } {
        Ok(s) => {
            s.set_next_seq(next_seq);
            IOTWIRE_OK
        }
        Err(e) => e,
    }
}
