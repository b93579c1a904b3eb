//! Names of CoAP option numbers, codes and content formats: RFC 7252 (table 4, 5.10, 12.3),
//! RFC 7641 (Observe), RFC 7959 (Block1/2, Size2), and the platforms' own options
//! (`coap::options`: 61, 2088, 2089, 2090; EnOS pushes pending commands with 2100).

use crate::coap::header::{Code, MessageType};
use crate::coap::options;

/// How an option's value is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// No value (If-None-Match).
    Empty,
    /// Bytes, shown as hex.
    Opaque,
    /// A big-endian unsigned integer.
    Uint,
    /// Text.
    Text,
}

/// The name and value format of option `number`.
pub fn option(number: u16) -> (&'static str, Format) {
    use Format::*;
    match number {
        1 => ("If-Match", Opaque),
        3 => ("Uri-Host", Text),
        4 => ("ETag", Opaque),
        5 => ("If-None-Match", Empty),
        6 => ("Observe", Uint),
        7 => ("Uri-Port", Uint),
        8 => ("Location-Path", Text),
        options::URI_PATH => ("Uri-Path", Text),
        options::CONTENT_FORMAT => ("Content-Format", Uint),
        14 => ("Max-Age", Uint),
        options::URI_QUERY => ("Uri-Query", Text),
        options::ACCEPT => ("Accept", Uint),
        20 => ("Location-Query", Text),
        23 => ("Block2", Uint),
        27 => ("Block1", Uint),
        28 => ("Size2", Uint),
        35 => ("Proxy-Uri", Text),
        39 => ("Proxy-Scheme", Text),
        60 => ("Size1", Uint),
        options::AUTH_TOKEN_V3 => ("auth token (iotkit-embedded 3.x)", Text),
        options::AUTH_TOKEN => ("auth token", Text),
        options::SEQ => ("seq (AES-128-CBC, symmetric mode)", Opaque),
        options::CLOUD_MESSAGE_ID => ("cloud message id", Text),
        2100 => ("EnOS pending commands", Opaque),
        _ => ("unknown", Opaque),
    }
}

/// The media type of a Content-Format / Accept number, if registered here.
pub fn content_format(n: u32) -> Option<&'static str> {
    match n {
        0 => Some("text/plain;charset=utf-8"),
        40 => Some("application/link-format"),
        41 => Some("application/xml"),
        42 => Some("application/octet-stream"),
        47 => Some("application/exi"),
        50 => Some("application/json"),
        60 => Some("application/cbor"),
        _ => None,
    }
}

/// The name of a message type.
pub fn message_type(t: MessageType) -> &'static str {
    match t {
        MessageType::Confirmable => "CON",
        MessageType::NonConfirmable => "NON",
        MessageType::Acknowledgement => "ACK",
        MessageType::Reset => "RST",
    }
}

/// The name of a method or response code (RFC 7252 5.8, 12.1), `unassigned` otherwise.
pub fn code(c: Code) -> &'static str {
    match (c.class(), c.detail()) {
        (0, 0) => "Empty",
        (0, 1) => "GET",
        (0, 2) => "POST",
        (0, 3) => "PUT",
        (0, 4) => "DELETE",
        (2, 1) => "Created",
        (2, 2) => "Deleted",
        (2, 3) => "Valid",
        (2, 4) => "Changed",
        (2, 5) => "Content",
        (2, 31) => "Continue",
        (4, 0) => "Bad Request",
        (4, 1) => "Unauthorized",
        (4, 2) => "Bad Option",
        (4, 3) => "Forbidden",
        (4, 4) => "Not Found",
        (4, 5) => "Method Not Allowed",
        (4, 6) => "Not Acceptable",
        (4, 8) => "Request Entity Incomplete",
        (4, 12) => "Precondition Failed",
        (4, 13) => "Request Entity Too Large",
        (4, 15) => "Unsupported Content-Format",
        (5, 0) => "Internal Server Error",
        (5, 1) => "Not Implemented",
        (5, 2) => "Bad Gateway",
        (5, 3) => "Service Unavailable",
        (5, 4) => "Gateway Timeout",
        (5, 5) => "Proxying Not Supported",
        _ => "unassigned",
    }
}
