//! Caller-owned memory the way a C caller would hand it over: separate exact-size heap
//! blocks (so ASan's redzones sit right after the last byte), pre-filled with a guard
//! pattern so any byte the library writes without being allowed to shows up.

use std::alloc::{Layout, alloc, dealloc};

/// Fill byte of every guarded region (the coreMQTT convention).
pub const GUARD: u8 = 0xA5;

/// An exact-size, 8-byte-aligned heap block.
pub struct Block {
    ptr: *mut u8,
    len: usize,
}

impl Block {
    /// A block of `len` bytes filled with `fill` (a zero-length request still gets a real,
    /// distinct allocation, as `malloc(0)`-then-`+1` callers would have).
    pub fn new(len: usize, fill: u8) -> Self {
        let layout = Layout::from_size_align(len.max(1), 8).expect("layout");
        // SAFETY: non-zero size; alloc failure is checked right below.
        let ptr = unsafe { alloc(layout) };
        assert!(!ptr.is_null(), "out of memory");
        // SAFETY: freshly allocated for at least `len` bytes.
        unsafe { ptr.write_bytes(fill, len.max(1)) };
        Block { ptr, len }
    }

    /// A block holding a copy of `bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let b = Block::new(bytes.len(), 0);
        // SAFETY: `b` has exactly `bytes.len()` writable bytes; the regions are distinct.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), b.ptr, bytes.len()) };
        b
    }

    /// First byte.
    pub fn ptr(&self) -> *mut u8 {
        self.ptr
    }

    /// Size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a zero-length block.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Current contents.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the block owns `len` initialised bytes. The library only writes into it
        // while no Rust reference to it is alive (during an FFI call).
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// Mutable contents (for setting up a call).
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as `bytes`, with exclusive access through `&mut self`.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        let layout = Layout::from_size_align(self.len.max(1), 8).expect("layout");
        // SAFETY: allocated in `new` with this layout.
        unsafe { dealloc(self.ptr, layout) };
    }
}

/// True when `[a, a + a_len)` and `[b, b + b_len)` share a byte.
pub fn ranges_overlap(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    a_len != 0 && b_len != 0 && a < b.saturating_add(b_len) && b < a.saturating_add(a_len)
}
