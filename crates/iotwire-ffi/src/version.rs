//! Version and ABI identity.

use core::ffi::c_char;
use iotwire::version;

/// @brief The ABI version of the linked library.
///
/// Compare with the header's `IOTWIRE_ABI_VERSION` at startup: a mismatch means the header
/// and the library come from incompatible releases.
/// @return The ABI version number.
///
/// @code{c}
/// if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) { abort(); }
/// @endcode
#[unsafe(no_mangle)]
pub extern "C" fn iotwire_abi_version() -> u32 {
    version::ABI_VERSION
}

/// @brief The version of the linked library, e.g. `"0.1.0"` (same as `IOTWIRE_VERSION_STRING`).
/// @return A static NUL-terminated string; never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn iotwire_version_string() -> *const c_char {
    version::VERSION_STRING.as_ptr().cast()
}
