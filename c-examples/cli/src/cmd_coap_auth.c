/* coap-auth and coap-parse-auth: the Alibaba CoAP POST /auth datagram and its response. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "hex.h"
#include "json_out.h"
#include "options.h"

#if defined(IOTWIRE_HAS_COAP)

/* Largest datagram these commands read or write (the platform's 1280-byte limit). */
#define DATAGRAM_MAX 1280

/* A decimal number in 0..max (digits only). */
static int parse_u32(const char *text, uint32_t max, uint32_t *out)
{
    uint32_t v = 0;
    if (*text == '\0') {
        return -1;
    }
    for (; *text != '\0'; text++) {
        uint32_t d;
        if (*text < '0' || *text > '9') {
            return -1;
        }
        d = (uint32_t)(*text - '0');
        if (d > max || v > (max - d) / 10) {
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

static int set_format(const char *cmd, const cli_args_t *args, uint32_t *format)
{
    const char *name = cli_get(args, OPT_FORMAT);
    if (name == NULL || strcmp(name, "json") == 0) {
        *format = IOTWIRE_COAP_FORMAT_JSON;
    } else if (strcmp(name, "cbor") == 0) {
        *format = IOTWIRE_COAP_FORMAT_CBOR;
    } else {
        return cli_usage_error(cmd, "unknown --format '%s' (json or cbor)", name);
    }
    return CLI_EXIT_OK;
}

/* Everything but the datagram options of coap-auth into `auth`. */
static int set_auth_options(const char *cmd, const cli_args_t *args,
                            iotwire_coap_auth_options_t *auth)
{
    const char *profile = cli_get(args, OPT_PROFILE);
    const char *method = cli_get(args, OPT_SIGN_METHOD);
    const char *ack = cli_get(args, OPT_ACK_MODE);
    const char *seq = cli_get(args, OPT_SEQ);
    int exit_code;

    iotwire_coap_auth_options_init(auth);
    if (profile == NULL || strcmp(profile, "doc") == 0) {
        auth->profile = IOTWIRE_COAP_PROFILE_DOC;
    } else if (strcmp(profile, "v3.2.0") == 0) {
        auth->profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    } else if (strcmp(profile, "v2.3.0") == 0) {
        auth->profile = IOTWIRE_COAP_PROFILE_V2_3_0;
    } else {
        return cli_usage_error(cmd, "unknown --profile '%s' (doc, v3.2.0 or v2.3.0)", profile);
    }
    if (method != NULL && cli_sign_method_value(method, &auth->sign_method) != 0) {
        return cli_usage_error(cmd, "unknown --sign-method '%s'", method);
    }
    exit_code = set_format(cmd, args, &auth->format);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (seq != NULL) {
        if (parse_u32(seq, UINT32_MAX, &auth->seq) != 0) {
            return cli_usage_error(cmd, "--seq must be a number in 0..4294967295");
        }
        auth->flags |= IOTWIRE_COAP_AUTH_FLAG_SEQ;
    }
    if (ack != NULL) {
        if (parse_u32(ack, 1, &auth->ack_mode) != 0) {
            return cli_usage_error(cmd, "--ack-mode must be 0 or 1");
        }
        auth->flags |= IOTWIRE_COAP_AUTH_FLAG_ACK_MODE;
    }
    auth->product_key = cli_str(args, OPT_PRODUCT_KEY);
    auth->device_name = cli_str(args, OPT_DEVICE_NAME);
    auth->device_secret = cli_str(args, OPT_DEVICE_SECRET);
    auth->client_id = cli_str(args, OPT_CLIENT_ID);
    auth->timestamp = cli_str(args, OPT_TIMESTAMP);
    return CLI_EXIT_OK;
}

int cmd_coap_auth(int argc, char **argv)
{
    const cli_opt_mask_t allowed =
        CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
        CLI_OPT_BIT(OPT_DEVICE_SECRET) | CLI_OPT_BIT(OPT_CLIENT_ID) |
        CLI_OPT_BIT(OPT_SIGN_METHOD) | CLI_OPT_BIT(OPT_SEQ) | CLI_OPT_BIT(OPT_TIMESTAMP) |
        CLI_OPT_BIT(OPT_ACK_MODE) | CLI_OPT_BIT(OPT_FORMAT) | CLI_OPT_BIT(OPT_MESSAGE_ID) |
        CLI_OPT_BIT(OPT_TOKEN) | CLI_OPT_BIT(OPT_PROFILE);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_NAME, OPT_DEVICE_SECRET};
    const char *cmd = argv[1];
    cli_args_t args;
    iotwire_coap_auth_options_t auth;
    iotwire_coap_session_t session;
    uint8_t token[8];
    size_t token_len = 0;
    uint32_t message_id = 1;
    static uint8_t datagram[DATAGRAM_MAX];
    static char datagram_hex[2 * DATAGRAM_MAX + 1];
    uint8_t payload[IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE];
    char payload_hex[2 * IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE + 1];
    char sign[IOTWIRE_COAP_AUTH_SIGN_MAX_SIZE];
    char content[IOTWIRE_COAP_AUTH_SIGN_CONTENT_MAX_SIZE];
    size_t datagram_len = 0, payload_len = 0, sign_len = 0, content_len = 0;
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
    exit_code = set_auth_options(cmd, &args, &auth);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (cli_has(&args, OPT_MESSAGE_ID) &&
        parse_u32(cli_get(&args, OPT_MESSAGE_ID), 65535, &message_id) != 0) {
        return cli_usage_error(cmd, "--message-id must be a number in 0..65535");
    }
    if (cli_has(&args, OPT_TOKEN) &&
        cli_hex_decode(cli_get(&args, OPT_TOKEN), token, sizeof token, &token_len) != 0) {
        return cli_usage_error(cmd, "--token must be 0 to 8 bytes of hex");
    }

    rc = iotwire_coap_auth_get_sign_content(&auth, content, sizeof content, &content_len);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_coap_auth_get_sign(&auth, sign, sizeof sign, &sign_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = iotwire_coap_auth_get_payload(&auth, payload, sizeof payload, &payload_len);
    }
    if (rc == IOTWIRE_OK && cli_has(&args, OPT_TOKEN)) {
        rc = iotwire_coap_auth_build_request(&auth, (uint16_t)message_id, token, token_len,
                                             datagram, sizeof datagram, &datagram_len);
    } else if (rc == IOTWIRE_OK) {
        /* The session's first CoAP token is the legacy 04 03 02 01. */
        rc = iotwire_coap_session_init(&session, (uint16_t)message_id);
        if (rc == IOTWIRE_OK) {
            rc = iotwire_coap_auth_build(&session, &auth, datagram, sizeof datagram,
                                         &datagram_len);
        }
        iotwire_coap_session_clear(&session);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    cli_hex_encode(datagram, datagram_len, datagram_hex);
    cli_hex_encode(payload, payload_len, payload_hex);
    json_begin(&j);
    json_str(&j, "datagram", datagram_hex, 2 * datagram_len);
    if (auth.format == IOTWIRE_COAP_FORMAT_JSON) {
        json_str(&j, "payload", (const char *)payload, payload_len);
    } else {
        /* CBOR is binary: the payload is shown as hex. */
        json_str(&j, "payload", payload_hex, 2 * payload_len);
    }
    json_str(&j, "payload_hex", payload_hex, 2 * payload_len);
    json_str(&j, "sign", sign, sign_len);
    json_str(&j, "sign_content", content, content_len);
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_coap_parse_auth(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_DATAGRAM) | CLI_OPT_BIT(OPT_FORMAT);
    const char *cmd = argv[1];
    cli_args_t args;
    static uint8_t datagram[DATAGRAM_MAX];
    size_t datagram_len = 0;
    uint32_t format = IOTWIRE_COAP_FORMAT_JSON;
    iotwire_coap_auth_reply_t reply;
    char code[8];
    iotwire_status_t rc;
    json_out_t j;
    int exit_code;

    exit_code = cli_parse_or_report(argc, argv, allowed, &args);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (!cli_has(&args, OPT_DATAGRAM)) {
        return cli_usage_error(cmd, "--datagram is required");
    }
    if (cli_hex_decode(cli_get(&args, OPT_DATAGRAM), datagram, sizeof datagram, &datagram_len) != 0) {
        return cli_usage_error(cmd, "--datagram must be hex of at most %d bytes", DATAGRAM_MAX);
    }
    exit_code = set_format(cmd, &args, &format);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    rc = iotwire_coap_auth_parse_response(datagram, datagram_len, format, &reply);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    snprintf(code, sizeof code, "%u.%02u", (unsigned)(reply.code >> 5),
             (unsigned)(reply.code & 0x1f));
    json_begin(&j);
    json_str(&j, "code", code, strlen(code));
    json_int(&j, "message_id", (long)reply.message_id);
    json_str(&j, "auth_token", reply.auth_token, reply.auth_token_len);
    if ((reply.flags & IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM) != 0) {
        json_str(&j, "random", reply.random, reply.random_len);
    }
    if ((reply.flags & IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET) != 0) {
        json_int(&j, "seq_offset", (long)reply.seq_offset);
    }
    json_end(&j);
    return CLI_EXIT_OK;
}

#endif
