//! Alibaba CoAP device authentication (`POST /auth`) and DTLS-PSK credentials.
//!
//! - [`params`]: what the caller describes (device, profile, payload format, options) and the
//!   checks that keep every value safe to put verbatim into JSON, CBOR and a MAC input;
//! - [`sign`]: the sign content (members sorted by name, `version`/`sign`/`resources`/
//!   `signmethod` left out) streamed into the MAC;
//! - [`payload`]: the auth payload as JSON (Content-Format 50) or CBOR (60);
//! - [`cbor`]: the few CBOR items this needs, written and read without allocating;
//! - [`reply`]: the 2.05 reply payload (`token`, `random`, `seqOffset`);
//! - [`request`]: the whole `POST /auth` datagram, on the codec's encoder;
//! - [`response`]: the response datagram (codes mapped by the codec's table) and storing
//!   the token, key and seq base into the session;
//! - [`dtls_psk`]: the DTLS-PSK identity and key, documented and SDK forms.
//!

#[cfg(feature = "coap-cbor")]
pub mod cbor;
pub mod dtls_psk;
pub mod params;
pub mod payload;
pub mod reply;
pub mod request;
pub mod response;
pub mod sign;

pub use params::{AuthParams, Format, Profile};
