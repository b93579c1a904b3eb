/* CoAP commands: coap-publish, coap-parse-response, coap-key, aes-encrypt, aes-decrypt.
 * They take their own options (the shared option mask has no room for them) through the small
 * table parser below; output and errors follow the other commands' conventions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "iotwire.h"
#include "hex.h"
#include "json_out.h"

#define COAP_BUF 4096

typedef enum {
    C_TOPIC,
    C_AUTH_TOKEN,
    C_PAYLOAD,
    C_PAYLOAD_HEX,
    C_KEY,
    C_SEQ,
    C_FORMAT,
    C_NON,
    C_TOKEN_OPTION,
    C_QUERY,
    C_MESSAGE_ID,
    C_TOKEN,
    C_PROFILE,
    C_MAX_DATAGRAM,
    C_DATAGRAM,
    C_DEVICE_SECRET,
    C_RANDOM,
    C_PLAINTEXT_HEX,
    C_CIPHERTEXT_HEX,
    C_HELP,
    C_COUNT
} coap_opt_t;

typedef struct {
    const char *name;
    int is_flag;
} coap_opt_spec_t;

static const coap_opt_spec_t k_specs[C_COUNT] = {
    {"topic", 0},        {"auth-token", 0},   {"payload", 0},       {"payload-hex", 0},
    {"key", 0},          {"seq", 0},          {"format", 0},        {"non", 1},
    {"token-option", 0}, {"query", 1},        {"message-id", 0},    {"token", 0},
    {"profile", 0},      {"max-datagram", 0}, {"datagram", 0},      {"device-secret", 0},
    {"random", 0},       {"plaintext-hex", 0}, {"ciphertext-hex", 0}, {"help", 1},
};

#define C_BIT(o) ((uint32_t)1u << (unsigned)(o))

typedef struct {
    const char *value[C_COUNT];
} coap_args_t;

/* Parses argv[2..] against `allowed`; returns CLI_EXIT_OK or the usage exit code (reported). */
static int coap_parse(int argc, char **argv, uint32_t allowed, coap_args_t *a)
{
    int i;
    memset(a, 0, sizeof *a);
    for (i = 2; i < argc; i++) {
        const char *arg = argv[i];
        const char *eq;
        size_t name_len;
        int o;
        int found = -1;
        if (strncmp(arg, "--", 2) != 0) {
            return cli_usage_error(argv[1], "unexpected argument '%s'", arg);
        }
        arg += 2;
        eq = strchr(arg, '=');
        name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        for (o = 0; o < C_COUNT; o++) {
            if (strlen(k_specs[o].name) == name_len && strncmp(k_specs[o].name, arg, name_len) == 0) {
                found = o;
            }
        }
        if (found < 0 || (found != C_HELP && (allowed & C_BIT(found)) == 0)) {
            return cli_usage_error(argv[1], "unknown option '--%.*s'", (int)name_len, arg);
        }
        if (a->value[found] != NULL) {
            return cli_usage_error(argv[1], "option '--%s' given twice", k_specs[found].name);
        }
        if (k_specs[found].is_flag) {
            if (eq != NULL) {
                return cli_usage_error(argv[1], "option '--%s' takes no value", k_specs[found].name);
            }
            a->value[found] = "";
        } else if (eq != NULL) {
            a->value[found] = eq + 1;
        } else if (i + 1 < argc) {
            a->value[found] = argv[++i];
        } else {
            return cli_usage_error(argv[1], "option '--%s' needs a value", k_specs[found].name);
        }
    }
    if (a->value[C_HELP] != NULL) {
        return cli_usage_error(argv[1], "help requested");
    }
    return CLI_EXIT_OK;
}

/* Parses a decimal in [0, max]; returns 0 or -1. */
static int parse_uint(const char *text, unsigned long max, unsigned long *value)
{
    char *end = NULL;
    unsigned long v;
    if (text[0] < '0' || text[0] > '9') {
        return -1;
    }
    errno = 0;
    v = strtoul(text, &end, 10);
    if (errno != 0 || end == NULL || *end != '\0' || v > max) {
        return -1;
    }
    *value = v;
    return 0;
}

