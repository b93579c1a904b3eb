/* The two-step password API (iotwire_mqtt_get_sign_content + iotwire_mqtt_get_password_from_mac)
 * against the one-shot iotwire_mqtt_get_password, and the MAC argument's own contract.
 *
 * Known answers: vector doc-mqtt-tcp-hmacsha1 and hmac_primitive prim-04 from
 * tests/vectors/legacy-c-sdk.dev.json; the HMAC-SHA256 value was computed with python3 hmac. */
#include "contract.h"
#include "exports.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PWD_CAP 300u

/* The doc example of vector doc-mqtt-tcp-hmacsha1 (securemode 3 needs the plaintext opt-in). */
static void doc_example(iotwire_mqtt_options_t *o, uint32_t sign_method)
{
    (void)iotwire_mqtt_options_init(o);
    o->client_id = iotwire_str("12345");
    o->device_name = iotwire_str("device");
    o->product_key = iotwire_str("pk");
    o->device_secret = iotwire_str("secret");
    o->timestamp = iotwire_str("789");
    o->sign_method = sign_method;
    o->secure_mode = 3;
    o->flags = IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
}

#define DOC_CONTENT "clientId12345deviceNamedeviceproductKeypktimestamp789"
/* python3: hmac.new(b"secret", DOC_CONTENT, sha256).hexdigest().upper() */
#define DOC_SHA256_PASSWORD "6074A46A91B1EBB2CC4EA42790AD0E80202C9843859FC292E57C4EB19FAD9E57"

/* Raw MAC bytes of the vectors, written out from their hex. */
static const uint8_t doc_sha1_mac[20] = {
    0xFA, 0xFD, 0x82, 0xA3, 0xD6, 0x02, 0xB3, 0x7F, 0xB0, 0xFA,
    0x8B, 0x78, 0x92, 0xF2, 0x4A, 0x47, 0x7F, 0x85, 0x1A, 0x14,
};
static const uint8_t doc_md5_mac[16] = {
    0x14, 0xB1, 0x98, 0x32, 0x4F, 0xE5, 0x5E, 0x1D,
    0x3C, 0x88, 0xF2, 0xE7, 0x05, 0xE2, 0x01, 0xEE,
};
static const uint8_t doc_sha256_mac[32] = {
    0x60, 0x74, 0xA4, 0x6A, 0x91, 0xB1, 0xEB, 0xB2, 0xCC, 0x4E, 0xA4,
    0x27, 0x90, 0xAD, 0x0E, 0x80, 0x20, 0x2C, 0x98, 0x43, 0x85, 0x9F,
    0xC2, 0x92, 0xE5, 0x7C, 0x4E, 0xB1, 0x9F, 0xAD, 0x9E, 0x57,
};

typedef struct doc_case {
    const char *name;
    uint32_t sign_method;
    const char *method_name;
    const uint8_t *mac;
    size_t mac_len;
    const char *password;
} doc_case;

static const doc_case doc_cases[] = {
    {"hmacsha1", IOTWIRE_SIGN_METHOD_HMACSHA1, "hmacsha1", doc_sha1_mac, sizeof doc_sha1_mac,
     "FAFD82A3D602B37FB0FA8B7892F24A477F851A14"},
    /* prim-04 gives lower case; the documented form is upper case */
    {"hmacmd5", IOTWIRE_SIGN_METHOD_HMACMD5, "hmacmd5", doc_md5_mac, sizeof doc_md5_mac,
     "14B198324FE55E1D3C88F2E705E201EE"},
    {"hmacsha256", IOTWIRE_SIGN_METHOD_HMACSHA256, "hmacsha256", doc_sha256_mac,
     sizeof doc_sha256_mac, DOC_SHA256_PASSWORD},
};

