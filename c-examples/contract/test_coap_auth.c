/* The output contract of the CoAP auth and DTLS-PSK exports: guard bytes, sentinel *out_len,
 * each NULL argument, cap-0 size query, exact-1, exact, overlap, invalid selectors, struct
 * size, and the session rules (a size query or failure consumes nothing).
 *
 * Expected bytes come from the legacy vectors, not from the library: coap-flow-v320-01
 * (auth datagram, payload, sign) and coap-sign-04 style content; linksdk41-01 (SDK-form PSK). */
#include "contract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(IOTWIRE_HAS_COAP)

#define PK "a1NUjcVkHZS"
#define DN "dev00"
#define DS "mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD"
#define CID PK "." DN

/* coap-flow-v320-01 */
static const char k_content[] = "clientId" CID "deviceName" DN "productKey" PK "seq1000";
static const char k_sign[] = "dfcdc00c4915c2c6e626cb116c711196";
static const char k_payload[] = "{\"productKey\":\"" PK "\",\"deviceName\":\"" DN
                                "\",\"clientId\":\"" CID "\",\"sign\":\"dfcdc00c4915c2c6e626cb116c711196\","
                                "\"seq\":\"1000\"}";
static const uint8_t k_head[] = {0x44, 0x02, 0x03, 0xe8, 0x04, 0x03, 0x02, 0x01, 0xb4, 'a',
                                 'u',  't',  'h',  0x11, 0x32, 0x51, 0x32, 0xff};

/* linksdk41-01 */
#define PSK_PK "a1X2bEnP82z"
#define PSK_DN "example1"
#define PSK_DS "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
static const char k_identity[] = "devicename|hmacsha256|" PSK_PK "&" PSK_DN "|2524608000000";
static const char k_sdk_psk[] = "DBAA707383CDE5EF8EB9FF494E66D0A3076DC524CFB4FCF985824B76CEE4FC5C";

static void auth_fixture(iotwire_coap_auth_options_t *o)
{
    CT_CHECK_RC(iotwire_coap_auth_options_init(o), IOTWIRE_OK);
    o->profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    o->flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    o->seq = 1000;
    o->product_key = ct_exact_str(PK);
    o->device_name = ct_exact_str(DN);
    o->device_secret = ct_exact_str(DS);
    o->client_id = ct_exact_str(CID);
}

static void auth_free(iotwire_coap_auth_options_t *o)
{
    free((void *)(uintptr_t)o->product_key.ptr);
    free((void *)(uintptr_t)o->device_name.ptr);
    free((void *)(uintptr_t)o->device_secret.ptr);
    free((void *)(uintptr_t)o->client_id.ptr);
}

static void psk_fixture(iotwire_coap_dtls_psk_options_t *o)
{
    CT_CHECK_RC(iotwire_coap_dtls_psk_options_init(o), IOTWIRE_OK);
    o->form = IOTWIRE_COAP_DTLS_PSK_FORM_SDK;
    o->product_key = ct_exact_str(PSK_PK);
    o->device_name = ct_exact_str(PSK_DN);
    o->device_secret = ct_exact_str(PSK_DS);
}

static void psk_free(iotwire_coap_dtls_psk_options_t *o)
{
    free((void *)(uintptr_t)o->product_key.ptr);
    free((void *)(uintptr_t)o->device_name.ptr);
    free((void *)(uintptr_t)o->device_secret.ptr);
}

/* One (options, out, cap, len) export, text (NUL added) or binary. */
typedef int32_t (*out_fn)(const void *opts, char *out, size_t cap, size_t *len);

typedef struct {
    const char *name;
    out_fn fn;
    int text;
    int psk; /* options are iotwire_coap_dtls_psk_options_t */
    const char *expected;
    size_t expected_len;
    size_t max_size;
} out_export;

