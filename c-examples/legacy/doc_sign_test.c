/*
 * The doc bundle's sign_test.c, as the Alibaba Cloud page "MQTT连接签名示例" prints it (comments
 * translated, the masked demo identity replaced by the vectors' doc triple, the elided tail
 * filled with prints). It is left as firmware wrote it: the return value is ignored and the
 * structs are filled with memset/memcpy. The test compares its output with the legacy vector
 * of the build selected by the -D switches.
 */
#include <stdio.h>
#include <string.h>
#include "sign_api.h" // the data structures the signing needs

// The device's identity: ProductKey, ProductSecret, DeviceName, DeviceSecret. A product keeps
// them encrypted in flash or a file and reads them at power-up.
#define EXAMPLE_PRODUCT_KEY    "a1X2bEnP82z"
#define EXAMPLE_PRODUCT_SECRET "7jluWm1zql7bt8qK"
#define EXAMPLE_DEVICE_NAME    "example1"
#define EXAMPLE_DEVICE_SECRET  "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"

int main(int argc, char *argv[])
{
    iotx_dev_meta_info_t meta_info;
    iotx_sign_mqtt_t sign_mqtt;

    // The only addition to the doc's code: the strict flags reject unused parameters.
    (void)argc;
    (void)argv;

    memset(&meta_info, 0, sizeof(iotx_dev_meta_info_t));
    // copy the identity defined above into meta_info
    memcpy(meta_info.product_key, EXAMPLE_PRODUCT_KEY, strlen(EXAMPLE_PRODUCT_KEY));
    memcpy(meta_info.product_secret, EXAMPLE_PRODUCT_SECRET, strlen(EXAMPLE_PRODUCT_SECRET));
    memcpy(meta_info.device_name, EXAMPLE_DEVICE_NAME, strlen(EXAMPLE_DEVICE_NAME));
    memcpy(meta_info.device_secret, EXAMPLE_DEVICE_SECRET, strlen(EXAMPLE_DEVICE_SECRET));

    // compute everything the MQTT connection needs
    IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta_info, &sign_mqtt);

    printf("hostname: %s\n", sign_mqtt.hostname);
    printf("port: %d\n", sign_mqtt.port);
    printf("clientid: %s\n", sign_mqtt.clientid);
    printf("username: %s\n", sign_mqtt.username);
    printf("password: %s\n", sign_mqtt.password);

    return 0;
}
