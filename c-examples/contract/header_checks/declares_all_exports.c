/* Compile-only check (CTest contract_header_declares_all_exports): iotwire.h alone must declare
 * every function libiotwire.a exports under the iotwire_ prefix, with these exact types. A
 * missing declaration is an error under C99 -Werror; a different signature is a conflicting
 * declaration. IOT_Sign_MQTT is left to the legacy headers on purpose. */
#include "iotwire.h"

typedef iotwire_status_t (*text_fn)(const struct iotwire_mqtt_options_t *, char *, size_t,
                                    size_t *);

int main(void);
int main(void)
{
    text_fn text[8];
    iotwire_status_t (*init)(struct iotwire_mqtt_options_t *) = iotwire_mqtt_options_init;
    iotwire_status_t (*from_mac)(const struct iotwire_mqtt_options_t *, const uint8_t *, size_t,
                                 char *, size_t, size_t *) = iotwire_mqtt_get_password_from_mac;
    iotwire_status_t (*port)(const struct iotwire_mqtt_options_t *, uint16_t *) =
        iotwire_mqtt_get_port;
    iotwire_status_t (*keepalive)(uint32_t) = iotwire_mqtt_check_keepalive;
    int32_t (*legacy)(uint32_t, uint32_t, int32_t, const char *,
                      const struct iotwire_legacy_dev_meta_t *,
                      struct iotwire_legacy_sign_mqtt_t *) = iotwire_legacy_sign_mqtt;
    const char *(*status_str)(int32_t) = iotwire_status_str;
    uint32_t (*abi)(void) = iotwire_abi_version;
    const char *(*version)(void) = iotwire_version_string;

    text[0] = iotwire_mqtt_get_client_id;
    text[1] = iotwire_mqtt_get_username;
    text[2] = iotwire_mqtt_get_host;
    text[3] = iotwire_mqtt_get_sign_content;
    text[4] = iotwire_mqtt_get_websocket_url;
    text[5] = iotwire_mqtt_get_tls_psk_identity;
    text[6] = iotwire_mqtt_get_password;
    text[7] = iotwire_mqtt_get_tls_psk;

    return (text[0] != NULL && init != NULL && from_mac != NULL && port != NULL &&
            keepalive != NULL && legacy != NULL && status_str != NULL && abi != NULL &&
            version != NULL)
               ? 0
               : 1;
}
