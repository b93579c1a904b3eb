/* The output-buffer contract of the iotwire_enos_* exports: guard bytes, each NULL argument,
 * the size query, exact - 1, exact fit, overlap with every input string and with *out_len,
 * struct_size, reserved/flags and the secure-mode selector.
 *
 * Expected values are not produced by the library: the PSK identity and key come from vector
 * enos-coap-psk-01 (tests/vectors/legacy-c-sdk.dev.json), the MQTT texts from the EnOS C SDK
 * formats (`enos-device-sdk-c`, a fork of iotkit-embedded 3.x), and the password from
 * python3 hashlib.sha256((CONTENT + DS).encode()).hexdigest().upper(). */
#include "contract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(IOTWIRE_HAS_ENOS)

#define EN_PK "pk123456"
#define EN_DK "860123456789012"
#define EN_DS "dsSecret0123456789"
#define EN_PS "productSecret01"
#define EN_HOST "mqtt.example.eniot.io"
#define EN_CONTENT                                                                           \
    "clientId" EN_PK "." EN_DK "deviceKey" EN_DK "productKey" EN_PK "timestamp2524608000000"
#define BIG_CAP 300u

/* Every export writes through one signature; binary outputs adapt theirs. */
typedef iotwire_status_t (*out_fn)(const iotwire_enos_options_t *opts, char *out,
                                   size_t out_cap, size_t *out_len);

static iotwire_status_t psk_key(const iotwire_enos_options_t *opts, char *out, size_t out_cap,
                                size_t *out_len)
{
    return iotwire_enos_get_psk_key(opts, (uint8_t *)out, out_cap, out_len);
}

typedef struct enos_export {
    const char *name;
    out_fn fn;
    const char *expected;
    size_t expected_len;
    int binary; /* no NUL; the size query gives the exact length */
    size_t max_size;
} enos_export;

/* vector enos-coap-psk-01: psk_hex 3c1b924562789bf2d7a42c13e0684b82 */
static const char k_key[16] = {
    (char)0x3c, (char)0x1b, (char)0x92, (char)0x45, (char)0x62, (char)0x78, (char)0x9b, (char)0xf2,
    (char)0xd7, (char)0xa4, (char)0x2c, (char)0x13, (char)0xe0, (char)0x68, (char)0x4b, (char)0x82,
};

#define TEXT(name, fn, s, max) {name, fn, s, sizeof(s) - 1u, 0, max}

static const enos_export exports[] = {
    TEXT("psk_identity", iotwire_enos_get_psk_identity, EN_PK "," EN_DK ",2,300",
         IOTWIRE_ENOS_PSK_IDENTITY_MAX_SIZE),
    {"psk_key", psk_key, k_key, sizeof k_key, 1, IOTWIRE_ENOS_PSK_KEY_SIZE},
    TEXT("mqtt_client_id", iotwire_enos_mqtt_get_client_id,
         EN_PK "." EN_DK "|securemode=2,signmethod=sha256,timestamp=2524608000000|",
         IOTWIRE_ENOS_MQTT_CLIENT_ID_MAX_SIZE),
    TEXT("mqtt_username", iotwire_enos_mqtt_get_username, EN_DK "&" EN_PK,
         IOTWIRE_ENOS_MQTT_USERNAME_MAX_SIZE),
    TEXT("mqtt_sign_content", iotwire_enos_mqtt_get_sign_content, EN_CONTENT,
         IOTWIRE_ENOS_MQTT_SIGN_CONTENT_MAX_SIZE),
    TEXT("mqtt_password", iotwire_enos_mqtt_get_password,
         "E1D8C0859DC5A198102FCBC90719788DB66B10E4E7FADBD6A7F574A510EC3DC8",
         IOTWIRE_ENOS_MQTT_PASSWORD_MAX_SIZE),
    TEXT("mqtt_host", iotwire_enos_mqtt_get_host, EN_HOST, IOTWIRE_ENOS_MQTT_HOST_MAX_SIZE),
};

static void baseline(iotwire_enos_options_t *o)
{
    CT_CHECK_RC(iotwire_enos_options_init(o), IOTWIRE_OK);
    o->product_key = iotwire_str(EN_PK);
    o->device_key = iotwire_str(EN_DK);
    o->device_secret = iotwire_str(EN_DS);
    o->product_secret = iotwire_str(EN_PS);
    o->host = iotwire_str(EN_HOST);
    o->lifetime_s = 300;
}

static size_t need_of(const enos_export *e)
{
    return e->expected_len + (e->binary ? 0u : 1u);
}

