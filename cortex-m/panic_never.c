/* Calls every export of the linked libiotwire build once, so that the panic-never link
 * (scripts/panic-never-gate.sh) keeps each export and all the code it can reach. The gate
 * only links this program; the arguments merely have to be valid C. The gate also checks that
 * every export the archive defines ended up in the image, so a new export missing here fails. */
#include "iotwire.h"
#if defined(IOTWIRE_HAS_LEGACY_V3)
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

#if defined(IOTWIRE_HAS_ENOS)
static int32_t call_enos(void)
{
    static char text[IOTWIRE_ENOS_MQTT_HOST_MAX_SIZE];
    static uint8_t key[IOTWIRE_ENOS_PSK_KEY_SIZE];
    static uint8_t dgram[IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE];
    static size_t len;
    iotwire_enos_options_t o;
    uint16_t port;
    int32_t rc = iotwire_enos_options_init(&o);
    o.product_key = iotwire_str("pk123456");
    o.device_key = iotwire_str("860123456789012");
    o.device_secret = iotwire_str("secret");
    o.host = iotwire_str("mqtt.example.eniot.io");
    o.lifetime_s = 300;
    rc |= iotwire_enos_get_psk_identity(&o, text, sizeof text, &len);
    rc |= iotwire_enos_get_psk_key(&o, key, sizeof key, &len);
    rc |= iotwire_enos_mqtt_get_client_id(&o, text, sizeof text, &len);
    rc |= iotwire_enos_mqtt_get_username(&o, text, sizeof text, &len);
    rc |= iotwire_enos_mqtt_get_sign_content(&o, text, sizeof text, &len);
    rc |= iotwire_enos_mqtt_get_password(&o, text, sizeof text, &len);
    rc |= iotwire_enos_mqtt_get_host(&o, text, sizeof text, &len);
    rc |= iotwire_enos_mqtt_get_port(&o, &port);
    rc |= iotwire_enos_activate_build_request(&o, 1u, key, 2u, dgram, sizeof dgram, &len);
    rc |= iotwire_enos_activate_get_device_secret(&o, dgram, len, text, sizeof text, &len);
    rc |= iotwire_enos_activate_get_asset_id(&o, dgram, len, text, sizeof text, &len);
    rc |= iotwire_enos_activate_get_id(&o, dgram, len, text, sizeof text, &len);
    return rc;
}
#endif

#if defined(IOTWIRE_HAS_COAP)
static int32_t call_coap(void)
{
    static uint8_t dgram[256];
    static uint8_t body[256];
    static size_t len;
    static iotwire_coap_session_t session;
    static iotwire_coap_response_t resp;
    static const uint8_t key[16];
    iotwire_coap_publish_options_t po;
    int32_t rc = iotwire_coap_session_init(&session, 1);
    rc |= iotwire_coap_session_set_auth_token(&session, iotwire_str("token"));
    rc |= iotwire_coap_session_set_seq_offset(&session, 1);
    rc |= iotwire_coap_session_set_next_seq(&session, 2);
#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
    rc |= iotwire_coap_session_set_key(&session, key, sizeof key);
    rc |= iotwire_coap_session_derive_key(&session, iotwire_str("secret"), iotwire_str("r"));
    rc |= iotwire_coap_derive_key(iotwire_str("secret"), iotwire_str("r"), dgram, sizeof dgram, &len);
    rc |= iotwire_coap_aes_encrypt(key, sizeof key, body, 20, dgram, sizeof dgram, &len);
    rc |= iotwire_coap_aes_decrypt(key, sizeof key, dgram, len, body, sizeof body, &len);
#else
    (void)key;
#endif
    rc |= iotwire_coap_publish_options_init(&po);
    po.topic = iotwire_str("/a/b");
    po.payload = iotwire_str("{}");
    rc |= iotwire_coap_publish_build(&session, &po, dgram, sizeof dgram, &len);
    rc |= iotwire_coap_parse_response(&session, dgram, len, &resp, body, sizeof body, &len);
    rc |= iotwire_coap_session_clear(&session);
    return rc;
}
#endif

