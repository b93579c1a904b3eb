#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "iotwire.h"
#include "json_out.h"

static void print_error_json(int32_t status)
{
    const char *name = iotwire_status_str(status);
    json_out_t j;
    json_begin(&j);
    json_str(&j, "error", name, strlen(name));
    json_int(&j, "status", (long)status);
    json_end(&j);
}

int cli_status_error(int32_t status)
{
    print_error_json(status);
    return CLI_EXIT_STATUS;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fputs("iotwire-cli: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n\n", stderr);
    cli_print_usage(command);
    print_error_json(IOTWIRE_ERR_INVALID_ARGUMENT);
    return CLI_EXIT_USAGE;
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    fputs("iotwire-cli: warning: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_parse_or_report(int argc, char **argv, cli_opt_mask_t allowed, cli_args_t *args)
{
    char err[CLI_ERR_CAP];
    if (cli_args_parse(argc, argv, 2, allowed, args, err, sizeof err) != 0) {
        return cli_usage_error(argv[1], "%s", err);
    }
    if (cli_has(args, OPT_HELP)) {
        /* Help is not a result: stdout still carries the error object, as for no arguments. */
        return cli_usage_error(argv[1], "help requested");
    }
    return CLI_EXIT_OK;
}
