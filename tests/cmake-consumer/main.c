/*
 * Consumer of an installed or vendored iotwire. Prints the outputs it gets; scripts/gates.sh
 * compares them with known answers from tests/vectors, so this file holds no expected values.
 */
#include "iotwire.h"

/* The legacy part is skipped when the library was built without it (the header then refuses to
 * compile) or the install has no legacy header. */
#if defined(IOTWIRE_HAS_LEGACY_SIGN) && defined(__has_include)
#if __has_include("dev_sign_api.h")
#include "dev_sign_api.h"
#define CONSUMER_HAS_LEGACY 1
#endif
#endif

#include <stdio.h>
#include <string.h>

static int print_password(void)
{
    iotwire_mqtt_options_t opts;
    char password[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];
    size_t len = 0;
    int32_t rc;

    /* The inputs of the doc_example vector "doc-mqtt-tcp-hmacsha1". */
    iotwire_mqtt_options_init(&opts);
    opts.product_key = iotwire_str("pk");
    opts.device_name = iotwire_str("device");
    opts.device_secret = iotwire_str("secret");
    opts.client_id = iotwire_str("12345");
    opts.timestamp = iotwire_str("789");
    opts.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    opts.flags = IOTWIRE_MQTT_FLAG_LAX_NAMES;
    rc = iotwire_mqtt_get_password(&opts, password, sizeof password, &len);
    if (rc != IOTWIRE_OK) {
        fprintf(stderr, "iotwire_mqtt_get_password: %s\n", iotwire_status_str(rc));
        return 1;
    }
    printf("password=%s\n", password);
    return 0;
}

#if defined(CONSUMER_HAS_LEGACY)
static int print_legacy_password(void)
{
    iotx_dev_meta_info_t meta;
    iotx_sign_mqtt_t out;
    int32_t rc;

    /* The inputs of the iot_sign_mqtt vector "v320-default-01". */
    memset(&meta, 0, sizeof meta);
    memset(&out, 0, sizeof out);
    strcpy(meta.product_key, "a1X2bEnP82z");
    strcpy(meta.device_name, "example1");
    strcpy(meta.device_secret, "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    /* Parenthesised: the exported symbol itself (3.2.0 default build), not the header's macro,
     * so this also proves IOT_Sign_MQTT is exported under its legacy name. */
    rc = (IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &meta, &out);
    if (rc != 0) {
        fprintf(stderr, "IOT_Sign_MQTT returned %d\n", (int)rc);
        return 1;
    }
    printf("legacy_password=%s\n", out.password);
    return 0;
}
#endif

int main(void)
{
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) {
        fprintf(stderr, "iotwire ABI mismatch\n");
        return 1;
    }
    if (print_password() != 0) {
        return 1;
    }
#if defined(CONSUMER_HAS_LEGACY)
    return print_legacy_password();
#else
    return 0;
#endif
}
