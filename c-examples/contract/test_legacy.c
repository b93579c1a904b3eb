/* The legacy drop-in: iotwire_legacy_sign_mqtt, iotwire_legacy_v3_sign_mqtt and IOT_Sign_MQTT
 * (legacy return codes, legacy struct layouts), iotwire_legacy_v3_client_id and
 * iotwire_legacy_v3_2_0_client_id, and the legacy
 * profiles of the options API. The sign tests run twice: through the general export (every
 * SDK) and through the 3.x family's own export (the 3.x SDKs; 2.3.0 is refused there).
 *
 * Expected bytes and codes: vectors v320-default-01/-07/-10 of tests/vectors/legacy-c-sdk.dev.json
 * and the rules of iotkit-embedded 3.2.0: struct sizes (`infra_defs.h`), the algorithm
 * (`dev_sign_mqtt.c`) and the return codes (`infra_state.h`). */
#include "contract.h"
#include "exports.h"
#include "fixture.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V320_TLS_SS (IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE)

/* v3.1/v3.2 STATE_* codes */
#define STATE_USER_INPUT_INVALID (-275)
#define STATE_USER_INPUT_MQTT_DOMAIN (-264)
#define STATE_MQTT_SIGN_HOSTNAME_BUF_SHORT (-775)

/* vector v320-default-01 */
#define V_HOST "a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com"
#define V_CLIENTID_HEAD                                                                       \
    "a1X2bEnP82z.example1|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=2,"               \
    "signmethod=hmacsha256,lan=C,_ss=1,gw=0,ext=0"
#define V_CLIENTID V_CLIENTID_HEAD "|"
#define V_USERNAME "example1&a1X2bEnP82z"
#define V_PASSWORD "8C82DD19E5924A61591A7079A9A5EA92410D66A9EE6CA85FCFE0315B4CBF295C"
#define V_CONTENT                                                                             \
    "clientIda1X2bEnP82z.example1deviceNameexample1productKeya1X2bEnP82ztimestamp2524608000000"

typedef iotwire_legacy_dev_meta_t meta_t;
typedef iotwire_legacy_sign_mqtt_t signout_t;
typedef int32_t (*sign_fn)(uint32_t, uint32_t, int32_t, const char *, const meta_t *,
                           signout_t *);

/* The export under test (ct_suite_legacy runs the sign tests once per export). */
static sign_fn g_sign = iotwire_legacy_sign_mqtt;

/* What the legacy headers' macro calls, behind the signature of the others: 3.2.0's own export
 * for 3.2.0, the 3.x family's for the other SDKs. */
static int32_t macro_sign(uint32_t sdk, uint32_t build, int32_t region, const char *domain,
                          const meta_t *meta, signout_t *out)
{
    if (sdk == IOTWIRE_LEGACY_SDK_V3_2_0) {
        return iotwire_legacy_v3_2_0_sign_mqtt(build, region, domain, meta, out);
    }
    return iotwire_legacy_v3_sign_mqtt(sdk, build, region, domain, meta, out);
}

/* The SDKs iotwire_legacy_sign_mqtt reproduces, with their "input invalid" code (section 1.4). */
typedef struct sdk_case {
    const char *name;
    uint32_t sdk;
    uint32_t build;
    int32_t input_invalid;
} sdk_case;

static const sdk_case sdks[] = {
    {"v3.2.0", IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, STATE_USER_INPUT_INVALID},
    {"v3.1.0", IOTWIRE_LEGACY_SDK_V3_1_0, V320_TLS_SS, STATE_USER_INPUT_INVALID},
    {"v3.0.1", IOTWIRE_LEGACY_SDK_V3_0_1, 0, -1},
    {"bundle", IOTWIRE_LEGACY_SDK_BUNDLE, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS, -1},
    {"v2.3.0", IOTWIRE_LEGACY_SDK_V2_3_0, 0, -1},
};
#define SDK_COUNT (sizeof sdks / sizeof sdks[0])

