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

#if defined(IOTWIRE_HAS_COAP)
static int32_t call_coap_auth(void)
{
    static const uint8_t token[4] = {4, 3, 2, 1};
    static const uint8_t reply_datagram[] = {0x60, 0x45, 0x00, 0x01, 0xff, '{', '}'};
    static uint8_t out[IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
    static char text[IOTWIRE_COAP_AUTH_SIGN_CONTENT_MAX_SIZE];
    static iotwire_coap_session_t session;
    static iotwire_coap_auth_reply_t reply;
    static size_t len;
    iotwire_coap_auth_options_t o;
    iotwire_coap_dtls_psk_options_t p;
    int32_t rc = iotwire_coap_auth_options_init(&o);
    o.product_key = iotwire_str("a1NUjcVkHZS");
    o.device_name = iotwire_str("dev00");
    o.device_secret = iotwire_str("secret");
    o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    rc |= iotwire_coap_auth_get_sign_content(&o, text, sizeof text, &len);
    rc |= iotwire_coap_auth_get_sign(&o, text, sizeof text, &len);
    rc |= iotwire_coap_auth_get_payload(&o, out, sizeof out, &len);
    rc |= iotwire_coap_auth_build_request(&o, 1, token, sizeof token, out, sizeof out, &len);
    rc |= iotwire_coap_session_init(&session, 1);
    rc |= iotwire_coap_auth_build(&session, &o, out, sizeof out, &len);
    rc |= iotwire_coap_auth_parse_response(reply_datagram, sizeof reply_datagram,
                                           IOTWIRE_COAP_FORMAT_JSON, &reply);
    rc |= iotwire_coap_auth_accept_response(&session, &o, reply_datagram, sizeof reply_datagram,
                                            &reply);
    rc |= iotwire_coap_dtls_psk_options_init(&p);
    p.product_key = o.product_key;
    p.device_name = o.device_name;
    p.device_secret = o.device_secret;
    rc |= iotwire_coap_dtls_psk_get_identity(&p, text, sizeof text, &len);
    rc |= iotwire_coap_dtls_psk_get_key(&p, out, sizeof out, &len);
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
#if defined(IOTWIRE_HAS_COAP)
    rc |= call_coap_auth();
#endif
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION || iotwire_version_string()[0] == '\0') {
        rc |= 1;
    }
    return iotwire_status_str(rc)[0] == 'I' ? 0 : 1;
}
