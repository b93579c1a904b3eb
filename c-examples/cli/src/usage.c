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
     "                                           --extra-params)\n"
     "  iotwire-cli mqtt-sign --profile enos|enos-tls --product-key PK --device-key DK\n"
     "      --device-secret DS --host HOST [--port N]\n"
     "      -> the same keys, as the EnOS C device SDK builds them (plain SHA-256 of\n"
     "      content+secret; port 11883 for enos, 18883 for enos-tls)\n"},
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
    {"enos-psk",
     "  iotwire-cli enos-psk --product-key PK --device-key DK --secret S --secure-mode 2|3\n"
     "      --lifetime SECONDS\n"
     "      -> {\"identity\",\"key\"}: the EnOS CoAP DTLS-PSK identity and the 16-byte key\n"
     "      (hex); --secret is the DeviceSecret (mode 2) or the ProductSecret (mode 3);\n"
     "      --lifetime 30..86400\n"},
    {"enos-activate",
     "  iotwire-cli enos-activate --product-key PK --device-key DK [--message-id N]\n"
     "      [--token HEX]\n"
     "      -> {\"datagram\"}: the CoAP GET /topic/ext/session/PK/DK/thing/activate/info\n"
     "      (message id default 1, token default empty)\n"},
    {"enos-parse-activate",
     "  iotwire-cli enos-parse-activate --datagram HEX [--product-key PK --device-key DK]\n"
     "      -> {\"device_secret\",\"asset_id\"[,\"id\"]} of the activation reply; with\n"
     "      --product-key/--device-key the reply must name that device\n"},
    {"coap-auth",
     "  iotwire-cli coap-auth --product-key PK --device-name DN --device-secret DS\n"
     "      [--client-id ID] [--sign-method hmacmd5|hmacsha1] [--seq N] [--timestamp MS]\n"
     "      [--ack-mode 0|1] [--format json|cbor] [--message-id N] [--token HEX]\n"
     "      [--profile doc|v3.2.0|v2.3.0]\n"
     "      -> {\"datagram\":HEX,\"payload\",\"sign\",\"sign_content\"} of the CoAP POST /auth\n"
     "      (--seq: symmetric-encryption mode; a CBOR payload is printed as hex)\n"},
    {"coap-parse-auth",
     "  iotwire-cli coap-parse-auth --datagram HEX [--format json|cbor]\n"
     "      -> {\"code\":\"2.05\",\"message_id\",\"auth_token\",\"random\",\"seq_offset\"}\n"},
    {"dtls-psk",
     "  iotwire-cli dtls-psk --product-key PK --device-name DN --device-secret DS\n"
     "      [--sign-method hmacmd5|hmacsha1|hmacsha256] [--timestamp MS] [--form doc|sdk]\n"
     "      -> {\"identity\",\"psk\",\"psk_hex\"}: doc form: the key is the raw MAC (psk is its\n"
     "      hex); sdk form: the key is the psk text itself\n"},
    {"coap-publish",
     "  iotwire-cli coap-publish --topic T --auth-token TOK [--payload TEXT | --payload-hex HEX]\n"
     "      [--key HEX --seq N] [--format json|cbor] [--non] [--token-option 2088|61] [--query]\n"
     "      [--message-id N] [--token HEX] [--profile doc|v3.2.0|v2.3.0] [--max-datagram N]\n"
     "      -> {\"datagram\":HEX} for POST /topic/<T> (T is the MQTT-style topic)\n"
     "      --key HEX --seq N   symmetric mode: AES payload, encrypted seq N (option 2089)\n"
     "      --query             token (and seq) in the Uri-Query instead of options\n"
     "      defaults: message id 1, token 04030201 (the legacy counter), profile doc\n"},
    {"coap-parse-response",
     "  iotwire-cli coap-parse-response --datagram HEX [--key HEX]\n"
     "      -> {\"code\":\"2.05\",\"code_status\",\"type\",\"message_id\",\"token_hex\",\n"
     "          [\"cloud_message_id\",\"cloud_message_id_hex\" when option 2090 is present,]\n"
     "          \"payload_hex\"}; with --key the payload is decrypted (strict PKCS#7)\n"},
    {"coap-key",
     "  iotwire-cli coap-key --device-secret DS --random R\n"
     "      -> {\"key\":HEX}: bytes [8,24) of SHA-256(DS \",\" R)\n"},
    {"aes-encrypt",
     "  iotwire-cli aes-encrypt --key HEX --plaintext-hex HEX\n"
     "      -> {\"ciphertext_hex\"}: AES-128-CBC, IV 543yhjy97ae7fyfg, PKCS#7\n"},
    {"aes-decrypt",
     "  iotwire-cli aes-decrypt --key HEX --ciphertext-hex HEX\n"
     "      -> {\"plaintext_hex\"}; bad padding is IOTWIRE_ERR_COAP_BAD_PADDING\n"},
    {"http-auth",
     "  iotwire-cli http-auth --product-key PK --device-name DN --device-secret DS\n"
     "      [--client-id ID] [--sign-method hmacmd5|hmacsha1] [--timestamp MS]\n"
     "      [--host HOST] [--lax-names] [--profile doc|v3.2.0]\n"
     "      -> {\"request\",\"body\",\"sign\",\"sign_content\"} of POST /auth (HTTPS)\n"},
    {"http-publish",
     "  iotwire-cli http-publish --topic T --token TOK --payload TEXT [--host HOST]\n"
     "      [--profile doc|v3.2.0]\n"
     "      -> {\"request\"}: POST /topic<T> with the password: token header\n"},
    {"http-parse-response",
     "  iotwire-cli http-parse-response --body JSON\n"
     "      -> {\"code\",\"status\",\"reauth\"[,\"message\"][,\"token\"][,\"message_id\"]}; exit 0\n"
     "      whenever the body is a reply, whatever its code (message_id is a decimal string)\n"},
    {"dynreg-https",
     "  iotwire-cli dynreg-https --product-key PK --device-name DN --product-secret PS\n"
     "      --random R [--sign-method hmacmd5|hmacsha1|hmacsha256]\n"
     "      [--region NAME | --host HOST] [--lax-names] [--profile doc|v3.2.0]\n"
     "      -> {\"request\",\"body\",\"sign\"} of POST /auth/register/device\n"},
    {"parse-register",
     "  iotwire-cli parse-register --payload JSON [--type https|register|regnwl|identity]\n"
     "      -> {\"device_secret\"} (HTTPS reply, /ext/register), {\"client_id\",\"device_token\"}\n"
     "      (/ext/regnwl) or {\"product_key\",\"device_name\"} (/ext/auth/identity/response);\n"
     "      without --type the first of these forms the payload has\n"},
    {"mqtt-connect-packet",
     "  iotwire-cli mqtt-connect-packet <the mqtt-sign options> [--keepalive S] [--keep-session]\n"
     "      -> {\"packet_hex\"}: the MQTT 3.1.1 CONNECT with those credentials (clean session,\n"
     "      or clean session 0 with --keep-session, as iotkit-embedded 3.x connects; no will),\n"
     "      keepalive S seconds (30..1200, default 300)\n"},
    {"topic",
     "  iotwire-cli topic --kind KIND --product-key PK --device-name DN [--name X]\n"
     "      [--lax-names]\n"
     "      -> {\"topic\"}; KIND: custom (--name a/b: /PK/DN/user/a/b), property-post[-reply],\n"
     "      event-post[-reply] (--name EVENT), property-set[-reply], service[-reply]\n"
     "      (--name SERVICE), ota-inform, ota-upgrade, ota-progress, ota-request,\n"
     "      shadow-update, shadow-get, rrpc-request (--name ID or +), rrpc-response (--name ID),\n"
     "      model-up-raw[-reply], model-down-raw[-reply], deviceinfo-update[-reply],\n"
     "      ntp-request, ntp-response\n"},