static int key_arg(const char *command, const char *hex, uint8_t key[IOTWIRE_COAP_KEY_LEN])
{
    size_t len = 0;
    if (cli_hex_decode(hex, key, IOTWIRE_COAP_KEY_LEN, &len) != 0 || len != IOTWIRE_COAP_KEY_LEN) {
        return cli_usage_error(command, "--key must be 32 hex digits (16 bytes)");
    }
    return CLI_EXIT_OK;
}

/* Applies --profile, --format, --token-option, --non, --query, --max-datagram,
 * --message-id and --token to `po`. */
static int publish_framing(const char *command, const coap_args_t *a,
                           iotwire_coap_publish_options_t *po)
{
    const char *profile = a->value[C_PROFILE];
    const char *format = a->value[C_FORMAT];
    unsigned long v = 0;
    size_t token_len = 0;
    if (profile == NULL || strcmp(profile, "doc") == 0) {
        po->profile = IOTWIRE_COAP_PROFILE_DOC;
    } else if (strcmp(profile, "v3.2.0") == 0) {
        po->profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    } else if (strcmp(profile, "v2.3.0") == 0) {
        po->profile = IOTWIRE_COAP_PROFILE_V2_3_0;
    } else {
        return cli_usage_error(command, "unknown --profile '%s'", profile);
    }
    if (format == NULL || strcmp(format, "json") == 0) {
        po->content_format = IOTWIRE_COAP_FORMAT_JSON;
    } else if (strcmp(format, "cbor") == 0) {
        po->content_format = IOTWIRE_COAP_FORMAT_CBOR;
    } else {
        return cli_usage_error(command, "--format must be json or cbor");
    }
    if (a->value[C_TOKEN_OPTION] != NULL) {
        if (parse_uint(a->value[C_TOKEN_OPTION], 65535, &v) != 0 || (v != 61 && v != 2088)) {
            return cli_usage_error(command, "--token-option must be 2088 or 61");
        }
        po->token_option = (uint32_t)v;
    }
    if (a->value[C_NON] != NULL) {
        po->flags |= IOTWIRE_COAP_FLAG_NON;
    }
    if (a->value[C_QUERY] != NULL) {
        po->flags |= IOTWIRE_COAP_FLAG_QUERY;
    }
    if (a->value[C_MAX_DATAGRAM] != NULL) {
        if (parse_uint(a->value[C_MAX_DATAGRAM], COAP_BUF, &v) != 0 || v == 0) {
            return cli_usage_error(command, "--max-datagram must be 1..%d", COAP_BUF);
        }
        po->max_datagram = (uint32_t)v;
    }
    if (a->value[C_MESSAGE_ID] != NULL) {
        if (parse_uint(a->value[C_MESSAGE_ID], 65535, &v) != 0) {
            return cli_usage_error(command, "--message-id must be 0..65535");
        }
        po->flags |= IOTWIRE_COAP_FLAG_MESSAGE_ID;
        po->message_id = (uint16_t)v;
    }
    if (a->value[C_TOKEN] != NULL) {
        if (cli_hex_decode(a->value[C_TOKEN], po->token, sizeof po->token, &token_len) != 0) {
            return cli_usage_error(command, "--token must be 0..16 hex digits");
        }
        po->flags |= IOTWIRE_COAP_FLAG_TOKEN;
        po->token_len = (uint8_t)token_len;
    }
    return CLI_EXIT_OK;
}

