//! CPU-specific fast paths for host builds. The one place outside `ffi` allowed `unsafe`:
//! calling a `#[target_feature]` function after checking that the CPU has the feature.
//! See docs/SAFETY.md. (x86-64 hosts only: `lib.rs` compiles this module for nothing else.)

pub mod sha256_x86_64;
