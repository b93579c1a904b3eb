/* Firmware whose only use of libiotwire is the exported IOT_Sign_MQTT: the smallest feature
 * set of the size table (scripts/size-table.sh). Nothing is printed, so the image holds no
 * stdio; the result decides the exit code so the call cannot be optimised away. */
#include "dev_sign_api.h"

static iotx_dev_meta_info_t meta = {
    .product_key = "a1X2bEnP82z",
    .device_name = "example1",
    .device_secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
};
static iotx_sign_mqtt_t signout;

int main(void)
{
    /* The parenthesised name is the exported symbol, not the header's macro. */
    int32_t rc = (IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &meta, &signout);
    return rc == 0 && signout.password[0] != '\0' ? 0 : 1;
}
