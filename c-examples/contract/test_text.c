/* The output-buffer contract of every text export (README, "Using it from C"), each check
 * run against each export with the fixture options.
 *
 * Expected texts are not produced by the library: the formats come from the header's own
 * documentation and the legacy vectors (client id order, host domain), the MAC values from
 * python3 hmac/hashlib as noted next to them. */
#include "contract.h"
#include "exports.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef iotwire_status_t (*text_fn)(const iotwire_mqtt_options_t *opts, char *out,
                                    size_t out_cap, size_t *out_len);

typedef struct text_export {
    const char *name;
    text_fn fn;
    const char *expected; /* for fx_baseline() */
    size_t max_size; /* the header's IOTWIRE_MQTT_*_MAX_SIZE for this output */
} text_export;

/* 0x00..0x1F: its hex is obvious without any computation. */
static const uint8_t mac_0_to_31[32] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A,
    0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
    0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
};

static iotwire_status_t password_from_fixed_mac(const iotwire_mqtt_options_t *opts, char *out,
                                                size_t out_cap, size_t *out_len)
{
    return iotwire_mqtt_get_password_from_mac(opts, mac_0_to_31, sizeof mac_0_to_31, out,
                                              out_cap, out_len);
}

#define HOST FX_PK ".iot-as-mqtt.cn-shanghai.aliyuncs.com"

static const text_export exports[] = {
    /* order securemode, signmethod, timestamp: vector doc-mqtt-tcp-hmacsha1 */
    {"client_id", iotwire_mqtt_get_client_id,
     FX_CID "|securemode=2,signmethod=hmacsha256,timestamp=" FX_TS "|",
     IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE},
    {"username", iotwire_mqtt_get_username, FX_DN "&" FX_PK, IOTWIRE_MQTT_USERNAME_MAX_SIZE},
    {"host", iotwire_mqtt_get_host, HOST, IOTWIRE_MQTT_HOST_MAX_SIZE},
    {"sign_content", iotwire_mqtt_get_sign_content,
     "clientId" FX_CID "deviceName" FX_DN "productKey" FX_PK "timestamp" FX_TS,
     IOTWIRE_MQTT_SIGN_CONTENT_MAX_SIZE},
    {"websocket_url", iotwire_mqtt_get_websocket_url, "wss://" HOST ":443",
     IOTWIRE_MQTT_HOST_MAX_SIZE},
    {"tls_psk_identity", iotwire_mqtt_get_tls_psk_identity,
     "devicename|hmacsha256|" FX_PK "&" FX_DN "|" FX_TS, IOTWIRE_MQTT_TLS_PSK_IDENTITY_MAX_SIZE},
    /* python3: hmac.new(DS, b"clientId"+CID+b"deviceName"+DN+b"productKey"+PK+b"timestamp"+TS,
     * sha256).hexdigest().upper() */
    {"password", iotwire_mqtt_get_password,
     "8D6EB2218D82972B5C657E23D1F99D41FF55A69296BA4D9DFB228AE82D821C39",
     IOTWIRE_MQTT_PASSWORD_MAX_SIZE},
    /* python3: hmac.new(DS, b"id"+PK+b"&"+DN+b"timestamp"+TS, sha256).hexdigest().upper() */
    {"tls_psk", iotwire_mqtt_get_tls_psk,
     "4251D291F68CF45F39562A329B43F4004CC79978D087FEBE5BF87850D8EF4A9A",
     IOTWIRE_MQTT_TLS_PSK_MAX_SIZE},
    {"password_from_mac", password_from_fixed_mac,
     "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F",
     IOTWIRE_MQTT_PASSWORD_MAX_SIZE},
};

#define BIG_CAP 600u

static size_t expected_size(const text_export *e)
{
    return strlen(e->expected) + 1u;
}

/* Calls e with a fresh guarded buffer of cap bytes and checks a failure that must leave the
 * buffer and *out_len alone. */
