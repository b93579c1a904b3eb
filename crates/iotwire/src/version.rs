//! The single source of version and ABI identity; `include/iotwire.h` repeats these as macros
//! (cbindgen `after_includes`) and `tests/header_sync.rs` checks that both agree with Cargo.toml.

/// Major version (semver).
pub const VERSION_MAJOR: u32 = 0;
/// Minor version (semver).
pub const VERSION_MINOR: u32 = 1;
/// Patch version (semver).
pub const VERSION_PATCH: u32 = 0;
/// `MAJOR * 1_000_000 + MINOR * 1_000 + PATCH`, comparable with `<`.
pub const VERSION_NUMBER: u32 = VERSION_MAJOR * 1_000_000 + VERSION_MINOR * 1_000 + VERSION_PATCH;
/// NUL-terminated version string.
pub const VERSION_STRING: &str = "0.1.0\0";
/// Bumped on every breaking change of a signature, struct layout or constant value.
pub const ABI_VERSION: u32 = 1;