static void expect_failure(const enos_export *e, const iotwire_enos_options_t *o, size_t cap,
                           int32_t want, const char *what)
{
    ct_buf b = ct_buf_new(cap);
    size_t len = CT_LEN_SENTINEL;
    int32_t rc = e->fn(o, b.out, cap, &len);
    if (rc != want || !ct_untouched(&b) || len != CT_LEN_SENTINEL) {
        ct_fail(__FILE__, __LINE__, "%s: %s returned %s (expected %s), output %s, len %s", what,
                e->name, iotwire_status_str(rc), iotwire_status_str(want),
                ct_untouched(&b) ? "untouched" : "WRITTEN",
                len == CT_LEN_SENTINEL ? "untouched" : "WRITTEN");
    }
    ct_buf_free(&b);
}

static void expect_write(const enos_export *e, const iotwire_enos_options_t *o, size_t cap,
                         const char *what)
{
    ct_buf b = ct_buf_new(cap);
    size_t len = CT_LEN_SENTINEL;
    int32_t rc = e->fn(o, b.out, cap, &len);
    if (rc != IOTWIRE_OK) {
        ct_fail(__FILE__, __LINE__, "%s: %s returned %s", what, e->name, iotwire_status_str(rc));
    } else {
        if (len != e->expected_len || memcmp(b.out, e->expected, e->expected_len) != 0) {
            ct_fail(__FILE__, __LINE__, "%s: %s wrote the wrong bytes (len %lu)", what, e->name,
                    (unsigned long)len);
        }
        if (!e->binary && b.out[e->expected_len] != '\0') {
            ct_fail(__FILE__, __LINE__, "%s: %s wrote no NUL", what, e->name);
        }
        if (!ct_tail_untouched(&b, need_of(e))) {
            ct_fail(__FILE__, __LINE__, "%s: %s wrote past its output", what, e->name);
        }
    }
    if (!ct_guards_intact(&b)) {
        ct_fail(__FILE__, __LINE__, "%s: %s overwrote a guard", what, e->name);
    }
    ct_buf_free(&b);
}

static void t_known_answer(const void *arg)
{
    const enos_export *e = (const enos_export *)arg;
    iotwire_enos_options_t o;
    size_t len = CT_LEN_SENTINEL;
    baseline(&o);
    expect_write(e, &o, BIG_CAP, "big buffer");
    expect_write(e, &o, need_of(e), "exact fit");
    CT_CHECK(need_of(e) <= e->max_size);
    CT_CHECK_RC(e->fn(&o, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, need_of(e));
}

static void t_size_limits(const void *arg)
{
    const enos_export *e = (const enos_export *)arg;
    iotwire_enos_options_t o;
    baseline(&o);
    expect_failure(e, &o, need_of(e) - 1u, IOTWIRE_ERR_BUFFER_TOO_SMALL, "exact - 1");
    expect_failure(e, &o, 1u, IOTWIRE_ERR_BUFFER_TOO_SMALL, "cap 1");
}

static void t_null_arguments(const void *arg)
{
    const enos_export *e = (const enos_export *)arg;
    iotwire_enos_options_t o;
    ct_buf b = ct_buf_new(BIG_CAP);
    size_t len = CT_LEN_SENTINEL;
    baseline(&o);
    expect_failure(e, NULL, BIG_CAP, IOTWIRE_ERR_NULL_POINTER, "opts NULL");
    CT_CHECK_RC(e->fn(&o, b.out, b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(e->fn(&o, NULL, 8u, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(len == CT_LEN_SENTINEL);
    /* {NULL, n > 0} input */
    o.device_key.ptr = NULL;
    expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_NULL_POINTER, "device_key {NULL, n}");
    ct_buf_free(&b);
}

/* Each input string placed inside the output buffer: OVERLAP and nothing written (the
 * library checks every string of the options, read by this export or not). */
static void t_overlap(const void *arg)
{
    const enos_export *e = (const enos_export *)arg;
    const char *texts[] = {EN_PK, EN_DK, EN_DS, EN_HOST};
    size_t i;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        iotwire_enos_options_t o;
        ct_buf b = ct_buf_new(BIG_CAP);
        size_t len = CT_LEN_SENTINEL;
        iotwire_str_t *fields[4];
        baseline(&o);
        fields[0] = &o.product_key;
        fields[1] = &o.device_key;
        fields[2] = &o.device_secret;
        fields[3] = &o.host;
        memcpy(b.out + 2, texts[i], strlen(texts[i]));
        ct_buf_mark(&b);
        fields[i]->ptr = b.out + 2;
        CT_CHECK_RC(e->fn(&o, b.out, b.cap, &len), IOTWIRE_ERR_OVERLAP);
        CT_CHECK(ct_untouched(&b) && len == CT_LEN_SENTINEL);
        ct_buf_free(&b);
    }
    {
        /* *out_len inside the output buffer */
        iotwire_enos_options_t o;
        ct_buf b = ct_buf_new(BIG_CAP);
        baseline(&o);
        CT_CHECK_RC(e->fn(&o, b.out, b.cap, (size_t *)(void *)(b.out + 64)),
                    IOTWIRE_ERR_OVERLAP);
        CT_CHECK(ct_untouched(&b));
        ct_buf_free(&b);
    }
}

static void t_malformed_options(const void *arg)
{
    const enos_export *e = (const enos_export *)arg;
    iotwire_enos_options_t o;
    baseline(&o);
    o.struct_size = (uint32_t)sizeof o - 1u;
    expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_STRUCT_SIZE, "struct_size too small");
    baseline(&o);
    o.reserved = 1;
    expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_ARGUMENT, "reserved != 0");
    baseline(&o);
    o.flags = 0x80u;
    expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_ARGUMENT, "unknown flag");
    baseline(&o);
    o.secure_mode = 4;
    expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_SECURE_MODE, "secure mode 4");
    if (e->fn != iotwire_enos_mqtt_get_host) {
        baseline(&o);
        o.device_key = iotwire_str("a,b");
        expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_DEVICE_KEY, "DeviceKey a,b");
        baseline(&o);
        o.product_key = iotwire_str("");
        expect_failure(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_PRODUCT_KEY, "empty ProductKey");
    }
}

