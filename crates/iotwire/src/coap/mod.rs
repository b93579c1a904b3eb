//! CoAP (RFC 7252) without a heap: a hand-written codec, the caller-owned session, and the
//! Alibaba publish / response / symmetric-mode pieces built on them.
//!
//! Building a datagram (see docs/API.md, "CoAP"): take the message id, token and seq with
//! [`session::Session::reserve`], write through [`encode::Encoder`] (header + token, options
//! in ascending order, payload), and on success [`session::Session::commit`]. Decoding:
//! [`decode::Message::parse`] validates a whole datagram once and hands out borrowed views.

#[cfg(feature = "coap-symmetric")]
pub mod cbc;
pub mod charset;
pub mod decode;
pub mod encode;
pub mod header;
pub mod key;
pub mod options;
pub mod publish;
pub mod reply_text;
pub mod response;
pub mod session;
pub mod template;
pub mod wire;
