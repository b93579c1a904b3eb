//! Status codes. Numbers are part of the ABI: never renumber, never reuse; retire a code by
//! leaving a comment in its place.

use core::ffi::c_char;
use iotwire::Error;

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
/// A datagram is not well-formed CoAP (bad version, TKL > 8, reserved 15 nibble, truncated
/// option, payload marker with no payload, ...).
pub const IOTWIRE_ERR_COAP_MALFORMED: iotwire_status_t = -21;
/// The datagram would exceed the size limit (1280 bytes unless configured otherwise).
pub const IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE: iotwire_status_t = -22;
/// Symmetric-mode ciphertext whose length is not a positive multiple of 16 or whose PKCS#7
/// padding is wrong; nothing was written.
pub const IOTWIRE_ERR_COAP_BAD_PADDING: iotwire_status_t = -23;
/// The CoAP session has no auth token (or, with a key, no seq): authenticate first.
pub const IOTWIRE_ERR_COAP_NOT_AUTHENTICATED: iotwire_status_t = -24;
/// The platform answered 4.00 Bad Request.
pub const IOTWIRE_ERR_COAP_BAD_REQUEST: iotwire_status_t = -25;
/// The platform answered 4.01 Unauthorized: the auth token is invalid or expired;
/// authenticate again and resend.
pub const IOTWIRE_ERR_COAP_UNAUTHORIZED: iotwire_status_t = -26;
/// The platform answered 4.03 Forbidden.
pub const IOTWIRE_ERR_COAP_FORBIDDEN: iotwire_status_t = -27;
/// The platform answered 4.04 Not Found.
pub const IOTWIRE_ERR_COAP_NOT_FOUND: iotwire_status_t = -28;
/// The platform answered 4.05 Method Not Allowed.
pub const IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED: iotwire_status_t = -29;
/// The platform answered 4.06 Not Acceptable.
pub const IOTWIRE_ERR_COAP_NOT_ACCEPTABLE: iotwire_status_t = -30;
/// The platform answered 4.15 Unsupported Content-Format.
pub const IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT: iotwire_status_t = -31;
/// The platform answered 5.00 Internal Server Error.
pub const IOTWIRE_ERR_COAP_SERVER_ERROR: iotwire_status_t = -32;
/// A Reset, a request code, or a response code the platform does not document.
pub const IOTWIRE_ERR_COAP_UNEXPECTED_CODE: iotwire_status_t = -33;
/// The CoAP session was not initialised with iotwire_coap_session_init().
pub const IOTWIRE_ERR_COAP_INVALID_SESSION: iotwire_status_t = -34;
/// EnOS DeviceKey is empty, over 32 characters or not `[A-Za-z0-9_-]`.
pub const IOTWIRE_ERR_INVALID_DEVICE_KEY: iotwire_status_t = -45;
/// EnOS DTLS-PSK lifetime outside 30..=86400 seconds.
pub const IOTWIRE_ERR_INVALID_LIFETIME: iotwire_status_t = -46;
/// The EnOS activation reply is not a 2.05 (Content) response: the platform refused.
pub const IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED: iotwire_status_t = -47;
/// An EnOS activation reply field is over-long, empty or has bytes outside printable ASCII.
pub const IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD: iotwire_status_t = -48;
/// The EnOS activation reply is for another ProductKey or DeviceKey than the options name.
pub const IOTWIRE_ERR_ENOS_DEVICE_MISMATCH: iotwire_status_t = -49;
/// HTTPS platform code 10000 ("common error").
pub const IOTWIRE_ERR_HTTP_COMMON_ERROR: iotwire_status_t = -50;
/// HTTPS platform code 10001 ("param error").
pub const IOTWIRE_ERR_HTTP_PARAM_ERROR: iotwire_status_t = -51;
/// HTTPS platform code 20000 ("auth check error"): the device credentials were refused.
pub const IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR: iotwire_status_t = -52;
/// HTTPS platform code 20001 ("token is expired"): authenticate again, then resend the message.
pub const IOTWIRE_ERR_HTTP_TOKEN_EXPIRED: iotwire_status_t = -53;
/// HTTPS platform code 20002 ("token is null"): the publish had no `password` header.
pub const IOTWIRE_ERR_HTTP_TOKEN_NULL: iotwire_status_t = -54;
/// HTTPS platform code 20003 ("check token error"): authenticate again, then resend.
pub const IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR: iotwire_status_t = -55;
/// HTTPS platform code 20004 ("update session error").
pub const IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR: iotwire_status_t = -56;
/// HTTPS platform code 30001 ("publish message error").
pub const IOTWIRE_ERR_HTTP_PUBLISH_ERROR: iotwire_status_t = -57;
/// HTTPS platform code 40000 ("request too many"): rate limited, retry later.
pub const IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS: iotwire_status_t = -58;
/// An HTTPS platform code that is neither 0 nor a documented error code.
pub const IOTWIRE_ERR_HTTP_UNKNOWN_CODE: iotwire_status_t = -59;
/// An HTTPS publish body over the platform's 128 KB (`IOTWIRE_HTTP_PAYLOAD_MAX`).
pub const IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE: iotwire_status_t = -60;
/// A topic for `POST /topic/...` that is empty, lacks the leading `/`, or holds `+`, `#`, `?`,
/// `%`, a quote, a backslash or a non-printable byte.
pub const IOTWIRE_ERR_HTTP_INVALID_TOPIC: iotwire_status_t = -61;
/// A reply field (secret, token, client id, name) is empty, over-long or has characters that
/// field cannot have.
pub const IOTWIRE_ERR_REPLY_FIELD_INVALID: iotwire_status_t = -62;
/// The HTTPS dynamic-registration reply has a `code` other than 200.
pub const IOTWIRE_ERR_DYNREG_REJECTED: iotwire_status_t = -63;
/// A CBOR reply is not well-formed (indefinite lengths, truncation, trailing bytes), a member
/// has the wrong type, or a key occurs twice.
pub const IOTWIRE_ERR_INVALID_CBOR: iotwire_status_t = -35;
/// An empty ACK: the platform took the request and will send the response separately
/// (`ackMode` 1); keep waiting for it (and ACK it if it comes as CON).
pub const IOTWIRE_ERR_COAP_EMPTY_ACK: iotwire_status_t = -36;
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
/// Captured bytes are not a well-formed HTTP/1.1 request (request line, header lines,
/// Content-Length framing): the verdict of `iotwire_explain()`.
pub const IOTWIRE_ERR_HTTP_MALFORMED_REQUEST: iotwire_status_t = -80;
/// A state the library considers unreachable; please report it.
pub const IOTWIRE_ERR_INTERNAL: iotwire_status_t = -100;

/// Maps a core error to its status number: the error's discriminant is that number (see
/// `iotwire::Error`), so this is a cast, not a table. `tests/status_names.rs` checks that every
/// variant's number is the status constant of the same name.
pub fn from_error(e: Error) -> iotwire_status_t {
    e.code()
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
    crate::status_name::of(status).as_ptr().cast()
}