static int32_t sign_content(const void *o, char *out, size_t cap, size_t *len)
{
    return iotwire_coap_auth_get_sign_content((const iotwire_coap_auth_options_t *)o, out, cap,
                                              len);
}

static int32_t sign(const void *o, char *out, size_t cap, size_t *len)
{
    return iotwire_coap_auth_get_sign((const iotwire_coap_auth_options_t *)o, out, cap, len);
}

static int32_t payload(const void *o, char *out, size_t cap, size_t *len)
{
    return iotwire_coap_auth_get_payload((const iotwire_coap_auth_options_t *)o, (uint8_t *)out,
                                         cap, len);
}

static int32_t identity(const void *o, char *out, size_t cap, size_t *len)
{
    return iotwire_coap_dtls_psk_get_identity((const iotwire_coap_dtls_psk_options_t *)o, out,
                                              cap, len);
}

static int32_t psk_key(const void *o, char *out, size_t cap, size_t *len)
{
    return iotwire_coap_dtls_psk_get_key((const iotwire_coap_dtls_psk_options_t *)o,
                                         (uint8_t *)out, cap, len);
}

static const out_export k_exports[] = {
    {"sign_content", sign_content, 1, 0, k_content, sizeof k_content - 1,
     IOTWIRE_COAP_AUTH_SIGN_CONTENT_MAX_SIZE},
    {"sign", sign, 1, 0, k_sign, sizeof k_sign - 1, IOTWIRE_COAP_AUTH_SIGN_MAX_SIZE},
    {"payload", payload, 0, 0, k_payload, sizeof k_payload - 1, IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE},
    {"psk_identity", identity, 1, 1, k_identity, sizeof k_identity - 1,
     IOTWIRE_COAP_DTLS_PSK_IDENTITY_MAX_SIZE},
    {"psk_key", psk_key, 0, 1, k_sdk_psk, sizeof k_sdk_psk - 1,
     IOTWIRE_COAP_DTLS_PSK_KEY_MAX_SIZE},
};

static void expect_untouched(const out_export *e, const void *o, size_t cap, int32_t want,
                             const char *what)
{
    ct_buf b = ct_buf_new(cap);
    size_t len = CT_LEN_SENTINEL;
    int32_t rc = e->fn(o, b.out, cap, &len);
    if (rc != want) {
        ct_fail(__FILE__, __LINE__, "%s/%s returned %s, expected %s", e->name, what,
                iotwire_status_str(rc), iotwire_status_str(want));
    }
    if (!ct_untouched(&b) || len != CT_LEN_SENTINEL) {
        ct_fail(__FILE__, __LINE__, "%s/%s wrote on failure", e->name, what);
    }
    ct_buf_free(&b);
}

