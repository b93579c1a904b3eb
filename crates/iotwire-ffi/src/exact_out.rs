//! The output contract of `boundary` (size query, NULL, capacity, range and overlap checks,
//! nothing written on failure) for binary outputs described as a [`Layout`]: the MQTT packets
//! of `iotwire_mqtt_*_encode`.
//!
//! `boundary::emit` runs a builder twice through a fallible sink, once to measure and once
//! to write, so that any builder fits. A layout knows its length before it writes, and its
//! writer cannot fail once that many bytes are reserved, so the export is one straight pass:
//! check, reserve, write. The layout's parts are also the inputs it reads, which gives the
//! overlap check its ranges without a separate list.

use crate::boundary::{RESERVED, Span, Writes, reserve};
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

/// Writes `layout` (or reports the input error found describing it) under the output
/// contract, checked in the order of `boundary::emit` (`boundary::reserve`, then the
/// overlaps). `extra` is a caller range the layout read without holding it as a part (e.g. an
/// array of strings), or an empty span.
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
    let need = match layout {
        Ok(l) => Ok(l.len()),
        Err(e) => Err(from_error(*e)),
    };
    let mut writes = Writes::NONE;
    // SAFETY: forwarded caller contract (`o.len` writable when not NULL).
    let status = unsafe { reserve(o.ptr, o.cap, o.len, need, &mut writes) };
    if status != RESERVED {
        return status;
    }
    let Ok(layout) = layout else {
        return IOTWIRE_ERR_INTERNAL;
    };
    // The parts are caller inputs (or constants no output can overlap).
    if writes.hits(extra)
        || layout
            .parts()
            .iter()
            .any(|p| writes.hits(Span::of(p.body())))
    {
        return IOTWIRE_ERR_OVERLAP;
    }
    let need = layout.len();
    // SAFETY: non-NULL, writable for `cap >= need` bytes (caller contract), in range, and
    // disjoint from every input and from `*out_len` (checked by `reserve` and `hits`), so
    // nothing aliases it.
    let dst = unsafe { core::slice::from_raw_parts_mut(o.ptr, need) };
    // `dst` is exactly the layout's length, so the write cannot fail.
    let _ = layout.write(dst);
    // SAFETY: `o.len` is non-NULL, writable and disjoint from `dst` (checked by `reserve`).
    unsafe { o.len.write(need) };
    IOTWIRE_OK
}
