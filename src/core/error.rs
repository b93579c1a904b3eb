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
    // CoAP (coap-codec, statuses -21..=-34).
    /// A datagram is not well-formed CoAP (RFC 7252 message format error).
    CoapMalformed,
    /// The datagram would exceed the configured size limit (1280 bytes by default).
    CoapDatagramTooLarge,
    /// Symmetric-mode ciphertext with a bad length or bad PKCS#7 padding.
    CoapBadPadding,
    /// The session holds no auth token (or, in symmetric mode, no seq).
    CoapNotAuthenticated,
    /// Response 4.00 Bad Request.
    CoapBadRequest,
    /// Response 4.01 Unauthorized: the auth token expired; authenticate again.
    CoapUnauthorized,
    /// Response 4.03 Forbidden.
    CoapForbidden,
    /// Response 4.04 Not Found.
    CoapNotFound,
    /// Response 4.05 Method Not Allowed.
    CoapMethodNotAllowed,
    /// Response 4.06 Not Acceptable.
    CoapNotAcceptable,
    /// Response 4.15 Unsupported Content-Format.
    CoapUnsupportedContentFormat,
    /// Response 5.00 Internal Server Error.
    CoapServerError,
    /// A Reset, a request code, or a response code the platform does not document.
    CoapUnexpectedCode,
    /// The session memory was not set up by the session init function.
    CoapInvalidSession,
    /// EnOS DeviceKey is empty, over 32 characters or not `[A-Za-z0-9_-]`.
    InvalidDeviceKey,
    /// EnOS DTLS-PSK lifetime outside 30..=86400 s.
    InvalidLifetime,
    /// An EnOS activation reply is not a 2.05 Content response.
    ActivationRefused,
    /// An EnOS activation reply field is over-long or has bytes a C string cannot carry.
    InvalidReplyField,
    /// An EnOS activation reply names another ProductKey or DeviceKey than the request.
    DeviceMismatch,
    /// HTTPS platform code 10000, "common error".
    HttpCommonError,
    /// HTTPS platform code 10001, "param error".
    HttpParamError,
    /// HTTPS platform code 20000, "auth check error": the device credentials were refused.
    HttpAuthCheckError,
    /// HTTPS platform code 20001, "token is expired": authenticate again, then resend.
    HttpTokenExpired,
    /// HTTPS platform code 20002, "token is null": the request had no `password` header.
    HttpTokenNull,
    /// HTTPS platform code 20003, "check token error": authenticate again, then resend.
    HttpTokenCheckError,
    /// HTTPS platform code 20004, "update session error".
    HttpUpdateSessionError,
    /// HTTPS platform code 30001, "publish message error".
    HttpPublishError,
    /// HTTPS platform code 40000, "request too many" (rate limited).
    HttpTooManyRequests,
    /// An HTTPS platform code that is neither 0 nor a documented error code.
    HttpUnknownCode,
    /// An HTTPS publish body over the platform's 128 KB.
    HttpPayloadTooLarge,
    /// A topic for `POST /topic/...` that is empty, lacks the leading `/`, or holds a wildcard,
    /// `?`, `%`, a quote, a backslash or a non-printable byte.
    HttpInvalidTopic,
    /// A reply field is empty, over-long, or has characters that field cannot have.
    ReplyFieldInvalid,
    /// The HTTPS dynamic-registration reply has a `code` other than 200.
    DynregRejected,
    // CoAP auth (coap-auth, statuses -35..=-44).
    /// A CBOR reply is not well-formed, has indefinite lengths, a member of the wrong type, or
    /// a key twice.
    InvalidCbor,
    /// An empty ACK: the server took the request and will answer separately (`ackMode` 1).
    CoapEmptyAck,
    /// MQTT: the input ends inside a packet; read more bytes and decode again.
    MqttNeedMoreData,
    /// MQTT: a received packet breaks MQTT 3.1.1 (flags, lengths, UTF-8, reserved values).
    MqttMalformed,
    /// MQTT: a packet type a client never receives (CONNECT, SUBSCRIBE, QoS 2 flow, ...).
    MqttUnexpectedPacket,
    /// MQTT: QoS 2 (the platform supports QoS 0 and 1 only).
    MqttQosUnsupported,
    /// MQTT: a retained PUBLISH (the platform does not support retain).
    MqttRetainUnsupported,
    /// MQTT: packet id 0 where MQTT needs a non-zero one.
    MqttInvalidPacketId,
    /// MQTT: a string over 65535 bytes or a packet over 268435455 bytes.
    MqttPacketTooLarge,
    /// CONNACK 1: the broker refuses protocol level 4.
    ConnackProtocolVersion,
    /// CONNACK 2: the client id is rejected.
    ConnackIdentifierRejected,
    /// CONNACK 3: the service is unavailable; retry later.
    ConnackServerUnavailable,
    /// CONNACK 4: bad username or password.
    ConnackBadCredentials,
    /// CONNACK 5: not authorized.
    ConnackNotAuthorized,
    /// CONNACK 2 on a dynamic-registration connect: parameters missing or malformed, or TCP
    /// instead of TLS.
    DynregInvalidParams,
    /// CONNACK 4 on a dynamic-registration connect: the ProductSecret signature was refused.
    DynregAuthFailed,
    /// A topic or topic filter breaks the topic rules (levels, characters, wildcards, length).
    InvalidTopic,
}
