//! The primitives legacy C code builds on (feature `crypto`): streaming MD5, SHA-1 and SHA-256,
//! streaming HMAC over each, AES-128-CBC with any IV and no padding, and a wipe that the
//! compiler cannot drop.
//!
//! Every state is caller-owned storage of a fixed size (the `*_ctx_t` types), viewed here as
//! the core's `#[repr(C)]` state (`iotwire::hash::stream`, `iotwire::aes_cbc`). Those states
//! are plain words for which every bit pattern is valid, so no magic value is needed and the
//! hash states fit inside the legacy SDK's own context structs (`iot_md5_context` 88 bytes,
//! `iot_sha1_context` 92, `iot_sha256_context` 108). A finish wipes its state; a failed call
//! changes nothing.

use crate::boundary::{BytesOut, Span, emit_bytes, emit_known, input_bytes};
use crate::status::*;
use core::ffi::c_void;
use iotwire::aes_cbc::Aes128Cbc;
use iotwire::hash::Algorithm;
use iotwire::hash::md5::Md5;
use iotwire::hash::sha1::Sha1;
use iotwire::hash::sha256::Sha256;
use iotwire::hash::stream::{HmacStream, Running, Stream};
use zeroize::Zeroize;

/// @brief MD5 state (88 bytes, fits `iot_md5_context`). Opaque; set up with
/// iotwire_md5_init().
#[repr(C)]
pub struct iotwire_md5_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u32; 22],
}

/// @brief SHA-1 state (92 bytes, fits `iot_sha1_context`). Opaque; set up with
/// iotwire_sha1_init().
#[repr(C)]
pub struct iotwire_sha1_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u32; 23],
}

/// @brief SHA-256 state (104 bytes, fits `iot_sha256_context`). Opaque; set up with
/// iotwire_sha256_init().
#[repr(C)]
pub struct iotwire_sha256_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u32; 26],
}

/// @brief HMAC-MD5 state (104 bytes): inner hash and outer chaining value, never the key.
#[repr(C)]
pub struct iotwire_hmac_md5_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u32; 26],
}

/// @brief HMAC-SHA1 state (112 bytes): inner hash and outer chaining value, never the key.
#[repr(C)]
pub struct iotwire_hmac_sha1_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u32; 28],
}

/// @brief HMAC-SHA256 state (136 bytes): inner hash and outer chaining value, never the key.
#[repr(C)]
pub struct iotwire_hmac_sha256_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u32; 34],
}

/// @brief AES-128-CBC state (32 bytes: key and chaining block; holds the key, so wipe it with
/// iotwire_wipe() before its memory is reused).
#[repr(C)]
pub struct iotwire_aes128_cbc_ctx_t {
    /// Opaque state; do not read or write.
    pub opaque: [u8; 32],
}

/// Same size and alignment as the core state it stores.
macro_rules! same_layout {
    ($c:ty, $core:ty) => {
        const _: () = assert!(
            core::mem::size_of::<$c>() == core::mem::size_of::<$core>()
                && core::mem::align_of::<$c>() == core::mem::align_of::<$core>()
        );
    };
}
same_layout!(iotwire_md5_ctx_t, Stream<Md5, 4>);
same_layout!(iotwire_sha1_ctx_t, Stream<Sha1, 5>);
same_layout!(iotwire_sha256_ctx_t, Stream<Sha256, 8>);
same_layout!(iotwire_hmac_md5_ctx_t, HmacStream<Md5, 4>);
same_layout!(iotwire_hmac_sha1_ctx_t, HmacStream<Sha1, 5>);
same_layout!(iotwire_hmac_sha256_ctx_t, HmacStream<Sha256, 8>);
same_layout!(iotwire_aes128_cbc_ctx_t, Aes128Cbc);

