/* IOT_Sign_MQTT through include/legacy/dev_sign_api.h, the way legacy firmware calls it: the
 * legacy types, the macro that routes to iotwire_legacy_sign_mqtt with this file's build
 * switches, and the exported function behind `(IOT_Sign_MQTT)(...)`.
 *
 * Its own translation unit: the legacy header declares IOT_Sign_MQTT with the legacy types,
 * exports.h with the iotwire_legacy_* ones. Expected bytes: vector v320-default-01. */

/* The switches of the iotkit-embedded 3.2.0 default make.settings, as legacy code saw them. */
#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE

#include "dev_sign_api.h"

#include "contract.h"

#include <stdlib.h>
#include <string.h>

#define V_CLIENTID                                                                            \
    "a1X2bEnP82z.example1|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=2,"               \
    "signmethod=hmacsha256,lan=C,_ss=1,gw=0,ext=0|"
#define V_PASSWORD "8C82DD19E5924A61591A7079A9A5EA92410D66A9EE6CA85FCFE0315B4CBF295C"

static void fill_meta(iotx_dev_meta_info_t *m)
{
    memset(m, 0, sizeof *m);
    strcpy(m->product_key, "a1X2bEnP82z");
    strcpy(m->device_name, "example1");
    strcpy(m->device_secret, "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    strcpy(m->module, "not-read");
}

static void check_vector(const iotx_sign_mqtt_t *s)
{
    CT_CHECK_STR(s->hostname, "a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com");
    CT_CHECK(s->port == 443);
    CT_CHECK_STR(s->clientid, V_CLIENTID);
    CT_CHECK_STR(s->username, "example1&a1X2bEnP82z");
    CT_CHECK_STR(s->password, V_PASSWORD);
}

static void t_layout(const void *arg)
{
    (void)arg;
    /* iotkit-embedded 3.2.0 infra_defs.h: 184 + module[65] */
    CT_CHECK_SIZE(sizeof(iotx_dev_meta_info_t), 249u);
    CT_CHECK_SIZE(sizeof(iotx_sign_mqtt_t), 396u);
    CT_CHECK_SIZE(offsetof(iotx_sign_mqtt_t, port), 64u);
    CT_CHECK_SIZE(offsetof(iotx_sign_mqtt_t, clientid), 66u);
    CT_CHECK_SIZE(offsetof(iotx_sign_mqtt_t, username), 266u);
    CT_CHECK_SIZE(offsetof(iotx_sign_mqtt_t, password), 330u);
}

/* The macro and the exported function on guarded heap blocks of exactly the legacy sizes. */
static void t_macro_and_function(const void *arg)
{
    iotx_dev_meta_info_t *m = (iotx_dev_meta_info_t *)malloc(sizeof *m);
    ct_buf b = ct_buf_new(sizeof(iotx_sign_mqtt_t));
    iotx_sign_mqtt_t *s = (iotx_sign_mqtt_t *)(void *)b.out;
    (void)arg;
    if (m == NULL) {
        abort();
    }
    fill_meta(m);
    CT_CHECK_RC(IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, m, s), 0);
    check_vector(s);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_reset(&b);
    CT_CHECK_RC((IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, m, s), 0);
    check_vector(s);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
    free(m);
}

static void t_invalid_inputs(const void *arg)
{
    iotx_dev_meta_info_t m;
    ct_buf b = ct_buf_new(sizeof(iotx_sign_mqtt_t));
    iotx_sign_mqtt_t *s = (iotx_sign_mqtt_t *)(void *)b.out;
    (void)arg;
    fill_meta(&m);
    CT_CHECK_RC(IOT_Sign_MQTT(IOTX_CLOUD_DOMAIN_MAX, &m, s), -275);
    CT_CHECK_RC((IOT_Sign_MQTT)(IOTX_CLOUD_DOMAIN_MAX, &m, s), -275);
    CT_CHECK_RC(IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, NULL, s), -275);
    CT_CHECK_RC((IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, NULL, s), -275);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK_RC(IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &m, NULL), -275);
    CT_CHECK_RC((IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &m, NULL), -275);
    /* IOTWIRE_LEGACY_MQTT_DOMAIN is NULL by default: the "domain missing" code */
    CT_CHECK_RC(IOT_Sign_MQTT(IOTX_CLOUD_REGION_CUSTOM, &m, s), -264);
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
}

void ct_suite_legacy_header(void)
{
    ct_run("legacy_header", "layout", t_layout, NULL);
    ct_run("legacy_header", "macro_and_function", t_macro_and_function, NULL);
    ct_run("legacy_header", "invalid_inputs", t_invalid_inputs, NULL);
}
