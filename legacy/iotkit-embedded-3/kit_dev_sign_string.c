/* Replaces _iotx_generate_sign_string of src/dev_sign/dev_sign_mqtt.c (3.0.1's pre-auth
 * calls it): the device's MQTT password, HMAC-SHA256 of the fixed sign content, on libiotwire.
 * Keys over 64 bytes are hashed first (RFC 2104), where the SDK wrote 64 '0' characters. */
#include "kit_common.h"

#if IOTWIRE_KIT_SDK == IOTWIRE_LEGACY_SDK_V3_0_1
#define KIT_INVALID (-1)
#define KIT_SIGN_SOURCE_TOO_LONG (-1104) /* ERROR_DEV_SIGN_SOURCE_TOO_SHORT */
#define KIT_SIGN_FMT_LEN 46              /* sizeof("clientId%sdeviceName%sproductKey%stimestamp%s") */
#else
#define KIT_INVALID (-0x0113)              /* STATE_USER_INPUT_INVALID */
#define KIT_SIGN_SOURCE_TOO_LONG (-0x030A) /* STATE_MQTT_SIGN_SOURCE_BUF_SHORT */
#define KIT_SIGN_FMT_LEN 50                /* the SDK's SIGN_FMT_LEN */
#endif

#define KIT_TIMESTAMP "2524608000000"

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
        return KIT_INVALID;
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
