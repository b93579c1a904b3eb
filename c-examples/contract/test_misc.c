/* The exports without a text output: status names, ABI/version identity, options_init, port and
 * keepalive. */
#include "contract.h"
#include "exports.h"
#include "fixture.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* #x is the spelling in the header, so a wrong or shared name cannot pass. */
#define STATUS(x) {x, #x}

static const struct {
    int32_t value;
    const char *name;
} statuses[] = {
    STATUS(IOTWIRE_OK),
    STATUS(IOTWIRE_ERR_NULL_POINTER),
    STATUS(IOTWIRE_ERR_INVALID_ARGUMENT),
    STATUS(IOTWIRE_ERR_BUFFER_TOO_SMALL),
    STATUS(IOTWIRE_ERR_UNSUPPORTED),
    STATUS(IOTWIRE_ERR_OVERLAP),
    STATUS(IOTWIRE_ERR_INVALID_SELECTOR),
    STATUS(IOTWIRE_ERR_INVALID_STRUCT_SIZE),
    STATUS(IOTWIRE_ERR_INVALID_PRODUCT_KEY),
    STATUS(IOTWIRE_ERR_INVALID_DEVICE_NAME),
    STATUS(IOTWIRE_ERR_INVALID_CLIENT_ID),
    STATUS(IOTWIRE_ERR_INVALID_KEEPALIVE),
    STATUS(IOTWIRE_ERR_INVALID_SECURE_MODE),
    STATUS(IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED),
    STATUS(IOTWIRE_ERR_MISSING_FIELD),
    STATUS(IOTWIRE_ERR_INVALID_HOST),
    STATUS(IOTWIRE_ERR_INVALID_TIMESTAMP),
    STATUS(IOTWIRE_ERR_INVALID_EXTRA_PARAMS),
    STATUS(IOTWIRE_ERR_INVALID_MAC_LENGTH),
    STATUS(IOTWIRE_ERR_OVERFLOW),
    STATUS(IOTWIRE_ERR_INVALID_JSON),
    STATUS(IOTWIRE_ERR_INVALID_DEVICE_KEY),
    STATUS(IOTWIRE_ERR_INVALID_LIFETIME),
    STATUS(IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED),
    STATUS(IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD),
    STATUS(IOTWIRE_ERR_ENOS_DEVICE_MISMATCH),
    STATUS(IOTWIRE_ERR_COAP_MALFORMED),
    STATUS(IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE),
    STATUS(IOTWIRE_ERR_COAP_BAD_PADDING),
    STATUS(IOTWIRE_ERR_COAP_NOT_AUTHENTICATED),
    STATUS(IOTWIRE_ERR_COAP_BAD_REQUEST),
    STATUS(IOTWIRE_ERR_COAP_UNAUTHORIZED),
    STATUS(IOTWIRE_ERR_COAP_FORBIDDEN),
    STATUS(IOTWIRE_ERR_COAP_NOT_FOUND),
    STATUS(IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED),
    STATUS(IOTWIRE_ERR_COAP_NOT_ACCEPTABLE),
    STATUS(IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT),
    STATUS(IOTWIRE_ERR_COAP_SERVER_ERROR),
    STATUS(IOTWIRE_ERR_COAP_UNEXPECTED_CODE),
    STATUS(IOTWIRE_ERR_COAP_INVALID_SESSION),
#if defined(IOTWIRE_HAS_COAP)
    STATUS(IOTWIRE_ERR_INVALID_CBOR),
    STATUS(IOTWIRE_ERR_COAP_EMPTY_ACK),
#endif
    STATUS(IOTWIRE_ERR_MQTT_NEED_MORE_DATA),
    STATUS(IOTWIRE_ERR_MQTT_MALFORMED),
    STATUS(IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET),
    STATUS(IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED),
    STATUS(IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED),
    STATUS(IOTWIRE_ERR_MQTT_INVALID_PACKET_ID),
    STATUS(IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE),
    STATUS(IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION),
    STATUS(IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER),
    STATUS(IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE),
    STATUS(IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS),
    STATUS(IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED),
    STATUS(IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS),
    STATUS(IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED),
    STATUS(IOTWIRE_ERR_INVALID_TOPIC),
    STATUS(IOTWIRE_ERR_INTERNAL),
};

