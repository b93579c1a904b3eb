/* Command-line parsing for iotwire-cli: long options only, `--name value` or `--name=value`. */
#ifndef IOTWIRE_CLI_ARGS_H
#define IOTWIRE_CLI_ARGS_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    OPT_PRODUCT_KEY,
    OPT_DEVICE_NAME,
    OPT_DEVICE_SECRET,
    OPT_PRODUCT_SECRET,
    OPT_REGION,
    OPT_HOST,
    OPT_CLIENT_ID,
    OPT_SIGN_METHOD,
    OPT_SECURE_MODE,
    OPT_TIMESTAMP,
    OPT_MODE,
    OPT_DEVICE_TOKEN,
    OPT_INSTANCE_ID,
    OPT_PROFILE,
    OPT_EXTRA_PARAMS,
    OPT_LAX_NAMES,
    OPT_KEEPALIVE,
    OPT_PORT,
    OPT_RANDOM,
    OPT_TYPE,
    OPT_TLS,
    OPT_DEVICE_KEY,
    OPT_SECRET,
    OPT_LIFETIME,
    OPT_MESSAGE_ID,
    OPT_TOKEN,
    OPT_DATAGRAM,
    OPT_TOPIC,
    OPT_PAYLOAD,
    OPT_BODY,
    OPT_SEQ,
    OPT_ACK_MODE,
    OPT_FORMAT,
    OPT_FORM,
    OPT_KIND,
    OPT_NAME,
    OPT_HEX,
    OPT_PROTOCOL,
    OPT_KEY,
    OPT_HELP,
    OPT_KEEP_SESSION,
    OPT_COUNT
} cli_opt_t;

/* Bit of one option in an "allowed options" mask. */
/* A set of options; 64 bits because the commands together have more than 32 options. */
typedef uint64_t cli_opt_mask_t;

#define CLI_OPT_BIT(opt) ((cli_opt_mask_t)1u << (unsigned)(opt))

typedef struct {
    /* Points into argv; NULL when the option was not given. Flags get "" when given. */
    const char *value[OPT_COUNT];
} cli_args_t;

/* Parses argv[first..argc-1]. Only options in `allowed` are accepted; each at most once.
 * Returns 0, or -1 with a one-line explanation in `err`. --help is always accepted. */
int cli_args_parse(int argc, char **argv, int first, cli_opt_mask_t allowed, cli_args_t *out,
                   char *err, size_t err_cap);

/* True when the option was given. */
int cli_has(const cli_args_t *args, cli_opt_t opt);

/* The option's value, or NULL when not given. */
const char *cli_get(const cli_args_t *args, cli_opt_t opt);

/* The option's spelling without dashes, e.g. "product-key". */
const char *cli_opt_name(cli_opt_t opt);

#endif