static void expect_failure_untouched(const text_export *e, const iotwire_mqtt_options_t *o,
                                     size_t cap, int32_t want, const char *what)
{
    ct_buf b = ct_buf_new(cap);
    size_t len = CT_LEN_SENTINEL;
    int32_t rc = e->fn(o, b.out, cap, &len);
    if (rc != want) {
        ct_fail(__FILE__, __LINE__, "%s: %s returned %s, expected %s", what, e->name,
                iotwire_status_str(rc), iotwire_status_str(want));
    }
    if (!ct_untouched(&b)) {
        ct_fail(__FILE__, __LINE__, "%s: %s wrote to the output on failure", what, e->name);
    }
    if (len != CT_LEN_SENTINEL) {
        ct_fail(__FILE__, __LINE__, "%s: %s changed *out_len on failure (%lu)", what, e->name,
                (unsigned long)len);
    }
    /* The size query validates the same options (a too-small buffer is no option error). */
    len = CT_LEN_SENTINEL;
    rc = e->fn(o, NULL, 0, &len);
    if (want != IOTWIRE_ERR_BUFFER_TOO_SMALL && (rc != want || len != CT_LEN_SENTINEL)) {
        ct_fail(__FILE__, __LINE__, "%s: %s size query returned %s with *out_len %lu", what,
                e->name, iotwire_status_str(rc), (unsigned long)len);
    }
    ct_buf_free(&b);
}

/* A successful write into a guarded buffer of cap bytes: the expected text, its NUL, the
 * length, and nothing else written. */
static void expect_write(const text_export *e, const iotwire_mqtt_options_t *o, size_t cap,
                         const char *what)
{
    ct_buf b = ct_buf_new(cap);
    size_t want_len = strlen(e->expected);
    size_t len = CT_LEN_SENTINEL;
    int32_t rc = e->fn(o, b.out, cap, &len);
    if (rc != IOTWIRE_OK) {
        ct_fail(__FILE__, __LINE__, "%s: %s returned %s", what, e->name, iotwire_status_str(rc));
    } else {
        if (len != want_len) {
            ct_fail(__FILE__, __LINE__, "%s: *out_len %lu, expected %lu", what,
                    (unsigned long)len, (unsigned long)want_len);
        }
        if (b.out[want_len] != '\0') {
            ct_fail(__FILE__, __LINE__, "%s: no NUL at out[%lu]", what, (unsigned long)want_len);
        } else if (strcmp(b.out, e->expected) != 0) {
            ct_fail(__FILE__, __LINE__, "%s: wrote \"%s\", expected \"%s\"", what, b.out,
                    e->expected);
        }
        if (!ct_tail_untouched(&b, want_len + 1u)) {
            ct_fail(__FILE__, __LINE__, "%s: bytes after the NUL were written", what);
        }
    }
    if (!ct_guards_intact(&b)) {
        ct_fail(__FILE__, __LINE__, "%s: guard bytes overwritten", what);
    }
    ct_buf_free(&b);
}

static void t_null_opts(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    expect_failure_untouched(e, NULL, BIG_CAP, IOTWIRE_ERR_NULL_POINTER, "opts NULL");
}

