/* Replaces utils_sha256() of src/infra/infra_sha256.c: the 32-byte SHA256 of a buffer,
 * on libiotwire's one-shot SHA-256 (the engine the MQTT sign links already). */
#include "kit_common.h"

#if defined(INFRA_SHA256)
#include "infra_sha256.h"

void utils_sha256(const uint8_t *input, uint32_t ilen, uint8_t output[32])
{
    size_t n;
    iotwire_sha256(input, ilen, output, 32, &n);
}
#endif /* INFRA_SHA256 */
