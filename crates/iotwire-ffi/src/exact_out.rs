//! The output contract of `boundary` (size query, NULL, capacity, range and overlap checks,
//! nothing written on failure) for binary outputs described as a [`Layout`]: the MQTT packets
//! of `iotwire_mqtt_*_encode`.
//!
//! `boundary::emit` runs a builder twice through a fallible sink, once to measure and once
//! to write, so that any builder fits. A layout knows its length before it writes, and its
//! writer cannot fail once that many bytes are reserved, so the export is one straight pass:
//! check, reserve, write. The layout's parts are also the inputs it reads, which gives the
//! overlap check its ranges without a separate list.

use crate::boundary::Span;
use crate::status::*;
use iotwire::Error;
use iotwire::layout::Layout;

/// The caller's `(out, out_cap, out_len)` of a binary output.
#[derive(Clone, Copy, Debug)]
pub struct Out {
    /// Destination, or NULL for a size query.
    pub ptr: *mut u8,
    /// Capacity in bytes.
    pub cap: usize,
    /// Where the length goes.
    pub len: *mut usize,
}

/// True when `range` overlaps caller memory the layout reads: its slice parts (caller inputs,
/// or constants no output can overlap) and `extra`.
fn reads(layout: &Layout<'_>, extra: Span, range: Span) -> bool {
    extra.overlaps(range)
        || layout
            .parts()
            .iter()
            .any(|p| Span::of(p.body()).overlaps(range))
}

/// Writes `layout` (or reports the input error found describing it) under the output
/// contract. Checks in the order of `boundary::emit`: `out_len` NULL, the layout's error,
/// size query, `out` NULL with a capacity, address range, capacity, overlaps. `extra` is a
/// caller range the layout read without holding it as a part (e.g. an array of strings), or
/// an empty span.
///
/// # Safety
/// `o.ptr` (if not NULL) must be writable for `o.cap` bytes and `o.len` (if not NULL) must be
/// a writable `size_t`; the layout's parts and `extra` must cover all caller memory it read.
#[inline(never)]
pub unsafe fn emit_layout(
    o: &Out,
    extra: Span,
    layout: &Result<Layout<'_>, Error>,
) -> iotwire_status_t {
    if o.len.is_null() {
        return IOTWIRE_ERR_NULL_POINTER;
    }
    let layout = match layout {
        Ok(l) => l,
        Err(e) => return from_error(*e),
    };
    let need = layout.len();
    if o.ptr.is_null() {
        if o.cap != 0 {
            return IOTWIRE_ERR_NULL_POINTER;
        }
        // SAFETY: `o.len` is non-NULL and writable (caller contract).
        unsafe { o.len.write(need) };
        return IOTWIRE_OK;
    }
    if o.cap > isize::MAX as usize || (o.ptr as usize).checked_add(o.cap).is_none() {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    if o.cap < need {
        return IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    // The written bytes must not alias an input; `*out_len` must lie outside the whole caller
    // buffer and outside every input.
    let written = Span::of_range(o.ptr as usize, need);
    let len_span = Span::of_raw(o.len.cast_const());
    if Span::of_range(o.ptr as usize, o.cap).overlaps(len_span)
        || reads(layout, extra, written)
        || reads(layout, extra, len_span)
    {
        return IOTWIRE_ERR_OVERLAP;
    }
    // SAFETY: non-NULL, writable for `cap >= need` bytes (caller contract), in range (checked),
    // and disjoint from every input and from `*out_len` (checked), so nothing aliases it.
    let dst = unsafe { core::slice::from_raw_parts_mut(o.ptr, need) };
    // `dst` is exactly the layout's length, so the write cannot fail.
    let _ = layout.write(dst);
    // SAFETY: `o.len` is non-NULL, writable and disjoint from `dst` (checked above).
    unsafe { o.len.write(need) };
    IOTWIRE_OK
}
