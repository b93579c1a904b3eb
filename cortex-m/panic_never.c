/* Calls every export of the linked libiotwire build once, so that the panic-never link
 * (scripts/panic-never-gate.sh) keeps each export and all the code it can reach. The gate
 * only links this program; the arguments merely have to be valid C. The gate also checks that
 * every export the archive defines ended up in the image, so a new export missing here fails. */
#include "iotwire.h"
#if defined(IOTWIRE_HAS_LEGACY_SIGN)
#include "dev_sign_api.h"
#endif

#include <stddef.h>
#include <stdint.h>

#if defined(IOTWIRE_HAS_MQTT)
static int32_t call_mqtt(void)
{
    static const uint8_t mac[32];
    static char text[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];
    static size_t len;
    iotwire_mqtt_options_t o;
    uint16_t port;
    int32_t rc = iotwire_mqtt_options_init(&o);
    o.product_key = iotwire_str("a1X2bEnP82z");
    o.device_name = iotwire_str("example1");
    o.device_secret = iotwire_str("secret");
    rc |= iotwire_mqtt_get_client_id(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_username(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_host(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_sign_content(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_websocket_url(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_tls_psk_identity(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_password(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_tls_psk(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_password_from_mac(&o, mac, sizeof mac, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_port(&o, &port);
    rc |= iotwire_mqtt_check_keepalive(60);
    return rc;
}
#endif

#if defined(IOTWIRE_HAS_MQTT_CODEC)
static int32_t call_mqtt_codec(void)
{
    static uint8_t pkt[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
    static const uint8_t rx[] = {0x32, 9, 0, 3, 'a', '/', 'b', 0, 5, 'h', 'i'};
    static const iotwire_str_t filters[1] = {{"a/+", 3}};
    static iotwire_mqtt_packet_t packet;
    static iotwire_mqtt_packet_ids_t ids;
    static size_t len;
    uint16_t id = 0;
    int32_t rc = iotwire_mqtt_packet_ids_init(&ids);
    rc |= iotwire_mqtt_packet_ids_next(&ids, &id);
    rc |= iotwire_mqtt_connect_encode_explicit(iotwire_str("c"), iotwire_str("u"),
                                               iotwire_str("p"), 60, pkt, sizeof pkt, &len);
    rc |= iotwire_mqtt_publish_encode(iotwire_str("a/b"), rx, sizeof rx, 1, 0, id, pkt,
                                      sizeof pkt, &len);
    rc |= iotwire_mqtt_publish_header_encode(iotwire_str("a/b"), 100, 1, 0, id, pkt, sizeof pkt,
                                             &len);
    rc |= iotwire_mqtt_subscribe_encode(filters, 1, 1, id, pkt, sizeof pkt, &len);
    rc |= iotwire_mqtt_unsubscribe_encode(filters, 1, id, pkt, sizeof pkt, &len);
    rc |= iotwire_mqtt_puback_encode(id, pkt, sizeof pkt, &len);
    rc |= iotwire_mqtt_pingreq_encode(pkt, sizeof pkt, &len);
    rc |= iotwire_mqtt_disconnect_encode(pkt, sizeof pkt, &len);
    rc |= iotwire_mqtt_decode(rx, sizeof rx, &packet, &len);
    rc |= iotwire_mqtt_connack_status(packet.return_code, IOTWIRE_MQTT_CONNACK_CONTEXT_DYNREG);
#if defined(IOTWIRE_HAS_MQTT)
    {
        iotwire_mqtt_options_t o;
        rc |= iotwire_mqtt_options_init(&o);
        o.product_key = iotwire_str("a1X2bEnP82z");
        o.device_name = iotwire_str("example1");
        o.device_secret = iotwire_str("secret");
        rc |= iotwire_mqtt_connect_encode(&o, pkt, sizeof pkt, &len);
    }
#endif
    return rc;
}
#endif

#if defined(IOTWIRE_HAS_TOPICS)
static int32_t call_topics(void)
{
    static char text[128];
    static size_t len;
    int32_t rc = iotwire_topic_build(IOTWIRE_TOPIC_KIND_EVENT_POST, iotwire_str("a1X2bEnP82z"),
                                     iotwire_str("example1"), iotwire_str("alarm"),
                                     IOTWIRE_TOPIC_FLAG_URI_PATH, text, sizeof text, &len);
    rc |= iotwire_topic_validate(iotwire_str(text), IOTWIRE_TOPIC_USAGE_SUBSCRIBE);
    rc |= iotwire_ota_inform_payload_build(1, iotwire_str("1.0"), iotwire_str("MCU"), text,
                                           sizeof text, &len);
    rc |= iotwire_ota_progress_payload_build(2, 50, iotwire_str("\"x\""), iotwire_str(NULL),
                                             text, sizeof text, &len);
    return rc;
}
#endif

#if defined(IOTWIRE_HAS_LEGACY_SIGN)
static int32_t call_legacy(void)
{
    static iotx_dev_meta_info_t meta = {
        .product_key = "a1X2bEnP82z",
        .device_name = "example1",
        .device_secret = "secret",
    };
    static iotx_sign_mqtt_t signout;
    /* The parenthesised name is the exported symbol, not the header's macro. */
    int32_t rc = (IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    rc |= iotwire_legacy_sign_mqtt(IOTWIRE_LEGACY_SDK_V3_0_1, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS, 0,
                                   NULL, (const iotwire_legacy_dev_meta_t *)(const void *)&meta,
                                   (iotwire_legacy_sign_mqtt_t *)(void *)&signout);
    return rc;
}
#endif

int main(void)
{
    int32_t rc = 0;
#if defined(IOTWIRE_HAS_MQTT)
    rc |= call_mqtt();
#endif
#if defined(IOTWIRE_HAS_LEGACY_SIGN)
    rc |= call_legacy();
#endif
#if defined(IOTWIRE_HAS_MQTT_CODEC)
    rc |= call_mqtt_codec();
#endif
#if defined(IOTWIRE_HAS_TOPICS)
    rc |= call_topics();
#endif
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION || iotwire_version_string()[0] == '\0') {
        rc |= 1;
    }
    return iotwire_status_str(rc)[0] == 'I' ? 0 : 1;
}
