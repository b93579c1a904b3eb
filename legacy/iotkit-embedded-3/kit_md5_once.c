/* Replaces utils_md5() of src/infra/infra_md5.c: the 16-byte MD5 of a buffer,
 * on libiotwire's streaming MD5. */
#include "kit_common.h"

#if defined(INFRA_MD5)
#include "infra_md5.h"

void utils_md5(const unsigned char *input, uint32_t ilen, unsigned char output[16])
{
    iotwire_md5_ctx_t h;
    size_t n;
    iotwire_md5_init(&h);
    iotwire_md5_update(&h, input, ilen);
    iotwire_md5_finish(&h, output, 16, &n);
}
#endif /* INFRA_MD5 */
