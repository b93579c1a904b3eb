/* The iotwire-cli commands. Each prints one JSON object on stdout and returns the exit code. */
#ifndef IOTWIRE_CLI_COMMANDS_H
#define IOTWIRE_CLI_COMMANDS_H

int cmd_version(int argc, char **argv);
int cmd_mqtt_sign(int argc, char **argv);
int cmd_mqtt_dynreg(int argc, char **argv);
int cmd_mqtt_psk(int argc, char **argv);
int cmd_mqtt_ws_url(int argc, char **argv);
int cmd_coap_auth(int argc, char **argv);
int cmd_coap_parse_auth(int argc, char **argv);
int cmd_dtls_psk(int argc, char **argv);
int cmd_coap_publish(int argc, char **argv);
int cmd_coap_parse_response(int argc, char **argv);
int cmd_coap_key(int argc, char **argv);
int cmd_aes_encrypt(int argc, char **argv);
int cmd_aes_decrypt(int argc, char **argv);

#endif
