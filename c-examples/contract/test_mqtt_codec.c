/* Contract of the MQTT packet exports (iotwire_mqtt_*_encode, iotwire_mqtt_decode,
 * iotwire_mqtt_connack_status, iotwire_mqtt_packet_ids_*). Expected bytes are written out from
 * MQTT 3.1.1; every byte output also goes through the same NULL / size query / exact-1 /
 * exact / overlap sequence with guard bytes. */
#include "contract.h"
#include "fixture.h"

#include <stdio.h>
#include <string.h>

#if defined(IOTWIRE_HAS_MQTT_CODEC)

/* One call of a byte-output export with the output triple left open. */
typedef int32_t (*enc_fn)(const void *ctx, uint8_t *out, size_t cap, size_t *out_len);

typedef struct enc_case {
    const char *name;
    enc_fn call;
    const void *ctx;
    const uint8_t *want;
    size_t want_len;
} enc_case;

static void t_encode_contract(const void *arg)
{
    const enc_case *c = (const enc_case *)arg;
    ct_buf b = ct_buf_new(c->want_len + 8u);
    uint8_t *out = (uint8_t *)b.out;
    size_t len = CT_LEN_SENTINEL;

    CT_CHECK_RC(c->call(c->ctx, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, c->want_len);

    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->call(c->ctx, NULL, 4, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(c->call(c->ctx, out, b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));

    CT_CHECK_RC(c->call(c->ctx, out, 0, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(c->call(c->ctx, out, c->want_len - 1u, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK(ct_untouched(&b));

    /* *out_len inside the output buffer. */
    CT_CHECK_RC(c->call(c->ctx, out, b.cap, (size_t *)(void *)(b.out + 8)), IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));

    CT_CHECK_RC(c->call(c->ctx, out, c->want_len, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, c->want_len);
    CT_CHECK(memcmp(out, c->want, c->want_len) == 0);
    CT_CHECK(ct_guards_intact(&b));
    CT_CHECK(ct_tail_untouched(&b, c->want_len));
    ct_buf_free(&b);
}

/* --- the calls ------------------------------------------------------------------------ */

static int32_t call_puback(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_puback_encode(0x1234, out, cap, len);
}

static int32_t call_pingreq(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_pingreq_encode(out, cap, len);
}

static int32_t call_disconnect(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_disconnect_encode(out, cap, len);
}

static int32_t call_connect_explicit(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_connect_encode_explicit(iotwire_str("c"), iotwire_str("u"),
                                                iotwire_str("p"), 60, out, cap, len);
}

static int32_t call_publish(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_publish_encode(iotwire_str("a/b"), (const uint8_t *)"hi", 2, 1, 0, 5,
                                       out, cap, len);
}

static int32_t call_publish_header(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_publish_header_encode(iotwire_str("a/b"), 2, 1, 0, 5, out, cap, len);
}

static const iotwire_str_t k_filters[2] = {{"a/+", 3}, {"#", 1}};

static int32_t call_subscribe(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_subscribe_encode(k_filters, 2, 1, 10, out, cap, len);
}

static int32_t call_unsubscribe(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_mqtt_unsubscribe_encode(k_filters, 2, 11, out, cap, len);
}

#if defined(IOTWIRE_HAS_MQTT)
static int32_t call_connect_opts(const void *ctx, uint8_t *out, size_t cap, size_t *len)
{
    return iotwire_mqtt_connect_encode((const iotwire_mqtt_options_t *)ctx, out, cap, len);
}
#endif

/* MQTT 3.1.1 literal packets. */
static const uint8_t k_puback[] = {0x40, 2, 0x12, 0x34};
static const uint8_t k_pingreq[] = {0xC0, 0};
static const uint8_t k_disconnect[] = {0xE0, 0};
static const uint8_t k_connect[] = {0x10, 19, 0, 4, 'M', 'Q', 'T', 'T', 4, 0xC2, 0, 60,
                                    0, 1, 'c', 0, 1, 'u', 0, 1, 'p'};
static const uint8_t k_publish[] = {0x32, 9, 0, 3, 'a', '/', 'b', 0, 5, 'h', 'i'};
static const uint8_t k_subscribe[] = {0x82, 12, 0, 10, 0, 3, 'a', '/', '+', 1, 0, 1, '#', 1};
static const uint8_t k_unsubscribe[] = {0xA2, 10, 0, 11, 0, 3, 'a', '/', '+', 0, 1, '#'};

/* --- argument and selector cases ------------------------------------------------------- */

static void t_selectors(const void *arg)
{
    uint8_t out[64];
    size_t len = CT_LEN_SENTINEL;
    iotwire_str_t null_str = {NULL, 3};
    iotwire_str_t t = iotwire_str("a/b");
    (void)arg;
    CT_CHECK_RC(iotwire_mqtt_publish_encode(t, NULL, 0, 3, 0, 0, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_mqtt_publish_encode(t, NULL, 0, 2, 0, 1, out, sizeof out, &len),
                IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED);
    CT_CHECK_RC(iotwire_mqtt_publish_encode(t, NULL, 0, 0, IOTWIRE_MQTT_PUBLISH_FLAG_RETAIN, 0,
                                            out, sizeof out, &len),
                IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED);
    CT_CHECK_RC(iotwire_mqtt_publish_encode(t, NULL, 0, 0, 0x80, 0, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_mqtt_publish_encode(t, NULL, 5, 0, 0, 0, out, sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_publish_encode(null_str, NULL, 0, 0, 0, 0, out, sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_publish_header_encode(t, 0, 1, 0, 0, out, sizeof out, &len),
                IOTWIRE_ERR_MQTT_INVALID_PACKET_ID);
    CT_CHECK_RC(iotwire_mqtt_subscribe_encode(k_filters, 1, 3, 1, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_mqtt_subscribe_encode(NULL, 1, 1, 1, out, sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_subscribe_encode(k_filters, 0, 1, 1, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_mqtt_unsubscribe_encode(k_filters, IOTWIRE_MQTT_MAX_FILTERS + 1u, 1, out,
                                                sizeof out, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_mqtt_connect_encode_explicit(null_str, t, t, 60, out, sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_connect_encode_explicit(t, t, t, 1201, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_KEEPALIVE);
    CT_CHECK_RC(iotwire_mqtt_connack_status(0, 2), IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_mqtt_connack_status(4, IOTWIRE_MQTT_CONNACK_CONTEXT_DYNREG),
                IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
}

static void t_input_overlap(const void *arg)
{
    ct_buf b = ct_buf_new(64);
    size_t len = CT_LEN_SENTINEL;
    iotwire_str_t in_out;
    iotwire_str_t filters[1];
    (void)arg;
    /* Inputs where the packet would be written (the written range is what must not alias). */
    memcpy(b.out + 2, "a/b", 3);
    ct_buf_mark(&b);
    in_out.ptr = b.out + 2;
    in_out.len = 3;
    CT_CHECK_RC(iotwire_mqtt_publish_encode(in_out, NULL, 0, 0, 0, 0, (uint8_t *)b.out, b.cap,
                                            &len),
                IOTWIRE_ERR_OVERLAP);
    filters[0] = in_out;
    CT_CHECK_RC(iotwire_mqtt_subscribe_encode(filters, 1, 0, 1, (uint8_t *)b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    /* The filter array itself inside the output. */
    ((iotwire_str_t *)(void *)b.out)->ptr = "x";
    ((iotwire_str_t *)(void *)b.out)->len = 1;
    ct_buf_mark(&b);
    CT_CHECK_RC(iotwire_mqtt_unsubscribe_encode((const iotwire_str_t *)(void *)b.out, 1, 1,
                                                (uint8_t *)b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    ct_buf_free(&b);
}

#if defined(IOTWIRE_HAS_MQTT)
static void t_connect_options(const void *arg)
{
    iotwire_mqtt_options_t o;
    size_t need = 0;
    size_t len = CT_LEN_SENTINEL;
    ct_buf b = ct_buf_new(IOTWIRE_MQTT_CONNECT_MAX_SIZE);
    (void)arg;
    fx_baseline(&o);
    CT_CHECK_RC(iotwire_mqtt_connect_encode(&o, NULL, 0, &need), IOTWIRE_OK);
    CT_CHECK(need > 0 && need <= IOTWIRE_MQTT_CONNECT_MAX_SIZE);
    CT_CHECK_RC(iotwire_mqtt_connect_encode(NULL, NULL, 0, &need), IOTWIRE_ERR_NULL_POINTER);
    o.keepalive_s = 0;
    CT_CHECK_RC(iotwire_mqtt_connect_encode(&o, (uint8_t *)b.out, b.cap, &len),
                IOTWIRE_ERR_INVALID_KEEPALIVE);
    fx_baseline(&o);
    o.mode = 99;
    CT_CHECK_RC(iotwire_mqtt_connect_encode(&o, (uint8_t *)b.out, b.cap, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    fx_baseline(&o);
    /* ProductKey read from inside the output buffer. */
    memcpy(b.out + 20, FX_PK, strlen(FX_PK));
    ct_buf_mark(&b);
    o.product_key.ptr = b.out + 20;
    CT_CHECK_RC(iotwire_mqtt_connect_encode(&o, (uint8_t *)b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    ct_buf_free(&b);
    /* IOTWIRE_MQTT_FLAG_KEEP_SESSION clears only the clean-session bit (0x02) of the
     * connect flags (MQTT 3.1.1 3.1.2.3). */
    {
        uint8_t clean[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
        uint8_t keep[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
        size_t clean_len = 0, keep_len = 0, i, diffs = 0;
        fx_baseline(&o);
        CT_CHECK_RC(iotwire_mqtt_connect_encode(&o, clean, sizeof clean, &clean_len), IOTWIRE_OK);
        o.flags |= IOTWIRE_MQTT_FLAG_KEEP_SESSION;
        CT_CHECK_RC(iotwire_mqtt_connect_encode(&o, keep, sizeof keep, &keep_len), IOTWIRE_OK);
        CT_CHECK_SIZE(keep_len, clean_len);
        for (i = 0; i < clean_len && i < keep_len; i++) {
            if (clean[i] != keep[i]) {
                diffs++;
                CT_CHECK(clean[i] == (uint8_t)(keep[i] | 0x02u) && (keep[i] & 0x02u) == 0);
            }
        }
        CT_CHECK(diffs == 1);
    }
}
#endif

static void t_decode(const void *arg)
{
    static const uint8_t publish[] = {0x32, 9, 0, 3, 'a', '/', 'b', 0, 5, 'h', 'i', 0xD0, 0};
    static const uint8_t bad[] = {0x40, 0x00};
    iotwire_mqtt_packet_t p;
    iotwire_mqtt_packet_t untouched;
    size_t needed = CT_LEN_SENTINEL;
    ct_buf b = ct_buf_new(sizeof publish);
    (void)arg;
    memset(&p, 0xA5, sizeof p);
    untouched = p;
    CT_CHECK_RC(iotwire_mqtt_decode(NULL, 1, &p, &needed), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_decode(publish, sizeof publish, NULL, &needed),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_decode(bad, sizeof bad, &p, &needed), IOTWIRE_ERR_MQTT_MALFORMED);
    CT_CHECK(memcmp(&p, &untouched, sizeof p) == 0);
    CT_CHECK_SIZE(needed, CT_LEN_SENTINEL);
    /* Partial input: exact total once the header is known, 0 before. */
    CT_CHECK_RC(iotwire_mqtt_decode(publish, 5, &p, &needed), IOTWIRE_ERR_MQTT_NEED_MORE_DATA);
    CT_CHECK_SIZE(needed, 11);
    CT_CHECK_RC(iotwire_mqtt_decode(publish, 1, &p, &needed), IOTWIRE_ERR_MQTT_NEED_MORE_DATA);
    CT_CHECK_SIZE(needed, 0);
    CT_CHECK_RC(iotwire_mqtt_decode(publish, 1, &p, NULL), IOTWIRE_ERR_MQTT_NEED_MORE_DATA);
    CT_CHECK(memcmp(&p, &untouched, sizeof p) == 0);
    /* Exact-size heap input, so a read past it is an ASan/valgrind error. */
    memcpy(b.out, publish, sizeof publish);
    CT_CHECK_RC(iotwire_mqtt_decode((const uint8_t *)b.out, 11, &p, &needed), IOTWIRE_OK);
    CT_CHECK(p.packet_type == IOTWIRE_MQTT_PACKET_PUBLISH && p.qos == 1 && p.packet_id == 5);
    CT_CHECK(p.packet_len == 11 && p.topic_offset == 4 && p.topic_len == 3);
    CT_CHECK(p.payload_offset == 9 && p.payload_len == 2);
    CT_CHECK_RC(iotwire_mqtt_decode(publish + 11, 2, &p, &needed), IOTWIRE_OK);
    CT_CHECK(p.packet_type == IOTWIRE_MQTT_PACKET_PINGRESP && p.packet_len == 2);
    /* Output struct inside the input, out_needed inside the struct. */
    CT_CHECK_RC(iotwire_mqtt_decode((const uint8_t *)b.out, b.cap,
                                    (iotwire_mqtt_packet_t *)(void *)b.out, NULL),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_mqtt_decode(publish, 5, &p, (size_t *)(void *)&p),
                IOTWIRE_ERR_OVERLAP);
    ct_buf_free(&b);
}

static void t_packet_ids(const void *arg)
{
    iotwire_mqtt_packet_ids_t ids;
    uint16_t id = 0;
    (void)arg;
    CT_CHECK_RC(iotwire_mqtt_packet_ids_init(NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_packet_ids_init(&ids), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_mqtt_packet_ids_next(&ids, &id), IOTWIRE_OK);
    CT_CHECK(id == 1);
    ids.next = 65535;
    CT_CHECK_RC(iotwire_mqtt_packet_ids_next(&ids, &id), IOTWIRE_OK);
    CT_CHECK(id == 65535 && ids.next == 1);
    CT_CHECK_RC(iotwire_mqtt_packet_ids_next(NULL, &id), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_packet_ids_next(&ids, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_packet_ids_next(&ids, &ids.next), IOTWIRE_ERR_OVERLAP);
}

void ct_suite_mqtt_codec(void)
{
    static const enc_case cases[] = {
        {"puback", call_puback, NULL, k_puback, sizeof k_puback},
        {"pingreq", call_pingreq, NULL, k_pingreq, sizeof k_pingreq},
        {"disconnect", call_disconnect, NULL, k_disconnect, sizeof k_disconnect},
        {"connect_explicit", call_connect_explicit, NULL, k_connect, sizeof k_connect},
        {"publish", call_publish, NULL, k_publish, sizeof k_publish},
        {"publish_header", call_publish_header, NULL, k_publish, sizeof k_publish - 2u},
        {"subscribe", call_subscribe, NULL, k_subscribe, sizeof k_subscribe},
        {"unsubscribe", call_unsubscribe, NULL, k_unsubscribe, sizeof k_unsubscribe},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ct_run("mqtt_codec", cases[i].name, t_encode_contract, &cases[i]);
    }
#if defined(IOTWIRE_HAS_MQTT)
    {
        /* CONNECT from options: the expected bytes are the credential outputs framed per
         * MQTT 3.1.1 (the credentials themselves are checked by the text suite). */
        static iotwire_mqtt_options_t o;
        static uint8_t want[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
        static enc_case c = {"connect_options", call_connect_opts, &o, want, 0};
        char text[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];
        size_t n = 13;
        size_t len;
        iotwire_status_t (*const fields[3])(const iotwire_mqtt_options_t *, char *, size_t,
                                            size_t *) = {
            iotwire_mqtt_get_client_id, iotwire_mqtt_get_username, iotwire_mqtt_get_password};
        size_t f;
        fx_baseline(&o);
        o.keepalive_s = 300;
        for (f = 0; f < 3; f++) {
            fields[f](&o, text, sizeof text, &len);
            want[n] = (uint8_t)(len >> 8);
            want[n + 1] = (uint8_t)(len & 0xFF);
            memcpy(want + n + 2, text, len);
            n += 2 + len;
        }
        /* Remaining length n - 3 is two bytes here (128..16383). */
        want[0] = 0x10;
        want[1] = (uint8_t)(((n - 3) & 0x7F) | 0x80);
        want[2] = (uint8_t)((n - 3) >> 7);
        memcpy(want + 3, "\0\4MQTT\4\xC2\x01\x2C", 10);
        c.want_len = n;
        ct_run("mqtt_codec", "connect_options", t_encode_contract, &c);
        ct_run("mqtt_codec", "connect_options_errors", t_connect_options, NULL);
    }
#endif
    ct_run("mqtt_codec", "selectors", t_selectors, NULL);
    ct_run("mqtt_codec", "input_overlap", t_input_overlap, NULL);
    ct_run("mqtt_codec", "decode", t_decode, NULL);
    ct_run("mqtt_codec", "packet_ids", t_packet_ids, NULL);
}

#else
void ct_suite_mqtt_codec(void)
{
}
#endif
