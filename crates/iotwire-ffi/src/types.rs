//! Plain data types shared by several exports.

use core::ffi::c_char;

/// A borrowed byte string: `ptr` need not be NUL-terminated. `{NULL, 0}` is the empty string;
/// `{NULL, n > 0}` is rejected with `IOTWIRE_ERR_NULL_POINTER`. Build one from a C string with
/// the header's `iotwire_str()` helper.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct iotwire_str_t {
    /// First byte (may be NULL when `len` is 0).
    pub ptr: *const c_char,
    /// Number of bytes.
    pub len: usize,
}

impl iotwire_str_t {
    /// The empty string.
    pub const EMPTY: iotwire_str_t = iotwire_str_t {
        ptr: core::ptr::null(),
        len: 0,
    };
}
