/* EnOS (Envision): enos-psk, mqtt-sign --profile enos|enos-tls, and the CoAP activation
 * commands enos-activate / enos-parse-activate. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "json_out.h"
#include "options.h"

/* Fits the largest output printed as hex here (a CoAP datagram of the activation exchange). */
#define ENOS_HEX_CAP 2600u

int cli_is_enos_profile(const cli_args_t *args)
{
    const char *p = cli_get(args, OPT_PROFILE);
    return p != NULL && (strcmp(p, "enos") == 0 || strcmp(p, "enos-tls") == 0);
}

static void to_hex(const uint8_t *bytes, size_t len, char *out)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < len; i++) {
        out[2u * i] = digits[bytes[i] >> 4];
        out[2u * i + 1u] = digits[bytes[i] & 0x0fu];
    }
    out[2u * len] = '\0';
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
    const uint32_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_KEY) |
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
    to_hex(key, key_len, key_hex);
    json_begin(&j);
    json_str(&j, "identity", identity, identity_len);
    json_str(&j, "key", key_hex, 2u * key_len);
    json_end(&j);
    memset(key, 0, sizeof key);
    memset(key_hex, 0, sizeof key_hex);
    return CLI_EXIT_OK;
}