/// Views caller storage `C` as the core state `T` (same size and alignment, checked above).
///
/// # Safety
/// `p` must be NULL or point to a writable `C` that nothing else accesses for `'a`; `T` must
/// be a plain-data state valid for every bit pattern and as large as `C`.
unsafe fn state<'a, C, T>(p: *mut C) -> Result<&'a mut T, iotwire_status_t> {
    if p.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    if !(p as usize).is_multiple_of(core::mem::align_of::<T>()) {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: non-NULL, aligned (checked), exclusively the caller's for this call, and every
    // bit pattern is a valid `T` (the core states are arrays of integers and bytes).
    Ok(unsafe { &mut *p.cast::<T>() })
}

/// Borrows `(data, len)` as a message that must not overlap the state at `ctx`.
///
/// # Safety
/// `data` must be NULL or readable for `len` bytes for `'a`.
unsafe fn message<'a, C>(
    ctx: *const C,
    data: *const u8,
    len: usize,
) -> Result<&'a [u8], iotwire_status_t> {
    // SAFETY: forwarded caller contract.
    let m = unsafe { input_bytes(data, len) }?;
    if Span::of(m).overlaps(Span::of_raw(ctx)) {
        return Err(IOTWIRE_ERR_OVERLAP);
    }
    Ok(m)
}

fn status(r: Result<(), iotwire_status_t>) -> iotwire_status_t {
    match r {
        Ok(()) => IOTWIRE_OK,
        Err(e) => e,
    }
}

/// Writes `digest` (`len` bytes) through the output contract; the state at `ctx` counts as
/// an input, so the output cannot overlap it.
///
/// # Safety
/// The output triple follows the `emit_bytes` contract.
unsafe fn put_digest<C>(
    ctx: *const C,
    digest: &[u8],
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; the state is the only caller memory read.
    unsafe { emit_known(b, &[Span::of_raw(ctx)], digest) }
}

/// Shared body of the hash inits.
///
/// # Safety
/// As [`state`].
unsafe fn hash_init<C, H: Algorithm, const W: usize>(ctx: *mut C) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    status(unsafe { state::<C, Stream<H, W>>(ctx) }.map(|s| *s = Stream::new()))
}

/// Shared body of the hash and HMAC updates.
///
/// # Safety
/// As [`state`] and [`message`].
unsafe fn update<C, S: Running>(ctx: *mut C, data: *const u8, len: usize) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let m = match unsafe { message(ctx, data, len) } {
        Ok(m) => m,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract; `m` does not overlap the state (checked).
    status(unsafe { state::<C, S>(ctx) }.map(|s| s.update(m)))
}

/// Shared body of the hash and HMAC finishes: the digest is computed on a copy, so a refused
/// output leaves the state as it was; on success the state is wiped.
///
/// # Safety
/// As [`state`] and [`put_digest`].
unsafe fn finish<C, S: Running>(
    ctx: *mut C,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let s = match unsafe { state::<C, S>(ctx) } {
        Ok(s) => s,
        Err(e) => return e,
    };
    let mut copy = s.clone();
    let mut d = [0u8; 32];
    copy.finish_into(&mut d);
    // SAFETY: forwarded caller contract.
    let rc = unsafe {
        put_digest(
            ctx,
            d.get(..S::DIGEST_LEN).unwrap_or_default(),
            out,
            out_cap,
            out_len,
        )
    };
    d.zeroize();
    if rc == IOTWIRE_OK && !out.is_null() {
        s.wipe();
    }
    rc
}

/// Shared body of the HMAC inits.
///
/// # Safety
/// As [`state`]; `key` NULL or readable for `key_len` bytes.
unsafe fn hmac_init<C, H: Algorithm, const W: usize>(
    ctx: *mut C,
    key: *const u8,
    key_len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let k = match unsafe { message(ctx, key, key_len) } {
        Ok(k) => k,
        Err(e) => return e,
    };
    // SAFETY: forwarded caller contract; the key does not overlap the state (checked).
    status(unsafe { state::<C, HmacStream<H, W>>(ctx) }.map(|s| *s = HmacStream::new(k)))
}

