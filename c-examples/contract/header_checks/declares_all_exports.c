/* Compile-only check (CTest contract_header_declares_all_exports): iotwire.h alone must declare
 * every function libiotwire.a exports under the iotwire_ prefix, with these exact types. A
 * missing declaration is an error under C99 -Werror; a different signature is a conflicting
 * declaration. IOT_Sign_MQTT is left to the legacy headers on purpose. */
#include "iotwire.h"

typedef iotwire_status_t (*text_fn)(const struct iotwire_mqtt_options_t *, char *, size_t,
                                    size_t *);

#if defined(IOTWIRE_HAS_MQTT_CODEC) && defined(IOTWIRE_HAS_TOPICS)
/* The MQTT codec and topic exports, with their exact types. */
static int codec_and_topics_declared(void)
{
    typedef iotwire_status_t (*bytes_fn)(uint8_t *, size_t, size_t *);
    bytes_fn fixed[2] = {iotwire_mqtt_pingreq_encode, iotwire_mqtt_disconnect_encode};
    iotwire_status_t (*puback)(uint16_t, uint8_t *, size_t, size_t *) = iotwire_mqtt_puback_encode;
    iotwire_status_t (*connect)(const struct iotwire_mqtt_options_t *, uint8_t *, size_t,
                                size_t *) = iotwire_mqtt_connect_encode;
    iotwire_status_t (*connect_explicit)(iotwire_str_t, iotwire_str_t, iotwire_str_t, uint32_t,
                                         uint8_t *, size_t, size_t *) =
        iotwire_mqtt_connect_encode_explicit;
    iotwire_status_t (*publish)(iotwire_str_t, const uint8_t *, size_t, uint32_t, uint32_t,
                                uint16_t, uint8_t *, size_t, size_t *) =
        iotwire_mqtt_publish_encode;
    iotwire_status_t (*publish_header)(iotwire_str_t, size_t, uint32_t, uint32_t, uint16_t,
                                       uint8_t *, size_t, size_t *) =
        iotwire_mqtt_publish_header_encode;
    iotwire_status_t (*subscribe)(const iotwire_str_t *, size_t, uint32_t, uint16_t, uint8_t *,
                                  size_t, size_t *) = iotwire_mqtt_subscribe_encode;
    iotwire_status_t (*unsubscribe)(const iotwire_str_t *, size_t, uint16_t, uint8_t *, size_t,
                                    size_t *) = iotwire_mqtt_unsubscribe_encode;
    iotwire_status_t (*decode)(const uint8_t *, size_t, struct iotwire_mqtt_packet_t *,
                               size_t *) = iotwire_mqtt_decode;
    iotwire_status_t (*connack)(uint32_t, uint32_t) = iotwire_mqtt_connack_status;
    iotwire_status_t (*ids_init)(struct iotwire_mqtt_packet_ids_t *) =
        iotwire_mqtt_packet_ids_init;
    iotwire_status_t (*ids_next)(struct iotwire_mqtt_packet_ids_t *, uint16_t *) =
        iotwire_mqtt_packet_ids_next;
    iotwire_status_t (*topic)(uint32_t, iotwire_str_t, iotwire_str_t, iotwire_str_t, uint32_t,
                              char *, size_t, size_t *) = iotwire_topic_build;
    iotwire_status_t (*validate)(iotwire_str_t, uint32_t) = iotwire_topic_validate;
    iotwire_status_t (*inform)(uint32_t, iotwire_str_t, iotwire_str_t, char *, size_t,
                               size_t *) = iotwire_ota_inform_payload_build;
    iotwire_status_t (*progress)(uint32_t, int32_t, iotwire_str_t, iotwire_str_t, char *, size_t,
                                 size_t *) = iotwire_ota_progress_payload_build;
    return fixed[0] != NULL && fixed[1] != NULL && puback != NULL && connect != NULL &&
           connect_explicit != NULL && publish != NULL && publish_header != NULL &&
           subscribe != NULL && unsubscribe != NULL && decode != NULL && connack != NULL &&
           ids_init != NULL && ids_next != NULL && topic != NULL && validate != NULL &&
           inform != NULL && progress != NULL;
}
#else
static int codec_and_topics_declared(void)
{
    return 1;
}
#endif

#if defined(IOTWIRE_HAS_DIAGNOSE)
/* The diagnostics exports (a build with the diagnose feature defines the macro). */
static int diagnose_declared(void)
{
    iotwire_status_t (*explain)(uint32_t, const uint8_t *, size_t, const uint8_t *, size_t,
                                char *, size_t, size_t *, int32_t *) = iotwire_explain;
    iotwire_status_t (*check)(const struct iotwire_mqtt_options_t *, const uint8_t *, size_t,
                              char *, size_t, size_t *, uint32_t *) = iotwire_check_connect;
    return explain != NULL && check != NULL;
}
#else
static int diagnose_declared(void)
{
    return 1;
}
#endif

int main(void);
int main(void)
{
    text_fn text[8];
    iotwire_status_t (*init)(struct iotwire_mqtt_options_t *) = iotwire_mqtt_options_init;
    iotwire_status_t (*from_mac)(const struct iotwire_mqtt_options_t *, const uint8_t *, size_t,
                                 char *, size_t, size_t *) = iotwire_mqtt_get_password_from_mac;
    iotwire_status_t (*port)(const struct iotwire_mqtt_options_t *, uint16_t *) =
        iotwire_mqtt_get_port;
    iotwire_status_t (*keepalive)(uint32_t) = iotwire_mqtt_check_keepalive;
    int32_t (*legacy)(uint32_t, uint32_t, int32_t, const char *,
                      const struct iotwire_legacy_dev_meta_t *,
                      struct iotwire_legacy_sign_mqtt_t *) = iotwire_legacy_sign_mqtt;
    const char *(*status_str)(int32_t) = iotwire_status_str;
    uint32_t (*abi)(void) = iotwire_abi_version;
    const char *(*version)(void) = iotwire_version_string;

    text[0] = iotwire_mqtt_get_client_id;
    text[1] = iotwire_mqtt_get_username;
    text[2] = iotwire_mqtt_get_host;
    text[3] = iotwire_mqtt_get_sign_content;
    text[4] = iotwire_mqtt_get_websocket_url;
    text[5] = iotwire_mqtt_get_tls_psk_identity;
    text[6] = iotwire_mqtt_get_password;
    text[7] = iotwire_mqtt_get_tls_psk;

    return (codec_and_topics_declared() && diagnose_declared() && text[0] != NULL && init != NULL && from_mac != NULL && port != NULL &&
            keepalive != NULL && legacy != NULL && status_str != NULL && abi != NULL &&
            version != NULL)
               ? 0
               : 1;
}
