/* Contract of iotwire_topic_build, iotwire_topic_validate and the OTA payload builders: text
 * outputs through NULL / size query / exact-1 / exact / overlap with guard bytes, and every
 * selector. Expected topics are written out from the seeds. */
#include "contract.h"

#include <string.h>

#if defined(IOTWIRE_HAS_TOPICS)

typedef int32_t (*text_call)(const void *ctx, char *out, size_t cap, size_t *out_len);

typedef struct text_case {
    const char *name;
    text_call call;
    const void *ctx;
    const char *want;
} text_case;

static void t_text_contract(const void *arg)
{
    const text_case *c = (const text_case *)arg;
    size_t want_len = strlen(c->want);
    ct_buf b = ct_buf_new(want_len + 8u);
    size_t len = CT_LEN_SENTINEL;

    CT_CHECK_RC(c->call(c->ctx, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, want_len + 1u);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(c->call(c->ctx, NULL, 1, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(c->call(c->ctx, b.out, b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(c->call(c->ctx, b.out, 0, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(c->call(c->ctx, b.out, want_len, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(c->call(c->ctx, b.out, b.cap, (size_t *)(void *)(b.out + 8)),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(c->call(c->ctx, b.out, want_len + 1u, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, want_len);
    CT_CHECK_STR(b.out, c->want);
    CT_CHECK(ct_guards_intact(&b));
    CT_CHECK(ct_tail_untouched(&b, want_len + 1u));
    ct_buf_free(&b);
}

static int32_t call_property_post(const void *ctx, char *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_topic_build(IOTWIRE_TOPIC_KIND_PROPERTY_POST, iotwire_str("a1X2bEnP82z"),
                               iotwire_str("example1"), iotwire_str(NULL), 0, out, cap, len);
}

static int32_t call_custom_uri(const void *ctx, char *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_topic_build(IOTWIRE_TOPIC_KIND_CUSTOM, iotwire_str("a1X2bEnP82z"),
                               iotwire_str("example1"), iotwire_str("update"),
                               IOTWIRE_TOPIC_FLAG_URI_PATH, out, cap, len);
}

static int32_t call_ota_inform(const void *ctx, char *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_ota_inform_payload_build(1, iotwire_str("1.0.1"), iotwire_str(NULL), out, cap,
                                            len);
}

static int32_t call_ota_progress(const void *ctx, char *out, size_t cap, size_t *len)
{
    (void)ctx;
    return iotwire_ota_progress_payload_build(2, -1, iotwire_str("bad \"crc\""),
                                              iotwire_str("MCU"), out, cap, len);
}

static void t_selectors(const void *arg)
{
    char out[128];
    size_t len = CT_LEN_SENTINEL;
    iotwire_str_t pk = iotwire_str("a1X2bEnP82z");
    iotwire_str_t dn = iotwire_str("example1");
    iotwire_str_t none = iotwire_str(NULL);
    iotwire_str_t null_str = {NULL, 2};
    (void)arg;
    CT_CHECK_RC(iotwire_topic_build(25, pk, dn, none, 0, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_topic_build(IOTWIRE_TOPIC_KIND_SHADOW_GET, pk, dn, none, 8, out,
                                    sizeof out, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_topic_build(IOTWIRE_TOPIC_KIND_SHADOW_GET, null_str, dn, none, 0, out,
                                    sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_topic_build(IOTWIRE_TOPIC_KIND_EVENT_POST, pk, dn, none, 0, out,
                                    sizeof out, &len),
                IOTWIRE_ERR_MISSING_FIELD);
    CT_CHECK_RC(iotwire_topic_build(IOTWIRE_TOPIC_KIND_CUSTOM, pk, dn, iotwire_str("a/#/b"), 0,
                                    out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_TOPIC);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(iotwire_topic_validate(iotwire_str("/a/b"), 2), IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_topic_validate(null_str, IOTWIRE_TOPIC_USAGE_PUBLISH),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_topic_validate(iotwire_str("/a/+/c"), IOTWIRE_TOPIC_USAGE_SUBSCRIBE),
                IOTWIRE_OK);
    CT_CHECK_RC(iotwire_topic_validate(iotwire_str("/a/+/c"), IOTWIRE_TOPIC_USAGE_PUBLISH),
                IOTWIRE_ERR_INVALID_TOPIC);
    CT_CHECK_RC(iotwire_ota_progress_payload_build(1, 101, none, none, out, sizeof out, &len),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_ota_inform_payload_build(1, none, none, out, sizeof out, &len),
                IOTWIRE_ERR_MISSING_FIELD);
    CT_CHECK_RC(iotwire_ota_inform_payload_build(1, null_str, none, out, sizeof out, &len),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
}

static void t_input_overlap(const void *arg)
{
    ct_buf b = ct_buf_new(96);
    size_t len = CT_LEN_SENTINEL;
    iotwire_str_t dn;
    (void)arg;
    memcpy(b.out + 4, "example1", 8);
    ct_buf_mark(&b);
    dn.ptr = b.out + 4;
    dn.len = 8;
    CT_CHECK_RC(iotwire_topic_build(IOTWIRE_TOPIC_KIND_OTA_INFORM, iotwire_str("a1X2bEnP82z"), dn,
                                    iotwire_str(NULL), 0, b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_ota_inform_payload_build(1, dn, iotwire_str(NULL), b.out, b.cap, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    ct_buf_free(&b);
}

void ct_suite_topics(void)
{
    static const text_case cases[] = {
        {"property_post", call_property_post, NULL,
         "/sys/a1X2bEnP82z/example1/thing/event/property/post"},
        {"custom_uri_path", call_custom_uri, NULL, "/topic/a1X2bEnP82z/example1/user/update"},
        {"ota_inform", call_ota_inform, NULL, "{\"id\":\"1\",\"params\":{\"version\":\"1.0.1\"}}"},
        {"ota_progress", call_ota_progress, NULL,
         "{\"id\":\"2\",\"params\":{\"step\":\"-1\",\"desc\":\"bad \\\"crc\\\"\","
         "\"module\":\"MCU\"}}"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ct_run("topics", cases[i].name, t_text_contract, &cases[i]);
    }
    ct_run("topics", "selectors", t_selectors, NULL);
    ct_run("topics", "input_overlap", t_input_overlap, NULL);
}

#else
void ct_suite_topics(void)
{
}
#endif
