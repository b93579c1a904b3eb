/* Replaces utils_hmac_sha256() of src/infra/infra_sha256.c: the 32 raw bytes of HMAC-SHA256,
 * on libiotwire's streaming HMAC. Differences, on purpose: keys over 64 bytes are hashed first
 * (RFC 2104), where the SDK returned without writing `output`; NULL arguments return without
 * effect, as in the SDK. */
#include "kit_common.h"

#if defined(INFRA_SHA256)
#include "infra_sha256.h"

void utils_hmac_sha256(const uint8_t *msg, uint32_t msg_len, const uint8_t *key, uint32_t key_len, uint8_t output[32])
{
    iotwire_hmac_sha256_ctx_t mac;
    size_t n;
    if (msg == NULL || key == NULL || output == NULL) {
        return;
    }
    iotwire_hmac_sha256_init(&mac, key, key_len);
    iotwire_hmac_sha256_update(&mac, msg, msg_len);
    if (iotwire_hmac_sha256_finish(&mac, output, 32, &n) != IOTWIRE_OK) {
        iotwire_wipe(&mac, sizeof mac);
    }
}
#endif /* INFRA_SHA256 */