/// @brief Starts an MD5 hash (interop only: MD5 is broken for collisions).
/// @param[out] ctx State to set up (any previous content is overwritten).
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` is not 4-byte aligned.
///
/// # Safety
/// `ctx` must be NULL or point to writable memory for one `iotwire_md5_ctx_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_md5_init(ctx: *mut iotwire_md5_ctx_t) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { hash_init::<_, Md5, 4>(ctx) }
}

/// @brief Feeds `len` bytes to an MD5 hash.
/// @param[in,out] ctx State from iotwire_md5_init().
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `data` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `data` overlaps `ctx`.
///
/// # Safety
/// `ctx` as for iotwire_md5_init(); `data` must be NULL or readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_md5_update(
    ctx: *mut iotwire_md5_ctx_t,
    data: *const u8,
    len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { update::<_, Stream<Md5, 4>>(ctx, data, len) }
}

/// @brief Writes the 16-byte MD5 digest and wipes the state.
/// @param[in,out] ctx State; wiped on success, unchanged on failure or size query.
/// @param[out] out 16 bytes, or NULL with `out_cap` 0 to query the size (16).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 16 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 16.
/// @retval IOTWIRE_ERR_OVERLAP `out` or `out_len` overlaps `ctx`, or `out_len` lies in `out`.
///
/// @code{c}
/// iotwire_md5_ctx_t h;
/// uint8_t d[16];
/// size_t n;
/// iotwire_md5_init(&h);
/// iotwire_md5_update(&h, (const uint8_t *)"abc", 3);
/// iotwire_md5_finish(&h, d, sizeof d, &n);
/// @endcode
///
/// # Safety
/// `ctx` as for iotwire_md5_init(); `out` NULL or writable for `out_cap` bytes; `out_len`
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_md5_finish(
    ctx: *mut iotwire_md5_ctx_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { finish::<_, Stream<Md5, 4>>(ctx, out, out_cap, out_len) }
}

/// @brief Starts a SHA-1 hash (interop only).
/// @param[out] ctx State to set up.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` is not 4-byte aligned.
///
/// # Safety
/// `ctx` must be NULL or point to writable memory for one `iotwire_sha1_ctx_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha1_init(ctx: *mut iotwire_sha1_ctx_t) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { hash_init::<_, Sha1, 5>(ctx) }
}

/// @brief Feeds `len` bytes to a SHA-1 hash.
/// @param[in,out] ctx State from iotwire_sha1_init().
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `data` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `data` overlaps `ctx`.
///
/// # Safety
/// `ctx` as for iotwire_sha1_init(); `data` must be NULL or readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha1_update(
    ctx: *mut iotwire_sha1_ctx_t,
    data: *const u8,
    len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { update::<_, Stream<Sha1, 5>>(ctx, data, len) }
}

/// @brief Writes the 20-byte SHA-1 digest and wipes the state.
/// @param[in,out] ctx State; wiped on success, unchanged on failure or size query.
/// @param[out] out 20 bytes, or NULL with `out_cap` 0 to query the size (20).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 20 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 20.
/// @retval IOTWIRE_ERR_OVERLAP `out` or `out_len` overlaps `ctx`, or `out_len` lies in `out`.
///
/// # Safety
/// `ctx` as for iotwire_sha1_init(); `out` NULL or writable for `out_cap` bytes; `out_len`
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha1_finish(
    ctx: *mut iotwire_sha1_ctx_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { finish::<_, Stream<Sha1, 5>>(ctx, out, out_cap, out_len) }
}

/// @brief Starts a SHA-256 hash.
/// @param[out] ctx State to set up.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` is not 4-byte aligned.
///
/// # Safety
/// `ctx` must be NULL or point to writable memory for one `iotwire_sha256_ctx_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha256_init(ctx: *mut iotwire_sha256_ctx_t) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { hash_init::<_, Sha256, 8>(ctx) }
}

