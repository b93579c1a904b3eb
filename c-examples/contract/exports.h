/* IOT_Sign_MQTT with the iotwire_legacy_* types.
 *
 * iotwire.h leaves it out on purpose: include/legacy/dev_sign_api.h declares it with the legacy
 * types (iotx_dev_meta_info_t, iotx_sign_mqtt_t), which have the same layout. This file must
 * therefore never share a translation unit with the legacy headers; test_legacy_header.c tests
 * the legacy declaration. */
#ifndef CONTRACT_EXPORTS_H
#define CONTRACT_EXPORTS_H

#include <stdint.h>

#include "iotwire.h"

#ifdef __cplusplus
extern "C" {
#endif

int32_t IOT_Sign_MQTT(int32_t region, const struct iotwire_legacy_dev_meta_t *meta,
                      struct iotwire_legacy_sign_mqtt_t *signout);

#ifdef __cplusplus
}
#endif

#endif /* CONTRACT_EXPORTS_H */
