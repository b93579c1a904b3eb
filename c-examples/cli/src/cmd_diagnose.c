/* explain and check-connect: what a device *did* send, and which field the platform would
 * refuse. Thin on purpose: decoding captured bytes is what the library replaces C for, so both
 * commands hand the bytes to iotwire_explain() / iotwire_check_connect() and print the JSON
 * report they write. Exit 0: the bytes decode / the platform would accept; 1: the report has an
 * error object / problems; 2: usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "hex.h"
#include "iotwire.h"
#include "options.h"

#if defined(IOTWIRE_HAS_DIAGNOSE)

/* --hex text as bytes (malloc'd; *len set). Spaces, tabs, newlines and ':' between digits are
 * skipped, so a capture can be pasted as a tool prints it. Returns NULL on bad hex. */
static uint8_t *hex_arg(const char *text, size_t *len)
{
    size_t n = strlen(text);
    char *digits = (char *)malloc(n + 1);
    uint8_t *bytes = (uint8_t *)malloc(n / 2 + 1);
    size_t d = 0;
    size_t i;
    if (digits == NULL || bytes == NULL) {
        free(digits);
        free(bytes);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        if (strchr(" \t\r\n:", text[i]) == NULL) {
            digits[d++] = text[i];
        }
    }
    digits[d] = '\0';
    if (cli_hex_decode(digits, bytes, n / 2 + 1, len) != 0) {
        free(bytes);
        bytes = NULL;
    }
    free(digits);
    return bytes;
}

/* Prints a report the library wrote into `json`, or the error of `rc`; frees `json`. */
static int print_report(int32_t rc, char *json, int refused)
{
    if (rc != IOTWIRE_OK) {
        free(json);
        return cli_status_error(rc);
    }
    fputs(json, stdout);
    fputc('\n', stdout);
    fflush(stdout);
    free(json);
    return refused ? CLI_EXIT_STATUS : CLI_EXIT_OK;
}

typedef struct {
    const char *name;
    uint32_t value;
} protocol_name_t;

static const protocol_name_t k_protocols[] = {
    {"mqtt", IOTWIRE_EXPLAIN_MQTT},
    {"coap", IOTWIRE_EXPLAIN_COAP},
    {"http", IOTWIRE_EXPLAIN_HTTP},
    {NULL, 0},
};

