//! Alibaba CoAP symmetric mode from C: key derivation, AES-128-CBC with the platform's fixed
//! IV and PKCS#7 (strict on decrypt), and putting the key into a session.

use crate::boundary::{BytesOut, Span, emit_bytes, input, input_bytes};
use crate::coap_session::{IOTWIRE_COAP_KEY_LEN, iotwire_coap_session_t, session_mut};
use crate::status::*;
use crate::types::iotwire_str_t;
use iotwire::coap::{cbc, key};
use iotwire::sink::{Output, Sink};
use zeroize::Zeroize;

/// Copies a 16-byte key argument into the caller's `k` (which the caller wipes; a key
/// returned by value would leave a copy on the stack) and returns the span it was read from.
///
/// # Safety
/// `key` must be NULL or readable for `key_len` bytes.
unsafe fn key_arg(
    key: *const u8,
    key_len: usize,
    k: &mut [u8; IOTWIRE_COAP_KEY_LEN],
) -> Result<Span, iotwire_status_t> {
    if key.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: forwarded to the caller's contract.
    let bytes = unsafe { input_bytes(key, key_len) }?;
    if bytes.len() != IOTWIRE_COAP_KEY_LEN {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    k.copy_from_slice(bytes);
    Ok(Span::of(bytes))
}

/// @brief Derives the symmetric-mode AES-128 key: raw bytes [8, 24) of
/// SHA-256(`device_secret + "," + random`), i.e. hex-decoding characters 16..48 of the hex
/// digest (never their ASCII).
///
/// @param[in] device_secret DeviceSecret.
/// @param[in] random The `random` of the auth response.
/// @param[out] out 16 bytes, or NULL with `out_cap` 0 to query the size (16).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 16 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` is NULL, `out` is NULL with `out_cap` > 0, or
///         a string is {NULL, n > 0}.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 16.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps an input or `out_len`.
///
/// @code{c}
/// uint8_t key[IOTWIRE_COAP_KEY_LEN];
/// size_t len;
/// int32_t rc = iotwire_coap_derive_key(iotwire_str(device_secret), iotwire_str("ad2b3a5eb51d64ab"),
///                                      key, sizeof key, &len);
/// @endcode
///
/// # Safety
/// Strings follow the `iotwire_str_t` contract; `out` is NULL or writable for `out_cap`
/// bytes; `out_len` is NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_derive_key(
    device_secret: iotwire_str_t,
    random: iotwire_str_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    let (ds, r) = match unsafe { (input(device_secret), input(random)) } {
        (Ok(d), Ok(r)) => (d, r),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let mut k = [0u8; IOTWIRE_COAP_KEY_LEN];
    key::derive_key_into(ds, r, &mut k);
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: `b` is the caller's triple; the spans are every input read.
    let rc = unsafe {
        emit_bytes(b, &[Span::of(ds), Span::of(r)], Some(k.len()), |o| {
            o.put(&k)
        })
    };
    k.zeroize();
    rc
}

/// @brief AES-128-CBC encryption as the platform's symmetric mode does it: IV
/// `543yhjy97ae7fyfg`, PKCS#7 padding (1..16 bytes; output length = `(input_len & ~15) + 16`).
///
/// @param[in] key The 16-byte key.
/// @param[in] key_len Must be 16.
/// @param[in] input Plaintext (NULL allowed when `input_len` is 0).
/// @param[in] input_len Plaintext length.
/// @param[out] out Ciphertext, or NULL with `out_cap` 0 to query the size.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Ciphertext length on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `key` or `out_len` is NULL, `input` is NULL with
///         `input_len` > 0, or `out` is NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `key_len` is not 16.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` is smaller than the ciphertext.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `key`, `input` or `out_len`.
///
/// @code{c}
/// uint8_t ct[32];
/// size_t ct_len;
/// int32_t rc = iotwire_coap_aes_encrypt(key, 16, (const uint8_t *)"10", 2, ct, sizeof ct, &ct_len);
/// @endcode
///
/// # Safety
/// `key` is NULL or readable for `key_len` bytes; `input` is NULL or readable for `input_len`
/// bytes; `out` is NULL or writable for `out_cap` bytes; `out_len` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_aes_encrypt(
    key: *const u8,
    key_len: usize,
    input: *const u8,
    input_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let mut k = [0u8; IOTWIRE_COAP_KEY_LEN];
    // SAFETY: forwarded to the caller's contract.
    let key_span = match unsafe { key_arg(key, key_len, &mut k) } {
        Ok(v) => v,
        Err(e) => return e,
    };
    // SAFETY: forwarded to the caller's contract.
    let plain = match unsafe { input_bytes(input, input_len) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    let len = match cbc::encrypted_len(plain.len()) {
        Ok(n) => n,
        Err(e) => return from_error(e),
    };
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: `b` is the caller's triple; the spans are every input read.
    let rc = unsafe {
        emit_bytes(b, &[key_span, Span::of(plain)], Some(len), |o| {
            cbc::encrypt_to(o, &k, plain, false)
        })
    };
    k.zeroize();
    rc
}

/// @brief AES-128-CBC decryption for the platform's symmetric mode (IV `543yhjy97ae7fyfg`)
/// with strict PKCS#7 checking. Unlike the legacy SDK, a bad pad is an error, never a wrong
/// or out-of-bounds length, and nothing is written.
///
/// @param[in] key The 16-byte key.
/// @param[in] key_len Must be 16.
/// @param[in] input Ciphertext, a positive multiple of 16 bytes.
/// @param[in] input_len Ciphertext length.
/// @param[out] out Plaintext, or NULL with `out_cap` 0 to query the exact size.
/// @param[in] out_cap Capacity of `out` (`input_len` is always enough).
/// @param[out] out_len Plaintext length on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `key` or `out_len` is NULL, `input` is NULL with
///         `input_len` > 0, or `out` is NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `key_len` is not 16.
/// @retval IOTWIRE_ERR_COAP_BAD_PADDING `input_len` is 0 or not a multiple of 16, or the
///         padding is not 1..16 bytes each equal to its count.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` is smaller than the plaintext.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `key`, `input` or `out_len`.
///
/// @code{c}
/// uint8_t pt[64];
/// size_t pt_len;
/// int32_t rc = iotwire_coap_aes_decrypt(key, 16, ct, ct_len, pt, sizeof pt, &pt_len);
/// if (rc == IOTWIRE_ERR_COAP_BAD_PADDING) { drop_datagram(); }
/// @endcode
///
/// # Safety
/// As for iotwire_coap_aes_encrypt().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_aes_decrypt(
    key: *const u8,
    key_len: usize,
    input: *const u8,
    input_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let mut k = [0u8; IOTWIRE_COAP_KEY_LEN];
    // SAFETY: forwarded to the caller's contract.
    let key_span = match unsafe { key_arg(key, key_len, &mut k) } {
        Ok(v) => v,
        Err(e) => return e,
    };
    // SAFETY: forwarded to the caller's contract.
    let ct = match unsafe { input_bytes(input, input_len) } {
        Ok(p) => p,
        Err(e) => return e,
    };
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: `b` is the caller's triple; the spans are every input read.
    let rc = unsafe {
        emit_bytes(b, &[key_span, Span::of(ct)], None, |o| {
            let measure = matches!(o, Output::Measure(_));
            cbc::decrypt_to(o, &k, ct, measure)
        })
    };
    k.zeroize();
    rc
}

