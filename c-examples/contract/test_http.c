/* The HTTPS and registration exports (feature http): for each text/byte output the whole
 * output contract (size query, NULL out_len, NULL out with a capacity, exact-1, exact, guard
 * bytes, overlap with an input and with out_len), then NULL arguments, struct sizes and
 * selectors. Expected texts are copied from tests/vectors/legacy-c-sdk.dev.json (http-01 with a
 * shorter token, dynreg-https-01). */
#include "contract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(IOTWIRE_HAS_HTTP)

#define STATUS(x) {x, #x}

static const struct {
    int32_t value;
    const char *name;
} http_statuses[] = {
    STATUS(IOTWIRE_ERR_HTTP_COMMON_ERROR),      STATUS(IOTWIRE_ERR_HTTP_PARAM_ERROR),
    STATUS(IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR),  STATUS(IOTWIRE_ERR_HTTP_TOKEN_EXPIRED),
    STATUS(IOTWIRE_ERR_HTTP_TOKEN_NULL),        STATUS(IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR),
    STATUS(IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR), STATUS(IOTWIRE_ERR_HTTP_PUBLISH_ERROR),
    STATUS(IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS), STATUS(IOTWIRE_ERR_HTTP_UNKNOWN_CODE),
    STATUS(IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE), STATUS(IOTWIRE_ERR_HTTP_INVALID_TOPIC),
    STATUS(IOTWIRE_ERR_REPLY_FIELD_INVALID),    STATUS(IOTWIRE_ERR_DYNREG_REJECTED),
};

/* http-01 (v3.2.0). */
#define V_PK "a1X2bEnP82z"
#define V_DN "example1"
#define V_DS "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
#define V_AUTH_BODY                                                                          \
    "{\"version\":\"default\", \"clientId\":\"a1X2bEnP82z.example1\",\"signmethod\":"        \
    "\"hmacsha1\",\"sign\":\"7cf30b16a4a8de5372e28151fd17a5a9d78342c0\",\"productKey\":"      \
    "\"a1X2bEnP82z\",\"deviceName\":\"example1\"}"
#define V_TOPIC "/a1X2bEnP82z/example1/user/update"
#define V_TOKEN "eyJ0eXBlIjoiSldUIiwiYWxnIjoiaG1hY3NoYTEifQ.e87AFhkvNKiqF5xdgm1P47f9DwY"
#define V_PAYLOAD "{\"temp\":0}"
#define V_PUBLISH_HEAD                                                                       \
    "POST /topic/a1X2bEnP82z/example1/user/update HTTP/1.1\r\n"                               \
    "Host: iot-as-http.cn-shanghai.aliyuncs.com\r\nConnection: Keep-Alive\r\n"                \
    "password:" V_TOKEN "\r\nContent-Type: application/octet-stream\r\n"                      \
    "Content-Length: 10\r\n\r\n"
/* dynreg-https-01. */
#define D_PK "a1B2c3D4e5F"
#define D_DN "device01"
#define D_PS "psecret0123456789"
#define D_RANDOM "8Ygb7ULYh53B6OA"
#define D_SIGN "C5744E476E8C470E374031D144428869A9C1F5A114D37F0A3116DFC069E98745"
#define D_REPLY                                                                              \
    "{\"code\":200,\"data\":{\"productKey\":\"a1B2c3D4e5F\",\"deviceName\":\"device01\","    \
    "\"deviceSecret\":\"DS00xyz0123456789abcdefABCDEF0\"},\"message\":\"success\"}"
#define D_SECRET "DS00xyz0123456789abcdefABCDEF0"
#define AUTH_REPLY "{\"code\":0,\"message\":\"success\",\"info\":{\"token\":\"" V_TOKEN "\"}}"

/* Heap copies without NUL (ASan/valgrind see any over-read), freed at exit of each test. */
typedef struct {
    iotwire_str_t pk, dn, ds, ps, random, topic, token;
    char *payload;
    size_t payload_len;
} inputs_t;

static inputs_t make_inputs(void)
{
    inputs_t in;
    in.pk = ct_exact_str(V_PK);
    in.dn = ct_exact_str(V_DN);
    in.ds = ct_exact_str(V_DS);
    in.ps = ct_exact_str(D_PS);
    in.random = ct_exact_str(D_RANDOM);
    in.topic = ct_exact_str(V_TOPIC);
    in.token = ct_exact_str(V_TOKEN);
    in.payload = ct_exact_copy(V_PAYLOAD, strlen(V_PAYLOAD));
    in.payload_len = strlen(V_PAYLOAD);
    return in;
}