static int hex_nibble(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Decodes hex (either case) into mac; returns the byte count, or 0 on malformed input. */
static size_t hex_decode(const char *hex, uint8_t *mac, size_t cap)
{
    size_t n = strlen(hex);
    size_t i;
    if (n % 2u != 0 || n / 2u > cap) {
        return 0;
    }
    for (i = 0; i < n / 2u; i++) {
        int hi = hex_nibble(hex[2u * i]);
        int lo = hex_nibble(hex[2u * i + 1u]);
        if (hi < 0 || lo < 0) {
            return 0;
        }
        mac[i] = (uint8_t)((unsigned)hi << 4 | (unsigned)lo);
    }
    return n / 2u;
}

/* hmacmd5/hmacsha1 are Cargo features: a build without them answers IOTWIRE_ERR_UNSUPPORTED. */
static int compiled_out(uint32_t sign_method)
{
    iotwire_mqtt_options_t o;
    size_t len = 0;
    fx_baseline(&o);
    o.sign_method = sign_method;
    return iotwire_mqtt_get_password(&o, NULL, 0, &len) == IOTWIRE_ERR_UNSUPPORTED;
}

/* In such a build every output of those options must say so and write nothing. */
static void expect_unsupported(const iotwire_mqtt_options_t *o, const char *what)
{
    static const uint8_t mac[32] = {0};
    ct_buf b = ct_buf_new(PWD_CAP);
    size_t len = CT_LEN_SENTINEL;
    int32_t r1 = iotwire_mqtt_get_password(o, b.out, b.cap, &len);
    int32_t r2 = iotwire_mqtt_get_password_from_mac(o, mac, 20, b.out, b.cap, &len);
    int32_t r3 = iotwire_mqtt_get_sign_content(o, b.out, b.cap, &len);
    if (r1 != IOTWIRE_ERR_UNSUPPORTED || r2 != IOTWIRE_ERR_UNSUPPORTED ||
        r3 != IOTWIRE_ERR_UNSUPPORTED || !ct_untouched(&b) || len != CT_LEN_SENTINEL) {
        ct_fail(__FILE__, __LINE__, "%s compiled out: password %s, from_mac %s, content %s", what,
                iotwire_status_str(r1), iotwire_status_str(r2), iotwire_status_str(r3));
    }
    ct_buf_free(&b);
}

static void t_doc_vector(const void *arg)
{
    const doc_case *c = (const doc_case *)arg;
    iotwire_mqtt_options_t o;
    char buf[PWD_CAP];
    char want_cid[80];
    size_t len = 0;
    doc_example(&o, c->sign_method);
    if (compiled_out(c->sign_method)) {
        expect_unsupported(&o, c->name);
        return;
    }

    CT_CHECK_RC(iotwire_mqtt_get_sign_content(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, DOC_CONTENT);
    snprintf(want_cid, sizeof want_cid, "12345|securemode=3,signmethod=%s,timestamp=789|",
             c->method_name);
    CT_CHECK_RC(iotwire_mqtt_get_client_id(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, want_cid);
    CT_CHECK_RC(iotwire_mqtt_get_username(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, "device&pk");

    CT_CHECK_RC(iotwire_mqtt_get_password(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, c->password);
    CT_CHECK_SIZE(len, strlen(c->password));
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, c->mac, c->mac_len, buf, sizeof buf, &len),
                IOTWIRE_OK);
    CT_CHECK_STR(buf, c->password);
    CT_CHECK_SIZE(len, strlen(c->password));
}

/* Profiles whose password is a MAC: one-shot and two-step must give the same bytes. */
static void prof_sha256(iotwire_mqtt_options_t *o) { fx_baseline(o); }
static void prof_sha1(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
}
static void prof_md5(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->sign_method = IOTWIRE_SIGN_METHOD_HMACMD5;
}
static void prof_register(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->mode = IOTWIRE_MQTT_MODE_REGISTER;
    o->device_secret = iotwire_str("");
    o->timestamp = iotwire_str("");
    o->client_id = iotwire_str("");
    o->product_secret = iotwire_str("zL8uK1cR4mF0tX9a");
    o->random = iotwire_str("8Yq2k");
}
static void prof_long_key(iotwire_mqtt_options_t *o)
{
    /* longer than the SHA-256 block: hashed first (RFC 2104) on both paths */
    fx_baseline(o);
    o->device_secret = iotwire_str("0123456789abcdef0123456789abcdef"
                                   "0123456789abcdef0123456789abcdef"
                                   "0123456789abcdef");
}
static void prof_legacy_v320(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->timestamp = iotwire_str("");
    o->client_id = iotwire_str("");
    o->legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o->legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
}
static void prof_legacy_v230(iotwire_mqtt_options_t *o)
{
    /* lower-case HMAC-SHA1: the two-step path must use the same case */
    prof_legacy_v320(o);
    o->legacy_sdk = IOTWIRE_LEGACY_SDK_V2_3_0;
    o->legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS;
}

typedef struct profile {
    const char *name;
    void (*setup)(iotwire_mqtt_options_t *o);
    size_t mac_len;
    uint32_t method; /* the MAC the profile uses */
} profile;

static const profile profiles[] = {
    {"hmacsha256", prof_sha256, 32, IOTWIRE_SIGN_METHOD_HMACSHA256},
    {"hmacsha1", prof_sha1, 20, IOTWIRE_SIGN_METHOD_HMACSHA1},
    {"hmacmd5", prof_md5, 16, IOTWIRE_SIGN_METHOD_HMACMD5},
    {"register", prof_register, 32, IOTWIRE_SIGN_METHOD_HMACSHA256},
    {"long_key", prof_long_key, 32, IOTWIRE_SIGN_METHOD_HMACSHA256},
    {"legacy_v3.2.0", prof_legacy_v320, 32, IOTWIRE_SIGN_METHOD_HMACSHA256},
    {"legacy_v2.3.0", prof_legacy_v230, 20, IOTWIRE_SIGN_METHOD_HMACSHA1},
};

static void t_one_shot_equals_two_step(const void *arg)
{
    const profile *p = (const profile *)arg;
    iotwire_mqtt_options_t o;
    char one[PWD_CAP];
    char two[PWD_CAP];
    uint8_t mac[64];
    size_t len1 = 0;
    size_t len2 = 0;
    size_t need = 0;
    size_t n;
    p->setup(&o);
    if (compiled_out(p->method)) {
        expect_unsupported(&o, p->name);
        return;
    }
    CT_CHECK_RC(iotwire_mqtt_get_password(&o, one, sizeof one, &len1), IOTWIRE_OK);
    CT_CHECK_SIZE(len1, 2u * p->mac_len);
    n = hex_decode(one, mac, sizeof mac);
    CT_CHECK_SIZE(n, p->mac_len);
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, n, NULL, 0, &need), IOTWIRE_OK);
    CT_CHECK_SIZE(need, len1 + 1u);
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, n, two, sizeof two, &len2),
                IOTWIRE_OK);
    CT_CHECK_STR(two, one);
    CT_CHECK_SIZE(len2, len1);
}

