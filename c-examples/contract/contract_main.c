/* Runs every contract suite and prints `N passed, M failed`; exits non-zero on any failure.
 * An optional argument runs only the tests whose "group/name" contains it. */
#include "contract.h"

#include <stdio.h>

typedef struct suite {
    const char *name;
    void (*run)(void);
} suite;

static const suite suites[] = {
    {"misc", ct_suite_misc},
    {"text", ct_suite_text},
    {"password_mac", ct_suite_password_mac},
    {"legacy", ct_suite_legacy},
    {"enos", ct_suite_enos},
#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
    {"coap", ct_suite_coap},
#endif
    {"http", ct_suite_http},
    {"coap_auth", ct_suite_coap_auth},
    {"mqtt_codec", ct_suite_mqtt_codec},
    {"topics", ct_suite_topics},
    {"crypto", ct_suite_crypto},
    {"diagnose", ct_suite_diagnose},
#if defined(CONTRACT_HAVE_LEGACY_HEADER)
    {"legacy_header", ct_suite_legacy_header},
#endif
};

int main(int argc, char **argv)
{
    size_t i;
    unsigned long passed;
    unsigned long failed;
    ct_set_filter(argc > 1 ? argv[1] : NULL);
    for (i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        suites[i].run();
    }
    ct_summary(&passed, &failed);
    printf("%lu passed, %lu failed\n", passed, failed);
    return (failed == 0 && passed > 0) ? 0 : 1;
}
