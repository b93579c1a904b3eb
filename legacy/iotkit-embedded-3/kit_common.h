/* iotwire swap-in kit for iotkit-embedded 3.x: what every kit file shares.
 *
 * The kit files replace SDK files one for one (kit_dev_sign.c for src/dev_sign/dev_sign_mqtt.c,
 * kit_sha256.c for src/infra/infra_sha256.c, ...): same symbols, same prototypes (taken from
 * the SDK's own headers, which stay in the tree), same return codes and side effects, with the
 * bytes computed by libiotwire. scripts/swap-in-iotkit.sh copies this folder into the SDK as
 * the component src/iotwire and writes iotwire_kit_config.h next to it. */
#ifndef IOTWIRE_KIT_COMMON_H
#define IOTWIRE_KIT_COMMON_H

#include <stddef.h>
#include <string.h>

#include "infra_types.h"
#include "infra_defs.h"
#include "iotwire.h"
#include "iotwire_kit_config.h"


/* C99 has no static_assert: a negative array size stops the build when a layout drifts. */
#define KIT_ASSERT(name, cond) typedef char kit_assert_##name[(cond) ? 1 : -1]

/* The SDK's platform allocator (wrappers.h in 3.1/3.2, per-module wrapper headers in 3.0.1);
 * declared here with the SDK's exact prototypes so that every version compiles the same. */
void *HAL_Malloc(uint32_t size);
void HAL_Free(void *ptr);
uint32_t HAL_Random(uint32_t region);

/* Hex digits of the legacy encoders: upper case for HMAC-SHA256 (dev_sign, dynreg), lower
 * case for HMAC-MD5/SHA1 (utils_hb2hex). */
#define KIT_HEX_UPPER "0123456789ABCDEF"
#define KIT_HEX_LOWER "0123456789abcdef"

/* Writes 2 * n hex characters of `in` to `out` (no NUL: the legacy helpers wrote none). */
static inline void kit_hex(const uint8_t *in, size_t n, char *out, const char *digits)
{
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 0xf];
    }
}

/* Length of a C string, scanning at most `max` bytes (for buffers the SDK may leave without
 * NUL: the result is then `max`, and nothing past the buffer is read). */
static inline size_t kit_strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n] != '\0') {
        n++;
    }
    return n;
}

/* A kit function that shares its object with another only to keep the SDK's archive layout
 * (utils_hmac_sha256 with utils_sha256: the Linux HAL's TLS PSK code, linked after
 * libiot_sdk.a, finds it there). Its own section, so --gc-sections can drop it from a program
 * that never calls it; hidden, because the SDK's Linux board links programs with -rdynamic,
 * which keeps every exported function however unreferenced. Hidden symbols still link
 * statically across the SDK's libraries. Not in a shared-library build (-fPIC without -fPIE:
 * CONFIG_LIB_EXPORT=dynamic), whose libiot_sdk.so must export it; not for compilers without
 * GCC attributes or ELF sections, where it is a plain function. */
#if defined(__GNUC__) && defined(__ELF__) && !(defined(__PIC__) && !defined(__PIE__))
#define KIT_DROPPABLE(name) __attribute__((section(".text." name), visibility("hidden")))
#else
#define KIT_DROPPABLE(name)
#endif

/* The build switches of this SDK build, as libiotwire's IOTWIRE_LEGACY_BUILD_* bits. The SDK
 * passes every FEATURE_X=y of make.settings as -DX, so the kit sees the same #ifdefs as the
 * file it replaces. */
#if defined(SUPPORT_TLS)
#define KIT_BIT_TLS IOTWIRE_LEGACY_BUILD_SUPPORT_TLS
#else
#define KIT_BIT_TLS 0
#endif
#if defined(MQTT_AUTO_SUBSCRIBE)
#define KIT_BIT_AUTO_SUB IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE
#else
#define KIT_BIT_AUTO_SUB 0
#endif
#if defined(MQTT_PRE_AUTH)
#define KIT_BIT_PRE_AUTH IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH
#else
#define KIT_BIT_PRE_AUTH 0
#endif
#define KIT_BUILD ((uint32_t)(KIT_BIT_TLS | KIT_BIT_AUTO_SUB | KIT_BIT_PRE_AUTH))

#endif /* IOTWIRE_KIT_COMMON_H */
