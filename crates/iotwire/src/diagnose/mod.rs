//! Diagnostics for the day a device is refused (feature `diagnose`, host only): decode what a
//! device *did* send, and say which field the platform would refuse.
//!
//! - [`explain`] — one JSON report of captured MQTT, CoAP or HTTP bytes ([`guess`] picks the
//!   protocol when not given): [`mqtt_explain`] (CONNECT via [`connect_decode`], the rest via
//!   the codec's decoder), [`coap_explain`] (the codec's decoder, names from [`coap_names`],
//!   symmetric-mode decryption), [`http_explain`] (on [`http_request`]).
//! - [`check_connect`] — recomputes what the platform checks in a CONNECT (client-id syntax
//!   from [`client_id_params`], securemode, signmethod, username, sign content, password via
//!   [`check_sign`]) and names each field it would refuse; [`check_profile`] adds how the
//!   packet differs from a legacy SDK build's.
//! - [`json_writer`] writes every report straight into a sink; [`malformed`] is the "which
//!   byte, which rule" every decoder here reports.

pub mod check_connect;
pub mod check_profile;
pub mod check_sign;
pub mod client_id_params;
pub mod coap_explain;
pub mod coap_names;
pub mod connect_decode;
pub mod explain;
pub mod finding;
pub mod guess;
pub mod http_explain;
pub mod http_request;
pub mod json_writer;
pub mod malformed;
pub mod mqtt_explain;

#[cfg(test)]
mod test_report;
