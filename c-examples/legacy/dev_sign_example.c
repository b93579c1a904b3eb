/*
 * iotkit-embedded 3.x's own src/dev_sign/examples/dev_sign_example.c, as firmware copied it:
 * only "dev_sign_api.h" is included (the SDK header supplied memset/memcpy/strlen), the result
 * is checked with `< 0`, and the prints under its `#if 0` are enabled (printf instead of the
 * firmware's HAL_Printf, in the format the test compares). The legacy build is selected by
 * the -D switches or by IOTWIRE_LEGACY_CONFIG_HEADER, as for a real firmware.
 */
#include <stdio.h>
#include "dev_sign_api.h"

#define EXAMPLE_PRODUCT_KEY     "a1X2bEnP82z"
#define EXAMPLE_PRODUCT_SECRET  "7jluWm1zql7bt8qK"
#define EXAMPLE_DEVICE_NAME     "example1"
#define EXAMPLE_DEVICE_SECRET   "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"

int main(int argc, char *argv[])
{
    iotx_mqtt_region_types_t region = IOTX_CLOUD_REGION_SHANGHAI;
    iotx_dev_meta_info_t meta;
    iotx_sign_mqtt_t sign_mqtt;

    /* The strict flags reject unused parameters; the SDK example had none of these lines. */
    (void)argc;
    (void)argv;

    memset(&meta,0,sizeof(iotx_dev_meta_info_t));
    memcpy(meta.product_key,EXAMPLE_PRODUCT_KEY,strlen(EXAMPLE_PRODUCT_KEY));
    memcpy(meta.product_secret,EXAMPLE_PRODUCT_SECRET,strlen(EXAMPLE_PRODUCT_SECRET));
    memcpy(meta.device_name,EXAMPLE_DEVICE_NAME,strlen(EXAMPLE_DEVICE_NAME));
    memcpy(meta.device_secret,EXAMPLE_DEVICE_SECRET,strlen(EXAMPLE_DEVICE_SECRET));

    if (IOT_Sign_MQTT(region,&meta,&sign_mqtt) < 0) {
        return -1;
    }

    printf("hostname: %s\n", sign_mqtt.hostname);
    printf("port: %d\n", sign_mqtt.port);
    printf("clientid: %s\n", sign_mqtt.clientid);
    printf("username: %s\n", sign_mqtt.username);
    printf("password: %s\n", sign_mqtt.password);

    return 0;
}
