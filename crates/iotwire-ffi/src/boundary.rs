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

    /// The span of `len` bytes at address `start`, for overlap checks only.
    pub fn of_range(start: usize, len: usize) -> Span {
        Span { start, len }
    }

    /// [`Span::overlaps`] as a test whether either span starts inside the other, with
    /// offsets modulo the address space: exact for spans below the top, and a span running
    /// past the top also covers the lowest addresses (an overlap is reported where an exact
    /// check would not, never the reverse). Smaller code than clamped ends where the lengths
    /// are not constants.
    fn shares_with(self, other: Span) -> bool {
        (self.len != 0 && self.start.wrapping_sub(other.start) < other.len)
            || (other.len != 0 && other.start.wrapping_sub(self.start) < self.len)
    }

    /// True when both spans are non-empty and share a byte.
    #[inline]
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
#[inline(always)]
pub unsafe fn input_all<const N: usize>(
    strs: &[iotwire_str_t; N],
    out: &mut [&[u8]; N],
) -> Result<(), iotwire_status_t> {
    // SAFETY: forwarded caller contract.
    unsafe { input_each(strs, out) }
}

/// [`input_all`] over slices: one copy for every `N`.
///
/// # Safety
/// As for [`input_all`].
#[inline(never)]
unsafe fn input_each(strs: &[iotwire_str_t], out: &mut [&[u8]]) -> Result<(), iotwire_status_t> {
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

/// [`emit_bytes`] for bytes already computed (a digest, a MAC): their length is known, so
/// the export is one pass, [`reserve`], the overlap check, the copy, with no builder run
/// twice through [`emit`] (a firmware whose only such output is a digest does not link it).
///
/// # Safety
/// As for [`emit_bytes`], with `inputs` all caller memory `bytes` was computed from.
#[inline(never)]
pub unsafe fn emit_known(b: BytesOut, inputs: &[Span], bytes: &[u8]) -> iotwire_status_t {
    let mut writes = Writes::NONE;
    // SAFETY: forwarded caller contract (`b.len` writable when not NULL).
    let status = unsafe { reserve(b.out, b.cap, b.len, Ok(bytes.len()), &mut writes) };
    if status != RESERVED {
        return status;
    }
    if inputs.iter().any(|i| writes.hits(*i)) {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: non-NULL, writable for `cap >= bytes.len()` bytes (caller contract), in range,
    // and disjoint from every input and from `*out_len` (checked by `reserve` and `hits`).
    let dst = unsafe { core::slice::from_raw_parts_mut(b.out, bytes.len()) };
    iotwire::sink::copy(dst, bytes);
    // SAFETY: `b.len` is non-NULL, writable and disjoint from `dst` (checked by `reserve`).
    unsafe { b.len.write(bytes.len()) };
    IOTWIRE_OK
}

/// The caller memory an output writes once its checks pass: the output bytes and `*out_len`.
/// Every input an export read must be disjoint from both ([`Writes::hits`]).
#[derive(Clone, Copy, Debug)]
pub struct Writes {
    out: Span,
    len: Span,
}

impl Writes {
    /// Nothing written yet (before [`reserve`]).
    pub const NONE: Writes = Writes {
        out: Span { start: 0, len: 0 },
        len: Span { start: 0, len: 0 },
    };

    /// True when `input` shares a byte with the output or with `*out_len`. Out of line: every
    /// output checks each of its inputs with it, and the two comparisons with their
    /// saturating ends are most of the overlap check's code.
    #[inline(never)]
    pub fn hits(&self, input: Span) -> bool {
        self.out.shares_with(input) || self.len.shares_with(input)
    }
}

/// What [`reserve`] returns when the output may be written (after the overlap check): not a
/// status (those are 0 and negative).
pub const RESERVED: iotwire_status_t = 1;

/// The output contract up to the overlap check, shared by every output (this module's
/// [`emit`] and `exact_out`): `out_len` NULL, the builder's own error (`need`), the size
/// query (`*out_len` = `need`, answered here: `IOTWIRE_OK`), `out` NULL with a capacity, the
/// address range, the capacity, and `out_len` inside the caller's buffer. [`RESERVED`]: `need`
/// bytes at `out` may be written once no input [`Writes::hits`] `writes` (set then).
///
/// # Safety
/// `out_len` (if not NULL) must be a writable `size_t`.
#[inline]
pub unsafe fn reserve(
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
    need: Result<usize, iotwire_status_t>,
    writes: &mut Writes,
) -> iotwire_status_t {
    if out_len.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let need = match need {
        Ok(n) => n,
        Err(e) => return e,
    };
    if out.is_null() {
        if cap != 0 {
            return IOTWIRE_ERR_NULL_POINTER;
        }
        // SAFETY: `out_len` is non-NULL and writable (caller contract).
        unsafe { out_len.write(need) };
        return IOTWIRE_OK;
    }
    if let Err(e) = range_ok(out as usize, cap) {
        return e;
    }
    if cap < need {
        return IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    // `*out_len` must lie outside the whole caller buffer (writing either would corrupt the
    // other), and the written bytes and `*out_len` outside every input (checked by the caller
    // with `hits`).
    let len = Span::of_raw(out_len.cast_const());
    if Span::of_range(out as usize, cap).overlaps(len) {
        return IOTWIRE_ERR_OVERLAP;
    }
    *writes = Writes {
        out: Span::of_range(out as usize, need),
        len,
    };
    RESERVED
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
    // The builder runs to measure only when `out_len` can take the answer.
    let len = match measured {
        Some(n) => Ok(n),
        None if out_len.is_null() => Err(IOTWIRE_ERR_NULL_POINTER),
        None => {
            let mut m = Output::Measure(Counter::new());
            match produce(&mut m) {
                Ok(()) => Ok(m.len()),
                Err(e) => Err(from_error(e)),
            }
        }
    };
    let need = len.and_then(|n| n.checked_add(usize::from(nul)).ok_or(IOTWIRE_ERR_OVERFLOW));
    let mut writes = Writes::NONE;
    // SAFETY: forwarded caller contract (`out_len` writable when not NULL).
    let status = unsafe { reserve(out, cap, out_len, need, &mut writes) };
    if status != RESERVED {
        return status;
    }
    if inputs.iter().any(|i| writes.hits(*i)) || strs.iter().any(|s| writes.hits(Span::of(s))) {
        return IOTWIRE_ERR_OVERLAP;
    }
    let (Ok(len), Ok(need)) = (len, need) else {
        return IOTWIRE_ERR_INTERNAL;
    };
    // SAFETY: non-NULL, writable for `cap >= need` bytes (caller contract), in range, and
    // disjoint from every input slice and from `*out_len` (all checked by `reserve` and
    // `hits`), so no aliasing.
    let dst = unsafe { core::slice::from_raw_parts_mut(out, need) };
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
    // SAFETY: `out_len` is non-NULL, writable and disjoint from `dst` (checked by `reserve`).
    unsafe { out_len.write(len) };
    IOTWIRE_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact answer for spans that do not run past the top of the address space.
    fn share_a_byte(a: Span, b: Span) -> bool {
        (a.start..a.start + a.len).any(|x| (b.start..b.start + b.len).contains(&x))
    }

    #[test]
    fn both_overlap_checks_are_exact_below_the_top() {
        for a_start in 0..12 {
            for a_len in 0..6 {
                for b_start in 0..12 {
                    for b_len in 0..6 {
                        let a = Span::of_range(a_start, a_len);
                        let b = Span::of_range(b_start, b_len);
                        let want = share_a_byte(a, b);
                        assert_eq!(a.overlaps(b), want, "{a:?} {b:?}");
                        assert_eq!(a.shares_with(b), want, "{a:?} {b:?}");
                        assert_eq!(b.shares_with(a), want, "{a:?} {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn shares_with_is_conservative_across_the_top() {
        let top = Span::of_range(usize::MAX - 1, 4);
        let below = Span::of_range(usize::MAX - 3, 3);
        assert!(top.overlaps(below) && top.shares_with(below));
        // The last byte of the address space (clamped ends leave it out).
        assert!(top.shares_with(Span::of_range(usize::MAX, 1)));
        // Wrapped-around bytes: not a real overlap, reported anyway.
        assert!(!top.overlaps(Span::of_range(0, 1)));
        assert!(top.shares_with(Span::of_range(0, 1)));
        assert!(!top.shares_with(Span::of_range(2, 1)));
        assert!(!top.shares_with(Span::of_range(1, 0)));
    }
}
