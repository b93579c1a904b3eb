/* Legacy-equivalent set: MQTT credentials in the iotkit-embedded 3.2.0 modes (see README.md). */
#include "dev_sign_api.h"

static iotx_dev_meta_info_t meta = {
    .product_key = "a1X2bEnP82z",
    .product_secret = "psecret",
    .device_name = "example1",
    .device_secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
};
static iotx_sign_mqtt_t signout;
static char text[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];
static char clientid[200];
static size_t len;

int main(void)
{
    iotwire_mqtt_options_t o;
    int32_t rc = IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    /* IOT_MQTT_Construct's second client id, with the user's customize_info. */
    rc |= iotwire_legacy_v3_client_id(IOTWIRE_LEGACY_SDK_V3_2_0,
                                      IOTWIRE_LEGACY_BUILD_SUPPORT_TLS |
                                          IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE,
                                      iotwire_str("a1X2bEnP82z.example1"),
                                      iotwire_str("authtype=id2"), 1, clientid, sizeof clientid,
                                      &len);
    /* MQTT dynamic registration (authType=register) as 3.2.0 builds it. */
    rc |= iotwire_mqtt_options_init(&o);
    o.mode = IOTWIRE_MQTT_MODE_REGISTER;
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o.legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
    o.product_key = iotwire_str(meta.product_key);
    o.device_name = iotwire_str(meta.device_name);
    o.product_secret = iotwire_str(meta.product_secret);
    o.random = iotwire_str("78563412");
    rc |= iotwire_mqtt_get_client_id(&o, clientid, sizeof clientid, &len);
    rc |= iotwire_mqtt_get_password(&o, text, sizeof text, &len);
#if !defined(WITH_HTTP)
    {
        /* The HTTPS dynamic-registration sign (the HTTP set builds the whole request). */
        iotwire_dynreg_https_options_t d;
        rc |= iotwire_dynreg_https_options_init(&d);
        d.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
        d.product_key = iotwire_str(meta.product_key);
        d.device_name = iotwire_str(meta.device_name);
        d.product_secret = iotwire_str(meta.product_secret);
        d.random = iotwire_str("8Ygb7ULYh53B6OA");
        rc |= iotwire_dynreg_https_get(&d, IOTWIRE_HTTP_PART_SIGN, text, sizeof text, &len);
    }
#endif
    return rc == 0 && signout.password[0] != '\0' ? 0 : 1;
}
