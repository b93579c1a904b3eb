/* Hand-written drop-in for iotkit-embedded 3.x `dev_sign_api.h` (+ the parts of `infra_defs.h`
 * it pulled in). Not generated: edit here, and keep include/legacy/sign_api.h in step (what the
 * two share is in iotwire_legacy_build.h). */

/* The legacy guard name, so that a tree which still has the old header on its include path
 * never defines the types twice. */
#ifndef _DEV_SIGN_H_
#define _DEV_SIGN_H_

/** @file dev_sign_api.h
 *  @brief `IOT_Sign_MQTT()` for firmware written against iotkit-embedded 3.x
 *  (`#include "dev_sign_api.h"`), served by libiotwire.
 *
 *  A file written for the legacy header compiles unchanged, also inside an iotkit-embedded
 *  3.x tree whose `infra_defs.h` already defines the `iotx_*` types (they are then used, in
 *  either include order). A call `IOT_Sign_MQTT(r, m, s)` expands to
 *  iotwire_legacy_v3_2_0_sign_mqtt() for 3.2.0 (3.1.0, 3.0.1: iotwire_legacy_v3_sign_mqtt();
 *  2.3.0: iotwire_legacy_sign_mqtt()) with the build switches of the legacy build being
 *  replaced, chosen at compile time, so it yields that build's bytes and return codes and
 *  links only the 3.x family's code (for 3.2.0, only 3.2.0's):
 *
 *  - SDK version: `IOTWIRE_LEGACY_SDK`, default `IOTWIRE_LEGACY_SDK_V3_2_0`. Predefine it
 *    (e.g. `-DIOTWIRE_LEGACY_SDK=IOTWIRE_LEGACY_SDK_V3_0_1`) for 3.0.1, 3.1.0 or 2.3.0.
 *  - Build switches: `SUPPORT_TLS`, `MQTT_AUTO_SUBSCRIBE`, `MQTT_PRE_AUTH`, `SUPPORT_ITLS`,
 *    each counted when it is *defined* (legacy tested them with `#ifdef`). They are read
 *    literally from the translation unit that calls `IOT_Sign_MQTT`, NOT from the legacy
 *    `make.settings` defaults. Legacy compiled `dev_sign_mqtt.c` with the SDK's flags; pass
 *    the same flags to the file that calls `IOT_Sign_MQTT` (or name the SDK's generated
 *    config header in `IOTWIRE_LEGACY_CONFIG_HEADER`). Reminder of the legacy defaults:
 *    3.2.0 and 3.1.0 shipped with TLS + MQTT_AUTO_SUBSCRIBE, 3.0.1 with neither.
 *  - Custom domain (region `IOTX_CLOUD_REGION_CUSTOM`): `IOTWIRE_LEGACY_MQTT_DOMAIN`,
 *    default NULL. Legacy 3.2.0 stored the domain in global state with
 *    `IOT_Ioctl(IOTX_IOCTL_SET_MQTT_DOMAIN, "host")`. libiotwire keeps no global state; the
 *    expression is evaluated at each call instead, so it may name the firmware's own variable:
 *    @code{c}
 *    static const char *my_mqtt_domain;          // set where IOT_Ioctl used to be called
 *    #define IOTWIRE_LEGACY_MQTT_DOMAIN my_mqtt_domain
 *    #include "dev_sign_api.h"
 *    @endcode
 *    A fixed host works too: `-DIOTWIRE_LEGACY_MQTT_DOMAIN='"mqtt.example.com"'`.
 *
 *  `IOT_Sign_MQTT` used without a call (taking its address, `(IOT_Sign_MQTT)(...)`, after
 *  `#undef`) is the exported function, which is always the 3.2.0 default build (TLS +
 *  MQTT_AUTO_SUBSCRIBE, no custom domain), whatever the macros above say.
 *
 *  Differences from legacy, all on inputs where legacy misbehaved: NULL `signout` returns the
 *  "input invalid" code instead of crashing; a member without NUL in its array is rejected
 *  instead of over-read; ProductKey + DeviceName of 52 characters give the intended output;
 *  nothing is kept in global state, so calls are re-entrant.
 */

#include <stddef.h>
#include <stdint.h>
/* The SDK's own example (src/dev_sign/examples) calls memset/memcpy/strlen with only this
 * header included; legacy compilers let that pass as implicit declarations, C99 does not. */
#include <string.h>

#include "iotwire.h"

/** @brief Legacy SDK whose `IOT_Sign_MQTT` bytes calls reproduce (an `IOTWIRE_LEGACY_SDK_*`
 *  value); predefine it to replace another version than 3.2.0. */
#ifndef IOTWIRE_LEGACY_SDK
#define IOTWIRE_LEGACY_SDK IOTWIRE_LEGACY_SDK_V3_2_0
#endif

/* Shared with the other legacy header: IOTWIRE_LEGACY_CONFIG_HEADER, the build switches, the
 * IOTWIRE_LEGACY_MQTT_DOMAIN default, the check that the linked library has the export this
 * SDK needs, and the body of the IOT_Sign_MQTT macro (which export it calls). */
