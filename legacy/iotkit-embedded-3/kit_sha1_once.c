/* Replaces utils_sha1() of src/infra/infra_sha1.c: the 20-byte SHA1 of a buffer,
 * on libiotwire's streaming SHA1. */
#include "kit_common.h"

#if defined(INFRA_SHA1)
#include "infra_sha1.h"

void utils_sha1(const unsigned char *input, uint32_t ilen, unsigned char output[20])
{
    iotwire_sha1_ctx_t h;
    size_t n;
    iotwire_sha1_init(&h);
    iotwire_sha1_update(&h, input, ilen);
    iotwire_sha1_finish(&h, output, 20, &n);
}
#endif /* INFRA_SHA1 */
