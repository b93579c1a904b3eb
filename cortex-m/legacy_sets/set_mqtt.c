/* Legacy-equivalent set: MQTT credentials in the iotkit-embedded 3.2.0 modes (see README.md). */
/* In the cumulative images (all_sets.c, -DALL_SETS) this main() is set_mqtt(). */
#if defined(ALL_SETS)
#define main set_mqtt
#endif
#include "dev_sign_api.h"

static iotx_dev_meta_info_t meta = {
    .product_key = "a1X2bEnP82z",
    .product_secret = "psecret",
    .device_name = "example1",
    .device_secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
};
static iotx_sign_mqtt_t signout;
static char text[65];
static char clientid[200];
static size_t len;

int main(void)
{
    int32_t rc = IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    /* IOT_MQTT_Construct's second client id, with the user's customize_info (3.2.0's own
     * export, as the swap-in kit's _sign_get_clientid calls it on a 3.2.0 tree). */
    rc |= iotwire_legacy_v3_2_0_client_id(
        IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE,
        "a1X2bEnP82z.example1", "authtype=id2", 1, clientid);
    /* MQTT dynamic registration (authType=register): client id and password. */
    rc |= iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID,
                                       iotwire_str(meta.product_key),
                                       iotwire_str(meta.device_name),
                                       iotwire_str(meta.product_secret), iotwire_str("78563412"),
                                       clientid, sizeof clientid, &len);
    rc |= iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, iotwire_str(meta.product_key),
                                       iotwire_str(meta.device_name),
                                       iotwire_str(meta.product_secret), iotwire_str("78563412"),
                                       text, sizeof text, &len);
#if !defined(WITH_HTTP)
    /* The HTTPS dynamic-registration sign (the HTTP set builds the whole request). */
    rc |= iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, iotwire_str(meta.product_key),
                                       iotwire_str(meta.device_name),
                                       iotwire_str(meta.product_secret),
                                       iotwire_str("8Ygb7ULYh53B6OA"), text, sizeof text, &len);
#endif
    return rc == 0 && signout.password[0] != '\0' ? 0 : 1;
}
