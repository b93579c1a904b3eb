/* Replaces src/dev_sign/dev_sign_mqtt.c (with kit_dev_sign_string.c and kit_dev_sign_ioctl.c,
 * one object each, so that a program links only what it calls): IOT_Sign_MQTT and
 * _sign_get_clientid.
 *
 * The credentials come from libiotwire, computed for this build's switches (SUPPORT_TLS,
 * MQTT_AUTO_SUBSCRIBE, MQTT_PRE_AUTH) and SDK version, with the SDK's return codes and the
 * partially filled signout of its error paths. The custom domain is the one the SDK's
 * IOT_Ioctl(IOTX_IOCTL_SET_MQTT_DOMAIN) stored in g_infra_mqtt_domain. */
#include "kit_common.h"
#include "infra_compat.h"
#include "dev_sign_api.h"

/* iotwire reads the SDK's structs through its own view of their layout: any drift must stop
 * the build rather than corrupt memory. */
KIT_ASSERT(meta_pk, offsetof(iotx_dev_meta_info_t, product_key) == offsetof(iotwire_legacy_dev_meta_t, product_key));
KIT_ASSERT(meta_dn, offsetof(iotx_dev_meta_info_t, device_name) == offsetof(iotwire_legacy_dev_meta_t, device_name));
KIT_ASSERT(meta_ds, offsetof(iotx_dev_meta_info_t, device_secret) == offsetof(iotwire_legacy_dev_meta_t, device_secret));
KIT_ASSERT(meta_size, sizeof(iotx_dev_meta_info_t) >= sizeof(iotwire_legacy_dev_meta_t));
/* 3.1/3.2's iotx_sign_mqtt_t is iotwire's layout and is written in place; 3.0.1's has a
 * 256-byte hostname, so the result is written to iotwire's layout and copied field by field. */
#define KIT_SIGN_IN_PLACE (sizeof(((iotx_sign_mqtt_t *)0)->hostname) == sizeof(((iotwire_legacy_sign_mqtt_t *)0)->hostname))
KIT_ASSERT(sign_port, !KIT_SIGN_IN_PLACE || offsetof(iotx_sign_mqtt_t, port) == offsetof(iotwire_legacy_sign_mqtt_t, port));
KIT_ASSERT(sign_cid, !KIT_SIGN_IN_PLACE || offsetof(iotx_sign_mqtt_t, clientid) == offsetof(iotwire_legacy_sign_mqtt_t, clientid));
KIT_ASSERT(sign_user, !KIT_SIGN_IN_PLACE || offsetof(iotx_sign_mqtt_t, username) == offsetof(iotwire_legacy_sign_mqtt_t, username));
KIT_ASSERT(sign_pwd, !KIT_SIGN_IN_PLACE || offsetof(iotx_sign_mqtt_t, password) == offsetof(iotwire_legacy_sign_mqtt_t, password));
KIT_ASSERT(sign_size, !KIT_SIGN_IN_PLACE || sizeof(iotx_sign_mqtt_t) == sizeof(iotwire_legacy_sign_mqtt_t));
KIT_ASSERT(sign_fields, sizeof(((iotx_sign_mqtt_t *)0)->hostname) >= 64 &&
                            sizeof(((iotx_sign_mqtt_t *)0)->clientid) == 200 &&
                            sizeof(((iotx_sign_mqtt_t *)0)->username) == 64 &&
                            sizeof(((iotx_sign_mqtt_t *)0)->password) == 65);
KIT_ASSERT(cid_len, DEV_SIGN_CLIENT_ID_MAXLEN == IOTWIRE_LEGACY_CLIENT_ID_MAXLEN);

/* 3.2.0 has an export of its own (a program links 3.2.0's writer only); 3.1.0 and 3.0.1 share
 * the 3.x family's, which takes the SDK as an argument. */
#if IOTWIRE_KIT_SDK == IOTWIRE_LEGACY_SDK_V3_2_0
#define KIT_SIGN_MQTT(build, region, custom, meta, out) \
    iotwire_legacy_v3_2_0_sign_mqtt(build, region, custom, meta, out)
