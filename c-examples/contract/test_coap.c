/* Contract tests of the CoAP exports: every NULL argument, size query, capacity exact-1 and
 * exact, overlap, invalid selectors and uninitialised sessions, with guarded buffers. Expected
 * bytes come from the legacy vectors (coap-flow-v320-01, coap-key-01, coap-enc-04,
 * coap-dec-01) or are written out by hand. */
#include "contract.h"

#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_HEX "03d67b8294a6647314cc376ab61d090a"
#define DS "mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD"
#define RANDOM "ad2b3a5eb51d64ab"
#define TOPIC "/sys/a1NUjcVkHZS/dev00/thing/event/property/post"
#define PAYLOAD "{\"id\":\"0\",\"version\":\"1.0\",\"params\":{\"t\":0}}"
/* coap-flow-v320-01 publish_hex */
#define FLOW_HEX                                                                             \
    "440203e905030201b5746f706963037379730b61314e556a63566b485a53056465763030057468696e6705" \
    "6576656e740870726f706572747904706f73741132512adc1f544f4b454e30302e61626364ed06df03f1e7" \
    "807c31e3c58fd4d963afb2c83406ffdbc0deed637b6634e36e023f5a46abe3e98d963bb0c1b2b8192096ca" \
    "ff41efe94fd51aec36c77ac18df8ec507b4304e7"

static size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = strlen(hex) / 2;
    size_t i;
    for (i = 0; i < n && i < cap; i++) {
        unsigned v = 0;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) {
            abort();
        }
        out[i] = (uint8_t)v;
    }
    return i;
}

static uint8_t *bytes_of(ct_buf *b)
{
    return (uint8_t *)(void *)b->out;
}

/* One call of a byte-output export with the output triple left open. */
typedef int32_t (*bytes_call)(const void *ctx, uint8_t *out, size_t cap, size_t *len);

