/* Hand-written; what include/legacy/dev_sign_api.h and include/legacy/sign_api.h do alike.
 * Firmware includes one of those two, never this file. */

#ifndef IOTWIRE_LEGACY_BUILD_H
#define IOTWIRE_LEGACY_BUILD_H

/** @file iotwire_legacy_build.h
 *  @brief Internal to the drop-in headers dev_sign_api.h and sign_api.h, which include it
 *  after setting `IOTWIRE_LEGACY_SDK`: the legacy build switches of the translation unit,
 *  the custom domain default, the call routing and the layout check macros they share.
 *
 *  It names no legacy type: each drop-in defines its own `iotx_*` structs (their layouts
 *  differ) and passes its arguments to IOTWIRE__LEGACY_SIGN_MQTT() already type-checked.
 */

#include <stddef.h>
#include <stdint.h>

#include "iotwire.h"

/* Lets a firmware keep the config header its legacy build used (the one iotkit-embedded
 * generated, or any header defining SUPPORT_TLS and friends) instead of repeating its flags:
 * -DIOTWIRE_LEGACY_CONFIG_HEADER='"infra_config.h"'. Included before the switches are read. */
#if defined(IOTWIRE_LEGACY_CONFIG_HEADER)
#include IOTWIRE_LEGACY_CONFIG_HEADER
#endif

/* Each switch counts when defined, whatever its value, exactly as legacy's #ifdef did. */
#if defined(SUPPORT_TLS)
/** @brief `IOTWIRE_LEGACY_BUILD_SUPPORT_TLS`: `SUPPORT_TLS` is defined. */
#define IOTWIRE__LEGACY_BIT_TLS IOTWIRE_LEGACY_BUILD_SUPPORT_TLS
#else
/** @brief 0: `SUPPORT_TLS` is not defined. */
#define IOTWIRE__LEGACY_BIT_TLS 0
#endif
#if defined(MQTT_AUTO_SUBSCRIBE)
/** @brief `IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE`: `MQTT_AUTO_SUBSCRIBE` is defined. */
#define IOTWIRE__LEGACY_BIT_AUTO_SUB IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE
#else
/** @brief 0: `MQTT_AUTO_SUBSCRIBE` is not defined. */
#define IOTWIRE__LEGACY_BIT_AUTO_SUB 0
#endif
#if defined(MQTT_PRE_AUTH)
/** @brief `IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH`: `MQTT_PRE_AUTH` is defined. */
#define IOTWIRE__LEGACY_BIT_PRE_AUTH IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH
#else
/** @brief 0: `MQTT_PRE_AUTH` is not defined. */
#define IOTWIRE__LEGACY_BIT_PRE_AUTH 0
#endif
#if defined(SUPPORT_ITLS)
/** @brief `IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS`: `SUPPORT_ITLS` is defined. */
#define IOTWIRE__LEGACY_BIT_ITLS IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS
#else
/** @brief 0: `SUPPORT_ITLS` is not defined. */
#define IOTWIRE__LEGACY_BIT_ITLS 0
#endif

/** @brief The `IOTWIRE_LEGACY_BUILD_*` bits of the switches defined in this translation unit
 *  (internal: read by the `IOT_Sign_MQTT` macro). */
#define IOTWIRE__LEGACY_BUILD_BITS                                                   \
    ((uint32_t)(IOTWIRE__LEGACY_BIT_TLS | IOTWIRE__LEGACY_BIT_AUTO_SUB |             \
                IOTWIRE__LEGACY_BIT_PRE_AUTH | IOTWIRE__LEGACY_BIT_ITLS))

/** @brief Host used for region `IOTX_CLOUD_REGION_CUSTOM`: any expression of type
 *  `const char *`, evaluated at each call (NULL: none, the call fails with the legacy SDK's
 *  "domain missing" code). Other regions ignore it.
 *
 *  Predefine it before including dev_sign_api.h or sign_api.h; their file documentation shows
 *  how it replaces the global each legacy SDK kept the domain in. */
#ifndef IOTWIRE_LEGACY_MQTT_DOMAIN
#define IOTWIRE_LEGACY_MQTT_DOMAIN NULL
#endif

