/* The size probe: a firmware whose only use of libiotwire is one IOT_Sign_MQTT call. The map
 * of this image gives the library's flash share (scripts/cortex-m-gate.sh).
 *
 * Default: the call as legacy firmware writes it, through dev_sign_api.h's macro (which
 * reaches iotwire_legacy_sign_mqtt, the selector over every legacy SDK profile). With
 * -DCM_EXPORTED_SYMBOL: the exported IOT_Sign_MQTT, fixed to the v3.2.0 default build. */
#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE
#include "dev_sign_api.h"

#include "cm_sign_only.h"

#include <stdio.h>

/* Not const: the legacy prototype takes a non-const meta. */
static iotx_dev_meta_info_t meta = {
    .product_key = CM_SO_PRODUCT_KEY,
    .device_name = CM_SO_DEVICE_NAME,
    .device_secret = CM_SO_DEVICE_SECRET,
};
static iotx_sign_mqtt_t signout;

int main(void)
{
#if defined(CM_EXPORTED_SYMBOL)
    int32_t rc = (IOT_Sign_MQTT)((iotx_mqtt_region_types_t)CM_SO_REGION, &meta, &signout);
#else
    int32_t rc = IOT_Sign_MQTT(CM_SO_REGION, &meta, &signout);
#endif
    /* puts, not printf: keeps newlib's formatter out of the image. */
    puts(rc == 0 ? signout.password : "ERROR");
    return rc == 0 ? 0 : 1;
}
