//! iotwire: device-side credentials and wire bytes for the Alibaba Cloud IoT Platform and
//! Envision EnOS, in safe, `no_std`, allocation-free Rust.
//!
//! Every builder writes through a [`sink::Sink`]: the same code measures an output and writes
//! it into the caller's buffer, so nothing is allocated and nothing is truncated. Nothing in
//! here may panic: the lints below turn every panicking construct into a compile error.
//!
//! C and C++ firmware uses this crate through `iotwire-ffi`, which owns the C ABI, the
//! header `iotwire.h` and the static library.
//!
//! # MQTT credentials of a device
//!
//! ```
//! use iotwire::mqtt::params::Params;
//! use iotwire::mqtt::plan::Plan;
//! use iotwire::mqtt::{client_id, endpoint, password};
//! use iotwire::sink::SliceWriter;
//!
//! let params = Params {
//!     product_key: b"a1X2bEnP82z",
//!     device_name: b"example1",
//!     device_secret: b"ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
//!     ..Params::default()
//! };
//! // Validates every input once and resolves the mode's defaults.
//! let plan = Plan::resolve(&params)?;
//!
//! let mut buf = [0u8; 128];
//! let mut w = SliceWriter::new(&mut buf);
//! client_id::write_client_id(&plan, &mut w)?;
//! assert_eq!(w.written(), b"a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|");
//!
//! let mut buf = [0u8; 65];
//! let mut w = SliceWriter::new(&mut buf);
//! password::write_password(&plan, &mut w)?;
//! assert_eq!(w.len(), 64); // upper-case hex HMAC-SHA256
//!
//! let mut buf = [0u8; 64];
//! let mut w = SliceWriter::new(&mut buf);
//! endpoint::write_host(&plan, &mut w)?;
//! assert_eq!(w.written(), b"a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com");
//! # Ok::<(), iotwire::Error>(())
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
// The one exception is `accel` (host x86-64 only): it calls a `#[target_feature]` function
// after checking the CPU, which Rust cannot express safely. Everything else forbids it.
#![deny(unsafe_code)]
#![warn(missing_docs)]
// Unit tests may assert and unwrap; everything else may not.
#![cfg_attr(
    not(test),
    deny(
        clippy::panic,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::as_conversions
    )
)]

#[cfg(any(feature = "crypto", feature = "coap-symmetric"))]
pub mod aes128;
#[cfg(feature = "crypto")]
pub mod aes_cbc;
#[cfg(any(feature = "crypto", feature = "coap-symmetric"))]
mod block_cipher;
pub mod burn;
#[cfg(feature = "coap")]
pub mod coap;
#[cfg(feature = "coap")]
pub mod coap_auth;
#[cfg(feature = "diagnose")]
pub mod diagnose;
#[cfg(feature = "enos")]
pub mod enos;
pub mod error;
pub mod hash;
pub mod hex;
pub mod hmac;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "json")]
pub mod json;
pub mod layout;
pub mod mac;
// HTTPS reuses the region table and the name/host validation; topics the name validation.
#[cfg(any(
    feature = "mqtt",
    feature = "legacy-sign",
    feature = "legacy-v3",
    feature = "http",
    feature = "topics"
))]
pub mod mqtt;
#[cfg(feature = "mqtt-codec")]
pub mod mqtt_codec;
pub mod sink;
#[cfg(feature = "topics")]
pub mod topics;
pub mod utf8;

pub use error::Error;

/// CPU-specific fast paths (host x86-64 only). `--cfg iotwire_small` leaves them out, for
/// hosted builds where size counts more than speed (the iotkit-embedded swap-in kit); it also
/// keeps the sinks out of line as on firmware (`sink.rs`, `mqtt/legacy_out.rs`).
#[cfg(all(target_arch = "x86_64", not(target_os = "none"), not(iotwire_small)))]
#[allow(unsafe_code)]
pub mod accel;
pub mod version;