#define KIT_CLIENT_ID(build, id, kv, itls, out) \
    iotwire_legacy_v3_2_0_client_id(build, id, kv, itls, out)
#else
#define KIT_SIGN_MQTT(build, region, custom, meta, out) \
    iotwire_legacy_v3_sign_mqtt(IOTWIRE_KIT_SDK, build, region, custom, meta, out)
#define KIT_CLIENT_ID(build, id, kv, itls, out) \
    iotwire_legacy_v3_client_id(IOTWIRE_KIT_SDK, build, id, kv, itls, out)
#endif

/* The longest custom domain iotwire's 64-byte hostname holds (3.1/3.2's limit too), and
 * 3.0.1's code for a domain its 256-byte hostname cannot hold (ERROR_DEV_SIGN_HOST_NAME_TOO_SHORT). */
#define KIT_HOST_MAX 62
#define KIT_V301_HOST_TOO_LONG (-1100)

int32_t IOT_Sign_MQTT(iotx_mqtt_region_types_t region, iotx_dev_meta_info_t *meta, iotx_sign_mqtt_t *signout)
{
    const char *custom = NULL;
    const char *signed_custom;
    size_t custom_len = 0;
    iotwire_legacy_sign_mqtt_t out;
    int32_t rc;

    /* The enum is unsigned under gcc: any out-of-range value, -1 included, is refused by
     * libiotwire before signout is touched, as the SDK did. */
    if ((unsigned)region == (unsigned)IOTX_CLOUD_REGION_CUSTOM) {
        custom = g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM];
    }
    if (KIT_SIGN_IN_PLACE) {
        return KIT_SIGN_MQTT(KIT_BUILD, (int32_t)(unsigned)region, custom,
                             (const iotwire_legacy_dev_meta_t *)(const void *)meta,
                             (iotwire_legacy_sign_mqtt_t *)(void *)signout);
    }
    /* 3.0.1 takes a custom domain of up to 254 characters (IOT_Ioctl stores up to 64): a
     * longer one than iotwire's layout holds is signed with a stand-in, then copied in as the
     * SDK copied it. The host is written after the client id and password, before the
     * username and port, so the stand-in changes nothing else. */
    signed_custom = custom;
    if (custom != NULL) {
        custom_len = strlen(custom);
        if (custom_len > KIT_HOST_MAX) {
            signed_custom = "h";
        }
    }
    memset(&out, 0, sizeof out);
    rc = KIT_SIGN_MQTT(KIT_BUILD, (int32_t)(unsigned)region, signed_custom,
                       (const iotwire_legacy_dev_meta_t *)(const void *)meta,
                       signout == NULL ? NULL : &out);
    /* Nothing is written where the SDK wrote nothing: an invalid region or meta. */
    if (signout != NULL && (unsigned)region < IOTX_MQTT_DOMAIN_NUMBER && meta != NULL) {
        memset(signout, 0, sizeof(*signout));
        memcpy(signout->hostname, out.hostname, sizeof out.hostname);
        signout->port = out.port;
        memcpy(signout->clientid, out.clientid, sizeof out.clientid);
        memcpy(signout->username, out.username, sizeof out.username);
        memcpy(signout->password, out.password, sizeof out.password);
        if (signed_custom != custom && rc == 0) {
            memset(signout->hostname, 0, sizeof signout->hostname);
            if (custom_len + 1 >= sizeof signout->hostname) {
                /* The SDK's host check: client id and password stay, nothing after them. */
                memset(signout->username, 0, sizeof signout->username);
                signout->port = 0;
                rc = KIT_V301_HOST_TOO_LONG;
            } else {
                memcpy(signout->hostname, custom, custom_len);
            }
        }
    }
    iotwire_wipe(&out, sizeof out);
    return rc;
}

/* The SDK's own contract (its char[200], its return codes) is the export's: see iotwire.h. */
int _sign_get_clientid(char *clientid_string, const char *device_id, const char *custom_kv, uint8_t enable_itls)
{
    return KIT_CLIENT_ID(KIT_BUILD, device_id, custom_kv, enable_itls, clientid_string);
}
