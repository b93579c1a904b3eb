/* Maps command-line words (regions, profiles, sign methods, numbers) to iotwire option values.
 * Each function returns 0 on success, or -1 with a one-line explanation in `err`. */
#ifndef IOTWIRE_CLI_OPTIONS_H
#define IOTWIRE_CLI_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "args.h"
#include "iotwire.h"

typedef struct {
    const char *name;
    uint32_t legacy_sdk;
    uint32_t legacy_build;
} cli_profile_t;

/* Profiles of `mqtt-sign` and `mqtt-dynreg`, terminated by a NULL name. */
extern const cli_profile_t cli_sign_profiles[];
extern const cli_profile_t cli_dynreg_profiles[];

/* --region NAME or --host HOST (mutually exclusive) into opts->region / opts->host. */
int cli_set_endpoint(const cli_args_t *args, iotwire_mqtt_options_t *opts, char *err,
                     size_t err_cap);

/* --sign-method NAME into opts->sign_method (left at the default when absent). */
int cli_set_sign_method(const cli_args_t *args, iotwire_mqtt_options_t *opts, char *err,
                        size_t err_cap);

/* A sign-method name (hmacmd5|hmacsha1|hmacsha256) as its IOTWIRE_SIGN_METHOD_* value;
 * returns 0, or -1 for an unknown name. */
int cli_sign_method_value(const char *name, uint32_t *out);

/* --profile NAME, looked up in `table`, into opts->legacy_sdk / opts->legacy_build. */
int cli_set_profile(const cli_args_t *args, const cli_profile_t *table,
                    iotwire_mqtt_options_t *opts, char *err, size_t err_cap);

/* A decimal number in 1..max (no sign, no spaces). */
int cli_parse_number(const cli_args_t *args, cli_opt_t opt, uint32_t max, uint32_t *out,
                     char *err, size_t err_cap);

/* The option's value as an iotwire_str_t (the empty string when absent). */
iotwire_str_t cli_str(const cli_args_t *args, cli_opt_t opt);

#endif
