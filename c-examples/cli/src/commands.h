/* The iotwire-cli commands. Each prints one JSON object on stdout and returns the exit code. */
#ifndef IOTWIRE_CLI_COMMANDS_H
#define IOTWIRE_CLI_COMMANDS_H

int cmd_version(int argc, char **argv);
int cmd_mqtt_sign(int argc, char **argv);
int cmd_mqtt_dynreg(int argc, char **argv);
int cmd_mqtt_psk(int argc, char **argv);
int cmd_mqtt_ws_url(int argc, char **argv);
int cmd_http_auth(int argc, char **argv);
int cmd_http_publish(int argc, char **argv);
int cmd_http_parse_response(int argc, char **argv);
int cmd_dynreg_https(int argc, char **argv);
int cmd_parse_register(int argc, char **argv);

#endif
