//! Pointer-to-slice conversion and the output-buffer contract shared by every export:
//!
//! - inputs are `(ptr, len)`; `(NULL, 0)` is empty, `(NULL, n)` is `IOTWIRE_ERR_NULL_POINTER`,
//!   ranges that wrap the address space are `IOTWIRE_ERR_INVALID_ARGUMENT`;
//! - text outputs are `(char *out, size_t out_cap, size_t *out_len)`. `out == NULL &&
//!   out_cap == 0` is a size query: `*out_len` becomes the capacity needed (length + 1 for the
//!   NUL). Otherwise the text and its NUL are written and `*out_len` is the length without NUL;
//! - byte outputs (datagrams, packets, keys) are `(uint8_t *out, size_t out_cap, size_t
//!   *out_len)` with the same rules but no NUL: the size query gives the exact length;
//! - on any failure nothing is written, neither `out` nor `*out_len`;
//! - an output that overlaps an input or `out_len` is `IOTWIRE_ERR_OVERLAP`.

use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::Error;
use iotwire::sink::{Counter, Output, SliceWriter};

/// A byte range in the caller's address space, for overlap checks.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    start: usize,
    len: usize,
}

impl Span {
    /// The span of a slice.
    pub fn of(bytes: &[u8]) -> Span {
        Span {
            start: bytes.as_ptr() as usize,
            len: bytes.len(),
        }
    }

    /// The span of a raw object, for overlap checks only (nothing is dereferenced).
    pub fn of_raw<T>(ptr: *const T) -> Span {
        Span {
            start: ptr as usize,
            len: core::mem::size_of::<T>(),
        }
    }

    /// True when both spans are non-empty and share a byte.
    pub fn overlaps(self, other: Span) -> bool {
        if self.len == 0 || other.len == 0 {
            return false;
        }
        let self_end = self.start.saturating_add(self.len);
        let other_end = other.start.saturating_add(other.len);
        self.start < other_end && other.start < self_end
    }
}

