/*
 * Compile check for the public headers, built as pedantic C99 (header_check_c99) and, through
 * header_check.cpp, as C++ (header_check_cxx). It runs too, so a declaration that compiles but
 * names the wrong symbol fails at link time rather than in a customer's build.
 */
#include "iotwire.h"
/* A second include must be harmless: legacy headers and user code may both include it. */
#include "iotwire.h"
/* Only with the legacy part built: without it the legacy header deliberately refuses to compile. */
#if defined(IOTWIRE_CHECK_LEGACY_HEADER) && defined(IOTWIRE_HAS_LEGACY_SIGN)
#include "dev_sign_api.h"
#endif

#include <stdio.h>

int main(void)
{
    iotwire_str_t s = iotwire_str("abc");

    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) {
        fprintf(stderr, "ABI mismatch: library %u, header %d\n",
                (unsigned)iotwire_abi_version(), IOTWIRE_ABI_VERSION);
        return 1;
    }
    if (s.len != 3) {
        fprintf(stderr, "iotwire_str: expected length 3, got %lu\n", (unsigned long)s.len);
        return 1;
    }
    printf("header ok: iotwire %s, ABI %u\n", iotwire_version_string(),
           (unsigned)iotwire_abi_version());
    return 0;
}