#include "iotwire_legacy_build.h"

/* Caught here rather than as IOTWIRE_ERR_INVALID_SELECTOR at run time. */
#if (IOTWIRE_LEGACY_SDK != IOTWIRE_LEGACY_SDK_V3_2_0) && \
    (IOTWIRE_LEGACY_SDK != IOTWIRE_LEGACY_SDK_V3_1_0) && \
    (IOTWIRE_LEGACY_SDK != IOTWIRE_LEGACY_SDK_V3_0_1) && \
    (IOTWIRE_LEGACY_SDK != IOTWIRE_LEGACY_SDK_BUNDLE) && \
    (IOTWIRE_LEGACY_SDK != IOTWIRE_LEGACY_SDK_V2_3_0)
#error "dev_sign_api.h: IOTWIRE_LEGACY_SDK must be IOTWIRE_LEGACY_SDK_V3_2_0, _V3_1_0, _V3_0_1, _BUNDLE or _V2_3_0"
#endif

/* Inside an iotkit-embedded 3.x tree (or a firmware that vendored its sources), the SDK's
 * src/infra/infra_defs.h defines the iotx_* types and limits, and SDK files include it next to
 * this header: then its definitions are used, in either include order, and this header only
 * adds the IOT_Sign_MQTT routing. Elsewhere this header defines them itself. */
#if !defined(_INFRA_DEFS_H_) && !defined(IOTWIRE_LEGACY_OWN_TYPES) && defined(__has_include)
#if __has_include("infra_defs.h")
#include "infra_defs.h"
#endif
#endif

#if !defined(_INFRA_DEFS_H_)
/** @brief 1 when `iotx_dev_meta_info_t` ends with the `module[65]` member, as in 3.2.0
 *  (249 bytes); 3.0.1 and 3.1.0 had only the four strings (184 bytes). Predefine it to
 *  override; IOT_Sign_MQTT never reads `module`, so only `sizeof` depends on it. */
#ifndef IOTWIRE_LEGACY_META_HAS_MODULE
#if IOTWIRE_LEGACY_SDK == IOTWIRE_LEGACY_SDK_V3_2_0
#define IOTWIRE_LEGACY_META_HAS_MODULE 1
#else
#define IOTWIRE_LEGACY_META_HAS_MODULE 0
#endif
#endif

/** @brief Longest ProductKey (`product_key` holds it plus NUL). */
#define IOTX_PRODUCT_KEY_LEN            (20)
/** @brief Longest ProductSecret. */
#define IOTX_PRODUCT_SECRET_LEN         (64)
/** @brief Longest DeviceName. */
#define IOTX_DEVICE_NAME_LEN            (32)
/** @brief Longest DeviceSecret. */
#define IOTX_DEVICE_SECRET_LEN          (64)
/** @brief Longest module name (3.2.0 `module` member). */
#define IOTX_MODULE_LEN                 (64)
/** @brief Longest custom domain legacy 3.2.0 copied from `IOT_Ioctl`. */
#define IOTX_DOMAIN_MAX_LEN             (64)

/** @brief Size of legacy's HMAC input buffer (kept for source compatibility). */
#define DEV_SIGN_SOURCE_MAXLEN    (200)
/** @brief Size of iotx_sign_mqtt_t::hostname, NUL included. */
#define DEV_SIGN_HOSTNAME_MAXLEN  (64)
/** @brief Size of iotx_sign_mqtt_t::clientid, NUL included. */
#define DEV_SIGN_CLIENT_ID_MAXLEN (200)
/** @brief Size of iotx_sign_mqtt_t::username, NUL included. */
#define DEV_SIGN_USERNAME_MAXLEN  (64)
/** @brief Size of iotx_sign_mqtt_t::password: 64 hex digits + NUL. */
#define DEV_SIGN_PASSWORD_MAXLEN  (65)

/** @brief Number of valid regions; `region >= IOTX_MQTT_DOMAIN_NUMBER` is rejected. */
#define IOTX_MQTT_DOMAIN_NUMBER (6)

/** @brief Alibaba Cloud site to connect to (values 0..5 are valid). */
typedef enum {
    IOTX_CLOUD_REGION_SHANGHAI,   /**< cn-shanghai */
    IOTX_CLOUD_REGION_SINGAPORE,  /**< ap-southeast-1 */
    IOTX_CLOUD_REGION_JAPAN,      /**< ap-northeast-1 */
    IOTX_CLOUD_REGION_USA_WEST,   /**< us-west-1 */
    IOTX_CLOUD_REGION_GERMANY,    /**< eu-central-1 */
    IOTX_CLOUD_REGION_CUSTOM,     /**< host from IOTWIRE_LEGACY_MQTT_DOMAIN, used verbatim */
    IOTX_CLOUD_DOMAIN_MAX         /**< first invalid value */
} iotx_mqtt_region_types_t;