int cmd_coap_publish(int argc, char **argv)
{
    static uint8_t payload[COAP_BUF];
    static uint8_t datagram[COAP_BUF];
    const uint32_t allowed = C_BIT(C_TOPIC) | C_BIT(C_AUTH_TOKEN) | C_BIT(C_PAYLOAD) |
                             C_BIT(C_PAYLOAD_HEX) | C_BIT(C_KEY) | C_BIT(C_SEQ) | C_BIT(C_FORMAT) |
                             C_BIT(C_NON) | C_BIT(C_TOKEN_OPTION) | C_BIT(C_QUERY) |
                             C_BIT(C_MESSAGE_ID) | C_BIT(C_TOKEN) | C_BIT(C_PROFILE) |
                             C_BIT(C_MAX_DATAGRAM);
    coap_args_t a;
    iotwire_coap_session_t session;
    iotwire_coap_publish_options_t po;
    uint8_t key[IOTWIRE_COAP_KEY_LEN];
    unsigned long seq = 0;
    size_t payload_len = 0;
    size_t len = 0;
    int32_t rc;
    json_out_t j;
    int exit_code = coap_parse(argc, argv, allowed, &a);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (a.value[C_TOPIC] == NULL || a.value[C_AUTH_TOKEN] == NULL) {
        return cli_usage_error(argv[1], "--topic and --auth-token are required");
    }
    if ((a.value[C_KEY] == NULL) != (a.value[C_SEQ] == NULL)) {
        return cli_usage_error(argv[1], "--key and --seq go together (symmetric mode)");
    }
    if (a.value[C_PAYLOAD] != NULL && a.value[C_PAYLOAD_HEX] != NULL) {
        return cli_usage_error(argv[1], "give --payload or --payload-hex, not both");
    }
    if (a.value[C_PAYLOAD_HEX] != NULL &&
        cli_hex_decode(a.value[C_PAYLOAD_HEX], payload, sizeof payload, &payload_len) != 0) {
        return cli_usage_error(argv[1], "--payload-hex is not hex (or longer than %d bytes)",
                               COAP_BUF);
    }
    iotwire_coap_publish_options_init(&po);
    exit_code = publish_framing(argv[1], &a, &po);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    po.topic = iotwire_str(a.value[C_TOPIC]);
    if (a.value[C_PAYLOAD_HEX] != NULL) {
        po.payload.ptr = (const char *)payload;
        po.payload.len = payload_len;
    } else {
        po.payload = iotwire_str(a.value[C_PAYLOAD]);
    }
    /* Counters: message id 1 and the legacy token 04 03 02 01 unless given. */
    rc = iotwire_coap_session_init(&session, 1);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_coap_session_set_auth_token(&session, iotwire_str(a.value[C_AUTH_TOKEN]));
    }
    if (rc == IOTWIRE_OK && a.value[C_KEY] != NULL) {
        exit_code = key_arg(argv[1], a.value[C_KEY], key);
        if (exit_code != CLI_EXIT_OK) {
            iotwire_coap_session_clear(&session);
            return exit_code;
        }
        if (parse_uint(a.value[C_SEQ], 4294967295ul, &seq) != 0) {
            iotwire_coap_session_clear(&session);
            return cli_usage_error(argv[1], "--seq must be 0..4294967295");
        }
        rc = iotwire_coap_session_set_key(&session, key, sizeof key);
        if (rc == IOTWIRE_OK) {
            rc = iotwire_coap_session_set_next_seq(&session, (uint32_t)seq);
        }
        memset(key, 0, sizeof key);
    }
    if (rc == IOTWIRE_OK) {
        rc = iotwire_coap_publish_build(&session, &po, datagram, sizeof datagram, &len);
    }
    iotwire_coap_session_clear(&session);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_hex(&j, "datagram", datagram, len);
    json_end(&j);
    return CLI_EXIT_OK;
}

static const char *type_name(uint8_t t)
{
    static const char *const names[4] = {"CON", "NON", "ACK", "RST"};
    return names[t & 3u];
}