#if defined(IOTWIRE_HAS_HTTP)
static int32_t call_http(void)
{
    static const char body[] = "{\"code\":0,\"info\":{\"token\":\"t\",\"messageId\":1}}";
    static const char reply[] = "{\"deviceSecret\":\"s\"}";
    static const uint8_t payload[] = "{}";
    static char text[IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE];
    static uint8_t bytes[IOTWIRE_HTTP_PUBLISH_HEAD_MAX_SIZE];
    static size_t len;
    iotwire_http_auth_options_t a;
    iotwire_dynreg_https_options_t d;
    iotwire_http_response_t r;
    int32_t rc = iotwire_http_auth_options_init(&a);
    a.product_key = iotwire_str("a1X2bEnP82z");
    a.device_name = iotwire_str("example1");
    a.device_secret = iotwire_str("secret");
    rc |= iotwire_http_get_auth(&a, IOTWIRE_HTTP_PART_REQUEST, text, sizeof text, &len);
    rc |= iotwire_http_publish_head(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(""), iotwire_str("/a/b"),
                                    iotwire_str("tok"), 2, text, sizeof text, &len);
    rc |= iotwire_http_publish_request(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(""),
                                       iotwire_str("/a/b"), iotwire_str("tok"), payload, 2, bytes,
                                       sizeof bytes, &len);
    r.struct_size = (uint32_t)sizeof r;
    rc |= iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_ANY, (const uint8_t *)body,
                                      sizeof body - 1, &r, text, sizeof text, &len);
    rc |= iotwire_dynreg_https_options_init(&d);
    d.product_key = iotwire_str("a1X2bEnP82z");
    d.device_name = iotwire_str("example1");
    d.product_secret = iotwire_str("secret");
    d.random = iotwire_str("r1");
    rc |= iotwire_dynreg_https_get(&d, IOTWIRE_HTTP_PART_REQUEST, text, sizeof text, &len);
    rc |= iotwire_register_reply_get(IOTWIRE_REPLY_EXT_REGISTER, (const uint8_t *)reply,
                                     sizeof reply - 1, IOTWIRE_REPLY_FIELD_DEVICE_SECRET, text,
                                     sizeof text, &len);
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
    rc |= iotwire_coap_auth_parse_payload(reply_datagram + 5, 2, IOTWIRE_COAP_FORMAT_JSON,
                                          &reply);
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

#if defined(IOTWIRE_HAS_DIAGNOSE)
/* Host-only in practice (not a default feature), but built and proven for Cortex-M too. */
static int32_t call_diagnose(void)
{
    static const uint8_t connect[] = {0x10, 0x0c, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 0};
    static const uint8_t key[16];
    static char report[512];
    static size_t len;
    static int32_t verdict;
    static uint32_t problems;
    iotwire_mqtt_options_t o;
    int32_t rc = iotwire_explain(IOTWIRE_EXPLAIN_GUESS, connect, sizeof connect, key, sizeof key,
                                 report, sizeof report, &len, &verdict);
    rc |= iotwire_mqtt_options_init(&o);
    o.product_key = iotwire_str("a1X2bEnP82z");
    o.device_name = iotwire_str("example1");
    o.device_secret = iotwire_str("secret");
    rc |= iotwire_check_connect(&o, connect, sizeof connect, report, sizeof report, &len,
                                &problems);
    return rc | verdict;
}
#endif

#if defined(IOTWIRE_HAS_LEGACY_V3)
static int32_t call_legacy(void)
{
    static iotx_dev_meta_info_t meta = {
        .product_key = "a1X2bEnP82z",
        .device_name = "example1",
        .device_secret = "secret",
    };
    static iotx_sign_mqtt_t signout;
    static char cid[200];
    static size_t len;
    /* Through the header's macro: iotwire_legacy_v3_2_0_sign_mqtt. */
    int32_t rc = IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    const iotwire_legacy_dev_meta_t *m = (const iotwire_legacy_dev_meta_t *)(const void *)&meta;
    iotwire_legacy_sign_mqtt_t *o = (iotwire_legacy_sign_mqtt_t *)(void *)&signout;
    rc |= iotwire_legacy_v3_sign_mqtt(IOTWIRE_LEGACY_SDK_V3_1_0, 0, 5, "h.example", m, o);
    rc |= iotwire_legacy_v3_client_id(IOTWIRE_LEGACY_SDK_V3_2_0, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS,
                                      "a1X2bEnP82z.example1", "mid=1", 0, cid);
    rc |= iotwire_legacy_v3_2_0_client_id(IOTWIRE_LEGACY_BUILD_SUPPORT_TLS,
                                          "a1X2bEnP82z.example1", NULL, 1, cid);
    rc |= iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_HTTPS_BODY, iotwire_str("pk"),
                                       iotwire_str("dn"), iotwire_str("ps"), iotwire_str("r"),
                                       cid, sizeof cid, &len);
