/* http-auth, http-publish, http-parse-response, dynreg-https, parse-register: the HTTPS
 * requests a device sends and the replies (HTTPS or MQTT) that carry tokens and secrets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "json_out.h"
#include "options.h"

typedef struct {
    const char *name;
    uint32_t value;
} word_t;

static const word_t k_http_profiles[] = {
    {"doc", IOTWIRE_HTTP_PROFILE_DOC},
    {"v3.2.0", IOTWIRE_HTTP_PROFILE_V3_2_0},
};

static const word_t k_sign_methods[] = {
    {"hmacmd5", IOTWIRE_SIGN_METHOD_HMACMD5},
    {"hmacsha1", IOTWIRE_SIGN_METHOD_HMACSHA1},
    {"hmacsha256", IOTWIRE_SIGN_METHOD_HMACSHA256},
};

static const word_t k_reply_types[] = {
    {"https", IOTWIRE_REPLY_HTTPS_REGISTER},
    {"register", IOTWIRE_REPLY_EXT_REGISTER},
    {"regnwl", IOTWIRE_REPLY_EXT_REGNWL},
    {"identity", IOTWIRE_REPLY_IDENTITY},
};

/* Looks up the option's word; an absent option keeps *out. Returns 0, or -1 with `err`. */
static int lookup_word(const cli_args_t *args, cli_opt_t opt, const word_t *table, size_t n,
                       uint32_t *out, char *err, size_t err_cap)
{
    const char *v = cli_get(args, opt);
    size_t i;
    if (v == NULL) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (strcmp(v, table[i].name) == 0) {
            *out = table[i].value;
            return 0;
        }
    }
    snprintf(err, err_cap, "unknown --%s '%s'", cli_opt_name(opt), v);
    return -1;
}

static int require(const char *cmd, const cli_args_t *args, const cli_opt_t *opts, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (!cli_has(args, opts[i])) {
            return cli_usage_error(cmd, "--%s is required", cli_opt_name(opts[i]));
        }
    }
    return CLI_EXIT_OK;
}

