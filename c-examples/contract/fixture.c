/* Options fixture: the baseline and its invalid variants (see fixture.h). */
#include "fixture.h"

#include <stdint.h>

void fx_baseline(iotwire_mqtt_options_t *o)
{
    (void)iotwire_mqtt_options_init(o);
    o->product_key = iotwire_str(FX_PK);
    o->device_name = iotwire_str(FX_DN);
    o->device_secret = iotwire_str(FX_DS);
    o->timestamp = iotwire_str(FX_TS);
    o->client_id = iotwire_str(FX_CID);
}

iotwire_str_t *fx_field(iotwire_mqtt_options_t *o, size_t i)
{
    switch (i) {
    case 0: return &o->product_key;
    case 1: return &o->device_name;
    case 2: return &o->device_secret;
    case 3: return &o->product_secret;
    case 4: return &o->client_id;
    case 5: return &o->host;
    case 6: return &o->timestamp;
    case 7: return &o->instance_id;
    case 8: return &o->random;
    case 9: return &o->device_token;
    default: return &o->extra_params;
    }
}

const char *fx_field_name(size_t i)
{
    static const char *const names[FX_FIELD_COUNT] = {
        "product_key", "device_name", "device_secret", "product_secret",
        "client_id",   "host",        "timestamp",     "instance_id",
        "random",      "device_token", "extra_params",
    };
    return i < FX_FIELD_COUNT ? names[i] : "?";
}

/* Mutations are one-liners; the short name keeps them on one line. */
typedef iotwire_mqtt_options_t opts_t;

static void mode_6(opts_t *o) { o->mode = 6u; }
static void mode_max(opts_t *o) { o->mode = UINT32_MAX; }
static void region_6(opts_t *o) { o->region = 6u; }
static void region_max(opts_t *o) { o->region = UINT32_MAX; }
static void sign_method_4(opts_t *o) { o->sign_method = 4u; }
static void sign_method_max(opts_t *o) { o->sign_method = UINT32_MAX; }
static void legacy_sdk_8(opts_t *o) { o->legacy_sdk = 8u; }
static void legacy_sdk_99(opts_t *o) { o->legacy_sdk = 99u; }
/* Build bits only mean something for a legacy SDK. */
static void build_without_sdk(opts_t *o)
{
    o->legacy_sdk = IOTWIRE_LEGACY_SDK_NONE;
    o->legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS;
}
static void build_bit_16(opts_t *o)
{
    o->legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o->legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | 0x10u;
}
static void build_bit_31(opts_t *o)
{
    o->legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o->legacy_build = 0x80000000u;
}
static void struct_size_0(opts_t *o) { o->struct_size = 0u; }
static void struct_size_4(opts_t *o) { o->struct_size = 4u; }
static void struct_size_minus_1(opts_t *o)
{
    o->struct_size = (uint32_t)sizeof(iotwire_mqtt_options_t) - 1u;
}
static void reserved_1(opts_t *o) { o->reserved = 1u; }
static void reserved_max(opts_t *o) { o->reserved = UINT16_MAX; }
static void flag_8(opts_t *o) { o->flags = 8u; }
static void flag_31(opts_t *o) { o->flags = IOTWIRE_MQTT_FLAG_LAX_NAMES | 0x80000000u; }
static void custom_without_host(opts_t *o)
{
    o->region = IOTWIRE_REGION_CUSTOM;
    o->host.ptr = NULL;
    o->host.len = 0;
}
static void secure_mode_7(opts_t *o) { o->secure_mode = 7; }
static void plaintext_without_flag(opts_t *o) { o->secure_mode = 3; }
static void bad_product_key(opts_t *o) { o->product_key = iotwire_str("a1X2b!nP82z"); }
static void long_product_key(opts_t *o)
{
    o->product_key = iotwire_str("a1X2bEnP82za1X2bEnP82z");
}
static void short_device_name(opts_t *o) { o->device_name = iotwire_str("abc"); }
static void pipe_in_client_id(opts_t *o) { o->client_id = iotwire_str("my|client"); }
static void bad_timestamp(opts_t *o) { o->timestamp = iotwire_str("17000x"); }
static void bad_extra_params(opts_t *o) { o->extra_params = iotwire_str("novalue"); }
static void bad_custom_host(opts_t *o)
{
    o->region = IOTWIRE_REGION_CUSTOM;
    o->host = iotwire_str("bad host");
}
static void keepalive_29(opts_t *o) { o->keepalive_s = 29u; }
static void keepalive_1201(opts_t *o) { o->keepalive_s = 1201u; }