/* Whether the export under test covers sdks[i] (the 3.x export refuses 2.3.0). */
static int sdk_covered(size_t i)
{
    return g_sign == iotwire_legacy_sign_mqtt || sdks[i].sdk != IOTWIRE_LEGACY_SDK_V2_3_0;
}

static void fill_meta(meta_t *m)
{
    memset(m, 0, sizeof *m);
    memcpy(m->product_key, FX_PK, sizeof FX_PK);
    memcpy(m->device_name, FX_DN, sizeof FX_DN);
    memcpy(m->device_secret, FX_DS, sizeof FX_DS);
}

static signout_t *as_signout(ct_buf *b)
{
    /* the region starts 16 bytes into a malloc block: aligned for the 2-byte struct */
    return (signout_t *)(void *)b->out;
}

static void t_layout(const void *arg)
{
    (void)arg;
    CT_CHECK_SIZE(sizeof(meta_t), 184u);
    CT_CHECK_SIZE(offsetof(meta_t, product_key), 0u);
    CT_CHECK_SIZE(offsetof(meta_t, product_secret), 21u);
    CT_CHECK_SIZE(offsetof(meta_t, device_name), 86u);
    CT_CHECK_SIZE(offsetof(meta_t, device_secret), 119u);
    CT_CHECK_SIZE(sizeof(signout_t), 396u);
    CT_CHECK_SIZE(offsetof(signout_t, hostname), 0u);
    CT_CHECK_SIZE(offsetof(signout_t, port), 64u);
    CT_CHECK_SIZE(offsetof(signout_t, clientid), 66u);
    CT_CHECK_SIZE(offsetof(signout_t, username), 266u);
    CT_CHECK_SIZE(offsetof(signout_t, password), 330u);
}

static void check_v320_vector(const signout_t *s)
{
    CT_CHECK_STR(s->hostname, V_HOST);
    CT_CHECK(s->port == 443);
    CT_CHECK_STR(s->clientid, V_CLIENTID);
    CT_CHECK_STR(s->username, V_USERNAME);
    CT_CHECK_STR(s->password, V_PASSWORD);
}

static void t_vector_v320(const void *arg)
{
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    CT_CHECK_RC(g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 0, NULL, &m,
                                         as_signout(&b)),
                0);
    check_v320_vector(as_signout(&b));
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
}

/* IOT_Sign_MQTT is the v3.2.0 default build. */
static void t_vector_iot_sign_mqtt(const void *arg)
{
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    CT_CHECK_RC(IOT_Sign_MQTT(0, &m, as_signout(&b)), 0);
    check_v320_vector(as_signout(&b));
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
}

/* v320-default-07: a custom domain is copied verbatim; the meta is a heap block of exactly the
 * bundle struct size, so reading the v3.x `module` member would be an ASan error. */
static void t_vector_custom_domain(const void *arg)
{
    meta_t *m = (meta_t *)malloc(sizeof(meta_t));
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    if (m == NULL) {
        abort();
    }
    fill_meta(m);
    CT_CHECK_RC(g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 5,
                                         "192.168.1.10", m, as_signout(&b)),
                0);
    CT_CHECK_STR(as_signout(&b)->hostname, "192.168.1.10");
    CT_CHECK(as_signout(&b)->port == 443);
    CT_CHECK_STR(as_signout(&b)->password, V_PASSWORD);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    free(m);
}

/* The custom domain is only used for region 5 (header: "host for region 5"). */
static void t_custom_domain_ignored_elsewhere(const void *arg)
{
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    CT_CHECK_RC(g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 0,
                                         "192.168.1.10", &m, as_signout(&b)),
                0);
    check_v320_vector(as_signout(&b));
    ct_buf_free(&b);
}

