//! iotwire: device-side credentials and wire bytes for Alibaba Cloud IoT Platform and EnOS,
//! without a heap, without panics, behind a stable C ABI.
//!
//! Two layers:
//! - [`core`] is safe Rust (`forbid(unsafe_code)`, panic lints denied) and knows nothing of C.
//! - `ffi` turns C pointers into slices, maps errors to status codes and is the only place
//!   allowed to use `unsafe` (apart from the panic handler's gate-only variant and the
//!   host-only CPU dispatch in `accel`, see docs/SAFETY.md).
//!
//! The C header `include/iotwire.h` is generated from `ffi` by cbindgen.
#![cfg_attr(not(feature = "std"), no_std)]
#![allow(non_camel_case_types)]

/// cbindgen:ignore
#[cfg(all(target_arch = "x86_64", not(target_os = "none")))]
pub mod accel;
/// cbindgen:ignore
pub mod core;
pub mod ffi;
/// cbindgen:ignore
pub mod version;

#[cfg(not(feature = "std"))]
mod panic_handler;
