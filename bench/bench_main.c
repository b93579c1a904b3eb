/* Instruction-count benchmarks, run under callgrind by scripts/bench.sh.
 *
 *   bench <case> <calls>
 *
 * The per-call cost is the difference between two runs with different call counts, so
 * start-up and the loader cancel out. Each case does the work a device does per message, with
 * inputs shaped like the legacy vectors (a 52-byte property post, a 48-byte reply). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_sign_api.h"
#include "iotwire.h"

static const char k_post[] = "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"Temp\":25}}";
static const uint8_t k_key[16] = {3, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73,
                                  0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 9, 10};
static uint8_t g_buf[2048];
static uint8_t g_out[2048];

static int32_t bench_iot_sign_mqtt(long calls)
{
    static iotx_dev_meta_info_t meta;
    static iotx_sign_mqtt_t out;
    int32_t rc = 0;
    long i;
    memcpy(meta.product_key, "a1X2bEnP82z", sizeof "a1X2bEnP82z");
    memcpy(meta.device_name, "example1", sizeof "example1");
    memcpy(meta.device_secret, "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
           sizeof "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    for (i = 0; i < calls; i++) {
        rc |= (IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &meta, &out);
    }
    return rc;
}

/* The same call as legacy firmware makes it: through dev_sign_api.h's macro, which scripts/bench.sh
 * compiles with the 3.2.0 default build's switches (SUPPORT_TLS, MQTT_AUTO_SUBSCRIBE). */
static int32_t bench_iot_sign_mqtt_header(long calls)
{
    static iotx_dev_meta_info_t meta;
    static iotx_sign_mqtt_t out;
    int32_t rc = 0;
    long i;
    memcpy(meta.product_key, "a1X2bEnP82z", sizeof "a1X2bEnP82z");
    memcpy(meta.device_name, "example1", sizeof "example1");
    memcpy(meta.device_secret, "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
           sizeof "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    for (i = 0; i < calls; i++) {
        rc |= IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta, &out);
    }
    return rc;
}

/* An encrypted (symmetric-mode) property post: AES over payload and seq, options, header. */
static int32_t bench_coap_publish(long calls)
{
    static iotwire_coap_session_t session;
    iotwire_coap_publish_options_t po;
    size_t len;
    int32_t rc = iotwire_coap_session_init(&session, 1000);
    long i;
    rc |= iotwire_coap_session_set_auth_token(&session, iotwire_str("TOKEN00.abcdefghijklmnop"));
    rc |= iotwire_coap_session_set_key(&session, k_key, sizeof k_key);
    rc |= iotwire_coap_session_set_next_seq(&session, 1);
    rc |= iotwire_coap_publish_options_init(&po);
    po.topic = iotwire_str("/sys/a1NUjcVkHZS/dev00/thing/event/property/post");
    po.payload = iotwire_str(k_post);
    for (i = 0; i < calls; i++) {
        rc |= iotwire_coap_publish_build(&session, &po, g_buf, sizeof g_buf, &len);
    }
    return rc;
}

static int32_t bench_aes_encrypt(long calls)
{
    size_t len;
    int32_t rc = 0;
    long i;
    for (i = 0; i < calls; i++) {
        rc |= iotwire_coap_aes_encrypt(k_key, sizeof k_key, (const uint8_t *)k_post,
                                       sizeof k_post - 1, g_out, sizeof g_out, &len);
    }
    return rc;
}

static int32_t bench_aes_decrypt(long calls)
{
    size_t ct_len;
    size_t len;
    int32_t rc = iotwire_coap_aes_encrypt(k_key, sizeof k_key, (const uint8_t *)k_post,
                                          sizeof k_post - 1, g_buf, sizeof g_buf, &ct_len);
    long i;
    for (i = 0; i < calls; i++) {
        rc |= iotwire_coap_aes_decrypt(k_key, sizeof k_key, g_buf, ct_len, g_out, sizeof g_out,
                                       &len);
    }
    return rc;
}

