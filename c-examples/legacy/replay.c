/*
 * Replays the legacy IOT_Sign_MQTT answers through the drop-in header. CMake compiles this file
 * once per legacy build, with that build's switches (-DSUPPORT_TLS, -DMQTT_AUTO_SUBSCRIBE, ...,
 * -DIOTWIRE_LEGACY_SDK=...), exactly as a firmware would be compiled; each binary checks only
 * the vectors of its own build, so a switch the header maps wrongly makes the expected bytes
 * differ. The variant to check is named by CMake (REPLAY_VARIANT, from gen_vectors.py), not
 * derived from the header, so a switch the header drops cannot select another variant's
 * vectors. Three routes are checked per vector:
 *   macro    - IOT_Sign_MQTT(...) as firmware writes it (the header's macro);
 *   direct   - iotwire_legacy_sign_mqtt() with the vector's SDK/build and custom domain;
 *   exported - the IOT_Sign_MQTT symbol (function address), only for the 3.2.0 default build.
 * REPLAY_DOMAIN_VIA_MACRO routes custom domains through IOTWIRE_LEGACY_MQTT_DOMAIN (a variable
 * read at each call, the IOT_Ioctl replacement); without it the header's NULL default is in
 * force and custom-domain vectors are only checked through the direct route.
 */
#include <stdio.h>
#include <string.h>

#if defined(REPLAY_DOMAIN_VIA_MACRO)
/* Assigned before each call, where legacy 3.2.0 firmware called IOT_Ioctl(SET_MQTT_DOMAIN). */
static const char *replay_domain;
#define IOTWIRE_LEGACY_MQTT_DOMAIN replay_domain
#endif

#if defined(REPLAY_BUNDLE_HEADER)
#include "sign_api.h"
#else
#include "dev_sign_api.h"
#endif

#include "legacy_vectors.h"

#ifndef REPLAY_VARIANT
#error "REPLAY_VARIANT (the gen_vectors.py variant name) must be defined by the build"
#endif

#define GUARD_BYTE 0xA5

typedef int32_t (*legacy_sign_fn)(iotx_mqtt_region_types_t, iotx_dev_meta_info_t *,
                                  iotx_sign_mqtt_t *);

static int failures;

static int fill_field(char *dst, size_t cap, const char *src, const char *id, const char *name)
{
    size_t n = strlen(src);

    if (n >= cap) {
        printf("FAIL %s: %s of %lu bytes does not fit %lu\n", id, name, (unsigned long)n,
               (unsigned long)cap);
        return 0;
    }
    memcpy(dst, src, n);
    return 1;
}

static int make_meta(const legacy_vector_t *v, iotx_dev_meta_info_t *meta)
{
    memset(meta, 0, sizeof *meta);
    return fill_field(meta->product_key, sizeof meta->product_key, v->product_key, v->id,
                      "product_key") &&
           fill_field(meta->device_name, sizeof meta->device_name, v->device_name, v->id,
                      "device_name") &&
           fill_field(meta->device_secret, sizeof meta->device_secret, v->device_secret, v->id,
                      "device_secret");
}

static int bounded_len(const char *s, size_t cap)
{
    size_t n = 0;

    while (n < cap && s[n] != '\0') {
        n++;
    }
    return (int)n;
}

/* Compares the whole array, so bytes after the NUL must be zero too (legacy memset them). */
static int same_field(const char *route, const legacy_vector_t *v, const char *name,
                      const char *got, size_t cap, const char *want)
{
    char expected[256];

    memset(expected, 0, sizeof expected);
    if (strlen(want) >= cap || cap > sizeof expected) {
        printf("FAIL %s [%s]: expected %s does not fit its field\n", v->id, route, name);
        return 0;
    }
    memcpy(expected, want, strlen(want));
    if (memcmp(got, expected, cap) != 0) {
        printf("FAIL %s [%s]: %s\n  expected \"%s\"\n  actual   \"%.*s\"\n", v->id, route, name,
               want, bounded_len(got, cap), got);
        return 0;
    }
    return 1;
}

