//! Status codes. Numbers are part of the ABI: never renumber, never reuse; retire a code by
//! leaving a comment in its place.

use crate::core::Error;
use core::ffi::c_char;

/// The status every export returns: 0 is success, negative is an error.
pub type iotwire_status_t = i32;

/// Success.
pub const IOTWIRE_OK: iotwire_status_t = 0;
/// A required pointer was NULL (or a (NULL, len > 0) input pair).
pub const IOTWIRE_ERR_NULL_POINTER: iotwire_status_t = -1;
/// An argument is malformed (no more specific status applies).
pub const IOTWIRE_ERR_INVALID_ARGUMENT: iotwire_status_t = -2;
/// The output does not fit `out_cap`; nothing was written. Ask with a size query.
pub const IOTWIRE_ERR_BUFFER_TOO_SMALL: iotwire_status_t = -3;
/// This build of the library left the needed feature out (e.g. `hmac-md5`).
pub const IOTWIRE_ERR_UNSUPPORTED: iotwire_status_t = -4;
/// The output buffer overlaps an input or the `out_len` variable.
pub const IOTWIRE_ERR_OVERLAP: iotwire_status_t = -5;
/// A selector (region, sign method, mode, legacy SDK) has an unknown value.
pub const IOTWIRE_ERR_INVALID_SELECTOR: iotwire_status_t = -6;
/// An options struct has a `struct_size` this library cannot read.
pub const IOTWIRE_ERR_INVALID_STRUCT_SIZE: iotwire_status_t = -7;
/// ProductKey is empty, longer than 20 or not letters and digits.
pub const IOTWIRE_ERR_INVALID_PRODUCT_KEY: iotwire_status_t = -8;
/// DeviceName is outside 4..=32 characters of `[A-Za-z0-9_@.:-]`.
pub const IOTWIRE_ERR_INVALID_DEVICE_NAME: iotwire_status_t = -9;
/// Client id empty, over 64 characters, or containing `|` (or, for a legacy profile, the whole
/// MQTT client id over 199 characters).
pub const IOTWIRE_ERR_INVALID_CLIENT_ID: iotwire_status_t = -10;
/// Keepalive outside 30..=1200 seconds (the platform refuses the CONNECT).
pub const IOTWIRE_ERR_INVALID_KEEPALIVE: iotwire_status_t = -11;
/// The secure mode does not fit the connect mode or profile.
pub const IOTWIRE_ERR_INVALID_SECURE_MODE: iotwire_status_t = -12;
/// Plaintext TCP (securemode 3 / `ws://`) without `IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT`.
pub const IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED: iotwire_status_t = -13;
/// A value the mode needs is empty (secret, random, device token, client id, host).
pub const IOTWIRE_ERR_MISSING_FIELD: iotwire_status_t = -14;
/// A host is empty, too long or not a host name (or too long for a legacy hostname field).
pub const IOTWIRE_ERR_INVALID_HOST: iotwire_status_t = -15;
/// A timestamp is not 1..=20 decimal digits.
pub const IOTWIRE_ERR_INVALID_TIMESTAMP: iotwire_status_t = -16;
/// Extra client-id parameters are not `key=value[,key=value]` without `|`.
pub const IOTWIRE_ERR_INVALID_EXTRA_PARAMS: iotwire_status_t = -17;
/// A MAC passed to the two-step API has the wrong length for the sign method.
pub const IOTWIRE_ERR_INVALID_MAC_LENGTH: iotwire_status_t = -18;
/// A length computation overflowed.
pub const IOTWIRE_ERR_OVERFLOW: iotwire_status_t = -19;
/// A reply is not well-formed JSON, a member has the wrong type, or a key occurs twice.
pub const IOTWIRE_ERR_INVALID_JSON: iotwire_status_t = -20;
/// MQTT: the input ends inside a packet; read more bytes (how many, if known, is reported)
/// and decode again.
pub const IOTWIRE_ERR_MQTT_NEED_MORE_DATA: iotwire_status_t = -65;
/// MQTT: a received packet breaks MQTT 3.1.1 (flags, lengths, UTF-8, reserved values);
/// close the connection.
pub const IOTWIRE_ERR_MQTT_MALFORMED: iotwire_status_t = -66;
/// MQTT: a packet type a client never receives (CONNECT, SUBSCRIBE, PUBREC, ...).
pub const IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET: iotwire_status_t = -67;
/// MQTT: QoS 2 asked for or received; the platform supports QoS 0 and 1 only.
pub const IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED: iotwire_status_t = -68;
/// MQTT: retain asked for; the platform does not support retained messages.
pub const IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED: iotwire_status_t = -69;
/// MQTT: packet id 0 where MQTT needs a non-zero one.
pub const IOTWIRE_ERR_MQTT_INVALID_PACKET_ID: iotwire_status_t = -70;
/// MQTT: a string over 65535 bytes, or a packet over 268435455 bytes.
pub const IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE: iotwire_status_t = -71;
/// CONNACK return code 1: the broker refuses MQTT 3.1.1.
pub const IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION: iotwire_status_t = -72;
/// CONNACK return code 2: client id rejected.
pub const IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER: iotwire_status_t = -73;
/// CONNACK return code 3: service unavailable (also during dynamic registration: cloud
/// error); retry later.
pub const IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE: iotwire_status_t = -74;
/// CONNACK return code 4: bad username or password.
pub const IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS: iotwire_status_t = -75;
/// CONNACK return code 5: not authorized.
pub const IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED: iotwire_status_t = -76;
/// CONNACK return code 2 on a dynamic-registration connect: a parameter is missing or
/// malformed, or the connection is plain TCP (registration needs TLS).
pub const IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS: iotwire_status_t = -77;
/// CONNACK return code 4 on a dynamic-registration connect: the ProductSecret signature (or
/// username) was refused.
pub const IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED: iotwire_status_t = -78;
/// A topic or topic filter breaks the topic rules (levels, characters, wildcards, length).
pub const IOTWIRE_ERR_INVALID_TOPIC: iotwire_status_t = -79;
/// A state the library considers unreachable; please report it.
pub const IOTWIRE_ERR_INTERNAL: iotwire_status_t = -100;