static void t_outputs(const void *arg)
{
    const out_export *e = (const out_export *)arg;
    iotwire_coap_auth_options_t auth;
    iotwire_coap_dtls_psk_options_t psk;
    const void *o;
    size_t need = CT_LEN_SENTINEL;
    size_t exact;
    size_t len;
    ct_buf b;

    auth_fixture(&auth);
    psk_fixture(&psk);
    o = e->psk ? (const void *)&psk : (const void *)&auth;
    exact = e->expected_len + (e->text ? 1u : 0u);
    CT_CHECK(exact <= e->max_size);

    /* Size query: capacity incl. NUL for text, exact length for bytes. */
    CT_CHECK_RC(e->fn(o, NULL, 0, &need), IOTWIRE_OK);
    CT_CHECK_SIZE(need, exact);
    /* Exact fit: the bytes, the NUL, the length, nothing past it. */
    b = ct_buf_new(exact);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(e->fn(o, b.out, exact, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, e->expected_len);
    CT_CHECK(memcmp(b.out, e->expected, e->expected_len) == 0);
    if (e->text) {
        CT_CHECK(b.out[e->expected_len] == '\0');
    }
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    /* Larger buffer: bytes after the output untouched. */
    b = ct_buf_new(exact + 8);
    CT_CHECK_RC(e->fn(o, b.out, exact + 8, &len), IOTWIRE_OK);
    CT_CHECK(ct_tail_untouched(&b, exact));
    ct_buf_free(&b);

    expect_untouched(e, o, exact - 1, IOTWIRE_ERR_BUFFER_TOO_SMALL, "exact-1");
    expect_untouched(e, o, 1, IOTWIRE_ERR_BUFFER_TOO_SMALL, "cap 1");
    /* NULL arguments. */
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(e->fn(NULL, NULL, 0, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(e->fn(o, NULL, 0, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(e->fn(o, NULL, 8, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    {
        ct_buf nb = ct_buf_new(exact);
        CT_CHECK_RC(e->fn(o, nb.out, exact, NULL), IOTWIRE_ERR_NULL_POINTER);
        CT_CHECK(ct_untouched(&nb));
        ct_buf_free(&nb);
    }
    /* An input string inside the output buffer, then out_len inside it. */
    {
        ct_buf ob = ct_buf_new(exact + 64);
        iotwire_str_t *pk = e->psk ? &psk.product_key : &auth.product_key;
        const char *orig = pk->ptr;
        size_t len_at = (exact + 16u + 7u) & ~(size_t)7u;
        memcpy(ob.out + 32, orig, pk->len);
        ct_buf_mark(&ob);
        pk->ptr = ob.out + 32;
        len = CT_LEN_SENTINEL;
        CT_CHECK_RC(e->fn(o, ob.out, exact + 64, &len), IOTWIRE_ERR_OVERLAP);
        CT_CHECK(ct_untouched(&ob));
        CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
        pk->ptr = orig;
        CT_CHECK_RC(e->fn(o, ob.out, exact + 64, (size_t *)(void *)(ob.out + len_at)),
                    IOTWIRE_ERR_OVERLAP);
        CT_CHECK(ct_untouched(&ob));
        ct_buf_free(&ob);
    }
    /* {NULL, n > 0} input, struct size, selectors. */
    if (e->psk) {
        iotwire_coap_dtls_psk_options_t bad = psk;
        bad.device_name.ptr = NULL;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_NULL_POINTER, "null string");
        bad = psk;
        bad.struct_size = (uint32_t)(sizeof bad - 1);
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_STRUCT_SIZE, "struct size");
        bad = psk;
        bad.form = 2;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_SELECTOR, "form");
        bad = psk;
        bad.sign_method = 4;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_SELECTOR, "sign method");
        bad = psk;
        bad.reserved = 1;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_ARGUMENT, "reserved");
    } else {
        iotwire_coap_auth_options_t bad = auth;
        bad.device_name.ptr = NULL;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_NULL_POINTER, "null string");
        bad = auth;
        bad.struct_size = (uint32_t)(sizeof bad - 1);
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_STRUCT_SIZE, "struct size");
        bad = auth;
        bad.profile = 3;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_SELECTOR, "profile");
        bad = auth;
        bad.format = 51;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_SELECTOR, "format");
        bad = auth;
        bad.sign_method = 4;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_SELECTOR, "sign method");
        bad = auth;
        bad.flags = 4;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_ARGUMENT, "flags");
        bad = auth;
        bad.reserved = 1;
        expect_untouched(e, &bad, exact, IOTWIRE_ERR_INVALID_ARGUMENT, "reserved");
    }
    auth_free(&auth);
    psk_free(&psk);
}

