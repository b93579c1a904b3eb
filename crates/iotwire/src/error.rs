//! The one error type of the core. The FFI layer maps each variant to a fixed status number.

/// Why a core operation failed. Copyable, no payload, so it costs nothing to return.
///
/// The discriminant of each variant is its stable status number in the C ABI
/// (`IOTWIRE_ERR_*`, never renumbered), so [`Error::code`] is a plain cast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[repr(i32)]
pub enum Error {
    /// An argument is malformed in a way no more specific variant describes.
    InvalidArgument = -2,
    /// The output does not fit the caller's buffer.
    BufferTooSmall = -3,
    /// The operation needs a Cargo feature this build left out (e.g. `hmac-md5`).
    Unsupported = -4,
    /// A selector (region, sign method, mode, legacy SDK) has no meaning.
    InvalidSelector = -6,
    /// ProductKey is empty, too long or has characters the platform rejects.
    InvalidProductKey = -8,
    /// DeviceName is outside 4..=32 characters of `[A-Za-z0-9_@.:-]`.
    InvalidDeviceName = -9,
    /// The client id part of the MQTT client id is empty, over 64 characters or contains `|`.
    InvalidClientId = -10,
    /// MQTT keepalive outside the 30..=1200 s the platform accepts.
    InvalidKeepalive = -11,
    /// The secure mode does not fit the connection mode (e.g. X.509 without TLS).
    InvalidSecureMode = -12,
    /// Plaintext TCP (securemode 3, `ws://`) was asked for without the explicit opt-in.
    InsecureModeNotAllowed = -13,
    /// A value this mode needs was not given (secret, device token, random, client id).
    MissingField = -14,
    /// A host name is empty, too long or contains characters no host name has.
    InvalidHost = -15,
    /// A timestamp is not 1..=20 decimal digits.
    InvalidTimestamp = -16,
    /// Extra client-id parameters are not `key=value[,key=value]` or contain `|`.
    InvalidExtraParams = -17,
    /// A MAC handed in for the two-step API has the wrong length for the sign method.
    InvalidMacLength = -18,
    /// A length calculation overflowed (inputs far beyond any real device).
    Overflow = -19,
    /// A reply is not well-formed JSON, has a member of the wrong type, or a key twice.
    InvalidJson = -20,
    // CoAP (coap-codec, statuses -21..=-34).
    /// A datagram is not well-formed CoAP (RFC 7252 message format error).
    CoapMalformed = -21,
    /// The datagram would exceed the configured size limit (1280 bytes by default).
    CoapDatagramTooLarge = -22,
    /// Symmetric-mode ciphertext with a bad length or bad PKCS#7 padding.
    CoapBadPadding = -23,
    /// The session holds no auth token (or, in symmetric mode, no seq).
    CoapNotAuthenticated = -24,
    /// Response 4.00 Bad Request.
    CoapBadRequest = -25,
    /// Response 4.01 Unauthorized: the auth token expired; authenticate again.
    CoapUnauthorized = -26,
    /// Response 4.03 Forbidden.
    CoapForbidden = -27,
    /// Response 4.04 Not Found.
    CoapNotFound = -28,
    /// Response 4.05 Method Not Allowed.
    CoapMethodNotAllowed = -29,
    /// Response 4.06 Not Acceptable.
    CoapNotAcceptable = -30,
    /// Response 4.15 Unsupported Content-Format.
    CoapUnsupportedContentFormat = -31,
    /// Response 5.00 Internal Server Error.
    CoapServerError = -32,
    /// A Reset, a request code, or a response code the platform does not document.
    CoapUnexpectedCode = -33,
    /// The session memory was not set up by the session init function.
    CoapInvalidSession = -34,
    /// EnOS DeviceKey is empty, over 32 characters or not `[A-Za-z0-9_-]`.
    InvalidDeviceKey = -45,
    /// EnOS DTLS-PSK lifetime outside 30..=86400 s.
    InvalidLifetime = -46,
    /// An EnOS activation reply is not a 2.05 Content response.
    ActivationRefused = -47,
    /// An EnOS activation reply field is over-long or has bytes a C string cannot carry.
    InvalidReplyField = -48,
    /// An EnOS activation reply names another ProductKey or DeviceKey than the request.
    DeviceMismatch = -49,
    /// HTTPS platform code 10000, "common error".
    HttpCommonError = -50,
    /// HTTPS platform code 10001, "param error".
    HttpParamError = -51,
    /// HTTPS platform code 20000, "auth check error": the device credentials were refused.
    HttpAuthCheckError = -52,
    /// HTTPS platform code 20001, "token is expired": authenticate again, then resend.
    HttpTokenExpired = -53,
    /// HTTPS platform code 20002, "token is null": the request had no `password` header.
    HttpTokenNull = -54,
    /// HTTPS platform code 20003, "check token error": authenticate again, then resend.
    HttpTokenCheckError = -55,
    /// HTTPS platform code 20004, "update session error".
    HttpUpdateSessionError = -56,
    /// HTTPS platform code 30001, "publish message error".
    HttpPublishError = -57,
    /// HTTPS platform code 40000, "request too many" (rate limited).
    HttpTooManyRequests = -58,
    /// An HTTPS platform code that is neither 0 nor a documented error code.
    HttpUnknownCode = -59,
    /// An HTTPS publish body over the platform's 128 KB.
    HttpPayloadTooLarge = -60,
    /// A topic for `POST /topic/...` that is empty, lacks the leading `/`, or holds a wildcard,
    /// `?`, `%`, a quote, a backslash or a non-printable byte.
    HttpInvalidTopic = -61,
    /// A reply field is empty, over-long, or has characters that field cannot have.
    ReplyFieldInvalid = -62,
    /// The HTTPS dynamic-registration reply has a `code` other than 200.
    DynregRejected = -63,
    // CoAP auth (coap-auth, statuses -35..=-44).
    /// A CBOR reply is not well-formed, has indefinite lengths, a member of the wrong type, or
    /// a key twice.
    InvalidCbor = -35,
    /// An empty ACK: the server took the request and will answer separately (`ackMode` 1).
    CoapEmptyAck = -36,
    /// MQTT: the input ends inside a packet; read more bytes and decode again.
    MqttNeedMoreData = -65,
    /// MQTT: a received packet breaks MQTT 3.1.1 (flags, lengths, UTF-8, reserved values).
    MqttMalformed = -66,
    /// MQTT: a packet type a client never receives (CONNECT, SUBSCRIBE, QoS 2 flow, ...).
    MqttUnexpectedPacket = -67,
    /// MQTT: QoS 2 (the platform supports QoS 0 and 1 only).
    MqttQosUnsupported = -68,
    /// MQTT: a retained PUBLISH (the platform does not support retain).
    MqttRetainUnsupported = -69,
    /// MQTT: packet id 0 where MQTT needs a non-zero one.
    MqttInvalidPacketId = -70,
    /// MQTT: a string over 65535 bytes or a packet over 268435455 bytes.
    MqttPacketTooLarge = -71,
    /// CONNACK 1: the broker refuses protocol level 4.
    ConnackProtocolVersion = -72,
    /// CONNACK 2: the client id is rejected.
    ConnackIdentifierRejected = -73,
    /// CONNACK 3: the service is unavailable; retry later.
    ConnackServerUnavailable = -74,
    /// CONNACK 4: bad username or password.
    ConnackBadCredentials = -75,
    /// CONNACK 5: not authorized.
    ConnackNotAuthorized = -76,
    /// CONNACK 2 on a dynamic-registration connect: parameters missing or malformed, or TCP
    /// instead of TLS.
    DynregInvalidParams = -77,
    /// CONNACK 4 on a dynamic-registration connect: the ProductSecret signature was refused.
    DynregAuthFailed = -78,
    /// A topic or topic filter breaks the topic rules (levels, characters, wildcards, length).
    InvalidTopic = -79,
    /// Captured bytes are not a well-formed HTTP/1.1 request (request line, header lines,
    /// Content-Length framing).
    HttpMalformedRequest = -80,
}

impl Error {
    /// The stable status number of this error in the C ABI (`IOTWIRE_ERR_*`): negative, and
    /// never renumbered.
    #[allow(clippy::as_conversions)] // a fieldless `repr(i32)` enum: the cast is its value
    pub const fn code(self) -> i32 {
        self as i32
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_variant_name() {
        // Messages of the Rust API name the error as written in the source.
        assert_eq!(format!("{}", Error::BufferTooSmall), "BufferTooSmall");
        assert_eq!(format!("{}", Error::MqttNeedMoreData), "MqttNeedMoreData");
        assert_eq!(
            format!("{}", Error::HttpMalformedRequest),
            "HttpMalformedRequest"
        );
    }
}