int cmd_explain(int argc, char **argv)
{
    const cli_opt_mask_t allowed =
        CLI_OPT_BIT(OPT_HEX) | CLI_OPT_BIT(OPT_PROTOCOL) | CLI_OPT_BIT(OPT_KEY);
    const char *cmd = argv[1];
    cli_args_t args;
    uint32_t protocol = IOTWIRE_EXPLAIN_GUESS;
    uint8_t key[16];
    size_t key_len = 0;
    uint8_t *input;
    size_t input_len = 0;
    size_t need = 0;
    size_t len = 0;
    int32_t verdict = IOTWIRE_OK;
    char *json;
    int32_t rc;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (!cli_has(&args, OPT_HEX)) {
        return cli_usage_error(cmd, "--hex is required");
    }
    if (cli_has(&args, OPT_PROTOCOL)) {
        const protocol_name_t *p = k_protocols;
        while (p->name != NULL && strcmp(p->name, cli_get(&args, OPT_PROTOCOL)) != 0) {
            p++;
        }
        if (p->name == NULL) {
            return cli_usage_error(cmd, "unknown --protocol '%s' (mqtt, coap, http)",
                                   cli_get(&args, OPT_PROTOCOL));
        }
        protocol = p->value;
    }
    if (cli_has(&args, OPT_KEY) &&
        (cli_hex_decode(cli_get(&args, OPT_KEY), key, sizeof key, &key_len) != 0 ||
         key_len != sizeof key)) {
        return cli_usage_error(cmd, "--key must be 32 hex digits (the 16-byte AES key)");
    }
    input = hex_arg(cli_get(&args, OPT_HEX), &input_len);
    if (input == NULL) {
        return cli_usage_error(cmd, "--hex must be an even number of hex digits");
    }
    rc = iotwire_explain(protocol, input, input_len, key_len ? key : NULL, key_len, NULL, 0,
                         &need, NULL);
    json = rc == IOTWIRE_OK ? (char *)malloc(need) : NULL;
    if (rc == IOTWIRE_OK && json == NULL) {
        rc = IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    if (rc == IOTWIRE_OK) {
        rc = iotwire_explain(protocol, input, input_len, key_len ? key : NULL, key_len, json,
                             need, &len, &verdict);
    }
    free(input);
    return print_report(rc, json, verdict != IOTWIRE_OK);
}

/* --profile: any name mqtt-sign or mqtt-dynreg accepts (the packet says which mode it is). */
static int set_check_profile(const cli_args_t *args, iotwire_mqtt_options_t *opts, char *err,
                             size_t err_cap)
{
    if (cli_is_enos_profile(args)) {
        snprintf(err, err_cap, "check-connect checks Alibaba IoT Platform connects, not EnOS");
        return -1;
    }
    if (cli_set_profile(args, cli_sign_profiles, opts, err, err_cap) == 0) {
        return 0;
    }
    return cli_set_profile(args, cli_dynreg_profiles, opts, err, err_cap);
}

int cmd_check_connect(int argc, char **argv)
{
    const cli_opt_mask_t allowed =
        CLI_OPT_BIT(OPT_HEX) | CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
        CLI_OPT_BIT(OPT_DEVICE_SECRET) | CLI_OPT_BIT(OPT_PRODUCT_SECRET) |
        CLI_OPT_BIT(OPT_DEVICE_TOKEN) | CLI_OPT_BIT(OPT_PROFILE) | CLI_OPT_BIT(OPT_LAX_NAMES);
    static const cli_opt_t required[] = {OPT_HEX, OPT_PRODUCT_KEY, OPT_DEVICE_NAME};
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_mqtt_options_t opts;
    char err[CLI_ERR_CAP];
    uint8_t *packet;
    size_t packet_len = 0;
    size_t need = 0;
    size_t len = 0;
    uint32_t problems = 0;
    char *json;
    int32_t rc;
    size_t i;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        if (!cli_has(&args, required[i])) {
            return cli_usage_error(cmd, "--%s is required", cli_opt_name(required[i]));
        }
    }
    if (!cli_has(&args, OPT_DEVICE_SECRET) && !cli_has(&args, OPT_PRODUCT_SECRET) &&
        !cli_has(&args, OPT_DEVICE_TOKEN)) {
        return cli_usage_error(cmd, "give --device-secret, --product-secret (dynamic "
                                    "registration) or --device-token (connwl)");
    }
    iotwire_mqtt_options_init(&opts);
    if (cli_has(&args, OPT_PROFILE) && set_check_profile(&args, &opts, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_MQTT_FLAG_LAX_NAMES;
    }
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.device_secret = cli_str(&args, OPT_DEVICE_SECRET);
    opts.product_secret = cli_str(&args, OPT_PRODUCT_SECRET);
    opts.device_token = cli_str(&args, OPT_DEVICE_TOKEN);
    packet = hex_arg(cli_get(&args, OPT_HEX), &packet_len);
    if (packet == NULL) {
        return cli_usage_error(cmd, "--hex must be an even number of hex digits");
    }
    rc = iotwire_check_connect(&opts, packet, packet_len, NULL, 0, &need, NULL);
    json = rc == IOTWIRE_OK ? (char *)malloc(need) : NULL;
    if (rc == IOTWIRE_OK && json == NULL) {
        rc = IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    if (rc == IOTWIRE_OK) {
        rc = iotwire_check_connect(&opts, packet, packet_len, json, need, &len, &problems);
    }
    free(packet);
    return print_report(rc, json, problems != 0);
}

#endif /* IOTWIRE_HAS_DIAGNOSE */
