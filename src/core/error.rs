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
