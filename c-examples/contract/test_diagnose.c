/* Contract of iotwire_explain and iotwire_check_connect (feature diagnose): the JSON report
 * through NULL / size query / exact-1 / exact / overlap with guard bytes, the nullable verdict
 * and problem-count outputs (written on success only, never over an input or the output), the
 * selectors, and the verdicts of well-formed and malformed input. Inputs are exact-size heap
 * copies, so a read past one is an ASan (or, for the Rust side, valgrind) error. */
#include "contract.h"
#include "fixture.h"

#include <stdlib.h>
#include <string.h>

#if defined(IOTWIRE_HAS_DIAGNOSE)

/* MQTT 3.1.1 CONNECT, written out: client id "c|securemode=2,signmethod=hmacsha256|",
 * user "u", password "p", keepalive 60. */
static const uint8_t k_connect[] = {
    0x10, 0x37, 0x00, 0x04, 'M',  'Q', 'T', 'T', 0x04, 0xc2, 0x00, 0x3c, 0x00, 0x25, 'c',
    '|',  's',  'e',  'c',  'u',  'r', 'e', 'm', 'o',  'd',  'e',  '=',  '2',  ',',  's',
    'i',  'g',  'n',  'm',  'e',  't', 'h', 'o', 'd',  '=',  'h',  'm',  'a',  'c',  's',
    'h',  'a',  '2',  '5',  '6',  '|', 0x00, 0x01, 'u', 0x00, 0x01, 'p'};

typedef struct explain_case {
    const char *name;
    uint32_t protocol;
    const uint8_t *input;
    size_t input_len;
    int32_t verdict;
} explain_case;

static uint8_t *exact_bytes(const uint8_t *src, size_t len)
{
    return (uint8_t *)ct_exact_copy((const char *)src, len);
}

static void t_explain_contract(const void *arg)
{
    const explain_case *c = (const explain_case *)arg;
    uint8_t *in = exact_bytes(c->input, c->input_len);
    size_t need = CT_LEN_SENTINEL;
    size_t len = CT_LEN_SENTINEL;
    int32_t verdict = 12345;
    ct_buf b;

    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, NULL, 0, &need, &verdict),
                IOTWIRE_OK);
    CT_CHECK_RC(verdict, c->verdict);
    b = ct_buf_new(need + 8u);
    verdict = 12345;
    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, NULL, 1, &len, &verdict),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, b.out, b.cap, NULL,
                                &verdict),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, b.out, need - 1u, &len,
                                &verdict),
                IOTWIRE_ERR_BUFFER_TOO_SMALL);
    /* out_len, then the verdict, inside the output buffer. */
    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, b.out, b.cap,
                                (size_t *)(void *)(b.out + 8), &verdict),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, b.out, b.cap, &len,
                                (int32_t *)(void *)(b.out + 8)),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(verdict, 12345);

    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, b.out, need, &len,
                                &verdict),
                IOTWIRE_OK);
    CT_CHECK_SIZE(len, need - 1u);
    CT_CHECK_RC(verdict, c->verdict);
    CT_CHECK(b.out[0] == '{' && b.out[len - 1u] == '}' && b.out[len] == '\0');
    CT_CHECK((strstr(b.out, "\"error\":{\"at\":") != NULL) == (c->verdict != IOTWIRE_OK));
    CT_CHECK(ct_guards_intact(&b));
    CT_CHECK(ct_tail_untouched(&b, need));
    /* The verdict output is optional. */
    CT_CHECK_RC(iotwire_explain(c->protocol, in, c->input_len, NULL, 0, b.out, need, &len, NULL),
                IOTWIRE_OK);
    ct_buf_free(&b);
    free(in);
}