/* A 2.05 reply with option 2090 and an encrypted payload, decrypted into a buffer. */
static int32_t bench_coap_parse_response(long calls)
{
    static iotwire_coap_session_t session;
    static iotwire_coap_response_t resp;
    static const uint8_t head[] = {0x64, 0x45, 0x12, 0x34, 5, 3, 2, 1,
                                   0xe4, 0x07, 0x1d, '8', '8', '9', '9', 0xff};
    size_t ct_len;
    size_t len;
    size_t n;
    int32_t rc = iotwire_coap_session_init(&session, 1);
    long i;
    rc |= iotwire_coap_session_set_key(&session, k_key, sizeof k_key);
    memcpy(g_buf, head, sizeof head);
    rc |= iotwire_coap_aes_encrypt(k_key, sizeof k_key, (const uint8_t *)"{\"code\":200}", 12,
                                   g_buf + sizeof head, sizeof g_buf - sizeof head, &ct_len);
    n = sizeof head + ct_len;
    for (i = 0; i < calls; i++) {
        rc |= iotwire_coap_parse_response(&session, g_buf, n, &resp, g_out, sizeof g_out, &len);
    }
    return rc;
}

static int32_t bench_http_parse_response(long calls)
{
    static const char body[] =
        "{\"code\":0,\"message\":\"success\",\"info\":{\"token\":\"eyJ0eXBlIjoiSldUIiwiYWxnIjoiaG1h"
        "Y3NoYTEifQ.eyJleHBpcmUiOjE1MDQ3ODE4MzQ5MDB9.e87AFhkvNKiqF5xdgm1P47f9DwY\"}}";
    static iotwire_http_response_t resp;
    size_t len;
    int32_t rc = 0;
    long i;
    for (i = 0; i < calls; i++) {
        resp.struct_size = (uint32_t)sizeof resp;
        rc |= iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_AUTH, (const uint8_t *)body,
                                          sizeof body - 1, &resp, (char *)g_out, sizeof g_out,
                                          &len);
    }
    return rc;
}

static int32_t bench_mqtt_decode(long calls)
{
    static const uint8_t rx[] = {0x32, 0x39, 0, 0x2e, '/', 's', 'y', 's', '/', 'a', '1', 'X', '2',
                                 'b', 'E', 'n', 'P', '8', '2', 'z', '/', 'e', 'x', 'a', 'm', 'p',
                                 'l', 'e', '1', '/', 't', 'h', 'i', 'n', 'g', '/', 's', 'e', 'r',
                                 'v', 'i', 'c', 'e', '/', 'p', 'r', 'o', 'p', 'e', 'r', 't', 'y',
                                 '/', 's', 'e', 't', 0, 7, '{', '}', '!'};
    iotwire_mqtt_packet_t p;
    size_t needed;
    int32_t rc = 0;
    long i;
    for (i = 0; i < calls; i++) {
        rc |= iotwire_mqtt_decode(rx, sizeof rx, &p, &needed);
    }
    return rc;
}

typedef struct {
    const char *name;
    int32_t (*run)(long calls);
} bench_case_t;

static const bench_case_t k_cases[] = {
    {"iot_sign_mqtt_header", bench_iot_sign_mqtt_header},
    {"iot_sign_mqtt", bench_iot_sign_mqtt},
    {"coap_publish_encrypted", bench_coap_publish},
    {"aes_encrypt_48B", bench_aes_encrypt},
    {"aes_decrypt_48B", bench_aes_decrypt},
    {"coap_parse_response", bench_coap_parse_response},
    {"http_parse_response", bench_http_parse_response},
    {"mqtt_decode_publish", bench_mqtt_decode},
};

int main(int argc, char **argv)
{
    size_t i;
    long calls = argc > 2 ? strtol(argv[2], NULL, 10) : 1;
    if (argc < 2 || strcmp(argv[1], "list") == 0) {
        for (i = 0; i < sizeof k_cases / sizeof k_cases[0]; i++) {
            printf("%s\n", k_cases[i].name);
        }
        return 0;
    }
    for (i = 0; i < sizeof k_cases / sizeof k_cases[0]; i++) {
        if (strcmp(argv[1], k_cases[i].name) == 0) {
            int32_t rc = k_cases[i].run(calls);
            if (rc != 0) {
                fprintf(stderr, "%s: status %d\n", argv[1], (int)rc);
            }
            return rc == 0 ? 0 : 1;
        }
    }
    fprintf(stderr, "unknown case %s\n", argv[1]);
    return 2;
}
