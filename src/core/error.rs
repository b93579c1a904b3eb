//! The one error type of the core. The FFI layer maps each variant to a fixed status number.

/// Why a core operation failed. Copyable, no payload, so it costs nothing to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// An argument is malformed in a way no more specific variant describes.
    InvalidArgument,
    /// The output does not fit the caller's buffer.
    BufferTooSmall,
    /// The operation needs a Cargo feature this build left out (e.g. `hmac-md5`).
    Unsupported,
    /// A selector (region, sign method, mode, legacy SDK) has no meaning.
    InvalidSelector,
    /// ProductKey is empty, too long or has characters the platform rejects.
    InvalidProductKey,
    /// DeviceName is outside 4..=32 characters of `[A-Za-z0-9_@.:-]`.
    InvalidDeviceName,
    /// The client id part of the MQTT client id is empty, over 64 characters or contains `|`.
    InvalidClientId,
    /// MQTT keepalive outside the 30..=1200 s the platform accepts.
    InvalidKeepalive,
    /// The secure mode does not fit the connection mode (e.g. X.509 without TLS).
    InvalidSecureMode,
    /// Plaintext TCP (securemode 3, `ws://`) was asked for without the explicit opt-in.
    InsecureModeNotAllowed,
    /// A value this mode needs was not given (secret, device token, random, client id).
    MissingField,
    /// A host name is empty, too long or contains characters no host name has.
    InvalidHost,
    /// A timestamp is not 1..=20 decimal digits.
    InvalidTimestamp,
    /// Extra client-id parameters are not `key=value[,key=value]` or contain `|`.
    InvalidExtraParams,
    /// A MAC handed in for the two-step API has the wrong length for the sign method.
    InvalidMacLength,
    /// A length calculation overflowed (inputs far beyond any real device).
    Overflow,
    /// A reply is not well-formed JSON, has a member of the wrong type, or a key twice.
    InvalidJson,
    /// A CBOR reply is not well-formed, has indefinite lengths, a member of the wrong type, or
    /// a key twice.
    InvalidCbor,
    /// CoAP 4.00 Bad Request: the platform found the request payload invalid.
    CoapBadRequest,
    /// CoAP 4.01 Unauthorized: the sign (auth) or the token (publish: re-authenticate) was
    /// refused.
    CoapUnauthorized,
    /// CoAP 4.03 Forbidden.
    CoapForbidden,
    /// CoAP 4.04 Not Found: the path does not exist.
    CoapNotFound,
    /// CoAP 4.05 Method Not Allowed.
    CoapMethodNotAllowed,
    /// CoAP 4.06 Not Acceptable: the Accept option is not a supported type.
    CoapNotAcceptable,
    /// CoAP 4.15 Unsupported Content-Format.
    CoapUnsupportedContentFormat,
    /// CoAP 5.00 Internal Server Error: the auth server timed out or failed; retry later.
    CoapServerError,
    /// A CoAP response code outside the documented table (or an empty ACK where a response
    /// was expected).
    CoapUnexpectedCode,
}
