//! HTTPS device access and dynamic-registration results for the Alibaba Cloud IoT Platform.
//!
//! Where each byte comes from:
//! - [`template`] — every request head, sign content and body is a constant text with slots,
//!   written by one small interpreter.
//! - [`auth`] — `POST /auth`: sign content, sign, JSON body (documented and v3.2.0 forms).
//! - [`publish`] — `POST /topic/${topic}` with the `password:` token header.
//! - [`response`] — `code`/`message`/`info.*` of the auth and publish replies, and the platform
//!   codes as typed errors.
//! - [`dynreg`] — `POST /auth/register/device` (form body, HMAC over the ProductSecret).
//! - [`signed`] — the part both signed requests share (sign, body, request).
//! - [`reply`] — the registration and identity replies (`/ext/register`, `/ext/regnwl`,
//!   `/ext/auth/identity/response`, the HTTPS dynreg reply).
//! - [`names`], [`rules`] — the input and reply-field checks (character classes as a table).
//!
//! Transport and TLS stay with the firmware: these functions only produce and read bytes.

pub mod auth;
pub mod dynreg;
pub mod names;
pub mod publish;
pub mod reply;
pub mod response;
pub mod rules;
pub mod signed;
pub mod template;

/// Which wire form to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// The form in the platform's documentation.
    Doc,
    /// Byte-exact iotkit-embedded v3.2.0 (`iotx_http_api.c`, `dynreg.c`).
    V320,
}