/// Maps a core error to its status number.
pub fn from_error(e: Error) -> iotwire_status_t {
    match e {
        Error::InvalidArgument => IOTWIRE_ERR_INVALID_ARGUMENT,
        Error::BufferTooSmall => IOTWIRE_ERR_BUFFER_TOO_SMALL,
        Error::Unsupported => IOTWIRE_ERR_UNSUPPORTED,
        Error::InvalidSelector => IOTWIRE_ERR_INVALID_SELECTOR,
        Error::InvalidProductKey => IOTWIRE_ERR_INVALID_PRODUCT_KEY,
        Error::InvalidDeviceName => IOTWIRE_ERR_INVALID_DEVICE_NAME,
        Error::InvalidClientId => IOTWIRE_ERR_INVALID_CLIENT_ID,
        Error::InvalidKeepalive => IOTWIRE_ERR_INVALID_KEEPALIVE,
        Error::InvalidSecureMode => IOTWIRE_ERR_INVALID_SECURE_MODE,
        Error::InsecureModeNotAllowed => IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED,
        Error::MissingField => IOTWIRE_ERR_MISSING_FIELD,
        Error::InvalidHost => IOTWIRE_ERR_INVALID_HOST,
        Error::InvalidTimestamp => IOTWIRE_ERR_INVALID_TIMESTAMP,
        Error::InvalidExtraParams => IOTWIRE_ERR_INVALID_EXTRA_PARAMS,
        Error::InvalidMacLength => IOTWIRE_ERR_INVALID_MAC_LENGTH,
        Error::Overflow => IOTWIRE_ERR_OVERFLOW,
        Error::InvalidJson => IOTWIRE_ERR_INVALID_JSON,
        Error::MqttNeedMoreData => IOTWIRE_ERR_MQTT_NEED_MORE_DATA,
        Error::MqttMalformed => IOTWIRE_ERR_MQTT_MALFORMED,
        Error::MqttUnexpectedPacket => IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET,
        Error::MqttQosUnsupported => IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED,
        Error::MqttRetainUnsupported => IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED,
        Error::MqttInvalidPacketId => IOTWIRE_ERR_MQTT_INVALID_PACKET_ID,
        Error::MqttPacketTooLarge => IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE,
        Error::ConnackProtocolVersion => IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION,
        Error::ConnackIdentifierRejected => IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER,
        Error::ConnackServerUnavailable => IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE,
        Error::ConnackBadCredentials => IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS,
        Error::ConnackNotAuthorized => IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED,
        Error::DynregInvalidParams => IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS,
        Error::DynregAuthFailed => IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED,
        Error::InvalidTopic => IOTWIRE_ERR_INVALID_TOPIC,
    }
}

