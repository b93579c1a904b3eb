/* What every command shares: exit codes, error reporting and the usage text. */
#ifndef IOTWIRE_CLI_H
#define IOTWIRE_CLI_H

#include <stdint.h>

#include "args.h"

#if defined(__GNUC__)
#define CLI_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define CLI_PRINTF(fmt_index, first_arg)
#endif

enum {
    CLI_EXIT_OK = 0,
    /* The library refused the inputs: stdout has {"error":...,"status":...}. */
    CLI_EXIT_STATUS = 1,
    /* The command line is wrong: same JSON with IOTWIRE_ERR_INVALID_ARGUMENT, usage on stderr. */
    CLI_EXIT_USAGE = 2
};

/* Room for one error message line. */
#define CLI_ERR_CAP 160

/* A command: argv[0] is the program, argv[1] the command name, options follow. */
typedef int (*cli_command_fn)(int argc, char **argv);

/* Prints the usage of `command` (or of every command when NULL) to stderr. */
void cli_print_usage(const char *command);

/* Explains the mistake and the usage on stderr, the JSON error on stdout; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) CLI_PRINTF(2, 3);

/* Prints the JSON error for a library status; returns CLI_EXIT_STATUS. */
int cli_status_error(int32_t status);

/* One "iotwire-cli: warning: ..." line on stderr. */
void cli_warn(const char *fmt, ...) CLI_PRINTF(1, 2);

/* Parses the command's options; on a mistake or --help it has already reported and returns
 * CLI_EXIT_USAGE, otherwise CLI_EXIT_OK. */
int cli_parse_or_report(int argc, char **argv, cli_opt_mask_t allowed, cli_args_t *args);

#endif