/// @brief Feeds `len` bytes to a SHA-256 hash.
/// @param[in,out] ctx State from iotwire_sha256_init().
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `data` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `data` overlaps `ctx`.
///
/// # Safety
/// `ctx` as for iotwire_sha256_init(); `data` must be NULL or readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha256_update(
    ctx: *mut iotwire_sha256_ctx_t,
    data: *const u8,
    len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { update::<_, Stream<Sha256, 8>>(ctx, data, len) }
}

/// @brief Writes the 32-byte SHA-256 digest and wipes the state.
/// @param[in,out] ctx State; wiped on success, unchanged on failure or size query.
/// @param[out] out 32 bytes, or NULL with `out_cap` 0 to query the size (32).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 32 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 32.
/// @retval IOTWIRE_ERR_OVERLAP `out` or `out_len` overlaps `ctx`, or `out_len` lies in `out`.
///
/// @code{c}
/// iotwire_sha256_ctx_t h;
/// uint8_t d[32];
/// size_t n;
/// iotwire_sha256_init(&h);
/// iotwire_sha256_update(&h, firmware_chunk, chunk_len);
/// iotwire_sha256_finish(&h, d, sizeof d, &n);
/// @endcode
///
/// # Safety
/// `ctx` as for iotwire_sha256_init(); `out` NULL or writable for `out_cap` bytes; `out_len`
/// NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha256_finish(
    ctx: *mut iotwire_sha256_ctx_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { finish::<_, Stream<Sha256, 8>>(ctx, out, out_cap, out_len) }
}

/// @brief SHA-256 of `len` bytes in one call (the engine the MQTT sign already links, so a
/// firmware that also hashes once in a while adds no second SHA-256).
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @param[out] out 32 bytes, or NULL with `out_cap` 0 to query the size (32).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 32 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `data` NULL with `len` > 0, or `out` NULL
///         with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT the `data` range wraps the address space.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 32.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `data` or `out_len`.
///
/// # Safety
/// `data` NULL or readable for `len` bytes; `out` NULL or writable for `out_cap` bytes;
/// `out_len` NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha256(
    data: *const u8,
    len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let m = match unsafe { input_bytes(data, len) } {
        Ok(m) => m,
        Err(e) => return e,
    };
    let mut d = [0u8; 32];
    iotwire::hash::digest_into::<Sha256>(m, &mut d);
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; the message is the only caller memory read.
    let rc = unsafe { emit_known(b, &[Span::of(m)], &d) };
    d.zeroize();
    rc
}