static void t_status_names(const void *arg)
{
    size_t i;
    (void)arg;
    for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        CT_CHECK_STR(iotwire_status_str(statuses[i].value), statuses[i].name);
    }
}

static void t_status_unknown(const void *arg)
{
    static const int32_t unknown[] = {1, 2, -90, -99, -101, 100, INT32_MIN, INT32_MAX};
    size_t i;
    (void)arg;
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = iotwire_status_str(unknown[i]);
        if (s == NULL || strcmp(s, "IOTWIRE_ERR_UNKNOWN") != 0) {
            ct_fail(__FILE__, __LINE__, "iotwire_status_str(%ld) is \"%s\"", (long)unknown[i],
                    s == NULL ? "(null)" : s);
        }
    }
}

static void t_abi_version(const void *arg)
{
    (void)arg;
    CT_CHECK(iotwire_abi_version() == IOTWIRE_ABI_VERSION);
}

static void t_version_string(const void *arg)
{
    char packed[32];
    (void)arg;
    CT_CHECK_STR(iotwire_version_string(), IOTWIRE_VERSION_STRING);
    snprintf(packed, sizeof packed, "%d.%d.%d", IOTWIRE_VERSION_MAJOR, IOTWIRE_VERSION_MINOR,
             IOTWIRE_VERSION_PATCH);
    CT_CHECK_STR(IOTWIRE_VERSION_STRING, packed);
    CT_CHECK(IOTWIRE_VERSION_NUMBER == IOTWIRE_VERSION_MAJOR * 1000000 +
                                           IOTWIRE_VERSION_MINOR * 1000 + IOTWIRE_VERSION_PATCH);
}

static int str_is_empty(iotwire_str_t s)
{
    return s.ptr == NULL && s.len == 0;
}

/* Every field is written (the struct starts as 0xA5 garbage) with the documented defaults. */
static void t_options_init(const void *arg)
{
    iotwire_mqtt_options_t o;
    size_t i;
    (void)arg;
    memset(&o, 0xA5, sizeof o);
    CT_CHECK_RC(iotwire_mqtt_options_init(&o), IOTWIRE_OK);
    CT_CHECK(o.struct_size == sizeof(iotwire_mqtt_options_t));
    CT_CHECK(o.mode == IOTWIRE_MQTT_MODE_DEVICE_SECRET);
    CT_CHECK(o.region == IOTWIRE_REGION_SHANGHAI);
    CT_CHECK(o.sign_method == IOTWIRE_SIGN_METHOD_DEFAULT);
    CT_CHECK(o.secure_mode == IOTWIRE_SECURE_MODE_DEFAULT);
    CT_CHECK(o.flags == 0);
    CT_CHECK(o.legacy_sdk == IOTWIRE_LEGACY_SDK_NONE);
    CT_CHECK(o.legacy_build == 0);
    CT_CHECK(o.port == 0);
    CT_CHECK(o.reserved == 0);
    CT_CHECK(o.keepalive_s == 300);
    for (i = 0; i < FX_FIELD_COUNT; i++) {
        if (!str_is_empty(*fx_field(&o, i))) {
            ct_fail(__FILE__, __LINE__, "%s is not {NULL, 0}", fx_field_name(i));
        }
    }
    CT_CHECK_RC(iotwire_mqtt_options_init(NULL), IOTWIRE_ERR_NULL_POINTER);
}

