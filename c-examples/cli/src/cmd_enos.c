/* EnOS (Envision): enos-psk, mqtt-sign --profile enos|enos-tls, and the CoAP activation
 * commands enos-activate / enos-parse-activate. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "hex.h"
#include "json_out.h"
#include "options.h"

/* Fits the largest output printed as hex here (a CoAP datagram of the activation exchange). */
#define ENOS_HEX_CAP 2600u

int cli_is_enos_profile(const cli_args_t *args)
{
    const char *p = cli_get(args, OPT_PROFILE);
    return p != NULL && (strcmp(p, "enos") == 0 || strcmp(p, "enos-tls") == 0);
}

static int check_required(const char *cmd, const cli_args_t *args, const cli_opt_t *required,
                          size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        if (!cli_has(args, required[i])) {
            return cli_usage_error(cmd, "--%s is required", cli_opt_name(required[i]));
        }
    }
    return CLI_EXIT_OK;
}

typedef iotwire_status_t (*enos_text_fn)(const iotwire_enos_options_t *, char *, size_t,
                                         size_t *);

/* Size query first, so a too-small buffer here shows up as a status, never a truncation. */
static iotwire_status_t enos_text(enos_text_fn fn, const iotwire_enos_options_t *opts,
                                  char *buf, size_t cap, size_t *len)
{
    size_t need = 0;
    iotwire_status_t rc = fn(opts, NULL, 0, &need);
    if (rc != IOTWIRE_OK) {
        return rc;
    }
    if (need > cap) {
        return IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    return fn(opts, buf, cap, len);
}

int cli_enos_mqtt_sign(const char *cmd, const cli_args_t *args)
{
    /* mqtt-sign accepts many Alibaba options; EnOS uses only these. */
    static const cli_opt_t not_enos[] = {
        OPT_DEVICE_NAME, OPT_REGION,    OPT_CLIENT_ID,    OPT_SIGN_METHOD,
        OPT_SECURE_MODE, OPT_TIMESTAMP, OPT_MODE,         OPT_DEVICE_TOKEN,
        OPT_INSTANCE_ID, OPT_LAX_NAMES, OPT_EXTRA_PARAMS, OPT_KEEPALIVE,
    };
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_KEY, OPT_DEVICE_SECRET,
                                         OPT_HOST};
    iotwire_enos_options_t opts;
    char err[CLI_ERR_CAP];
    char host[IOTWIRE_ENOS_MQTT_HOST_MAX_SIZE];
    char client_id[IOTWIRE_ENOS_MQTT_CLIENT_ID_MAX_SIZE];
    char username[IOTWIRE_ENOS_MQTT_USERNAME_MAX_SIZE];
    char password[IOTWIRE_ENOS_MQTT_PASSWORD_MAX_SIZE];
    char content[IOTWIRE_ENOS_MQTT_SIGN_CONTENT_MAX_SIZE];
    size_t host_len = 0, client_id_len = 0, username_len = 0, password_len = 0, content_len = 0;
    uint16_t port = 0;
    iotwire_status_t rc;
    json_out_t j;
    size_t i;
    int exit_code;

    for (i = 0; i < sizeof not_enos / sizeof not_enos[0]; i++) {
        if (cli_has(args, not_enos[i])) {
            return cli_usage_error(cmd, "--%s does not apply to --profile %s",
                                   cli_opt_name(not_enos[i]), cli_get(args, OPT_PROFILE));
        }
    }
    exit_code = check_required(cmd, args, required, sizeof required / sizeof required[0]);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    iotwire_enos_options_init(&opts);
    if (strcmp(cli_get(args, OPT_PROFILE), "enos") == 0) {
        /* The SDK's default build has no SUPPORT_TLS: plaintext port 11883. */
        opts.flags |= IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT;
        cli_warn("--profile enos is plaintext TCP (port 11883); use enos-tls for TLS");
    }
    if (cli_has(args, OPT_PORT)) {
        uint32_t value;
        if (cli_parse_number(args, OPT_PORT, 65535u, &value, err, sizeof err) != 0) {
            return cli_usage_error(cmd, "%s", err);
        }
        opts.port = (uint16_t)value;
    }
    opts.product_key = cli_str(args, OPT_PRODUCT_KEY);
    opts.device_key = cli_str(args, OPT_DEVICE_KEY);
    opts.device_secret = cli_str(args, OPT_DEVICE_SECRET);
    opts.host = cli_str(args, OPT_HOST);

    rc = enos_text(iotwire_enos_mqtt_get_host, &opts, host, sizeof host, &host_len);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_enos_mqtt_get_port(&opts, &port);
    }
    if (rc == IOTWIRE_OK) {
        rc = enos_text(iotwire_enos_mqtt_get_client_id, &opts, client_id, sizeof client_id,
                       &client_id_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = enos_text(iotwire_enos_mqtt_get_username, &opts, username, sizeof username,
                       &username_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = enos_text(iotwire_enos_mqtt_get_password, &opts, password, sizeof password,
                       &password_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = enos_text(iotwire_enos_mqtt_get_sign_content, &opts, content, sizeof content,
                       &content_len);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_str(&j, "host", host, host_len);
    json_int(&j, "port", (long)port);
    json_str(&j, "client_id", client_id, client_id_len);
    json_str(&j, "username", username, username_len);
    json_str(&j, "password", password, password_len);
    json_str(&j, "sign_content", content, content_len);
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_enos_psk(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_KEY) |
                             CLI_OPT_BIT(OPT_SECRET) | CLI_OPT_BIT(OPT_SECURE_MODE) |
                             CLI_OPT_BIT(OPT_LIFETIME);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_KEY, OPT_SECRET,
                                         OPT_SECURE_MODE, OPT_LIFETIME};
    const char *cmd = argv[1];
    const char *mode;
    cli_args_t args;
    iotwire_enos_options_t opts;
    char err[CLI_ERR_CAP];
    char identity[IOTWIRE_ENOS_PSK_IDENTITY_MAX_SIZE];
    uint8_t key[IOTWIRE_ENOS_PSK_KEY_SIZE];
    char key_hex[2u * IOTWIRE_ENOS_PSK_KEY_SIZE + 1u];
    size_t identity_len = 0, key_len = 0;
    iotwire_status_t rc;
    json_out_t j;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    exit_code = check_required(cmd, &args, required, sizeof required / sizeof required[0]);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    iotwire_enos_options_init(&opts);
    mode = cli_get(&args, OPT_SECURE_MODE);
    if (strcmp(mode, "2") == 0) {
        opts.secure_mode = IOTWIRE_ENOS_SECURE_MODE_DEVICE_SECRET;
        opts.device_secret = cli_str(&args, OPT_SECRET);
    } else if (strcmp(mode, "3") == 0) {
        opts.secure_mode = IOTWIRE_ENOS_SECURE_MODE_PRODUCT_SECRET;
        opts.product_secret = cli_str(&args, OPT_SECRET);
    } else {
        return cli_usage_error(cmd, "--secure-mode must be 2 or 3, got '%s'", mode);
    }
    /* Only the syntax is checked here; the library judges the 30..86400 range. */
    if (cli_parse_number(&args, OPT_LIFETIME, 0xFFFFFFFFu, &opts.lifetime_s, err, sizeof err) !=
        0) {
        return cli_usage_error(cmd, "%s", err);
    }
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_key = cli_str(&args, OPT_DEVICE_KEY);

    rc = enos_text(iotwire_enos_get_psk_identity, &opts, identity, sizeof identity,
                   &identity_len);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_enos_get_psk_key(&opts, key, sizeof key, &key_len);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    cli_hex_encode(key, key_len, key_hex);
    json_begin(&j);
    json_str(&j, "identity", identity, identity_len);
    json_str(&j, "key", key_hex, 2u * key_len);
    json_end(&j);
    memset(key, 0, sizeof key);
    memset(key_hex, 0, sizeof key_hex);
    return CLI_EXIT_OK;
}

int cmd_enos_activate(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_KEY) |
                             CLI_OPT_BIT(OPT_MESSAGE_ID) | CLI_OPT_BIT(OPT_TOKEN);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_KEY};
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_enos_options_t opts;
    char err[CLI_ERR_CAP];
    uint8_t token[8];
    size_t token_len = 0;
    uint32_t message_id = 1;
    uint8_t dgram[IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE];
    char hex[2u * IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE + 1u];
    size_t len = 0;
    iotwire_status_t rc;
    json_out_t j;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    exit_code = check_required(cmd, &args, required, sizeof required / sizeof required[0]);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (cli_has(&args, OPT_MESSAGE_ID)) {
        /* 0 is a valid message id, which cli_parse_number refuses. */
        if (strcmp(cli_get(&args, OPT_MESSAGE_ID), "0") == 0) {
            message_id = 0;
        } else if (cli_parse_number(&args, OPT_MESSAGE_ID, 65535u, &message_id, err,
                                    sizeof err) != 0) {
            return cli_usage_error(cmd, "%s", err);
        }
    }
    if (cli_has(&args, OPT_TOKEN) &&
        cli_hex_decode(cli_get(&args, OPT_TOKEN), token, sizeof token, &token_len) != 0) {
        return cli_usage_error(cmd, "--token needs 0 to 8 bytes of hex, got '%s'",
                               cli_get(&args, OPT_TOKEN));
    }
    iotwire_enos_options_init(&opts);
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_key = cli_str(&args, OPT_DEVICE_KEY);
    rc = iotwire_enos_activate_build_request(&opts, (uint16_t)message_id, token, token_len,
                                             dgram, sizeof dgram, &len);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    cli_hex_encode(dgram, len, hex);
    json_begin(&j);
    json_str(&j, "datagram", hex, 2u * len);
    json_end(&j);
    return CLI_EXIT_OK;
}