/* v320-default-10 and section 1.4: region 5 without a domain. */
static void t_custom_domain_null(const void *arg)
{
    static const int32_t want[SDK_COUNT] = {STATE_USER_INPUT_MQTT_DOMAIN,
                                            STATE_USER_INPUT_MQTT_DOMAIN, -1105, -1, -1};
    size_t i;
    (void)arg;
    for (i = 0; i < SDK_COUNT; i++) {
        if (!sdk_covered(i)) {
            continue;
        }
        meta_t m;
        ct_buf b = ct_buf_new(sizeof(signout_t));
        int32_t rc;
        fill_meta(&m);
        rc = g_sign(sdks[i].sdk, sdks[i].build, 5, NULL, &m, as_signout(&b));
        if (rc != want[i] || !ct_guards_intact(&b)) {
            ct_fail(__FILE__, __LINE__, "%s: returned %ld, expected %ld", sdks[i].name, (long)rc,
                    (long)want[i]);
        }
        ct_buf_free(&b);
    }
}

/* Section 1.3 step 6: fails when strlen(domain) + 1 >= 64. */
static void t_custom_domain_length(const void *arg)
{
    char domain[64];
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    memset(domain, 'd', 62);
    domain[62] = '\0';
    CT_CHECK_RC(g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 5, domain, &m,
                                         as_signout(&b)),
                0);
    CT_CHECK_STR(as_signout(&b)->hostname, domain);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_reset(&b);
    memset(domain, 'd', 63);
    domain[63] = '\0';
    CT_CHECK_RC(g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 5, domain, &m,
                                         as_signout(&b)),
                STATE_MQTT_SIGN_HOSTNAME_BUF_SHORT);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
}

/* A domain with no NUL in its first 256 bytes, in a 256-byte heap block: the library must
 * stop there (ASan) and report "hostname too long". */
static void t_custom_domain_without_nul(const void *arg)
{
    char *domain = (char *)malloc(256);
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    if (domain == NULL) {
        abort();
    }
    memset(domain, 'a', 256);
    fill_meta(&m);
    CT_CHECK_RC(g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 5, domain, &m,
                                         as_signout(&b)),
                STATE_MQTT_SIGN_HOSTNAME_BUF_SHORT);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    free(domain);
}