static void check(const char *route, const legacy_vector_t *v, int32_t rc,
                  const iotx_sign_mqtt_t *out)
{
    int ok = 1;

    if (rc != v->rc) {
        printf("FAIL %s [%s]: rc expected %ld, actual %ld\n", v->id, route, (long)v->rc,
               (long)rc);
        ok = 0;
    }
    if (v->signout_untouched) {
        const unsigned char *bytes = (const unsigned char *)out;
        size_t i;

        for (i = 0; i < sizeof *out; i++) {
            if (bytes[i] != GUARD_BYTE) {
                printf("FAIL %s [%s]: signout byte %lu written (0x%02x)\n", v->id, route,
                       (unsigned long)i, bytes[i]);
                ok = 0;
                break;
            }
        }
    } else {
        ok &= same_field(route, v, "hostname", out->hostname, sizeof out->hostname, v->hostname);
        ok &= same_field(route, v, "clientid", out->clientid, sizeof out->clientid, v->clientid);
        ok &= same_field(route, v, "username", out->username, sizeof out->username, v->username);
        ok &= same_field(route, v, "password", out->password, sizeof out->password, v->password);
        if (out->port != v->port) {
            printf("FAIL %s [%s]: port expected %u, actual %u\n", v->id, route,
                   (unsigned)v->port, (unsigned)out->port);
            ok = 0;
        }
    }
    if (ok) {
        printf("ok   %s [%s]%s\n", v->id, route,
               v->legacy_undefined_behaviour ? " (legacy UB: intended output)" : "");
    } else {
        failures++;
    }
}

static void via_macro(const legacy_vector_t *v, const iotx_dev_meta_info_t *meta)
{
    iotx_dev_meta_info_t m = *meta;
    iotx_sign_mqtt_t out;
    int32_t rc;

#if defined(REPLAY_DOMAIN_VIA_MACRO)
    replay_domain = v->custom_domain;
#else
    if (v->custom_domain != NULL) {
        return; /* IOTWIRE_LEGACY_MQTT_DOMAIN is NULL in this build */
    }
#endif
    memset(&out, GUARD_BYTE, sizeof out);
    rc = IOT_Sign_MQTT(v->region, &m, &out);
    check("macro", v, rc, &out);
}

static void via_direct(const legacy_vector_t *v, const iotx_dev_meta_info_t *meta)
{
    iotx_sign_mqtt_t out;
    int32_t rc;

    memset(&out, GUARD_BYTE, sizeof out);
    rc = iotwire_legacy_sign_mqtt(v->sdk, v->build, v->region, v->custom_domain,
                                  (const iotwire_legacy_dev_meta_t *)(const void *)meta,
                                  (iotwire_legacy_sign_mqtt_t *)(void *)&out);
    check("direct", v, rc, &out);
}

static void via_exported(const legacy_vector_t *v, const iotx_dev_meta_info_t *meta)
{
    /* Naming the function without a call bypasses the macro: this is the linked symbol. */
    legacy_sign_fn fn = IOT_Sign_MQTT;
    iotx_dev_meta_info_t m = *meta;
    iotx_sign_mqtt_t out;
    int32_t rc;

    if (v->sdk != IOTWIRE_LEGACY_SDK_V3_2_0 ||
        v->build != (IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE) ||
        v->custom_domain != NULL) {
        return;
    }
    memset(&out, GUARD_BYTE, sizeof out);
    rc = fn((iotx_mqtt_region_types_t)v->region, &m, &out);
    check("exported", v, rc, &out);
}

int main(void)
{
    size_t i;
    unsigned matched = 0;

    printf("replaying %s: IOTWIRE_LEGACY_SDK=%u build bits=0x%x (%s header, custom domain %s)\n",
           REPLAY_VARIANT, (unsigned)IOTWIRE_LEGACY_SDK, (unsigned)IOTWIRE__LEGACY_BUILD_BITS,
#if defined(REPLAY_BUNDLE_HEADER)
           "sign_api.h",
#else
           "dev_sign_api.h",
#endif
#if defined(REPLAY_DOMAIN_VIA_MACRO)
           "via IOTWIRE_LEGACY_MQTT_DOMAIN"
#else
           "NULL default"
#endif
    );
    for (i = 0; i < LEGACY_VECTOR_COUNT; i++) {
        const legacy_vector_t *v = &legacy_vectors[i];
        iotx_dev_meta_info_t meta;

        if (strcmp(v->variant, REPLAY_VARIANT) != 0) {
            continue;
        }
        matched++;
        if (v->sdk != (uint32_t)IOTWIRE_LEGACY_SDK || v->build != IOTWIRE__LEGACY_BUILD_BITS) {
            printf("FAIL %s: header selected SDK %u bits 0x%x, the legacy build is SDK %u bits "
                   "0x%x\n", v->id, (unsigned)IOTWIRE_LEGACY_SDK,
                   (unsigned)IOTWIRE__LEGACY_BUILD_BITS, (unsigned)v->sdk, (unsigned)v->build);
            failures++;
        }
        if (!make_meta(v, &meta)) {
            failures++;
            continue;
        }
        via_macro(v, &meta);
        via_direct(v, &meta);
        via_exported(v, &meta);
    }
    if (matched == 0) {
        printf("FAIL: no vector for variant %s\n", REPLAY_VARIANT);
        return 1;
    }
    printf("%u vectors, %d failed\n", matched, failures);
    return failures == 0 ? 0 : 1;
}