#if defined(IOTWIRE_HAS_DIAGNOSE)
    {"explain",
     "  iotwire-cli explain --hex HEX [--protocol mqtt|coap|http] [--key HEX]\n"
     "      -> what captured bytes say: MQTT packets (every CONNECT field, the client id\n"
     "      split into its id and key=value parameters), a CoAP datagram (every option with\n"
     "      number, name and value; with --key, the 16-byte AES key, the seq option and the\n"
     "      payload decrypted) or an HTTP request (headers, body, its JSON); the protocol is\n"
     "      guessed when not given. Malformed input: exit 1 and \"error\":{\"at\":BYTE,\"why\"}\n"},
    {"check-connect",
     "  iotwire-cli check-connect --hex CONNECT_HEX --product-key PK --device-name DN\n"
     "      (--device-secret DS | --product-secret PS | --device-token T) [--profile NAME]\n"
     "      [--lax-names]\n"
     "      -> {\"verdict\":\"ok\"|\"refused\",\"problems\":[{\"field\",\"expected\",\"got\",\"why\"}],\n"
     "      \"notes\":[...],\"mode\",\"sign_method\",\"sign_content\"}: what the platform checks\n"
     "      in the CONNECT, recomputed; exit 1 when refused. --product-secret checks a\n"
     "      register/regnwl connect, --device-token a connwl one. --profile (any mqtt-sign or\n"
     "      mqtt-dynreg profile) adds notes where the packet differs from that build's\n"},
#endif
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
