//! CPU-specific fast paths for host builds. The one place outside `ffi` allowed `unsafe`:
//! calling a `#[target_feature]` function after checking that the CPU has the feature.
//! See docs/SAFETY.md.

#[cfg(all(target_arch = "x86_64", not(target_os = "none")))]
pub mod sha256_x86_64;
