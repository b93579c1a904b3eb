#include "options.h"

#include <stdio.h>
#include <string.h>

#define TLS_AUTO_SUB (IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE)

/* Each name is the legacy release plus the build switches its firmware was compiled with;
 * the bare release name is that release's default make.settings. */
const cli_profile_t cli_sign_profiles[] = {
    {"v3.2.0", IOTWIRE_LEGACY_SDK_V3_2_0, TLS_AUTO_SUB},
    {"v3.2.0-no-ss", IOTWIRE_LEGACY_SDK_V3_2_0, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS},
    {"v3.2.0-tcp", IOTWIRE_LEGACY_SDK_V3_2_0, IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE},
    {"v3.1.0", IOTWIRE_LEGACY_SDK_V3_1_0, TLS_AUTO_SUB},
    {"v3.0.1", IOTWIRE_LEGACY_SDK_V3_0_1, 0},
    {"v3.0.1-tls", IOTWIRE_LEGACY_SDK_V3_0_1, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS},
    {"v3.0.1-preauth", IOTWIRE_LEGACY_SDK_V3_0_1,
     IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH},
    {"bundle", IOTWIRE_LEGACY_SDK_BUNDLE, 0},
    {"bundle-tls", IOTWIRE_LEGACY_SDK_BUNDLE, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS},
    {"bundle-itls", IOTWIRE_LEGACY_SDK_BUNDLE, IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS},
    {"v2.3.0", IOTWIRE_LEGACY_SDK_V2_3_0, 0},
    {"v2.3.0-tls", IOTWIRE_LEGACY_SDK_V2_3_0, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS},
    {"linksdk-4.1.0", IOTWIRE_LEGACY_SDK_LINKSDK_4_1_0, 0},
    {NULL, 0, 0},
};

const cli_profile_t cli_dynreg_profiles[] = {
    {"v3.2.0", IOTWIRE_LEGACY_SDK_V3_2_0, TLS_AUTO_SUB},
    {"linksdk-4.2.0", IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0, 0},
    {NULL, 0, 0},
};

typedef struct {
    const char *name;
    uint32_t value;
} name_value_t;

static const name_value_t k_regions[] = {
    {"shanghai", IOTWIRE_REGION_SHANGHAI}, {"singapore", IOTWIRE_REGION_SINGAPORE},
    {"japan", IOTWIRE_REGION_JAPAN},       {"usa-west", IOTWIRE_REGION_USA_WEST},
    {"germany", IOTWIRE_REGION_GERMANY},   {NULL, 0},
};

static const name_value_t k_sign_methods[] = {
    {"hmacmd5", IOTWIRE_SIGN_METHOD_HMACMD5},
    {"hmacsha1", IOTWIRE_SIGN_METHOD_HMACSHA1},
    {"hmacsha256", IOTWIRE_SIGN_METHOD_HMACSHA256},
    {NULL, 0},
};

static int find(const name_value_t *table, const char *name, uint32_t *out)
{
    for (; table->name != NULL; table++) {
        if (strcmp(table->name, name) == 0) {
            *out = table->value;
            return 0;
        }
    }
    return -1;
}

int cli_sign_method_value(const char *name, uint32_t *out)
{
    return find(k_sign_methods, name, out);
}

iotwire_str_t cli_str(const cli_args_t *args, cli_opt_t opt)
{
    return iotwire_str(cli_get(args, opt));
}

int cli_set_endpoint(const cli_args_t *args, iotwire_mqtt_options_t *opts, char *err,
                     size_t err_cap)
{
    const char *region = cli_get(args, OPT_REGION);
    if (region != NULL && cli_has(args, OPT_HOST)) {
        snprintf(err, err_cap, "give either --region or --host, not both");
        return -1;
    }
    if (cli_has(args, OPT_HOST)) {
        opts->region = IOTWIRE_REGION_CUSTOM;
        opts->host = cli_str(args, OPT_HOST);
    } else if (region != NULL && find(k_regions, region, &opts->region) != 0) {
        snprintf(err, err_cap,
                 "unknown --region '%s' (shanghai, singapore, japan, usa-west, germany)", region);
        return -1;
    }
    return 0;
}

int cli_set_sign_method(const cli_args_t *args, iotwire_mqtt_options_t *opts, char *err,
                        size_t err_cap)
{
    const char *method = cli_get(args, OPT_SIGN_METHOD);
    if (method != NULL && find(k_sign_methods, method, &opts->sign_method) != 0) {
        snprintf(err, err_cap, "unknown --sign-method '%s' (hmacmd5, hmacsha1, hmacsha256)",
                 method);
        return -1;
    }
    return 0;
}

int cli_set_profile(const cli_args_t *args, const cli_profile_t *table,
                    iotwire_mqtt_options_t *opts, char *err, size_t err_cap)
{
    const char *name = cli_get(args, OPT_PROFILE);
    if (name == NULL) {
        return 0;
    }
    for (; table->name != NULL; table++) {
        if (strcmp(table->name, name) == 0) {
            opts->legacy_sdk = table->legacy_sdk;
            opts->legacy_build = table->legacy_build;
            return 0;
        }
    }
    snprintf(err, err_cap, "unknown --profile '%s' for this command (see --help)", name);
    return -1;
}

int cli_parse_number(const cli_args_t *args, cli_opt_t opt, uint32_t max, uint32_t *out,
                     char *err, size_t err_cap)
{
    const char *s = cli_get(args, opt);
    uint32_t value = 0;
    const char *p;
    for (p = s; *p != '\0'; p++) {
        uint32_t digit;
        if (*p < '0' || *p > '9') {
            break;
        }
        digit = (uint32_t)(*p - '0');
        if (digit > max || value > (max - digit) / 10u) {
            value = 0;
            break;
        }
        value = value * 10u + digit;
    }
    if (p == s || *p != '\0' || value == 0) {
        snprintf(err, err_cap, "--%s needs a number from 1 to %lu, got '%s'", cli_opt_name(opt),
                 (unsigned long)max, s);
        return -1;
    }
    *out = value;
    return 0;
}
