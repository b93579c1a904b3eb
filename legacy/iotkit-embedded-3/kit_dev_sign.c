/* Replaces src/dev_sign/dev_sign_mqtt.c: IOT_Sign_MQTT, _sign_get_clientid,
 * _iotx_generate_sign_string and (3.2.0) the IOT_Ioctl region/domain handlers.
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
KIT_ASSERT(sign_host, offsetof(iotx_sign_mqtt_t, hostname) == offsetof(iotwire_legacy_sign_mqtt_t, hostname));
KIT_ASSERT(sign_port, offsetof(iotx_sign_mqtt_t, port) == offsetof(iotwire_legacy_sign_mqtt_t, port));
KIT_ASSERT(sign_cid, offsetof(iotx_sign_mqtt_t, clientid) == offsetof(iotwire_legacy_sign_mqtt_t, clientid));
KIT_ASSERT(sign_user, offsetof(iotx_sign_mqtt_t, username) == offsetof(iotwire_legacy_sign_mqtt_t, username));
KIT_ASSERT(sign_pwd, offsetof(iotx_sign_mqtt_t, password) == offsetof(iotwire_legacy_sign_mqtt_t, password));
KIT_ASSERT(sign_size, sizeof(iotx_sign_mqtt_t) == sizeof(iotwire_legacy_sign_mqtt_t));

/* Return codes of the replaced file: 3.1/3.2 use the STATE_* codes of infra_state.h, 3.0.1
 * returned FAIL_RETURN from _sign_get_clientid and ERROR_DEV_SIGN_* from the sign string. */
#if IOTWIRE_KIT_SDK == IOTWIRE_LEGACY_SDK_V3_0_1
#define KIT_CID_INVALID (-1)
#define KIT_CID_TOO_LONG (-1)
#define KIT_SIGN_SOURCE_TOO_LONG (-1104)
#define KIT_SIGN_FMT_LEN 46
#else
#define KIT_CID_INVALID (-0x0113)  /* STATE_USER_INPUT_INVALID */
#define KIT_CID_TOO_LONG (-0x0309) /* STATE_MQTT_SIGN_CLIENTID_BUF_SHORT */
#define KIT_SIGN_SOURCE_TOO_LONG (-0x030A) /* STATE_MQTT_SIGN_SOURCE_BUF_SHORT */
#define KIT_SIGN_FMT_LEN 50
#endif

#define KIT_TIMESTAMP "2524608000000"

int32_t IOT_Sign_MQTT(iotx_mqtt_region_types_t region, iotx_dev_meta_info_t *meta, iotx_sign_mqtt_t *signout)
{
    const char *custom = NULL;
    /* The enum is unsigned under gcc: any out-of-range value, -1 included, is refused by
     * libiotwire before signout is touched, as the SDK did. */
    if ((unsigned)region == (unsigned)IOTX_CLOUD_REGION_CUSTOM) {
        custom = g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM];
    }
    return iotwire_legacy_v3_sign_mqtt(IOTWIRE_KIT_SDK, KIT_BUILD, (int32_t)(unsigned)region, custom,
                                       (const iotwire_legacy_dev_meta_t *)(const void *)meta,
                                       (iotwire_legacy_sign_mqtt_t *)(void *)signout);
}

int _sign_get_clientid(char *clientid_string, const char *device_id, const char *custom_kv, uint8_t enable_itls)
{
    iotwire_str_t id;
    iotwire_str_t kv = {NULL, 0};
    size_t len = 0;
    int32_t rc;

    if (clientid_string == NULL || device_id == NULL) {
        return KIT_CID_INVALID;
    }
    memset(clientid_string, 0, DEV_SIGN_CLIENT_ID_MAXLEN);
    /* IOT_MQTT_Construct passes a char[53] that the SDK leaves without NUL at ProductKey 20 +
     * DeviceName 32 characters; the scan stops at the client id limit instead of running on. */
    id.ptr = device_id;
    id.len = kit_strnlen(device_id, DEV_SIGN_CLIENT_ID_MAXLEN);
    if (custom_kv != NULL) {
        kv = iotwire_str(custom_kv);
    }
    rc = iotwire_legacy_v3_client_id(IOTWIRE_KIT_SDK, KIT_BUILD, id, kv, enable_itls, clientid_string,
                                     DEV_SIGN_CLIENT_ID_MAXLEN, &len);
    if (rc == IOTWIRE_ERR_BUFFER_TOO_SMALL) {
        return KIT_CID_TOO_LONG;
    }
    return rc == IOTWIRE_OK ? 0 : KIT_CID_INVALID;
}

