/* Instruction-count benchmark for IOT_Sign_MQTT (run under callgrind by scripts/bench.sh).
 * argv[1] = number of calls. The per-call cost is the difference between two runs with
 * different counts, so start-up and the loader cancel out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dev_sign_api.h"

int main(int argc, char **argv)
{
    static iotx_dev_meta_info_t meta;
    static iotx_sign_mqtt_t out;
    long calls = argc > 1 ? strtol(argv[1], NULL, 10) : 1;
    long i;
    int32_t rc = 0;

    memcpy(meta.product_key, "a1X2bEnP82z", sizeof "a1X2bEnP82z");
    memcpy(meta.device_name, "example1", sizeof "example1");
    memcpy(meta.device_secret, "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD", sizeof "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    for (i = 0; i < calls; i++) {
        rc |= IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &meta, &out);
    }
    printf("rc=%d password=%s\n", (int)rc, out.password);
    return rc == 0 ? 0 : 1;
}