/// @brief SHA-256 of `len` bytes into a 32-byte array: iotwire_sha256() for a caller whose
/// output is a fixed `uint8_t[32]` (the shape of mbed TLS's `mbedtls_sha256` and the legacy
/// SDK's `utils_sha256`), so without the size query and the capacity triple: a firmware that
/// only hashes into such arrays does not link the general output checks.
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @param[out] out 32 bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out` NULL, or `data` NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT the `data` range wraps the address space.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `data` (nothing written).
///
/// @code{c}
/// uint8_t d[32];
/// int32_t rc = iotwire_sha256_32(firmware, firmware_len, d);
/// @endcode
///
/// # Safety
/// `data` NULL or readable for `len` bytes; `out` NULL or writable for 32 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_sha256_32(
    data: *const u8,
    len: usize,
    out: *mut u8,
) -> iotwire_status_t {
    if out.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    // SAFETY: forwarded caller contract.
    let m = match unsafe { input_bytes(data, len) } {
        Ok(m) => m,
        Err(e) => return e,
    };
    let out = out.cast::<[u8; 32]>();
    if Span::of_raw(out.cast_const()).overlaps(Span::of(m)) {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: non-NULL, writable for 32 bytes (caller contract), alignment 1, disjoint from
    // the message (checked).
    iotwire::hash::digest_into::<Sha256>(m, unsafe { &mut *out });
    IOTWIRE_OK
}

/// @brief HMAC-SHA256 (RFC 2104) of a message in one call, on the engine the MQTT sign already
/// links. Keys longer than 64 bytes are hashed first (the legacy `utils_hmac_sha256` wrote
/// nothing for them).
/// @param[in] key Key bytes (NULL allowed when `key_len` is 0).
/// @param[in] key_len Key length, any.
/// @param[in] data Message bytes (NULL allowed when `len` is 0).
/// @param[in] len Message length.
/// @param[out] out 32 bytes, or NULL with `out_cap` 0 to query the size (32).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 32 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `out_len` NULL, `key`/`data` NULL with a length, or `out`
///         NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT an input range wraps the address space.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 32.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `key`, `data` or `out_len`.
///
/// # Safety
/// `key` and `data` NULL or readable for their lengths; `out` NULL or writable for `out_cap`
/// bytes; `out_len` NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha256(
    key: *const u8,
    key_len: usize,
    data: *const u8,
    len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let (k, m) = match unsafe { (input_bytes(key, key_len), input_bytes(data, len)) } {
        (Ok(k), Ok(m)) => (k, m),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let mut mac = iotwire::hmac::HmacSha256::new(k);
    mac.update(m);
    // Into this frame's array, wiped below: a MAC returned by value would leave a copy in
    // the dead frame of the callee.
    let mut d = [0u8; 32];
    mac.finish_into(&mut d);
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    // SAFETY: forwarded caller contract; key and message are the caller memory read.
    let rc = unsafe { emit_known(b, &[Span::of(k), Span::of(m)], &d) };
    d.zeroize();
    rc
}

/// @brief Starts an HMAC-MD5 (RFC 2104; interop only). Keys longer than 64 bytes are hashed
/// first, as RFC 2104 says (the legacy `utils_hmac_md5` wrote nothing for them). The state
/// keeps no copy of the key.
/// @param[out] ctx State to set up.
/// @param[in] key Key bytes (NULL allowed when `key_len` is 0).
/// @param[in] key_len Key length, any.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `key` is NULL with `key_len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the key range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `key` overlaps `ctx`.
///
/// # Safety
/// `ctx` must be NULL or writable for one `iotwire_hmac_md5_ctx_t`; `key` NULL or readable
/// for `key_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_md5_init(
    ctx: *mut iotwire_hmac_md5_ctx_t,
    key: *const u8,
    key_len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { hmac_init::<_, Md5, 4>(ctx, key, key_len) }
}

/// @brief Feeds message bytes to an HMAC-MD5.
/// @param[in,out] ctx State from iotwire_hmac_md5_init().
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `data` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `data` overlaps `ctx`.
///
/// # Safety
/// `ctx` as for iotwire_hmac_md5_init(); `data` NULL or readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_md5_update(
    ctx: *mut iotwire_hmac_md5_ctx_t,
    data: *const u8,
    len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { update::<_, HmacStream<Md5, 4>>(ctx, data, len) }
}

/// @brief Writes the 16-byte HMAC-MD5 and wipes the state.
/// @param[in,out] ctx State; wiped on success, unchanged on failure or size query.
/// @param[out] out 16 bytes, or NULL with `out_cap` 0 to query the size (16).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 16 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 16.
/// @retval IOTWIRE_ERR_OVERLAP `out` or `out_len` overlaps `ctx`, or `out_len` lies in `out`.
///
/// # Safety
/// `ctx` as for iotwire_hmac_md5_init(); `out` NULL or writable for `out_cap` bytes;
/// `out_len` NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_md5_finish(
    ctx: *mut iotwire_hmac_md5_ctx_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { finish::<_, HmacStream<Md5, 4>>(ctx, out, out_cap, out_len) }
}

