/*
 * MQTT CONNECT credentials for an Alibaba Cloud IoT device (device-secret mode), the way
 * firmware uses iotwire: no heap, fixed static buffers sized by the library's own maximums,
 * and every status checked.
 *
 * The device triple is the one from Alibaba's documentation; a real device reads its secret
 * from protected storage instead of a string literal.
 */
#include "iotwire.h"

#include <stdio.h>
#include <stdlib.h>

/* Static rather than on the stack: on a microcontroller these sizes matter, and the *_MAX_SIZE
 * macros are worst cases for every mode, so no output can ever be BUFFER_TOO_SMALL. */
static char g_host[IOTWIRE_MQTT_HOST_MAX_SIZE];
static char g_client_id[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];
static char g_username[IOTWIRE_MQTT_USERNAME_MAX_SIZE];
static char g_password[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];

static void check(int32_t rc, const char *what)
{
    if (rc != IOTWIRE_OK) {
        fprintf(stderr, "%s failed: %s (%d)\n", what, iotwire_status_str(rc), (int)rc);
        exit(EXIT_FAILURE);
    }
}

int main(void)
{
    iotwire_mqtt_options_t opts;
    size_t need = 0;
    size_t len = 0;
    uint16_t port = 0;

    /* A library built from other sources than this header could disagree on struct layouts;
     * refuse to run rather than pass it a struct it reads differently. */
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) {
        fprintf(stderr, "iotwire ABI %u, header expects %d\n", (unsigned)iotwire_abi_version(),
                IOTWIRE_ABI_VERSION);
        return EXIT_FAILURE;
    }

    /* init fills struct_size and every default (device-secret mode, Shanghai, hmacsha256,
     * TLS); only the device identity is left to set. Fields added in later versions keep their
     * defaults, so this code stays correct. */
    check(iotwire_mqtt_options_init(&opts), "iotwire_mqtt_options_init");
    opts.product_key = iotwire_str("a1X2bEnP82z");
    opts.device_name = iotwire_str("example1");
    opts.device_secret = iotwire_str("ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    /* Optional; when set it is part of the signed content. A real device puts its clock here
     * (milliseconds since the epoch). */
    opts.timestamp = iotwire_str("1700000000000");

    /* Size query: out == NULL and out_cap == 0 ask for the capacity (length + NUL). Code that
     * allocates per connection would size its buffer with this; here it confirms the static
     * buffer is large enough. */
    check(iotwire_mqtt_get_client_id(&opts, NULL, 0, &need), "client id size query");
    if (need > sizeof g_client_id) {
        fprintf(stderr, "client id needs %lu bytes\n", (unsigned long)need);
        return EXIT_FAILURE;
    }

    check(iotwire_mqtt_get_host(&opts, g_host, sizeof g_host, &len), "iotwire_mqtt_get_host");
    check(iotwire_mqtt_get_port(&opts, &port), "iotwire_mqtt_get_port");
    check(iotwire_mqtt_get_client_id(&opts, g_client_id, sizeof g_client_id, &len),
          "iotwire_mqtt_get_client_id");
    check(iotwire_mqtt_get_username(&opts, g_username, sizeof g_username, &len),
          "iotwire_mqtt_get_username");
    check(iotwire_mqtt_get_password(&opts, g_password, sizeof g_password, &len),
          "iotwire_mqtt_get_password");

    /* These five values are exactly what an MQTT client's CONNECT needs. */
    printf("host      %s\n", g_host);
    printf("port      %u\n", (unsigned)port);
    printf("client_id %s\n", g_client_id);
    printf("username  %s\n", g_username);
    printf("password  %s\n", g_password);
    return EXIT_SUCCESS;
}