int cmd_enos_parse_activate(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_DATAGRAM) | CLI_OPT_BIT(OPT_PRODUCT_KEY) |
                             CLI_OPT_BIT(OPT_DEVICE_KEY);
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_enos_options_t opts;
    static uint8_t dgram[ENOS_HEX_CAP / 2u];
    size_t dgram_len = 0;
    char secret[IOTWIRE_ENOS_DEVICE_SECRET_MAX_SIZE];
    char asset[IOTWIRE_ENOS_ASSET_ID_MAX_SIZE];
    char id[IOTWIRE_ENOS_ID_MAX_SIZE];
    size_t secret_len = 0, asset_len = 0, id_len = 0;
    iotwire_status_t rc;
    int has_id;
    json_out_t j;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (!cli_has(&args, OPT_DATAGRAM)) {
        return cli_usage_error(cmd, "--datagram is required");
    }
    if (cli_hex_decode(cli_get(&args, OPT_DATAGRAM), dgram, sizeof dgram, &dgram_len) != 0) {
        return cli_usage_error(cmd, "--datagram needs hex of at most %u bytes",
                               (unsigned)sizeof dgram);
    }
    iotwire_enos_options_init(&opts);
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_key = cli_str(&args, OPT_DEVICE_KEY);

    rc = iotwire_enos_activate_get_device_secret(&opts, dgram, dgram_len, secret, sizeof secret,
                                                 &secret_len);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_enos_activate_get_asset_id(&opts, dgram, dgram_len, asset, sizeof asset,
                                                &asset_len);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    /* id is optional: only its absence is not an error. */
    rc = iotwire_enos_activate_get_id(&opts, dgram, dgram_len, id, sizeof id, &id_len);
    has_id = rc == IOTWIRE_OK;
    if (!has_id && rc != IOTWIRE_ERR_MISSING_FIELD) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_str(&j, "device_secret", secret, secret_len);
    json_str(&j, "asset_id", asset, asset_len);
    if (has_id) {
        json_str(&j, "id", id, id_len);
    }
    json_end(&j);
    memset(secret, 0, sizeof secret);
    return CLI_EXIT_OK;
}
