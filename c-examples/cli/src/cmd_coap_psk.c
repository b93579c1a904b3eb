/* dtls-psk: the DTLS-PSK identity and key for the Alibaba CoAP endpoint (port 5684). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "hex.h"
#include "json_out.h"
#include "options.h"

#if defined(IOTWIRE_HAS_COAP)

int cmd_dtls_psk(int argc, char **argv)
{
    const cli_opt_mask_t allowed = CLI_OPT_BIT(OPT_PRODUCT_KEY) | CLI_OPT_BIT(OPT_DEVICE_NAME) |
                             CLI_OPT_BIT(OPT_DEVICE_SECRET) | CLI_OPT_BIT(OPT_SIGN_METHOD) |
                             CLI_OPT_BIT(OPT_TIMESTAMP) | CLI_OPT_BIT(OPT_FORM);
    static const cli_opt_t required[] = {OPT_PRODUCT_KEY, OPT_DEVICE_NAME, OPT_DEVICE_SECRET};
    const char *cmd = argv[1];
    const char *form = NULL;
    const char *method = NULL;
    cli_args_t args;
    iotwire_coap_dtls_psk_options_t opts;
    char identity[IOTWIRE_COAP_DTLS_PSK_IDENTITY_MAX_SIZE];
    uint8_t key[IOTWIRE_COAP_DTLS_PSK_KEY_MAX_SIZE];
    char key_hex[2 * IOTWIRE_COAP_DTLS_PSK_KEY_MAX_SIZE + 1];
    size_t identity_len = 0, key_len = 0;
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
    iotwire_coap_dtls_psk_options_init(&opts);
    form = cli_get(&args, OPT_FORM);
    if (form == NULL || strcmp(form, "doc") == 0) {
        opts.form = IOTWIRE_COAP_DTLS_PSK_FORM_DOC;
    } else if (strcmp(form, "sdk") == 0) {
        opts.form = IOTWIRE_COAP_DTLS_PSK_FORM_SDK;
    } else {
        return cli_usage_error(cmd, "unknown --form '%s' (doc or sdk)", form);
    }
    method = cli_get(&args, OPT_SIGN_METHOD);
    if (method != NULL && cli_sign_method_value(method, &opts.sign_method) != 0) {
        return cli_usage_error(cmd, "unknown --sign-method '%s'", method);
    }
    opts.product_key = cli_str(&args, OPT_PRODUCT_KEY);
    opts.device_name = cli_str(&args, OPT_DEVICE_NAME);
    opts.device_secret = cli_str(&args, OPT_DEVICE_SECRET);
    opts.timestamp = cli_str(&args, OPT_TIMESTAMP);

    rc = iotwire_coap_dtls_psk_get_identity(&opts, identity, sizeof identity, &identity_len);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_coap_dtls_psk_get_key(&opts, key, sizeof key, &key_len);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }
    cli_hex_encode(key, key_len, key_hex);
    json_begin(&j);
    json_str(&j, "identity", identity, identity_len);
    if (opts.form == IOTWIRE_COAP_DTLS_PSK_FORM_SDK) {
        /* The key is this ASCII text. */
        json_str(&j, "psk", (const char *)key, key_len);
    } else {
        json_str(&j, "psk", key_hex, 2 * key_len);
    }
    json_str(&j, "psk_hex", key_hex, 2 * key_len);
    json_end(&j);
    return CLI_EXIT_OK;
}

#endif
