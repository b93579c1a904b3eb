#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct {
    const char *command;
    const char *text;
} usage_t;

static const char k_general[] =
    "usage: iotwire-cli <command> [--option VALUE]...\n"
    "\n"
    "iotwire-cli prints the MQTT credentials and wire bytes a device sends, as one JSON\n"
    "object on stdout. Errors print {\"error\":\"<IOTWIRE_ERR_...>\",\"status\":<int>} on stdout\n"
    "and exit 1 (the library refused the inputs) or 2 (wrong command line, explained here\n"
    "on stderr). Options are --name VALUE or --name=VALUE.\n"
    "\n"
    "commands:\n";

static const usage_t k_usages[] = {
    {"version",
     "  iotwire-cli version\n"
     "      -> {\"version\":\"x.y.z\",\"abi\":N} of the linked library\n"},
    {"mqtt-sign",
     "  iotwire-cli mqtt-sign --product-key PK --device-name DN [--device-secret DS]\n"
     "      [--region shanghai|singapore|japan|usa-west|germany | --host HOST] [--port N]\n"
     "      [--client-id ID] [--sign-method hmacmd5|hmacsha1|hmacsha256] [--secure-mode 2|3]\n"
     "      [--timestamp MS] [--mode device-secret|x509|id2|connwl] [--device-token T]\n"
     "      [--instance-id ID] [--extra-params K=V[,K=V]] [--keepalive S] [--lax-names]\n"
     "      [--profile NAME]\n"
     "      -> {\"host\",\"port\",\"client_id\",\"username\",\"password\",\"sign_content\"}\n"
     "      Without --profile: the documented form (client id <pk>.<dn>, hmacsha256,\n"
     "      securemode 2, no timestamp unless --timestamp).\n"
     "      --device-secret   required except for --mode x509 and --mode connwl\n"
     "      --device-token    the regnwl result; required by (and only for) --mode connwl\n"
     "      --mode x509       --product-key/--device-name may be omitted on the first connect\n"
     "                        (then give --client-id)\n"
     "      --secure-mode 3   legacy plaintext TCP; prints a warning (new devices: TLS only)\n"
     "      --host HOST       instance or private endpoint, used verbatim\n"
     "      --port N          override the mode's or profile's port\n"
     "      --extra-params    appended to the client-id parameters, e.g. LinkSDK's\n"
     "                        _conn=tls_0x1f4 or v3.2.0's customize_info authtype=id2\n"
     "      --keepalive S     check the keepalive against the platform's 30..1200 s\n"
     "      --lax-names       accept legacy ProductKeys/DeviceNames (only lengths checked)\n"
     "      --profile NAME    reproduce a legacy SDK build byte for byte:\n"
     "        v3.2.0 v3.2.0-no-ss v3.2.0-tcp     iotkit-embedded 3.2.0 (default build; without\n"
     "                                           MQTT_AUTO_SUBSCRIBE; without SUPPORT_TLS)\n"
     "        v3.1.0                             iotkit-embedded 3.1.0 default build\n"
     "        v3.0.1 v3.0.1-tls v3.0.1-preauth   iotkit-embedded 3.0.1 (default: no TLS)\n"
     "        bundle bundle-tls bundle-itls      the doc's standalone sign_mqtt.c\n"
     "        v2.3.0 v2.3.0-tls                  iotkit-embedded 2.3.0 (HMAC-SHA1 guider)\n"
     "        linksdk-4.1.0                      LinkSDK 4.1.0 (add its _conn=... with\n"
     "                                           --extra-params)\n"},
    {"mqtt-dynreg",
     "  iotwire-cli mqtt-dynreg --product-key PK --device-name DN --product-secret PS\n"
     "      --random R [--type register|regnwl] [--sign-method hmacmd5|hmacsha1|hmacsha256]\n"
     "      [--secure-mode 2|-2] [--instance-id ID] [--region NAME | --host HOST]\n"
     "      [--lax-names] [--profile v3.2.0|linksdk-4.2.0]\n"
     "      -> same keys as mqtt-sign, for the 一型一密 registration connect\n"
     "      --random R        a fresh random per request (v3.2.0 sent 8 upper-case hex digits)\n"},
    {"mqtt-psk",
     "  iotwire-cli mqtt-psk --product-key PK --device-name DN --device-secret DS\n"
     "      [--sign-method hmacmd5|hmacsha1|hmacsha256] [--timestamp MS] [--lax-names]\n"
     "      -> {\"identity\",\"psk\"} for MQTT over TLS-PSK (the psk text itself is the key)\n"},
    {"mqtt-ws-url",
     "  iotwire-cli mqtt-ws-url --product-key PK [--region NAME | --host HOST] [--tls]\n"
     "      [--lax-names]\n"
     "      -> {\"url\"}: wss:// with --tls; without it ws:// (plaintext, prints a warning)\n"},
    {"mqtt-connect-packet",
     "  iotwire-cli mqtt-connect-packet <the mqtt-sign options> [--keepalive S]\n"
     "      -> {\"packet_hex\"}: the MQTT 3.1.1 CONNECT with those credentials (clean session,\n"
     "      no will), keepalive S seconds (30..1200, default 300)\n"},
    {"topic",
     "  iotwire-cli topic --kind KIND --product-key PK --device-name DN [--name X]\n"
     "      [--lax-names]\n"
     "      -> {\"topic\"}; KIND: custom (--name a/b: /PK/DN/user/a/b), property-post[-reply],\n"
     "      event-post[-reply] (--name EVENT), property-set[-reply], service[-reply]\n"
     "      (--name SERVICE), ota-inform, ota-upgrade, ota-progress, ota-request,\n"
     "      shadow-update, shadow-get, rrpc-request (--name ID or +), rrpc-response (--name ID),\n"
     "      model-up-raw[-reply], model-down-raw[-reply], deviceinfo-update[-reply],\n"
     "      ntp-request, ntp-response\n"},
};

void cli_print_usage(const char *command)
{
    size_t i;
    int found = 0;
    for (i = 0; command != NULL && i < sizeof k_usages / sizeof k_usages[0]; i++) {
        if (strcmp(k_usages[i].command, command) == 0) {
            fputs("usage:\n", stderr);
            fputs(k_usages[i].text, stderr);
            found = 1;
        }
    }
    if (found) {
        return;
    }
    fputs(k_general, stderr);
    for (i = 0; i < sizeof k_usages / sizeof k_usages[0]; i++) {
        fputs(k_usages[i].text, stderr);
    }
}