/* "clientId<id>deviceName<dn>productKey<pk>timestamp2524608000000" signed with the device
 * secret: 64 upper-case hex characters in sign_string, no NUL (the callers zero it). */
int _iotx_generate_sign_string(const char *device_id, const char *device_name, const char *product_key,
                               const char *device_secret, char *sign_string)
{
    const char *parts[8];
    iotwire_hmac_sha256_ctx_t mac;
    uint8_t digest[32];
    size_t n = 0, i;

    /* The SDK dereferenced NULL here; its "input invalid" code instead. */
    if (device_id == NULL || device_name == NULL || product_key == NULL || device_secret == NULL ||
        sign_string == NULL) {
        return KIT_CID_INVALID;
    }
    if (KIT_SIGN_FMT_LEN + strlen(device_id) + strlen(device_name) + strlen(product_key) + strlen(KIT_TIMESTAMP) >=
        DEV_SIGN_SOURCE_MAXLEN) {
        return KIT_SIGN_SOURCE_TOO_LONG;
    }
    parts[0] = "clientId";
    parts[1] = device_id;
    parts[2] = "deviceName";
    parts[3] = device_name;
    parts[4] = "productKey";
    parts[5] = product_key;
    parts[6] = "timestamp";
    parts[7] = KIT_TIMESTAMP;
    iotwire_hmac_sha256_init(&mac, (const uint8_t *)device_secret, strlen(device_secret));
    for (i = 0; i < 8; i++) {
        iotwire_hmac_sha256_update(&mac, (const uint8_t *)parts[i], strlen(parts[i]));
    }
    if (iotwire_hmac_sha256_finish(&mac, digest, sizeof digest, &n) == IOTWIRE_OK) {
        kit_hex(digest, sizeof digest, sign_string, KIT_HEX_UPPER);
    }
    iotwire_wipe(digest, sizeof digest);
    return 0;
}

#if defined(IOTWIRE_KIT_DEV_SIGN_IOCTLS)
/* 3.2.0 keeps the region and the custom MQTT domain in dev_sign_mqtt.c; IOT_Ioctl calls these
 * three. The domain is copied into storage of this file and published through
 * g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM], where IOT_Sign_MQTT above reads it. */
static iotx_mqtt_region_types_t kit_region = IOTX_CLOUD_REGION_SHANGHAI;
static char kit_custom_domain[IOTX_DOMAIN_MAX_LEN + 1];

int IOCTL_FUNC(IOTX_IOCTL_SET_REGION, void *data)
{
    if (data == NULL) {
        return FAIL_RETURN;
    }
    kit_region = *(iotx_mqtt_region_types_t *)data;
    return SUCCESS_RETURN;
}

int IOCTL_FUNC(IOTX_IOCTL_GET_REGION, void *data)
{
    if (data == NULL) {
        return FAIL_RETURN;
    }
    *(iotx_mqtt_region_types_t *)data = kit_region;
    return SUCCESS_RETURN;
}

int IOCTL_FUNC(IOTX_IOCTL_SET_MQTT_DOMAIN, void *data)
{
    size_t len;
    if (data == NULL) {
        return FAIL_RETURN;
    }
    kit_region = IOTX_CLOUD_REGION_CUSTOM;
    len = strlen((const char *)data);
    if (len > IOTX_DOMAIN_MAX_LEN) {
        return FAIL_RETURN;
    }
    memset(kit_custom_domain, 0, sizeof kit_custom_domain);
    memcpy(kit_custom_domain, data, len);
    g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM] = kit_custom_domain;
    return SUCCESS_RETURN;
}
#endif /* IOTWIRE_KIT_DEV_SIGN_IOCTLS */