static void t_port_null(const void *arg)
{
    iotwire_mqtt_options_t o;
    uint16_t port = 0xBEEF;
    (void)arg;
    fx_baseline(&o);
    CT_CHECK_RC(iotwire_mqtt_get_port(&o, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_mqtt_get_port(NULL, &port), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK(port == 0xBEEF);
    CT_CHECK_RC(iotwire_mqtt_get_port(NULL, NULL), IOTWIRE_ERR_NULL_POINTER);
}

static void t_port_values(const void *arg)
{
    iotwire_mqtt_options_t o;
    uint16_t port = 0;
    (void)arg;
    fx_baseline(&o);
    CT_CHECK_RC(iotwire_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 1883); /* header: 1883 for the documented endpoints */
    o.port = 8883;
    CT_CHECK_RC(iotwire_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 8883);
    fx_baseline(&o);
    o.timestamp = iotwire_str("");
    o.client_id = iotwire_str("");
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_0_1;
    o.legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS;
    CT_CHECK_RC(iotwire_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 443); /* v3.0.1 dev_sign_mqtt.c: 443 with SUPPORT_TLS, else 1883 */
    o.legacy_build = 0;
    CT_CHECK_RC(iotwire_mqtt_get_port(&o, &port), IOTWIRE_OK);
    CT_CHECK(port == 1883);
}

static void t_port_invalid_options(const void *arg)
{
    size_t i;
    (void)arg;
    for (i = 0; i < fx_invalid_count; i++) {
        iotwire_mqtt_options_t o;
        uint16_t port = 0xBEEF;
        int32_t rc;
        fx_baseline(&o);
        fx_invalid[i].apply(&o);
        rc = iotwire_mqtt_get_port(&o, &port);
        if (rc != fx_invalid[i].expect || port != 0xBEEF) {
            ct_fail(__FILE__, __LINE__, "%s: %s, port %u", fx_invalid[i].name,
                    iotwire_status_str(rc), (unsigned)port);
        }
    }
    for (i = 0; i < FX_FIELD_COUNT; i++) {
        iotwire_mqtt_options_t o;
        uint16_t port = 0xBEEF;
        iotwire_str_t *s;
        fx_baseline(&o);
        s = fx_field(&o, i);
        s->ptr = NULL;
        s->len = 3;
        CT_CHECK_RC(iotwire_mqtt_get_port(&o, &port), IOTWIRE_ERR_NULL_POINTER);
        CT_CHECK(port == 0xBEEF);
    }
}

static void t_keepalive(const void *arg)
{
    (void)arg;
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(0), IOTWIRE_ERR_INVALID_KEEPALIVE);
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(29), IOTWIRE_ERR_INVALID_KEEPALIVE);
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(30), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(300), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(1200), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(1201), IOTWIRE_ERR_INVALID_KEEPALIVE);
    CT_CHECK_RC(iotwire_mqtt_check_keepalive(UINT32_MAX), IOTWIRE_ERR_INVALID_KEEPALIVE);
}

/* In the options, 0 skips the keepalive check and 30/1200 are accepted. */
static void t_keepalive_in_options(const void *arg)
{
    static const uint32_t ok[] = {0, 30, 1200};
    size_t i;
    (void)arg;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        iotwire_mqtt_options_t o;
        size_t len = 0;
        fx_baseline(&o);
        o.keepalive_s = ok[i];
        if (iotwire_mqtt_get_client_id(&o, NULL, 0, &len) != IOTWIRE_OK) {
            ct_fail(__FILE__, __LINE__, "keepalive_s %lu rejected", (unsigned long)ok[i]);
        }
    }
}

typedef struct misc_test {
    const char *name;
    ct_fn fn;
} misc_test;

static const misc_test tests[] = {
    {"status_names", t_status_names},
    {"status_unknown", t_status_unknown},
    {"abi_version", t_abi_version},
    {"version_string", t_version_string},
    {"options_init", t_options_init},
    {"port_null", t_port_null},
    {"port_values", t_port_values},
    {"port_invalid_options", t_port_invalid_options},
    {"keepalive", t_keepalive},
    {"keepalive_in_options", t_keepalive_in_options},
};

void ct_suite_misc(void)
{
    size_t i;
    for (i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        ct_run("misc", tests[i].name, tests[i].fn, NULL);
    }
}