static void t_wrong_mac_length(const void *arg)
{
    static const size_t bad[] = {0, 1, 16, 20, 31, 33, 64};
    static const uint8_t mac[64] = {0};
    size_t i;
    (void)arg;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        iotwire_mqtt_options_t o;
        ct_buf b = ct_buf_new(PWD_CAP);
        size_t len = CT_LEN_SENTINEL;
        int32_t rc;
        fx_baseline(&o); /* hmacsha256: 32 bytes */
        rc = iotwire_mqtt_get_password_from_mac(&o, mac, bad[i], b.out, b.cap, &len);
        if (rc != IOTWIRE_ERR_INVALID_MAC_LENGTH || !ct_untouched(&b) ||
            len != CT_LEN_SENTINEL) {
            ct_fail(__FILE__, __LINE__, "mac_len %lu: %s, output %s, *out_len %lu",
                    (unsigned long)bad[i], iotwire_status_str(rc),
                    ct_untouched(&b) ? "untouched" : "WRITTEN", (unsigned long)len);
        }
        rc = iotwire_mqtt_get_password_from_mac(&o, mac, bad[i], NULL, 0, &len);
        if (rc != IOTWIRE_ERR_INVALID_MAC_LENGTH || len != CT_LEN_SENTINEL) {
            ct_fail(__FILE__, __LINE__, "mac_len %lu size query: %s", (unsigned long)bad[i],
                    iotwire_status_str(rc));
        }
        ct_buf_free(&b);
    }
}

static void t_mac_length_follows_method(const void *arg)
{
    static const uint8_t mac[32] = {0};
    iotwire_mqtt_options_t o;
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    fx_baseline(&o);
    if (!compiled_out(IOTWIRE_SIGN_METHOD_HMACSHA1)) {
        o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
        CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, 32, NULL, 0, &len),
                    IOTWIRE_ERR_INVALID_MAC_LENGTH);
        CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, 20, NULL, 0, &len), IOTWIRE_OK);
        CT_CHECK_SIZE(len, 41u);
    }
    if (!compiled_out(IOTWIRE_SIGN_METHOD_HMACMD5)) {
        o.sign_method = IOTWIRE_SIGN_METHOD_HMACMD5;
        CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, 20, NULL, 0, &len),
                    IOTWIRE_ERR_INVALID_MAC_LENGTH);
        CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, 16, NULL, 0, &len), IOTWIRE_OK);
        CT_CHECK_SIZE(len, 33u);
    }
}

