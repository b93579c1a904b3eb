/* Worst-case stack of the exports, measured by stack painting under QEMU: fill the region
 * below the current stack pointer with a pattern, call the export, and find the deepest byte
 * that changed. Single-threaded bare metal with no interrupts enabled, so nothing else
 * touches that region. Prints "STACK <export>=<bytes>" lines, then "DONE". */
#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE
#include "dev_sign_api.h"

#include "cm_sign_only.h"

#include <stdint.h>
#include <stdio.h>

#define PAINT 0xA5u
#define WINDOW 4096u /* larger than any export may use; checked below */

static iotx_dev_meta_info_t meta = {
    .product_key = CM_SO_PRODUCT_KEY,
    .device_name = CM_SO_DEVICE_NAME,
    .device_secret = CM_SO_DEVICE_SECRET,
};
static iotx_sign_mqtt_t signout;
static char text[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];

static void call_iot_sign_mqtt(void)
{
    (void)(IOT_Sign_MQTT)((iotx_mqtt_region_types_t)CM_SO_REGION, &meta, &signout);
}

/* Through dev_sign_api.h's macro, as legacy firmware calls it: iotwire_legacy_v3_2_0_sign_mqtt. */
static void call_iot_sign_mqtt_header(void)
{
    (void)IOT_Sign_MQTT(CM_SO_REGION, &meta, &signout);
}

static void options(iotwire_mqtt_options_t *o)
{
    (void)iotwire_mqtt_options_init(o);
    o->product_key = iotwire_str(CM_SO_PRODUCT_KEY);
    o->device_name = iotwire_str(CM_SO_DEVICE_NAME);
    o->device_secret = iotwire_str(CM_SO_DEVICE_SECRET);
}

static void call_get_password(void)
{
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    (void)iotwire_mqtt_get_password(&o, text, sizeof text, &len);
}

/* A DeviceSecret longer than the 64-byte block takes the RFC 2104 key-hashing path, the
 * deepest one (IOT_Sign_MQTT cannot reach it: its struct holds at most 64 characters). */
static void call_get_password_long_key(void)
{
    static const char long_secret[] =
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    o.device_secret = iotwire_str(long_secret);
    (void)iotwire_mqtt_get_password(&o, text, sizeof text, &len);
}

static void call_get_client_id(void)
{
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    (void)iotwire_mqtt_get_client_id(&o, text, sizeof text, &len);
}

#if defined(IOTWIRE_HAS_ENOS)
static void enos_options(iotwire_enos_options_t *o)
{
    (void)iotwire_enos_options_init(o);
    o->product_key = iotwire_str("pk123456");
    o->device_key = iotwire_str("860123456789012");
    o->device_secret = iotwire_str(CM_SO_DEVICE_SECRET);
    o->lifetime_s = 300;
}

static void call_enos_mqtt_get_password(void)
{
    iotwire_enos_options_t o;
    size_t len;
    enos_options(&o);
    (void)iotwire_enos_mqtt_get_password(&o, text, sizeof text, &len);
}

static void call_enos_get_psk_key(void)
{
    iotwire_enos_options_t o;
    uint8_t key[IOTWIRE_ENOS_PSK_KEY_SIZE];
    size_t len;
    enos_options(&o);
    (void)iotwire_enos_get_psk_key(&o, key, sizeof key, &len);
}
#endif

#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
/* An encrypted publish of a property post: AES over payload and seq, the heaviest CoAP path. */
static void call_coap_publish(void)
{
    static const uint8_t key[16] = {3, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73,
                                    0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 9, 10};
    static uint8_t dgram[256];
    static iotwire_coap_session_t session;
    iotwire_coap_publish_options_t po;
    size_t len;
    (void)iotwire_coap_session_init(&session, 1000);
    (void)iotwire_coap_session_set_auth_token(&session, iotwire_str("TOKEN00.abcd"));
    (void)iotwire_coap_session_set_key(&session, key, sizeof key);
    (void)iotwire_coap_session_set_next_seq(&session, 1);
    (void)iotwire_coap_publish_options_init(&po);
    po.topic = iotwire_str("/sys/a1NUjcVkHZS/dev00/thing/event/property/post");
    po.payload = iotwire_str("{\"id\":\"0\",\"version\":\"1.0\",\"params\":{\"t\":0}}");
    (void)iotwire_coap_publish_build(&session, &po, dgram, sizeof dgram, &len);
}

