//! iotwire-ffi: the C ABI of [iotwire](https://docs.rs/iotwire), the header `iotwire.h`
//! (generated from this crate by cbindgen) and the static library `libiotwire.a`.
//!
//! This crate is the only place allowed to use `unsafe`: it turns raw pointers into slices
//! (checking NULL, wrap-around and overlap first), maps core errors to status codes and
//! enforces the output-buffer contract. Every `unsafe` block carries a `// SAFETY:` comment.
//! The protocol logic lives in the safe `iotwire` crate, which knows nothing of C.
#![cfg_attr(not(feature = "std"), no_std)]
#![allow(non_camel_case_types)]

pub mod boundary;
#[cfg(feature = "coap")]
pub mod coap;
#[cfg(feature = "coap")]
pub mod coap_auth;
#[cfg(feature = "coap")]
pub mod coap_auth_payload;
#[cfg(feature = "coap-symmetric")]
pub mod coap_crypto;
#[cfg(feature = "coap")]
pub mod coap_session;
#[cfg(feature = "crypto")]
pub mod crypto;
#[cfg(feature = "diagnose")]
pub mod diagnose;
#[cfg(feature = "http")]
pub mod dynreg;
#[cfg(feature = "enos")]
pub mod enos;
#[cfg(feature = "mqtt-codec")]
pub mod exact_out;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "legacy-v3")]
pub mod legacy;
#[cfg(any(feature = "mqtt", feature = "legacy-v3"))]
pub mod legacy_sdk;
#[cfg(feature = "legacy-sign")]
pub mod legacy_sign;
#[cfg(feature = "legacy-v3")]
pub mod legacy_v3;
#[cfg(feature = "mqtt")]
pub mod mqtt;
#[cfg(feature = "mqtt-codec")]
pub mod mqtt_decode;
#[cfg(feature = "mqtt-codec")]
pub mod mqtt_packet;
pub mod selectors;
pub mod status;
mod status_name;
#[cfg(feature = "topics")]
pub mod topics;
pub mod types;
pub mod version;

/// cbindgen:ignore
#[cfg(not(feature = "std"))]
mod panic_handler;