/// @brief Starts an HMAC-SHA1 (RFC 2104; interop only). Keys longer than 64 bytes are hashed
/// first (the legacy `utils_hmac_sha1` wrote nothing for them). No copy of the key is kept.
/// @param[out] ctx State to set up.
/// @param[in] key Key bytes (NULL allowed when `key_len` is 0).
/// @param[in] key_len Key length, any.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `key` is NULL with `key_len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the key range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `key` overlaps `ctx`.
///
/// # Safety
/// `ctx` must be NULL or writable for one `iotwire_hmac_sha1_ctx_t`; `key` NULL or readable
/// for `key_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha1_init(
    ctx: *mut iotwire_hmac_sha1_ctx_t,
    key: *const u8,
    key_len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { hmac_init::<_, Sha1, 5>(ctx, key, key_len) }
}

/// @brief Feeds message bytes to an HMAC-SHA1.
/// @param[in,out] ctx State from iotwire_hmac_sha1_init().
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `data` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `data` overlaps `ctx`.
///
/// # Safety
/// `ctx` as for iotwire_hmac_sha1_init(); `data` NULL or readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha1_update(
    ctx: *mut iotwire_hmac_sha1_ctx_t,
    data: *const u8,
    len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { update::<_, HmacStream<Sha1, 5>>(ctx, data, len) }
}

/// @brief Writes the 20-byte HMAC-SHA1 and wipes the state.
/// @param[in,out] ctx State; wiped on success, unchanged on failure or size query.
/// @param[out] out 20 bytes, or NULL with `out_cap` 0 to query the size (20).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 20 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 20.
/// @retval IOTWIRE_ERR_OVERLAP `out` or `out_len` overlaps `ctx`, or `out_len` lies in `out`.
///
/// # Safety
/// `ctx` as for iotwire_hmac_sha1_init(); `out` NULL or writable for `out_cap` bytes;
/// `out_len` NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha1_finish(
    ctx: *mut iotwire_hmac_sha1_ctx_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { finish::<_, HmacStream<Sha1, 5>>(ctx, out, out_cap, out_len) }
}

/// @brief Starts an HMAC-SHA256 (RFC 2104). Keys longer than 64 bytes are hashed first (the
/// legacy `utils_hmac_sha256` wrote nothing for them). No copy of the key is kept.
/// @param[out] ctx State to set up.
/// @param[in] key Key bytes (NULL allowed when `key_len` is 0).
/// @param[in] key_len Key length, any.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `key` is NULL with `key_len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the key range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `key` overlaps `ctx`.
///
/// @code{c}
/// iotwire_hmac_sha256_ctx_t m;
/// uint8_t mac[32];
/// size_t n;
/// iotwire_hmac_sha256_init(&m, (const uint8_t *)secret, strlen(secret));
/// iotwire_hmac_sha256_update(&m, (const uint8_t *)"clientId", 8);
/// iotwire_hmac_sha256_update(&m, (const uint8_t *)client_id, strlen(client_id));
/// iotwire_hmac_sha256_finish(&m, mac, sizeof mac, &n);
/// @endcode
///
/// # Safety
/// `ctx` must be NULL or writable for one `iotwire_hmac_sha256_ctx_t`; `key` NULL or readable
/// for `key_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha256_init(
    ctx: *mut iotwire_hmac_sha256_ctx_t,
    key: *const u8,
    key_len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { hmac_init::<_, Sha256, 8>(ctx, key, key_len) }
}

/// @brief Feeds message bytes to an HMAC-SHA256.
/// @param[in,out] ctx State from iotwire_hmac_sha256_init().
/// @param[in] data Bytes (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` is NULL, or `data` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned, or the range wraps.
/// @retval IOTWIRE_ERR_OVERLAP `data` overlaps `ctx`.
///
/// # Safety
/// `ctx` as for iotwire_hmac_sha256_init(); `data` NULL or readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha256_update(
    ctx: *mut iotwire_hmac_sha256_ctx_t,
    data: *const u8,
    len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { update::<_, HmacStream<Sha256, 8>>(ctx, data, len) }
}