/* An encrypted 2.05 with option 2090 (coap-dec-01's ciphertext), decrypted into a buffer. */
static void call_coap_parse_response(void)
{
    static const uint8_t key[16] = {3, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73,
                                    0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 9, 10};
    static const uint8_t d[] = {0x64, 0x45, 0x12, 0x34, 5, 3, 2, 1, 0xe4, 0x07, 0x1d, '8', '8',
                                '9', '9', 0xff, 0xd4, 0x3c, 0xf5, 0x0a, 0x52, 0x38, 0xe9, 0x7f,
                                0xc7, 0xd6, 0xc8, 0xc2, 0xbe, 0x88, 0x33, 0x27, 0x92, 0xde, 0x8d,
                                0x0e, 0x08, 0x73, 0xbd, 0x53, 0x72, 0xa7, 0xd6, 0xb6, 0xcc, 0x60,
                                0xa5, 0x5f};
    static uint8_t body[64];
    static iotwire_coap_session_t session;
    iotwire_coap_response_t resp;
    size_t len;
    (void)iotwire_coap_session_init(&session, 1);
    (void)iotwire_coap_session_set_key(&session, key, sizeof key);
    (void)iotwire_coap_parse_response(&session, d, sizeof d, &resp, body, sizeof body, &len);
}
#endif

#if defined(IOTWIRE_HAS_HTTP)
static char http_text[IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE];

/* The HMAC-SHA1 path (the `hmac` crate's state) of the complete auth request. */
static void call_http_get_auth(void)
{
    iotwire_http_auth_options_t o;
    size_t len;
    (void)iotwire_http_auth_options_init(&o);
    o.product_key = iotwire_str(CM_SO_PRODUCT_KEY);
    o.device_name = iotwire_str(CM_SO_DEVICE_NAME);
    o.device_secret = iotwire_str(CM_SO_DEVICE_SECRET);
    o.timestamp = iotwire_str("1700000000000");
    (void)iotwire_http_get_auth(&o, IOTWIRE_HTTP_PART_REQUEST, http_text, sizeof http_text, &len);
}

static void call_dynreg_https_get(void)
{
    iotwire_dynreg_https_options_t o;
    size_t len;
    (void)iotwire_dynreg_https_options_init(&o);
    o.product_key = iotwire_str(CM_SO_PRODUCT_KEY);
    o.device_name = iotwire_str(CM_SO_DEVICE_NAME);
    o.product_secret = iotwire_str(CM_SO_DEVICE_SECRET);
    o.random = iotwire_str("8Ygb7ULYh53B6OA");
    (void)iotwire_dynreg_https_get(&o, IOTWIRE_HTTP_PART_REQUEST, http_text, sizeof http_text,
                                   &len);
}

/* Nested JSON with escapes: the reader's deepest path (surrogate pair decoding). */
static void call_http_parse_response(void)
{
    static const char body[] = "{\"code\":0,\"message\":\"\\ud83d\\ude00\",\"info\":{\"token\":"
                               "\"a\\/b\",\"messageId\":892687627916247040,\"data\":[[{}]]}}";
    iotwire_http_response_t r;
    size_t len;
    r.struct_size = (uint32_t)sizeof r;
    (void)iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_AUTH, (const uint8_t *)body,
                                      sizeof body - 1, &r, http_text, sizeof http_text, &len);
}

static void call_register_reply_get(void)
{
    static const char reply[] = "{\"code\":200,\"data\":{\"productKey\":\"a1B2c3D4e5F\","
                                "\"deviceName\":\"device01\",\"deviceSecret\":\"DS00\\u0041\"}}";
    size_t len;
    (void)iotwire_register_reply_get(IOTWIRE_REPLY_HTTPS_REGISTER, (const uint8_t *)reply,
                                     sizeof reply - 1, IOTWIRE_REPLY_FIELD_DEVICE_SECRET,
                                     http_text, sizeof http_text, &len);
}
#endif

#if defined(IOTWIRE_HAS_COAP)
/* The auth datagram: validation, the MAC (hmacmd5, the default) and the payload streamed into
 * the codec; the symmetric-mode seq is included. */
static uint8_t datagram[IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];

static void call_coap_auth_build(void)
{
    static iotwire_coap_session_t session;
    iotwire_coap_auth_options_t o;
    size_t len;
    (void)iotwire_coap_session_init(&session, 1000);
    (void)iotwire_coap_auth_options_init(&o);
    o.product_key = iotwire_str("a1NUjcVkHZS");
    o.device_name = iotwire_str("dev00");
    o.device_secret = iotwire_str(CM_SO_DEVICE_SECRET);
    o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    o.seq = 1000;
    (void)iotwire_coap_auth_build(&session, &o, datagram, sizeof datagram, &len);
}
#endif

#if defined(IOTWIRE_HAS_MQTT_CODEC)
/* CONNECT straight from the options: client id, username and the password MAC streamed into
 * the packet in one call, the heaviest codec export. */