static void t_psk_modes(const void *arg)
{
    iotwire_enos_options_t o;
    uint8_t k2[16], k3[16];
    size_t len = 0;
    char text[IOTWIRE_ENOS_PSK_IDENTITY_MAX_SIZE];
    (void)arg;
    baseline(&o);
    o.lifetime_s = 29;
    expect_failure(&exports[0], &o, BIG_CAP, IOTWIRE_ERR_INVALID_LIFETIME, "lifetime 29");
    expect_failure(&exports[1], &o, BIG_CAP, IOTWIRE_ERR_INVALID_LIFETIME, "lifetime 29");
    o.lifetime_s = 86401;
    expect_failure(&exports[1], &o, BIG_CAP, IOTWIRE_ERR_INVALID_LIFETIME, "lifetime 86401");
    baseline(&o);
    CT_CHECK_RC(iotwire_enos_get_psk_key(&o, k2, sizeof k2, &len), IOTWIRE_OK);
    o.secure_mode = IOTWIRE_ENOS_SECURE_MODE_PRODUCT_SECRET;
    o.product_secret = iotwire_str(EN_DS);
    o.device_secret = iotwire_str("");
    /* Mode 3 hashes the ProductSecret: the same text gives the same key. */
    CT_CHECK_RC(iotwire_enos_get_psk_key(&o, k3, sizeof k3, &len), IOTWIRE_OK);
    CT_CHECK(memcmp(k2, k3, 16) == 0 && memcmp(k2, k_key, 16) == 0);
    CT_CHECK_RC(iotwire_enos_get_psk_identity(&o, text, sizeof text, &len), IOTWIRE_OK);
    CT_CHECK_STR(text, EN_PK "," EN_DK ",3,300");
    o.product_secret = iotwire_str("");
    expect_failure(&exports[1], &o, BIG_CAP, IOTWIRE_ERR_MISSING_FIELD, "empty ProductSecret");
}

static void t_port(const void *arg)
{
    iotwire_enos_options_t o;
    uint16_t port = 0;
    (void)arg;
    baseline(&o);
    CT_CHECK_RC(iotwire_enos_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 18883);
    o.flags = IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT;
    CT_CHECK_RC(iotwire_enos_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 11883);
    o.port = 1883;
    CT_CHECK_RC(iotwire_enos_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 1883);
    port = 7;
    CT_CHECK_RC(iotwire_enos_mqtt_get_port(NULL, &port), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_enos_mqtt_get_port(&o, NULL), IOTWIRE_ERR_NULL_POINTER);
    o.reserved = 1;
    CT_CHECK_RC(iotwire_enos_mqtt_get_port(&o, &port), IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK(port == 7);
    CT_CHECK_RC(iotwire_enos_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
}

void ct_suite_enos(void)
{
    static const struct {
        const char *name;
        ct_fn fn;
    } per_export[] = {
        {"known_answer", t_known_answer},   {"size_limits", t_size_limits},
        {"null_arguments", t_null_arguments}, {"overlap", t_overlap},
        {"malformed_options", t_malformed_options},
    };
    size_t i, j;
    char name[80];
    for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
        for (j = 0; j < sizeof per_export / sizeof per_export[0]; j++) {
            snprintf(name, sizeof name, "%s/%s", exports[i].name, per_export[j].name);
            ct_run("enos", name, per_export[j].fn, &exports[i]);
        }
    }
    ct_run("enos", "psk_modes", t_psk_modes, NULL);
    ct_run("enos", "port", t_port, NULL);
    ct_suite_enos_activate();
}

#else

void ct_suite_enos(void)
{
}

#endif