/// @brief Writes the 32-byte HMAC-SHA256 and wipes the state.
/// @param[in,out] ctx State; wiped on success, unchanged on failure or size query.
/// @param[out] out 32 bytes, or NULL with `out_cap` 0 to query the size (32).
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len 32 on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `ctx` not 4-byte aligned.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < 32.
/// @retval IOTWIRE_ERR_OVERLAP `out` or `out_len` overlaps `ctx`, or `out_len` lies in `out`.
///
/// # Safety
/// `ctx` as for iotwire_hmac_sha256_init(); `out` NULL or writable for `out_cap` bytes;
/// `out_len` NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_hmac_sha256_finish(
    ctx: *mut iotwire_hmac_sha256_ctx_t,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { finish::<_, HmacStream<Sha256, 8>>(ctx, out, out_cap, out_len) }
}

/// Reads a 16-byte argument (key or IV) that must not overlap the state.
///
/// # Safety
/// `p` NULL or readable for `len` bytes.
unsafe fn block_arg<C>(
    ctx: *const C,
    p: *const u8,
    len: usize,
) -> Result<[u8; 16], iotwire_status_t> {
    if p.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    // SAFETY: forwarded caller contract.
    let b = unsafe { message(ctx, p, len) }?;
    b.try_into().map_err(|_| IOTWIRE_ERR_INVALID_ARGUMENT)
}

/// @brief Sets up AES-128-CBC under `key` starting from `iv`. Consecutive
/// iotwire_aes128_cbc_encrypt() (or _decrypt()) calls continue one CBC stream, as the legacy
/// `infra_aes128_*` handle did. No padding: inputs are whole 16-byte blocks.
/// @param[out] ctx State to set up (holds the key: wipe it with iotwire_wipe() when done).
/// @param[in] key 16-byte key.
/// @param[in] key_len Must be 16.
/// @param[in] iv 16-byte initialisation vector.
/// @param[in] iv_len Must be 16.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx`, `key` or `iv` is NULL.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `key_len` or `iv_len` is not 16.
/// @retval IOTWIRE_ERR_OVERLAP `key` or `iv` overlaps `ctx`.
///
/// @code{c}
/// iotwire_aes128_cbc_ctx_t c;
/// uint8_t ct[32];
/// size_t n;
/// iotwire_aes128_cbc_init(&c, key, 16, iv, 16);
/// iotwire_aes128_cbc_encrypt(&c, plain, 32, ct, sizeof ct, &n);
/// iotwire_wipe(&c, sizeof c);
/// @endcode
///
/// # Safety
/// `ctx` NULL or writable for one `iotwire_aes128_cbc_ctx_t`; `key` and `iv` NULL or readable
/// for their lengths.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_aes128_cbc_init(
    ctx: *mut iotwire_aes128_cbc_ctx_t,
    key: *const u8,
    key_len: usize,
    iv: *const u8,
    iv_len: usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let args = unsafe { (block_arg(ctx, key, key_len), block_arg(ctx, iv, iv_len)) };
    let (mut k, v) = match args {
        (Ok(k), Ok(v)) => (k, v),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    // SAFETY: forwarded caller contract; key and IV were copied out (and do not overlap it).
    let rc = status(unsafe { state::<_, Aes128Cbc>(ctx) }.map(|s| *s = Aes128Cbc::new(&k, &v)));
    k.zeroize();
    rc
}

