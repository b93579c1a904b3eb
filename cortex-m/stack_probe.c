/* Worst-case stack of the exports, measured by stack painting under QEMU: fill the region
 * below the current stack pointer with a pattern, call the export, and find the deepest byte
 * that changed. Single-threaded bare metal with no interrupts enabled, so nothing else
 * touches that region. Prints "STACK <export>=<bytes>" lines, then "DONE". */
#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE
#include "dev_sign_api.h"

#include "cm_sign_only.h"

#include <stdint.h>
#include <stdio.h>

#define PAINT 0xA5u
#define WINDOW 4096u /* larger than any export may use; checked below */

static iotx_dev_meta_info_t meta = {
    .product_key = CM_SO_PRODUCT_KEY,
    .device_name = CM_SO_DEVICE_NAME,
    .device_secret = CM_SO_DEVICE_SECRET,
};
static iotx_sign_mqtt_t signout;
static char text[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];

static void call_iot_sign_mqtt(void)
{
    (void)(IOT_Sign_MQTT)((iotx_mqtt_region_types_t)CM_SO_REGION, &meta, &signout);
}

static void call_legacy_selector(void)
{
    (void)IOT_Sign_MQTT(CM_SO_REGION, &meta, &signout);
}

static void options(iotwire_mqtt_options_t *o)
{
    (void)iotwire_mqtt_options_init(o);
    o->product_key = iotwire_str(CM_SO_PRODUCT_KEY);
    o->device_name = iotwire_str(CM_SO_DEVICE_NAME);
    o->device_secret = iotwire_str(CM_SO_DEVICE_SECRET);
}

static void call_get_password(void)
{
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    (void)iotwire_mqtt_get_password(&o, text, sizeof text, &len);
}

/* A DeviceSecret longer than the 64-byte block takes the RFC 2104 key-hashing path, the
 * deepest one (IOT_Sign_MQTT cannot reach it: its struct holds at most 64 characters). */
static void call_get_password_long_key(void)
{
    static const char long_secret[] =
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    o.device_secret = iotwire_str(long_secret);
    (void)iotwire_mqtt_get_password(&o, text, sizeof text, &len);
}

static void call_get_client_id(void)
{
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    (void)iotwire_mqtt_get_client_id(&o, text, sizeof text, &len);
}

/* CONNECT straight from the options: client id, username and the password MAC streamed into
 * the packet in one call, the heaviest codec export. */
static void call_connect_encode(void)
{
    static uint8_t pkt[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
    iotwire_mqtt_options_t o;
    size_t len;
    options(&o);
    (void)iotwire_mqtt_connect_encode(&o, pkt, sizeof pkt, &len);
}

static void call_mqtt_decode(void)
{
    static const uint8_t rx[] = {0x32, 9, 0, 3, 'a', '/', 'b', 0, 5, 'h', 'i'};
    iotwire_mqtt_packet_t p;
    size_t needed;
    (void)iotwire_mqtt_decode(rx, sizeof rx, &p, &needed);
}

static void call_topic_build(void)
{
    size_t len;
    (void)iotwire_topic_build(IOTWIRE_TOPIC_KIND_CUSTOM, iotwire_str(CM_SO_PRODUCT_KEY),
                              iotwire_str(CM_SO_DEVICE_NAME), iotwire_str("a/b/c"),
                              IOTWIRE_TOPIC_FLAG_URI_PATH, text, sizeof text, &len);
}

/* Bytes of stack `fn` used below the caller's stack pointer. noinline keeps the painted
 * window below this frame. */
static __attribute__((noinline)) uint32_t probe(void (*fn)(void))
{
    uintptr_t sp;
    volatile uint8_t *p;
    volatile uint8_t *top;
    volatile uint8_t *bottom;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    top = (volatile uint8_t *)(sp - 16u);
    bottom = top - WINDOW;
    for (p = bottom; p < top; p++) {
        *p = PAINT;
    }
    fn();
    for (p = bottom; p < top && *p == PAINT; p++) {
    }
    return (uint32_t)(top - p);
}

int main(void)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } exports[] = {
        {"IOT_Sign_MQTT", call_iot_sign_mqtt},
        {"iotwire_legacy_sign_mqtt", call_legacy_selector},
        {"iotwire_mqtt_get_password", call_get_password},
        {"iotwire_mqtt_get_password_long_key", call_get_password_long_key},
        {"iotwire_mqtt_get_client_id", call_get_client_id},
        {"iotwire_mqtt_connect_encode", call_connect_encode},
        {"iotwire_mqtt_decode", call_mqtt_decode},
        {"iotwire_topic_build", call_topic_build},
    };
    size_t i;
    int worst_ok = 1;
    for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
        uint32_t used = probe(exports[i].fn);
        printf("STACK %s=%lu\n", exports[i].name, (unsigned long)used);
        worst_ok = worst_ok && used < WINDOW;
    }
    puts(worst_ok ? "DONE" : "WINDOW TOO SMALL");
    return worst_ok ? 0 : 1;
}