static void t_null_mac(const void *arg)
{
    static const uint8_t mac_bytes[32] = {0};
    iotwire_mqtt_options_t o;
    ct_buf b = ct_buf_new(PWD_CAP);
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    fx_baseline(&o);
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, NULL, 32, b.out, b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(len == CT_LEN_SENTINEL);
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, NULL, 32, NULL, 0, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(len == CT_LEN_SENTINEL);
    /* a length no object can have */
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac_bytes, SIZE_MAX, b.out, b.cap, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(len == CT_LEN_SENTINEL);
    /* {NULL, 0} is an empty MAC: the wrong length for hmacsha256, not a NULL pointer */
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, NULL, 0, b.out, b.cap, &len),
                IOTWIRE_ERR_INVALID_MAC_LENGTH);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(len == CT_LEN_SENTINEL);
    ct_buf_free(&b);
}

/* The MAC read from inside the region the password would be written to. */
static void t_mac_overlaps_out(const void *arg)
{
    size_t at;
    (void)arg;
    for (at = 0; at < 2; at++) {
        iotwire_mqtt_options_t o;
        ct_buf b = ct_buf_new(65);
        size_t len = CT_LEN_SENTINEL;
        size_t off = at == 0 ? 0 : 65u - 32u;
        int32_t rc;
        fx_baseline(&o);
        memcpy(b.out + off, doc_sha256_mac, 32);
        ct_buf_mark(&b);
        rc = iotwire_mqtt_get_password_from_mac(&o, (const uint8_t *)(b.out + off), 32, b.out,
                                                b.cap, &len);
        if (rc != IOTWIRE_ERR_OVERLAP || !ct_untouched(&b) || len != CT_LEN_SENTINEL) {
            ct_fail(__FILE__, __LINE__, "mac at out+%lu: %s, output %s", (unsigned long)off,
                    iotwire_status_str(rc), ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
        ct_buf_free(&b);
    }
}

/* The MAC as a heap block of exactly 32 bytes: a read past it is an ASan/valgrind error. */
static void t_mac_exact_allocation(const void *arg)
{
    iotwire_mqtt_options_t o;
    char out[PWD_CAP];
    size_t len = 0;
    uint8_t *mac = (uint8_t *)ct_exact_copy((const char *)doc_sha256_mac, 32);
    (void)arg;
    doc_example(&o, IOTWIRE_SIGN_METHOD_HMACSHA256);
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, 32, out, sizeof out, &len),
                IOTWIRE_OK);
    CT_CHECK_STR(out, DOC_SHA256_PASSWORD);
    free(mac);
}

/* X.509: the password is empty and no MAC is taken; the empty text still has a NUL. */
static void t_x509_empty_password(const void *arg)
{
    static const uint8_t mac[32] = {0};
    iotwire_mqtt_options_t o;
    ct_buf b;
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    fx_baseline(&o);
    o.mode = IOTWIRE_MQTT_MODE_X509;
    o.device_secret = iotwire_str("");
    o.timestamp = iotwire_str("");

    CT_CHECK_RC(iotwire_mqtt_get_password(&o, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 1u);
    b = ct_buf_new(0);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_mqtt_get_password(&o, b.out, 0, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(len == CT_LEN_SENTINEL);
    ct_buf_free(&b);

    b = ct_buf_new(1);
    CT_CHECK_RC(iotwire_mqtt_get_password(&o, b.out, 1, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 0u);
    CT_CHECK(b.out[0] == '\0');
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);

    b = ct_buf_new(1);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, NULL, 0, b.out, 1, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 0u);
    CT_CHECK(b.out[0] == '\0');
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_reset(&b);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, 32, b.out, 1, &len),
                IOTWIRE_ERR_INVALID_MAC_LENGTH);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(len == CT_LEN_SENTINEL);
    ct_buf_free(&b);

    CT_CHECK_RC(iotwire_mqtt_get_sign_content(&o, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 1u);
}