static void t_null_meta(const void *arg)
{
    size_t i;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    for (i = 0; i < SDK_COUNT; i++) {
        if (!sdk_covered(i)) {
            continue;
        }
        int32_t rc = g_sign(sdks[i].sdk, sdks[i].build, 0, NULL, NULL,
                                              as_signout(&b));
        if (rc != sdks[i].input_invalid || !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "%s: returned %ld, signout %s", sdks[i].name, (long)rc,
                    ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
    }
    CT_CHECK_RC(IOT_Sign_MQTT(0, NULL, as_signout(&b)), STATE_USER_INPUT_INVALID);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
}

static void t_null_signout(const void *arg)
{
    size_t i;
    meta_t m;
    (void)arg;
    fill_meta(&m);
    for (i = 0; i < SDK_COUNT; i++) {
        if (!sdk_covered(i)) {
            continue;
        }
        int32_t rc = g_sign(sdks[i].sdk, sdks[i].build, 0, NULL, &m, NULL);
        if (rc != sdks[i].input_invalid) {
            ct_fail(__FILE__, __LINE__, "%s: returned %ld", sdks[i].name, (long)rc);
        }
    }
    CT_CHECK_RC(IOT_Sign_MQTT(0, &m, NULL), STATE_USER_INPUT_INVALID);
    CT_CHECK_RC(IOT_Sign_MQTT(0, NULL, NULL), STATE_USER_INPUT_INVALID);
}

static void t_invalid_region(const void *arg)
{
    static const int32_t regions[] = {-1, 6, 100, INT32_MIN, INT32_MAX};
    size_t i;
    size_t r;
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    for (r = 0; r < sizeof regions / sizeof regions[0]; r++) {
        int32_t rc;
        for (i = 0; i < SDK_COUNT; i++) {
        if (!sdk_covered(i)) {
            continue;
        }
            rc = g_sign(sdks[i].sdk, sdks[i].build, regions[r], "h.example",
                                          &m, as_signout(&b));
            if (rc != sdks[i].input_invalid || !ct_untouched(&b)) {
                ct_fail(__FILE__, __LINE__, "%s region %ld: returned %ld, signout %s",
                        sdks[i].name, (long)regions[r], (long)rc,
                        ct_untouched(&b) ? "untouched" : "WRITTEN");
            }
        }
        rc = IOT_Sign_MQTT(regions[r], &m, as_signout(&b));
        if (rc != STATE_USER_INPUT_INVALID || !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "IOT_Sign_MQTT region %ld: returned %ld, signout %s",
                    (long)regions[r], (long)rc, ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
    }
    ct_buf_free(&b);
}

/* A member filling its whole array without NUL, in a heap block of exactly sizeof(meta_t). */
static void t_member_without_nul(const void *arg)
{
    size_t field;
    (void)arg;
    for (field = 0; field < 3; field++) {
        static const char *const names[] = {"product_key", "device_name", "device_secret"};
        meta_t *m = (meta_t *)malloc(sizeof(meta_t));
        ct_buf b = ct_buf_new(sizeof(signout_t));
        int32_t rc1;
        int32_t rc2;
        if (m == NULL) {
            abort();
        }
        fill_meta(m);
        if (field == 0) {
            memset(m->product_key, 'a', sizeof m->product_key);
        } else if (field == 1) {
            memset(m->device_name, 'a', sizeof m->device_name);
        } else {
            memset(m->device_secret, 'a', sizeof m->device_secret);
        }
        rc1 = g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 0, NULL, m,
                                       as_signout(&b));
        rc2 = IOT_Sign_MQTT(0, m, as_signout(&b));
        if (rc1 != STATE_USER_INPUT_INVALID || rc2 != STATE_USER_INPUT_INVALID ||
            !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "%s without NUL: returned %ld/%ld, signout %s",
                    names[field], (long)rc1, (long)rc2, ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
        ct_buf_free(&b);
        free(m);
    }
}

/* product_secret is not used for signing, so it need not be terminated. */
static void t_product_secret_not_read_as_string(const void *arg)
{
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    memset(m.product_secret, 'p', sizeof m.product_secret);
    CT_CHECK_RC(IOT_Sign_MQTT(0, &m, as_signout(&b)), 0);
    check_v320_vector(as_signout(&b));
    ct_buf_free(&b);
}

/* meta and signout sharing bytes, in both orders. */
static void t_meta_overlaps_signout(const void *arg)
{
    size_t order;
    (void)arg;
    for (order = 0; order < 2; order++) {
        ct_buf b = ct_buf_new(sizeof(signout_t) + sizeof(meta_t));
        meta_t m;
        signout_t *s;
        const meta_t *mp;
        int32_t rc1;
        int32_t rc2;
        fill_meta(&m);
        if (order == 0) {
            s = (signout_t *)(void *)b.out;
            mp = (const meta_t *)(void *)(b.out + 100);
        } else {
            mp = (const meta_t *)(void *)b.out;
            s = (signout_t *)(void *)(b.out + 100);
        }
        memcpy((void *)(uintptr_t)mp, &m, sizeof m);
        ct_buf_mark(&b);
        rc1 = g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 0, NULL, mp, s);
        rc2 = IOT_Sign_MQTT(0, mp, s);
        if (rc1 != STATE_USER_INPUT_INVALID || rc2 != STATE_USER_INPUT_INVALID ||
            !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "%s: returned %ld/%ld, memory %s",
                    order == 0 ? "meta inside signout" : "signout inside meta", (long)rc1,
                    (long)rc2, ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
        ct_buf_free(&b);
    }
}

/* The custom domain read from inside signout. */
static void t_domain_overlaps_signout(const void *arg)
{
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    signout_t *s = as_signout(&b);
    int32_t rc;
    (void)arg;
    fill_meta(&m);
    memcpy(s->clientid, "h.example", sizeof "h.example");
    ct_buf_mark(&b);
    rc = g_sign(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, 5, s->clientid, &m, s);
    CT_CHECK_RC(rc, STATE_USER_INPUT_INVALID);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
}

static void t_unknown_sdk(const void *arg)
{
    static const struct {
        uint32_t sdk;
        uint32_t build;
    } bad[] = {
        {99u, 0},
        {8u, 0},
        {UINT32_MAX, 0},
        {IOTWIRE_LEGACY_SDK_NONE, 0},
        {IOTWIRE_LEGACY_SDK_LINKSDK_4_1_0, 0},
        {IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0, 0},
        {IOTWIRE_LEGACY_SDK_V3_2_0, 0x10u},
        {IOTWIRE_LEGACY_SDK_V3_2_0, 0x80000000u},
    };
    size_t i;
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int32_t rc = g_sign(bad[i].sdk, bad[i].build, 0, NULL, &m,
                                              as_signout(&b));
        if (rc != IOTWIRE_ERR_INVALID_SELECTOR || !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "sdk %lu build 0x%lx: returned %ld, signout %s",
                    (unsigned long)bad[i].sdk, (unsigned long)bad[i].build, (long)rc,
                    ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
    }
    ct_buf_free(&b);
}

/* 3.2.0's export refuses build bits it does not know, before touching signout. */
static void t_v320_unknown_build(const void *arg)
{
    static const uint32_t bad_build[] = {0x10u, 0x1Fu, 0x80000000u, UINT32_MAX};
    size_t j;
    meta_t m;
    ct_buf b = ct_buf_new(sizeof(signout_t));
    (void)arg;
    fill_meta(&m);
    for (j = 0; j < sizeof bad_build / sizeof bad_build[0]; j++) {
        int32_t rc = iotwire_legacy_v3_2_0_sign_mqtt(bad_build[j], 0, NULL, &m, as_signout(&b));
        if (rc != IOTWIRE_ERR_INVALID_SELECTOR || !ct_untouched(&b)) {
            ct_fail(__FILE__, __LINE__, "build 0x%lx: returned %ld, signout %s",
                    (unsigned long)bad_build[j], (long)rc,
                    ct_untouched(&b) ? "untouched" : "WRITTEN");
        }
    }
    /* Every known bit is accepted. */
    CT_CHECK_RC(iotwire_legacy_v3_2_0_sign_mqtt(0xFu, 0, NULL, &m, as_signout(&b)), IOTWIRE_OK);
    ct_buf_free(&b);
}

/* The options API with the v3.2.0 profile gives the bytes of the same vector. */
static void t_options_profile_v320(const void *arg)
{
    iotwire_mqtt_options_t o;
    char buf[300];
    size_t len = 0;
    uint16_t port = 0;
    (void)arg;
    (void)iotwire_mqtt_options_init(&o);
    o.product_key = iotwire_str(FX_PK);
    o.device_name = iotwire_str(FX_DN);
    o.device_secret = iotwire_str(FX_DS);
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o.legacy_build = V320_TLS_SS;
    CT_CHECK_RC(iotwire_mqtt_get_client_id(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, V_CLIENTID);
    CT_CHECK_RC(iotwire_mqtt_get_username(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, V_USERNAME);
    CT_CHECK_RC(iotwire_mqtt_get_host(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, V_HOST);
    CT_CHECK_RC(iotwire_mqtt_get_sign_content(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, V_CONTENT);
    CT_CHECK_RC(iotwire_mqtt_get_password(&o, buf, sizeof buf, &len), IOTWIRE_OK);
    CT_CHECK_STR(buf, V_PASSWORD);
    CT_CHECK_RC(iotwire_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 443);
}

typedef struct legacy_test {
    const char *name;
    ct_fn fn;
} legacy_test;

static const legacy_test tests[] = {
    {"layout", t_layout},
    {"vector_v320", t_vector_v320},
    {"vector_iot_sign_mqtt", t_vector_iot_sign_mqtt},
    {"vector_custom_domain", t_vector_custom_domain},
    {"custom_domain_ignored_elsewhere", t_custom_domain_ignored_elsewhere},
    {"custom_domain_null", t_custom_domain_null},
    {"custom_domain_length", t_custom_domain_length},
    {"custom_domain_without_nul", t_custom_domain_without_nul},
    {"null_meta", t_null_meta},
    {"null_signout", t_null_signout},
    {"invalid_region", t_invalid_region},
    {"member_without_nul", t_member_without_nul},
    {"product_secret_not_read_as_string", t_product_secret_not_read_as_string},
    {"meta_overlaps_signout", t_meta_overlaps_signout},
    {"domain_overlaps_signout", t_domain_overlaps_signout},
    {"unknown_sdk", t_unknown_sdk},
    {"options_profile_v320", t_options_profile_v320},
};

/* _sign_get_clientid through iotwire_legacy_v3_client_id, with the SDK's prototype and return
 * codes: the SDK's exact text with the customize_info strings it accepted (vectors
 * v320-cid-*; spaces and '|' are legacy inputs the documented-form validation refuses), the
 * 200-byte limit, and what the SDK crashed or misbehaved on (NULL, overlap, a device id with
 * no NUL in its buffer). */
static iotwire_str_t str_n(const char *p, size_t n)
{
    iotwire_str_t r;
    r.ptr = p;
    r.len = n;
    return r;
}

#define STATE_MQTT_SIGN_CLIENTID_BUF_SHORT (-777)

/* The client id export under test: the 3.x family's, or 3.2.0's own (what the swap-in kit's
 * _sign_get_clientid calls on a 3.2.0 tree) behind the family's signature. */
typedef int32_t (*cid_fn)(uint32_t, uint32_t, const char *, const char *, uint32_t, char *);

static int32_t cid_v320(uint32_t sdk, uint32_t build, const char *id, const char *kv,
                        uint32_t itls, char *out)
{
    if (sdk != IOTWIRE_LEGACY_SDK_V3_2_0) {
        abort(); /* the tests give it 3.2.0 only */
    }
    return iotwire_legacy_v3_2_0_client_id(build, id, kv, itls, out);
}

static cid_fn g_cid = iotwire_legacy_v3_client_id;

/* 1 when the region bytes [from, to) are all zero. */
static int zeroed(const ct_buf *b, size_t from, size_t to)
{
    size_t i;
    for (i = from; i < to; i++) {
        if (b->out[i] != 0) {
            return 0;
        }
    }
    return 1;
}

static void t_v3_client_id(const void *arg)
{
    static const char want[] = V_CLIENTID_HEAD ",mid=ab cd|";
    ct_buf b = ct_buf_new(IOTWIRE_LEGACY_CLIENT_ID_MAXLEN);
    char *long_kv;
    char *unterminated;
    (void)arg;
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, "mid=ab cd", 0,
                      b.out),
                0);
    CT_CHECK_STR(b.out, want);
    /* The rest of the SDK's char[200] zeroed, as by its memset; nothing past it. */
    CT_CHECK(zeroed(&b, sizeof want, b.cap));
    CT_CHECK(ct_guards_intact(&b));
    /* NULL customize_info: no custom item; an empty one: ",|" as the SDK appended "". */
    ct_buf_reset(&b);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, NULL, 0, b.out), 0);
    CT_CHECK_STR(b.out, V_CLIENTID);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, "", 0, b.out), 0);
    CT_CHECK_STR(b.out, V_CLIENTID_HEAD ",|");
    /* 199 characters fit; one more is STATE_MQTT_SIGN_CLIENTID_BUF_SHORT with the buffer
     * zeroed (the SDK left it half written). */
    long_kv = (char *)malloc(200);
    if (long_kv == NULL) {
        abort();
    }
    memset(long_kv, 'x', 199);
    long_kv[200 - sizeof V_CLIENTID_HEAD - 2] = '\0';
    ct_buf_reset(&b);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, long_kv, 0, b.out),
                0);
    CT_CHECK_SIZE(strlen(b.out), 199u);
    long_kv[200 - sizeof V_CLIENTID_HEAD - 2] = 'x';
    long_kv[200 - sizeof V_CLIENTID_HEAD - 1] = '\0';
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, long_kv, 0, b.out),
                STATE_MQTT_SIGN_CLIENTID_BUF_SHORT);
    CT_CHECK(zeroed(&b, 0, b.cap));
    CT_CHECK(ct_guards_intact(&b));
    /* A device id without NUL in its first 200 bytes (the SDK read on past IOT_MQTT_Construct's
     * char[53]): read up to 200 bytes exactly (ASan checks), then too long. */
    unterminated = (char *)malloc(200);
    if (unterminated == NULL) {
        abort();
    }
    memset(unterminated, 'd', 200);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, unterminated, NULL, 0, b.out),
                STATE_MQTT_SIGN_CLIENTID_BUF_SHORT);
    /* NULL arguments and an output overlapping the device id: STATE_USER_INPUT_INVALID, nothing
     * written. */
    ct_buf_reset(&b);
    memcpy(b.out, FX_PK "." FX_DN, sizeof(FX_PK "." FX_DN));
    ct_buf_mark(&b);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, b.out, NULL, 0, b.out),
                STATE_USER_INPUT_INVALID);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, b.out + 10, 0,
                      b.out),
                STATE_USER_INPUT_INVALID);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, NULL, NULL, 0, b.out),
                STATE_USER_INPUT_INVALID);
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, V320_TLS_SS, FX_PK "." FX_DN, NULL, 0, NULL),
                STATE_USER_INPUT_INVALID);
    /* Unknown build bits, and (the family export) an SDK outside the 3.x family. */
    CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_2_0, 0x10u, FX_PK "." FX_DN, NULL, 0, b.out),
                IOTWIRE_ERR_INVALID_SELECTOR);
    if (g_cid == iotwire_legacy_v3_client_id) {
        CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V2_3_0, 0, FX_PK "." FX_DN, NULL, 0, b.out),
                    IOTWIRE_ERR_INVALID_SELECTOR);
        /* 3.0.1's own text and its FAIL_RETURN. */
        ct_buf_reset(&b);
        CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_0_1, 0, FX_PK "." FX_DN, NULL, 0, b.out), 0);
        CT_CHECK(strstr(b.out, "_v=sdk-c-3.0.1,securemode=3,") != NULL);
        CT_CHECK_RC(g_cid(IOTWIRE_LEGACY_SDK_V3_0_1, 0, unterminated, NULL, 0, b.out), -1);
        ct_buf_mark(&b);
    }
    CT_CHECK(ct_untouched(&b));
    free(unterminated);
    free(long_kv);
    ct_buf_free(&b);
}

