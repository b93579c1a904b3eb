//! Every core error carries its C status number as its discriminant (`Error::code`); this
//! pins each variant to the `IOTWIRE_ERR_*` constant of the same meaning, so a renumbered
//! variant or constant fails here instead of silently changing the ABI.
use iotwire::Error;
use iotwire_ffi::status::*;

#[test]
fn every_error_has_its_status_number() {
    let pairs: &[(Error, i32)] = &[
        (Error::InvalidArgument, IOTWIRE_ERR_INVALID_ARGUMENT),
        (Error::BufferTooSmall, IOTWIRE_ERR_BUFFER_TOO_SMALL),
        (Error::Unsupported, IOTWIRE_ERR_UNSUPPORTED),
        (Error::InvalidSelector, IOTWIRE_ERR_INVALID_SELECTOR),
        (Error::InvalidProductKey, IOTWIRE_ERR_INVALID_PRODUCT_KEY),
        (Error::InvalidDeviceName, IOTWIRE_ERR_INVALID_DEVICE_NAME),
        (Error::InvalidClientId, IOTWIRE_ERR_INVALID_CLIENT_ID),
        (Error::InvalidKeepalive, IOTWIRE_ERR_INVALID_KEEPALIVE),
        (Error::InvalidSecureMode, IOTWIRE_ERR_INVALID_SECURE_MODE),
        (
            Error::InsecureModeNotAllowed,
            IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED,
        ),
        (Error::MissingField, IOTWIRE_ERR_MISSING_FIELD),
        (Error::InvalidHost, IOTWIRE_ERR_INVALID_HOST),
        (Error::InvalidTimestamp, IOTWIRE_ERR_INVALID_TIMESTAMP),
        (Error::InvalidExtraParams, IOTWIRE_ERR_INVALID_EXTRA_PARAMS),
        (Error::InvalidMacLength, IOTWIRE_ERR_INVALID_MAC_LENGTH),
        (Error::Overflow, IOTWIRE_ERR_OVERFLOW),
        (Error::InvalidJson, IOTWIRE_ERR_INVALID_JSON),
        (Error::CoapMalformed, IOTWIRE_ERR_COAP_MALFORMED),
        (
            Error::CoapDatagramTooLarge,
            IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE,
        ),
        (Error::CoapBadPadding, IOTWIRE_ERR_COAP_BAD_PADDING),
        (
            Error::CoapNotAuthenticated,
            IOTWIRE_ERR_COAP_NOT_AUTHENTICATED,
        ),
        (Error::CoapBadRequest, IOTWIRE_ERR_COAP_BAD_REQUEST),
        (Error::CoapUnauthorized, IOTWIRE_ERR_COAP_UNAUTHORIZED),
        (Error::CoapForbidden, IOTWIRE_ERR_COAP_FORBIDDEN),
        (Error::CoapNotFound, IOTWIRE_ERR_COAP_NOT_FOUND),
        (
            Error::CoapMethodNotAllowed,
            IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED,
        ),
        (Error::CoapNotAcceptable, IOTWIRE_ERR_COAP_NOT_ACCEPTABLE),
        (
            Error::CoapUnsupportedContentFormat,
            IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT,
        ),
        (Error::CoapServerError, IOTWIRE_ERR_COAP_SERVER_ERROR),
        (Error::CoapUnexpectedCode, IOTWIRE_ERR_COAP_UNEXPECTED_CODE),
        (Error::CoapInvalidSession, IOTWIRE_ERR_COAP_INVALID_SESSION),
        (Error::InvalidDeviceKey, IOTWIRE_ERR_INVALID_DEVICE_KEY),
        (Error::InvalidLifetime, IOTWIRE_ERR_INVALID_LIFETIME),
        (
            Error::ActivationRefused,
            IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED,
        ),
        (
            Error::InvalidReplyField,
            IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD,
        ),
        (Error::DeviceMismatch, IOTWIRE_ERR_ENOS_DEVICE_MISMATCH),
        (Error::HttpCommonError, IOTWIRE_ERR_HTTP_COMMON_ERROR),
        (Error::HttpParamError, IOTWIRE_ERR_HTTP_PARAM_ERROR),
        (Error::HttpAuthCheckError, IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR),
        (Error::HttpTokenExpired, IOTWIRE_ERR_HTTP_TOKEN_EXPIRED),
        (Error::HttpTokenNull, IOTWIRE_ERR_HTTP_TOKEN_NULL),
        (
            Error::HttpTokenCheckError,
            IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR,
        ),
        (
            Error::HttpUpdateSessionError,
            IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR,
        ),
        (Error::HttpPublishError, IOTWIRE_ERR_HTTP_PUBLISH_ERROR),
        (
            Error::HttpTooManyRequests,
            IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS,
        ),
        (Error::HttpUnknownCode, IOTWIRE_ERR_HTTP_UNKNOWN_CODE),
        (
            Error::HttpPayloadTooLarge,
            IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE,
        ),
        (Error::HttpInvalidTopic, IOTWIRE_ERR_HTTP_INVALID_TOPIC),
        (Error::ReplyFieldInvalid, IOTWIRE_ERR_REPLY_FIELD_INVALID),
        (Error::DynregRejected, IOTWIRE_ERR_DYNREG_REJECTED),
        (Error::InvalidCbor, IOTWIRE_ERR_INVALID_CBOR),
        (Error::CoapEmptyAck, IOTWIRE_ERR_COAP_EMPTY_ACK),
        (Error::MqttNeedMoreData, IOTWIRE_ERR_MQTT_NEED_MORE_DATA),
        (Error::MqttMalformed, IOTWIRE_ERR_MQTT_MALFORMED),
        (
            Error::MqttUnexpectedPacket,
            IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET,
        ),
        (Error::MqttQosUnsupported, IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED),
        (
            Error::MqttRetainUnsupported,
            IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED,
        ),
        (
            Error::MqttInvalidPacketId,
            IOTWIRE_ERR_MQTT_INVALID_PACKET_ID,
        ),
        (Error::MqttPacketTooLarge, IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE),
        (
            Error::ConnackProtocolVersion,
            IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION,
        ),
        (
            Error::ConnackIdentifierRejected,
            IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER,
        ),
        (
            Error::ConnackServerUnavailable,
            IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE,
        ),
        (
            Error::ConnackBadCredentials,
            IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS,
        ),
        (
            Error::ConnackNotAuthorized,
            IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED,
        ),
        (
            Error::DynregInvalidParams,
            IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS,
        ),
        (Error::DynregAuthFailed, IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED),
        (Error::InvalidTopic, IOTWIRE_ERR_INVALID_TOPIC),
        (
            Error::HttpMalformedRequest,
            IOTWIRE_ERR_HTTP_MALFORMED_REQUEST,
        ),
    ];
    for (e, status) in pairs {
        assert_eq!(e.code(), *status, "{e:?}");
        assert_eq!(from_error(*e), *status, "{e:?}");
    }
    // No two errors share a number.
    let mut codes: Vec<i32> = pairs.iter().map(|(e, _)| e.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), pairs.len());
}