/* connwl: the password is the device token, verbatim, on both paths. */
static void t_connwl_device_token(const void *arg)
{
    iotwire_mqtt_options_t o;
    char out[PWD_CAP];
    size_t len = 0;
    (void)arg;
    fx_baseline(&o);
    o.mode = IOTWIRE_MQTT_MODE_CONNWL;
    o.device_secret = iotwire_str("");
    o.timestamp = iotwire_str("");
    o.device_token = ct_exact_str("tok3n-from-regnwl");
    CT_CHECK_RC(iotwire_mqtt_get_password(&o, out, sizeof out, &len), IOTWIRE_OK);
    CT_CHECK_STR(out, "tok3n-from-regnwl");
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, NULL, 0, out, sizeof out, &len),
                IOTWIRE_OK);
    CT_CHECK_STR(out, "tok3n-from-regnwl");
    free((void *)(uintptr_t)o.device_token.ptr);
}

/* The point of the two-step API is a key that never leaves a secure element: the header says
 * sign_content needs "no secret" and password_from_mac "the secret is not needed". */
static void t_two_step_without_secret(const void *arg)
{
    iotwire_mqtt_options_t o;
    char out[PWD_CAP];
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    doc_example(&o, IOTWIRE_SIGN_METHOD_HMACSHA256);
    o.device_secret = iotwire_str("");
    CT_CHECK_RC(iotwire_mqtt_get_sign_content(&o, out, sizeof out, &len), IOTWIRE_OK);
    if (len != CT_LEN_SENTINEL) {
        CT_CHECK_STR(out, DOC_CONTENT);
    }
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, doc_sha256_mac, sizeof doc_sha256_mac,
                                                   out, sizeof out, &len),
                IOTWIRE_OK);
    if (len != CT_LEN_SENTINEL) {
        CT_CHECK_STR(out, DOC_SHA256_PASSWORD);
    }
    /* the one-shot path does need it */
    CT_CHECK_RC(iotwire_mqtt_get_password(&o, out, sizeof out, &len), IOTWIRE_ERR_MISSING_FIELD);
}

/* Same for dynamic registration, whose key is the ProductSecret. */
static void t_two_step_without_product_secret(const void *arg)
{
    static const uint8_t mac[32] = {0};
    iotwire_mqtt_options_t o;
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    prof_register(&o);
    o.product_secret = iotwire_str("");
    CT_CHECK_RC(iotwire_mqtt_get_sign_content(&o, NULL, 0, &len), IOTWIRE_OK);
    /* deviceName<dn>productKey<pk>random<r> + NUL */
    CT_CHECK_SIZE(len, strlen("deviceName" FX_DN "productKey" FX_PK "random8Yq2k") + 1u);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_mqtt_get_password_from_mac(&o, mac, sizeof mac, NULL, 0, &len),
                IOTWIRE_OK);
    CT_CHECK_SIZE(len, 65u);
}

typedef struct plain_test {
    const char *name;
    ct_fn fn;
} plain_test;

static const plain_test plain[] = {
    {"wrong_mac_length", t_wrong_mac_length},
    {"mac_length_follows_method", t_mac_length_follows_method},
    {"null_mac", t_null_mac},
    {"mac_overlaps_out", t_mac_overlaps_out},
    {"mac_exact_allocation", t_mac_exact_allocation},
    {"x509_empty_password", t_x509_empty_password},
    {"connwl_device_token", t_connwl_device_token},
    {"two_step_without_secret", t_two_step_without_secret},
    {"two_step_without_product_secret", t_two_step_without_product_secret},
};

void ct_suite_password_mac(void)
{
    size_t i;
    for (i = 0; i < sizeof doc_cases / sizeof doc_cases[0]; i++) {
        ct_run("password_mac/doc_vector", doc_cases[i].name, t_doc_vector, &doc_cases[i]);
    }
    for (i = 0; i < sizeof profiles / sizeof profiles[0]; i++) {
        ct_run("password_mac/one_shot_equals_two_step", profiles[i].name,
               t_one_shot_equals_two_step, &profiles[i]);
    }
    for (i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        ct_run("password_mac", plain[i].name, plain[i].fn, NULL);
    }
}
