/* Hand-written drop-in for the `sign_api.h` of the standalone signing bundle that the
 * Alibaba Cloud page "MQTT连接签名示例" distributed (sign_mqtt.c + sign_api.h +
 * sign_sha256.c). Not generated: edit here, and keep include/legacy/dev_sign_api.h in step (what
 * the two share is in iotwire_legacy_build.h). */

/* The bundle's own guard name, so that the old header and this one never both take effect. */
#ifndef __SIGN_H__
#define __SIGN_H__

/** @file sign_api.h
 *  @brief `IOT_Sign_MQTT()` for firmware written against the doc bundle's `sign_api.h`,
 *  served by libiotwire (replaces sign_mqtt.c and sign_sha256.c).
 *
 *  A file written for the bundle header compiles unchanged. A call `IOT_Sign_MQTT(r, m, s)`
 *  expands to iotwire_legacy_v3_sign_mqtt() (2.3.0: iotwire_legacy_sign_mqtt()) with the
 *  bundle's behaviour and the build switches
 *  of this translation unit, so it yields the bytes and return codes (0 / -1) the bundle did:
 *
 *  - SDK: `IOTWIRE_LEGACY_SDK`, default `IOTWIRE_LEGACY_SDK_BUNDLE` (`_v=sdk-c-3.0.1.1`).
 *  - Build switches `SUPPORT_TLS`, `SUPPORT_ITLS`, `MQTT_PRE_AUTH` (and `MQTT_AUTO_SUBSCRIBE`
 *    for the other SDKs), each counted when *defined*. The bundle shipped with
 *    `SUPPORT_TLS` commented out inside sign_mqtt.c (securemode=3, port 1883). A firmware
 *    that enabled it by editing sign_mqtt.c must now pass `-DSUPPORT_TLS` to the file that
 *    calls `IOT_Sign_MQTT` (or name a header defining it in `IOTWIRE_LEGACY_CONFIG_HEADER`).
 *  - Custom domain (region `IOTX_CLOUD_REGION_CUSTOM`): `IOTWIRE_LEGACY_MQTT_DOMAIN`,
 *    default NULL (the call returns -1 as the bundle did). The bundle read
 *    `g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM]`, a global array defined in sign_mqtt.c.
 *    libiotwire has no such global; the expression is evaluated at each call, so a firmware
 *    that assigned that slot can keep doing so with its own array:
 *    @code{c}
 *    const char *g_infra_mqtt_domain[6];         // formerly defined by sign_mqtt.c
 *    #define IOTWIRE_LEGACY_MQTT_DOMAIN g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM]
 *    #include "sign_api.h"
 *    @endcode
 *
 *  `IOT_Sign_MQTT` used without a call (taking its address, `(IOT_Sign_MQTT)(...)`, after
 *  `#undef`) is the exported function, which produces iotkit-embedded 3.2.0 default bytes
 *  (`_v=sdk-c-3.2.0`, `_ss=1`, port 443), NOT the bundle's: call it through the macro.
 *
 *  Differences from the bundle, all on inputs where it misbehaved: NULL `signout` returns -1
 *  instead of crashing; a member without NUL in its array is rejected instead of over-read;
 *  ProductKey + DeviceName of 52 characters give the intended output; no global state.
 */

#include <stddef.h>
#include <stdint.h>
/* Firmware written for the bundle may use memset/memcpy/strlen with only this header
 * included, as the 3.x SDK example did; C99 has no implicit declarations. */
#include <string.h>

#include "iotwire.h"

/** @brief Legacy SDK whose `IOT_Sign_MQTT` bytes calls reproduce (an `IOTWIRE_LEGACY_SDK_*`
 *  value); the doc bundle unless predefined. */
#ifndef IOTWIRE_LEGACY_SDK
#define IOTWIRE_LEGACY_SDK IOTWIRE_LEGACY_SDK_BUNDLE
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
#error "sign_api.h: IOTWIRE_LEGACY_SDK must be IOTWIRE_LEGACY_SDK_BUNDLE, _V3_2_0, _V3_1_0, _V3_0_1 or _V2_3_0"
#endif

/** @brief Longest ProductKey (`product_key` holds it plus NUL). */
#define IOTX_PRODUCT_KEY_LEN            (20)
/** @brief Longest ProductSecret. */
#define IOTX_PRODUCT_SECRET_LEN         (64)
/** @brief Longest DeviceName. */
#define IOTX_DEVICE_NAME_LEN            (32)
/** @brief Longest DeviceSecret. */
#define IOTX_DEVICE_SECRET_LEN          (64)