/* dynreg.c through iotwire_legacy_v3_dynreg_get: vectors dynreg-mqtt-01 / dynreg-https-01,
 * the size query, the SDK's password[65] limit, overlap and selectors. */
static void t_v3_dynreg(const void *arg)
{
    static const char cid[] = "a1B2c3D4e5F.device01|authType=register,random=78563412,"
                              "signmethod=hmacsha256,securemode=2|";
    static const char pwd[] = "3259E5EC14D6C64CBD264752C9096C5DA203E5D776B45E5B3F06FA1693E31AEA";
    static const char sign[] = "C5744E476E8C470E374031D144428869A9C1F5A114D37F0A3116DFC069E98745";
    ct_buf b = ct_buf_new(200);
    size_t len = 0;
    (void)arg;
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID,
                                             iotwire_str("a1B2c3D4e5F"), iotwire_str("device01"),
                                             iotwire_str(NULL), iotwire_str("78563412"), NULL, 0,
                                             &len),
                IOTWIRE_OK);
    CT_CHECK_SIZE(len, sizeof cid);
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID,
                                             iotwire_str("a1B2c3D4e5F"), iotwire_str("device01"),
                                             iotwire_str(NULL), iotwire_str("78563412"), b.out,
                                             b.cap, &len),
                IOTWIRE_OK);
    CT_CHECK_STR(b.out, cid);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_reset(&b);
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN,
                                             iotwire_str("a1B2c3D4e5F"), iotwire_str("device01"),
                                             iotwire_str("psecret0123456789"),
                                             iotwire_str("78563412"), b.out, 65, &len),
                IOTWIRE_OK);
    CT_CHECK_STR(b.out, pwd);
    ct_buf_reset(&b);
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN,
                                             iotwire_str("a1B2c3D4e5F"), iotwire_str("device01"),
                                             iotwire_str("psecret0123456789"),
                                             iotwire_str("8Ygb7ULYh53B6OA"), b.out, 64, &len),
                IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN,
                                             iotwire_str("a1B2c3D4e5F"), iotwire_str("device01"),
                                             iotwire_str("psecret0123456789"),
                                             iotwire_str("8Ygb7ULYh53B6OA"), b.out, 65, &len),
                IOTWIRE_OK);
    CT_CHECK_STR(b.out, sign);
    /* The random read from inside the output. */
    memcpy(b.out, "78563412", 8);
    ct_buf_mark(&b);
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN,
                                             iotwire_str("a1B2c3D4e5F"), iotwire_str("device01"),
                                             iotwire_str("psecret0123456789"),
                                             str_n(b.out, 8), b.out, 65, &len),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(3u, iotwire_str("a"), iotwire_str("b"),
                                             iotwire_str("c"), iotwire_str("d"), b.out, 65, &len),
                IOTWIRE_ERR_INVALID_SELECTOR);
    CT_CHECK_RC(iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, iotwire_str("a"),
                                             iotwire_str("b"), iotwire_str("c"), iotwire_str("d"),
                                             b.out, 65, NULL),
                IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(ct_untouched(&b));
    ct_buf_free(&b);
}

