/* Legacy-equivalent set: IOT_Sign_MQTT called the way legacy firmware calls it, through
 * dev_sign_api.h's macro, with the 3.2.0 default build's switches (see README.md). */
#include "dev_sign_api.h"

static iotx_dev_meta_info_t meta = {
    .product_key = "a1X2bEnP82z",
    .device_name = "example1",
    .device_secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
};
static iotx_sign_mqtt_t signout;

int main(void)
{
    int32_t rc = IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    return rc == 0 && signout.password[0] != '\0' ? 0 : 1;
}
