/* mqtt-connect-packet and topic: the CONNECT bytes of a device and its topic names. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "credentials.h"
#include "json_out.h"
#include "options.h"

static uint8_t g_packet[IOTWIRE_MQTT_CONNECT_MAX_SIZE];

int cmd_mqtt_connect_packet(int argc, char **argv)
{
    iotwire_mqtt_options_t opts;
    json_out_t j;
    size_t len = 0;
    int32_t rc;
    int i;
    int exit_code = cli_sign_options(argc, argv, CLI_OPT_BIT(OPT_KEEP_SESSION), &opts);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    /* cli_sign_options accepted the flag; it is the CONNECT's alone. */
    for (i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--keep-session") == 0) {
            opts.flags |= IOTWIRE_MQTT_FLAG_KEEP_SESSION;
        }
    }
    rc = iotwire_mqtt_connect_encode(&opts, g_packet, sizeof g_packet, &len);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_hex(&j, "packet_hex", g_packet, len);
    json_end(&j);
    return CLI_EXIT_OK;
}

typedef struct {
    const char *name;
    uint32_t kind;
} topic_kind_t;

static const topic_kind_t k_kinds[] = {
    {"custom", IOTWIRE_TOPIC_KIND_CUSTOM},
    {"property-post", IOTWIRE_TOPIC_KIND_PROPERTY_POST},
    {"property-post-reply", IOTWIRE_TOPIC_KIND_PROPERTY_POST_REPLY},
    {"event-post", IOTWIRE_TOPIC_KIND_EVENT_POST},
    {"event-post-reply", IOTWIRE_TOPIC_KIND_EVENT_POST_REPLY},
    {"property-set", IOTWIRE_TOPIC_KIND_PROPERTY_SET},
    {"property-set-reply", IOTWIRE_TOPIC_KIND_PROPERTY_SET_REPLY},
    {"service", IOTWIRE_TOPIC_KIND_SERVICE},
    {"service-reply", IOTWIRE_TOPIC_KIND_SERVICE_REPLY},
    {"ota-inform", IOTWIRE_TOPIC_KIND_OTA_INFORM},
    {"ota-upgrade", IOTWIRE_TOPIC_KIND_OTA_UPGRADE},
    {"ota-progress", IOTWIRE_TOPIC_KIND_OTA_PROGRESS},
    {"ota-request", IOTWIRE_TOPIC_KIND_OTA_REQUEST},
    {"shadow-update", IOTWIRE_TOPIC_KIND_SHADOW_UPDATE},
    {"shadow-get", IOTWIRE_TOPIC_KIND_SHADOW_GET},
    {"rrpc-request", IOTWIRE_TOPIC_KIND_RRPC_REQUEST},
    {"rrpc-response", IOTWIRE_TOPIC_KIND_RRPC_RESPONSE},
    {"model-up-raw", IOTWIRE_TOPIC_KIND_MODEL_UP_RAW},
    {"model-up-raw-reply", IOTWIRE_TOPIC_KIND_MODEL_UP_RAW_REPLY},
    {"model-down-raw", IOTWIRE_TOPIC_KIND_MODEL_DOWN_RAW},
    {"model-down-raw-reply", IOTWIRE_TOPIC_KIND_MODEL_DOWN_RAW_REPLY},
    {"deviceinfo-update", IOTWIRE_TOPIC_KIND_DEVICEINFO_UPDATE},
    {"deviceinfo-update-reply", IOTWIRE_TOPIC_KIND_DEVICEINFO_UPDATE_REPLY},
    {"ntp-request", IOTWIRE_TOPIC_KIND_NTP_REQUEST},
    {"ntp-response", IOTWIRE_TOPIC_KIND_NTP_RESPONSE},
};

int cmd_topic(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_KIND) | CLI_OPT_BIT(OPT_PRODUCT_KEY) |
                             CLI_OPT_BIT(OPT_DEVICE_NAME) | CLI_OPT_BIT(OPT_NAME) |
                             CLI_OPT_BIT(OPT_LAX_NAMES);
    static const cli_opt_t required[] = {OPT_KIND, OPT_PRODUCT_KEY, OPT_DEVICE_NAME};
    const char *cmd = argv[1];
    cli_args_t args;
    json_out_t j;
    char topic[256];
    size_t len = 0;
    size_t i;
    uint32_t flags = 0;
    int found = -1;
    int32_t rc;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        if (!cli_has(&args, required[i])) {
            return cli_usage_error(cmd, "--%s is required", cli_opt_name(required[i]));
        }
    }
    for (i = 0; i < sizeof k_kinds / sizeof k_kinds[0]; i++) {
        if (strcmp(k_kinds[i].name, cli_get(&args, OPT_KIND)) == 0) {
            found = (int)i;
        }
    }
    if (found < 0) {
        return cli_usage_error(cmd, "unknown --kind '%s' (see --help)", cli_get(&args, OPT_KIND));
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        flags |= IOTWIRE_TOPIC_FLAG_LAX_NAMES;
    }
    rc = iotwire_topic_build(k_kinds[found].kind, cli_str(&args, OPT_PRODUCT_KEY),
                             cli_str(&args, OPT_DEVICE_NAME), cli_str(&args, OPT_NAME), flags,
                             topic, sizeof topic, &len);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_str(&j, "topic", topic, len);
    json_end(&j);
    return CLI_EXIT_OK;
}
