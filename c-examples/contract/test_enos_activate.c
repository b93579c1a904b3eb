/* The EnOS activation exports: the request datagram (binary output) and the reply getters
 * (text outputs): known answers, size query, exact - 1, exact fit, NULL arguments, overlap.
 *
 * The expected datagram is assembled by hand from RFC 7252 §3 below (header 0x42 = version
 * 1, CON, TKL 2; code 0.01 GET; one Uri-Path option 11 per segment, delta 11 then 0, length
 * nibble, 13 + 1 extension byte for the 15-character DeviceKey). */
#include "contract.h"

#include <stdio.h>
#include <string.h>

#if defined(IOTWIRE_HAS_ENOS)

#define AC_CAP 300u

static const uint8_t k_token[2] = {0xA1, 0xB2};
static const uint8_t k_request[] = {
    0x42, 0x01, 0x12, 0x34, 0xA1, 0xB2,
    0xB5, 't', 'o', 'p', 'i', 'c',
    0x03, 'e', 'x', 't',
    0x07, 's', 'e', 's', 's', 'i', 'o', 'n',
    0x08, 'p', 'k', '1', '2', '3', '4', '5', '6',
    0x0D, 0x02, '8', '6', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '2',
    0x05, 't', 'h', 'i', 'n', 'g',
    0x08, 'a', 'c', 't', 'i', 'v', 'a', 't', 'e',
    0x04, 'i', 'n', 'f', 'o',
};

/* ACK 2.05, message id 0x1234, token A1B2, Content-Format 50 (0xC1 0x32), payload. */
#define AC_PAYLOAD                                                                           \
    "{\"id\":\"1001\",\"params\":{\"assetId\":\"Yx8Gkd2p\",\"productKey\":\"pk123456\","         \
    "\"deviceKey\":\"860123456789012\",\"deviceSecret\":\"q3HcT0wBf9vZ2kLm\"}}"

static size_t make_reply(uint8_t *out)
{
    static const uint8_t head[] = {0x62, 0x45, 0x12, 0x34, 0xA1, 0xB2, 0xC1, 0x32, 0xFF};
    memcpy(out, head, sizeof head);
    memcpy(out + sizeof head, AC_PAYLOAD, strlen(AC_PAYLOAD));
    return sizeof head + strlen(AC_PAYLOAD);
}

static void device(iotwire_enos_options_t *o)
{
    CT_CHECK_RC(iotwire_enos_options_init(o), IOTWIRE_OK);
    o->product_key = iotwire_str("pk123456");
    o->device_key = iotwire_str("860123456789012");
}

static void t_request(const void *arg)
{
    iotwire_enos_options_t o;
    ct_buf b = ct_buf_new(AC_CAP);
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    device(&o);
    CT_CHECK(sizeof k_request <= IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE);
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, k_token, 2, NULL, 0, &len),
                IOTWIRE_OK);
    CT_CHECK_SIZE(len, sizeof k_request);
    /* exact fit */
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, k_token, 2, (uint8_t *)b.out,
                                                    sizeof k_request, &len),
                IOTWIRE_OK);
    CT_CHECK(memcmp(b.out, k_request, sizeof k_request) == 0);
    CT_CHECK(ct_tail_untouched(&b, sizeof k_request) && ct_guards_intact(&b));
    ct_buf_reset(&b);
    len = CT_LEN_SENTINEL;
    /* exact - 1, NULL out_len, NULL out with cap, {NULL, n} token, 9-byte token */
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, k_token, 2, (uint8_t *)b.out,
                                                    sizeof k_request - 1u, &len),
                IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, k_token, 2, (uint8_t *)b.out,
                                                    b.cap, NULL),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, k_token, 2, NULL, 8, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, NULL, 2, (uint8_t *)b.out,
                                                    b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, k_request, 9, (uint8_t *)b.out,
                                                    b.cap, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_enos_activate_build_request(NULL, 0x1234, k_token, 2, (uint8_t *)b.out,
                                                    b.cap, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b) && len == CT_LEN_SENTINEL);
    /* the token inside the output */
    memcpy(b.out + 1, k_token, 2);
    ct_buf_mark(&b);
    CT_CHECK_RC(iotwire_enos_activate_build_request(&o, 0x1234, (const uint8_t *)b.out + 1, 2,
                                                    (uint8_t *)b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b) && len == CT_LEN_SENTINEL);
    ct_buf_free(&b);
}

typedef iotwire_status_t (*reply_fn)(const iotwire_enos_options_t *, const uint8_t *, size_t,
                                     char *, size_t, size_t *);

typedef struct reply_case {
    const char *name;
    reply_fn fn;
    const char *expected;
} reply_case;

static const reply_case k_replies[] = {
    {"device_secret", iotwire_enos_activate_get_device_secret, "q3HcT0wBf9vZ2kLm"},
    {"asset_id", iotwire_enos_activate_get_asset_id, "Yx8Gkd2p"},
    {"id", iotwire_enos_activate_get_id, "1001"},
};

static void t_reply(const void *arg)
{
    const reply_case *c = (const reply_case *)arg;
    iotwire_enos_options_t o;
    uint8_t dgram[200];
    size_t dlen = make_reply(dgram);
    size_t want = strlen(c->expected);
    ct_buf b = ct_buf_new(AC_CAP);
    size_t len = CT_LEN_SENTINEL;
    device(&o);
    CT_CHECK_RC(c->fn(&o, dgram, dlen, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, want + 1u);
    CT_CHECK_RC(c->fn(&o, dgram, dlen, b.out, want + 1u, &len), IOTWIRE_OK);
    CT_CHECK_STR(b.out, c->expected);
    CT_CHECK_SIZE(len, want);
    CT_CHECK(ct_tail_untouched(&b, want + 1u) && ct_guards_intact(&b));
    ct_buf_reset(&b);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->fn(&o, dgram, dlen, b.out, want, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(c->fn(&o, NULL, dlen, b.out, b.cap, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(c->fn(NULL, dgram, dlen, b.out, b.cap, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(c->fn(&o, dgram, dlen, b.out, b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(c->fn(&o, dgram, dlen, NULL, 4, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(c->fn(&o, dgram, 3, b.out, b.cap, &len), IOTWIRE_ERR_COAP_MALFORMED);
    o.device_key = iotwire_str("860123456789013");
    CT_CHECK_RC(c->fn(&o, dgram, dlen, b.out, b.cap, &len), IOTWIRE_ERR_ENOS_DEVICE_MISMATCH);
    o.secure_mode = 9;
    CT_CHECK_RC(c->fn(&o, dgram, dlen, b.out, b.cap, &len), IOTWIRE_ERR_INVALID_SECURE_MODE);
    CT_CHECK(ct_untouched(&b) && len == CT_LEN_SENTINEL);
    /* the datagram inside the output buffer */
    device(&o);
    memcpy(b.out + 2, dgram, dlen);
    ct_buf_mark(&b);
    CT_CHECK_RC(c->fn(&o, (const uint8_t *)b.out + 2, dlen, b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b) && len == CT_LEN_SENTINEL);
    ct_buf_free(&b);
}

void ct_suite_enos_activate(void)
{
    size_t i;
    ct_run("enos", "activate_request", t_request, NULL);
    for (i = 0; i < sizeof k_replies / sizeof k_replies[0]; i++) {
        ct_run("enos", k_replies[i].name, t_reply, &k_replies[i]);
    }
}

#else

void ct_suite_enos_activate(void)
{
}

#endif