static void t_null_out_len(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    ct_buf b = ct_buf_new(BIG_CAP);
    fx_baseline(&o);
    CT_CHECK_RC(e->fn(&o, b.out, BIG_CAP, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(e->fn(&o, NULL, 0, NULL), IOTWIRE_ERR_NULL_POINTER);
    ct_buf_free(&b);
}

static void t_null_out_with_cap(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    size_t len = CT_LEN_SENTINEL;
    fx_baseline(&o);
    CT_CHECK_RC(e->fn(&o, NULL, 1, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(e->fn(&o, NULL, BIG_CAP, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(e->fn(&o, NULL, SIZE_MAX, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(len == CT_LEN_SENTINEL);
}

static void t_size_query(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    size_t len = CT_LEN_SENTINEL;
    fx_baseline(&o);
    CT_CHECK_RC(e->fn(&o, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, expected_size(e));
    CT_CHECK(len <= e->max_size);
}

static void t_cap_zero(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    fx_baseline(&o);
    expect_failure_untouched(e, &o, 0, IOTWIRE_ERR_BUFFER_TOO_SMALL, "out_cap 0");
}

static void t_cap_exact_minus_one(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    fx_baseline(&o);
    expect_failure_untouched(e, &o, expected_size(e) - 1u, IOTWIRE_ERR_BUFFER_TOO_SMALL,
                             "out_cap exact-1");
    expect_failure_untouched(e, &o, 1u, IOTWIRE_ERR_BUFFER_TOO_SMALL, "out_cap 1");
}

static void t_exact_fit(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    fx_baseline(&o);
    expect_write(e, &o, expected_size(e), "exact fit");
}

static void t_larger_buffer(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    fx_baseline(&o);
    expect_write(e, &o, expected_size(e) + 1u, "exact+1");
    expect_write(e, &o, BIG_CAP, "large buffer");
    expect_write(e, &o, e->max_size, "MAX_SIZE buffer");
}

/* Each non-empty input copied into the region that would be written, once at the start and
 * once ending at the NUL position. */
static void t_overlap_inputs(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    size_t need = expected_size(e);
    size_t f;
    for (f = 0; f < FX_FIELD_COUNT; f++) {
        size_t at;
        for (at = 0; at < 2; at++) {
            iotwire_mqtt_options_t o;
            iotwire_str_t *s;
            ct_buf b = ct_buf_new(need);
            size_t len = CT_LEN_SENTINEL;
            size_t off;
            int32_t rc;
            fx_baseline(&o);
            s = fx_field(&o, f);
            if (s->len == 0 || s->len > need) {
                ct_buf_free(&b);
                continue;
            }
            off = at == 0 ? 0 : need - s->len;
            memcpy(b.out + off, s->ptr, s->len);
            s->ptr = b.out + off;
            ct_buf_mark(&b);
            rc = e->fn(&o, b.out, need, &len);
            if (rc != IOTWIRE_ERR_OVERLAP || !ct_untouched(&b) || len != CT_LEN_SENTINEL) {
                ct_fail(__FILE__, __LINE__,
                        "%s inside out at offset %lu: %s, output %s, *out_len %s", fx_field_name(f),
                        (unsigned long)off, iotwire_status_str(rc),
                        ct_untouched(&b) ? "untouched" : "WRITTEN",
                        len == CT_LEN_SENTINEL ? "untouched" : "WRITTEN");
            }
            ct_buf_free(&b);
        }
    }
}

/* out_len stored inside the output region (aligned, so the C side is well defined). */
static void t_overlap_out_len(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    size_t need = expected_size(e);
    size_t offsets[2];
    size_t i;
    offsets[0] = 0;
    offsets[1] = ((need - 1u) / sizeof(size_t)) * sizeof(size_t);
    for (i = 0; i < 2; i++) {
        iotwire_mqtt_options_t o;
        /* room for a whole size_t even when it starts near the end of the text */
        ct_buf b = ct_buf_new(offsets[1] + sizeof(size_t));
        size_t *len = (size_t *)(void *)(b.out + offsets[i]);
        size_t sentinel = CT_LEN_SENTINEL;
        int32_t rc;
        fx_baseline(&o);
        memcpy(len, &sentinel, sizeof sentinel);
        ct_buf_mark(&b);
        rc = e->fn(&o, b.out, need, len);
        if (rc != IOTWIRE_ERR_OVERLAP || !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "out_len at out+%lu: %s, buffer %s",
                    (unsigned long)offsets[i], iotwire_status_str(rc),
                    ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
        ct_buf_free(&b);
    }
}

static void t_invalid_options(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    size_t i;
    for (i = 0; i < fx_invalid_count; i++) {
        iotwire_mqtt_options_t o;
        fx_baseline(&o);
        fx_invalid[i].apply(&o);
        expect_failure_untouched(e, &o, BIG_CAP, fx_invalid[i].expect, fx_invalid[i].name);
    }
}

static void t_null_string_with_len(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    size_t f;
    for (f = 0; f < FX_FIELD_COUNT; f++) {
        iotwire_mqtt_options_t o;
        iotwire_str_t *s;
        fx_baseline(&o);
        s = fx_field(&o, f);
        s->ptr = NULL;
        s->len = f == 0 ? 1u : 11u;
        expect_failure_untouched(e, &o, BIG_CAP, IOTWIRE_ERR_NULL_POINTER, fx_field_name(f));
    }
}

/* Inputs as heap blocks of exactly len bytes without NUL: a read past len is an ASan (or
 * valgrind) error, and the output must equal the one from NUL-terminated literals. */
static void t_unterminated_inputs(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    fx_baseline(&o);
    o.product_key = ct_exact_str(FX_PK);
    o.device_name = ct_exact_str(FX_DN);
    o.device_secret = ct_exact_str(FX_DS);
    o.timestamp = ct_exact_str(FX_TS);
    o.client_id = ct_exact_str(FX_CID);
    expect_write(e, &o, expected_size(e), "unterminated inputs");
    free((void *)(uintptr_t)o.product_key.ptr);
    free((void *)(uintptr_t)o.device_name.ptr);
    free((void *)(uintptr_t)o.device_secret.ptr);
    free((void *)(uintptr_t)o.timestamp.ptr);
    free((void *)(uintptr_t)o.client_id.ptr);
}

/* A caller built against a newer header passes a bigger struct: its prefix is ours. */
static void t_bigger_struct_size(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    struct {
        iotwire_mqtt_options_t o;
        unsigned char newer_fields[32];
    } big;
    memset(&big, 0x5A, sizeof big);
    fx_baseline(&big.o);
    big.o.struct_size = (uint32_t)sizeof big;
    expect_write(e, &big.o, expected_size(e), "struct_size > sizeof");
}

/* A capacity or input length that no object can have: rejected before anything is touched. */
static void t_wrapping_ranges(const void *arg)
{
    const text_export *e = (const text_export *)arg;
    iotwire_mqtt_options_t o;
    ct_buf b = ct_buf_new(BIG_CAP);
    size_t len = CT_LEN_SENTINEL;
    fx_baseline(&o);
    CT_CHECK_RC(e->fn(&o, b.out, SIZE_MAX, &len), IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(e->fn(&o, b.out, (size_t)PTRDIFF_MAX + 1u, &len), IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(len == CT_LEN_SENTINEL);
    o.device_secret.len = SIZE_MAX;
    expect_failure_untouched(e, &o, BIG_CAP, IOTWIRE_ERR_INVALID_ARGUMENT,
                             "device_secret.len SIZE_MAX");
    ct_buf_free(&b);
}

typedef struct text_check {
    const char *name;
    ct_fn fn;
} text_check;

static const text_check checks[] = {
    {"null_opts", t_null_opts},
    {"null_out_len", t_null_out_len},
    {"null_out_with_cap", t_null_out_with_cap},
    {"size_query", t_size_query},
    {"cap_zero", t_cap_zero},
    {"cap_exact_minus_one", t_cap_exact_minus_one},
    {"exact_fit", t_exact_fit},
    {"larger_buffer", t_larger_buffer},
    {"overlap_inputs", t_overlap_inputs},
    {"overlap_out_len", t_overlap_out_len},
    {"invalid_options", t_invalid_options},
    {"null_string_with_len", t_null_string_with_len},
    {"unterminated_inputs", t_unterminated_inputs},
    {"bigger_struct_size", t_bigger_struct_size},
    {"wrapping_ranges", t_wrapping_ranges},
};

/* Options valid for the size query must not fail the write, and the other way round: the
 * two runs must agree, and a failing write must write nothing. The variants are modes where an
 * output does not depend on the secret or the sign method (X.509) or uses another key. */
static void var_x509_md5(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->mode = IOTWIRE_MQTT_MODE_X509;
    o->timestamp = iotwire_str("");
    o->sign_method = IOTWIRE_SIGN_METHOD_HMACMD5;
}
static void var_x509_sha1(iotwire_mqtt_options_t *o)
{
    var_x509_md5(o);
    o->sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
}
static void var_register(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->mode = IOTWIRE_MQTT_MODE_REGISTER;
    o->timestamp = iotwire_str("");
    o->client_id = iotwire_str("");
    o->product_secret = iotwire_str("zL8uK1cR4mF0tX9a");
    o->random = iotwire_str("8Yq2k");
}
static void var_id2(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->mode = IOTWIRE_MQTT_MODE_ID2;
}
static void var_legacy_v230(iotwire_mqtt_options_t *o)
{
    fx_baseline(o);
    o->timestamp = iotwire_str("");
    o->client_id = iotwire_str("");
    o->legacy_sdk = IOTWIRE_LEGACY_SDK_V2_3_0;
}

static void t_query_and_write_agree(const void *arg)
{
    static const struct {
        const char *name;
        void (*setup)(iotwire_mqtt_options_t *o);
    } variants[] = {
        {"x509+hmacmd5", var_x509_md5},
        {"x509+hmacsha1", var_x509_sha1},
        {"register", var_register},
        {"id2", var_id2},
        {"legacy v2.3.0", var_legacy_v230},
    };
    size_t v;
    size_t i;
    (void)arg;
    for (v = 0; v < sizeof variants / sizeof variants[0]; v++) {
        for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
            const text_export *e = &exports[i];
            iotwire_mqtt_options_t o;
            size_t need = CT_LEN_SENTINEL;
            size_t len = CT_LEN_SENTINEL;
            int32_t rq;
            int32_t rw;
            ct_buf b;
            variants[v].setup(&o);
            rq = e->fn(&o, NULL, 0, &need);
            b = ct_buf_new(rq == IOTWIRE_OK ? need : BIG_CAP);
            rw = e->fn(&o, b.out, b.cap, &len);
            if (rq != rw) {
                ct_fail(__FILE__, __LINE__, "%s %s: size query %s but write %s", variants[v].name,
                        e->name, iotwire_status_str(rq), iotwire_status_str(rw));
            }
            if (rw != IOTWIRE_OK && (!ct_untouched(&b) || len != CT_LEN_SENTINEL)) {
                ct_fail(__FILE__, __LINE__, "%s %s: failed with %s but wrote to out/out_len",
                        variants[v].name, e->name, iotwire_status_str(rw));
            }
            if (rw == IOTWIRE_OK && rq == IOTWIRE_OK && len + 1u != need) {
                ct_fail(__FILE__, __LINE__, "%s %s: size query %lu, wrote %lu", variants[v].name,
                        e->name, (unsigned long)need, (unsigned long)len);
            }
            ct_buf_free(&b);
        }
    }
}

/* The header: the PSK is HMAC(DeviceSecret, "id<pk>&<dn>timestamp<ts>"). Without a DeviceSecret
 * that is MISSING_FIELD (or any error), never a PSK keyed with something else; in a mode whose
 * password uses the ProductSecret the key must still be the DeviceSecret. */
static void t_tls_psk_key_is_device_secret(const void *arg)
{
    /* python3: hmac.new(DS, b"id"+PK+b"&"+DN+b"timestamp2524608000000", sha256) upper hex */
    static const char psk_ds[] = "DBAA707383CDE5EF8EB9FF494E66D0A3076DC524CFB4FCF985824B76CEE4FC5C";
    static const struct {
        const char *name;
        void (*setup)(iotwire_mqtt_options_t *o);
        int with_secret;
    } cases[] = {
        {"x509 without device_secret", var_x509_md5, 0},
        {"register without device_secret", var_register, 0},
        {"register with device_secret", var_register, 1},
    };
    size_t i;
    (void)arg;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        iotwire_mqtt_options_t o;
        ct_buf b = ct_buf_new(BIG_CAP);
        size_t len = CT_LEN_SENTINEL;
        int32_t rc;
        cases[i].setup(&o);
        o.sign_method = IOTWIRE_SIGN_METHOD_DEFAULT;
        o.device_secret = iotwire_str(cases[i].with_secret ? FX_DS : "");
        rc = iotwire_mqtt_get_tls_psk(&o, b.out, b.cap, &len);
        if (rc != IOTWIRE_OK) {
            if (!ct_untouched(&b) || len != CT_LEN_SENTINEL) {
                ct_fail(__FILE__, __LINE__, "%s: %s but wrote", cases[i].name,
                        iotwire_status_str(rc));
            }
        } else if (!cases[i].with_secret || strcmp(b.out, psk_ds) != 0) {
            ct_fail(__FILE__, __LINE__, "%s: OK, wrote %s%s", cases[i].name, b.out,
                    cases[i].with_secret ? ", expected HMAC keyed with the DeviceSecret"
                                         : " (a PSK without a DeviceSecret)");
        }
        ct_buf_free(&b);
    }
}

/* Every input at its longest: each output must still fit the header's *_MAX_SIZE. */
static void worst_device(iotwire_mqtt_options_t *o, char *scratch)
{
    char *p = scratch;
    (void)iotwire_mqtt_options_init(o);
    memset(p, 'P', 20);
    o->product_key.ptr = p;
    o->product_key.len = 20;
    p += 20;
    memset(p, 'D', 32);
    o->device_name.ptr = p;
    o->device_name.len = 32;
    p += 32;
    memset(p, 'c', 64);
    o->client_id.ptr = p;
    o->client_id.len = 64;
    p += 64;
    memset(p, '9', 20);
    o->timestamp.ptr = p;
    o->timestamp.len = 20;
    p += 20;
    memcpy(p, "k=", 2);
    memset(p + 2, 'v', 126);
    o->extra_params.ptr = p;
    o->extra_params.len = 128;
    p += 128;
    memset(p, 'S', 64);
    o->device_secret.ptr = p;
    o->device_secret.len = 64;
}

static void t_max_size_holds_worst_case(const void *arg)
{
    static char scratch[1024];
    size_t v;
    size_t i;
    (void)arg;
    for (v = 0; v < 3; v++) {
        iotwire_mqtt_options_t o;
        const char *variant = "device";
        worst_device(&o, scratch);
        if (v == 1) {
            /* the longest host name: 253 characters */
            memset(scratch + 600, 'h', 249);
            memcpy(scratch + 849, ".com", 4);
            o.region = IOTWIRE_REGION_CUSTOM;
            o.host.ptr = scratch + 600;
            o.host.len = 253;
            variant = "custom host";
        } else if (v == 2) {
            memset(scratch + 600, 't', 256);
            o.mode = IOTWIRE_MQTT_MODE_CONNWL;
            o.timestamp.len = 0;
            o.device_secret.len = 0;
            o.device_token.ptr = scratch + 600;
            o.device_token.len = 256;
            variant = "connwl";
        }
        for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
            size_t need = 0;
            int32_t rc = exports[i].fn(&o, NULL, 0, &need);
            if (rc == IOTWIRE_OK && need > exports[i].max_size) {
                ct_fail(__FILE__, __LINE__, "%s %s needs %lu > MAX_SIZE %lu", variant,
                        exports[i].name, (unsigned long)need, (unsigned long)exports[i].max_size);
            }
            if (v == 0 && rc != IOTWIRE_OK) {
                ct_fail(__FILE__, __LINE__, "%s %s: %s", variant, exports[i].name,
                        iotwire_status_str(rc));
            }
        }
    }
}

void ct_suite_text(void)
{
    size_t i;
    size_t c;
    for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
        char group[64];
        snprintf(group, sizeof group, "text/%s", exports[i].name);
        for (c = 0; c < sizeof checks / sizeof checks[0]; c++) {
            ct_run(group, checks[c].name, checks[c].fn, &exports[i]);
        }
    }
    ct_run("text", "query_and_write_agree", t_query_and_write_agree, NULL);
    ct_run("text", "max_size_holds_worst_case", t_max_size_holds_worst_case, NULL);
    ct_run("text", "tls_psk_key_is_device_secret", t_tls_psk_key_is_device_secret, NULL);
}
