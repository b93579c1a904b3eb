/* The iotwire-cli commands. Each prints one JSON object on stdout and returns the exit code. */
#ifndef IOTWIRE_CLI_COMMANDS_H
#define IOTWIRE_CLI_COMMANDS_H

#include "args.h"

int cmd_version(int argc, char **argv);
int cmd_mqtt_sign(int argc, char **argv);
int cmd_mqtt_dynreg(int argc, char **argv);
int cmd_mqtt_psk(int argc, char **argv);
int cmd_mqtt_ws_url(int argc, char **argv);
int cmd_enos_psk(int argc, char **argv);
int cmd_enos_activate(int argc, char **argv);
int cmd_enos_parse_activate(int argc, char **argv);

/* mqtt-sign --profile enos|enos-tls (cmd_enos.c), after cmd_mqtt_sign parsed the options. */
int cli_enos_mqtt_sign(const char *cmd, const cli_args_t *args);
/* True when --profile names an EnOS profile. */
int cli_is_enos_profile(const cli_args_t *args);
int cmd_coap_auth(int argc, char **argv);
int cmd_coap_parse_auth(int argc, char **argv);
int cmd_dtls_psk(int argc, char **argv);
int cmd_coap_publish(int argc, char **argv);
int cmd_coap_parse_response(int argc, char **argv);
int cmd_coap_key(int argc, char **argv);
int cmd_aes_encrypt(int argc, char **argv);
int cmd_aes_decrypt(int argc, char **argv);
int cmd_http_auth(int argc, char **argv);
int cmd_http_publish(int argc, char **argv);
int cmd_http_parse_response(int argc, char **argv);
int cmd_dynreg_https(int argc, char **argv);
int cmd_parse_register(int argc, char **argv);
int cmd_mqtt_connect_packet(int argc, char **argv);
int cmd_topic(int argc, char **argv);
/* cmd_diagnose.c, with IOTWIRE_HAS_DIAGNOSE */
int cmd_explain(int argc, char **argv);
int cmd_check_connect(int argc, char **argv);

#endif
