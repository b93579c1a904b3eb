/*
 * Firmware built by CMake against iotwire::iotwire for a Cortex-M, run under QEMU by ctest.
 * Checks the known answers in fw_vectors.h (copied from tests/vectors at configure time) and
 * that what the build left out is absent; prints one line per check over semihosting and
 * returns 0 only if every check passed, which the startup code makes QEMU's exit status.
 */
#include "iotwire.h"

/* The features CMake said the library has (FIRMWARE_EXPECT_FEATURES) must be exactly those the
 * target's definitions announce: a missing IOTWIRE_HAS_* would silently skip a check, an extra
 * one would surface only as an undefined symbol at link time. */
#if defined(FW_EXPECT_MQTT) != defined(IOTWIRE_HAS_MQTT)
#error "IOTWIRE_HAS_MQTT from iotwire::iotwire does not match FIRMWARE_EXPECT_FEATURES"
#endif
#if defined(FW_EXPECT_LEGACY_SIGN) != defined(IOTWIRE_HAS_LEGACY_SIGN)
#error "IOTWIRE_HAS_LEGACY_SIGN from iotwire::iotwire does not match FIRMWARE_EXPECT_FEATURES"
#endif
/* legacy-sign implies legacy-v3 (Cargo.toml). */
#if (defined(FW_EXPECT_LEGACY_V3) || defined(FW_EXPECT_LEGACY_SIGN)) != defined(IOTWIRE_HAS_LEGACY_V3)
#error "IOTWIRE_HAS_LEGACY_V3 from iotwire::iotwire does not match FIRMWARE_EXPECT_FEATURES"
#endif
#if !defined(IOTWIRE_HAS_MQTT) && !defined(IOTWIRE_HAS_LEGACY_V3)
#error "nothing to check: the library has neither mqtt nor legacy-v3"
#endif

#if defined(IOTWIRE_HAS_LEGACY_V3)
/* The known answer v320-default-01 is iotkit-embedded 3.2.0's default build. */
#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE
#include "dev_sign_api.h"
#endif

#include "fw_vectors.h"

#include <stdio.h>
#include <string.h>

/* A feature the build left out must be missing from the linked archive too, not only from the
 * header (a stale archive from another build would otherwise pass every check): a weak
 * reference resolves to NULL when no linked object defines the symbol. */
#if !defined(IOTWIRE_HAS_MQTT)
extern void iotwire_mqtt_get_password(void) __attribute__((weak));
#endif
#if !defined(IOTWIRE_HAS_LEGACY_SIGN) && defined(IOTWIRE_HAS_LEGACY_V3)
/* The header's prototype, declared weak; the parentheses keep its macro out. */
extern int32_t(IOT_Sign_MQTT)(iotx_mqtt_region_types_t region, iotx_dev_meta_info_t *meta,
                              iotx_sign_mqtt_t *signout) __attribute__((weak));
#elif !defined(IOTWIRE_HAS_LEGACY_SIGN)
extern void IOT_Sign_MQTT(void) __attribute__((weak));
#endif

static unsigned fw_passed;
static unsigned fw_failed;

static void report(const char *check, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) {
        printf("PASS %s\n", check);
        fw_passed++;
    } else {
        printf("FAIL %s: got \"%s\" want \"%s\"\n", check, got, want);
        fw_failed++;
    }
}

#if !defined(IOTWIRE_HAS_MQTT) || !defined(IOTWIRE_HAS_LEGACY_SIGN)
static void check_absent(const char *symbol, int linked)
{
    if (!linked) {
        printf("PASS %s absent\n", symbol);
        fw_passed++;
    } else {
        printf("FAIL %s is linked, but its feature is not announced\n", symbol);
        fw_failed++;
    }
}
#endif

#if defined(IOTWIRE_HAS_LEGACY_V3)
static void check_legacy(void)
{
    /* static: the legacy structs are large for a 16 KiB-RAM M0 stack frame. */
    static iotx_dev_meta_info_t meta;
    static iotx_sign_mqtt_t out;
    int32_t rc;

    memset(&meta, 0, sizeof meta);
    memset(&out, 0, sizeof out);
    strcpy(meta.product_key, FW_LEGACY_PRODUCT_KEY);
    strcpy(meta.device_name, FW_LEGACY_DEVICE_NAME);
    strcpy(meta.device_secret, FW_LEGACY_DEVICE_SECRET);
    /* As legacy firmware calls it: the header's macro (iotwire_legacy_v3_2_0_sign_mqtt). */
    rc = IOT_Sign_MQTT((iotx_mqtt_region_types_t)FW_LEGACY_REGION, &meta, &out);
    if (rc != 0) {
        printf("FAIL IOT_Sign_MQTT v320-default-01: returned %ld\n", (long)rc);
        fw_failed++;
        return;
    }
    report("IOT_Sign_MQTT v320-default-01", out.password, FW_LEGACY_PASSWORD);
#if defined(IOTWIRE_HAS_LEGACY_SIGN)
    memset(&out, 0, sizeof out);
    /* Parenthesised: the exported symbol (v3.2.0 default build), not the header's macro. */
    rc = (IOT_Sign_MQTT)((iotx_mqtt_region_types_t)FW_LEGACY_REGION, &meta, &out);
    if (rc != 0) {
        printf("FAIL exported IOT_Sign_MQTT v320-default-01: returned %ld\n", (long)rc);
        fw_failed++;
        return;
    }
    report("exported IOT_Sign_MQTT v320-default-01", out.password, FW_LEGACY_PASSWORD);
#endif
}
#endif

#if defined(IOTWIRE_HAS_MQTT)
static void check_doc_example(void)
{
    iotwire_mqtt_options_t opts;
    char password[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];
    size_t len = 0;
    int32_t rc;

    /* The options tests/cmake-consumer/main.c uses on the host. */
    iotwire_mqtt_options_init(&opts);
    opts.product_key = iotwire_str(FW_DOC_PRODUCT_KEY);
    opts.device_name = iotwire_str(FW_DOC_DEVICE_NAME);
    opts.device_secret = iotwire_str(FW_DOC_DEVICE_SECRET);
    opts.client_id = iotwire_str(FW_DOC_CLIENT_ID);
    opts.timestamp = iotwire_str(FW_DOC_TIMESTAMP);
    opts.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    opts.flags = IOTWIRE_MQTT_FLAG_LAX_NAMES;
    rc = iotwire_mqtt_get_password(&opts, password, sizeof password, &len);
    if (rc != IOTWIRE_OK) {
        printf("FAIL iotwire_mqtt_get_password doc-mqtt-tcp-hmacsha1: %s\n",
               iotwire_status_str(rc));
        fw_failed++;
        return;
    }
    report("iotwire_mqtt_get_password doc-mqtt-tcp-hmacsha1", password, FW_DOC_PASSWORD);
}
#endif

int main(void)
{
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) {
        printf("FAIL iotwire ABI version %lu\n", (unsigned long)iotwire_abi_version());
        return 1;
    }
#if defined(IOTWIRE_HAS_LEGACY_V3)
    check_legacy();
#endif
#if !defined(IOTWIRE_HAS_LEGACY_SIGN)
    check_absent("IOT_Sign_MQTT", (IOT_Sign_MQTT) != NULL);
#endif
#if defined(IOTWIRE_HAS_MQTT)
    check_doc_example();
#else
    check_absent("iotwire_mqtt_get_password", iotwire_mqtt_get_password != NULL);
#endif
    printf("DONE %u passed, %u failed\n", fw_passed, fw_failed);
    return fw_failed == 0 && fw_passed > 0 ? 0 : 1;
}
