/* Compile-only check (CTest contract_header_include_twice): a header must survive being
 * included twice in one translation unit, which happens as soon as two headers of a project
 * include it (include/legacy/dev_sign_api.h does). */
#include "iotwire.h"
#include "iotwire.h"

int main(void);
int main(void)
{
    iotwire_str_t s = iotwire_str("x");
    return s.len == 1 ? 0 : 1;
}