/** @brief Size of the bundle's HMAC input buffer (kept for source compatibility). */
#define DEV_SIGN_SOURCE_MAXLEN          (200)
/** @brief Size of iotx_sign_mqtt_t::hostname, NUL included. */
#define DEV_SIGN_HOSTNAME_MAXLEN        (64)
/** @brief Size of iotx_sign_mqtt_t::clientid, NUL included. */
#define DEV_SIGN_CLIENT_ID_MAXLEN       (200)
/** @brief Size of iotx_sign_mqtt_t::username, NUL included. */
#define DEV_SIGN_USERNAME_MAXLEN        (64)
/** @brief Size of iotx_sign_mqtt_t::password: 64 hex digits + NUL. */
#define DEV_SIGN_PASSWORD_MAXLEN        (65)

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

/** @brief Device identity; every member is a NUL-terminated string (184 bytes: the bundle
 *  has no `module` member). */
typedef struct _iotx_dev_meta_info {
    char product_key[IOTX_PRODUCT_KEY_LEN + 1];        /**< ProductKey */
    char product_secret[IOTX_PRODUCT_SECRET_LEN + 1];  /**< ProductSecret (not used to sign) */
    char device_name[IOTX_DEVICE_NAME_LEN + 1];        /**< DeviceName */
    char device_secret[IOTX_DEVICE_SECRET_LEN + 1];    /**< DeviceSecret (HMAC key) */
} iotx_dev_meta_info_t;

/** @brief MQTT CONNECT parameters written by IOT_Sign_MQTT(). */
typedef struct {
    char hostname[DEV_SIGN_HOSTNAME_MAXLEN];    /**< broker host */
    uint16_t port;                              /**< broker TCP port */
    char clientid[DEV_SIGN_CLIENT_ID_MAXLEN];   /**< MQTT client id */
    char username[DEV_SIGN_USERNAME_MAXLEN];    /**< MQTT user name `dn&pk` */
    char password[DEV_SIGN_PASSWORD_MAXLEN];    /**< MQTT password (upper-case hex HMAC-SHA256) */
} iotx_sign_mqtt_t;

/* Layout checks against the iotwire_legacy_* structs libiotwire reads (hidden from doxygen:
 * they are typedefs, not API). */
/** @cond */
IOTWIRE__LEGACY_SAME_FIELD(meta_pk, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, product_key);
IOTWIRE__LEGACY_SAME_FIELD(meta_ps, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, product_secret);
IOTWIRE__LEGACY_SAME_FIELD(meta_dn, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, device_name);
IOTWIRE__LEGACY_SAME_FIELD(meta_ds, iotx_dev_meta_info_t, iotwire_legacy_dev_meta_t, device_secret);
IOTWIRE__LEGACY_CHECK(meta_size, sizeof(iotx_dev_meta_info_t) == sizeof(iotwire_legacy_dev_meta_t));
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
 * the device in `meta` (exported function: iotkit-embedded 3.2.0 default bytes).
 *
 * Calls written `IOT_Sign_MQTT(...)` go through the macro of the same name instead, which
 * gives the bundle's bytes; see the file documentation.
 *
 * @param[in] region `IOTX_CLOUD_REGION_*`.
 * @param[in] meta Device identity (only product_key, device_name, device_secret are read).
 * @param[out] signout Result. Untouched when region or meta is invalid; on a later error it
 *             is zeroed and, as in the bundle, clientid/password may already be filled.
 * @return 0 on success, -1 on failure (through the macro; the exported function returns the
 *         3.2.0 codes -275, -264, -775..-777).
 */
int32_t IOT_Sign_MQTT(iotx_mqtt_region_types_t region, iotx_dev_meta_info_t *meta, iotx_sign_mqtt_t *signout);

#ifdef __cplusplus
}  /* extern "C" */
#endif

/* The conditional expressions only type-check the arguments like the prototype would (a
 * wrong pointer type is diagnosed); each argument is evaluated exactly once. */
/** @brief Routes a call to iotwire_legacy_v3_sign_mqtt() (2.3.0: iotwire_legacy_sign_mqtt())
 *  with this file's legacy SDK, build switches and custom domain; same parameters and return
 *  value as the function. */
#define IOT_Sign_MQTT(region, meta, signout)                                                  \
    IOTWIRE__LEGACY_SIGN_MQTT(region, 1 ? (meta) : (iotx_dev_meta_info_t *)0,                 \
                              1 ? (signout) : (iotx_sign_mqtt_t *)0)

#endif /* __SIGN_H__ */