/// Checks that `(ptr, len)` describes a range Rust may view as a slice.
fn range_ok(ptr: usize, len: usize) -> Result<(), iotwire_status_t> {
    if len > isize::MAX as usize || ptr.checked_add(len).is_none() {
        return Err(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    Ok(())
}

/// Borrows an input byte string.
///
/// # Safety
/// If `s.ptr` is not NULL it must point to `s.len` readable bytes that stay valid and
/// unmodified for `'a`.
pub unsafe fn input<'a>(s: iotwire_str_t) -> Result<&'a [u8], iotwire_status_t> {
    // SAFETY: forwarded to the caller's contract.
    unsafe { input_bytes(s.ptr.cast(), s.len) }
}

/// Borrows an input byte buffer. Out of line: the options structs alone have some sixty
/// string fields, and the checks inlined at each cost flash.
///
/// # Safety
/// If `ptr` is not NULL it must point to `len` readable bytes valid and unmodified for `'a`.
#[inline(never)]
pub unsafe fn input_bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], iotwire_status_t> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(IOTWIRE_ERR_NULL_POINTER);
    }
    range_ok(ptr as usize, len)?;
    // SAFETY: non-NULL, in range (checked above), readable for `len` bytes (caller contract).
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Borrows `N` input strings at once (an options struct's string members) into `out`: one
/// loop instead of the checks written out for each member, and no array moved.
///
/// # Safety
/// Each string must follow the `iotwire_str_t` contract for the lifetime of `out`'s slices
/// (see [`input`]).
pub unsafe fn input_all<const N: usize>(
    strs: &[iotwire_str_t; N],
    out: &mut [&[u8]; N],
) -> Result<(), iotwire_status_t> {
    for (slot, s) in out.iter_mut().zip(strs.iter()) {
        // SAFETY: forwarded caller contract.
        *slot = unsafe { input(*s) }?;
    }
    Ok(())
}

/// The caller's `(out, out_cap, out_len)` triple for a NUL-terminated text output.
#[derive(Clone, Copy, Debug)]
pub struct TextOut {
    /// Destination or NULL for a size query.
    pub out: *mut c_char,
    /// Capacity in bytes.
    pub cap: usize,
    /// Where the length goes.
    pub len: *mut usize,
}

/// The caller's `(out, out_cap, out_len)` triple for a binary output (no NUL terminator).
#[derive(Clone, Copy, Debug)]
pub struct BytesOut {
    /// Destination or NULL for a size query.
    pub out: *mut u8,
    /// Capacity in bytes.
    pub cap: usize,
    /// Where the length goes.
    pub len: *mut usize,
}

/// [`emit_text`] for binary outputs: the same contract, but no NUL is appended and a size
/// query reports the exact length.
///
/// # Safety
/// As for [`emit_text`].
pub unsafe fn emit_bytes<F>(
    b: BytesOut,
    inputs: &[Span],
    measured: Option<usize>,
    produce: F,
) -> iotwire_status_t
where
    F: Fn(&mut Output<'_>) -> Result<(), Error>,
{
    // SAFETY: forwarded to the caller's contract.
    unsafe { emit(b.out, b.cap, b.len, false, inputs, &[], measured, &produce) }
}

/// Runs `produce` once to measure and, unless this is a size query, once more to write.
///
/// `measured` may give the length without running `produce` (e.g. a password, whose MAC
/// should be computed once); `inputs` are every caller range `produce` reads, for the
/// overlap check.
///
/// # Safety
/// `t.out` (if not NULL) must be writable for `t.cap` bytes and `t.len` (if not NULL) must be
/// a writable `size_t`; the slices in `inputs` must be the only caller memory `produce` reads.
pub unsafe fn emit_text<F>(
    t: TextOut,
    inputs: &[Span],
    measured: Option<usize>,
    produce: F,
) -> iotwire_status_t
where
    F: Fn(&mut Output<'_>) -> Result<(), Error>,
{
    // SAFETY: forwarded to the caller's contract.
    unsafe {
        emit(
            t.out.cast(),
            t.cap,
            t.len,
            true,
            inputs,
            &[],
            measured,
            &produce,
        )
    }
}

/// [`emit_bytes`] for a builder that reads the caller's strings `strs` (see [`emit_text_of`]).
///
/// # Safety
/// As for [`emit_text`], with `strs` the only caller memory `produce` reads.
pub unsafe fn emit_bytes_of(
    b: BytesOut,
    strs: &[&[u8]],
    measured: Option<usize>,
    produce: &dyn Fn(&mut Output<'_>) -> Result<(), Error>,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    unsafe { emit(b.out, b.cap, b.len, false, &[], strs, measured, produce) }
}

/// [`emit_text`] for a builder that reads the caller's strings `strs` (already borrowed as
/// slices, so no span list has to be built for them) and the bytes `extra`.
///
/// # Safety
/// As for [`emit_text`], with `strs` and `extra` the only caller memory `produce` reads.
pub unsafe fn emit_text_of(
    t: TextOut,
    strs: &[&[u8]],
    extra: &[u8],
    measured: Option<usize>,
    produce: &dyn Fn(&mut Output<'_>) -> Result<(), Error>,
) -> iotwire_status_t {
    // SAFETY: forwarded to the caller's contract.
    unsafe {
        emit(
            t.out.cast(),
            t.cap,
            t.len,
            true,
            &[Span::of(extra)],
            strs,
            measured,
            produce,
        )
    }
}

/// The shared body of [`emit_text`] and [`emit_bytes`]; `nul` adds the terminator.
///
/// `produce` is a trait object, not a generic: one copy of this contract serves every export
/// (as a generic it was inlined into each of them, several KB of flash in all).
///
/// # Safety
/// As for [`emit_text`].
#[inline(never)]
#[allow(clippy::too_many_arguments)] // internal: the public wrappers take the contract's triple
unsafe fn emit(
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
    nul: bool,
    inputs: &[Span],
    strs: &[&[u8]],
    measured: Option<usize>,
    produce: &dyn Fn(&mut Output<'_>) -> Result<(), Error>,
) -> iotwire_status_t {
    let t = TextOut {
        out: out.cast(),
        cap,
        len: out_len,
    };
    if t.len.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let len = match measured {
        Some(n) => n,
        None => {
            let mut m = Output::Measure(Counter::new());
            if let Err(e) = produce(&mut m) {
                return from_error(e);
            }
            m.len()
        }
    };
    let Some(need) = len.checked_add(usize::from(nul)) else {
        return IOTWIRE_ERR_OVERFLOW;
    };
    if t.out.is_null() {
        if t.cap != 0 {
            return IOTWIRE_ERR_NULL_POINTER;
        }
        // SAFETY: `t.len` is non-NULL and writable (caller contract).
        unsafe { t.len.write(need) };
        return IOTWIRE_OK;
    }
    if let Err(e) = range_ok(t.out as usize, t.cap) {
        return e;
    }
    if t.cap < need {
        return IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    // The written bytes must not alias an input; `*out_len` must lie outside the whole caller
    // buffer and outside every input (writing it would corrupt either).
    let out_span = Span {
        start: t.out as usize,
        len: need,
    };
    let buf_span = Span {
        start: t.out as usize,
        len: t.cap,
    };
    let len_span = Span {
        start: t.len as usize,
        len: core::mem::size_of::<usize>(),
    };
    let clash = |i: Span| out_span.overlaps(i) || len_span.overlaps(i);
    if buf_span.overlaps(len_span)
        || inputs.iter().any(|i| clash(*i))
        || strs.iter().any(|s| clash(Span::of(s)))
    {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: non-NULL, writable for `cap >= need` bytes (caller contract), in range (checked),
    // and disjoint from every input slice and from `*t.len` (checked), so no aliasing.
    let dst = unsafe { core::slice::from_raw_parts_mut(t.out.cast::<u8>(), need) };
    let (text, terminator) = if nul {
        let Some((last, text)) = dst.split_last_mut() else {
            return IOTWIRE_ERR_INTERNAL;
        };
        (text, Some(last))
    } else {
        (dst, None)
    };
    let mut w = Output::Write(SliceWriter::new(text));
    match produce(&mut w) {
        Ok(()) if w.len() == len => {}
        // A builder that wrote a different length than it measured is a library bug; the
        // bytes written are garbage, so wipe them.
        Ok(()) => {
            text.fill(0);
            return IOTWIRE_ERR_INTERNAL;
        }
        Err(e) => {
            text.fill(0);
            return from_error(e);
        }
    }
    if let Some(last) = terminator {
        *last = 0;
    }
    // SAFETY: `t.len` is non-NULL, writable and disjoint from `dst` (checked above).
    unsafe { t.len.write(len) };
    IOTWIRE_OK
}
