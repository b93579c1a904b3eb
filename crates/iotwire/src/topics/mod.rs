//! The platform's topics: builders for the device's own topics, the validator, and the OTA
//! report payloads.
//!
//! Where each byte comes from:
//! - [`kind`] — the topic templates (custom `/${pk}/${dn}/user/...`, thing model `/sys/...`,
//!   OTA, shadow, RRPC, NTP).
//! - [`build`] — fills a template, optionally as the CoAP/HTTP path `/topic/...`.
//! - [`rules`] — what a topic or filter may contain (seed 003, section 6).
//! - [`ota_payload`] — `/ota/device/inform` and `/ota/device/progress` JSON.
//! - [`json_text`] — JSON string escaping of caller text.

pub mod build;
pub mod json_text;
pub mod kind;
pub mod ota_payload;
pub mod rules;