static void free_inputs(inputs_t *in)
{
    free((void *)(uintptr_t)in->pk.ptr);
    free((void *)(uintptr_t)in->dn.ptr);
    free((void *)(uintptr_t)in->ds.ptr);
    free((void *)(uintptr_t)in->ps.ptr);
    free((void *)(uintptr_t)in->random.ptr);
    free((void *)(uintptr_t)in->topic.ptr);
    free((void *)(uintptr_t)in->token.ptr);
    free(in->payload);
}

/* One output export bound to its inputs; `out` may be any pointer the test chooses. */
typedef struct call call_t;
struct call {
    const char *name;
    const char *expect; /* expected output */
    size_t expect_len;
    int nul; /* text (NUL-terminated) or bytes */
    int32_t (*fn)(const call_t *c, const inputs_t *in, char *out, size_t cap, size_t *len);
    /* An input the output may not overlap: index into the inputs struct's strings. */
    const char *(*overlap_input)(const inputs_t *in);
};

static int32_t c_auth_body(const call_t *c, const inputs_t *in, char *out, size_t cap, size_t *len)
{
    iotwire_http_auth_options_t o;
    (void)c;
    iotwire_http_auth_options_init(&o);
    o.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    o.product_key = in->pk;
    o.device_name = in->dn;
    o.device_secret = in->ds;
    return iotwire_http_get_auth(&o, IOTWIRE_HTTP_PART_BODY, out, cap, len);
}

static int32_t c_publish_head(const call_t *c, const inputs_t *in, char *out, size_t cap,
                              size_t *len)
{
    (void)c;
    return iotwire_http_publish_head(IOTWIRE_HTTP_PROFILE_V3_2_0, iotwire_str(NULL), in->topic,
                                     in->token, in->payload_len, out, cap, len);
}

static int32_t c_publish_request(const call_t *c, const inputs_t *in, char *out, size_t cap,
                                 size_t *len)
{
    (void)c;
    return iotwire_http_publish_request(IOTWIRE_HTTP_PROFILE_V3_2_0, iotwire_str(NULL), in->topic,
                                        in->token, (const uint8_t *)in->payload, in->payload_len,
                                        (uint8_t *)out, cap, len);
}

static int32_t c_dynreg_sign(const call_t *c, const inputs_t *in, char *out, size_t cap,
                             size_t *len)
{
    iotwire_dynreg_https_options_t o;
    (void)c;
    iotwire_dynreg_https_options_init(&o);
    o.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    o.product_key = iotwire_str(D_PK);
    o.device_name = iotwire_str(D_DN);
    o.product_secret = in->ps;
    o.random = in->random;
    return iotwire_dynreg_https_get(&o, IOTWIRE_HTTP_PART_SIGN, out, cap, len);
}

static int32_t c_reply(const call_t *c, const inputs_t *in, char *out, size_t cap, size_t *len)
{
    (void)c;
    return iotwire_register_reply_get(IOTWIRE_REPLY_HTTPS_REGISTER, (const uint8_t *)in->payload,
                                      in->payload_len, IOTWIRE_REPLY_FIELD_DEVICE_SECRET, out, cap,
                                      len);
}

static int32_t c_token(const call_t *c, const inputs_t *in, char *out, size_t cap, size_t *len)
{
    iotwire_http_response_t r;
    (void)c;
    r.struct_size = (uint32_t)sizeof r;
    return iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_AUTH, (const uint8_t *)in->payload,
                                       in->payload_len, &r, out, cap, len);
}

static const char *ov_ds(const inputs_t *in)
{
    return in->ds.ptr;
}
static const char *ov_token(const inputs_t *in)
{
    return in->token.ptr;
}
static const char *ov_ps(const inputs_t *in)
{
    return in->ps.ptr;
}
static const char *ov_payload(const inputs_t *in)
{
    return in->payload;
}

/* The reply exports read the payload; their inputs hold the reply instead. */
static inputs_t inputs_for(const call_t *c)
{
    inputs_t in = make_inputs();
    const char *reply = NULL;
    if (c->fn == c_reply) {
        reply = D_REPLY;
    } else if (c->fn == c_token) {
        reply = AUTH_REPLY;
    }
    if (reply != NULL) {
        free(in.payload);
        in.payload_len = strlen(reply);
        in.payload = ct_exact_copy(reply, in.payload_len);
    }
    return in;
}