const fn name_of(status: iotwire_status_t) -> &'static str {
    match status {
        IOTWIRE_OK => "IOTWIRE_OK\0",
        IOTWIRE_ERR_NULL_POINTER => "IOTWIRE_ERR_NULL_POINTER\0",
        IOTWIRE_ERR_INVALID_ARGUMENT => "IOTWIRE_ERR_INVALID_ARGUMENT\0",
        IOTWIRE_ERR_BUFFER_TOO_SMALL => "IOTWIRE_ERR_BUFFER_TOO_SMALL\0",
        IOTWIRE_ERR_UNSUPPORTED => "IOTWIRE_ERR_UNSUPPORTED\0",
        IOTWIRE_ERR_OVERLAP => "IOTWIRE_ERR_OVERLAP\0",
        IOTWIRE_ERR_INVALID_SELECTOR => "IOTWIRE_ERR_INVALID_SELECTOR\0",
        IOTWIRE_ERR_INVALID_STRUCT_SIZE => "IOTWIRE_ERR_INVALID_STRUCT_SIZE\0",
        IOTWIRE_ERR_INVALID_PRODUCT_KEY => "IOTWIRE_ERR_INVALID_PRODUCT_KEY\0",
        IOTWIRE_ERR_INVALID_DEVICE_NAME => "IOTWIRE_ERR_INVALID_DEVICE_NAME\0",
        IOTWIRE_ERR_INVALID_CLIENT_ID => "IOTWIRE_ERR_INVALID_CLIENT_ID\0",
        IOTWIRE_ERR_INVALID_KEEPALIVE => "IOTWIRE_ERR_INVALID_KEEPALIVE\0",
        IOTWIRE_ERR_INVALID_SECURE_MODE => "IOTWIRE_ERR_INVALID_SECURE_MODE\0",
        IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED => "IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED\0",
        IOTWIRE_ERR_MISSING_FIELD => "IOTWIRE_ERR_MISSING_FIELD\0",
        IOTWIRE_ERR_INVALID_HOST => "IOTWIRE_ERR_INVALID_HOST\0",
        IOTWIRE_ERR_INVALID_TIMESTAMP => "IOTWIRE_ERR_INVALID_TIMESTAMP\0",
        IOTWIRE_ERR_INVALID_EXTRA_PARAMS => "IOTWIRE_ERR_INVALID_EXTRA_PARAMS\0",
        IOTWIRE_ERR_INVALID_MAC_LENGTH => "IOTWIRE_ERR_INVALID_MAC_LENGTH\0",
        IOTWIRE_ERR_OVERFLOW => "IOTWIRE_ERR_OVERFLOW\0",
        IOTWIRE_ERR_INVALID_JSON => "IOTWIRE_ERR_INVALID_JSON\0",
        IOTWIRE_ERR_MQTT_NEED_MORE_DATA => "IOTWIRE_ERR_MQTT_NEED_MORE_DATA\0",
        IOTWIRE_ERR_MQTT_MALFORMED => "IOTWIRE_ERR_MQTT_MALFORMED\0",
        IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET => "IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET\0",
        IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED => "IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED\0",
        IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED => "IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED\0",
        IOTWIRE_ERR_MQTT_INVALID_PACKET_ID => "IOTWIRE_ERR_MQTT_INVALID_PACKET_ID\0",
        IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE => "IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE\0",
        IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION => "IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION\0",
        IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER => "IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER\0",
        IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE => {
            "IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE\0"
        }
        IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS => "IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS\0",
        IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED => "IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED\0",
        IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS => "IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS\0",
        IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED => "IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED\0",
        IOTWIRE_ERR_INVALID_TOPIC => "IOTWIRE_ERR_INVALID_TOPIC\0",
        IOTWIRE_ERR_INTERNAL => "IOTWIRE_ERR_INTERNAL\0",
        _ => "IOTWIRE_ERR_UNKNOWN\0",
    }
}

/// @brief The name of a status code, e.g. `"IOTWIRE_ERR_BUFFER_TOO_SMALL"`.
///
/// @param[in] status Any integer; values that are no iotwire status give
///            `"IOTWIRE_ERR_UNKNOWN"`.
/// @return A static NUL-terminated string; never NULL, never to be freed.
///
/// @code{c}
/// int32_t rc = iotwire_mqtt_get_password(&opts, buf, sizeof buf, &len);
/// if (rc != IOTWIRE_OK) printf("failed: %s\n", iotwire_status_str(rc));
/// @endcode
#[unsafe(no_mangle)]
pub extern "C" fn iotwire_status_str(status: i32) -> *const c_char {
    name_of(status).as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_distinct_name() {
        let all = [
            0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18,
            -19, -20, -65, -66, -67, -68, -69, -70, -71, -72, -73, -74, -75, -76, -77, -78, -79,
            -100,
        ];
        let mut names: std::vec::Vec<&str> = all.iter().map(|&s| name_of(s)).collect();
        assert!(names.iter().all(|n| *n != "IOTWIRE_ERR_UNKNOWN\0"));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert_eq!(name_of(1), "IOTWIRE_ERR_UNKNOWN\0");
    }
}