static void t_init_null(const void *arg)
{
    (void)arg;
    CT_CHECK_RC(iotwire_coap_auth_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_dtls_psk_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
}

/* The whole datagram: coap-flow-v320-01's auth_request_hex is k_head + k_payload. */
static void check_datagram(const unsigned char *d, size_t len)
{
    CT_CHECK_SIZE(len, sizeof k_head + sizeof k_payload - 1);
    CT_CHECK(memcmp(d, k_head, sizeof k_head) == 0);
    CT_CHECK(memcmp(d + sizeof k_head, k_payload, sizeof k_payload - 1) == 0);
}

static void t_build_request(const void *arg)
{
    static const uint8_t token[4] = {4, 3, 2, 1};
    iotwire_coap_auth_options_t o;
    size_t exact = sizeof k_head + sizeof k_payload - 1;
    size_t len = CT_LEN_SENTINEL;
    ct_buf b;
    (void)arg;
    auth_fixture(&o);
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1000, token, 4, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, exact);
    CT_CHECK(exact <= IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE);
    b = ct_buf_new(exact);
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1000, token, 4, (uint8_t *)b.out, exact, &len),
                IOTWIRE_OK);
    check_datagram((const unsigned char *)b.out, len);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    b = ct_buf_new(exact - 1);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1000, token, 4, (uint8_t *)b.out, exact - 1,
                                                &len),
                IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK(ct_untouched(&b) && len == CT_LEN_SENTINEL);
    ct_buf_free(&b);
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1, NULL, 2, NULL, 0, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1, token, 9, NULL, 0, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_coap_auth_build_request(NULL, 1, token, 4, NULL, 0, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1, token, 4, NULL, 0, NULL),
                IOTWIRE_ERR_NULL_POINTER);
    /* The token inside the output. */
    b = ct_buf_new(exact + 16);
    memcpy(b.out + 8, token, 4);
    ct_buf_mark(&b);
    CT_CHECK_RC(iotwire_coap_auth_build_request(&o, 1000, (const uint8_t *)b.out + 8, 4,
                                                (uint8_t *)b.out, exact + 16, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
    auth_free(&o);
}

static void t_build_session(const void *arg)
{
    iotwire_coap_auth_options_t o;
    iotwire_coap_session_t s;
    iotwire_coap_session_t blank;
    size_t exact = sizeof k_head + sizeof k_payload - 1;
    size_t len = CT_LEN_SENTINEL;
    ct_buf b;
    (void)arg;
    auth_fixture(&o);
    CT_CHECK_RC(iotwire_coap_session_init(&s, 1000), IOTWIRE_OK);
    /* A size query and a failed build consume nothing: the next write still gets 1000. */
    CT_CHECK_RC(iotwire_coap_auth_build(&s, &o, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, exact);
    b = ct_buf_new(exact - 1);
    CT_CHECK_RC(iotwire_coap_auth_build(&s, &o, (uint8_t *)b.out, exact - 1, &len),
                IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
    b = ct_buf_new(exact);
    CT_CHECK_RC(iotwire_coap_auth_build(&s, &o, (uint8_t *)b.out, exact, &len), IOTWIRE_OK);
    check_datagram((const unsigned char *)b.out, len);
    /* The second build uses the next message id and token. */
    CT_CHECK_RC(iotwire_coap_auth_build(&s, &o, (uint8_t *)b.out, exact, &len), IOTWIRE_OK);
    CT_CHECK((unsigned char)b.out[3] == 0xe9 && (unsigned char)b.out[4] == 0x05);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    CT_CHECK_RC(iotwire_coap_auth_build(NULL, &o, NULL, 0, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_build(&s, NULL, NULL, 0, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_build(&s, &o, NULL, 0, NULL), IOTWIRE_ERR_NULL_POINTER);
    memset(&blank, 0, sizeof blank);
    CT_CHECK_RC(iotwire_coap_auth_build(&blank, &o, NULL, 0, &len),
                IOTWIRE_ERR_COAP_INVALID_SESSION);
    /* Output over the session itself. */
    CT_CHECK_RC(iotwire_coap_auth_build(&s, &o, (uint8_t *)&s, sizeof s, &len),
                IOTWIRE_ERR_OVERLAP);
    iotwire_coap_session_clear(&s);
    auth_free(&o);
}

/* ACK 2.05, mid 0x03e8, token 04030201, {"random":"ad2b3a5eb51d64ab","seqOffset":1,"token":"T"} */
static const uint8_t k_reply[] = {
    0x64, 0x45, 0x03, 0xe8, 0x04, 0x03, 0x02, 0x01, 0xff, '{', '"', 'r', 'a', 'n', 'd',
    'o',  'm',  '"',  ':',  '"',  'a',  'd',  '2',  'b',  '3', 'a', '5', 'e', 'b', '5',
    '1',  'd',  '6',  '4',  'a',  'b',  '"',  ',',  '"',  's', 'e', 'q', 'O', 'f', 'f',
    's',  'e',  't',  '"',  ':',  '1',  ',',  '"',  't',  'o', 'k', 'e', 'n', '"', ':',
    '"',  'T',  '"',  '}'};

static void t_parse(const void *arg)
{
    iotwire_coap_auth_reply_t r;
    iotwire_coap_auth_reply_t untouched;
    uint8_t *copy = (uint8_t *)malloc(sizeof k_reply);
    (void)arg;
    memcpy(copy, k_reply, sizeof k_reply);
    memset(&r, 0xA5, sizeof r);
    untouched = r;
    CT_CHECK_RC(iotwire_coap_auth_parse_response(copy, sizeof k_reply, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_OK);
    CT_CHECK(r.code == 0x45 && r.message_type == 2 && r.message_id == 1000);
    CT_CHECK(r.coap_token_len == 4 && r.coap_token[0] == 4);
    CT_CHECK_STR(r.auth_token, "T");
    CT_CHECK_STR(r.random, "ad2b3a5eb51d64ab");
    CT_CHECK(r.flags == (IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM | IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET));
    CT_CHECK(r.seq_offset == 1);
    /* Failures leave the reply alone. */
    r = untouched;
    CT_CHECK_RC(iotwire_coap_auth_parse_response(copy, sizeof k_reply - 1,
                                                 IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_INVALID_JSON);
    CT_CHECK(memcmp(&r, &untouched, sizeof r) == 0);
    CT_CHECK_RC(iotwire_coap_auth_parse_response(copy, 3, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_COAP_MALFORMED);
    CT_CHECK_RC(iotwire_coap_auth_parse_response(copy, sizeof k_reply, 7, &r),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK(memcmp(&r, &untouched, sizeof r) == 0);
    CT_CHECK_RC(iotwire_coap_auth_parse_response(copy, sizeof k_reply, IOTWIRE_COAP_FORMAT_JSON,
                                                 NULL),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_parse_response(NULL, 4, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_parse_response(NULL, 0, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_COAP_MALFORMED);
    free(copy);
    /* The reply struct overlapping the datagram. */
    {
        unsigned char *both = (unsigned char *)malloc(sizeof r + sizeof k_reply);
        memcpy(both, k_reply, sizeof k_reply);
        CT_CHECK_RC(iotwire_coap_auth_parse_response(
                        both, sizeof k_reply, IOTWIRE_COAP_FORMAT_JSON,
                        (iotwire_coap_auth_reply_t *)(void *)both),
                    IOTWIRE_ERR_OVERLAP);
        CT_CHECK(memcmp(both, k_reply, sizeof k_reply) == 0);
        free(both);
    }
}

/* The payload of k_reply (after the 0xff marker) given to the payload-only parser. */
static void t_parse_payload(const void *arg)
{
    static const size_t off = 9; /* header 4, token 4, marker */
    const size_t n = sizeof k_reply - off;
    iotwire_coap_auth_reply_t r;
    iotwire_coap_auth_reply_t untouched;
    uint8_t *copy = (uint8_t *)malloc(n);
    (void)arg;
    memcpy(copy, k_reply + off, n);
    memset(&r, 0xA5, sizeof r);
    untouched = r;
    CT_CHECK_RC(iotwire_coap_auth_parse_payload(copy, n, IOTWIRE_COAP_FORMAT_JSON, &r), IOTWIRE_OK);
    CT_CHECK(r.code == 0 && r.message_type == 0 && r.message_id == 0 && r.coap_token_len == 0);
    CT_CHECK_STR(r.auth_token, "T");
    CT_CHECK_STR(r.random, "ad2b3a5eb51d64ab");
    CT_CHECK(r.flags == (IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM | IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET));
    CT_CHECK(r.seq_offset == 1);
    /* Failures leave the reply alone. */
    r = untouched;
    CT_CHECK_RC(iotwire_coap_auth_parse_payload(copy, n - 1, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_INVALID_JSON);
    CT_CHECK_RC(iotwire_coap_auth_parse_payload(copy, n, 7, &r), IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_coap_auth_parse_payload((const uint8_t *)"{}", 2, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_MISSING_FIELD);
    CT_CHECK_RC(iotwire_coap_auth_parse_payload(NULL, 4, IOTWIRE_COAP_FORMAT_JSON, &r),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(memcmp(&r, &untouched, sizeof r) == 0);
    CT_CHECK_RC(iotwire_coap_auth_parse_payload(copy, n, IOTWIRE_COAP_FORMAT_JSON, NULL),
                IOTWIRE_ERR_NULL_POINTER);
    free(copy);
    {
        unsigned char *both = (unsigned char *)malloc(sizeof r + n);
        memcpy(both, k_reply + off, n);
        CT_CHECK_RC(iotwire_coap_auth_parse_payload(both, n, IOTWIRE_COAP_FORMAT_JSON,
                                                    (iotwire_coap_auth_reply_t *)(void *)both),
                    IOTWIRE_ERR_OVERLAP);
        CT_CHECK(memcmp(both, k_reply + off, n) == 0);
        free(both);
    }
}

static void t_accept(const void *arg)
{
    iotwire_coap_auth_options_t o;
    iotwire_coap_session_t s;
    iotwire_coap_session_t before;
    iotwire_coap_auth_reply_t r;
    (void)arg;
    auth_fixture(&o);
    CT_CHECK_RC(iotwire_coap_session_init(&s, 1000), IOTWIRE_OK);
    before = s;
    CT_CHECK_RC(iotwire_coap_auth_accept_response(NULL, &o, k_reply, sizeof k_reply, &r),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_accept_response(&s, NULL, k_reply, sizeof k_reply, &r),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_accept_response(&s, &o, NULL, 4, &r), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_coap_auth_accept_response(&s, &o, k_reply, 3, &r),
                IOTWIRE_ERR_COAP_MALFORMED);
    CT_CHECK_RC(iotwire_coap_auth_accept_response(&s, &o, k_reply, sizeof k_reply,
                                                  (iotwire_coap_auth_reply_t *)(void *)&s),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(memcmp(&s, &before, sizeof s) == 0);
    /* reply may be NULL. */
    CT_CHECK_RC(iotwire_coap_auth_accept_response(&s, &o, k_reply, sizeof k_reply, NULL),
                IOTWIRE_OK);
    CT_CHECK(memcmp(&s, &before, sizeof s) != 0);
    iotwire_coap_session_clear(&s);
    auth_free(&o);
}

#endif

void ct_suite_coap_auth(void)
{
#if defined(IOTWIRE_HAS_COAP)
    size_t i;
    ct_run("coap_auth", "init_null", t_init_null, NULL);
    for (i = 0; i < sizeof k_exports / sizeof k_exports[0]; i++) {
        ct_run("coap_auth", k_exports[i].name, t_outputs, &k_exports[i]);
    }
    ct_run("coap_auth", "build_request", t_build_request, NULL);
    ct_run("coap_auth", "build_session", t_build_session, NULL);
    ct_run("coap_auth", "parse_response", t_parse, NULL);
    ct_run("coap_auth", "parse_payload", t_parse_payload, NULL);
    ct_run("coap_auth", "accept_response", t_accept, NULL);
#endif
}
