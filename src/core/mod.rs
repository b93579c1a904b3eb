//! The safe, C-agnostic, allocation-free core.
//!
//! Nothing in here may panic: the lints below turn every panicking construct into a
//! compile error, and all output goes through [`sink::Sink`], which checks capacity before
//! every byte.
#![forbid(unsafe_code)]
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

#[cfg(feature = "coap")]
pub mod coap;
#[cfg(feature = "coap")]
pub mod coap_auth;
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
pub mod mac;
// HTTPS reuses the region table and the name/host validation; topics the name validation.
#[cfg(any(
    feature = "mqtt",
    feature = "legacy-sign",
    feature = "http",
    feature = "topics"
))]
pub mod mqtt;
#[cfg(feature = "mqtt-codec")]
pub mod mqtt_codec;
pub mod sink;
#[cfg(feature = "topics")]
pub mod topics;

pub use error::Error;