/* The drop-ins hand their structs to libiotwire as iotwire_legacy_*: any layout drift must
 * stop the build, not corrupt memory (C99 has no static_assert, hence negative array sizes). */
/** @brief Compile-time assertion: declares a typedef named after `name` that is an invalid
 *  array type when `cond` is false. */
#define IOTWIRE__LEGACY_CHECK(name, cond) typedef char iotwire__legacy_check_##name[(cond) ? 1 : -1]
/** @brief Asserts that `field` has the same offset and size in both structs. */
#define IOTWIRE__LEGACY_SAME_FIELD(name, legacy_t, ours_t, field)                             \
    IOTWIRE__LEGACY_CHECK(name, offsetof(legacy_t, field) == offsetof(ours_t, field) &&        \
                                    sizeof(((legacy_t *)0)->field) == sizeof(((ours_t *)0)->field))

/* The export a call goes to is chosen here, at compile time, from IOTWIRE_LEGACY_SDK (which
 * the including header has set): 3.2.0 (the default) has an export of its own, so a firmware
 * links 3.2.0's writer only; 3.1.0, 3.0.1 and the bundle share the 3.x family's export, which
 * takes the SDK as an argument; 2.3.0 (HMAC-SHA1) needs the general resolver. */
#if IOTWIRE_LEGACY_SDK == IOTWIRE_LEGACY_SDK_V2_3_0
#if !defined(IOTWIRE_HAS_LEGACY_SIGN)
#error "IOT_Sign_MQTT of SDK 2.3.0 needs a libiotwire built with the Cargo feature legacy-sign"
#endif
/** @brief Body of the drop-ins' `IOT_Sign_MQTT` macro: iotwire_legacy_sign_mqtt() with this
 *  translation unit's SDK, build switches and custom domain. */
#define IOTWIRE__LEGACY_SIGN_MQTT(region, meta, signout)                                      \
    iotwire_legacy_sign_mqtt((uint32_t)(IOTWIRE_LEGACY_SDK), IOTWIRE__LEGACY_BUILD_BITS,      \
                             (int32_t)(region), (IOTWIRE_LEGACY_MQTT_DOMAIN),                \
                             (const iotwire_legacy_dev_meta_t *)(const void *)(meta),         \
                             (iotwire_legacy_sign_mqtt_t *)(void *)(signout))
#else
#if !defined(IOTWIRE_HAS_LEGACY_V3)
#error "IOT_Sign_MQTT needs a libiotwire built with the Cargo feature legacy-v3 (or legacy-sign)"
#endif
#if IOTWIRE_LEGACY_SDK == IOTWIRE_LEGACY_SDK_V3_2_0
/** @brief Body of the drop-ins' `IOT_Sign_MQTT` macro: iotwire_legacy_v3_2_0_sign_mqtt() with
 *  this translation unit's build switches and custom domain. */
#define IOTWIRE__LEGACY_SIGN_MQTT(region, meta, signout)                                      \
    iotwire_legacy_v3_2_0_sign_mqtt(IOTWIRE__LEGACY_BUILD_BITS, (int32_t)(region),            \
                                    (IOTWIRE_LEGACY_MQTT_DOMAIN),                           \
                                    (const iotwire_legacy_dev_meta_t *)(const void *)(meta),  \
                                    (iotwire_legacy_sign_mqtt_t *)(void *)(signout))
#else
/** @brief Body of the drop-ins' `IOT_Sign_MQTT` macro: iotwire_legacy_v3_sign_mqtt() with this
 *  translation unit's SDK, build switches and custom domain. */
#define IOTWIRE__LEGACY_SIGN_MQTT(region, meta, signout)                                      \
    iotwire_legacy_v3_sign_mqtt((uint32_t)(IOTWIRE_LEGACY_SDK), IOTWIRE__LEGACY_BUILD_BITS,   \
                                (int32_t)(region), (IOTWIRE_LEGACY_MQTT_DOMAIN),             \
                                (const iotwire_legacy_dev_meta_t *)(const void *)(meta),      \
                                (iotwire_legacy_sign_mqtt_t *)(void *)(signout))
#endif
#endif

#endif /* IOTWIRE_LEGACY_BUILD_H */