static void t_explain_arguments(const void *arg)
{
    static const uint8_t key[16] = {0};
    uint8_t *in = exact_bytes(k_connect, sizeof k_connect);
    size_t len = CT_LEN_SENTINEL;
    int32_t verdict = 7;
    ct_buf b = ct_buf_new(512u);
    (void)arg;
    CT_CHECK_RC(iotwire_explain(4, in, sizeof k_connect, NULL, 0, NULL, 0, &len, &verdict),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_explain(0, in, sizeof k_connect, key, 15, NULL, 0, &len, &verdict),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_explain(0, in, sizeof k_connect, NULL, 16, NULL, 0, &len, &verdict),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_explain(0, NULL, 3, NULL, 0, NULL, 0, &len, &verdict),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(verdict, 7);
    /* The verdict on top of the input or the key. */
    CT_CHECK_RC(iotwire_explain(0, in, sizeof k_connect, NULL, 0, NULL, 0, &len,
                                (int32_t *)(void *)(in + 4)),
                IOTWIRE_ERR_OVERLAP);
    /* The report written over its own input. */
    memcpy(b.out, k_connect, 8);
    ct_buf_mark(&b);
    CT_CHECK_RC(iotwire_explain(0, (const uint8_t *)b.out, 2, NULL, 0, b.out, b.cap, &len, NULL),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    /* A 16-byte key is accepted for any protocol. */
    CT_CHECK_RC(iotwire_explain(0, in, sizeof k_connect, key, 16, NULL, 0, &len, &verdict),
                IOTWIRE_OK);
    CT_CHECK_RC(verdict, IOTWIRE_OK);
    ct_buf_free(&b);
    free(in);
}

/* The fixture's device, and its CONNECT as the library builds it. */
static size_t fixture_connect(uint8_t *out, size_t cap, iotwire_mqtt_options_t *o)
{
    size_t len = 0;
    fx_baseline(o);
    o->keepalive_s = 60;
    CT_CHECK_RC(iotwire_mqtt_connect_encode(o, out, cap, &len), IOTWIRE_OK);
    return len;
}

static void t_check_connect_contract(const void *arg)
{
    uint8_t pkt[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
    iotwire_mqtt_options_t o;
    size_t pkt_len = fixture_connect(pkt, sizeof pkt, &o);
    uint8_t *in = exact_bytes(pkt, pkt_len);
    size_t need = CT_LEN_SENTINEL;
    size_t len = CT_LEN_SENTINEL;
    uint32_t problems = 99;
    ct_buf b;
    (void)arg;

    CT_CHECK_RC(iotwire_check_connect(&o, in, pkt_len, NULL, 0, &need, &problems), IOTWIRE_OK);
    CT_CHECK(problems == 0u);
    b = ct_buf_new(need + 8u);
    problems = 99;
    CT_CHECK_RC(iotwire_check_connect(NULL, in, pkt_len, b.out, b.cap, &len, &problems),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_check_connect(&o, NULL, 2, b.out, b.cap, &len, &problems),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_check_connect(&o, in, pkt_len, b.out, b.cap, NULL, &problems),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_check_connect(&o, in, pkt_len, b.out, need - 1u, &len, &problems),
                IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(iotwire_check_connect(&o, in, pkt_len, b.out, b.cap, &len,
                                      (uint32_t *)(void *)(b.out + 4)),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_check_connect(&o, in, pkt_len, b.out, b.cap, &len,
                                      (uint32_t *)(void *)(in + 2)),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK(problems == 99u);

    CT_CHECK_RC(iotwire_check_connect(&o, in, pkt_len, b.out, need, &len, &problems), IOTWIRE_OK);
    CT_CHECK_SIZE(len, need - 1u);
    CT_CHECK(problems == 0u);
    CT_CHECK(strncmp(b.out, "{\"verdict\":\"ok\",\"problems\":[]", 28) == 0);
    CT_CHECK(ct_guards_intact(&b));
    CT_CHECK(ct_tail_untouched(&b, need));
    ct_buf_free(&b);
    free(in);
}

static void t_check_connect_verdicts(const void *arg)
{
    uint8_t pkt[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
    iotwire_mqtt_options_t o;
    size_t pkt_len = fixture_connect(pkt, sizeof pkt, &o);
    static char report[4096];
    size_t len = 0;
    size_t keepalive_at;
    uint32_t problems = 0;
    (void)arg;
    /* Another DeviceSecret: the password is named. */
    o.device_secret = iotwire_str("another-secret");
    CT_CHECK_RC(iotwire_check_connect(&o, pkt, pkt_len, report, sizeof report, &len, &problems),
                IOTWIRE_OK);
    CT_CHECK(problems == 1u);
    CT_CHECK(strstr(report, "\"verdict\":\"refused\"") != NULL);
    CT_CHECK(strstr(report, "\"field\":\"password\"") != NULL);
    /* Keepalive 10: refused and named. The keepalive follows the fixed header (1 + 1 or 2
     * remaining-length bytes) and the 8 bytes of protocol name, level and flags. */
    o.device_secret = iotwire_str(FX_DS);
    keepalive_at = 1u + ((pkt[1] & 0x80u) != 0u ? 2u : 1u) + 8u;
    pkt[keepalive_at] = 0;
    pkt[keepalive_at + 1u] = 10;
    CT_CHECK_RC(iotwire_check_connect(&o, pkt, pkt_len, report, sizeof report, &len, &problems),
                IOTWIRE_OK);
    CT_CHECK(problems == 1u);
    CT_CHECK(strstr(report, "{\"field\":\"keepalive\",\"expected\":\"30..1200 seconds\","
                            "\"got\":10,") != NULL);
    /* Names the checker needs. */
    o.product_key = iotwire_str("");
    CT_CHECK_RC(iotwire_check_connect(&o, pkt, pkt_len, NULL, 0, &len, NULL),
                IOTWIRE_ERR_INVALID_PRODUCT_KEY);
    fx_baseline(&o);
    o.device_name = iotwire_str("");
    CT_CHECK_RC(iotwire_check_connect(&o, pkt, pkt_len, NULL, 0, &len, NULL),
                IOTWIRE_ERR_INVALID_DEVICE_NAME);
    fx_baseline(&o);
    o.legacy_sdk = 77;
    CT_CHECK_RC(iotwire_check_connect(&o, pkt, pkt_len, NULL, 0, &len, NULL),
                IOTWIRE_ERR_INVALID_SELECTOR);
}

static const uint8_t k_coap_bad[] = {0x40, 0x02, 0x00, 0x01, 0xff};
static const uint8_t k_http_bad[] = "POST /auth HTTP/1.1\r\nContent-Length: 5\r\n\r\nab";

void ct_suite_diagnose(void)
{
    static const explain_case cases[] = {
        {"connect", IOTWIRE_EXPLAIN_GUESS, k_connect, sizeof k_connect, IOTWIRE_OK},
        {"connect as mqtt", IOTWIRE_EXPLAIN_MQTT, k_connect, sizeof k_connect, IOTWIRE_OK},
        {"truncated connect", IOTWIRE_EXPLAIN_MQTT, k_connect, 20, IOTWIRE_ERR_MQTT_MALFORMED},
        {"connect as coap", IOTWIRE_EXPLAIN_COAP, k_connect, sizeof k_connect,
         IOTWIRE_ERR_COAP_MALFORMED},
        {"empty input", IOTWIRE_EXPLAIN_GUESS, k_connect, 0, IOTWIRE_ERR_MQTT_MALFORMED},
        {"coap marker without payload", IOTWIRE_EXPLAIN_COAP, k_coap_bad, sizeof k_coap_bad,
         IOTWIRE_ERR_COAP_MALFORMED},
        {"http short body", IOTWIRE_EXPLAIN_HTTP, k_http_bad, sizeof k_http_bad - 1u,
         IOTWIRE_ERR_HTTP_MALFORMED_REQUEST},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ct_run("diagnose", cases[i].name, t_explain_contract, &cases[i]);
    }
    ct_run("diagnose", "explain_arguments", t_explain_arguments, NULL);
    ct_run("diagnose", "check_connect_contract", t_check_connect_contract, NULL);
    ct_run("diagnose", "check_connect_verdicts", t_check_connect_verdicts, NULL);
}

#else

void ct_suite_diagnose(void)
{
}

#endif
