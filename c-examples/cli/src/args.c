#include "args.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int takes_value;
} opt_spec_t;

/* Indexed by cli_opt_t. */
/* cli_opt_mask_t has one bit per option. */
typedef char cli_opt_count_fits_the_mask[(OPT_COUNT <= 64) ? 1 : -1];

static const opt_spec_t k_specs[OPT_COUNT] = {
    {"product-key", 1},   {"device-name", 1},  {"device-secret", 1}, {"product-secret", 1},
    {"region", 1},        {"host", 1},         {"client-id", 1},     {"sign-method", 1},
    {"secure-mode", 1},   {"timestamp", 1},    {"mode", 1},          {"device-token", 1},
    {"instance-id", 1},   {"profile", 1},      {"extra-params", 1},  {"lax-names", 0},
    {"keepalive", 1},     {"port", 1},         {"random", 1},        {"type", 1},
    {"tls", 0},           {"device-key", 1},   {"secret", 1},        {"lifetime", 1},
    {"message-id", 1},    {"token", 1},        {"datagram", 1},      {"topic", 1},
    {"payload", 1},       {"body", 1},         {"seq", 1},
    {"ack-mode", 1},      {"format", 1},       {"form", 1},          {"kind", 1},
    {"name", 1},          {"hex", 1},          {"protocol", 1},      {"key", 1},
    {"help", 0},          {"keep-session", 0},
};

const char *cli_opt_name(cli_opt_t opt)
{
    return k_specs[opt].name;
}

int cli_has(const cli_args_t *args, cli_opt_t opt)
{
    return args->value[opt] != NULL;
}

const char *cli_get(const cli_args_t *args, cli_opt_t opt)
{
    return args->value[opt];
}

/* Finds the option named by `arg` (after "--", up to '=' if any). */
static int lookup(const char *name, size_t name_len)
{
    int i;
    for (i = 0; i < (int)OPT_COUNT; i++) {
        if (strlen(k_specs[i].name) == name_len && strncmp(k_specs[i].name, name, name_len) == 0) {
            return i;
        }
    }
    return -1;
}

int cli_args_parse(int argc, char **argv, int first, cli_opt_mask_t allowed, cli_args_t *out,
                   char *err, size_t err_cap)
{
    int i;
    memset(out, 0, sizeof *out);
    allowed |= CLI_OPT_BIT(OPT_HELP);
    for (i = first; i < argc; i++) {
        const char *arg = argv[i];
        const char *name;
        const char *eq;
        const char *value;
        size_t name_len;
        int id;

        if (strcmp(arg, "-h") == 0) {
            out->value[OPT_HELP] = "";
            continue;
        }
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
            snprintf(err, err_cap, "unexpected argument '%s'", arg);
            return -1;
        }
        name = arg + 2;
        eq = strchr(name, '=');
        name_len = eq != NULL ? (size_t)(eq - name) : strlen(name);
        id = lookup(name, name_len);
        if (id < 0 || (allowed & CLI_OPT_BIT(id)) == 0) {
            snprintf(err, err_cap, "unknown option '--%.*s' for this command", (int)name_len, name);
            return -1;
        }
        if (out->value[id] != NULL) {
            snprintf(err, err_cap, "option '--%s' given more than once", k_specs[id].name);
            return -1;
        }
        if (!k_specs[id].takes_value) {
            if (eq != NULL) {
                snprintf(err, err_cap, "option '--%s' takes no value", k_specs[id].name);
                return -1;
            }
            value = "";
        } else if (eq != NULL) {
            value = eq + 1;
        } else if (i + 1 < argc) {
            /* An empty value is passed on as given: the library decides whether it is valid. */
            value = argv[++i];
        } else {
            snprintf(err, err_cap, "option '--%s' needs a value", k_specs[id].name);
            return -1;
        }
        out->value[id] = value;
    }
    return 0;
}