static const call_t calls[] = {
    {"iotwire_http_get_auth", V_AUTH_BODY, sizeof V_AUTH_BODY - 1, 1, c_auth_body, ov_ds},
    {"iotwire_http_publish_head", V_PUBLISH_HEAD, sizeof V_PUBLISH_HEAD - 1, 1, c_publish_head,
     ov_token},
    {"iotwire_http_publish_request", V_PUBLISH_HEAD V_PAYLOAD,
     sizeof(V_PUBLISH_HEAD V_PAYLOAD) - 1, 0, c_publish_request, ov_payload},
    {"iotwire_dynreg_https_get", D_SIGN, sizeof D_SIGN - 1, 1, c_dynreg_sign, ov_ps},
    {"iotwire_register_reply_get", D_SECRET, sizeof D_SECRET - 1, 1, c_reply, ov_payload},
    {"iotwire_http_parse_response", V_TOKEN, sizeof V_TOKEN - 1, 1, c_token, ov_payload},
};

static void t_size_query(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    size_t len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->fn(c, &in, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, c->expect_len + (size_t)c->nul);
    free_inputs(&in);
}

static void t_null_out_len(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    ct_buf b = ct_buf_new(c->expect_len + 1);
    CT_CHECK_RC(c->fn(c, &in, b.out, b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(c->fn(c, &in, NULL, 0, NULL), IOTWIRE_ERR_NULL_POINTER);
    ct_buf_free(&b);
    free_inputs(&in);
}

static void t_null_out_with_cap(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    size_t len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->fn(c, &in, NULL, 8, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    free_inputs(&in);
}

static void t_exact_minus_one(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    size_t need = c->expect_len + (size_t)c->nul;
    ct_buf b = ct_buf_new(need - 1);
    size_t len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->fn(c, &in, b.out, b.cap, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    ct_buf_free(&b);
    free_inputs(&in);
}

static void t_exact(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    size_t need = c->expect_len + (size_t)c->nul;
    ct_buf b = ct_buf_new(need);
    size_t len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->fn(c, &in, b.out, b.cap, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, c->expect_len);
    CT_CHECK(memcmp(b.out, c->expect, c->expect_len) == 0);
    if (c->nul) {
        CT_CHECK(b.out[c->expect_len] == '\0');
    }
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    free_inputs(&in);
}

/* A larger buffer: bytes after the output (and its NUL) stay as they were. */
static void t_large_tail(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    size_t need = c->expect_len + (size_t)c->nul;
    ct_buf b = ct_buf_new(need + 32);
    size_t len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->fn(c, &in, b.out, b.cap, &len), IOTWIRE_OK);
    CT_CHECK(ct_tail_untouched(&b, need));
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    free_inputs(&in);
}

/* The output buffer is the input (a caller reusing one buffer): refused, nothing written. */
static void t_overlap_input(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    char *target = (char *)(uintptr_t)c->overlap_input(&in);
    char before[64];
    size_t len = CT_LEN_SENTINEL;
    memcpy(before, target, 8);
    CT_CHECK_RC(c->fn(c, &in, target, 4096, &len), IOTWIRE_ERR_OVERLAP);
    CT_CHECK(memcmp(before, target, 8) == 0);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    free_inputs(&in);
}

/* out_len inside the output buffer. */
static void t_overlap_out_len(const void *arg)
{
    const call_t *c = (const call_t *)arg;
    inputs_t in = inputs_for(c);
    size_t need = c->expect_len + (size_t)c->nul;
    ct_buf b = ct_buf_new(need + 2 * sizeof(size_t));
    size_t *len_inside = (size_t *)(void *)(b.out + sizeof(size_t));
    CT_CHECK_RC(c->fn(c, &in, b.out, b.cap, len_inside), IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
    free_inputs(&in);
}

static const struct {
    const char *name;
    ct_fn fn;
} checks[] = {
    {"size_query", t_size_query},         {"null_out_len", t_null_out_len},
    {"null_out_with_cap", t_null_out_with_cap}, {"exact_minus_one", t_exact_minus_one},
    {"exact", t_exact},                   {"large_tail", t_large_tail},
    {"overlap_input", t_overlap_input},   {"overlap_out_len", t_overlap_out_len},
};

static void t_status_names(const void *arg)
{
    size_t i;
    (void)arg;
    for (i = 0; i < sizeof http_statuses / sizeof http_statuses[0]; i++) {
        CT_CHECK_STR(iotwire_status_str(http_statuses[i].value), http_statuses[i].name);
    }
}

static void t_options_init(const void *arg)
{
    iotwire_http_auth_options_t a;
    iotwire_dynreg_https_options_t d;
    (void)arg;
    memset(&a, 0xA5, sizeof a);
    memset(&d, 0xA5, sizeof d);
    CT_CHECK_RC(iotwire_http_auth_options_init(&a), IOTWIRE_OK);
    CT_CHECK(a.struct_size == sizeof a && a.profile == IOTWIRE_HTTP_PROFILE_DOC);
    CT_CHECK(a.sign_method == IOTWIRE_SIGN_METHOD_DEFAULT && a.region == IOTWIRE_REGION_SHANGHAI);
    CT_CHECK(a.flags == 0 && a.reserved == 0 && a.product_key.ptr == NULL && a.host.len == 0);
    CT_CHECK_RC(iotwire_dynreg_https_options_init(&d), IOTWIRE_OK);
    CT_CHECK(d.struct_size == sizeof d && d.profile == IOTWIRE_HTTP_PROFILE_DOC);
    CT_CHECK(d.random.ptr == NULL && d.random.len == 0 && d.flags == 0);
    CT_CHECK_RC(iotwire_http_auth_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_dynreg_https_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
}

/* NULL options, small struct_size, reserved/flag bits, (NULL, n) strings, selectors. */
static void t_auth_arguments(const void *arg)
{
    iotwire_http_auth_options_t o;
    char out[64];
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    CT_CHECK_RC(iotwire_http_get_auth(NULL, 0, NULL, 0, &len), IOTWIRE_ERR_NULL_POINTER);
    iotwire_http_auth_options_init(&o);
    o.product_key = iotwire_str(V_PK);
    o.device_name = iotwire_str(V_DN);
    o.device_secret = iotwire_str(V_DS);
    o.struct_size = (uint32_t)sizeof o - 1u;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    o.struct_size = (uint32_t)sizeof o;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 4, NULL, 0, &len), IOTWIRE_ERR_INVALID_SELECTOR);
    o.profile = 2;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_SELECTOR);
    o.profile = IOTWIRE_HTTP_PROFILE_DOC;
    o.sign_method = 9;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_SELECTOR);
    o.sign_method = IOTWIRE_SIGN_METHOD_DEFAULT;
    o.region = IOTWIRE_REGION_JAPAN;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_SELECTOR);
    o.region = IOTWIRE_REGION_CUSTOM;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_MISSING_FIELD);
    o.region = IOTWIRE_REGION_SHANGHAI;
    o.reserved = 1;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_ARGUMENT);
    o.reserved = 0;
    o.flags = 2;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_ARGUMENT);
    o.flags = 0;
    o.client_id.ptr = NULL;
    o.client_id.len = 3;
    CT_CHECK_RC(iotwire_http_get_auth(&o, 0, out, sizeof out, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
}

static void t_dynreg_arguments(const void *arg)
{
    iotwire_dynreg_https_options_t o;
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    CT_CHECK_RC(iotwire_dynreg_https_get(NULL, 0, NULL, 0, &len), IOTWIRE_ERR_NULL_POINTER);
    iotwire_dynreg_https_options_init(&o);
    o.product_key = iotwire_str(D_PK);
    o.device_name = iotwire_str(D_DN);
    o.product_secret = iotwire_str(D_PS);
    o.random = iotwire_str(D_RANDOM);
    CT_CHECK_RC(iotwire_dynreg_https_get(&o, 0, NULL, 0, &len), IOTWIRE_OK);
    o.struct_size = 4;
    CT_CHECK_RC(iotwire_dynreg_https_get(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    o.struct_size = (uint32_t)sizeof o;
    CT_CHECK_RC(iotwire_dynreg_https_get(&o, 7, NULL, 0, &len), IOTWIRE_ERR_INVALID_SELECTOR);
    o.region = 6;
    CT_CHECK_RC(iotwire_dynreg_https_get(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_SELECTOR);
    o.region = IOTWIRE_REGION_SHANGHAI;
    o.host = iotwire_str("h.example.com");
    CT_CHECK_RC(iotwire_dynreg_https_get(&o, 0, NULL, 0, &len), IOTWIRE_ERR_INVALID_ARGUMENT);
    o.host.ptr = NULL;
    o.host.len = 0;
    o.random.ptr = NULL;
    CT_CHECK_RC(iotwire_dynreg_https_get(&o, 0, NULL, 0, &len), IOTWIRE_ERR_NULL_POINTER);
}

static void t_publish_arguments(const void *arg)
{
    size_t len = CT_LEN_SENTINEL;
    iotwire_str_t null_topic;
    (void)arg;
    null_topic.ptr = NULL;
    null_topic.len = 4;
    CT_CHECK_RC(iotwire_http_publish_head(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(NULL), null_topic,
                                          iotwire_str("t"), 1, NULL, 0, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_http_publish_head(5, iotwire_str(NULL), iotwire_str("/a"),
                                          iotwire_str("t"), 1, NULL, 0, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_http_publish_head(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(NULL),
                                          iotwire_str("/a"), iotwire_str("t"),
                                          IOTWIRE_HTTP_PAYLOAD_MAX + 1, NULL, 0, &len),
                IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE);
    CT_CHECK_RC(iotwire_http_publish_request(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(NULL),
                                             iotwire_str("/a"), iotwire_str("t"), NULL, 3, NULL,
                                             0, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    /* An empty payload may be NULL. */
    CT_CHECK_RC(iotwire_http_publish_request(IOTWIRE_HTTP_PROFILE_DOC, iotwire_str(NULL),
                                             iotwire_str("/a"), iotwire_str("t"), NULL, 0, NULL,
                                             0, &len),
                IOTWIRE_OK);
}

static void t_response_arguments(const void *arg)
{
    static const char body[] = "{\"code\":20001,\"message\":\"token is expired\"}";
    iotwire_http_response_t r;
    char tok[8];
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    memset(&r, 0xA5, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    CT_CHECK_RC(iotwire_http_parse_response(0, (const uint8_t *)body, sizeof body - 1, NULL, tok,
                                            sizeof tok, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_http_parse_response(0, NULL, 5, &r, tok, sizeof tok, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_http_parse_response(3, (const uint8_t *)body, sizeof body - 1, &r, tok,
                                            sizeof tok, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    r.struct_size = 8;
    CT_CHECK_RC(iotwire_http_parse_response(0, (const uint8_t *)body, sizeof body - 1, &r, tok,
                                            sizeof tok, &len),
                IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    r.struct_size = (uint32_t)sizeof r;
    /* The token buffer inside the response struct. */
    CT_CHECK_RC(iotwire_http_parse_response(0, (const uint8_t *)body, sizeof body - 1, &r,
                                            (char *)&r.message_id, 8, &len),
                IOTWIRE_ERR_OVERLAP);
    /* A platform error code is a successful parse with a typed platform_status. */
    CT_CHECK_RC(iotwire_http_parse_response(0, (const uint8_t *)body, sizeof body - 1, &r, tok,
                                            sizeof tok, &len),
                IOTWIRE_OK);
    CT_CHECK(r.code == 20001 && r.platform_status == IOTWIRE_ERR_HTTP_TOKEN_EXPIRED);
    CT_CHECK(r.reauth == 1 && r.has_token == 0 && r.has_message == 1 && len == 0);
    CT_CHECK(r.struct_size == sizeof r && r.reserved == 0);
    CT_CHECK(memcmp(body + r.message_offset, "token is expired", r.message_len) == 0);
}

static void t_reply_arguments(const void *arg)
{
    static const char reply[] = "{\"deviceSecret\":\"abc\"}";
    char out[8];
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    CT_CHECK_RC(iotwire_register_reply_get(4, (const uint8_t *)reply, sizeof reply - 1, 0, out,
                                           sizeof out, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_register_reply_get(0, (const uint8_t *)reply, sizeof reply - 1, 5, out,
                                           sizeof out, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_register_reply_get(0, NULL, 3, 0, out, sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    /* The payload is not NUL-terminated: a reply cut before its end is refused. */
    CT_CHECK_RC(iotwire_register_reply_get(0, (const uint8_t *)reply, sizeof reply - 2, 0, out,
                                           sizeof out, &len),
                IOTWIRE_ERR_INVALID_JSON);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
}

void ct_suite_http(void)
{
    size_t i;
    size_t c;
    for (i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        char group[64];
        snprintf(group, sizeof group, "http/%s", calls[i].name);
        for (c = 0; c < sizeof checks / sizeof checks[0]; c++) {
            ct_run(group, checks[c].name, checks[c].fn, &calls[i]);
        }
    }
    ct_run("http", "status_names", t_status_names, NULL);
    ct_run("http", "options_init", t_options_init, NULL);
    ct_run("http", "auth_arguments", t_auth_arguments, NULL);
    ct_run("http", "dynreg_arguments", t_dynreg_arguments, NULL);
    ct_run("http", "publish_arguments", t_publish_arguments, NULL);
    ct_run("http", "response_arguments", t_response_arguments, NULL);
    ct_run("http", "reply_arguments", t_reply_arguments, NULL);
}

#else

void ct_suite_http(void)
{
}

#endif