/// Shared body of the CBC calls: output through the byte contract, chaining block committed
/// only once the output is written.
///
/// # Safety
/// As the two exports.
unsafe fn cbc(
    ctx: *mut iotwire_aes128_cbc_ctx_t,
    encrypt: bool,
    input: *const u8,
    input_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    let data = match unsafe { message(ctx, input, input_len) } {
        Ok(d) => d,
        Err(e) => return e,
    };
    if !data.len().is_multiple_of(16) {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    // SAFETY: forwarded caller contract.
    let s = match unsafe { state::<_, Aes128Cbc>(ctx) } {
        Ok(s) => s,
        Err(e) => return e,
    };
    let next = core::cell::Cell::new(None);
    let b = BytesOut {
        out,
        cap: out_cap,
        len: out_len,
    };
    let state_ref: &Aes128Cbc = s;
    // SAFETY: forwarded caller contract; the input and the state are every caller range read.
    let rc = unsafe {
        emit_bytes(
            b,
            &[Span::of(data), Span::of_raw(ctx.cast_const())],
            Some(data.len()),
            |o| {
                let chain = if encrypt {
                    state_ref.encrypt_to(data, o)?
                } else {
                    state_ref.decrypt_to(data, o)?
                };
                next.set(Some(chain));
                Ok(())
            },
        )
    };
    if let Some(chain) = next.take() {
        s.set_chain(chain);
    }
    rc
}

/// @brief Encrypts whole blocks with AES-128-CBC, continuing the stream of `ctx`.
/// @param[in,out] ctx State from iotwire_aes128_cbc_init(); its chaining block advances only
///            on success.
/// @param[in] input Plaintext, a multiple of 16 bytes (NULL allowed when `input_len` is 0).
/// @param[in] input_len Plaintext length.
/// @param[out] out Ciphertext (`input_len` bytes), or NULL with `out_cap` 0 for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len `input_len` on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, `input` NULL with `input_len` > 0,
///         or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `input_len` not a multiple of 16.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < `input_len`.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `input`, `ctx` or `out_len` (no in-place use).
///
/// # Safety
/// `ctx` NULL or a state from iotwire_aes128_cbc_init(); `input` NULL or readable for
/// `input_len` bytes; `out` NULL or writable for `out_cap` bytes; `out_len` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_aes128_cbc_encrypt(
    ctx: *mut iotwire_aes128_cbc_ctx_t,
    input: *const u8,
    input_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { cbc(ctx, true, input, input_len, out, out_cap, out_len) }
}

/// @brief Decrypts whole blocks with AES-128-CBC, continuing the stream of `ctx`. No padding
/// is removed or checked: that is the caller's scheme.
/// @param[in,out] ctx State from iotwire_aes128_cbc_init(); its chaining block advances only
///            on success.
/// @param[in] input Ciphertext, a multiple of 16 bytes (NULL allowed when `input_len` is 0).
/// @param[in] input_len Ciphertext length.
/// @param[out] out Plaintext (`input_len` bytes), or NULL with `out_cap` 0 for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len `input_len` on success.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `ctx` or `out_len` NULL, `input` NULL with `input_len` > 0,
///         or `out` NULL with `out_cap` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `input_len` not a multiple of 16.
/// @retval IOTWIRE_ERR_BUFFER_TOO_SMALL `out_cap` < `input_len`.
/// @retval IOTWIRE_ERR_OVERLAP `out` overlaps `input`, `ctx` or `out_len` (no in-place use).
///
/// # Safety
/// As iotwire_aes128_cbc_encrypt().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_aes128_cbc_decrypt(
    ctx: *mut iotwire_aes128_cbc_ctx_t,
    input: *const u8,
    input_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    // SAFETY: forwarded caller contract.
    unsafe { cbc(ctx, false, input, input_len, out, out_cap, out_len) }
}

/// @brief Zeroes `len` bytes at `buf` in a way the compiler does not remove (for keys, states
/// and secrets in C memory; C has no portable equivalent before C23's memset_explicit).
/// @param[out] buf Memory to wipe (NULL allowed when `len` is 0).
/// @param[in] len Number of bytes.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_NULL_POINTER `buf` is NULL with `len` > 0.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT the range wraps the address space.
///
/// # Safety
/// `buf` must be NULL or writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_wipe(buf: *mut c_void, len: usize) -> iotwire_status_t {
    if len == 0 {
        return IOTWIRE_OK;
    }
    if buf.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    if len > isize::MAX as usize || (buf as usize).checked_add(len).is_none() {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    // SAFETY: non-NULL, in range (checked) and writable for `len` bytes (caller contract);
    // the slice lives only for the wipe.
    unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len) }.zeroize();
    IOTWIRE_OK
}