/// @brief Puts a symmetric-mode key into the session; from then on publishes are encrypted
/// (payload and seq option) and response payloads are decrypted.
///
/// @param[in,out] session An initialised session.
/// @param[in] key The 16-byte key (e.g. from iotwire_coap_derive_key()); copied.
/// @param[in] key_len Must be 16.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` or `key` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `key_len` is not 16, or `session` is misaligned.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
///
/// @code{c}
/// iotwire_coap_session_set_key(&session, key, sizeof key);
/// @endcode
///
/// # Safety
/// `session` is NULL or a writable `iotwire_coap_session_t`; `key` is NULL or readable for
/// `key_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_set_key(
    session: *mut iotwire_coap_session_t,
    key: *const u8,
    key_len: usize,
) -> iotwire_status_t {
    let mut k = [0u8; IOTWIRE_COAP_KEY_LEN];
    // SAFETY: forwarded to the caller's contract; the key is copied out before the session
    // is borrowed, so an aliasing key cannot be observed half-written.
    if let Err(e) = unsafe { key_arg(key, key_len, &mut k) } {
        return e;
    }
    // SAFETY: forwarded to the caller's contract.
    let rc = match unsafe { session_mut(session) } {
        Ok(s) => {
            s.set_key(&k);
            IOTWIRE_OK
        }
        Err(e) => e,
    };
    k.zeroize();
    rc
}

/// @brief Derives the symmetric-mode key (as iotwire_coap_derive_key()) straight into the
/// session, so the key never passes through caller memory.
///
/// @param[in,out] session An initialised session.
/// @param[in] device_secret DeviceSecret.
/// @param[in] random The `random` of the auth response.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `session` is NULL or a string is {NULL, n > 0}.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `session` is misaligned.
/// @retval IOTWIRE_ERR_COAP_INVALID_SESSION `session` was never initialised.
///
/// @code{c}
/// iotwire_coap_session_derive_key(&session, iotwire_str(device_secret), iotwire_str(random));
/// @endcode
///
/// # Safety
/// `session` is NULL or a writable `iotwire_coap_session_t`; strings follow the
/// `iotwire_str_t` contract.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_coap_session_derive_key(
    session: *mut iotwire_coap_session_t,
    device_secret: iotwire_str_t,
    random: iotwire_str_t,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    let (ds, r) = match unsafe { (input(device_secret), input(random)) } {
        (Ok(d), Ok(r)) => (d, r),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    // Derived before the session is borrowed: the inputs may lie inside the session.
    let mut k = [0u8; IOTWIRE_COAP_KEY_LEN];
    key::derive_key_into(ds, r, &mut k);
    // SAFETY: forwarded to the caller's contract.
    let rc = match unsafe { session_mut(session) } {
        Ok(s) => {
            s.set_key(&k);
            IOTWIRE_OK
        }
        Err(e) => e,
    };
    k.zeroize();
    rc
}