/** @brief Device identity; every member is a NUL-terminated string. */
typedef struct _iotx_dev_meta_info {
    char product_key[IOTX_PRODUCT_KEY_LEN + 1];        /**< ProductKey */
    char product_secret[IOTX_PRODUCT_SECRET_LEN + 1];  /**< ProductSecret (not used to sign) */
    char device_name[IOTX_DEVICE_NAME_LEN + 1];        /**< DeviceName */
    char device_secret[IOTX_DEVICE_SECRET_LEN + 1];    /**< DeviceSecret (HMAC key) */
#if IOTWIRE_LEGACY_META_HAS_MODULE
    char module[IOTX_MODULE_LEN + 1];                  /**< module name (3.2.0; not used to sign) */
#endif
} iotx_dev_meta_info_t;

/** @brief MQTT CONNECT parameters written by IOT_Sign_MQTT(). */
typedef struct {
    char hostname[DEV_SIGN_HOSTNAME_MAXLEN];    /**< broker host */
    uint16_t port;                              /**< broker TCP port */
    char clientid[DEV_SIGN_CLIENT_ID_MAXLEN];   /**< MQTT client id */
    char username[DEV_SIGN_USERNAME_MAXLEN];    /**< MQTT user name `dn&pk` */
    char password[DEV_SIGN_PASSWORD_MAXLEN];    /**< MQTT password (hex HMAC) */
} iotx_sign_mqtt_t;
#endif /* !_INFRA_DEFS_H_ */

/* Layout checks against the iotwire_legacy_* structs libiotwire reads (hidden from doxygen:
 * they are typedefs, not API). */
/** @cond */
IOTWIRE__LEGACY_SAME_FIELD(meta_pk, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, product_key);
IOTWIRE__LEGACY_SAME_FIELD(meta_ps, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, product_secret);
IOTWIRE__LEGACY_SAME_FIELD(meta_dn, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, device_name);
IOTWIRE__LEGACY_SAME_FIELD(meta_ds, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, device_secret);
IOTWIRE__LEGACY_CHECK(meta_prefix, sizeof(iotx_dev_meta_info_t) >= sizeof(iotwire_legacy_dev_meta_t));
IOTWIRE__LEGACY_SAME_FIELD(out_host, iotx_sign_mqtt_t, iotwire_legacy_sign_mqtt_t, hostname);
IOTWIRE__LEGACY_SAME_FIELD(out_port, iotx_sign_mqtt_t, iotwire_legacy_sign_mqtt_t, port);
IOTWIRE__LEGACY_SAME_FIELD(out_cid, iotx_sign_mqtt_t, iotwire_legacy_sign_mqtt_t, clientid);
IOTWIRE__LEGACY_SAME_FIELD(out_user, iotx_sign_mqtt_t, iotwire_legacy_sign_mqtt_t, username);
IOTWIRE__LEGACY_SAME_FIELD(out_pwd, iotx_sign_mqtt_t, iotwire_legacy_sign_mqtt_t, password);
IOTWIRE__LEGACY_CHECK(out_size, sizeof(iotx_sign_mqtt_t) == sizeof(iotwire_legacy_sign_mqtt_t));
/** @endcond */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Fills `signout` with the host, port, client id, username and password to connect
 * the device in `meta` (exported function: the iotkit-embedded 3.2.0 default build).
 *
 * Calls written `IOT_Sign_MQTT(...)` go through the macro of the same name instead, which
 * selects the legacy build configured for this file; see the file documentation.
 *
 * @param[in] region `IOTX_CLOUD_REGION_*`.
 * @param[in] meta Device identity (only product_key, device_name, device_secret are read).
 * @param[out] signout Result. Untouched when region or meta is invalid; on a later error it
 *             is zeroed and, as in legacy, clientid/password may already be filled.
 * @return 0 on success, else the legacy SDK's code: 3.1/3.2 -275 (region/meta invalid),
 *         -264 (custom domain missing), -775/-776/-777 (hostname/username/clientid too long);
 *         3.0.1 -1, -1105, -1100, -1102, -1101; 2.3.0 and the bundle -1.
 */
int32_t IOT_Sign_MQTT(iotx_mqtt_region_types_t region, iotx_dev_meta_info_t *meta, iotx_sign_mqtt_t *signout);

#ifdef __cplusplus
}  /* extern "C" */
#endif

/* The conditional expressions only type-check the arguments like the prototype would (a
 * wrong pointer type is diagnosed); each argument is evaluated exactly once. */
/** @brief Routes a call to the export of this file's legacy SDK (3.2.0:
 *  iotwire_legacy_v3_2_0_sign_mqtt(); 3.1.0, 3.0.1: iotwire_legacy_v3_sign_mqtt(); 2.3.0:
 *  iotwire_legacy_sign_mqtt()) with its build switches and custom domain; same parameters
 *  and return value as the function. */
#define IOT_Sign_MQTT(region, meta, signout)                                                  \
    IOTWIRE__LEGACY_SIGN_MQTT(region, 1 ? (meta) : (iotx_dev_meta_info_t *)0,                 \
                              1 ? (signout) : (iotx_sign_mqtt_t *)0)

#endif /* _DEV_SIGN_H_ */