int cmd_coap_parse_response(int argc, char **argv)
{
    static uint8_t datagram[COAP_BUF];
    static uint8_t payload[COAP_BUF];
    coap_args_t a;
    iotwire_coap_session_t session;
    iotwire_coap_response_t resp;
    uint8_t key[IOTWIRE_COAP_KEY_LEN];
    size_t dlen = 0;
    size_t plen = 0;
    char code[8];
    int32_t rc;
    const char *status;
    json_out_t j;
    int exit_code = coap_parse(argc, argv, C_BIT(C_DATAGRAM) | C_BIT(C_KEY), &a);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (a.value[C_DATAGRAM] == NULL) {
        return cli_usage_error(argv[1], "--datagram is required");
    }
    if (cli_hex_decode(a.value[C_DATAGRAM], datagram, sizeof datagram, &dlen) != 0) {
        return cli_usage_error(argv[1], "--datagram is not hex (or longer than %d bytes)", COAP_BUF);
    }
    rc = iotwire_coap_session_init(&session, 0);
    if (rc == IOTWIRE_OK && a.value[C_KEY] != NULL) {
        exit_code = key_arg(argv[1], a.value[C_KEY], key);
        if (exit_code != CLI_EXIT_OK) {
            return exit_code;
        }
        rc = iotwire_coap_session_set_key(&session, key, sizeof key);
        memset(key, 0, sizeof key);
    }
    if (rc == IOTWIRE_OK) {
        rc = iotwire_coap_parse_response(&session, datagram, dlen, &resp, payload, sizeof payload,
                                         &plen);
    }
    iotwire_coap_session_clear(&session);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    snprintf(code, sizeof code, "%u.%02u", (unsigned)(resp.code >> 5), (unsigned)(resp.code & 31u));
    status = iotwire_status_str(resp.status);
    json_begin(&j);
    json_str(&j, "code", code, strlen(code));
    json_str(&j, "code_status", status, strlen(status));
    json_str(&j, "type", type_name(resp.message_type), 3);
    json_int(&j, "message_id", (long)resp.message_id);
    json_hex(&j, "token_hex", resp.token, resp.token_len);
    if (resp.has_cloud_message_id) {
        json_str(&j, "cloud_message_id", (const char *)datagram + resp.cloud_message_id_offset,
                 resp.cloud_message_id_len);
        json_hex(&j, "cloud_message_id_hex", datagram + resp.cloud_message_id_offset,
                 resp.cloud_message_id_len);
    }
    json_hex(&j, "payload_hex", payload, plen);
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_coap_key(int argc, char **argv)
{
    uint8_t key[IOTWIRE_COAP_KEY_LEN];
    size_t len = 0;
    coap_args_t a;
    int32_t rc;
    json_out_t j;
    int exit_code = coap_parse(argc, argv, C_BIT(C_DEVICE_SECRET) | C_BIT(C_RANDOM), &a);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (a.value[C_DEVICE_SECRET] == NULL || a.value[C_RANDOM] == NULL) {
        return cli_usage_error(argv[1], "--device-secret and --random are required");
    }
    rc = iotwire_coap_derive_key(iotwire_str(a.value[C_DEVICE_SECRET]),
                                 iotwire_str(a.value[C_RANDOM]), key, sizeof key, &len);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_hex(&j, "key", key, len);
    json_end(&j);
    return CLI_EXIT_OK;
}

/* aes-encrypt / aes-decrypt share everything but the direction. */
static int aes_command(int argc, char **argv, int decrypt)
{
    static uint8_t in[COAP_BUF];
    static uint8_t out[COAP_BUF + 16];
    const coap_opt_t data_opt = decrypt ? C_CIPHERTEXT_HEX : C_PLAINTEXT_HEX;
    uint8_t key[IOTWIRE_COAP_KEY_LEN];
    size_t in_len = 0;
    size_t out_len = 0;
    coap_args_t a;
    int32_t rc;
    json_out_t j;
    int exit_code = coap_parse(argc, argv, C_BIT(C_KEY) | C_BIT(data_opt), &a);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (a.value[C_KEY] == NULL || a.value[data_opt] == NULL) {
        return cli_usage_error(argv[1], "--key and --%s are required", k_specs[data_opt].name);
    }
    exit_code = key_arg(argv[1], a.value[C_KEY], key);
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    if (cli_hex_decode(a.value[data_opt], in, sizeof in, &in_len) != 0) {
        return cli_usage_error(argv[1], "--%s is not hex (or longer than %d bytes)",
                               k_specs[data_opt].name, COAP_BUF);
    }
    rc = decrypt ? iotwire_coap_aes_decrypt(key, sizeof key, in, in_len, out, sizeof out, &out_len)
                 : iotwire_coap_aes_encrypt(key, sizeof key, in, in_len, out, sizeof out, &out_len);
    memset(key, 0, sizeof key);
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    json_begin(&j);
    json_hex(&j, decrypt ? "plaintext_hex" : "ciphertext_hex", out, out_len);
    json_end(&j);
    return CLI_EXIT_OK;
}

int cmd_aes_encrypt(int argc, char **argv)
{
    return aes_command(argc, argv, 0);
}

int cmd_aes_decrypt(int argc, char **argv)
{
    return aes_command(argc, argv, 1);
}
