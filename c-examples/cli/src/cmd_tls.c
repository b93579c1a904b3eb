/* mqtt-psk and mqtt-ws-url: what the TLS-PSK handshake and a WebSocket connect need. */
#include "cli.h"
#include "commands.h"
#include "credentials.h"
#include "json_out.h"
#include "options.h"

int cmd_mqtt_psk(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
                             CLI_OPT_BIT(OPT_DEVICE_SECRET) | CLI_OPT_BIT(OPT_SIGN_METHOD) |
                             CLI_OPT_BIT(OPT_TIMESTAMP) | CLI_OPT_BIT(OPT_LAX_NAMES);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_NAME, OPT_DEVICE_SECRET};
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_mqtt_options_t opts;
    char err[CLI_ERR_CAP];
    char identity[IOTWIRE_MQTT_TLS_PSK_IDENTITY_MAX_SIZE];
    char psk[IOTWIRE_MQTT_TLS_PSK_MAX_SIZE];
    size_t identity_len = 0, psk_len = 0;
    iotwire_status_t rc;
    json_out_t j;
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
    if (cli_set_sign_method(&args, &opts, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_MQTT_FLAG_LAX_NAMES;
    }
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.device_secret = cli_str(&args, OPT_DEVICE_SECRET);
    opts.timestamp = cli_str(&args, OPT_TIMESTAMP);

    rc = cli_get_text(iotwire_mqtt_get_tls_psk_identity, &opts, identity, sizeof identity,
                      &identity_len);
    if (rc == IOTWIRE_OK) {
        rc = cli_get_text(iotwire_mqtt_get_tls_psk, &opts, psk, sizeof psk, &psk_len);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_str(&j, "identity", identity, identity_len);
    json_str(&j, "psk", psk, psk_len);
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_mqtt_ws_url(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_REGION) |
                             CLI_OPT_BIT(OPT_HOST) | CLI_OPT_BIT(OPT_TLS) |
                             CLI_OPT_BIT(OPT_LAX_NAMES);
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_mqtt_options_t opts;
    char err[CLI_ERR_CAP];
    char url[IOTWIRE_MQTT_HOST_MAX_SIZE];
    size_t url_len = 0;
    iotwire_status_t rc;
    json_out_t j;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (!cli_has(&args, OPT_PRODUCT_KEY)) {
        return cli_usage_error(cmd, "--product-key is required");
    }
    iotwire_mqtt_options_init(&opts);
    if (cli_set_endpoint(&args, &opts, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    if (cli_has(&args, OPT_TLS)) {
        opts.secure_mode = 2;
    } else {
        opts.secure_mode = 3;
        opts.flags |= IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
        cli_warn("ws:// is legacy plaintext (securemode 3); use --tls for wss://");
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_MQTT_FLAG_LAX_NAMES;
    }
    /* The URL depends on the ProductKey and the endpoint only. */
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);

    rc = cli_get_text(iotwire_mqtt_get_websocket_url, &opts, url, sizeof url, &url_len);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_str(&j, "url", url, url_len);
    json_end(&j);
    return CLI_EXIT_OK;
}
