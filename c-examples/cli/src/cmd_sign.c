/* mqtt-sign and mqtt-dynreg: the CONNECT credentials of a device. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "credentials.h"
#include "options.h"

typedef struct {
    const char *name;
    uint32_t mode;
} mode_name_t;

static const mode_name_t k_sign_modes[] = {
    {"device-secret", IOTWIRE_MQTT_MODE_DEVICE_SECRET},
    {"x509", IOTWIRE_MQTT_MODE_X509},
    {"id2", IOTWIRE_MQTT_MODE_ID2},
    {"connwl", IOTWIRE_MQTT_MODE_CONNWL},
    {NULL, 0},
};

static const mode_name_t k_dynreg_types[] = {
    {"register", IOTWIRE_MQTT_MODE_REGISTER},
    {"regnwl", IOTWIRE_MQTT_MODE_REGNWL},
    {NULL, 0},
};

static int find_mode(const mode_name_t *table, const char *name, uint32_t *out)
{
    for (; table->name != NULL; table++) {
        if (strcmp(table->name, name) == 0) {
            *out = table->mode;
            return 0;
        }
    }
    return -1;
}

/* The checks only the command line can make; the library validates every value itself. */
static int check_sign_inputs(const char *cmd, const cli_args_t *args, uint32_t mode)
{
    const char *mode_name = cli_has(args, OPT_MODE) ? cli_get(args, OPT_MODE) : "device-secret";
    int secret_used = mode == IOTWIRE_MQTT_MODE_DEVICE_SECRET || mode == IOTWIRE_MQTT_MODE_ID2;
    int names_optional = mode == IOTWIRE_MQTT_MODE_X509;

    if (!names_optional && !cli_has(args, OPT_PRODUCT_KEY)) {
        return cli_usage_error(cmd, "--product-key is required");
    }
    if (!names_optional && !cli_has(args, OPT_DEVICE_NAME)) {
        return cli_usage_error(cmd, "--device-name is required");
    }
    if (secret_used && !cli_has(args, OPT_DEVICE_SECRET)) {
        return cli_usage_error(cmd, "--device-secret is required for --mode %s", mode_name);
    }
    if (!secret_used && cli_has(args, OPT_DEVICE_SECRET)) {
        return cli_usage_error(cmd, "--device-secret is not used by --mode %s", mode_name);
    }
    if (mode == IOTWIRE_MQTT_MODE_CONNWL && !cli_has(args, OPT_DEVICE_TOKEN)) {
        return cli_usage_error(cmd, "--mode connwl needs --device-token (the regnwl result)");
    }
    if (mode != IOTWIRE_MQTT_MODE_CONNWL && cli_has(args, OPT_DEVICE_TOKEN)) {
        return cli_usage_error(cmd, "--device-token only applies to --mode connwl");
    }
    return CLI_EXIT_OK;
}