#if defined(IOTWIRE_HAS_LEGACY_SIGN)
    /* The parenthesised name is the exported symbol, not the header's macro. */
    rc |= (IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    rc |= iotwire_legacy_sign_mqtt(IOTWIRE_LEGACY_SDK_V3_0_1, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS, 0,
                                   NULL, (const iotwire_legacy_dev_meta_t *)(const void *)&meta,
                                   (iotwire_legacy_sign_mqtt_t *)(void *)&signout);
#endif
    return rc;
}
#endif

#if defined(IOTWIRE_HAS_CRYPTO)
static int32_t call_crypto(void)
{
    static const uint8_t key[16] = {1};
    static uint8_t block[32];
    static uint8_t digest[32];
    static size_t len;
    static iotwire_md5_ctx_t md5;
    static iotwire_sha1_ctx_t sha1;
    static iotwire_sha256_ctx_t sha256;
    static iotwire_hmac_md5_ctx_t hmd5;
    static iotwire_hmac_sha1_ctx_t hsha1;
    static iotwire_hmac_sha256_ctx_t hsha256;
    static iotwire_aes128_cbc_ctx_t aes;
    int32_t rc = iotwire_md5_init(&md5);
    rc |= iotwire_md5_update(&md5, key, sizeof key);
    rc |= iotwire_md5_finish(&md5, digest, sizeof digest, &len);
    rc |= iotwire_sha1_init(&sha1);
    rc |= iotwire_sha1_update(&sha1, key, sizeof key);
    rc |= iotwire_sha1_finish(&sha1, digest, sizeof digest, &len);
    rc |= iotwire_sha256_init(&sha256);
    rc |= iotwire_sha256_update(&sha256, key, sizeof key);
    rc |= iotwire_sha256_finish(&sha256, digest, sizeof digest, &len);
    rc |= iotwire_sha256(key, sizeof key, digest, sizeof digest, &len);
    rc |= iotwire_sha256_32(key, sizeof key, digest);
    rc |= iotwire_hmac_md5_init(&hmd5, key, sizeof key);
    rc |= iotwire_hmac_md5_update(&hmd5, key, sizeof key);
    rc |= iotwire_hmac_md5_finish(&hmd5, digest, sizeof digest, &len);
    rc |= iotwire_hmac_sha1_init(&hsha1, key, sizeof key);
    rc |= iotwire_hmac_sha1_update(&hsha1, key, sizeof key);
    rc |= iotwire_hmac_sha1_finish(&hsha1, digest, sizeof digest, &len);
    rc |= iotwire_hmac_sha256_init(&hsha256, key, sizeof key);
    rc |= iotwire_hmac_sha256_update(&hsha256, key, sizeof key);
    rc |= iotwire_hmac_sha256_finish(&hsha256, digest, sizeof digest, &len);
    rc |= iotwire_hmac_sha256(key, sizeof key, key, sizeof key, digest, sizeof digest, &len);
    rc |= iotwire_aes128_cbc_init(&aes, key, sizeof key, key, sizeof key);
    rc |= iotwire_aes128_cbc_encrypt(&aes, digest, sizeof digest, block, sizeof block, &len);
    rc |= iotwire_aes128_cbc_decrypt(&aes, block, sizeof block, digest, sizeof digest, &len);
    rc |= iotwire_wipe(&aes, sizeof aes);
    return rc;
}
#endif

int main(void)
{
    int32_t rc = 0;
#if defined(IOTWIRE_HAS_MQTT)
    rc |= call_mqtt();
#endif
#if defined(IOTWIRE_HAS_LEGACY_V3)
    rc |= call_legacy();
#endif
#if defined(IOTWIRE_HAS_ENOS)
    rc |= call_enos();
#endif
#if defined(IOTWIRE_HAS_COAP)
    rc |= call_coap();
    rc |= call_coap_auth();
#endif
#if defined(IOTWIRE_HAS_HTTP)
    rc |= call_http();
#endif
#if defined(IOTWIRE_HAS_MQTT_CODEC)
    rc |= call_mqtt_codec();
#endif
#if defined(IOTWIRE_HAS_TOPICS)
    rc |= call_topics();
#endif
#if defined(IOTWIRE_HAS_CRYPTO)
    rc |= call_crypto();
#endif
#if defined(IOTWIRE_HAS_DIAGNOSE)
    rc |= call_diagnose();
#endif
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION || iotwire_version_string()[0] == '\0') {
        rc |= 1;
    }
    return iotwire_status_str(rc)[0] == 'I' ? 0 : 1;
}