int cmd_http_auth(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
                             CLI_OPT_BIT(OPT_DEVICE_SECRET) | CLI_OPT_BIT(OPT_CLIENT_ID) |
                             CLI_OPT_BIT(OPT_SIGN_METHOD) | CLI_OPT_BIT(OPT_TIMESTAMP) |
                             CLI_OPT_BIT(OPT_PROFILE) | CLI_OPT_BIT(OPT_HOST) |
                             CLI_OPT_BIT(OPT_LAX_NAMES);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_NAME, OPT_DEVICE_SECRET};
    static const uint32_t parts[] = {IOTWIRE_HTTP_PART_REQUEST, IOTWIRE_HTTP_PART_BODY,
                                     IOTWIRE_HTTP_PART_SIGN, IOTWIRE_HTTP_PART_SIGN_CONTENT};
    static const char *const keys[] = {"request", "body", "sign", "sign_content"};
    static char text[4][IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE];
    size_t len[4];
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_http_auth_options_t opts;
    char err[CLI_ERR_CAP];
    json_out_t j;
    size_t i;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    exit_code = require(cmd, &args, required, sizeof required / sizeof required[0]);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    iotwire_http_auth_options_init(&opts);
    if (lookup_word(&args, OPT_PROFILE, k_http_profiles, 2, &opts.profile, err, sizeof err) != 0 ||
        lookup_word(&args, OPT_SIGN_METHOD, k_sign_methods, 3, &opts.sign_method, err,
                    sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    if (cli_has(&args, OPT_HOST)) {
        opts.region = IOTWIRE_REGION_CUSTOM;
        opts.host = cli_str(&args, OPT_HOST);
    }
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_HTTP_FLAG_LAX_NAMES;
    }
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.device_secret = cli_str(&args, OPT_DEVICE_SECRET);
    opts.client_id = cli_str(&args, OPT_CLIENT_ID);
    opts.timestamp = cli_str(&args, OPT_TIMESTAMP);
    for (i = 0; i < 4; i++) {
        iotwire_status_t rc = iotwire_http_get_auth(&opts, parts[i], text[i], sizeof text[i], &len[i]);
        if (rc != IOTWIRE_OK) {
            return cli_status_error(rc);
        }
    }
    json_begin(&j);
    for (i = 0; i < 4; i++) {
        json_str(&j, keys[i], text[i], len[i]);
    }
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_http_publish(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_TOPIC) | CLI_OPT_BIT(OPT_TOKEN) |
                             CLI_OPT_BIT(OPT_PAYLOAD) | CLI_OPT_BIT(OPT_PROFILE) |
                             CLI_OPT_BIT(OPT_HOST);
    static const cli_opt_t required[] = {OPT_TOPIC, OPT_TOKEN, OPT_PAYLOAD};
    const char *cmd = argv[1];
    cli_args_t args;
    char err[CLI_ERR_CAP];
    uint32_t profile = IOTWIRE_HTTP_PROFILE_DOC;
    const char *payload;
    size_t need = 0, len = 0;
    uint8_t *req;
    iotwire_status_t rc;
    json_out_t j;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    exit_code = require(cmd, &args, required, sizeof required / sizeof required[0]);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (lookup_word(&args, OPT_PROFILE, k_http_profiles, 2, &profile, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    payload = cli_get(&args, OPT_PAYLOAD);
    /* Size query first: the request holds the whole payload (up to 128 KB). */
    rc = iotwire_http_publish_request(profile, cli_str(&args, OPT_HOST), cli_str(&args, OPT_TOPIC),
                                      cli_str(&args, OPT_TOKEN), (const uint8_t *)payload,
                                      strlen(payload), NULL, 0, &need);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    req = malloc(need > 0 ? need : 1);
    if (req == NULL) {
        return cli_status_error(IOTWIRE_ERR_BUFFER_TOO_SMALL);
    }
    rc = iotwire_http_publish_request(profile, cli_str(&args, OPT_HOST), cli_str(&args, OPT_TOPIC),
                                      cli_str(&args, OPT_TOKEN), (const uint8_t *)payload,
                                      strlen(payload), req, need, &len);
    if (rc != IOTWIRE_OK) {
        free(req);
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_str(&j, "request", (const char *)req, len);
    json_end(&j);
    free(req);
    return CLI_EXIT_OK;
}

int cmd_http_parse_response(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_BODY);
    const char *cmd = argv[1];
    cli_args_t args;
    const char *body;
    iotwire_http_response_t r;
    char token[IOTWIRE_HTTP_TOKEN_MAX_SIZE];
    char id[24];
    size_t token_len = 0;
    iotwire_status_t rc;
    const char *status;
    json_out_t j;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (!cli_has(&args, OPT_BODY)) {
        return cli_usage_error(cmd, "--body is required");
    }
    body = cli_get(&args, OPT_BODY);
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    rc = iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_ANY, (const uint8_t *)body,
                                     strlen(body), &r, token, sizeof token, &token_len);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    /* The platform's verdict is data here, not a CLI failure. */
    status = iotwire_status_str(r.platform_status);
    json_begin(&j);
    json_int(&j, "code", (long)r.code);
    json_str(&j, "status", status, strlen(status));
    json_int(&j, "reauth", (long)r.reauth);
    if (r.has_token) {
        json_str(&j, "token", token, token_len);
    }
    if (r.has_message_id) {
        /* A string: ids exceed 2^53, which JSON numbers lose in most readers. */
        int n = snprintf(id, sizeof id, "%llu", (unsigned long long)r.message_id);
        json_str(&j, "message_id", id, (size_t)n);
    }
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_dynreg_https(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
                             CLI_OPT_BIT(OPT_PRODUCT_SECRET) | CLI_OPT_BIT(OPT_RANDOM) |
                             CLI_OPT_BIT(OPT_SIGN_METHOD) | CLI_OPT_BIT(OPT_REGION) |
                             CLI_OPT_BIT(OPT_HOST) | CLI_OPT_BIT(OPT_PROFILE) |
                             CLI_OPT_BIT(OPT_LAX_NAMES);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_NAME, OPT_PRODUCT_SECRET,
                                         OPT_RANDOM};
    static const uint32_t parts[] = {IOTWIRE_HTTP_PART_REQUEST, IOTWIRE_HTTP_PART_BODY,
                                     IOTWIRE_HTTP_PART_SIGN};
    static const char *const keys[] = {"request", "body", "sign"};
    static char text[3][IOTWIRE_DYNREG_REQUEST_MAX_SIZE];
    size_t len[3];
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_dynreg_https_options_t opts;
    iotwire_mqtt_options_t endpoint;
    char err[CLI_ERR_CAP];
    json_out_t j;
    size_t i;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    exit_code = require(cmd, &args, required, sizeof required / sizeof required[0]);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    iotwire_dynreg_https_options_init(&opts);
    /* The MQTT commands' --region/--host parsing, reused for the same selectors. */
    iotwire_mqtt_options_init(&endpoint);
    if (cli_set_endpoint(&args, &endpoint, err, sizeof err) != 0 ||
        lookup_word(&args, OPT_PROFILE, k_http_profiles, 2, &opts.profile, err, sizeof err) != 0 ||
        lookup_word(&args, OPT_SIGN_METHOD, k_sign_methods, 3, &opts.sign_method, err,
                    sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    opts.region = endpoint.region;
    opts.host = endpoint.host;
    if (cli_has(&args, OPT_LAX_NAMES)) {
        opts.flags |= IOTWIRE_HTTP_FLAG_LAX_NAMES;
    }
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.product_secret = cli_str(&args, OPT_PRODUCT_SECRET);
    opts.random = cli_str(&args, OPT_RANDOM);
    for (i = 0; i < 3; i++) {
        iotwire_status_t rc =
            iotwire_dynreg_https_get(&opts, parts[i], text[i], sizeof text[i], &len[i]);
        if (rc != IOTWIRE_OK) {
            return cli_status_error(rc);
        }
    }
    json_begin(&j);
    for (i = 0; i < 3; i++) {
        json_str(&j, keys[i], text[i], len[i]);
    }
    json_end(&j);
    return CLI_EXIT_OK;
}

/* The fields each reply yields, with their JSON keys. */
typedef struct {
    uint32_t field;
    const char *key;
} reply_field_t;

static iotwire_status_t print_reply(uint32_t type, const char *payload, int print)
{
    static const reply_field_t secret[] = {{IOTWIRE_REPLY_FIELD_DEVICE_SECRET, "device_secret"}};
    static const reply_field_t regnwl[] = {{IOTWIRE_REPLY_FIELD_CLIENT_ID, "client_id"},
                                           {IOTWIRE_REPLY_FIELD_DEVICE_TOKEN, "device_token"}};
    static const reply_field_t identity[] = {{IOTWIRE_REPLY_FIELD_PRODUCT_KEY, "product_key"},
                                             {IOTWIRE_REPLY_FIELD_DEVICE_NAME, "device_name"}};
    const reply_field_t *fields = secret;
    size_t n = 1, i;
    char value[2][IOTWIRE_REPLY_FIELD_MAX_SIZE];
    size_t len[2];
    json_out_t j;
    if (type == IOTWIRE_REPLY_EXT_REGNWL) {
        fields = regnwl;
        n = 2;
    } else if (type == IOTWIRE_REPLY_IDENTITY) {
        fields = identity;
        n = 2;
    }
    for (i = 0; i < n; i++) {
        iotwire_status_t rc =
            iotwire_register_reply_get(type, (const uint8_t *)payload, strlen(payload),
                                       fields[i].field, value[i], sizeof value[i], &len[i]);
        if (rc != IOTWIRE_OK) {
            memset(value, 0, sizeof value);
            return rc;
        }
    }
    if (print) {
        json_begin(&j);
        for (i = 0; i < n; i++) {
            json_str(&j, fields[i].key, value[i], len[i]);
        }
        json_end(&j);
    }
    /* Secrets do not outlive their use, even in a CLI. */
    memset(value, 0, sizeof value);
    return IOTWIRE_OK;
}

int cmd_parse_register(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PAYLOAD) | CLI_OPT_BIT(OPT_TYPE);
    const char *cmd = argv[1];
    cli_args_t args;
    char err[CLI_ERR_CAP];
    const char *payload;
    uint32_t type = UINT32_MAX;
    iotwire_status_t rc = IOTWIRE_ERR_MISSING_FIELD;
    size_t i;
    int exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (!cli_has(&args, OPT_PAYLOAD)) {
        return cli_usage_error(cmd, "--payload is required");
    }
    if (lookup_word(&args, OPT_TYPE, k_reply_types, 4, &type, err, sizeof err) != 0) {
        return cli_usage_error(cmd, "%s", err);
    }
    payload = cli_get(&args, OPT_PAYLOAD);
    if (type != UINT32_MAX) {
        rc = print_reply(type, payload, 1);
        return rc == IOTWIRE_OK ? CLI_EXIT_OK : cli_status_error(rc);
    }
    /* Auto-detect in table order: a reply that lacks the first form's fields (or, for the
     * HTTPS form, has no "code") is tried as the next; any other refusal is the answer. */
    for (i = 0; i < sizeof k_reply_types / sizeof k_reply_types[0]; i++) {
        rc = print_reply(k_reply_types[i].value, payload, 0);
        if (rc == IOTWIRE_OK) {
            (void)print_reply(k_reply_types[i].value, payload, 1);
            return CLI_EXIT_OK;
        }
        if (rc != IOTWIRE_ERR_MISSING_FIELD &&
            !(i == 0 && rc == IOTWIRE_ERR_INVALID_JSON)) {
            break;
        }
    }
    return cli_status_error(rc);
}