/* The output contract every byte-output export shares. */
static void check_bytes_contract(const void *ctx, bytes_call call, const uint8_t *want,
                                 size_t want_len)
{
    ct_buf b = ct_buf_new(want_len + 8);
    size_t len = CT_LEN_SENTINEL;
    CT_CHECK_RC(call(ctx, bytes_of(&b), b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(call(ctx, NULL, 4, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(call(ctx, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, want_len);
    len = CT_LEN_SENTINEL;
    if (want_len > 0) {
        CT_CHECK_RC(call(ctx, bytes_of(&b), want_len - 1, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
        CT_CHECK(ct_untouched(&b));
        CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    }
    /* out_len inside the output buffer. */
    CT_CHECK_RC(call(ctx, bytes_of(&b), b.cap, (size_t *)(void *)(b.out + 8)),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(call(ctx, bytes_of(&b), want_len, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, want_len);
    CT_CHECK(ct_guards_intact(&b));
    CT_CHECK(memcmp(b.out, want, want_len) == 0);
    CT_CHECK(ct_tail_untouched(&b, want_len));
    ct_buf_free(&b);
}

static iotwire_coap_session_t flow_session(void)
{
    iotwire_coap_session_t s;
    uint8_t key[16];
    unhex(KEY_HEX, key, sizeof key);
    CT_CHECK_RC(iotwire_coap_session_init(&s, 1001), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(&s, iotwire_str("TOKEN00.abcd")), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_set_key(&s, key, sizeof key), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_set_next_seq(&s, 1), IOTWIRE_OK);
    return s;
}

static iotwire_coap_publish_options_t flow_options(void)
{
    iotwire_coap_publish_options_t o;
    CT_CHECK_RC(iotwire_coap_publish_options_init(&o), IOTWIRE_OK);
    o.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    o.flags = IOTWIRE_COAP_FLAG_TOKEN;
    o.token_len = 4;
    o.token[0] = 5;
    o.token[1] = 3;
    o.token[2] = 2;
    o.token[3] = 1;
    o.topic = ct_exact_str(TOPIC);
    o.payload = ct_exact_str(PAYLOAD);
    return o;
}

static void free_options(iotwire_coap_publish_options_t *o)
{
    free((void *)(uintptr_t)o->topic.ptr);
    free((void *)(uintptr_t)o->payload.ptr);
}

/* Every call starts from the same session copy, so counters do not drift between calls. */
static int32_t call_publish(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    const iotwire_coap_publish_options_t *o = (const iotwire_coap_publish_options_t *)ctx;
    iotwire_coap_session_t s = flow_session();
    int32_t rc = iotwire_coap_publish_build(&s, o, out, cap, len);
    iotwire_coap_session_clear(&s);
    return rc;
}

static void t_publish_contract(const void *arg)
{
    uint8_t want[512];
    size_t want_len = unhex(FLOW_HEX, want, sizeof want);
    iotwire_coap_publish_options_t o = flow_options();
    (void)arg;
    check_bytes_contract(&o, call_publish, want, want_len);
    free_options(&o);
}

static void t_publish_arguments(const void *arg)
{
    iotwire_coap_publish_options_t o = flow_options();
    iotwire_coap_session_t s = flow_session();
    iotwire_coap_session_t raw;
    ct_buf b = ct_buf_new(512);
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    CT_CHECK_RC(iotwire_coap_publish_build(NULL, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_publish_build(&s, NULL, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    memset(&raw, 0, sizeof raw);
    CT_CHECK_RC(iotwire_coap_publish_build(&raw, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_COAP_INVALID_SESSION);
    o.profile = 3;
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    o.profile = IOTWIRE_COAP_PROFILE_DOC;
    o.content_format = 42;
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    o.content_format = IOTWIRE_COAP_FORMAT_CBOR;
    o.token_option = 62;
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    o.token_option = 0;
    o.flags = 0x100;
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    o.flags = 0;
    o.struct_size = 8;
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_INVALID_STRUCT_SIZE);
    o.struct_size = (uint32_t)sizeof o;
    o.max_datagram = 40;
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE);
    o.max_datagram = 0;
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    /* The output may not overlap the session. */
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, (uint8_t *)(void *)&s, sizeof s, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_coap_session_clear(&s), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_publish_build(&s, &o, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_COAP_NOT_AUTHENTICATED);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
    free_options(&o);
}

static void t_session_functions(const void *arg)
{
    iotwire_coap_session_t s;
    iotwire_coap_session_t raw;
    uint8_t key[16] = {0};
    char long_token[IOTWIRE_COAP_AUTH_TOKEN_MAX + 2];
    iotwire_str_t bad = {NULL, 3};
    (void)arg;
    memset(long_token, 'a', sizeof long_token - 1);
    long_token[sizeof long_token - 1] = '\0';
    memset(&raw, 0x5a, sizeof raw);
    CT_CHECK(sizeof s == IOTWIRE_COAP_SESSION_SIZE);
    CT_CHECK_RC(iotwire_coap_session_init(NULL, 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_init(&s, 1), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_clear(NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_clear(&raw), IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(NULL, iotwire_str("t")),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(&s, bad), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(&s, iotwire_str("")),
                IOTWIRE_ERR_MISSING_FIELD);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(&s, iotwire_str(long_token + 1)), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(&s, iotwire_str(long_token)),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_coap_session_set_auth_token(&raw, iotwire_str("t")),
                IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_session_set_seq_offset(NULL, 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_set_seq_offset(&s, UINT32_MAX), IOTWIRE_ERR_OVERFLOW);
    CT_CHECK_RC(iotwire_coap_session_set_seq_offset(&s, 1), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_set_seq_offset(&raw, 1), IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_session_set_next_seq(NULL, 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_set_next_seq(&raw, 1), IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_session_set_next_seq(&s, 5), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_set_key(NULL, key, 16), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_set_key(&s, NULL, 16), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_set_key(&s, key, 15), IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_coap_session_set_key(&raw, key, 16), IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_session_set_key(&s, key, 16), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_derive_key(NULL, iotwire_str(DS), iotwire_str(RANDOM)),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_derive_key(&s, bad, iotwire_str(RANDOM)),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_session_derive_key(&raw, iotwire_str(DS), iotwire_str(RANDOM)),
                IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_session_derive_key(&s, iotwire_str(DS), iotwire_str(RANDOM)),
                IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_session_clear(&s), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_coap_publish_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
}

static int32_t call_derive(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_coap_derive_key(iotwire_str(DS), iotwire_str(RANDOM), out, cap, len);
}

static void t_derive_key(const void *arg)
{
    uint8_t want[16];
    iotwire_str_t bad = {NULL, 2};
    size_t len = CT_LEN_SENTINEL;
    char ds_copy[sizeof DS];
    (void)arg;
    unhex(KEY_HEX, want, sizeof want);
    check_bytes_contract(NULL, call_derive, want, sizeof want);
    CT_CHECK_RC(iotwire_coap_derive_key(bad, iotwire_str(RANDOM), want, 16, &len),
                IOTWIRE_ERR_NULL_POINTER);
    memcpy(ds_copy, DS, sizeof DS);
    CT_CHECK_RC(iotwire_coap_derive_key(iotwire_str(ds_copy), iotwire_str(RANDOM),
                                        (uint8_t *)(void *)ds_copy, 16, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
}

typedef struct aes_ctx {
    const uint8_t *key;
    size_t key_len;
    const uint8_t *in;
    size_t in_len;
    int decrypt;
} aes_ctx;

static int32_t call_aes(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    const aes_ctx *c = (const aes_ctx *)ctx;
    return c->decrypt ? iotwire_coap_aes_decrypt(c->key, c->key_len, c->in, c->in_len, out, cap, len)
                      : iotwire_coap_aes_encrypt(c->key, c->key_len, c->in, c->in_len, out, cap, len);
}

static void t_aes(const void *arg)
{
    /* coap-enc-04 and coap-dec-01 */
    uint8_t key[16];
    uint8_t pt[16];
    uint8_t ct[32];
    uint8_t dec_ct[32];
    uint8_t dec_pt[32];
    uint8_t buf[64];
    size_t len = CT_LEN_SENTINEL;
    aes_ctx c;
    (void)arg;
    unhex(KEY_HEX, key, sizeof key);
    unhex("30313233343536373839616263646566", pt, sizeof pt);
    unhex("0ca7174d1e9ca05e5f88c1ec59b101c7320fc59c678a35deeda6fa81535b3bd0", ct, sizeof ct);
    unhex("d43cf50a5238e97fc7d6c8c2be88332792de8d0e0873bd5372a7d6b6cc60a55f", dec_ct,
          sizeof dec_ct);
    unhex("7b22636f6465223a3230302c2264617461223a7b7d2c226964223a2231227d", dec_pt,
          sizeof dec_pt);
    c.key = key;
    c.key_len = 16;
    c.in = pt;
    c.in_len = 16;
    c.decrypt = 0;
    check_bytes_contract(&c, call_aes, ct, sizeof ct);
    c.in = dec_ct;
    c.in_len = 32;
    c.decrypt = 1;
    check_bytes_contract(&c, call_aes, dec_pt, 31);
    CT_CHECK_RC(iotwire_coap_aes_encrypt(NULL, 16, pt, 16, buf, sizeof buf, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_aes_encrypt(key, 16, NULL, 16, buf, sizeof buf, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_aes_encrypt(key, 17, pt, 16, buf, sizeof buf, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_coap_aes_decrypt(key, 16, NULL, 16, buf, sizeof buf, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_aes_decrypt(key, 0, dec_ct, 32, buf, sizeof buf, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_coap_aes_decrypt(key, 16, dec_ct, 31, buf, sizeof buf, &len),
                IOTWIRE_ERR_COAP_BAD_PADDING);
    CT_CHECK_RC(iotwire_coap_aes_decrypt(key, 16, NULL, 0, buf, sizeof buf, &len),
                IOTWIRE_ERR_COAP_BAD_PADDING);
    /* In-place is an overlap. */
    CT_CHECK_RC(iotwire_coap_aes_decrypt(key, 16, dec_ct, 32, dec_ct, 32, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_coap_aes_encrypt(key, 16, pt, 16, key, 32, &len), IOTWIRE_ERR_OVERLAP);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
}

/* ACK 2.05, mid 0x1234, token 05 03 02 01, option 2090 "8899", coap-dec-01 ciphertext. */
static size_t response_datagram(uint8_t *d)
{
    static const uint8_t head[] = {0x64, 0x45, 0x12, 0x34, 5, 3, 2, 1,
                                   0xe4, 0x07, 0x1d, '8', '8', '9', '9', 0xff};
    memcpy(d, head, sizeof head);
    unhex("d43cf50a5238e97fc7d6c8c2be88332792de8d0e0873bd5372a7d6b6cc60a55f", d + sizeof head,
          32);
    return sizeof head + 32;
}

typedef struct parse_ctx {
    const iotwire_coap_session_t *s;
    const uint8_t *d;
    size_t n;
    iotwire_coap_response_t *r;
} parse_ctx;

static int32_t call_parse(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    const parse_ctx *c = (const parse_ctx *)ctx;
    return iotwire_coap_parse_response(c->s, c->d, c->n, c->r, out, cap, len);
}

static void t_parse_response(const void *arg)
{
    uint8_t d[64];
    uint8_t want[32];
    size_t n = response_datagram(d);
    iotwire_coap_session_t s = flow_session();
    iotwire_coap_session_t raw;
    iotwire_coap_response_t r;
    parse_ctx c;
    ct_buf b = ct_buf_new(64);
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    memset(&raw, 0, sizeof raw);
    unhex("7b22636f6465223a3230302c2264617461223a7b7d2c226964223a2231227d", want, sizeof want);
    c.s = &s;
    c.d = d;
    c.n = n;
    c.r = &r;
    check_bytes_contract(&c, call_parse, want, 31);
    CT_CHECK_RC(r.status, IOTWIRE_OK);
    CT_CHECK(r.code == 0x45 && r.message_type == 2 && r.message_id == 0x1234);
    CT_CHECK(r.token_len == 4 && r.token[0] == 5 && r.token[3] == 1);
    CT_CHECK(r.has_cloud_message_id == 1 && r.cloud_message_id_len == 4);
    CT_CHECK(memcmp(d + r.cloud_message_id_offset, "8899", 4) == 0);
    CT_CHECK(r.payload_offset == 16 && r.payload_raw_len == 32);
    CT_CHECK_RC(iotwire_coap_parse_response(&s, d, n, NULL, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_parse_response(&s, NULL, 4, &r, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_parse_response(&raw, d, n, &r, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_COAP_INVALID_SESSION);
    CT_CHECK_RC(iotwire_coap_parse_response(&s, d, 3, &r, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_COAP_MALFORMED);
    d[n - 1] ^= 0x01;
    CT_CHECK_RC(iotwire_coap_parse_response(&s, d, n, &r, bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_COAP_BAD_PADDING);
    d[n - 1] ^= 0x01;
    /* Outputs overlapping the datagram or each other. */
    CT_CHECK_RC(iotwire_coap_parse_response(&s, d, n, (iotwire_coap_response_t *)(void *)d,
                                            bytes_of(&b), b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_coap_parse_response(&s, d, n, &r, (uint8_t *)(void *)&r, sizeof r, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_coap_parse_response(&s, d, n, &r, d, n, &len), IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    /* Without a session the payload is returned as received. */
    CT_CHECK_RC(iotwire_coap_parse_response(NULL, d, n, &r, bytes_of(&b), b.cap, &len),
                IOTWIRE_OK);
    CT_CHECK_SIZE(len, 32);
    CT_CHECK(memcmp(b.out, d + 16, 32) == 0);
    /* 4.01 is understood and reported in status. */
    d[1] = 0x81;
    CT_CHECK_RC(iotwire_coap_parse_response(NULL, d, n, &r, bytes_of(&b), b.cap, &len),
                IOTWIRE_OK);
    CT_CHECK_RC(r.status, IOTWIRE_ERR_COAP_UNAUTHORIZED);
    iotwire_coap_session_clear(&s);
    ct_buf_free(&b);
}

void ct_suite_coap(void)
{
    ct_run("coap", "session_functions", t_session_functions, NULL);
    ct_run("coap", "publish_contract", t_publish_contract, NULL);
    ct_run("coap", "publish_arguments", t_publish_arguments, NULL);
    ct_run("coap", "derive_key", t_derive_key, NULL);
    ct_run("coap", "aes", t_aes, NULL);
    ct_run("coap", "parse_response", t_parse_response, NULL);
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int ct_coap_not_built;
#endif
