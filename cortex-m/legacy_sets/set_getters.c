/* The documented MQTT credentials API as most firmware uses it: the five getters of a
 * device-secret connect (feature `mqtt` alone: HMAC-SHA256, no legacy profiles). */
#include "iotwire.h"

static char text[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];
static size_t len;
static uint16_t port;

int main(void)
{
    iotwire_mqtt_options_t o;
    int32_t rc = iotwire_mqtt_options_init(&o);
    o.product_key = iotwire_str("a1X2bEnP82z");
    o.device_name = iotwire_str("example1");
    o.device_secret = iotwire_str("ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    rc |= iotwire_mqtt_get_client_id(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_username(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_password(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_host(&o, text, sizeof text, &len);
    rc |= iotwire_mqtt_get_port(&o, &port);
    return rc == 0 ? 0 : 1;
}
