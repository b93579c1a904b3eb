/* Replaces the IOT_Ioctl handlers of src/dev_sign/dev_sign_mqtt.c in 3.2.0 (3.0.1 and 3.1.0
 * keep them in infra_compat.c, and the swap script leaves them out there): the region and the
 * custom MQTT domain that IOT_Sign_MQTT (kit_dev_sign.c) reads. */
#include "kit_common.h"
#include "infra_compat.h"

#if defined(IOTWIRE_KIT_DEV_SIGN_IOCTLS)
/* 3.2.0 keeps the region and the custom MQTT domain in dev_sign_mqtt.c; IOT_Ioctl calls these
 * three. The domain is copied into storage of this file and published through
 * g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM], where IOT_Sign_MQTT reads it. */
static iotx_mqtt_region_types_t kit_region = IOTX_CLOUD_REGION_SHANGHAI;
static char kit_custom_domain[IOTX_DOMAIN_MAX_LEN + 1];

int IOCTL_FUNC(IOTX_IOCTL_SET_REGION, void *data)
{
    if (data == NULL) {
        return FAIL_RETURN;
    }
    kit_region = *(iotx_mqtt_region_types_t *)data;
    return SUCCESS_RETURN;
}

int IOCTL_FUNC(IOTX_IOCTL_GET_REGION, void *data)
{
    if (data == NULL) {
        return FAIL_RETURN;
    }
    *(iotx_mqtt_region_types_t *)data = kit_region;
    return SUCCESS_RETURN;
}

int IOCTL_FUNC(IOTX_IOCTL_SET_MQTT_DOMAIN, void *data)
{
    size_t len;
    if (data == NULL) {
        return FAIL_RETURN;
    }
    kit_region = IOTX_CLOUD_REGION_CUSTOM;
    len = strlen((const char *)data);
    if (len > IOTX_DOMAIN_MAX_LEN) {
        return FAIL_RETURN;
    }
    memset(kit_custom_domain, 0, sizeof kit_custom_domain);
    memcpy(kit_custom_domain, data, len);
    g_infra_mqtt_domain[IOTX_CLOUD_REGION_CUSTOM] = kit_custom_domain;
    return SUCCESS_RETURN;
}
#endif /* IOTWIRE_KIT_DEV_SIGN_IOCTLS */
