/* The iotwire-cli commands. Each prints one JSON object on stdout and returns the exit code. */
#ifndef IOTWIRE_CLI_COMMANDS_H
#define IOTWIRE_CLI_COMMANDS_H

int cmd_version(int argc, char **argv);
int cmd_mqtt_sign(int argc, char **argv);
int cmd_mqtt_dynreg(int argc, char **argv);
int cmd_mqtt_psk(int argc, char **argv);
int cmd_mqtt_ws_url(int argc, char **argv);
int cmd_mqtt_connect_packet(int argc, char **argv);
int cmd_topic(int argc, char **argv);

#endif
