/* The drop-in dev_sign_api.h inside an iotkit-embedded 3.x tree: SDK sources include the SDK's
 * own infra_defs.h (which defines the iotx_* types) next to ours. Both include orders must
 * compile (SDK_HEADERS_FIRST selects one), the SDK's types must be the ones used, and a call
 * through the IOT_Sign_MQTT macro must give what the general legacy export gives for the same
 * build. Built only where the legacy SDK tree is available (see CMakeLists.txt). */
#if defined(SDK_HEADERS_FIRST)
#include "infra_types.h"
#include "infra_defs.h"
#include "dev_sign_api.h"
#else
#include "dev_sign_api.h"
#include "infra_types.h"
#include "infra_defs.h"
#endif

#include <stdio.h>
#include <string.h>

int main(void)
{
    iotx_dev_meta_info_t meta;
    iotx_sign_mqtt_t via_macro, via_general;
    int32_t rc_macro, rc_general;

    /* IOTX_SDK_VERSION exists only in the SDK's infra_defs.h: its types are in use. */
    printf("SDK %s types in use\n", IOTX_SDK_VERSION);
    memset(&meta, 0, sizeof meta);
    /* The struct's trailing padding byte is never written: compare like with like. */
    memset(&via_macro, 0, sizeof via_macro);
    memset(&via_general, 0, sizeof via_general);
    strcpy(meta.product_key, "a1X2bEnP82z");
    strcpy(meta.device_name, "example1");
    strcpy(meta.device_secret, "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    rc_macro = IOT_Sign_MQTT(IOTX_CLOUD_REGION_SINGAPORE, &meta, &via_macro);
    rc_general = iotwire_legacy_sign_mqtt(IOTWIRE_LEGACY_SDK, IOTWIRE__LEGACY_BUILD_BITS,
                                          IOTX_CLOUD_REGION_SINGAPORE, NULL,
                                          (const iotwire_legacy_dev_meta_t *)(const void *)&meta,
                                          (iotwire_legacy_sign_mqtt_t *)(void *)&via_general);
    printf("rc %d host %s port %u\nclientid %s\n", (int)rc_macro, via_macro.hostname,
           (unsigned)via_macro.port, via_macro.clientid);
    if (rc_macro != 0 || rc_general != 0 || memcmp(&via_macro, &via_general, sizeof via_macro) != 0) {
        fprintf(stderr, "IOT_Sign_MQTT through the SDK's types differs from the general path\n");
        return 1;
    }
    return 0;
}