int cli_sign_options(int argc, char **argv, cli_opt_mask_t extra_allowed, iotwire_mqtt_options_t *out)
{
    const cli_opt_mask_t allowed =
        CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
        CLI_OPT_BIT(OPT_DEVICE_SECRET) | CLI_OPT_BIT(OPT_REGION) | CLI_OPT_BIT(OPT_HOST) |
        CLI_OPT_BIT(OPT_CLIENT_ID) | CLI_OPT_BIT(OPT_SIGN_METHOD) | CLI_OPT_BIT(OPT_SECURE_MODE) |
        CLI_OPT_BIT(OPT_TIMESTAMP) | CLI_OPT_BIT(OPT_MODE) | CLI_OPT_BIT(OPT_DEVICE_TOKEN) |
        CLI_OPT_BIT(OPT_INSTANCE_ID) | CLI_OPT_BIT(OPT_PROFILE) | CLI_OPT_BIT(OPT_EXTRA_PARAMS) |
        CLI_OPT_BIT(OPT_LAX_NAMES) | CLI_OPT_BIT(OPT_KEEPALIVE) | CLI_OPT_BIT(OPT_PORT) |
        CLI_OPT_BIT(OPT_DEVICE_KEY) | extra_allowed;
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_mqtt_options_t opts;
    char err[CLI_ERR_CAP];
    const char *secure_mode;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    /* EnOS is another cloud with its own inputs (a DeviceKey, no region): its own options and
     * output, so only mqtt-sign takes it, and it is done here. */
    if (cli_is_enos_profile(&args)) {
        if (strcmp(cmd, "mqtt-sign") != 0) {
            return cli_usage_error(cmd, "--profile enos|enos-tls is only for mqtt-sign");
        }
        exit_code = cli_enos_mqtt_sign(cmd, &args);
        return exit_code == CLI_EXIT_OK ? CLI_SIGN_OPTIONS_HANDLED : exit_code;
    }
    if (cli_has(&args, OPT_DEVICE_KEY)) {
        return cli_usage_error(cmd, "--device-key is for --profile enos|enos-tls");
    }
    iotwire_mqtt_options_init(&opts);

    if (cli_has(&args, OPT_MODE) &&
        find_mode(k_sign_modes, cli_get(&args, OPT_MODE), &opts.mode) != 0) {
        return cli_usage_error(cmd, "unknown --mode '%s' (device-secret, x509, id2, connwl)",
                               cli_get(&args, OPT_MODE));
    }
    exit_code = check_sign_inputs(cmd, &args, opts.mode);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (cli_set_endpoint(&args, &opts, err, sizeof err) != 0 ||
        cli_set_sign_method(&args, &opts, err, sizeof err) != 0 ||
        cli_set_profile(&args, cli_sign_profiles, &opts, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }

    secure_mode = cli_get(&args, OPT_SECURE_MODE);
    if (secure_mode != NULL) {
        if (strcmp(secure_mode, "2") == 0) {
            opts.secure_mode = 2;
        } else if (strcmp(secure_mode, "3") == 0) {
            /* Asking for securemode 3 by name is the explicit opt-in the library requires. */
            opts.secure_mode = 3;
            opts.flags |= IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
            cli_warn("securemode 3 is legacy plaintext TCP; new devices connect over TLS only");
        } else {
            return cli_usage_error(cmd, "--secure-mode must be 2 or 3, got '%s'", secure_mode);
        }
    }
    if (cli_has(&args, OPT_PORT)) {
        uint32_t port;
        if (cli_parse_number(&args, OPT_PORT, 65535u, &port, err, sizeof err) != 0) {
            return cli_usage_error(cmd, "%s", err);
        }
        opts.port = (uint16_t)port;
    }
    if (cli_has(&args, OPT_KEEPALIVE)) {
        /* 0 would tell the library to skip the check, which is not what a user asks for. */
        if (cli_parse_number(&args, OPT_KEEPALIVE, 0xFFFFFFFFu, &opts.keepalive_s, err,
                             sizeof err) != 0) {
            return cli_usage_error(cmd, "%s", err);
        }
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_MQTT_FLAG_LAX_NAMES;
    }

    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.device_secret = cli_str(&args, OPT_DEVICE_SECRET);
    opts.client_id = cli_str(&args, OPT_CLIENT_ID);
    opts.timestamp = cli_str(&args, OPT_TIMESTAMP);
    opts.instance_id = cli_str(&args, OPT_INSTANCE_ID);
    opts.device_token = cli_str(&args, OPT_DEVICE_TOKEN);
    opts.extra_params = cli_str(&args, OPT_EXTRA_PARAMS);
    *out = opts;
    return CLI_EXIT_OK;
}

int cmd_mqtt_sign(int argc, char **argv)
{
    iotwire_mqtt_options_t opts;
    int exit_code = cli_sign_options(argc, argv, 0, &opts);
    if (exit_code == CLI_SIGN_OPTIONS_HANDLED) {
        return CLI_EXIT_OK;
    }
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    return cli_print_credentials(&opts);
}

int cmd_mqtt_dynreg(int argc, char **argv)
{
    const cli_opt_mask_t allowed =
        CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
        CLI_OPT_BIT(OPT_PRODUCT_SECRET) | CLI_OPT_BIT(OPT_RANDOM) | CLI_OPT_BIT(OPT_TYPE) |
        CLI_OPT_BIT(OPT_SIGN_METHOD) | CLI_OPT_BIT(OPT_SECURE_MODE) |
        CLI_OPT_BIT(OPT_INSTANCE_ID) | CLI_OPT_BIT(OPT_REGION) | CLI_OPT_BIT(OPT_HOST) |
        CLI_OPT_BIT(OPT_PROFILE) | CLI_OPT_BIT(OPT_LAX_NAMES);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_NAME, OPT_PRODUCT_SECRET,
                                         OPT_RANDOM};
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_mqtt_options_t opts;
    char err[CLI_ERR_CAP];
    const char *secure_mode;
    size_t i;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        if (!cli_has(&args, required[i])) {
            return cli_usage_error(cmd, "--%s is required", cli_opt_name(required[i]));
        }
    }
    iotwire_mqtt_options_init(&opts);
    opts.mode = IOTWIRE_MQTT_MODE_REGISTER;
    if (cli_has(&args, OPT_TYPE) &&
        find_mode(k_dynreg_types, cli_get(&args, OPT_TYPE), &opts.mode) != 0) {
        return cli_usage_error(cmd, "unknown --type '%s' (register, regnwl)",
                               cli_get(&args, OPT_TYPE));
    }
    if (cli_set_endpoint(&args, &opts, err, sizeof err) != 0 ||
        cli_set_sign_method(&args, &opts, err, sizeof err) != 0 ||
        cli_set_profile(&args, cli_dynreg_profiles, &opts, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    secure_mode = cli_get(&args, OPT_SECURE_MODE);
    if (secure_mode != NULL) {
        if (strcmp(secure_mode, "2") == 0) {
            opts.secure_mode = 2;
        } else if (strcmp(secure_mode, "-2") == 0) {
            opts.secure_mode = -2;
        } else {
            return cli_usage_error(cmd, "--secure-mode must be 2 or -2, got '%s'", secure_mode);
        }
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_MQTT_FLAG_LAX_NAMES;
    }

    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.product_secret = cli_str(&args, OPT_PRODUCT_SECRET);
    opts.random = cli_str(&args, OPT_RANDOM);
    opts.instance_id = cli_str(&args, OPT_INSTANCE_ID);
    return cli_print_credentials(&opts);
}