void ct_suite_legacy(void)
{
    size_t i;
    for (i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        g_sign = iotwire_legacy_sign_mqtt;
        ct_run("legacy", tests[i].name, tests[i].fn, NULL);
    }
    /* The same sign tests through the 3.x family's export (the ones that call g_sign). */
    for (i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (tests[i].fn == t_layout || tests[i].fn == t_vector_iot_sign_mqtt ||
            tests[i].fn == t_unknown_sdk || tests[i].fn == t_options_profile_v320 ||
            tests[i].fn == t_product_secret_not_read_as_string) {
            continue;
        }
        g_sign = iotwire_legacy_v3_sign_mqtt;
        ct_run("legacy_v3", tests[i].name, tests[i].fn, NULL);
    }
    /* And as the legacy headers' macro calls them (3.2.0's own export). */
    for (i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (tests[i].fn == t_layout || tests[i].fn == t_vector_iot_sign_mqtt ||
            tests[i].fn == t_unknown_sdk || tests[i].fn == t_options_profile_v320 ||
            tests[i].fn == t_product_secret_not_read_as_string) {
            continue;
        }
        g_sign = macro_sign;
        ct_run("legacy_v3_macro", tests[i].name, tests[i].fn, NULL);
    }
    ct_run("legacy_v3_macro", "v320_unknown_build", t_v320_unknown_build, NULL);
    g_sign = iotwire_legacy_sign_mqtt;
    g_cid = iotwire_legacy_v3_client_id;
    ct_run("legacy_v3", "client_id", t_v3_client_id, NULL);
    g_cid = cid_v320;
    ct_run("legacy_v3_2_0", "client_id", t_v3_client_id, NULL);
    ct_run("legacy_v3", "dynreg", t_v3_dynreg, NULL);
}
