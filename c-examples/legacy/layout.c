/*
 * Run-time view of the struct layouts a legacy firmware relies on (the headers also check them
 * at compile time against the iotwire_legacy_* structs). Expected numbers are the legacy ones
 * of iotkit-embedded's `infra_defs.h`: they follow from the member sizes with 2-byte aligned
 * uint16_t. EXPECT_META_SIZE comes from CMake: 249 for a struct with the 3.2.0 `module`
 * member, 184 without.
 */
#include <stddef.h>
#include <stdio.h>

#if defined(LAYOUT_BUNDLE_HEADER)
#include "sign_api.h"
#else
#include "dev_sign_api.h"
#endif

#ifndef EXPECT_META_SIZE
#error "EXPECT_META_SIZE must be defined by the build"
#endif

static int failures;

static void expect(const char *what, size_t actual, size_t expected)
{
    printf("%-44s %4lu (legacy %lu)%s\n", what, (unsigned long)actual, (unsigned long)expected,
           actual == expected ? "" : "  MISMATCH");
    if (actual != expected) {
        failures++;
    }
}

int main(void)
{
    expect("sizeof(iotx_sign_mqtt_t)", sizeof(iotx_sign_mqtt_t), 396);
    expect("offsetof(iotx_sign_mqtt_t, hostname)", offsetof(iotx_sign_mqtt_t, hostname), 0);
    expect("offsetof(iotx_sign_mqtt_t, port)", offsetof(iotx_sign_mqtt_t, port), 64);
    expect("offsetof(iotx_sign_mqtt_t, clientid)", offsetof(iotx_sign_mqtt_t, clientid), 66);
    expect("offsetof(iotx_sign_mqtt_t, username)", offsetof(iotx_sign_mqtt_t, username), 266);
    expect("offsetof(iotx_sign_mqtt_t, password)", offsetof(iotx_sign_mqtt_t, password), 330);
    expect("sizeof(iotwire_legacy_sign_mqtt_t)", sizeof(iotwire_legacy_sign_mqtt_t), 396);

    expect("sizeof(iotx_dev_meta_info_t)", sizeof(iotx_dev_meta_info_t), EXPECT_META_SIZE);
    expect("offsetof(iotx_dev_meta_info_t, product_key)",
           offsetof(iotx_dev_meta_info_t, product_key), 0);
    expect("offsetof(iotx_dev_meta_info_t, product_secret)",
           offsetof(iotx_dev_meta_info_t, product_secret), 21);
    expect("offsetof(iotx_dev_meta_info_t, device_name)",
           offsetof(iotx_dev_meta_info_t, device_name), 86);
    expect("offsetof(iotx_dev_meta_info_t, device_secret)",
           offsetof(iotx_dev_meta_info_t, device_secret), 119);
#if !defined(LAYOUT_BUNDLE_HEADER) && IOTWIRE_LEGACY_META_HAS_MODULE
    expect("offsetof(iotx_dev_meta_info_t, module)", offsetof(iotx_dev_meta_info_t, module), 184);
#endif
    expect("sizeof(iotwire_legacy_dev_meta_t)", sizeof(iotwire_legacy_dev_meta_t), 184);

    expect("IOTX_PRODUCT_KEY_LEN", IOTX_PRODUCT_KEY_LEN, 20);
    expect("IOTX_PRODUCT_SECRET_LEN", IOTX_PRODUCT_SECRET_LEN, 64);
    expect("IOTX_DEVICE_NAME_LEN", IOTX_DEVICE_NAME_LEN, 32);
    expect("IOTX_DEVICE_SECRET_LEN", IOTX_DEVICE_SECRET_LEN, 64);
    expect("DEV_SIGN_SOURCE_MAXLEN", DEV_SIGN_SOURCE_MAXLEN, 200);
    expect("DEV_SIGN_HOSTNAME_MAXLEN", DEV_SIGN_HOSTNAME_MAXLEN, 64);
    expect("DEV_SIGN_CLIENT_ID_MAXLEN", DEV_SIGN_CLIENT_ID_MAXLEN, 200);
    expect("DEV_SIGN_USERNAME_MAXLEN", DEV_SIGN_USERNAME_MAXLEN, 64);
    expect("DEV_SIGN_PASSWORD_MAXLEN", DEV_SIGN_PASSWORD_MAXLEN, 65);
#if !defined(LAYOUT_BUNDLE_HEADER)
    expect("IOTX_MODULE_LEN", IOTX_MODULE_LEN, 64);
    expect("IOTX_DOMAIN_MAX_LEN", IOTX_DOMAIN_MAX_LEN, 64);
    expect("IOTX_MQTT_DOMAIN_NUMBER", IOTX_MQTT_DOMAIN_NUMBER, 6);
#endif
    expect("IOTX_CLOUD_REGION_SHANGHAI", IOTX_CLOUD_REGION_SHANGHAI, 0);
    expect("IOTX_CLOUD_REGION_SINGAPORE", IOTX_CLOUD_REGION_SINGAPORE, 1);
    expect("IOTX_CLOUD_REGION_JAPAN", IOTX_CLOUD_REGION_JAPAN, 2);
    expect("IOTX_CLOUD_REGION_USA_WEST", IOTX_CLOUD_REGION_USA_WEST, 3);
    expect("IOTX_CLOUD_REGION_GERMANY", IOTX_CLOUD_REGION_GERMANY, 4);
    expect("IOTX_CLOUD_REGION_CUSTOM", IOTX_CLOUD_REGION_CUSTOM, 5);
    expect("IOTX_CLOUD_DOMAIN_MAX", IOTX_CLOUD_DOMAIN_MAX, 6);

    printf("%d mismatches\n", failures);
    return failures == 0 ? 0 : 1;
}