const fx_mutation fx_invalid[] = {
    {"mode=6", mode_6, IOTWIRE_ERR_INVALID_SELECTOR},
    {"mode=UINT32_MAX", mode_max, IOTWIRE_ERR_INVALID_SELECTOR},
    {"region=6", region_6, IOTWIRE_ERR_INVALID_SELECTOR},
    {"region=UINT32_MAX", region_max, IOTWIRE_ERR_INVALID_SELECTOR},
    {"sign_method=4", sign_method_4, IOTWIRE_ERR_INVALID_SELECTOR},
    {"sign_method=UINT32_MAX", sign_method_max, IOTWIRE_ERR_INVALID_SELECTOR},
    {"legacy_sdk=8", legacy_sdk_8, IOTWIRE_ERR_INVALID_SELECTOR},
    {"legacy_sdk=99", legacy_sdk_99, IOTWIRE_ERR_INVALID_SELECTOR},
    {"legacy_build without legacy_sdk", build_without_sdk, IOTWIRE_ERR_INVALID_SELECTOR},
    {"legacy_build bit 0x10", build_bit_16, IOTWIRE_ERR_INVALID_SELECTOR},
    {"legacy_build bit 31", build_bit_31, IOTWIRE_ERR_INVALID_SELECTOR},
    {"struct_size=0", struct_size_0, IOTWIRE_ERR_INVALID_STRUCT_SIZE},
    {"struct_size=4", struct_size_4, IOTWIRE_ERR_INVALID_STRUCT_SIZE},
    {"struct_size=sizeof-1", struct_size_minus_1, IOTWIRE_ERR_INVALID_STRUCT_SIZE},
    {"reserved=1", reserved_1, IOTWIRE_ERR_INVALID_ARGUMENT},
    {"reserved=0xFFFF", reserved_max, IOTWIRE_ERR_INVALID_ARGUMENT},
    {"flags=8", flag_8, IOTWIRE_ERR_INVALID_ARGUMENT},
    {"flags bit 31", flag_31, IOTWIRE_ERR_INVALID_ARGUMENT},
    {"region=CUSTOM without host", custom_without_host, IOTWIRE_ERR_MISSING_FIELD},
    {"secure_mode=7", secure_mode_7, IOTWIRE_ERR_INVALID_SECURE_MODE},
    {"secure_mode=3 without ALLOW_PLAINTEXT", plaintext_without_flag,
     IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED},
    {"product_key with '!'", bad_product_key, IOTWIRE_ERR_INVALID_PRODUCT_KEY},
    {"product_key of 22", long_product_key, IOTWIRE_ERR_INVALID_PRODUCT_KEY},
    {"device_name of 3", short_device_name, IOTWIRE_ERR_INVALID_DEVICE_NAME},
    {"client_id with '|'", pipe_in_client_id, IOTWIRE_ERR_INVALID_CLIENT_ID},
    {"timestamp not decimal", bad_timestamp, IOTWIRE_ERR_INVALID_TIMESTAMP},
    {"extra_params without '='", bad_extra_params, IOTWIRE_ERR_INVALID_EXTRA_PARAMS},
    {"custom host with a space", bad_custom_host, IOTWIRE_ERR_INVALID_HOST},
    {"keepalive_s=29", keepalive_29, IOTWIRE_ERR_INVALID_KEEPALIVE},
    {"keepalive_s=1201", keepalive_1201, IOTWIRE_ERR_INVALID_KEEPALIVE},
};

const size_t fx_invalid_count = sizeof fx_invalid / sizeof fx_invalid[0];
