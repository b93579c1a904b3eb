/* iotwire-cli: shows, as one JSON object, exactly what a device sends to the IoT platform. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "iotwire.h"
#include "json_out.h"

typedef struct {
    const char *name;
    cli_command_fn run;
} command_t;

static const command_t k_commands[] = {
    {"version", cmd_version},         {"mqtt-sign", cmd_mqtt_sign},
    {"mqtt-dynreg", cmd_mqtt_dynreg}, {"mqtt-psk", cmd_mqtt_psk},
    {"mqtt-ws-url", cmd_mqtt_ws_url}, {"enos-psk", cmd_enos_psk},
    {"enos-activate", cmd_enos_activate}, {"enos-parse-activate", cmd_enos_parse_activate},
#if defined(IOTWIRE_HAS_COAP)
    {"coap-auth", cmd_coap_auth},     {"coap-parse-auth", cmd_coap_parse_auth},
    {"dtls-psk", cmd_dtls_psk},
#endif
    {"coap-publish", cmd_coap_publish},
    {"coap-parse-response", cmd_coap_parse_response},
    {"coap-key", cmd_coap_key},
    {"aes-encrypt", cmd_aes_encrypt},
    {"aes-decrypt", cmd_aes_decrypt},
    {"http-auth", cmd_http_auth},     {"http-publish", cmd_http_publish},
    {"http-parse-response", cmd_http_parse_response},
    {"dynreg-https", cmd_dynreg_https}, {"parse-register", cmd_parse_register},
    {"mqtt-connect-packet", cmd_mqtt_connect_packet},
    {"topic", cmd_topic},
#if defined(IOTWIRE_HAS_DIAGNOSE)
    {"explain", cmd_explain},         {"check-connect", cmd_check_connect},
#endif
};

int cmd_version(int argc, char **argv)
{
    const char *version = iotwire_version_string();
    cli_args_t args;
    json_out_t j;
    int exit_code = cli_parse_or_report(argc, argv, 0, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    json_begin(&j);
    json_str(&j, "version", version, strlen(version));
    json_int(&j, "abi", (long)iotwire_abi_version());
    json_end(&j);
    return CLI_EXIT_OK;
}

int main(int argc, char **argv)
{
    size_t i;
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) {
        fprintf(stderr, "iotwire-cli: built against ABI %d but linked with ABI %lu\n",
                IOTWIRE_ABI_VERSION, (unsigned long)iotwire_abi_version());
        return cli_status_error(IOTWIRE_ERR_UNSUPPORTED);
    }
    if (argc < 2) {
        return cli_usage_error(NULL, "no command given");
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        return cli_usage_error(NULL, "help requested");
    }
    for (i = 0; i < sizeof k_commands / sizeof k_commands[0]; i++) {
        if (strcmp(argv[1], k_commands[i].name) == 0) {
            return k_commands[i].run(argc, argv);
        }
    }
    return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
