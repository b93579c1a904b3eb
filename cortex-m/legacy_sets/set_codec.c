/* Legacy-equivalent set: the MQTT 3.1.1 codec a client uses (see README.md). */
/* In the cumulative images (all_sets.c, -DALL_SETS) this main() is set_codec(). */
#if defined(ALL_SETS)
#define main set_codec
#endif
#include "iotwire.h"

static uint8_t buf[256];
static size_t len;

int main(void)
{
    static const uint8_t rx[] = {0x32, 9, 0, 3, 'a', '/', 'b', 0, 5, 'h', 'i'};
    iotwire_mqtt_packet_t pkt;
    size_t needed;
    iotwire_str_t filter = iotwire_str("a/+");
    int32_t rc = iotwire_mqtt_connect_encode_explicit(iotwire_str("c"), iotwire_str("u"),
                                                      iotwire_str("p"), 60, buf, sizeof buf, &len);
    rc |= iotwire_mqtt_decode(rx, sizeof rx, &pkt, &needed);
    rc |= iotwire_mqtt_publish_encode(iotwire_str("a/b"), (const uint8_t *)"hi", 2, 1, 0, 7, buf,
                                      sizeof buf, &len);
    rc |= iotwire_mqtt_puback_encode(pkt.packet_id, buf, sizeof buf, &len);
    rc |= iotwire_mqtt_subscribe_encode(&filter, 1, 0, 8, buf, sizeof buf, &len);
    rc |= iotwire_mqtt_unsubscribe_encode(&filter, 1, 9, buf, sizeof buf, &len);
    rc |= iotwire_mqtt_pingreq_encode(buf, sizeof buf, &len);
    rc |= iotwire_mqtt_disconnect_encode(buf, sizeof buf, &len);
    return rc == 0 ? 0 : 1;
}