static void call_connect_encode(void)
{
    static uint8_t pkt[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    (void)iotwire_mqtt_connect_encode(&o, pkt, sizeof pkt, &len);
}

static void call_mqtt_decode(void)
{
    static const uint8_t rx[] = {0x32, 9, 0, 3, 'a', '/', 'b', 0, 5, 'h', 'i'};
    iotwire_mqtt_packet_t p;
    size_t needed;
    (void)iotwire_mqtt_decode(rx, sizeof rx, &p, &needed);
}
#endif

#if defined(IOTWIRE_HAS_TOPICS)
static void call_topic_build(void)
{
    size_t len;
    (void)iotwire_topic_build(IOTWIRE_TOPIC_KIND_CUSTOM, iotwire_str(CM_SO_PRODUCT_KEY),
                              iotwire_str(CM_SO_DEVICE_NAME), iotwire_str("a/b/c"),
                              IOTWIRE_TOPIC_FLAG_URI_PATH, text, sizeof text, &len);
}
#endif

#if defined(IOTWIRE_HAS_CRYPTO)
/* The kit's heaviest crypto paths: HMAC-SHA256 over a long key (hashed first) and AES-128-CBC
 * decryption, each with its state on the caller's stack. */
static void call_hmac_sha256_stream(void)
{
    static const uint8_t key[100] = {0xaa};
    iotwire_hmac_sha256_ctx_t h;
    uint8_t d[32];
    size_t len;
    (void)iotwire_hmac_sha256_init(&h, key, sizeof key);
    (void)iotwire_hmac_sha256_update(&h, key, sizeof key);
    (void)iotwire_hmac_sha256_finish(&h, d, sizeof d, &len);
}

static void call_aes128_cbc_decrypt(void)
{
    static const uint8_t key[16] = {1};
    static uint8_t buf[64];
    iotwire_aes128_cbc_ctx_t c;
    size_t len;
    (void)iotwire_aes128_cbc_init(&c, key, sizeof key, key, sizeof key);
    (void)iotwire_aes128_cbc_decrypt(&c, buf, sizeof buf, buf, sizeof buf, &len);
}
#endif

/* Bytes of stack `fn` used below the caller's stack pointer. noinline keeps the painted
 * window below this frame. */
static __attribute__((noinline)) uint32_t probe(void (*fn)(void))
{
    uintptr_t sp;
    volatile uint8_t *p;
    volatile uint8_t *top;
    volatile uint8_t *bottom;
#if defined(__riscv)
    __asm__ volatile("mv %0, sp" : "=r"(sp));
#else
    __asm__ volatile("mov %0, sp" : "=r"(sp));
#endif
    top = (volatile uint8_t *)(sp - 16u);
    bottom = top - WINDOW;
    for (p = bottom; p < top; p++) {
        *p = PAINT;
    }
    fn();
    for (p = bottom; p < top && *p == PAINT; p++) {
    }
    return (uint32_t)(top - p);
}

int main(void)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } exports[] = {
        {"IOT_Sign_MQTT", call_iot_sign_mqtt},
        {"IOT_Sign_MQTT_via_header", call_iot_sign_mqtt_header},
        {"iotwire_mqtt_get_password", call_get_password},
        {"iotwire_mqtt_get_password_long_key", call_get_password_long_key},
        {"iotwire_mqtt_get_client_id", call_get_client_id},
#if defined(IOTWIRE_HAS_ENOS)
        {"iotwire_enos_mqtt_get_password", call_enos_mqtt_get_password},
        {"iotwire_enos_get_psk_key", call_enos_get_psk_key},
#endif
#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
        {"iotwire_coap_publish_build", call_coap_publish},
        {"iotwire_coap_parse_response", call_coap_parse_response},
#endif
#if defined(IOTWIRE_HAS_COAP)
        {"iotwire_coap_auth_build", call_coap_auth_build},
#endif
#if defined(IOTWIRE_HAS_MQTT_CODEC)
        {"iotwire_mqtt_connect_encode", call_connect_encode},
        {"iotwire_mqtt_decode", call_mqtt_decode},
#endif
#if defined(IOTWIRE_HAS_TOPICS)
        {"iotwire_topic_build", call_topic_build},
#endif
#if defined(IOTWIRE_HAS_HTTP)
        {"iotwire_http_get_auth", call_http_get_auth},
        {"iotwire_dynreg_https_get", call_dynreg_https_get},
        {"iotwire_http_parse_response", call_http_parse_response},
        {"iotwire_register_reply_get", call_register_reply_get},
#endif
#if defined(IOTWIRE_HAS_CRYPTO)
        {"iotwire_hmac_sha256_stream", call_hmac_sha256_stream},
        {"iotwire_aes128_cbc_decrypt", call_aes128_cbc_decrypt},
#endif
    };
    size_t i;
    int worst_ok = 1;
    for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
        uint32_t used = probe(exports[i].fn);
        printf("STACK %s=%lu\n", exports[i].name, (unsigned long)used);
        worst_ok = worst_ok && used < WINDOW;
    }
    puts(worst_ok ? "DONE" : "WINDOW TOO SMALL");
    return worst_ok ? 0 : 1;
}
