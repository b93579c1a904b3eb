/* Asks the library for each output and prints them as one JSON object. */
#ifndef IOTWIRE_CLI_CREDENTIALS_H
#define IOTWIRE_CLI_CREDENTIALS_H

#include <stddef.h>
#include <stdint.h>

#include "args.h"
#include "iotwire.h"

/* Every iotwire text output has this shape. */
typedef iotwire_status_t (*cli_text_fn)(const iotwire_mqtt_options_t *opts, char *out,
                                        size_t out_cap, size_t *out_len);

/* The size-query pattern: ask how much room the text needs, check it fits `cap`, then fetch. */
iotwire_status_t cli_get_text(cli_text_fn fn, const iotwire_mqtt_options_t *opts, char *buf,
                              size_t cap, size_t *len);

/* Prints {"host","port","client_id","username","password","sign_content"}, or the JSON error
 * of the first call that fails. Returns the exit code. */
int cli_print_credentials(const iotwire_mqtt_options_t *opts);

/* cli_sign_options() printed the whole answer itself (mqtt-sign --profile enos|enos-tls). */
#define CLI_SIGN_OPTIONS_HANDLED (-1)

/* Parses the mqtt-sign options (plus `extra_allowed`, which the caller handles) into `opts`.
 * Returns CLI_EXIT_OK, CLI_SIGN_OPTIONS_HANDLED, or the exit code of a usage error it has
 * already reported. Shared by mqtt-sign and mqtt-connect-packet, so both accept exactly the
 * same device description. */
int cli_sign_options(int argc, char **argv, cli_opt_mask_t extra_allowed, iotwire_mqtt_options_t *opts);

#endif
